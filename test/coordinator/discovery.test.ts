/**
 * Discovery, failure detection and node states in one process: a coordinator and workers started
 * with startNode (real HTTP on loopback, fast timings), plus the pieces on their own.
 */
import { DiscoveryService } from '../../src/coordinator/discovery-service';
import { blockFromValues } from '../../src/execution/block';
import { page } from '../../src/execution/page';
import { OutputBuffer } from '../../src/exchange/output-buffer';
import { serializePage } from '../../src/exchange/page-codec';
import { nodeConfigFromProperties } from '../../src/server/node-config';
import { type TesseraNode, startNode } from '../../src/server/node-server';
import { NodeStateManager } from '../../src/server/node-state';
import { BIGINT } from '../../src/types';

jest.setTimeout(30_000);

const FAST = {
  'http-server.http.port': '0',
  'failure-detector.heartbeat-interval': '100ms',
  'failure-detector.timeout': '600ms',
  'discovery.announce-interval': '100ms',
  'shutdown.grace-period': '50ms',
};

const started: TesseraNode[] = [];
afterAll(async () => {
  for (const n of started) await n.close();
});

async function coordinator(extra: Record<string, string> = {}): Promise<TesseraNode> {
  const node = await startNode(
    nodeConfigFromProperties(
      { coordinator: 'true', 'node-scheduler.include-coordinator': 'false', ...FAST, ...extra },
      { 'node.id': 'coord', 'node.environment': 'test' },
    ),
  );
  started.push(node);
  return node;
}

async function worker(
  discoveryUri: string,
  nodeId: string,
  extra: Record<string, string> = {},
  onShutdown?: () => void,
): Promise<TesseraNode> {
  const node = await startNode(
    nodeConfigFromProperties(
      { coordinator: 'false', 'discovery.uri': discoveryUri, ...FAST, ...extra },
      { 'node.id': nodeId, 'node.environment': extra.environment ?? 'test' },
    ),
    onShutdown ? { onShutdown } : {},
  );
  started.push(node);
  return node;
}

async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const states = (c: TesseraNode) =>
  Object.fromEntries(c.nodeManager!.allNodes().map((n) => [n.nodeId, n.state]));

test('workers join, fail, recover and leave; only active workers are schedulable', async () => {
  const c = await coordinator();
  const w1 = await worker(c.uri, 'w1');
  const w2 = await worker(c.uri, 'w2');
  await until(() => c.nodeManager!.schedulableNodes().length === 2, 3000, 'two schedulable workers');
  expect(c.nodeManager!.schedulableNodes().map((n) => n.nodeId)).toEqual(['w1', 'w2']);
  expect(
    (await c.engine.query('SELECT node_id, state FROM system.runtime.nodes ORDER BY node_id')).rows,
  ).toEqual([
    ['coord', 'active'],
    ['w1', 'active'],
    ['w2', 'active'],
  ]);

  // w1 dies as a crashed process would: it stops answering and announcing, and its announcement
  // lingers until the TTL: inactive, not schedulable
  await w1.announcer!.stop(false);
  await w1.app.server.close();
  w1.app.server.closeAllConnections();
  await until(() => states(c).w1 === 'INACTIVE', 2000, 'w1 inactive');
  expect(c.nodeManager!.schedulableNodes().map((n) => n.nodeId)).toEqual(['w2']);

  // w1 comes back (same id, new address): used again
  const w1b = await worker(c.uri, 'w1');
  await until(() => states(c).w1 === 'ACTIVE', 2000, 'w1 active again');
  expect(c.nodeManager!.allNodes().find((n) => n.nodeId === 'w1')!.uri).toBe(w1b.uri);
  expect(c.nodeManager!.schedulableNodes().map((n) => n.nodeId)).toEqual(['w1', 'w2']);

  // w2 closes cleanly: it unannounces and disappears
  await w2.close();
  await until(() => states(c).w2 === undefined, 2000, 'w2 gone');
});

test('the coordinator itself is schedulable only with node-scheduler.include-coordinator', async () => {
  const c = await coordinator({ 'node-scheduler.include-coordinator': 'true' });
  expect(c.nodeManager!.schedulableNodes().map((n) => n.nodeId)).toEqual(['coord']);
  const excluded = await coordinator({ 'node-scheduler.include-coordinator': 'false' });
  expect(excluded.nodeManager!.schedulableNodes()).toEqual([]);
});

