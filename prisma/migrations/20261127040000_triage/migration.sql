-- Triage: resolution reasons and assignment history on alerts, incidents with
-- pinned evidence and an append-only activity timeline, read-only share links
-- (only the token's sha256 is stored), and outbound webhook notifications.

-- Why an alert was resolved (true_positive | false_positive | benign | duplicate);
-- the existing "resolution" column keeps the free-text note.
ALTER TABLE "alerts" ADD COLUMN "resolution_reason" TEXT;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolution_reason_check"
    CHECK ("resolution_reason" IS NULL OR "resolution_reason" IN ('true_positive', 'false_positive', 'benign', 'duplicate'));
CREATE INDEX "alerts_assignee_id_idx" ON "alerts"("assignee_id");
CREATE INDEX "alerts_incident_id_idx" ON "alerts"("incident_id");
-- Finds the alerts an ingest transaction created (created_at = now()), to notify after it commits.
CREATE INDEX "alerts_created_at_idx" ON "alerts"("created_at");

-- alert_history records assignments and incident links too (from = to = the
-- status at the time). No foreign key on assignee_id: the history is
-- immutable, so it must not be rewritten by ON DELETE actions.
ALTER TABLE "alert_history" ADD COLUMN "action" TEXT NOT NULL DEFAULT 'status';
ALTER TABLE "alert_history" ADD COLUMN "assignee_id" UUID;
ALTER TABLE "alert_history" ADD COLUMN "resolution_reason" TEXT;
-- Deleting history rows is refused too (the init migration only guarded UPDATE).
DROP TRIGGER "alert_history_no_update" ON "alert_history";
CREATE TRIGGER "alert_history_no_update" BEFORE UPDATE OR DELETE ON "alert_history"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_append_only"();

ALTER TABLE "incidents" ADD COLUMN "summary" TEXT NOT NULL DEFAULT '';
ALTER TABLE "incidents" ADD COLUMN "cluster" TEXT;
ALTER TABLE "incidents" ADD COLUMN "namespace" TEXT;
ALTER TABLE "incidents" ADD COLUMN "workload" TEXT;
CREATE INDEX "incidents_status_updated_at_idx" ON "incidents"("status", "updated_at" DESC);

-- Evidence pinned to an incident: an event (by id and ts: events are
-- partitioned and expire, so no foreign key), a search with its absolute
-- window (a snapshot: deleting the saved search does not change the evidence),
-- or a note.
CREATE TABLE "incident_evidence" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "event_id" BIGINT,
    "event_ts" TIMESTAMPTZ(6),
    "query" TEXT,
    "from_ts" TIMESTAMPTZ(6),
    "to_ts" TIMESTAMPTZ(6),
    "saved_search_id" INTEGER,
    "body" TEXT,
    "added_by" UUID,
    "added_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "incident_evidence_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "incident_evidence_kind_check" CHECK ("kind" IN ('event', 'search', 'note'))
);
CREATE INDEX "incident_evidence_incident_id_idx" ON "incident_evidence"("incident_id");
-- An event is pinned once per incident (searches and notes have NULLs here, which never collide).
CREATE UNIQUE INDEX "incident_evidence_incident_id_event_id_event_ts_key" ON "incident_evidence"("incident_id", "event_id", "event_ts");
ALTER TABLE "incident_evidence" ADD CONSTRAINT "incident_evidence_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Everything done in an incident, append-only like the audit trail.
CREATE TABLE "incident_activity" (
    "id" BIGSERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "user_id" UUID,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "incident_activity_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "incident_activity_incident_id_at_idx" ON "incident_activity"("incident_id", "at");
ALTER TABLE "incident_activity" ADD CONSTRAINT "incident_activity_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE TRIGGER "incident_activity_no_update" BEFORE UPDATE OR DELETE ON "incident_activity"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_append_only"();

-- Read-only external links to one incident. The token (128 random bits) is
-- shown once; only its sha256 is kept.
CREATE TABLE "share_links" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "incident_id" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "revoked_at" TIMESTAMPTZ(6),
    "open_count" INTEGER NOT NULL DEFAULT 0,
    "last_opened_at" TIMESTAMPTZ(6),
    CONSTRAINT "share_links_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "share_links_token_hash_key" ON "share_links"("token_hash");
CREATE INDEX "share_links_incident_id_idx" ON "share_links"("incident_id");
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Outbound webhooks (Slack-compatible) for new high/critical alerts.
CREATE TABLE "notification_targets" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "min_severity" TEXT NOT NULL DEFAULT 'high',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "allow_private_network" BOOLEAN NOT NULL DEFAULT false,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_targets_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "notification_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "target_id" INTEGER NOT NULL,
    "alert_id" INTEGER,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_code" INTEGER,
    "error" TEXT,
    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notification_deliveries_target_id_at_idx" ON "notification_deliveries"("target_id", "at");
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "notification_targets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
