"use client";

import { fullPageLoad } from "@/components/auth/full-page-load";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useProject } from "@/components/project/project-context";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { LoadError } from "@/components/ui/load-error";
import { createProject, deleteProject, fetchProjects, teamKeys, type ProjectRow } from "./queries";

/** The instance owner's list of projects: create one (and open it), or delete one with its data. */
export function ProjectsPanel() {
  const current = useProject();
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [deleting, setDeleting] = useState<ProjectRow | null>(null);
  const query = useQuery({ queryKey: teamKeys.projects, queryFn: fetchProjects });
  const create = useMutation({
    mutationFn: () => createProject(name.trim()),
    onSuccess: (p) => fullPageLoad(`/settings?project=${encodeURIComponent(p.slug)}`),
  });
  const remove = useMutation({
    mutationFn: (slug: string) => deleteProject(slug),
    onSuccess: async (_r, slug) => {
      setDeleting(null);
      if (slug === current.slug) fullPageLoad("/settings?project=default");
      else await queryClient.invalidateQueries({ queryKey: teamKeys.projects });
    },
  });
  return (
    <div className="flex max-w-4xl flex-col gap-3">
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <label htmlFor={`${id}-name`} className="sr-only">New project name</label>
        <Input id={`${id}-name`} placeholder="New project name, e.g. Checkout" value={name} maxLength={60} onChange={(e) => { setName(e.target.value); create.reset(); }} className="w-72" aria-invalid={create.isError} />
        <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>{create.isPending ? "Creating…" : "Create project"}</Button>
        {create.isError && <p role="alert" className="basis-full text-xs text-error">{create.error.message}</p>}
      </form>
      {query.isError && <LoadError what="the projects" error={query.error} />}
      {remove.isError && <p role="alert" className="text-error">{remove.error.message}</p>}
      <ul className="flex flex-col gap-1" data-testid="project-list">
        {(query.data ?? []).map((p) => (
          <li key={p.slug} className="flex items-center gap-2">
            <a className="text-accent underline" href={`/settings?project=${encodeURIComponent(p.slug)}`}>{p.name}</a>
            <span className="font-mono text-xs text-muted">{p.slug}</span>
            {p.slug !== "default" && (
              <Button variant="ghost" onClick={() => setDeleting(p)} aria-label={`Delete project ${p.name}`}>Delete</Button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={!!deleting}
        title="Delete project"
        confirmLabel="Delete project and its data"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.slug)}
        onCancel={() => setDeleting(null)}
      >
        Deletes “{deleting?.name}” with its keys (ingest with them stops at once), members, saved items and every stored
        span. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
