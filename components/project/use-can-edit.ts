"use client";

import { useProject } from "./project-context";

/** Whether the viewer may save or change saved items here, and if not, the reason to show on the disabled control. */
export function useCanEdit(): { canEdit: boolean; reason: string | undefined } {
  const { role, name } = useProject();
  const canEdit = role !== "viewer";
  return { canEdit, reason: canEdit ? undefined : `You are a viewer in “${name}”: saving needs the editor role. Ask an admin of the project.` };
}
