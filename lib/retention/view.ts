import { getProjectSettings } from "@/lib/db/project-settings";
import { getSpanStore } from "@/lib/spans";
import { maxDiskBytes } from "./disk-budget";
import { defaultRetention, effectiveRetentionSeconds, formatRetention } from "./period";
import { retentionSchedule } from "./scheduler";

/** What Settings shows of a project's retention and storage, as `GET …/retention` returns it. */
export async function retentionView(projectId: number) {
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
