import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import { parseTime } from "@/lib/search/time";
import { alertInclude, toAlertDto } from "./queries";
import type { AlertDto, AlertGroupBy, AlertListParams, AlertStatusName } from "./schemas";

const sql = Prisma.sql;

export type AlertGroup = { key: string; label: string; count: number; openCount: number };
export type AlertQueuePage = {
  alerts: (AlertDto & { groupKey?: string })[];
  nextCursor: string | null;
  groups?: AlertGroup[];
  counts: Record<AlertStatusName, number>;
};

const SEVERITY_RANK = sql`(CASE a.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END)`;
const usToTs = (v: string) => sql`(timestamptz 'epoch' + ${v}::bigint * interval '1 microsecond')`;

/**
 * Sort keys. `key` is what the cursor carries (timestamps as integer
 * microseconds, exact), `fromKey` turns it back into a comparable value, so
 * the keyset condition `(expr, id) < (key, id)` matches the ORDER BY exactly.
 */
const SORTS: Record<AlertListParams["sort"], { expr: Prisma.Sql; key: Prisma.Sql; fromKey: (v: string) => Prisma.Sql }> = {
  lastSeen: { expr: sql`a.last_seen`, key: sql`(extract(epoch from a.last_seen) * 1000000)::bigint`, fromKey: usToTs },
  firstSeen: { expr: sql`a.first_seen`, key: sql`(extract(epoch from a.first_seen) * 1000000)::bigint`, fromKey: usToTs },
  severity: { expr: SEVERITY_RANK, key: SEVERITY_RANK, fromKey: (v) => sql`${v}::int` },
  count: { expr: sql`a.count`, key: sql`a.count`, fromKey: (v) => sql`${v}::int` },
};

/** Group keys; groupKeyOf computes the same string for one alert, so the UI can bucket a page by `groupKey`. */
const GROUPS: Record<AlertGroupBy, { key: Prisma.Sql; label: Prisma.Sql }> = {
  rule: { key: sql`a.rule_id`, label: sql`coalesce(r.name, a.rule_id)` },
  cluster: { key: sql`a.cluster`, label: sql`a.cluster` },
  namespace: {
    key: sql`a.cluster || '/' || coalesce(a.namespace, '')`,
    label: sql`coalesce(a.namespace, '(cluster-wide)') || ' · ' || a.cluster`,
  },
  entity: { key: sql`concat_ws('/', a.cluster, a.namespace, a.pod)`, label: sql`concat_ws('/', a.cluster, a.namespace, a.pod)` },
};

export function groupKeyOf(a: Pick<AlertDto, "ruleId" | "cluster" | "namespace" | "pod">, by: AlertGroupBy): string {
  switch (by) {
    case "rule": return a.ruleId;
    case "cluster": return a.cluster;
    case "namespace": return `${a.cluster}/${a.namespace ?? ""}`;
    case "entity": return [a.cluster, a.namespace, a.pod].filter((x) => x != null).join("/");
  }
}

type Cursor = { sort: string; order: string; key: string; id: number };

export function encodeAlertCursor(c: Cursor): string {
  return Buffer.from(`${c.sort}:${c.order}:${c.key}:${c.id}`).toString("base64url");
}

function decodeAlertCursor(s: string, sort: string, order: string): Cursor {
  const m = Buffer.from(s, "base64url").toString().match(/^(\w+):(asc|desc):(-?\d{1,20}):(\d{1,10})$/);
  if (!m) throw new HttpError(400, "invalid cursor");
  if (m[1] !== sort || m[2] !== order) throw new HttpError(400, "cursor belongs to another sort order");
  return { sort: m[1], order: m[2], key: m[3], id: Number(m[4]) };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function time(expr: string, name: string): Date {
  const t = parseTime(expr);
  if (!t) throw new HttpError(400, `invalid '${name}' time`);
  return t;
}

/** Every filter except status (the per-status counts ignore the status tab). */
function filterConditions(p: AlertListParams, user: SessionUser): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (p.severity?.length) where.push(sql`a.severity = ANY(${p.severity}::text[])`);
  if (p.rule) where.push(sql`a.rule_id = ${p.rule}`);
  if (p.cluster) where.push(sql`a.cluster = ${p.cluster}`);
  if (p.namespace) where.push(sql`a.namespace = ${p.namespace}`);
  if (p.assignee === "none") where.push(sql`a.assignee_id IS NULL`);
  else if (p.assignee) where.push(sql`a.assignee_id = ${p.assignee === "me" ? user.id : p.assignee}::uuid`);
  // An alert is in the window when what it saw overlaps it.
  if (p.from) where.push(sql`a.last_seen >= ${time(p.from, "from")}`);
  if (p.to) where.push(sql`a.first_seen <= ${time(p.to, "to")}`);
  if (p.q) where.push(sql`a.title ILIKE ${likePattern(p.q)}`);
  return where;
}

