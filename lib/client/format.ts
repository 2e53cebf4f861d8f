const full = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 3,
  hourCycle: "h23",
});

const withZone = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

const short = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const number = new Intl.NumberFormat();

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Table timestamps: local time with milliseconds; the zone is shown once in the header. */
export function formatTs(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? full.format(d) : "—";
}

export function formatTsZone(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? withZone.format(d) : "—";
}

export function formatShort(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? short.format(d) : "—";
}

export function formatNumber(n: number): string {
  return number.format(n);
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
