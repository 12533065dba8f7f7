"use client";

import { fullPageLoad } from "@/components/auth/full-page-load";
import { usePathname } from "next/navigation";
import { useId } from "react";
import type { ProjectChoice } from "@/lib/auth/page-access";
import { PROJECT_PARAM } from "@/lib/auth/project-cookie";
import { useProject } from "@/components/project/project-context";

/**
 * Switches the project: the same section of the app, opened fresh for the other project.
 * A full page load, so nothing cached for one project is shown for another.
 */
export function ProjectSwitcher({ projects }: { projects: ProjectChoice[] }) {
  const id = useId();
  const current = useProject();
  const pathname = usePathname();
  const section = "/" + (pathname.split("/")[1] ?? "");
  return (
    <div className="flex flex-col gap-1 px-3 pb-2">
      <label htmlFor={id} className="text-[11px] font-medium uppercase tracking-wide text-faint">
        Project
      </label>
      <select
        id={id}
        data-testid="project-switcher"
        value={current.slug}
        onChange={(e) => fullPageLoad(`${section}?${new URLSearchParams({ [PROJECT_PARAM]: e.target.value })}`)}
        className="h-7 rounded-md border border-line bg-bg px-1.5 text-[13px] text-fg"
      >
        {projects.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
      <p className="text-[11px] text-faint" data-testid="project-role">
        You are {current.role === "admin" ? "an admin" : `a ${current.role}`} here
      </p>
    </div>
  );
}
