/**
 * The launcher's process tree: the embedded default (a coordinator forking local workers) comes
 * up with its workers registered, and leaves no orphans, whether stopped with Ctrl-C (SIGINT) or
 * killed outright.
 */
import { childPids, eventually, isAlive, killAll, startNodeProcess } from './cluster-harness';

jest.setTimeout(60_000);

afterAll(() => killAll());

async function startEmbedded() {
  const parent = await startNodeProcess(['--http-port', '0', '--workers', '2']);
  const children = childPids(parent.process.pid!);
  expect(children.length).toBe(2);
  const workers = await eventually(
    async () => {
      const nodes = (await (await fetch(`${parent.uri}/v1/node`)).json()) as { state: string }[];
      return nodes.length === 2 && nodes.every((n) => n.state === 'ACTIVE') ? nodes : undefined;
    },
    10_000,
    'two active local workers',
  );
  return { parent, children, workers };
}

test('the embedded default starts local workers that register, restarts a crashed one; Ctrl-C stops the whole tree', async () => {
  const { parent, children: initial } = await startEmbedded();
  // a crashed local worker is started again and rejoins under its node id
  const before = (await (await fetch(`${parent.uri}/v1/node`)).json()) as { nodeId: string; uri: string }[];
  process.kill(initial[0], 'SIGKILL');
  const children = await eventually(
    () => {
      const now = childPids(parent.process.pid!);
      return now.length === 2 && !now.includes(initial[0]) ? now : undefined;
    },
    15_000,
    'a replacement worker process',
  );
  await eventually(
    async () => {
      const nodes = (await (await fetch(`${parent.uri}/v1/node`)).json()) as {
        nodeId: string;
        uri: string;
        state: string;
      }[];
      const ids = nodes.map((n) => n.nodeId).sort();
      const moved = nodes.some((n) => !before.some((b) => b.nodeId === n.nodeId && b.uri === n.uri));
      return ids.join() ===
        before
          .map((n) => n.nodeId)
          .sort()
          .join() &&
        moved &&
        nodes.every((n) => n.state === 'ACTIVE')
        ? true
        : undefined;
    },
    15_000,
    'the restarted worker active under its old node id',
  );
  expect(parent.output()).toMatch(
    /Tessera [\d.]+ coordinator: http:\/\/127\.0\.0\.1:\d+ \(2 local workers; catalogs: memory, system, tpch\)/,
  );
  expect(parent.output()).toMatch(/Connect: trino --server http/);
  parent.process.kill('SIGINT');
  expect(await parent.exited).toBe(0);
  await eventually(
    () => (children.every((pid) => !isAlive(pid)) ? true : undefined),
    5000,
    'workers to exit',
  );
});

test('workers die with their parent even when it is SIGKILLed', async () => {
  const { parent, children } = await startEmbedded();
  parent.process.kill('SIGKILL');
  await parent.exited;
  await eventually(
    () => (children.every((pid) => !isAlive(pid)) ? true : undefined),
    8000,
    'orphaned workers to exit',
  );
});