const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : sql`TRUE`);

async function run<T>(db: Db, q: Prisma.Sql): Promise<T[]> {
  const { rows } = await db.pool.query(q.text, q.values as unknown[]);
  return rows as T[];
}

/**
 * GET /api/v1/alerts: the triage queue. Filters, sort and keyset pagination
 * on (sort key, id) — page N costs what page 1 costs — plus per-status counts
 * and, with groupBy, per-group counts over the whole filtered set.
 */
export async function queryAlerts(db: Db, user: SessionUser, p: AlertListParams): Promise<AlertQueuePage> {
  const base = filterConditions(p, user);
  const withStatus = p.status === "all" ? base : [...base, sql`a.status = ${p.status}::"AlertStatus"`];
  const sort = SORTS[p.sort];
  const dir = p.order === "asc" ? sql`ASC` : sql`DESC`;
  const page = [...withStatus];
  if (p.cursor) {
    const c = decodeAlertCursor(p.cursor, p.sort, p.order);
    page.push(p.order === "asc" ? sql`(${sort.expr}, a.id) > (${sort.fromKey(c.key)}, ${c.id}::int)` : sql`(${sort.expr}, a.id) < (${sort.fromKey(c.key)}, ${c.id}::int)`);
  }

  const [rows, countRows, groupRows] = await Promise.all([
    run<{ id: number; sort_key: string }>(db, sql`
      SELECT a.id, (${sort.key})::text AS sort_key FROM alerts a
      WHERE ${and(page)} ORDER BY ${sort.expr} ${dir}, a.id ${dir} LIMIT ${p.limit + 1}`),
    run<{ status: AlertStatusName; n: string }>(db, sql`SELECT a.status::text AS status, count(*) AS n FROM alerts a WHERE ${and(base)} GROUP BY 1`),
    p.groupBy
      ? run<{ key: string; label: string; n: string; open: string }>(db, sql`
          SELECT ${GROUPS[p.groupBy].key} AS key, min(${GROUPS[p.groupBy].label}) AS label,
                 count(*) AS n, count(*) FILTER (WHERE a.status = 'open') AS open
          FROM alerts a LEFT JOIN rules r ON r.id = a.rule_id
          WHERE ${and(withStatus)} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 500`)
      : Promise.resolve(null),
  ]);

  const pageRows = rows.slice(0, p.limit);
  const found = await db.prisma.alert.findMany({ where: { id: { in: pageRows.map((r) => r.id) } }, include: alertInclude });
  const byId = new Map(found.map((a) => [a.id, a]));
  const alerts = pageRows.flatMap((r) => {
    const a = byId.get(r.id);
    if (!a) return [];
    const dto = toAlertDto(a);
    return [p.groupBy ? { ...dto, groupKey: groupKeyOf(dto, p.groupBy) } : dto];
  });
  const last = pageRows[pageRows.length - 1];
  const counts = { open: 0, acknowledged: 0, resolved: 0 };
  for (const c of countRows) counts[c.status] = Number(c.n);
  return {
    alerts,
    nextCursor: rows.length > p.limit && last ? encodeAlertCursor({ sort: p.sort, order: p.order, key: last.sort_key, id: last.id }) : null,
    ...(groupRows ? { groups: groupRows.map((g) => ({ key: g.key, label: g.label, count: Number(g.n), openCount: Number(g.open) })) } : {}),
    counts,
  };
}
