/**
 * Passes a response body on chunk by chunk as it arrives, with the bytes received so far (for
 * progress). Each chunk is a short task: the download never holds the main thread. `onChunk`
 * may transfer the chunk away (to a worker): the count is taken before it is called.
 */
export async function forEachChunk(res: Response, onChunk: (chunk: Uint8Array, bytesSoFar: number) => void): Promise<void> {
  if (!res.body) {
    const all = new Uint8Array(await res.arrayBuffer());
    onChunk(all, all.length);
    return;
  }
  const reader = res.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    bytes += value.length;
    onChunk(value, bytes);
  }
}

/** A response body as bytes, undecoded (a worker decodes and parses it), reporting progress as it comes. */
export async function readBody(res: Response, onBytes: (n: number) => void): Promise<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  await forEachChunk(res, (chunk, soFar) => {
    chunks.push(chunk);
    bytes = soFar;
    onBytes(soFar);
  });
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all.buffer;
}
