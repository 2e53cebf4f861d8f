/**
 * How full text is cut into words — one definition for the database and the
 * in-memory matcher, so a bare word finds the same events in the timeline as
 * in a detection rule. Client-safe.
 *
 * PostgreSQL's default text-search parser keeps paths, hosts and e-mails
 * whole ('/etc/shadow'), so a search for `shadow` would miss "cat /etc/shadow".
 * Here punctuation separates words instead; ingest stores each event's words
 * in `events.search` (tsvectorLiteral), queries become tsqueries of the same
 * words (a term that spans several is a phrase: `/etc/shadow` = "etc" then
 * "shadow"), and the rule matcher reads text with textWords. Migration
 * 20261127050000_fulltext_words computes the same words in SQL for rows stored
 * before it.
 *
 * One exception: a dot between two digits joins them ('10.0.2.17', '3.14',
 * 'v1.30.0' stay one word, stored with NUMBER_JOINER for the dot). Addresses
 * and versions are what analysts search most, and as phrases of "10", "0",
 * "2", "17" — words in nearly every row — they cost a recheck of thousands of
 * rows; as one word they are an index lookup. It also keeps `17` from
 * matching every address that contains it.
 */

/** The ASCII punctuation that separates words: what the migration's `[!-/:-@[-`{-~]` maps to spaces (32 characters). */
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

/** A search term is cut to this many words, which keeps its tsquery small. */
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

/** For ASCII text (most log lines) the same words, found without Unicode property classes (2× faster). */
const ASCII_TEXT = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9\u01C2]+/g;

export function textWords(text: string): string[] {
  const lower = joinNumbers(text).toLowerCase();
  const words = (ASCII_TEXT.test(text) ? lower.match(ASCII_WORD) : lower.match(WORD)) ?? [];
  return words.some((w) => w.length * 3 >= MAX_WORD_BYTES) ? words.filter((w) => encoder.encode(w).length < MAX_WORD_BYTES) : words;
}

/** PostgreSQL keeps word positions 1…16,383 (later ones count as 16,383) and at most 255 positions per word (to_tsvector keeps MAXNUMPOS - 1). */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_WORD = 255;

type IndexedFields = Parameters<typeof indexedText>[0];

/**
 * The `search` column's value in tsvector input syntax ('word':1,3 'other':2):
 * ingest computes it here rather than with to_tsvector() in SQL, so the
 * database and the matcher share one definition of a word by construction,
 * and PostgreSQL only parses a literal (≈3 µs a row instead of ≈27 µs).
 */
export function tsvectorLiteral(e: IndexedFields): string {
  const words = textWords(indexedText(e));
  const seen = new Map<string, { ps: string; n: number; last: number }>();
  for (let i = 0; i < words.length; i++) {
    const p = i < MAX_POSITION ? i + 1 : MAX_POSITION;
    const w = seen.get(words[i]);
    if (w === undefined) seen.set(words[i], { ps: String(p), n: 1, last: p });
    else if (w.n < MAX_POSITIONS_PER_WORD && w.last !== p) {
      w.ps += `,${p}`;
      w.n++;
      w.last = p;
    }
  }
  // WORD admits letters and digits only, so no word needs quoting inside '…'.
  let out = "";
  for (const [word, w] of seen) out += out === "" ? `'${word}':${w.ps}` : ` '${word}':${w.ps}`;
  return out;
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
