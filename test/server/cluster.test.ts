/**
 * A real cluster on loopback: a coordinator and two worker processes, each from its own etc
 * directory, with a shared secret. Discovery, the failure detector, restart, graceful shutdown
 * and internal authentication, observed through the HTTP endpoints and system.runtime.nodes.
 */
import { InternalAuthenticator, internalKey, signHs256 } from '../../src/server/internal-auth';
import {
  type NodeProcess,
  eventually,
  killAll,
  startNodeProcess,
  trinoQuery,
  writeEtc,
} from './cluster-harness';

jest.setTimeout(60_000);

const SECRET = 'cluster-test-secret';
const timing = {
  'failure-detector.heartbeat-interval': '200ms',
  'failure-detector.timeout': '1500ms',
  'discovery.announce-interval': '300ms',
  'shutdown.grace-period': '200ms',
};
const auth = new InternalAuthenticator(SECRET, 'test-client');

async function internalGet(url: string): Promise<Response> {
  return fetch(url, { headers: { 'X-Trino-Internal-Bearer': await auth.token() } });
}

interface NodeInfo {
  nodeId: string;
  state: string;
  uri: string;
  recentFailures: number;
}
async function nodes(coordinator: string): Promise<NodeInfo[]> {
  const r = await internalGet(`${coordinator}/v1/node`);
  expect(r.status).toBe(200);
  return (await r.json()) as NodeInfo[];
}
const stateOf = async (coordinator: string, nodeId: string) =>
  (await nodes(coordinator)).find((n) => n.nodeId === nodeId)?.state;

