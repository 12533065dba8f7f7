import { shortId } from "@/lib/format/id";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { pageAccess } from "@/lib/auth/page-access";
import { getSpanStore } from "@/lib/spans";
import { normalizeTraceIdForLookup } from "@/lib/spans/trace-id";
import { TraceClient } from "./client";

type Props = { params: Promise<{ traceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${shortId(traceId)}` };
}

/**
 * Checks the trace exists from its summary row (no spans read, whatever its size), then
 * hands over to the client, which loads the compact columns for the waterfall.
 */
export default async function TracePage({ params }: Props) {
  await connection();
  const { traceId } = await params;
  if (!normalizeTraceIdForLookup(traceId)) notFound();
  const { project } = await pageAccess();
  const summary = await (await getSpanStore()).getTraceSummary(project.id, traceId);
  if (!summary) notFound();
  return <TraceClient summary={summary} />;
}
