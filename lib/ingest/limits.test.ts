import { describe, expect, it } from "vitest";
import { startDraining, takeRateToken, withIngestSlot } from "./limits";
import { HttpError } from "@/lib/http/errors";

describe("ingest limits", () => {
  it("allows a burst of 2× the rate per token, then 429 with Retry-After, then refills", () => {
    process.env.CROWSNEST_INGEST_RPS = "5";
    const t0 = 1_000_000;
    for (let i = 0; i < 10; i++) takeRateToken("tok-a", t0);
    const err = (() => {
      try {
        takeRateToken("tok-a", t0);
      } catch (e) {
        return e as HttpError;
      }
    })();
    expect(err?.status).toBe(429);
    expect(Number(err?.headers?.["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(() => takeRateToken("tok-b", t0)).not.toThrow(); // other tokens unaffected
    expect(() => takeRateToken("tok-a", t0 + 1000)).not.toThrow();
    delete process.env.CROWSNEST_INGEST_RPS;
  });

  it("queues past the concurrency limit and answers 503 when the queue is full", async () => {
    process.env.CROWSNEST_INGEST_CONCURRENCY = "2";
    process.env.CROWSNEST_INGEST_QUEUE = "1";
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = [withIngestSlot(0, () => gate), withIngestSlot(0, () => gate)];
    const queued = withIngestSlot(0, async () => "queued ran");
    await expect(withIngestSlot(0, async () => "x")).rejects.toMatchObject({ status: 503 });
    release();
    await Promise.all(running);
    expect(await queued).toBe("queued ran");
    delete process.env.CROWSNEST_INGEST_CONCURRENCY;
    delete process.env.CROWSNEST_INGEST_QUEUE;
  });

  it("refuses new batches with 503 once draining for shutdown", async () => {
    startDraining();
    await expect(withIngestSlot(0, async () => 1)).rejects.toMatchObject({ status: 503, headers: { "retry-after": "5" } });
  });
});
