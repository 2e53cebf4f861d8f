/**
 * Rules run in memory on ingest and as SQL in backtests and search: the two
 * compilations of a query must select the same events — including the
 * extensions rules need (arrays on attribute paths, `*` segments, regexes).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDb } from "../setup/db";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { normalizeAuditEvent } from "../../lib/ingest/audit/normalize";
import { normalizeFalcoAlert } from "../../lib/ingest/falco/normalize";
import { auditEvent } from "../setup/fixtures";
import { compileWhere } from "../../lib/search/query/compile-sql";
import { compileMatcher } from "../../lib/search/query/match";
import { parseQuery } from "../../lib/search/query/parse";
import { getEventsByIds } from "../../lib/search/events";
import { Prisma } from "../../lib/generated/prisma/client";
import type { StoredEvent } from "../../lib/events/types";

const db = testDb();
const CLUSTER = "parity";
let stored: StoredEvent[] = [];

function pod(spec: object, over: Parameters<typeof auditEvent>[0] = {}) {
  return { ...auditEvent({ verb: "create", code: 201, ...over }), requestObject: { kind: "Pod", spec } };
}

beforeAll(async () => {
  await resetDb(db);
  const records = [
    pod({ containers: [{ name: "a", image: "nginx:1.27", securityContext: { privileged: false } }, { name: "b", image: "mysql:8", securityContext: { privileged: true, capabilities: { add: ["SYS_ADMIN"] } } }], volumes: [{ name: "e", hostPath: { path: "/etc" } }] }),
    pod({ containers: [{ name: "a", image: "docker.io/calico/node:v3", securityContext: { capabilities: { drop: ["ALL"] } } }], hostNetwork: true, volumes: [{ name: "t", emptyDir: {} }] }),
    pod({ containers: [{ name: "a", image: "busybox" }], initContainers: [{ name: "i", image: "busybox", securityContext: { privileged: true } }] }, { user: "Mallory" }),
    { ...auditEvent({ verb: "create", resource: "configmaps", name: "cfg", code: 201 }), requestObject: { data: { "app.properties": "db.password=x\nmode=prod", other: "color=blue" } } },
    { ...auditEvent({ verb: "create", resource: "configmaps", name: "plain", code: 201 }), requestObject: { data: { "ui.properties": "color=purple" } } },
    { ...auditEvent({ verb: "get", resource: "secrets", name: "s1", user: "system:serviceaccount:ci:deployer" }), userAgent: "curl/8.5.0" },
    { ...auditEvent({ verb: "list", resource: "secrets", name: "s2", code: 403, ip: "10.2.3.4" }), userAgent: "TruffleHog/3.1", stage: "ResponseStarted" },
    { ...auditEvent({ verb: "get", resource: "pods", name: "p", uri: "/api/v1/namespaces/payments/pods/p/exec?command=%2Fbin%2Fsh&command=-c&command=curl%20x" }), nothing: null },
  ];
  const events = records.map((r) => normalizeAuditEvent(r, CLUSTER));
  events.push(normalizeFalcoAlert({ output: "shell", priority: "Warning", rule: "Terminal shell in container", time: new Date().toISOString(), source: "syscall", hostname: "n1", output_fields: { "k8s.ns.name": "shop", "k8s.pod.name": "web-1", "container.name": "web", "proc.cmdline": "bash -i" } }, CLUSTER));
  await ingestEvents(db, events);
  const { rows } = await db.pool.query<{ id: string; ts: Date }>("SELECT id::text, ts FROM events WHERE cluster = $1", [CLUSTER]);
  stored = await getEventsByIds(db, rows);
  expect(stored).toHaveLength(9);
});
afterAll(() => db.pool.end());

const QUERIES = [
  "attributes.requestObject.spec.containers.securityContext.privileged:true",
  "attributes.requestObject.spec.initContainers.securityContext.privileged:true OR attributes.requestObject.spec.containers.securityContext.privileged:true",
  "attributes.requestObject.spec.containers.securityContext.capabilities.add:(SYS_ADMIN OR NET_ADMIN)",
  '_exists_:attributes.requestObject.spec.volumes.hostPath AND attributes.requestObject.spec.volumes.hostPath.path:"/etc"',
  "_exists_:attributes.requestObject.spec.containers.securityContext.capabilities",
  "-_exists_:attributes.requestObject.spec.volumes.hostPath",
  "attributes.requestObject.spec.containers.image:/^(docker\\.io\\/calico\\/node)(:|@|$)/",
  "-attributes.requestObject.spec.containers.image:/^(docker\\.io\\/calico\\/node)(:|@|$)/ AND verb:create AND resource:pods",
  "attributes.requestObject.spec.containers.image:nginx*",
  "attributes.requestObject.data.*:/password|passphrase/",
  "attributes.requestObject.data.*:/password.*prod/",
  "attributes.userAgent:/trufflehog/i",
  "attributes.userAgent:/trufflehog/",
  "attributes.userAgent:/^(curl|wget|python)/i AND resource:secrets",
  "actor:/^mall/i",
  "actor:/^system:serviceaccount:ci:/",
  "code:/^40/",
  "source_ip:/^10\\./",
  "attributes.requestURI:/[?&]command=[^&]*(curl|wget)/i",
  "-attributes.stage:(RequestReceived OR ResponseStarted)",
  "_exists_:attributes.nothing",
  "attributes.responseStatus.code>=400",
  "attributes.user.groups:system:authenticated",
  "attributes.output_fields.*:/bash/",
  "attributes.rule:/shell|terminal/i AND layer:runtime",
  "flags:/reused/",
];

describe("in-memory matcher and SQL agree", () => {
  it.each(QUERIES)("%s", async (q) => {
    const ast = parseQuery(q);
    const where = compileWhere(ast);
    const sql = Prisma.sql`SELECT e.id::text AS id FROM events e WHERE e.cluster = ${CLUSTER} AND (${where})`;
    const { rows } = await db.pool.query<{ id: string }>(sql.text, sql.values as unknown[]);
    const viaSql = rows.map((r) => r.id).sort();
    const m = compileMatcher(ast);
    const inMemory = stored.filter((e) => m(e)).map((e) => e.id).sort();
    expect(inMemory).toEqual(viaSql);
  });

  it("the queries are not trivial: most select some but not all events", async () => {
    let partial = 0;
    for (const q of QUERIES) {
      const m = compileMatcher(parseQuery(q));
      const n = stored.filter((e) => m(e)).length;
      if (n > 0 && n < stored.length) partial++;
    }
    expect(partial).toBeGreaterThanOrEqual(QUERIES.length - 4);
  });
});
