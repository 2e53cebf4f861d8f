/**
 * Bulk-loads demo events for the search bench: the demo generator's events
 * (all five layers, attack stories included) spread over 7 days, COPYed into
 * one plain table per day which is then attached as the day's partition —
 * PostgreSQL builds each partition's indexes in bulk at ATTACH, several
 * times faster than maintaining them row by row (ingest pays that, the bench
 * need not). The same rows are written as NDJSON, one file per day as a log
 * shipper would rotate them, for the ripgrep/lnav comparison.
 */
import { createHash } from "node:crypto";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { from as copyFrom } from "pg-copy-streams";
import pg, { type Pool } from "pg";
import { generateDemo } from "../lib/demo/generate";
import { dayStart, partitionName } from "../lib/events/partitions";
import { eventTime, type NormalizedEvent } from "../lib/events/types";
import { ndjsonRow } from "../lib/search/export-format";
import { COPY_COLUMNS, copyLine } from "./copy-events";

export const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

export type LoadReport = { events: number; copySeconds: number; attachSeconds: number; analyzeSeconds: number; days: string[]; ndjsonFiles: string[] };

type Writable = { write(chunk: string): boolean; once(ev: "drain", fn: () => void): unknown };

async function writeChunk(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((r) => stream.once("drain", r));
}

function endStream(s: NodeJS.WritableStream): Promise<void> {
  return new Promise((res, rej) => {
    s.once("error", rej);
    s.once("finish", () => res());
    s.end();
  });
}

/** The event as the API (and so the NDJSON export) shows it. */
function asStored(e: NormalizedEvent, id: number, receivedAt: string) {
  return {
    id: String(id), ts: eventTime(e), receivedAt, cluster: e.cluster, layer: e.layer, source: e.source, severity: e.severity, node: e.node,
    namespace: e.namespace, pod: e.pod, container: e.container, workload: e.workload, actor: e.actor, actorType: e.actorType,
    impersonated: e.impersonated, verb: e.verb, resource: e.resource, subresource: e.subresource, objectName: e.objectName, code: e.code,
    sourceIp: e.sourceIp, message: e.message, attributes: e.attributes, flags: [],
  };
}

/** `windowMs`: how far back from `now` the events spread (default 7 days). */
export async function loadSearchBench(url: string, opts: { events: number; now: number; seed: number; ndjsonDir: string; log: (s: string) => void; windowMs?: number }): Promise<LoadReport> {
  mkdirSync(opts.ndjsonDir, { recursive: true });
  // Not the app's pool: a day's COPY or index build runs for minutes, past the app's 25 s query timeout.
  const db = new pg.Pool({ connectionString: url, max: 3 });
  try {
    return await load(db, opts);
  } finally {
    await db.end();
  }
}

async function load(db: Pool, opts: { events: number; now: number; seed: number; ndjsonDir: string; log: (s: string) => void; windowMs?: number }): Promise<LoadReport> {
  const indexDefs = await parentIndexes(db);
  const client = await db.connect();
  const days: number[] = [];
  const files: string[] = [];
  let copy: (NodeJS.WritableStream & Writable) | null = null;
  let nd: WriteStream | null = null;
  let day = -1;
  let id = 0;
  // Index builds run one at a time on another connection, overlapping the next day's COPY.
  let indexer: Promise<void> = Promise.resolve();
  let failed: Error | null = null;
  const write = async (stream: Writable, chunk: string) => {
    if (failed) throw failed;
    await writeChunk(stream, chunk);
  };
  const t0 = performance.now();
  let lastLog = t0;
  const close = async () => {
    if (copy) await endStream(copy);
    if (nd) await endStream(nd);
    if (day >= 0) {
      const d = day;
      indexer = indexer.then(() => buildIndexes(db, d, indexDefs, opts.log));
    }
  };
  try {
    const open = async (d: number) => {
      await close();
      day = d;
      days.push(d);
      const name = partitionName(d) + "_load";
      // Same columns, defaults (the id sequence), NOT NULLs and generated search column; no indexes yet.
      await client.query(`CREATE TABLE "${name}" (LIKE events INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS)`);
      copy = client.query(copyFrom(`COPY "${name}" (id, ${COPY_COLUMNS}, received_at) FROM STDIN`)) as unknown as NodeJS.WritableStream & Writable;
      // Surfaces at the next write instead of as an unhandled 'error' event.
      copy.on("error", (err: Error) => (failed = err));
      const file = join(opts.ndjsonDir, `events-${new Date(d).toISOString().slice(0, 10)}.ndjson`);
      files.push(file);
      nd = createWriteStream(file);
    };
    for (const batch of generateDemo({ events: opts.events, seed: opts.seed, now: new Date(opts.now), windowMs: opts.windowMs ?? WEEK_MS, batchSize: 10_000 })) {
      let rows = "";
      let lines = "";
      for (const e of batch) {
        const d = dayStart(e.ts);
        if (d !== day) {
          if (rows) await write(copy!, rows);
          if (lines) await write(nd!, lines);
          rows = lines = "";
          await open(d);
        }
        id++;
        // Received a little after it happened, as from a real shipper.
        const receivedAt = new Date(e.ts.getTime() + 800 + (id % 2000)).toISOString();
        rows += copyLine(e, createHash("sha256").update(`${opts.seed}:${id}`).digest("hex"), id).slice(0, -1) + "\t" + receivedAt + "\n";
        lines += ndjsonRow(asStored(e, id, receivedAt));
      }
      await write(copy!, rows);
      await write(nd!, lines);
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        opts.log(`  copied ${id.toLocaleString("en-US")} / ${opts.events.toLocaleString("en-US")} (${Math.round(id / ((lastLog - t0) / 1000))}/s)`);
      }
    }
    await close();
  } finally {
    client.release();
  }
  const copySeconds = (performance.now() - t0) / 1000;
  await db.query(`SELECT setval('events_id_seq', $1)`, [Math.max(id, 1)]);
  const t1 = performance.now();
  await indexer;
  for (const d of days) await attach(db, d);
  const attachSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  // What autovacuum would have done by the time anyone searches: statistics and the visibility map.
  await db.query("VACUUM (ANALYZE) events");
  const analyzeSeconds = (performance.now() - t2) / 1000;
  return { events: id, copySeconds, attachSeconds, analyzeSeconds, days: days.map((d) => partitionName(d)), ndjsonFiles: files };
}

