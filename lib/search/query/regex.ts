import { QuerySyntaxError } from "./ast";

/**
 * Regular expressions in queries (`field:/pattern/` or `/pattern/i`) run in two
 * engines: JavaScript for rules on ingest, PostgreSQL's ARE for search and
 * backtests. Only the common subset of both is accepted, so a pattern means
 * the same thing in both places; and patterns prone to catastrophic
 * backtracking are refused, because the text they run on is attacker-controlled.
 */
export const MAX_REGEX_LENGTH = 1000;
/** Longest value a regex is run on in memory (PostgreSQL has no such limit, but its engine does not backtrack). */
export const MAX_REGEX_INPUT = 64 * 1024;

// Escapes that mean the same in JavaScript and PostgreSQL's ARE.
const SAFE_ESCAPES = new Set([..."dDwWsStnrfv", ..."\\/.*+?()[]{}|^$-"]);

function fail(msg: string, pos: number, hint?: string): never {
  throw new QuerySyntaxError(msg, pos, hint);
}

/** Validates a pattern and returns the JavaScript RegExp that runs it in memory. */
export function compileRegex(pattern: string, flags: string, pos = 0): RegExp {
  if (pattern === "") fail("empty regular expression", pos);
  if (pattern.length > MAX_REGEX_LENGTH) fail(`regular expression longer than ${MAX_REGEX_LENGTH} characters`, pos);
  if (!/^i?$/.test(flags)) fail(`unknown regular expression flag '${flags}'`, pos, "the only flag is i (case-insensitive)");
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const n = pattern[i + 1];
      // \xHH (two hex digits) means the same character in both engines.
      if (n === "x" && /^[0-9a-fA-F]{2}$/.test(pattern.slice(i + 2, i + 4))) {
        i += 3;
        continue;
      }
      if (n === undefined || !SAFE_ESCAPES.has(n)) {
        fail(`'\\${n ?? ""}' is not supported in a regular expression`, pos + i, "supported escapes: \\d \\w \\s (and upper case), \\t \\n \\r, \\xHH, and escaped punctuation");
      }
      i++;
    } else if (c === "(" && pattern[i + 1] === "?") {
      const kind = pattern.slice(i + 2, i + 4);
      if (!(kind.startsWith(":") || kind.startsWith("=") || kind.startsWith("!") || kind === "<=" || kind === "<!")) {
        fail("only (?:…), lookahead and lookbehind groups are supported", pos + i);
      }
    } else if (c === "[" && pattern[i + 1] === ":") {
      fail("POSIX classes like [:alpha:] are not supported", pos + i, "use \\w, \\d or an explicit range");
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (m && (Number(m[1]) > 255 || (m[3] && Number(m[3]) > 255))) fail("repetition counts above 255 are not supported", pos + i);
    }
  }
  // A quantified group that itself contains a quantifier — (a+)+, (.*)* — can backtrack exponentially.
  if (/\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]/.test(pattern)) {
    fail("nested quantifiers such as (a+)+ are not allowed", pos, "they can take exponential time on crafted input");
  }
  try {
    // `s`: '.' matches newlines, as in PostgreSQL; `u`: strict syntax (no silently literal escapes).
    return new RegExp(pattern, `su${flags}`);
  } catch (err) {
    fail(`invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, "")}`, pos);
  }
}

/** Runs a compiled pattern on one value the way the SQL `~` operator would (unanchored). */
export function regexTest(re: RegExp, value: string): boolean {
  return re.test(value.length > MAX_REGEX_INPUT ? value.slice(0, MAX_REGEX_INPUT) : value);
}
