import { eq } from "drizzle-orm";
import { processSingleton } from "@/lib/process-singleton";
import type { SamplingPolicy } from "@/lib/sampling/policy";
import { getAppDb } from "./client";
import { projects, samplingPolicies } from "./schema";

export interface ProjectSettings {
  /** The project's own retention ("7d"), or null to follow SPANLENS_RETENTION. */
  retention: string | null;
  /** null keeps every span. */
  sampling: (SamplingPolicy & { updatedAt: Date; updatedBy: string | null }) | null;
}

// Ingest reads these on every request: cache them, and let writes through this module
// clear the entry. The short expiry covers a second server process sharing the store.
const CACHE_MS = 5_000;
const cache = processSingleton("projectSettings", () => new Map<number, { at: number; value: Promise<ProjectSettings> }>());

async function load(projectId: number): Promise<ProjectSettings> {
  const db = await getAppDb();
  const [project] = await db.select({ retention: projects.retention }).from(projects).where(eq(projects.id, projectId));
  const [policy] = await db.select().from(samplingPolicies).where(eq(samplingPolicies.projectId, projectId));
  return {
    retention: project?.retention ?? null,
    sampling: policy
      ? { rules: JSON.parse(policy.rules), defaultRate: policy.defaultRate, updatedAt: policy.updatedAt, updatedBy: policy.updatedBy }
      : null,
  };
}

export function getProjectSettings(projectId: number): Promise<ProjectSettings> {
  const hit = cache.get(projectId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = load(projectId);
  cache.set(projectId, { at: Date.now(), value });
  value.catch(() => cache.delete(projectId));
  return value;
}

export async function setProjectRetention(projectId: number, retention: string | null) {
  const db = await getAppDb();
  await db.update(projects).set({ retention }).where(eq(projects.id, projectId));
  cache.delete(projectId);
}

/** Saves the policy (already validated), or removes it with null: keep everything. */
export async function setSamplingPolicy(projectId: number, policy: SamplingPolicy | null, updatedBy: string | null) {
  const db = await getAppDb();
  if (!policy) {
    await db.delete(samplingPolicies).where(eq(samplingPolicies.projectId, projectId));
  } else {
    const row = { rules: JSON.stringify(policy.rules), defaultRate: policy.defaultRate, updatedAt: new Date(), updatedBy };
    await db.insert(samplingPolicies).values({ projectId, ...row })
      .onConflictDoUpdate({ target: samplingPolicies.projectId, set: row });
  }
  cache.delete(projectId);
}
