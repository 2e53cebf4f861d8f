import { describe, expect, it } from "vitest";
import { pushRecent, readRecent, recentKey, recordRecent, RECENT_LIMIT, type RecentSearch } from "./recent-searches";

function memoryStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

const r = (q: string, at = "2025-01-01T00:00:00Z"): RecentSearch => ({ q, from: "now-1h", to: "now", at });

describe("recent searches", () => {
  it("puts the newest first and moves a repeat to the top", () => {
    const list = pushRecent(pushRecent(pushRecent([], r("a")), r("b")), r("a", "2025-01-02T00:00:00Z"));
    expect(list.map((x) => x.q)).toEqual(["a", "b"]);
    expect(list[0].at).toBe("2025-01-02T00:00:00Z");
  });

  it("treats a different range as a different search", () => {
    const list = pushRecent([r("a")], { ...r("a"), from: "now-7d" });
    expect(list).toHaveLength(2);
  });

  it(`keeps at most ${RECENT_LIMIT}`, () => {
    let list: RecentSearch[] = [];
    for (let i = 0; i < 30; i++) list = pushRecent(list, r(`q${i}`));
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0].q).toBe("q29");
  });

  it("stores per user and survives garbage", () => {
    const s = memoryStorage({ [recentKey("u2")]: "{not json" });
    recordRecent(s, "u1", { q: "exec", from: "now-1h", to: "now" });
    expect(readRecent(s, "u1").map((x) => x.q)).toEqual(["exec"]);
    expect(readRecent(s, "u2")).toEqual([]);
    s.m.set(recentKey("u3"), JSON.stringify([{ q: 1 }, r("ok")]));
    expect(readRecent(s, "u3").map((x) => x.q)).toEqual(["ok"]);
  });
});
