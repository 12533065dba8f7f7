import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import protobuf from "protobufjs";
import type { NoveumTrace } from "./noveum";

/** What a local stand-in for the ingest server saw; used by the demo's tests and timing runs. */
export interface Capture {
  url: string;
  jsonBodies: OtlpJson[];
  /** traceId of every span that arrived as OTLP protobuf. */
  protoSpanTraceIds: string[];
  protoBytes: number;
  noveumBodies: { traces: NoveumTrace[]; timestamp: number }[];
  authHeaders: Set<string>;
  close: () => Promise<void>;
}

export interface OtlpJson {
  resourceSpans: {
    resource: { attributes: KeyValue[] };
    scopeSpans: { spans: JsonSpan[] }[];
  }[];
}

export interface KeyValue {
  key: string;
  value: Record<string, unknown>;
}

export interface JsonSpan {
  traceId: string;
  spanId: string;
  name: string;
  kind: number;
  attributes: KeyValue[];
  events: { name: string; attributes: KeyValue[] }[];
  status: { code?: number; message?: string };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  return req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
}

/** Walks ExportTraceServiceRequest -> ResourceSpans(2) -> ScopeSpans(2) -> Span, reading trace_id (1). */
function protoTraceIds(buf: Uint8Array): string[] {
  const ids: string[] = [];
  const fields = (bytes: Uint8Array, visit: (field: number, r: protobuf.Reader) => boolean): void => {
    const r = protobuf.Reader.create(bytes);
    while (r.pos < r.len) {
      const tag = r.uint32();
      if (!visit(tag >>> 3, r)) r.skipType(tag & 7);
    }
  };
  fields(buf, (f, r) => {
    if (f !== 1) return false;
    fields(r.bytes(), (f2, r2) => {
      if (f2 !== 2) return false;
      fields(r2.bytes(), (f3, r3) => {
        if (f3 !== 2) return false;
        let traceId = "";
        fields(r3.bytes(), (f4, r4) => {
          if (f4 !== 1) return false;
          traceId = Buffer.from(r4.bytes()).toString("hex");
          return true;
        });
        ids.push(traceId);
        return true;
      });
      return true;
    });
    return true;
  });
  return ids;
}

export async function startCaptureServer(opts: { failOtlpWith?: number } = {}): Promise<Capture> {
  const capture: Capture = {
    url: "",
    jsonBodies: [],
    protoSpanTraceIds: [],
    protoBytes: 0,
    noveumBodies: [],
    authHeaders: new Set<string>(),
    close: async () => {},
  };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    capture.authHeaders.add(String(req.headers.authorization));
    const type = String(req.headers["content-type"] ?? "");
    if (req.method === "POST" && req.url === "/v1/traces") {
      if (opts.failOtlpWith) {
        res.writeHead(opts.failOtlpWith, { "content-type": "application/json" }).end('{"error":"rejected by test"}');
        return;
      }
      if (type.includes("protobuf")) {
        capture.protoBytes += body.length;
        capture.protoSpanTraceIds.push(...protoTraceIds(body));
        res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
      } else {
        capture.jsonBodies.push(JSON.parse(body.toString("utf8")) as OtlpJson);
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      }
      return;
    }
    if (req.method === "POST" && req.url === "/api/v1/traces") {
      capture.noveumBodies.push(JSON.parse(body.toString("utf8")));
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  capture.url = `http://127.0.0.1:${port}`;
  capture.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return capture;
}
