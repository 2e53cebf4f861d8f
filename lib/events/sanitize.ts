// PostgreSQL text and jsonb cannot hold NUL; log content sometimes does
// (binary in a container log). Replace it rather than lose the record.
const NUL = /\u0000/g;
// "\u0000" escapes inside serialized JSON that are not themselves escaped backslashes.
const JSON_NUL = /((?:^|[^\\])(?:\\\\)*)\\u0000/g;

export function cleanText(s: string): string {
  return s.includes("\u0000") ? s.replace(NUL, "\uFFFD") : s;
}

export function cleanNullable(s: string | null | undefined): string | null {
  return s == null ? null : cleanText(s);
}

export function cleanJson(serialized: string): string {
  return serialized.includes("\\u0000") ? serialized.replace(JSON_NUL, "$1\\ufffd") : serialized;
}
