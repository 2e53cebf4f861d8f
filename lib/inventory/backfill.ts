import type pg from "pg";

/**
 * Rebuilds the entity tables and the coverage/activity rollups from the
 * events table, for rows that did not come through ingest (a bulk COPY, as
 * the benchmarks load data, or a restore). Entity rows are widened, never
 * narrowed; the rollups are recomputed. Whole-table scans: for maintenance
 * and benchmarks, not for request paths. Takes a pool with no query timeout.
 */
export async function backfillInventory(pool: pg.Pool, log: (s: string) => void = () => {}): Promise<void> {
  const step = async (name: string, sql: string) => {
    const t = performance.now();
    await pool.query(sql);
    log(`  ${name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const seen = (table: string) => `first_seen = LEAST(${table}.first_seen, EXCLUDED.first_seen), last_seen = GREATEST(${table}.last_seen, EXCLUDED.last_seen)`;
  await step("clusters", `INSERT INTO clusters (name, first_seen, last_seen) SELECT cluster, min(ts), max(ts) FROM events GROUP BY 1
    ON CONFLICT (name) DO UPDATE SET ${seen("clusters")}`);
  await step("nodes", `INSERT INTO nodes (cluster, name, first_seen, last_seen) SELECT cluster, node, min(ts), max(ts) FROM events
    WHERE node IS NOT NULL GROUP BY 1, 2 ON CONFLICT (cluster, name) DO UPDATE SET ${seen("nodes")}`);
  await step("namespaces", `INSERT INTO namespaces (cluster, name, first_seen, last_seen) SELECT cluster, namespace, min(ts), max(ts) FROM events
    WHERE namespace IS NOT NULL GROUP BY 1, 2 ON CONFLICT (cluster, name) DO UPDATE SET ${seen("namespaces")}`);
  // A pod runs on one node for its life; max() picks it without sorting millions of rows.
  await step("pods", `INSERT INTO pods (cluster, namespace, name, node, workload, first_seen, last_seen)
    SELECT cluster, namespace, pod, max(node), max(workload), min(ts), max(ts) FROM events
    WHERE namespace IS NOT NULL AND pod IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (cluster, namespace, name) DO UPDATE SET node = COALESCE(EXCLUDED.node, pods.node),
      workload = COALESCE(EXCLUDED.workload, pods.workload), ${seen("pods")}`);
  // Image and runtime id only survive in the original record; Fluent Bit's kubernetes block has both.
  await step("containers", `INSERT INTO containers (cluster, namespace, pod, name, image, container_id, first_seen, last_seen)
    SELECT cluster, namespace, pod, container, max(attributes->'kubernetes'->>'container_image'),
           max(left(attributes->'kubernetes'->>'docker_id', 12)), min(ts), max(ts)
    FROM events WHERE namespace IS NOT NULL AND pod IS NOT NULL AND container IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (cluster, namespace, pod, name) DO UPDATE SET image = COALESCE(EXCLUDED.image, containers.image),
      container_id = COALESCE(EXCLUDED.container_id, containers.container_id), ${seen("containers")}`);
  await step("layer sources", `DELETE FROM layer_sources; INSERT INTO layer_sources (cluster, layer, source, first_seen, last_seen, events)
    SELECT cluster, layer, source, min(ts), LEAST(max(ts), now()), count(*) FROM events GROUP BY 1, 2, 3`);
  await step("activity rollups", `DELETE FROM activity_rollups; INSERT INTO activity_rollups (cluster, bucket, layer, events, high)
    SELECT cluster, date_trunc('minute', ts), layer, count(*), count(*) FILTER (WHERE severity IN ('error', 'critical', 'alert', 'emergency'))
    FROM events GROUP BY 1, 2, 3`);
  await step("actor rollups", `DELETE FROM actor_rollups; INSERT INTO actor_rollups (cluster, bucket, actor, actor_type, events, denied)
    SELECT cluster, date_bin('5 minutes', ts, TIMESTAMPTZ '2000-01-01 00:00:00+00'), actor, max(actor_type), count(*),
           count(*) FILTER (WHERE code IN (401, 403))
    FROM events WHERE layer = 'audit' AND actor IS NOT NULL GROUP BY 1, 2, 3`);
  await step("analyze", "ANALYZE clusters, nodes, namespaces, pods, containers, layer_sources, activity_rollups, actor_rollups");
}
