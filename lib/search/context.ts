import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StoredEvent } from "@/lib/events/types";
import { HttpError } from "@/lib/http/errors";
import { EVENT_COLUMNS, run, tsParam, toStoredEvent, type EventRow } from "./events";
import { durationMs, type ContextParams, type ContextScope } from "./schemas";

export type ContextResult = { anchor: StoredEvent; scope: ContextScope; events: StoredEvent[] };

/** How far from the anchor "±N lines of its container" looks: keeps the scan to a few daily partitions. */
const CONTAINER_REACH_MS = 86_400_000;

/** The narrowest scope the anchor event has an entity for. */
export function defaultScope(e: Pick<StoredEvent, "namespace" | "pod" | "container" | "node">): ContextScope {
  if (e.pod && e.container) return "container";
  if (e.pod) return "pod";
  if (e.node) return "node";
  return "cluster";
}

/**
 * "Show surrounding": one interleaved timeline around an event, oldest first,
 * the anchor included once. container = ±lines events of the same
 * cluster/namespace/pod/container (any layer); pod, node, cluster = every
 * layer within ±window on that entity, at most `limit` events split around
 * the anchor (the nearest ones win).
 */
export async function eventContext(db: Db, id: string, p: ContextParams): Promise<ContextResult> {
  if (!/^\d{1,19}$/.test(id)) throw new HttpError(404, "event not found");
  const [row] = await run<EventRow>(db, Prisma.sql`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ${id}::bigint LIMIT 1`);
  if (!row) throw new HttpError(404, "event not found");
  const anchor = toStoredEvent(row);
  const scope = p.scope ?? defaultScope(anchor);
  const entity = entityFilter(anchor, scope);
  if (!entity) throw new HttpError(400, `this event has no ${scope}`, undefined, undefined, { hint: `use scope=${defaultScope(anchor)}` });

  const at = tsParam(row.ts_us);
  const reach = scope === "container" ? CONTAINER_REACH_MS : durationMs(p.window)!;
  const per = scope === "container" ? p.lines : Math.floor(p.limit / 2);
  const anchorMs = Number(BigInt(row.ts_us) / 1000n);
  const lo = new Date(anchorMs - reach - 1);
  const hi = new Date(anchorMs + reach + 1);
  // Two index walks away from the anchor on (ts, id); the time bounds let the planner prune partitions.
  const [before, after] = await Promise.all([
    run<EventRow>(db, Prisma.sql`
      SELECT ${EVENT_COLUMNS} FROM events e
      WHERE ${entity} AND e.ts >= ${lo} AND e.ts <= ${at} AND (e.ts, e.id) < (${at}, ${row.id}::bigint)
      ORDER BY e.ts DESC, e.id DESC LIMIT ${per}`),
    run<EventRow>(db, Prisma.sql`
      SELECT ${EVENT_COLUMNS} FROM events e
      WHERE ${entity} AND e.ts >= ${at} AND e.ts <= ${hi} AND (e.ts, e.id) > (${at}, ${row.id}::bigint)
      ORDER BY e.ts ASC, e.id ASC LIMIT ${per}`),
  ]);
  const inWindow = (r: EventRow) => scope === "container" || Math.abs(Number(BigInt(r.ts_us) / 1000n) - anchorMs) <= reach;
  const events = [...before.reverse(), row, ...after].filter((r) => r === row || inWindow(r)).map(toStoredEvent);
  return { anchor, scope, events };
}

/** The anchor's entity as a SQL condition; null when the anchor lacks it. Values are bind parameters. */
function entityFilter(a: StoredEvent, scope: ContextScope): Prisma.Sql | null {
  const eq = (col: string, v: string) => Prisma.sql`${Prisma.raw(`e."${col}"`)} = ${v}`;
  const cluster = eq("cluster", a.cluster);
  switch (scope) {
    case "container":
      if (!a.pod || !a.container) return null;
      return Prisma.sql`${cluster} AND ${a.namespace ? eq("namespace", a.namespace) : Prisma.sql`e.namespace IS NULL`} AND ${eq("pod", a.pod)} AND ${eq("container", a.container)}`;
    case "pod":
      if (!a.pod) return null;
      return Prisma.sql`${cluster} AND ${a.namespace ? eq("namespace", a.namespace) : Prisma.sql`e.namespace IS NULL`} AND ${eq("pod", a.pod)}`;
    case "node":
      return a.node ? Prisma.sql`${cluster} AND ${eq("node", a.node)}` : null;
    case "cluster":
      return cluster;
  }
}
