import { createGunzip, createInflate } from "node:zlib";
import { Readable } from "node:stream";
import { HttpError } from "./errors";

export const DEFAULT_MAX_BODY = 20 * 1024 * 1024;

export function maxBodyBytes(): number {
  const v = Number(process.env.CROWSNEST_MAX_BODY_BYTES);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_BODY;
}

/**
 * Reads a request body as text, decompressing gzip/deflate as it streams and
 * stopping at `max` bytes AFTER decompression (413), so neither a huge body
 * nor a gzip bomb can exhaust memory.
 */
export async function readBodyCapped(req: Request, max = maxBodyBytes()): Promise<string> {
  return (await readBytesCapped(req, max)).toString("utf8");
}

/** The same as readBodyCapped, as bytes (protobuf bodies). */
export async function readBytesCapped(req: Request, max = maxBodyBytes()): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  const encoding = (req.headers.get("content-encoding") ?? "identity").toLowerCase().trim();
  if (encoding === "identity" && Number.isFinite(declared) && declared > max) {
    throw new HttpError(413, `body larger than ${max} bytes`);
  }
  if (!req.body) return Buffer.alloc(0);
  let stream: AsyncIterable<Buffer> = Readable.fromWeb(req.body as import("node:stream/web").ReadableStream);
  if (encoding === "gzip" || encoding === "x-gzip") stream = (stream as Readable).pipe(createGunzip());
  else if (encoding === "deflate") stream = (stream as Readable).pipe(createInflate());
  else if (encoding !== "identity") throw new HttpError(415, `unsupported content-encoding '${encoding}'`);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += chunk.length;
      if (total > max) {
        (stream as Readable).destroy();
        throw new HttpError(413, `body larger than ${max} bytes after decompression`);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, `could not read body: ${(err as Error).message}`);
  }
  return Buffer.concat(chunks);
}
