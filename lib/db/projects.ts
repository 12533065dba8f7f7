import { asc, eq } from "drizzle-orm";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { createApiKey, findKeyByPlaintext } from "./api-keys";
import { getAppDb } from "./client";
import { projects, type Project } from "./schema";

export const DEFAULT_PROJECT = "default";

export async function listProjects(): Promise<Project[]> {
  const db = await getAppDb();
  return db.select().from(projects).orderBy(asc(projects.id));
}

export async function getProjectByName(name: string): Promise<Project | null> {
  const db = await getAppDb();
  const [row] = await db.select().from(projects).where(eq(projects.name, name));
  return row ?? null;
}

const boot = processSingleton("bootstrap", () => ({ done: null as Promise<Project> | null }));

/**
 * First start: create project `default` with an ingest key. The key is SPANLENS_API_KEY
 * when set, otherwise generated and printed once to the log; only its hash and a short
 * prefix are stored, so nobody can read it again.
 * A SPANLENS_API_KEY set on a later start is added to `default` if it is not stored yet.
 */
export function ensureDefaultProject(): Promise<Project> {
  boot.done ??= (async () => {
    const db = await getAppDb();
    let project = await getProjectByName(DEFAULT_PROJECT);
    const created = !project;
    if (!project) {
      [project] = await db
        .insert(projects)
        .values({ name: DEFAULT_PROJECT, createdAt: new Date() })
        .onConflictDoNothing()
        .returning();
      project ??= (await getProjectByName(DEFAULT_PROJECT))!;
    }
    const fromEnv = env().apiKey;
    if (fromEnv) {
      if (!(await findKeyByPlaintext(fromEnv))) await createApiKey(project.id, "SPANLENS_API_KEY", { key: fromEnv });
    } else if (created) {
      const { key } = await createApiKey(project.id, "generated at first start");
      console.log(`[spanlens] Created project "default". Ingest API key (shown only this once; store it now): ${key}`);
    }
    return project;
  })();
  boot.done.catch(() => (boot.done = null));
  return boot.done;
}
