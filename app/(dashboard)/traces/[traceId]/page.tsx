import { shortId } from "@/lib/format/id";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { preload } from "react-dom";
import { connection } from "next/server";
import { pageAccess } from "@/lib/auth/page-access";
import { PROJECT_PARAM } from "@/lib/auth/project-cookie";
import { getSpanStore } from "@/lib/spans";
import { normalizeTraceIdForLookup } from "@/lib/spans/trace-id";
import { WATERFALL_PRELOAD, waterfallUrl } from "@/lib/waterfall/url";
import { TraceClient } from "./client";

type Props = { params: Promise<{ traceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${shortId(traceId)}` };
}

/**
 * Preloads the trace's columns (on a client-side navigation too: the hint travels with the
 * page's payload), checks the trace exists from its summary row (no spans read, whatever its
 * size), then hands over to the client, which loads the compact columns for the waterfall.
 */
export default async function TracePage({ params, searchParams }: Props) {
  await connection();
  const [{ traceId }, query] = await Promise.all([params, searchParams]);
  const slug = query[PROJECT_PARAM];
  if (!normalizeTraceIdForLookup(traceId)) notFound();
  // Before any read: the hint reaches the page's head, so the columns download alongside the
  // scripts instead of after hydration. An unknown trace or project answers 404/403 to it.
  if (typeof slug === "string") preload(waterfallUrl(traceId, slug), WATERFALL_PRELOAD);
  const { project } = await pageAccess();
  const summary = await (await getSpanStore()).getTraceSummary(project.id, traceId);
  if (!summary) notFound();
  return <TraceClient summary={summary} />;
}
