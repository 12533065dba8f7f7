import { asc, eq, inArray } from "drizzle-orm";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { createApiKey, findKeyByPlaintext } from "./api-keys";
import { getAppDb } from "./client";
import { projectMembers, projects, type Project } from "./schema";

export const DEFAULT_PROJECT = "default";

/** The longest project name; slugs are cut to fit URLs too. */
export const PROJECT_NAME_MAX = 60;
const SLUG_MAX = 40;

export async function listProjects(): Promise<Project[]> {
  const db = await getAppDb();
  return db.select().from(projects).orderBy(asc(projects.id));
}

export async function getProjectBySlug(slug: string): Promise<Project | null> {
  const db = await getAppDb();
  const [row] = await db.select().from(projects).where(eq(projects.slug, slug));
  return row ?? null;
}

export async function getProjectById(id: number): Promise<Project | null> {
  const db = await getAppDb();
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row ?? null;
}

export async function projectsByIds(ids: number[]): Promise<Project[]> {
  if (!ids.length) return [];
  const db = await getAppDb();
  return db.select().from(projects).where(inArray(projects.id, ids)).orderBy(asc(projects.id));
}

/** "Checkout API" -> "checkout-api": lowercase letters, digits and single dashes. */
export function slugify(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
  return s || "project";
}

export class ProjectNameTaken extends Error {}

/** A new project, with the creator as its admin; the slug gets a number if it is taken. */
export async function createProject(name: string, creatorId: string): Promise<Project> {
  const db = await getAppDb();
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.name, name));
    if (clash) throw new ProjectNameTaken(`name: a project named "${name}" exists`);
    const base = slugify(name);
    let slug = base;
    for (let n = 2; (await tx.select({ id: projects.id }).from(projects).where(eq(projects.slug, slug))).length; n++) slug = `${base}-${n}`;
    const [row] = await tx.insert(projects).values({ name, slug, createdAt: new Date() }).returning();
    await tx.insert(projectMembers).values({ projectId: row.id, userId: creatorId, role: "admin", createdAt: new Date() });
    return row;
  });
}

/** Deletes a project's app rows (keys, members, saved items cascade); spans are the caller's. */
export async function deleteProject(id: number): Promise<boolean> {
  const db = await getAppDb();
  const rows = await db.delete(projects).where(eq(projects.id, id)).returning({ id: projects.id });
  return rows.length > 0;
}

const boot = processSingleton("bootstrap", () => ({ done: null as Promise<Project> | null }));

/**
 * First start: create project `default` with a key (ingest and read). The key is
 * SPANLENS_API_KEY when set, otherwise generated and printed once to the log; only its
 * hash and a short prefix are stored, so nobody can read it again.
 * A SPANLENS_API_KEY set on a later start is added to `default` if it is not stored yet.
 */
export function ensureDefaultProject(): Promise<Project> {
  boot.done ??= (async () => {
    const db = await getAppDb();
    let project = await getProjectBySlug(DEFAULT_PROJECT);
    // Instances sharing PostgreSQL may start together: only the one whose insert lands has
    // "created" the project, so only one prints a generated key.
    let created = false;
    if (!project) {
      [project] = await db
        .insert(projects)
        .values({ name: DEFAULT_PROJECT, slug: DEFAULT_PROJECT, createdAt: new Date() })
        .onConflictDoNothing()
        .returning();
      created = !!project;
      project ??= (await getProjectBySlug(DEFAULT_PROJECT))!;
    }
    const fromEnv = env().apiKey;
    if (fromEnv) {
      if (!(await findKeyByPlaintext(fromEnv))) {
        // A second instance may store the same key between our look-up and our insert.
        await createApiKey(project.id, "SPANLENS_API_KEY", { key: fromEnv, scopes: ["ingest", "read"] }).catch(async (err) => {
          if (!(await findKeyByPlaintext(fromEnv))) throw err;
        });
      }
    } else if (created) {
      const { key } = await createApiKey(project.id, "generated at first start", { scopes: ["ingest", "read"] });
      console.log(`[spanlens] Created project "default". API key (ingest and read; shown only this once, store it now): ${key}`);
    }
    return project;
  })();
  boot.done.catch(() => (boot.done = null));
  return boot.done;
}

/** Renames a project or turns its public snapshots on or off. */
export async function updateProject(id: number, patch: { name?: string; snapshotsEnabled?: boolean }): Promise<Project | null> {
  const db = await getAppDb();
  if (patch.name === undefined && patch.snapshotsEnabled === undefined) return getProjectById(id);
  if (patch.name) {
    const [clash] = await db.select({ id: projects.id }).from(projects).where(eq(projects.name, patch.name));
    if (clash && clash.id !== id) throw new ProjectNameTaken(`name: a project named "${patch.name}" exists`);
  }
  const [row] = await db.update(projects).set(patch).where(eq(projects.id, id)).returning();
  return row ?? null;
}
