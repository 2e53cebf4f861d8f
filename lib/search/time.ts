/** Time expressions shared by the API and the UI: ISO-8601 or `now`, `now-15m`, `now-24h`, `now-7d`. */
const RELATIVE = /^now(?:([+-])(\d+)(s|m|h|d|w))?$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseTime(expr: string, now = Date.now()): Date | null {
  const s = expr.trim();
  const m = s.match(RELATIVE);
  if (m) {
    if (!m[1]) return new Date(now);
    const delta = Number(m[2]) * UNIT_MS[m[3]];
    return new Date(m[1] === "-" ? now - delta : now + delta);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function isTimeExpr(expr: string): boolean {
  return parseTime(expr) !== null;
}