test('a worker of another environment is refused', async () => {
  const c = await coordinator();
  const r = await fetch(`${c.uri}/v1/announcement/stranger`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      environment: 'prod',
      services: [{ id: 'x', type: 'trino', properties: { http: 'http://127.0.0.1:9' } }],
    }),
  });
  expect(r.status).toBe(400);
  expect(await r.text()).toBe('Environment mismatch. Expected: test, Provided: prod');
  expect(c.nodeManager!.allNodes().map((n) => n.nodeId)).toEqual(['coord']);
});

test('announcements expire after the TTL when a node vanishes without leaving', () => {
  let now = 1000;
  const d = new DiscoveryService('test', 30_000, () => now);
  const a = {
    environment: 'test',
    services: [
      {
        id: 's',
        type: 'trino',
        properties: { http: 'http://h:1/', node_version: '1', coordinator: 'false' },
      },
    ],
  };
  expect(d.announce('n1', a)).toBeUndefined();
  expect(d.trinoNodes()).toEqual([
    {
      nodeId: 'n1',
      uri: 'http://h:1',
      nodeVersion: '1',
      coordinator: false,
      lastAnnounced: 1000,
      firstAnnounced: 1000,
    },
  ]);
  now += 29_000;
  expect(d.trinoNodes().length).toBe(1);
  now += 2_000;
  expect(d.trinoNodes()).toEqual([]);
  expect(d.announce('n2', { environment: 'test' } as never)).toBe('Invalid announcement');
});

test('SHUTTING_DOWN waits for running tasks, then the worker leaves and stops', async () => {
  const c = await coordinator();
  let shutDown = false;
  const w = await worker(c.uri, 'draining', {}, () => (shutDown = true));
  await until(() => states(c).draining === 'ACTIVE', 3000, 'worker active');
  // a running task whose output is still unread
  const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1 });
  let finishTask!: () => void;
  w.tasks.register({
    taskId: 'q_1.0.0.0',
    outputBuffer: buffer,
    done: new Promise<void>((r) => (finishTask = r)),
  });
  buffer.enqueueNow([serializePage(page([blockFromValues([42])]), [BIGINT])]);
  buffer.setNoMorePages();

  const r = await fetch(`${w.uri}/v1/info/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: '"SHUTTING_DOWN"',
  });
  expect(r.status).toBe(200);
  await until(() => states(c).draining === 'SHUTTING_DOWN', 2000, 'coordinator sees SHUTTING_DOWN');
  expect(c.nodeManager!.schedulableNodes().map((n) => n.nodeId)).not.toContain('draining');
  await new Promise((res) => setTimeout(res, 300));
  expect(shutDown).toBe(false); // still serving its task's output
  expect(() =>
    w.tasks.register({ taskId: 'q_2.0.0.0', outputBuffer: buffer, done: Promise.resolve() }),
  ).toThrow('Server is shutting down');
  const results = await fetch(`${w.uri}/v1/task/q_1.0.0.0/results/0/0`);
  expect(results.status).toBe(200);
  finishTask();
  await w.stopped;
  await until(() => shutDown, 1000, 'the shutdown callback (main exits there)');
  await until(() => states(c).draining === undefined, 2000, 'worker gone from discovery');
});

describe('NodeStateManager transitions', () => {
  const manager = (coordinator = false) =>
    new NodeStateManager({
      coordinator,
      gracePeriodMs: 10,
      whenIdle: async () => undefined,
      onShutdown: () => undefined,
    });

  test("Trino's transitions", async () => {
    const m = manager();
    m.transition('DRAINING');
    expect(m.state).toBe('DRAINING');
    m.transition('ACTIVE');
    m.transition('DRAINING');
    await new Promise((r) => setTimeout(r, 60));
    expect(m.state).toBe('DRAINED');
    expect(() => m.transition('DRAINING')).toThrow(/Invalid state transition from DRAINED to DRAINING/);
    m.transition('SHUTTING_DOWN');
    expect(() => m.transition('ACTIVE')).toThrow(/from SHUTTING_DOWN to ACTIVE/);
  });

  test('a coordinator refuses to drain or shut down', () => {
    const m = manager(true);
    expect(() => m.transition('SHUTTING_DOWN')).toThrow('Cannot shutdown coordinator');
    expect(() => m.transition('DRAINING')).toThrow('Cannot drain coordinator');
    expect(m.state).toBe('ACTIVE');
  });
});
