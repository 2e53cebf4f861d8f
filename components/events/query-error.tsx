import { ErrorBox } from "@/components/ui/states";
import { ApiError } from "@/lib/client/api";
import { QuerySyntaxError } from "@/lib/search/query/ast";
import { parseQuery } from "@/lib/search/query/parse";

/**
 * The parser is client-safe, so a syntax error is caught before any request,
 * with the same message, position and hint the API would answer with.
 */
export function clientQueryError(q: string): ApiError | null {
  try {
    parseQuery(q);
    return null;
  } catch (err) {
    if (!(err instanceof QuerySyntaxError)) return null;
    return new ApiError(400, err.message, { error: err.message, position: err.position, hint: err.hint ?? null });
  }
}

/** Shows a search error under the search box; for a 400 with `position` (0-based offset), points a caret at it. */
export function QueryError({ error, query }: { error: unknown; query: string }) {
  const api = error instanceof ApiError ? error : null;
  const position = typeof api?.body?.position === "number" ? api.body.position : null;
  const hint = typeof api?.body?.hint === "string" ? api.body.hint : null;
  const message = api ? api.message : "Search failed";
  const isSyntax = api?.status === 400;

  return (
    <div id="query-error" className="shrink-0">
      <ErrorBox data-testid="query-error">
        <div className="font-medium">
          {isSyntax ? "Query error: " : ""}
          {message}
          {position !== null && <span className="font-normal text-muted"> (at position {position})</span>}
        </div>
        {isSyntax && position !== null && query && (
          <pre className="mt-1 overflow-x-auto font-mono text-[11px] leading-tight text-fg">
            {query}
            {"\n"}
            {" ".repeat(Math.max(0, Math.min(position, query.length)))}^
          </pre>
        )}
        {hint && <div className="mt-1 text-muted">Hint: {hint}</div>}
      </ErrorBox>
    </div>
  );
}
