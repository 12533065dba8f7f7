import { IngestError } from "@/lib/ingest/types";

/** Reads a request body, stopping with a 413 as soon as it passes `maxBytes`. */
export async function readBodyCapped(req: Request, maxBytes: number, limitName: string): Promise<Uint8Array> {
  const tooLarge = () => new IngestError("", `request body is larger than ${limitName} (${maxBytes} bytes)`, 413);
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}
