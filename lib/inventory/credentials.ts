import "server-only";
import type { Db } from "@/lib/db";
import type { StoredEvent } from "@/lib/events/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { timeRange } from "@/lib/search/events";
import { csrSubject } from "./csr";
import type { CredentialParams } from "./params";
import { recentEvents, run } from "./sql";
import type { CredentialEvent, CredentialKind } from "./types";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

function kindOf(e: StoredEvent): CredentialKind {
  if (e.resource === "serviceaccounts") return "serviceaccount-token";
  if (e.resource === "certificatesigningrequests") return e.subresource === "approval" ? "csr-approval" : "csr";
  return "token-secret";
}

/**
 * Kubelets mint projected service-account tokens and rotate their own
 * certificates all day, and the controller-manager approves those requests:
 * routine issuance, hidden by default so a human's `kubectl create token` stands out.
 */
export function isRoutineIssuer(actor: string | null, kind: CredentialKind): boolean {
  if (!actor) return false;
  if (actor.startsWith("system:node:")) return true;
  if (actor === "system:kube-controller-manager" || actor.startsWith("system:serviceaccount:kube-system:")) return true;
  // Bootstrap tokens request the first kubelet client certificate.
  return kind === "csr" && actor.startsWith("system:bootstrap:");
}

function describe(e: StoredEvent, kind: CredentialKind): { identity: string | null; details: Record<string, string> } {
  const a = e.attributes;
  const req = obj(a.requestObject);
  const res = obj(a.responseObject);
  const details: Record<string, string> = {};
  const put = (k: string, v: unknown) => {
    if (typeof v === "string" && v) details[k] = v;
    else if (typeof v === "number") details[k] = String(v);
    else if (Array.isArray(v) && v.length) details[k] = v.filter((x) => typeof x === "string").join(", ");
  };
  switch (kind) {
    case "serviceaccount-token": {
      const spec = obj(req?.spec);
      put("audiences", spec?.audiences);
      put("expirationSeconds", spec?.expirationSeconds);
      const bound = obj(spec?.boundObjectRef);
      if (bound) put("boundTo", `${str(bound.kind) ?? "?"}/${str(bound.name) ?? "?"}`);
      put("expires", obj(res?.status)?.expirationTimestamp);
      const ns = e.namespace;
      return { identity: ns && e.objectName ? `system:serviceaccount:${ns}:${e.objectName}` : null, details };
    }
    case "csr":
    case "csr-approval": {
      const spec = obj(req?.spec) ?? obj(res?.spec);
      put("csr", e.objectName);
      put("signer", spec?.signerName);
      put("usages", spec?.usages);
      put("expirationSeconds", spec?.expirationSeconds);
      const conditions = obj(req?.status)?.conditions;
      if (kind === "csr-approval" && Array.isArray(conditions)) put("decision", conditions.map((c) => str(obj(c)?.type)).filter(Boolean).join(", "));
      const subject = csrSubject(spec?.request);
      if (subject?.organizations.length) put("groups", subject.organizations);
      return { identity: subject?.commonName ?? null, details };
    }
    case "token-secret": {
      const meta = obj(req?.metadata);
      const sa = str(obj(meta?.annotations)?.["kubernetes.io/service-account.name"]);
      put("type", req?.type);
      if (sa) put("serviceAccount", sa);
      return { identity: sa && e.namespace ? `system:serviceaccount:${e.namespace}:${sa}` : null, details };
    }
  }
}

type Acting = { i: string; first: Date | null; last: Date | null; n: string };

/** For each (identity, created): its first and last API request after the credential was made, and how many (capped). */
async function seenActing(db: Db, pairs: { identity: string; created: Date }[], until: Date): Promise<Map<number, CredentialEvent["seenActing"]>> {
  if (pairs.length === 0) return new Map();
  const rows = await run<Acting>(db, Prisma.sql`
    SELECT k.i, f.first, l.last, c.n
    FROM unnest(${pairs.map((p) => p.identity)}::text[], ${pairs.map((p) => p.created)}::timestamptz[]) WITH ORDINALITY AS k(actor, created, i)
    LEFT JOIN LATERAL (SELECT e.ts AS first FROM events e WHERE e.actor = k.actor AND e.ts > k.created AND e.ts <= ${until} AND e.layer = 'audit'
                       ORDER BY e.ts LIMIT 1) f ON true
    LEFT JOIN LATERAL (SELECT e.ts AS last FROM events e WHERE e.actor = k.actor AND e.ts > k.created AND e.ts <= ${until} AND e.layer = 'audit'
                       ORDER BY e.ts DESC LIMIT 1) l ON true
    LEFT JOIN LATERAL (SELECT count(*) AS n FROM (SELECT 1 FROM events e WHERE e.actor = k.actor AND e.ts > k.created AND e.ts <= ${until}
                       AND e.layer = 'audit' LIMIT 10000) s) c ON true`);
  const out = new Map<number, CredentialEvent["seenActing"]>();
  for (const r of rows) out.set(Number(r.i) - 1, r.first && r.last ? { first: r.first.toISOString(), last: r.last.toISOString(), requests: Number(r.n) } : null);
  return out;
}

/** Most identities checked for later activity per answer (routine ones are never checked). */
const MAX_ACTING_LOOKUPS = 200;

/**
 * Credentials created through the API in the range (OWASP K8s Top Ten 2025:
 * they live outside the cluster's stored state): TokenRequests
 * (serviceaccounts/token), CertificateSigningRequests and their approvals,
 * and legacy token Secrets — who made them, for which identity, and whether
 * that identity was later seen making API requests.
 */
export async function listCredentials(db: Db, p: CredentialParams, now = Date.now()): Promise<{ range: { from: string; to: string }; credentials: CredentialEvent[] }> {
  const { from, to } = timeRange(p.from, p.to, now);
  // Constant resources written literally: events_audit_sensitive_idx has them in its predicate.
  const events = await recentEvents(db, Prisma.sql`e.layer = 'audit'
    ${p.cluster ? Prisma.sql`AND e.cluster = ${p.cluster}` : Prisma.empty}
    AND ((e.resource = 'serviceaccounts' AND e.subresource = 'token' AND e.verb = 'create')
      OR (e.resource = 'certificatesigningrequests' AND ((e.verb = 'create' AND e.subresource IS NULL)
          OR (e.subresource = 'approval' AND e.verb IN ('update', 'patch'))))
      OR (e.resource = 'secrets' AND e.verb = 'create'
          AND (e.attributes->'requestObject'->>'type' = 'kubernetes.io/service-account-token' OR e.object_name ~ '-token(-[a-z0-9]{5})?$')))`,
    from, to, p.limit);
  const creds: CredentialEvent[] = events.map((event) => {
    const kind = kindOf(event);
    const { identity, details } = describe(event, kind);
    return { kind, event, creator: event.actor, creatorType: event.actorType, routine: isRoutineIssuer(event.actor, kind), identity, details, seenActing: null };
  });
  // Only successful, non-routine creations are worth asking about (a denied request minted nothing).
  const asks = creds
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.identity && !c.routine && (c.event.code === null || c.event.code < 400))
    .slice(0, MAX_ACTING_LOOKUPS);
  const acting = await seenActing(db, asks.map(({ c }) => ({ identity: c.identity!, created: new Date(c.event.ts) })), new Date(now));
  asks.forEach(({ c }, k) => (c.seenActing = acting.get(k) ?? null));
  return { range: { from: from.toISOString(), to: to.toISOString() }, credentials: creds };
}
