-- Crowsnest initial schema. Hand-written: the events table is partitioned by
-- day, which Prisma's migration engine cannot generate.

CREATE TYPE "Role" AS ENUM ('viewer', 'analyst', 'admin');
CREATE TYPE "AlertStatus" AS ENUM ('open', 'acknowledged', 'resolved');

CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMPTZ(6),
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "sessions" (
    "id_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_agent" TEXT,
    "ip" TEXT,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id_hash")
);
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

CREATE TABLE "ingest_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(6),
    "last_used_at" TIMESTAMPTZ(6),
    "accepted" BIGINT NOT NULL DEFAULT 0,
    "duplicates" BIGINT NOT NULL DEFAULT 0,
    "rejected" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ingest_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ingest_tokens_token_hash_key" ON "ingest_tokens"("token_hash");
CREATE INDEX "ingest_tokens_cluster_idx" ON "ingest_tokens"("cluster");

-- Events: one row per normalized log record of any layer, partitioned by day.
-- Partitions are created ahead of time and on demand by lib/events/partitions;
-- retention drops whole partitions.
CREATE SEQUENCE "events_id_seq" AS BIGINT;
CREATE TABLE "events" (
    "id" BIGINT NOT NULL DEFAULT nextval('events_id_seq'),
    "ts" TIMESTAMPTZ(6) NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cluster" TEXT NOT NULL,
    "layer" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "node" TEXT,
    "namespace" TEXT,
    "pod" TEXT,
    "container" TEXT,
    "workload" TEXT,
    "actor" TEXT,
    "actor_type" TEXT,
    "impersonated" TEXT,
    "verb" TEXT,
    "resource" TEXT,
    "subresource" TEXT,
    "object_name" TEXT,
    "code" SMALLINT,
    "source_ip" INET,
    "message" TEXT NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "hash" BYTEA NOT NULL,
    -- 'simple' config: log text is identifiers, paths and verbs, not English prose,
    -- so stemming and stop words would lose exactly what analysts search for.
    "search" tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig,
            coalesce("message", '') || ' ' || coalesce("actor", '') || ' ' ||
            coalesce("object_name", '') || ' ' || coalesce("pod", '') || ' ' ||
            coalesce("namespace", '') || ' ' || coalesce("node", ''))
    ) STORED,
    CONSTRAINT "events_pkey" PRIMARY KEY ("id", "ts")
) PARTITION BY RANGE ("ts");
ALTER SEQUENCE "events_id_seq" OWNED BY "events"."id";

-- (ts, hash) makes a replayed record a no-op (ON CONFLICT DO NOTHING) and is
-- also the time index every timeline query walks.
CREATE UNIQUE INDEX "events_ts_hash_key" ON "events"("ts", "hash");
CREATE INDEX "events_cluster_ts_idx" ON "events"("cluster", "ts");
CREATE INDEX "events_layer_ts_idx" ON "events"("layer", "ts");
CREATE INDEX "events_namespace_pod_ts_idx" ON "events"("namespace", "pod", "ts");
CREATE INDEX "events_actor_ts_idx" ON "events"("actor", "ts");
CREATE INDEX "events_search_idx" ON "events" USING GIN ("search");

CREATE TABLE "clusters" (
    "name" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(6) NOT NULL,
    "last_seen" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "clusters_pkey" PRIMARY KEY ("name")
);

CREATE TABLE "nodes" (
    "cluster" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(6) NOT NULL,
    "last_seen" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "nodes_pkey" PRIMARY KEY ("cluster", "name")
);

CREATE TABLE "namespaces" (
    "cluster" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(6) NOT NULL,
    "last_seen" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "namespaces_pkey" PRIMARY KEY ("cluster", "name")
);

CREATE TABLE "pods" (
    "cluster" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "node" TEXT,
    "workload" TEXT,
    "first_seen" TIMESTAMPTZ(6) NOT NULL,
    "last_seen" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "pods_pkey" PRIMARY KEY ("cluster", "namespace", "name")
);
CREATE INDEX "pods_cluster_node_idx" ON "pods"("cluster", "node");

CREATE TABLE "containers" (
    "cluster" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "pod" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "image" TEXT,
    "first_seen" TIMESTAMPTZ(6) NOT NULL,
    "last_seen" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "containers_pkey" PRIMARY KEY ("cluster", "namespace", "pod", "name")
);

CREATE TABLE "rules" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'match',
    "definition" JSONB NOT NULL,
    "mitre" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "equivalents" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "remediation" TEXT NOT NULL DEFAULT '',
    "references" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "builtin" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "rules_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "incidents" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "owner_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "alerts" (
    "id" SERIAL NOT NULL,
    "rule_id" TEXT NOT NULL,
    "group_key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(6) NOT NULL,
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'open',
    "resolution" TEXT,
    "assignee_id" UUID,
    "cluster" TEXT NOT NULL,
    "namespace" TEXT,
    "pod" TEXT,
    "actor" TEXT,
    "first_seen" TIMESTAMPTZ(6) NOT NULL,
    "last_seen" TIMESTAMPTZ(6) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "incident_id" INTEGER,
    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "alerts_rule_id_group_key_window_start_key" ON "alerts"("rule_id", "group_key", "window_start");
CREATE INDEX "alerts_status_last_seen_idx" ON "alerts"("status", "last_seen" DESC);
CREATE INDEX "alerts_last_seen_idx" ON "alerts"("last_seen" DESC);

CREATE TABLE "alert_events" (
    "alert_id" INTEGER NOT NULL,
    "event_id" BIGINT NOT NULL,
    "event_ts" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "alert_events_pkey" PRIMARY KEY ("alert_id", "event_id")
);

CREATE TABLE "alert_history" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" INTEGER NOT NULL,
    "user_id" UUID,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from_status" "AlertStatus",
    "to_status" "AlertStatus" NOT NULL,
    "reason" TEXT,
    CONSTRAINT "alert_history_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "alert_history_alert_id_at_idx" ON "alert_history"("alert_id", "at");

CREATE TABLE "notes" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" INTEGER,
    "incident_id" INTEGER,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notes_alert_id_idx" ON "notes"("alert_id");
CREATE INDEX "notes_incident_id_idx" ON "notes"("incident_id");

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- The audit trail is append-only at the database level too.
CREATE FUNCTION "refuse_change_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_append_only"();
-- The same guard for alert status history: it is the record of who did what.
CREATE TRIGGER "alert_history_no_update" BEFORE UPDATE ON "alert_history"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_append_only"();

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ingest_tokens" ADD CONSTRAINT "ingest_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "rules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alert_history" ADD CONSTRAINT "alert_history_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alert_history" ADD CONSTRAINT "alert_history_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "notes" ADD CONSTRAINT "notes_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notes" ADD CONSTRAINT "notes_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