/**
 * Finishes a load that was interrupted after its COPYs (every row in a
 * `_load` table): builds the indexes still missing, attaches, vacuums.
 * Returns the load's "now" (just after the newest event).
 */
export async function resumeSearchBench(url: string, log: (s: string) => void): Promise<{ now: number; events: number; report: LoadReport }> {
  const db = new pg.Pool({ connectionString: url, max: 3 });
  try {
    const t0 = performance.now();
    const defs = await parentIndexes(db);
    const { rows } = await db.query<{ t: string }>(`SELECT relname AS t FROM pg_class WHERE relname ~ '^events_p[0-9]{8}_load$' AND relkind = 'r' ORDER BY 1`);
    const days = rows.map((r) => Date.parse(`${r.t.slice(8, 12)}-${r.t.slice(12, 14)}-${r.t.slice(14, 16)}T00:00:00Z`));
    for (const d of days) await buildIndexes(db, d, defs, log);
    const [{ n, maxId, maxMs }] = (await db.query<{ n: string; maxId: string; maxMs: string }>(
      `SELECT count(*) AS n, max(id) AS "maxId", (extract(epoch FROM max(ts)) * 1000)::bigint AS "maxMs" FROM (${rows.map((r) => `SELECT id, ts FROM "${r.t}"`).join(" UNION ALL ")}) x`,
    )).rows;
    await db.query(`SELECT setval('events_id_seq', $1)`, [Number(maxId)]);
    for (const d of days) await attach(db, d);
    const attachSeconds = (performance.now() - t0) / 1000;
    const t2 = performance.now();
    await db.query("VACUUM (ANALYZE) events");
    const report: LoadReport = { events: Number(n), copySeconds: NaN, attachSeconds, analyzeSeconds: (performance.now() - t2) / 1000, days: days.map(partitionName), ndjsonFiles: [] };
    return { now: Number(maxMs) + 1, events: Number(n), report };
  } finally {
    await db.end();
  }
}

type IndexDef = { name: string; def: string; primary: boolean };

/** The partitioned indexes of `events` (whatever the migrations define), to build the same on each loaded day. */
async function parentIndexes(db: Pool): Promise<IndexDef[]> {
  const { rows } = await db.query<{ name: string; def: string; primary: boolean }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisprimary AS primary
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'events'::regclass`,
  );
  return rows;
}

async function buildIndexes(db: Pool, d: number, defs: IndexDef[], log: (s: string) => void): Promise<void> {
  const table = partitionName(d) + "_load";
  const c = await db.connect();
  const t = performance.now();
  try {
    await c.query("SET maintenance_work_mem = '512MB'");
    // Indexes already there (a load resumed after an interruption) are kept.
    const have = new Set((await c.query<{ n: string }>(`SELECT indexrelid::regclass::text AS n FROM pg_index WHERE indrelid = $1::regclass`, [table])).rows.map((r) => r.n));
    const hasPk = (await c.query(`SELECT 1 FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`, [table])).rowCount! > 0;
    for (const ix of defs) {
      if (ix.primary) {
        if (!hasPk) await c.query(`ALTER TABLE "${table}" ADD PRIMARY KEY (id, ts)`);
        continue;
      }
      if (have.has(`${table}_${ix.name}`)) continue;
      // pg_get_indexdef of a partitioned index reads "… ON ONLY public.events USING …"; the index name is ours.
      const sql = ix.def.replace(/ ON ONLY (public\.)?events /, ` ON "${table}" `).replace(/INDEX \S+ ON/, `INDEX "${table}_${ix.name}" ON`);
      await c.query(sql);
    }
    log(`  ${partitionName(d)}: indexes built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    c.release();
  }
}

async function attach(db: Pool, d: number): Promise<void> {
  const name = partitionName(d);
  const from = new Date(d).toISOString();
  const to = new Date(d + DAY_MS).toISOString();
  // Names and bounds come from numbers computed here, never from input. The CHECK lets ATTACH skip its validation scan.
  await db.query(`ALTER TABLE "${name}_load" ADD CONSTRAINT "${name}_range" CHECK (ts >= '${from}' AND ts < '${to}')`);
  await db.query(`ALTER TABLE "${name}_load" RENAME TO "${name}"`);
  await db.query(`ALTER TABLE events ATTACH PARTITION "${name}" FOR VALUES FROM ('${from}') TO ('${to}')`);
  await db.query(`ALTER TABLE "${name}" DROP CONSTRAINT "${name}_range"`);
}
