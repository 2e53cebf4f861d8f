-- Logging coverage per cluster: which of the five layers report, and since when
-- each source (wire format) has been silent.
--
-- coverage_settings: how long a layer may be silent before it counts as a gap
-- (rows only where an admin changed the default of 15 minutes).
CREATE TABLE "coverage_settings" (
    "cluster" TEXT NOT NULL,
    "layer" TEXT NOT NULL,
    "silence_minutes" INTEGER NOT NULL DEFAULT 15,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "coverage_settings_pkey" PRIMARY KEY ("cluster", "layer")
);

-- layer_sources: first/last event time and a running count per cluster, layer
-- and source, kept by ingest like the entity tables (a few rows per batch), so
-- coverage never scans events.
CREATE TABLE "layer_sources" (
    "cluster" TEXT NOT NULL,
    "layer" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(6) NOT NULL,
    "last_seen" TIMESTAMPTZ(6) NOT NULL,
    "last_received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "events" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "layer_sources_pkey" PRIMARY KEY ("cluster", "layer", "source")
);

-- Events stored before this migration. Event times in the future (clock skew)
-- count as now, so a skewed source cannot look alive forever.
INSERT INTO "layer_sources" ("cluster", "layer", "source", "first_seen", "last_seen", "events")
SELECT "cluster", "layer", "source", min("ts"), LEAST(max("ts"), now()), count(*)
FROM "events" GROUP BY 1, 2, 3;
