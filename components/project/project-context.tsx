"use client";

import { createContext, useContext } from "react";
import type { Role } from "@/lib/auth/roles";

export interface CurrentProject {
  slug: string;
  name: string;
  role: Role;
}

const ProjectContext = createContext<CurrentProject | null>(null);

export function ProjectProvider({ value, children }: { value: CurrentProject; children: React.ReactNode }) {
  return <ProjectContext.Provider value={value}>{children}</ProjectContext.Provider>;
}

/** The project the page shows and the viewer's role in it. */
export function useProject(): CurrentProject {
  const p = useContext(ProjectContext);
  if (!p) throw new Error("useProject outside the dashboard frame");
  return p;
}
