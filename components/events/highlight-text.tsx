import { splitHighlights, type HighlightTerm } from "@/lib/client/highlight";

/** Text with the search terms marked: React text nodes and <mark>, never HTML (log content is hostile). */
export function HighlightText({ text, terms }: { text: string; terms: readonly HighlightTerm[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {splitHighlights(text, terms).map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-[2px] bg-amber-300/70 px-0 text-inherit dark:bg-amber-400/35">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
