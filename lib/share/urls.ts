/**
 * Absolute permalinks for what leaves the app (webhook messages, exported
 * reports). The base comes from CROWSNEST_PUBLIC_URL, the address users reach
 * the app at (behind its TLS proxy).
 */
export function publicBaseUrl(): string {
  const raw = process.env.CROWSNEST_PUBLIC_URL?.trim() || "http://127.0.0.1:3000";
  return raw.replace(/\/+$/, "");
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const alertUrl = (id: number) => `${publicBaseUrl()}/alerts/${id}`;
export const incidentUrl = (key: string) => `${publicBaseUrl()}/incidents/${encodeURIComponent(key)}`;
/** A search with its absolute window: the link shows the same events whenever it is opened. */
export const searchUrl = (query: string, from: string, to: string) => `${publicBaseUrl()}/events?${q({ q: query, from, to })}`;
export const eventUrl = (id: string) => `${publicBaseUrl()}/events/${encodeURIComponent(id)}`;
