/**
 * Distributed execution on real clusters of separate processes on loopback: a coordinator that
 * schedules nothing on itself, and 1, 2 or 4 worker processes. The 22 TPC-H queries at tiny must
 * give the dbgen answers however many workers run their tasks, and the tasks must really run on
 * the workers (system.runtime.tasks names them).
 */
import { TPCH_QUERIES, renderProtocolValue, tpchTinyMismatches, tpchTinyQuery } from '../helpers/tpch-check';
import {
  type Cluster,
  QueryFailed,
  killAll,
  startCluster,
  trinoQuery,
  trinoQueryResult,
} from './cluster-harness';

jest.setTimeout(180_000);

afterAll(() => killAll());

const SECRET = 'distributed-test-secret';

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

describe('two workers with a shared secret', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2, { 'internal-communication.shared-secret': SECRET });
  });
  afterAll(() => {
    for (const p of [cluster.coordinator, ...cluster.workers]) p.process.kill('SIGKILL');
  });

  test('EXPLAIN (TYPE DISTRIBUTED) shows the stages and how their output is partitioned', async () => {
    const rows = await trinoQuery(
      cluster.coordinator.uri,
      `EXPLAIN (TYPE DISTRIBUTED) SELECT n.name, count(*) FROM tpch.tiny.customer c
       JOIN tpch.tiny.nation n ON c.nationkey = n.nationkey GROUP BY n.name`,
    );
    const text = String(rows[0][0]);
    expect(text).toMatch(/^Fragment 0 \[SINGLE\]/);
    expect(text).toMatch(/Fragment \d+ \[HASH\]/);
    expect(text).toMatch(/Fragment \d+ \[SOURCE\]/);
    expect(text).toContain('Output partitioning: HASH [name');
    expect(text).toContain('RemoteSource[sourceFragmentIds');
  });

  test('EXPLAIN ANALYZE reports what the tasks on the workers did', async () => {
    const rows = await trinoQuery(
      cluster.coordinator.uri,
      'EXPLAIN ANALYZE SELECT orderpriority, count(*) FROM tpch.tiny.orders GROUP BY orderpriority',
    );
    const text = String(rows[0][0]);
    // the scan stage: one task per worker, all 15000 orders read between them
    expect(text).toMatch(
      /Fragment \d+ \[SOURCE\]\n\s+CPU: [^\n]*Output: \d+ rows\n\s+Peak Memory: [^\n]*Tasks count: 2, Splits: \d+/,
    );
    expect(text).toMatch(/TableScan[^\n]*\n[^\n]*\n[^\n]*Output: 15000 rows/);
  });

  test('the task API refuses calls without the internal token', async () => {
    const worker = cluster.workers[0].uri;
    for (const [method, path] of [
      ['GET', '/v1/task'],
      ['POST', '/v1/task/q_1.1.0.0'],
      ['GET', '/v1/task/q_1.1.0.0/status'],
      ['DELETE', '/v1/task/q_1.1.0.0'],
    ]) {
      const r = await fetch(`${worker}${path}`, { method });
      expect([path, r.status]).toEqual([path, 401]);
    }
  });
});

describe('a coordinator without workers', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(0, { 'query-manager.required-workers-max-wait': '1s' });
  });
  afterAll(() => cluster.coordinator.process.kill('SIGKILL'));

  test('answers metadata and system queries itself', async () => {
    expect(await trinoQuery(cluster.coordinator.uri, 'SHOW CATALOGS')).toContainEqual(['tpch']);
    expect(await trinoQuery(cluster.coordinator.uri, 'SELECT node_id FROM system.runtime.nodes')).toEqual([
      ['coordinator'],
    ]);
  });

  test('fails a query that needs workers with NO_NODES_AVAILABLE after the wait', async () => {
    const started = Date.now();
    const error = await trinoQueryResult(
      cluster.coordinator.uri,
      'SELECT count(*) FROM tpch.tiny.nation',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailed);
    expect((error as QueryFailed).error.errorName).toBe('NO_NODES_AVAILABLE');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});
