import { decodeIngestRequest, encodeIngestError, encodeIngestResponse, errorFormatFor } from "@/lib/ingest/decode-request";
import { INGEST_LIMITS } from "@/lib/ingest/limits";
import { IngestError, type IngestFormat } from "@/lib/ingest/types";
import { encodeRpcStatusProto } from "@/lib/ingest/otlp-proto";
import { getProjectSettings } from "@/lib/db/project-settings";
import { dropExpired, retentionCutoffNs } from "@/lib/retention/gate";
import { effectiveRetentionSeconds, formatRetention } from "@/lib/retention/period";
import { applySampling } from "@/lib/sampling/sampler";
import { getSpanStore, type SpanStore } from "@/lib/spans";
import { isOverloaded, type OverloadedError } from "@/lib/spans/group-commit";
import { requireKey } from "./auth";
import { readBodyCapped } from "./read-body";

function reply(body: Uint8Array | string, contentType: string, status: number) {
  return new Response(body as BodyInit, { status, headers: { "content-type": contentType } });
}

/** google.rpc.Code RESOURCE_EXHAUSTED: OTLP exporters retry it after Retry-After. */
const RPC_RESOURCE_EXHAUSTED = 8;

/** 429 with Retry-After, in the request's encoding: OTLP exporters and Noveum SDKs retry it. */
function overloaded(err: OverloadedError, format: IngestFormat | null): Response {
  const headers = { "retry-after": String(err.retryAfterSeconds) };
  if (format === "otlp-proto") {
    return new Response(encodeRpcStatusProto(err.message, RPC_RESOURCE_EXHAUSTED) as BodyInit, {
      status: 429, headers: { ...headers, "content-type": "application/x-protobuf" },
    });
  }
  return Response.json({ error: err.message, code: RPC_RESOURCE_EXHAUSTED, message: err.message }, { status: 429, headers });
}

/**
 * `POST /v1/traces` and `POST /api/v1/traces`: OTLP/HTTP (JSON or protobuf) and Noveum
 * batches. The whole request is decoded and validated before anything is queued, and
 * stored in one transaction (shared with other requests), so a bad request leaves
 * nothing half-written. A 200 is sent only after that transaction committed.
 */
export async function handleIngest(req: Request): Promise<Response> {
  const auth = await requireKey(req, "ingest");
  if (!auth.ok) return auth.response;
  let format: IngestFormat | null = null;
  let reserved = 0;
  let store: SpanStore | null = null;
  try {
    store = await getSpanStore();
    // Refuse before reading and decoding the body: under overload that work is wasted.
    // A body of unknown length counts as the largest allowed.
    const size = Math.min(Number(req.headers.get("content-length")) || INGEST_LIMITS.maxBodyBytes, INGEST_LIMITS.maxBodyBytes);
    store.reserve(size);
    reserved = size;
    const body = await readBodyCapped(req, INGEST_LIMITS.maxBodyBytes, "maxBodyBytes");
    const decoded = decodeIngestRequest({
      contentType: req.headers.get("content-type"),
      contentEncoding: req.headers.get("content-encoding"),
      body,
    });
    format = decoded.format;
    const settings = await getProjectSettings(auth.projectId);
    const retention = effectiveRetentionSeconds(settings.retention);
    const { kept, expired } = dropExpired(decoded.spans, retentionCutoffNs(retention));
    const sampled = applySampling(auth.projectId, settings.sampling, kept);
    const stored = store.ingest(auth.projectId, sampled.kept, {
      bytes: reserved, reserved: true, sampleRates: settings.sampling ? sampled.rates : undefined,
    });
    // Queued now (or refused): the queue counts its bytes from here on.
    store.release(reserved);
    reserved = 0;
    const result = await stored;
    const out = encodeIngestResponse(decoded.format, {
      ...result,
      received: decoded.spans.length,
      rejected: expired,
      rejectedReason: expired ? `${expired} spans started before the project's retention (${formatRetention(retention)}) and were not stored` : "",
      sampledOut: sampled.dropped,
    });
    return reply(out.body, out.contentType, 200);
  } catch (err) {
    store?.release(reserved);
    if (isOverloaded(err)) {
      return overloaded(err, format ?? errorFormatFor(req.headers.get("content-type")));
    }
    if (err instanceof IngestError) {
      const out = encodeIngestError(format ?? errorFormatFor(req.headers.get("content-type")), err);
      return reply(out.body, out.contentType, err.status);
    }
    console.error("[spanlens] ingest failed", err);
    return Response.json({ error: "internal error while storing spans; nothing from this request was stored" }, { status: 500 });
  }
}
