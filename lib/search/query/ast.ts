/** The parsed form of a search query. Client-safe. */
export type QueryNode =
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode }
  /** field null = full text over message and key fields */
  | { type: "term"; field: string | null; value: string; quoted: boolean; wildcard: boolean; pos?: number }
  | { type: "cmp"; field: string; op: ">" | ">=" | "<" | "<="; value: string; pos?: number }
  /** field:/pattern/ or field:/pattern/i — unanchored, see regex.ts for the accepted subset */
  | { type: "regex"; field: string; pattern: string; flags: string; pos?: number }
  | { type: "exists"; field: string }
  | { type: "all" };

export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    public position: number,
    public hint?: string,
  ) {
    super(message);
  }
}
