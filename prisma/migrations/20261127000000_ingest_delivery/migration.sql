-- Delivery semantics for every ingest endpoint: a quarantine for records that
-- could not be normalized, per token and source counters, flags on events
-- (e.g. an auditID reused by different content), and container ids so runtime
-- alerts that only carry a container id can be tied to their pod.

CREATE TABLE "quarantine" (
    "id" BIGSERIAL NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "token_id" UUID,
    "cluster" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "record_index" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    CONSTRAINT "quarantine_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "quarantine_received_at_idx" ON "quarantine"("received_at" DESC);
CREATE INDEX "quarantine_token_id_received_at_idx" ON "quarantine"("token_id", "received_at" DESC);
ALTER TABLE "quarantine" ADD CONSTRAINT "quarantine_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "ingest_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ingest_stats" (
    "token_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "batches" BIGINT NOT NULL DEFAULT 0,
    "accepted" BIGINT NOT NULL DEFAULT 0,
    "duplicates" BIGINT NOT NULL DEFAULT 0,
    "quarantined" BIGINT NOT NULL DEFAULT 0,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ingest_stats_pkey" PRIMARY KEY ("token_id", "source")
);
ALTER TABLE "ingest_stats" ADD CONSTRAINT "ingest_stats_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "ingest_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "events" ADD COLUMN "flags" TEXT[];
-- Finds earlier events that claim the same auditID and stage (a replay with
-- different content, or a forged id). Partial: only audit rows pay for it.
CREATE INDEX "events_audit_id_idx" ON "events" (("attributes" ->> 'auditID')) WHERE "layer" = 'audit';

ALTER TABLE "containers" ADD COLUMN "container_id" TEXT;
CREATE INDEX "containers_cluster_container_id_idx" ON "containers"("cluster", "container_id");
