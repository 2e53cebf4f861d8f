/**
 * Markdown for exported reports, where almost every string (alert titles,
 * pod names, actors, log messages, even notes) can come from an attacker.
 * Untrusted text only ever appears inside code spans or fenced code blocks,
 * whose fences are longer than any backtick run in the text, so it cannot
 * close them, inject HTML, links, images or headings.
 */

// Control characters and bidirectional overrides (which can make text read
// differently from what it is) are shown as escapes.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function visible(s: string): string {
  return s.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function longestRun(s: string, ch: string): number {
  let max = 0;
  let cur = 0;
  for (const c of s) {
    cur = c === ch ? cur + 1 : 0;
    if (cur > max) max = cur;
  }
  return max;
}

/** Inline code for one line of untrusted text. */
export function mdCode(value: unknown): string {
  const s = visible(String(value ?? "")).replace(/\r\n|\r|\n|\t/g, " ");
  if (s.trim() === "") return "(empty)";
  const fence = "`".repeat(longestRun(s, "`") + 1);
  // A space pads text that starts or ends with a backtick (CommonMark strips one space each side).
  const pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A fenced block for multi-line untrusted text (notes, summaries, event JSON). */
export function mdBlock(value: unknown, info = "text"): string {
  const s = visible(String(value ?? "")).replace(/\r\n|\r/g, "\n");
  const fence = "`".repeat(Math.max(3, longestRun(s, "`") + 1));
  return `${fence}${info}\n${s}\n${fence}`;
}
