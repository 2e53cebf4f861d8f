-- Per-cluster aggregates for the entity pages, kept by ingest in the same
-- transaction as the events (lib/inventory/rollups.ts), so a cluster page
-- over 24 h of tens of millions of events reads a few thousand rows.
--
-- activity_rollups: events per cluster, minute and layer; `high` counts
-- severity error and above. Sparklines, stacked histograms, events/min.
CREATE TABLE "activity_rollups" (
    "cluster" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(6) NOT NULL,
    "layer" TEXT NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,
    "high" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "activity_rollups_pkey" PRIMARY KEY ("cluster", "bucket", "layer")
);

-- actor_rollups: API requests (audit layer) per cluster, 5 minutes and actor;
-- `denied` counts 401/403 answers. Top actors by activity and by denials.
CREATE TABLE "actor_rollups" (
    "cluster" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(6) NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_type" TEXT,
    "events" INTEGER NOT NULL DEFAULT 0,
    "denied" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "actor_rollups_pkey" PRIMARY KEY ("cluster", "bucket", "actor")
);

INSERT INTO "activity_rollups" ("cluster", "bucket", "layer", "events", "high")
SELECT "cluster", date_trunc('minute', "ts"), "layer", count(*),
       count(*) FILTER (WHERE "severity" IN ('error', 'critical', 'alert', 'emergency'))
FROM "events" GROUP BY 1, 2, 3;

INSERT INTO "actor_rollups" ("cluster", "bucket", "actor", "actor_type", "events", "denied")
SELECT "cluster", date_bin('5 minutes', "ts", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "actor", max("actor_type"), count(*),
       count(*) FILTER (WHERE "code" IN (401, 403))
FROM "events" WHERE "layer" = 'audit' AND "actor" IS NOT NULL GROUP BY 1, 2, 3;

-- Partial indexes for the entity pages (each only holds the rows its page
-- reads, so ingest pays for a fraction of the table):
-- recent high-severity events of a cluster (≈1 % of rows);
CREATE INDEX "events_high_severity_idx" ON "events" ("cluster", "ts")
    WHERE "severity" IN ('error', 'critical', 'alert', 'emergency');
-- a pod's audit, Kubernetes Events and runtime rows without its log flood
-- (lifecycle, exec history, a timeline without container logs);
CREATE INDEX "events_pod_context_idx" ON "events" ("namespace", "pod", "ts")
    WHERE "layer" <> 'container' AND "pod" IS NOT NULL;
-- a node's OS logs, runtime alerts and Kubernetes Events, one layer at a time;
CREATE INDEX "events_node_layer_idx" ON "events" ("node", "layer", "ts")
    WHERE "layer" <> 'container' AND "node" IS NOT NULL;
-- audit rows about credentials, RBAC, secrets and the logging pipeline
-- (namespace RBAC/secret panels, credentials page, tampering signals).
CREATE INDEX "events_audit_sensitive_idx" ON "events" ("cluster", "resource", "ts")
    WHERE "layer" = 'audit' AND ("resource" IN ('secrets', 'serviceaccounts', 'roles', 'rolebindings', 'clusterroles',
        'clusterrolebindings', 'certificatesigningrequests', 'daemonsets', 'events')
        OR ("resource" = 'configmaps' AND "verb" IN ('create', 'update', 'patch', 'delete', 'deletecollection')));
