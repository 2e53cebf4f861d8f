import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { readBodyCapped } from "./body";
import { HttpError } from "./errors";

const req = (body: Buffer | string, headers: Record<string, string> = {}) =>
  new Request("http://x/ingest", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBodyCapped", () => {
  it("reads plain and gzip bodies", async () => {
    expect(await readBodyCapped(req("hello"), 100)).toBe("hello");
    expect(await readBodyCapped(req(gzipSync("hello gz"), { "content-encoding": "gzip" }), 100)).toBe("hello gz");
  });

  it("refuses a declared oversize body with 413 before reading it", async () => {
    await expect(readBodyCapped(req("x".repeat(200), { "content-length": "200" }), 100)).rejects.toMatchObject({ status: 413 });
  });

  it("stops a gzip bomb at the cap after decompression", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros, ~64 KiB compressed
    expect(bomb.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().rss;
    const err = await readBodyCapped(req(bomb, { "content-encoding": "gzip" }), 1024 * 1024).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(413);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it("rejects unknown encodings (415) and corrupt gzip (400)", async () => {
    await expect(readBodyCapped(req("x", { "content-encoding": "br" }), 100)).rejects.toMatchObject({ status: 415 });
    await expect(readBodyCapped(req("not gzip", { "content-encoding": "gzip" }), 100)).rejects.toMatchObject({ status: 400 });
  });
});
