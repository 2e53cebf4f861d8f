-- Saved searches: a name, a query and a time range (relative like now-24h or
-- absolute), private to their owner or shared with the team.
CREATE TABLE "saved_searches" (
    "id" SERIAL NOT NULL,
    "owner_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "from_expr" TEXT NOT NULL,
    "to_expr" TEXT NOT NULL,
    "columns" TEXT[],
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "saved_searches_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "saved_searches_owner_id_idx" ON "saved_searches"("owner_id");
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Live tail reads by arrival (received_at), across every partition: a late
-- record lands in an old day's partition. Rows are appended in arrival order,
-- so a BRIN index finds the newest block ranges of each partition from a few
-- index pages, and costs ingest next to nothing (a btree here would cost a
-- per-row insert). autosummarize keeps new ranges summarized as they fill.
CREATE INDEX "events_received_at_idx" ON "events" USING BRIN ("received_at") WITH (pages_per_range = 32, autosummarize = on);
