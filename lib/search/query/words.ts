/**
 * How full text is cut into words — one definition for the database and the
 * in-memory matcher, so a bare word finds the same events in the timeline as
 * in a detection rule. Client-safe.
 *
 * PostgreSQL's default text-search parser keeps paths, hosts and e-mails
 * whole ('/etc/shadow'), so a search for `shadow` would miss "cat /etc/shadow".
 * The `events.search` column therefore maps ASCII punctuation to spaces before
 * `to_tsvector('simple', …)` (migration 20261127050000_fulltext_words), and a
 * term that spans several words is searched as a phrase: `/etc/shadow` =
 * "etc" then "shadow".
 *
 * One exception: a dot between two digits joins them ('10.0.2.17', '3.14',
 * 'v1.30.0' stay one word, stored with NUMBER_JOINER for the dot). Addresses
 * and versions are what analysts search most, and as phrases of "10", "0",
 * "2", "17" — words in nearly every row — they cost a recheck of thousands of
 * rows; as one word they are an index lookup. It also keeps `17` from
 * matching every address that contains it.
 */

/** Exactly what the migration's translate() maps to spaces (32 characters). */
export const FULLTEXT_SEPARATORS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/** Words are runs of letters and digits (any script), lower-cased. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Stands for a dot between digits inside a word. A letter (U+01C2) so both
 * PostgreSQL's parser and WORD keep it inside the word, and not an operator
 * of tsquery syntax.
 */
export const NUMBER_JOINER = "\u01C2";
const DIGIT_DOT = /(?<=[0-9])\.(?=[0-9])/g;

function joinNumbers(text: string): string {
  return text.includes(".") ? text.replace(DIGIT_DOT, NUMBER_JOINER) : text;
}

/** A search is capped at this many words, like PostgreSQL's own phrase limits keep queries small. */
export const MAX_QUERY_WORDS = 32;

/** The column indexes the first 100,000 characters (a tsvector must stay under 1 MB). */
export const FULLTEXT_MAX_CHARS = 100_000;

/** PostgreSQL skips words of 2,047 bytes or more ("word is too long to be indexed"). */
const MAX_WORD_BYTES = 2047;
const encoder = new TextEncoder();

/**
 * The text the `search` column indexes, in the migration's order: identity
 * fields first, then the message, cut to FULLTEXT_MAX_CHARS characters.
 */
export function indexedText(e: { actor?: unknown; objectName?: unknown; pod?: unknown; namespace?: unknown; node?: unknown; message?: unknown }): string {
  const s = (v: unknown) => (typeof v === "string" ? v : "");
  const text = `${s(e.actor)} ${s(e.objectName)} ${s(e.pod)} ${s(e.namespace)} ${s(e.node)} ${s(e.message)}`;
  if (text.length <= FULLTEXT_MAX_CHARS) return text;
  // left() counts characters (code points), not UTF-16 units.
  return Array.from(text.slice(0, FULLTEXT_MAX_CHARS * 2)).slice(0, FULLTEXT_MAX_CHARS).join("");
}

export function textWords(text: string): string[] {
  const words = joinNumbers(text).toLowerCase().match(WORD) ?? [];
  return words.some((w) => w.length * 3 >= MAX_WORD_BYTES) ? words.filter((w) => encoder.encode(w).length < MAX_WORD_BYTES) : words;
}

/** One word of a full-text term; `prefix` when a `*` follows it (`kube*`). */
export type QueryWord = { word: string; prefix: boolean };

/**
 * The words of a bare or quoted full-text term. In a wildcard term a word
 * directly followed by `*` matches as a prefix; a `*` anywhere else only
 * separates words (full text has no leading or infix wildcards).
 */
export function queryWords(value: string, wildcard: boolean): QueryWord[] {
  const out: QueryWord[] = [];
  const joined = joinNumbers(value);
  for (const m of joined.matchAll(WORD)) {
    if (out.length === MAX_QUERY_WORDS) break;
    const end = (m.index ?? 0) + m[0].length;
    out.push({ word: m[0].toLowerCase(), prefix: wildcard && joined[end] === "*" });
  }
  return out;
}

/**
 * The tsquery text for a term: its words in order, each right after the
 * previous (`<->`). Built only from letters and digits, so it can never carry
 * tsquery operators from the input. Null when the term has no words.
 */
export function toTsquery(words: readonly QueryWord[]): string | null {
  if (words.length === 0) return null;
  return words.map((w) => (w.prefix ? `${w.word}:*` : w.word)).join(" <-> ");
}

/** Whether `have` (textWords of the searched text) contains the term's words in order, adjacent. */
export function containsWords(have: readonly string[], want: readonly QueryWord[]): boolean {
  if (want.length === 0) return true;
  const at = (i: number, w: QueryWord) => (w.prefix ? have[i].startsWith(w.word) : have[i] === w.word);
  for (let i = 0; i + want.length <= have.length; i++) {
    let ok = true;
    for (let j = 0; j < want.length && ok; j++) ok = at(i + j, want[j]);
    if (ok) return true;
  }
  return false;
}
