/**
 * Distributed execution on real clusters of separate processes on loopback: a coordinator that
 * schedules nothing on itself, and 1, 2 or 4 worker processes. The 22 TPC-H queries at tiny must
 * give the dbgen answers however many workers run their tasks, and the tasks must really run on
 * the workers (system.runtime.tasks names them).
 */
import { TPCH_QUERIES, renderProtocolValue, tpchTinyMismatches, tpchTinyQuery } from '../helpers/tpch-check';
import { type Cluster, killAll, startCluster, trinoQuery, trinoQueryResult } from './cluster-harness';

jest.setTimeout(180_000);

afterAll(() => killAll());

describe.each([1, 2, 4])('TPC-H tiny on %i worker(s)', (workers) => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(workers);
  });
  afterAll(() => {
    for (const p of [cluster.coordinator, ...cluster.workers]) p.process.kill('SIGKILL');
  });

  test('all 22 queries match the dbgen answers', async () => {
    const failures: Record<number, string[]> = {};
    for (const q of TPCH_QUERIES) {
      try {
        const { columns, rows } = await trinoQueryResult(cluster.coordinator.uri, tpchTinyQuery(q));
        const types = columns.map((c) => c.type);
        const mismatches = tpchTinyMismatches(q, types, rows, renderProtocolValue);
        if (mismatches.length > 0) failures[q] = mismatches;
      } catch (e) {
        failures[q] = [String(e)];
      }
    }
    expect(failures).toEqual({});
  });

  test('the tasks ran on the workers, each of them', async () => {
    const rows = await trinoQuery(
      cluster.coordinator.uri,
      `SELECT DISTINCT node_id FROM system.runtime.tasks WHERE state = 'FINISHED' ORDER BY node_id`,
    );
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: workers }, (_, i) => `worker-${i}`));
  });
});
