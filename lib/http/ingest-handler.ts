import { decodeIngestRequest, encodeIngestError, encodeIngestResponse, errorFormatFor } from "@/lib/ingest/decode-request";
import { INGEST_LIMITS } from "@/lib/ingest/limits";
import { IngestError, type IngestFormat } from "@/lib/ingest/types";
import { getSpanStore } from "@/lib/spans";
import { requireKey } from "./auth";
import { readBodyCapped } from "./read-body";

function reply(body: Uint8Array | string, contentType: string, status: number) {
  return new Response(body as BodyInit, { status, headers: { "content-type": contentType } });
}

/**
 * `POST /v1/traces` and `POST /api/v1/traces`: OTLP/HTTP (JSON or protobuf) and Noveum
 * batches. The whole request is decoded and validated before anything is stored, and
 * stored in one transaction, so a bad request leaves nothing half-written.
 */
export async function handleIngest(req: Request): Promise<Response> {
  const auth = await requireKey(req);
  if (!auth.ok) return auth.response;
  let format: IngestFormat | null = null;
  try {
    const body = await readBodyCapped(req, INGEST_LIMITS.maxBodyBytes, "maxBodyBytes");
    const decoded = decodeIngestRequest({
      contentType: req.headers.get("content-type"),
      contentEncoding: req.headers.get("content-encoding"),
      body,
    });
    format = decoded.format;
    const store = await getSpanStore();
    const result = await store.ingest(auth.projectId, decoded.spans);
    const out = encodeIngestResponse(decoded.format, result);
    return reply(out.body, out.contentType, 200);
  } catch (err) {
    if (err instanceof IngestError) {
      const out = encodeIngestError(format ?? errorFormatFor(req.headers.get("content-type")), err);
      return reply(out.body, out.contentType, err.status);
    }
    console.error("[spanlens] ingest failed", err);
    return Response.json({ error: "internal error while storing spans; nothing from this request was stored" }, { status: 500 });
  }
}
