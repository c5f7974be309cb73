/**
 * Losing workers. A worker killed with SIGKILL in the middle of a query: that query fails
 * promptly with an error naming the lost node, the coordinator marks the node inactive within
 * the failure-detector timeout, the next query runs on the remaining worker, and a worker
 * started later joins and gets work. A worker shut down gracefully (PUT /v1/info/state
 * SHUTTING_DOWN) in the middle of a query finishes its tasks first: the query loses nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conformanceDir } from '../../conformance/corpus-paths';
import {
  type Cluster,
  QueryFailed,
  eventually,
  killAll,
  startCluster,
  trinoQuery,
  trinoQueryResult,
} from './cluster-harness';

jest.setTimeout(120_000);
afterAll(() => killAll());

const FAILURE_TIMEOUT_MS = 1500;
const CONFIG = {
  'failure-detector.heartbeat-interval': '200ms',
  'failure-detector.timeout': `${FAILURE_TIMEOUT_MS}ms`,
  'discovery.announce-interval': '300ms',
  'shutdown.grace-period': '500ms',
  'query-manager.required-workers-max-wait': '2s',
  'task.client.timeout': '3s',
};

/** Long enough (seconds of generating quantities on each worker) to act while it runs. */
const LONG_QUERY = 'SELECT count(*) FROM tpch.sf1.lineitem WHERE quantity > 0';
/** Its answer, from Trino's statistics of sf1 lineitem: every row, when the least quantity is positive. */
function longQueryAnswer(): number {
  const stats = JSON.parse(
    readFileSync(join(conformanceDir(), 'tpch', 'trino-tpch-statistics', 'sf1.0', 'lineitem.json'), 'utf8'),
  ) as { rowCount: number; columns: { l_quantity: { min: number } } };
  expect(stats.columns.l_quantity.min).toBeGreaterThan(0);
  return stats.rowCount;
}

/** Tasks of a query running on a worker (its task API lists them). */
async function runningTasks(workerUri: string): Promise<string[]> {
  const r = await fetch(`${workerUri}/v1/task`);
  const infos = (await r.json()) as { taskStatus: { taskId: string; state: string } }[];
  return infos.filter((i) => i.taskStatus.state === 'RUNNING').map((i) => i.taskStatus.taskId);
}

/** Waits until tasks run on the worker; returns their ids. */
function tasksRunningOn(workerUri: string): Promise<string[]> {
  return eventually(
    async () => {
      const ids = await runningTasks(workerUri);
      return ids.length > 0 ? ids : undefined;
    },
    20_000,
    `tasks running on ${workerUri}`,
  );
}

async function nodeState(coordinatorUri: string, nodeId: string): Promise<string | undefined> {
  const rows = await trinoQuery(
    coordinatorUri,
    `SELECT state FROM system.runtime.nodes WHERE node_id = '${nodeId}'`,
  );
  return rows[0]?.[0] as string | undefined;
}

describe('a worker killed during a query', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2, CONFIG);
  });

  test('the query fails promptly naming the node; the cluster goes on without it', async () => {
    const query = trinoQueryResult(cluster.coordinator.uri, LONG_QUERY).then(
      () => undefined,
      (e: unknown) => e,
    );
    const victim = cluster.workers[1];
    await tasksRunningOn(victim.uri);
    const killedAt = Date.now();
    victim.process.kill('SIGKILL');

    const error = await query;
    const failedAfter = Date.now() - killedAt;
    expect(error).toBeInstanceOf(QueryFailed);
    const failure = (error as QueryFailed).error;
    expect(failure.errorName).toBe('REMOTE_HOST_GONE');
    expect(failure.message).toContain('worker-1');
    // promptly: within a few failure-detector timeouts, never the minute-long error budgets
    expect(failedAfter).toBeLessThan(FAILURE_TIMEOUT_MS * 5);

    // inactive within the failure-detector timeout (plus a heartbeat and the poll)
    await eventually(
      async () => ((await nodeState(cluster.coordinator.uri, 'worker-1')) === 'inactive' ? true : undefined),
      FAILURE_TIMEOUT_MS + 1500,
      'worker-1 inactive',
    );

    const rows = await trinoQuery(cluster.coordinator.uri, 'SELECT count(*) FROM tpch.tiny.lineitem');
    expect(rows).toEqual([[60175]]);
  });

  test('a worker started later joins and receives work', async () => {
    const joined = await cluster.addWorker();
    expect(joined.uri).toMatch(/^http:/);
    const { rows } = await trinoQueryResult(
      cluster.coordinator.uri,
      'SELECT orderstatus, count(*) FROM tpch.tiny.orders GROUP BY orderstatus ORDER BY 1',
    );
    expect(rows).toEqual([
      ['F', 7304],
      ['O', 7333],
      ['P', 363],
    ]);
    const nodes = await trinoQuery(
      cluster.coordinator.uri,
      `SELECT DISTINCT node_id FROM system.runtime.tasks WHERE node_id = 'worker-2'`,
    );
    expect(nodes).toEqual([['worker-2']]);
  });
});

describe("a task aborted behind the coordinator's back", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(1, CONFIG);
  });

  test('fails its query instead of cutting the result short', async () => {
    const query = trinoQueryResult(cluster.coordinator.uri, LONG_QUERY).then(
      (r) => r,
      (e: unknown) => e,
    );
    const worker = cluster.workers[0];
    const [taskId] = await tasksRunningOn(worker.uri);
    expect((await fetch(`${worker.uri}/v1/task/${taskId}`, { method: 'DELETE' })).status).toBe(200);
    const outcome = await query;
    expect(outcome).toBeInstanceOf(QueryFailed);
    expect((outcome as QueryFailed).error.errorName).toBe('REMOTE_TASK_ERROR');
    expect((outcome as QueryFailed).error.message).toContain('aborted');
  });
});

describe('a worker shut down gracefully during a query', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2, CONFIG);
  });

  test('the query still succeeds; the worker then leaves', async () => {
    let finished = false;
    const query = trinoQueryResult(cluster.coordinator.uri, LONG_QUERY).finally(() => (finished = true));
    const leaving = cluster.workers[1];
    await tasksRunningOn(leaving.uri);
    const r = await fetch(`${leaving.uri}/v1/info/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '"SHUTTING_DOWN"',
    });
    expect(r.status).toBe(200);
    expect(finished).toBe(false); // the worker was asked to leave while the query ran

    expect((await query).rows).toEqual([[longQueryAnswer()]]);
    expect(await leaving.exited).toBe(0);
    // the cluster goes on with the other worker
    expect(await trinoQuery(cluster.coordinator.uri, 'SELECT count(*) FROM tpch.tiny.nation')).toEqual([
      [25],
    ]);
  });
});

describe('the coordinator killed during a query', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(1, CONFIG);
  });

  test('its worker aborts the orphaned tasks after task.client.timeout', async () => {
    void trinoQueryResult(cluster.coordinator.uri, LONG_QUERY).catch(() => undefined);
    const worker = cluster.workers[0];
    await tasksRunningOn(worker.uri);
    cluster.coordinator.process.kill('SIGKILL');
    // running, then waiting for a reader that is gone (FLUSHING): both end ABORTED
    const states = async () =>
      ((await (await fetch(`${worker.uri}/v1/task`)).json()) as { taskStatus: { state: string } }[]).map(
        (i) => i.taskStatus.state,
      );
    const final = await eventually(
      async () => {
        const now = await states();
        return now.every((state) => state !== 'RUNNING' && state !== 'FLUSHING') ? now : undefined;
      },
      30_000,
      'tasks aborted',
    );
    expect(final).toEqual(['ABORTED']);
  });
});
