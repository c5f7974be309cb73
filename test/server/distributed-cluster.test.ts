/**
 * Distributed execution on real clusters of separate processes on loopback: a coordinator that
 * schedules nothing on itself, and 1, 2 or 4 worker processes. The 22 TPC-H queries at tiny must
 * give the dbgen answers however many workers run their tasks, and the tasks must really run on
 * the workers (system.runtime.tasks names them).
 */
import { TPCH_QUERIES, renderProtocolValue, tpchTinyMismatches, tpchTinyQuery } from '../helpers/tpch-check';
import { InternalAuthenticator } from '../../src/server/internal-auth';
import {
  type Cluster,
  QueryFailed,
  eventually,
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
    cluster = await startCluster(
      2,
      { 'internal-communication.shared-secret': SECRET },
      { tpch: { 'connector.name': 'tpch' }, memory: { 'connector.name': 'memory' } },
    );
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

  /** Tasks still running on the workers (their task API, with the internal token). */
  async function runningTasks(): Promise<string[]> {
    const token = await new InternalAuthenticator(SECRET, 'test-client').token();
    const ids: string[] = [];
    for (const w of cluster.workers) {
      const r = await fetch(`${w.uri}/v1/task`, { headers: { 'X-Trino-Internal-Bearer': token } });
      const infos = (await r.json()) as { taskStatus: { taskId: string; state: string } }[];
      for (const i of infos)
        if (i.taskStatus.state === 'RUNNING' || i.taskStatus.state === 'FLUSHING')
          ids.push(i.taskStatus.taskId);
    }
    return ids;
  }

  test('a LIMIT satisfied early stops the tasks reading a large table', async () => {
    const rows = await trinoQuery(cluster.coordinator.uri, 'SELECT orderkey FROM tpch.sf1.lineitem LIMIT 3');
    expect(rows).toHaveLength(3);
    await eventually(
      async () => ((await runningTasks()).length === 0 ? true : undefined),
      5000,
      'no running tasks',
    );
  });

  test('a cancelled query leaves no task running on the workers', async () => {
    const r = await fetch(`${cluster.coordinator.uri}/v1/statement`, {
      method: 'POST',
      // sf10: long enough that the tasks are still running when polled on a fast or a loaded machine
      body: 'SELECT count(*) FROM tpch.sf10.lineitem WHERE quantity > 0',
      headers: { 'X-Trino-User': 'test' },
    });
    let body = (await r.json()) as { nextUri?: string };
    // the query starts on the first nextUri GET; poll until tasks run on the workers
    await eventually(
      async () => {
        if (body.nextUri) body = (await (await fetch(body.nextUri)).json()) as { nextUri?: string };
        if (!body.nextUri)
          throw new Error(`the query ended before its tasks were seen: ${JSON.stringify(body)}`);
        return (await runningTasks()).length > 0 ? true : undefined;
      },
      20_000,
      'tasks running',
    );
    const cancel = await fetch(body.nextUri!, { method: 'DELETE' });
    expect(cancel.status).toBe(204);
    await eventually(
      async () => ((await runningTasks()).length === 0 ? true : undefined),
      5000,
      'tasks aborted',
    );
  });

  test("the client's progress counts the workers' splits", async () => {
    type Stats = { state: string; nodes: number; totalSplits: number; completedSplits: number };
    let response = await fetch(`${cluster.coordinator.uri}/v1/statement`, {
      method: 'POST',
      // sf10: long enough that the tasks are still running when polled on a fast or a loaded machine
      body: 'SELECT count(*) FROM tpch.sf10.lineitem WHERE quantity > 0',
      headers: { 'X-Trino-User': 'test' },
    });
    const seen: Stats[] = [];
    for (;;) {
      const body = (await response.json()) as { stats: Stats; nextUri?: string };
      seen.push(body.stats);
      if (!body.nextUri) break;
      response = await fetch(body.nextUri);
    }
    const last = seen[seen.length - 1];
    expect(last.state).toBe('FINISHED');
    // the scan's splits over both workers, plus the final aggregation's task
    expect(last.nodes).toBe(2);
    expect(last.totalSplits).toBeGreaterThan(2);
    expect(last.completedSplits).toBe(last.totalSplits);
    // while it ran, the count went up from below the total
    expect(seen.some((s) => s.state === 'RUNNING' && s.completedSplits < s.totalSplits)).toBe(true);
  });

  test('a memory table (data on the coordinator) joins a tpch table (read on the workers)', async () => {
    await trinoQuery(
      cluster.coordinator.uri,
      'CREATE TABLE memory.default.regions AS SELECT * FROM tpch.tiny.region',
    );
    const rows = await trinoQuery(
      cluster.coordinator.uri,
      `SELECT r.name, count(*) FROM memory.default.regions r JOIN tpch.tiny.nation n ON n.regionkey = r.regionkey
       GROUP BY r.name ORDER BY 1`,
    );
    // TPC-H: five regions of five nations each
    expect(rows).toEqual(['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'].map((name) => [name, 5]));
  });

  test('the task API answers garbage with 400 or 404 and keeps working', async () => {
    const token = await new InternalAuthenticator(SECRET, 'test-client').token();
    const worker = cluster.workers[0].uri;
    const post = (path: string, body: string, type = 'application/x-tessera-task') =>
      fetch(`${worker}${path}`, {
        method: 'POST',
        body,
        headers: { 'X-Trino-Internal-Bearer': token, 'content-type': type },
      });
    expect((await post('/v1/task/q_1.1.0.0', '{not json')).status).toBe(400);
    expect((await post('/v1/task/q_1.1.0.0', '{"task":{"taskId":"q_2.1.0.0"}}')).status).toBe(400);
    expect((await post('/v1/task/not-a-task-id', '{"task":{"taskId":"not-a-task-id"}}')).status).toBe(400);
    expect((await post('/v1/task/q_1.1.0.0', 'x'.repeat(1000), 'text/plain')).status).toBe(400);
    const headers = { 'X-Trino-Internal-Bearer': token };
    expect((await fetch(`${worker}/v1/task/q_9.9.9.9/status`, { headers })).status).toBe(404);
    expect((await fetch(`${worker}/v1/task/q_9.9.9.9/results/0/0`, { headers })).status).toBe(404);
    expect((await fetch(`${worker}/v1/task/q_9.9.9.9/results/x/y`, { headers })).status).toBe(400);
    expect((await fetch(`${worker}/v1/task/q_9.9.9.9`, { method: 'DELETE', headers })).status).toBe(404);
    // the worker still runs queries
    expect(await trinoQuery(cluster.coordinator.uri, 'SELECT count(*) FROM tpch.tiny.region')).toEqual([[5]]);
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
