import { getProjectSettings, setProjectRetention } from "@/lib/db/project-settings";
import { jsonError } from "@/lib/http/errors";
import { projectFromSlug, readJsonBody } from "@/lib/http/project-param";
import { maxDiskBytes } from "@/lib/retention/disk-budget";
import { defaultRetention, effectiveRetentionSeconds, formatRetention, parseRetention, RetentionPeriodError } from "@/lib/retention/period";
import { retentionSchedule } from "@/lib/retention/scheduler";
import { getSpanStore } from "@/lib/spans";

type Ctx = { params: Promise<{ slug: string }> };

async function view(projectId: number) {
  const { retention } = await getProjectSettings(projectId);
  const store = await getSpanStore();
  return {
    retention,
    default: defaultRetention(),
    effective: formatRetention(effectiveRetentionSeconds(retention)),
    maxDiskBytes: maxDiskBytes(),
    purge: retentionSchedule(),
    storage: await store.storageStats(projectId),
    writer: store.writerStats(),
  };
}

/** Retention, the store's size, its oldest span and when the next purge runs. */
export async function GET(req: Request, ctx: Ctx) {
  const auth = await projectFromSlug(req, (await ctx.params).slug);
  if (!auth.ok) return auth.response;
  return Response.json(await view(auth.project.id));
}

/** `{ retention: "7d" }`, `"unlimited"`, or null to follow SPANLENS_RETENTION. */
export async function PUT(req: Request, ctx: Ctx) {
  const auth = await projectFromSlug(req, (await ctx.params).slug);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(req);
  if (!body.ok) return body.response;
  const raw = (body.body as { retention?: unknown } | null)?.retention;
  if (raw !== null && typeof raw !== "string") return jsonError(400, 'retention: expected a period like "7d", "unlimited", or null');
  try {
    if (raw !== null) parseRetention(raw);
  } catch (err) {
    if (err instanceof RetentionPeriodError) return jsonError(400, `retention: ${err.message}`);
    throw err;
  }
  await setProjectRetention(auth.project.id, raw === null ? null : raw.trim().toLowerCase());
  return Response.json(await view(auth.project.id));
}
