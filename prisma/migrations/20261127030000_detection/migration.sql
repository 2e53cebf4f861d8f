-- Detection: where a rule came from (built-in pack, written here, imported
-- Sigma with its author and licence), suppressions with the matches they
-- held back, and the state of windowed rules (new-value memory, checkpoints).

ALTER TABLE "rules" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'custom';
ALTER TABLE "rules" ADD COLUMN "author" TEXT;
ALTER TABLE "rules" ADD COLUMN "license" TEXT;
ALTER TABLE "rules" ADD COLUMN "source_text" TEXT;
ALTER TABLE "rules" ADD COLUMN "notes" TEXT[] DEFAULT ARRAY[]::TEXT[];
UPDATE "rules" SET "origin" = 'builtin' WHERE "builtin";

-- An exception: matches of a rule (or of every rule, rule_id NULL) whose
-- fields have these values raise no alert until expires_at; they are counted
-- in suppressed_matches instead of being dropped.
CREATE TABLE "suppressions" (
    "id" SERIAL NOT NULL,
    "rule_id" TEXT,
    "match" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(6),
    "revoked_at" TIMESTAMPTZ(6),
    CONSTRAINT "suppressions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "suppressions_rule_id_idx" ON "suppressions"("rule_id");
ALTER TABLE "suppressions" ADD CONSTRAINT "suppressions_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "suppressions" ADD CONSTRAINT "suppressions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What a suppression held back, grouped like alerts (rule + group + window).
CREATE TABLE "suppressed_matches" (
    "suppression_id" INTEGER NOT NULL,
    "rule_id" TEXT NOT NULL,
    "group_key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(6) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "first_seen" TIMESTAMPTZ(6) NOT NULL,
    "last_seen" TIMESTAMPTZ(6) NOT NULL,
    "sample_event_id" BIGINT NOT NULL,
    "sample_event_ts" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "suppressed_matches_pkey" PRIMARY KEY ("suppression_id", "rule_id", "group_key", "window_start")
);
CREATE INDEX "suppressed_matches_rule_id_last_seen_idx" ON "suppressed_matches"("rule_id", "last_seen" DESC);
ALTER TABLE "suppressed_matches" ADD CONSTRAINT "suppressed_matches_suppression_id_fkey" FOREIGN KEY ("suppression_id") REFERENCES "suppressions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "suppressed_matches" ADD CONSTRAINT "suppressed_matches_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- New-value rules remember every combination seen; alert_window is the
-- window of the alert raised for it (NULL when learned during the baseline).
CREATE TABLE "rule_values" (
    "rule_id" TEXT NOT NULL,
    "value_key" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(6) NOT NULL,
    "alert_window" TIMESTAMPTZ(6),
    CONSTRAINT "rule_values_pkey" PRIMARY KEY ("rule_id", "value_key")
);
ALTER TABLE "rule_values" ADD CONSTRAINT "rule_values_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The windowed-rule loop's checkpoint and per-rule state, written in the
-- same transaction as the alerts a run raises (so a crash repeats a run, and
-- a repeated run changes nothing).
CREATE TABLE "detection_state" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "detection_state_pkey" PRIMARY KEY ("key")
);
