import { ensureDefaultProject } from "@/lib/db/projects";
import { getSpanStore } from "@/lib/spans";

export const dynamic = "force-dynamic";

/** Ready means both stores are open and migrated, not only that the process is up. */
export async function GET() {
  await Promise.all([ensureDefaultProject(), getSpanStore()]);
  return Response.json({ ok: true });
}
