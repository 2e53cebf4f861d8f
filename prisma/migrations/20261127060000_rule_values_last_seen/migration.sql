-- New-value rules remembered every combination forever. last_seen (refreshed
-- at most daily while a combination keeps appearing) lets maintenance forget
-- combinations not seen for the retention period: the table stays bounded, and
-- a combination that returns after that long is new again — the history
-- window of Elastic's "new terms" rules, set to the event retention.
ALTER TABLE "rule_values" ADD COLUMN "last_seen" TIMESTAMPTZ(6);
UPDATE "rule_values" SET "last_seen" = "first_seen";
ALTER TABLE "rule_values" ALTER COLUMN "last_seen" SET NOT NULL;
ALTER TABLE "rule_values" ALTER COLUMN "last_seen" SET DEFAULT CURRENT_TIMESTAMP;

CREATE INDEX "rule_values_last_seen_idx" ON "rule_values"("last_seen");
