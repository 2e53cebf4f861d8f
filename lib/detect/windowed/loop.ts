/**
 * The background loop of windowed rules, started by the `npm start`
 * supervisor: one run every `intervalMs` (≤ 30 s), never two at once (an
 * advisory lock also keeps a second supervisor out), and a failed run is
 * logged and retried next time — it never takes the supervisor down.
 */
import type { Db } from "@/lib/db";
import { runWindowedRules, type RunReport } from "./run";

export const DETECTION_INTERVAL_MS = 20_000;

export type DetectionLoop = { stop: () => Promise<void>; runNow: () => Promise<RunReport | null> };

export function startDetectionLoop(db: Db, opts: { intervalMs?: number; log?: (msg: string) => void } = {}): DetectionLoop {
  const interval = Math.min(opts.intervalMs ?? DETECTION_INTERVAL_MS, 30_000);
  const log = opts.log ?? ((m: string) => console.log(`[crowsnest] ${m}`));
  let running: Promise<RunReport | null> | null = null;
  let stopped = false;
  let failures = 0;
  const reported = new Map<string, string>();

  const tick = (): Promise<RunReport | null> => {
    if (running) return running;
    running = runWindowedRules(db)
      .then((r) => {
        if (failures) log(`windowed rules running again after ${failures} failed run(s)`);
        failures = 0;
        // A broken rule is reported once per distinct error, not every 20 s.
        for (const [id, msg] of Object.entries(r.errors)) {
          if (reported.get(id) !== msg) log(`windowed rule ${id} failed: ${msg}`);
          reported.set(id, msg);
        }
        return r;
      })
      .catch((err: unknown) => {
        if (failures++ === 0) log(`windowed rules run failed (will retry): ${(err as Error).message}`);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => {
    if (!stopped) void tick();
  }, interval);
  timer.unref();
  void tick();
  return {
    runNow: tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