describe('a coordinator and two worker processes', () => {
  let coordinator: NodeProcess;
  let workerEtc: string[];
  const workers: NodeProcess[] = [];

  beforeAll(async () => {
    const coordinatorEtc = writeEtc(
      {
        coordinator: 'true',
        'http-server.http.port': '0',
        'internal-communication.shared-secret': SECRET,
        ...timing,
      },
      { 'node.id': 'coordinator', 'node.environment': 'cluster_test' },
    );
    coordinator = await startNodeProcess(['--etc-dir', coordinatorEtc, '--workers', '0']);
    workerEtc = [1, 2].map((i) =>
      writeEtc(
        {
          coordinator: 'false',
          'http-server.http.port': '0',
          'discovery.uri': coordinator.uri,
          'internal-communication.shared-secret': SECRET,
          ...timing,
        },
        { 'node.id': `worker-${i}`, 'node.environment': 'cluster_test' },
      ),
    );
    workers.push(...(await Promise.all(workerEtc.map((etc) => startNodeProcess(['--etc-dir', etc])))));
  });

  afterAll(() => killAll());

  test('workers announce and show as active in GET /v1/node and system.runtime.nodes', async () => {
    await eventually(
      async () => {
        const n = await nodes(coordinator.uri);
        return n.length === 2 && n.every((x) => x.state === 'ACTIVE') ? n : undefined;
      },
      10_000,
      'two active workers',
    );
    const listed = await nodes(coordinator.uri);
    expect(listed.map((n) => [n.nodeId, n.uri]).sort()).toEqual(
      [
        ['worker-1', workers[0].uri],
        ['worker-2', workers[1].uri],
      ].sort(),
    );
    const rows = await trinoQuery(
      coordinator.uri,
      'SELECT node_id, http_uri, coordinator, state FROM system.runtime.nodes ORDER BY node_id',
    );
    expect(rows).toEqual([
      ['coordinator', coordinator.uri, true, 'active'],
      ['worker-1', workers[0].uri, false, 'active'],
      ['worker-2', workers[1].uri, false, 'active'],
    ]);
  });

  test('internal endpoints refuse requests without the token, or with a token of another secret', async () => {
    const targets = [
      `${coordinator.uri}/v1/node`,
      `${workers[0].uri}/v1/status`,
      `${workers[0].uri}/v1/task/q_1.0.0.0/results/0/0`,
    ];
    for (const url of targets) {
      expect((await fetch(url)).status).toBe(401);
      const forged = signHs256(
        { sub: 'intruder', exp: Date.now() / 1000 + 300 },
        internalKey('not-the-secret'),
      );
      expect((await fetch(url, { headers: { 'X-Trino-Internal-Bearer': forged } })).status).toBe(401);
      expect((await fetch(url, { headers: { 'X-Trino-Internal-Bearer': 'garbage' } })).status).toBe(401);
    }
    const expired = signHs256({ sub: 'old', exp: Math.floor(Date.now() / 1000) - 60 }, internalKey(SECRET));
    expect((await fetch(targets[0], { headers: { 'X-Trino-Internal-Bearer': expired } })).status).toBe(401);
    // announcing and changing a node's state need it too
    const announce = await fetch(`${coordinator.uri}/v1/announcement/rogue`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ environment: 'cluster_test', services: [] }),
    });
    expect(announce.status).toBe(401);
    const shutdown = await fetch(`${workers[0].uri}/v1/info/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '"SHUTTING_DOWN"',
    });
    expect(shutdown.status).toBe(401);
    // with the right token: allowed; the public info endpoints need none
    expect((await internalGet(targets[0])).status).toBe(200);
    expect((await internalGet(targets[2])).status).toBe(404); // authenticated; no such task
    const info = await fetch(`${workers[0].uri}/v1/info`);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ nodeId: 'worker-1', state: 'ACTIVE', coordinator: false });
    expect(await (await fetch(`${workers[0].uri}/v1/info/state`)).json()).toBe('ACTIVE');
    expect((await fetch(`${workers[0].uri}/v1/info/coordinator`)).status).toBe(404);
    expect((await fetch(`${coordinator.uri}/v1/info/coordinator`)).status).toBe(200);
  });

  test('a killed worker turns inactive within the timeout; restarted, it is active again', async () => {
    const killedAt = Date.now();
    workers[0].process.kill('SIGKILL');
    await workers[0].exited;
    await eventually(
      async () => ((await stateOf(coordinator.uri, 'worker-1')) === 'INACTIVE' ? true : undefined),
      5000,
      'worker-1 inactive',
    );
    // 1.5s timeout plus a heartbeat, with slack for a loaded machine
    expect(Date.now() - killedAt).toBeLessThan(4500);
    expect(await stateOf(coordinator.uri, 'worker-2')).toBe('ACTIVE');
    const rows = await trinoQuery(
      coordinator.uri,
      "SELECT state FROM system.runtime.nodes WHERE node_id = 'worker-1'",
    );
    expect(rows).toEqual([['inactive']]);
    const failed = (await (await internalGet(`${coordinator.uri}/v1/node/failed`)).json()) as NodeInfo[];
    expect(failed.map((n) => n.nodeId)).toEqual(['worker-1']);
    expect(failed[0].recentFailures).toBeGreaterThan(0);

    workers[0] = await startNodeProcess(['--etc-dir', workerEtc[0]]);
    await eventually(
      async () => ((await stateOf(coordinator.uri, 'worker-1')) === 'ACTIVE' ? true : undefined),
      8000,
      'worker-1 active again',
    );
    const back = (await nodes(coordinator.uri)).find((n) => n.nodeId === 'worker-1')!;
    expect(back.uri).toBe(workers[0].uri);
  });

  test('SHUTTING_DOWN drains a worker: it reports the state, leaves discovery and exits', async () => {
    const worker = workers[1];
    const r = await fetch(`${worker.uri}/v1/info/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Trino-Internal-Bearer': await auth.token() },
      body: '"SHUTTING_DOWN"',
    });
    expect(r.status).toBe(200);
    expect(await (await fetch(`${worker.uri}/v1/info/state`)).json()).toBe('SHUTTING_DOWN');
    // one way only
    const back = await fetch(`${worker.uri}/v1/info/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Trino-Internal-Bearer': await auth.token() },
      body: '"ACTIVE"',
    });
    expect(back.status).toBe(400);
    expect(await back.text()).toMatch(/Invalid state transition from SHUTTING_DOWN to ACTIVE/);
    expect(await worker.exited).toBe(0);
    // it unannounced itself: gone from the cluster rather than failed
    await eventually(
      async () => ((await stateOf(coordinator.uri, 'worker-2')) === undefined ? true : undefined),
      3000,
      'worker-2 gone',
    );
  });

  test('the coordinator refuses to shut down or drain', async () => {
    for (const state of ['"SHUTTING_DOWN"', '"DRAINING"']) {
      const r = await fetch(`${coordinator.uri}/v1/info/state`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'X-Trino-Internal-Bearer': await auth.token() },
        body: state,
      });
      expect(r.status).toBe(400);
      expect(await r.text()).toMatch(/Cannot (shutdown|drain) coordinator/);
    }
  });
});
