import type { NormalizedEvent } from "@/lib/events/types";

/** A record that could not be normalized: kept in quarantine with its raw text and the reason. */
export type Rejected = { index: number; reason: string; raw: string };

export type NormalizeResult = { events: NormalizedEvent[]; rejected: Rejected[] };

export type NormalizeContext = {
  /** the cluster the ingest token is scoped to; used when a record names none */
  cluster: string;
  /** lower-cased media type without parameters, e.g. application/x-protobuf */
  contentType: string;
};

/**
 * One per wire format. Must never throw for a bad record (reject it instead);
 * throws only when the body as a whole cannot be decoded (→ 400).
 */
export type BodyNormalizer = (body: Buffer, ctx: NormalizeContext) => NormalizeResult;

/** Longest raw text kept per rejected record. */
export const MAX_RAW_CHARS = 64 * 1024;
