/**
 * A multi-host cluster: the coordinator and two workers each on a host of its own (network
 * namespaces joined by a bridge, made and removed here), bound to their hosts' addresses, with
 * a shared secret. Discovery, task placement and the exchanges between workers all cross the
 * (virtual) network; the client is one more host. TPC-H tiny must come out right.
 */
import { TPCH_QUERIES, renderProtocolValue, tpchTinyMismatches, tpchTinyQuery } from '../helpers/tpch-check';
import {
  type NodeProcess,
  killAll,
  startNodeProcess,
  trinoQuery,
  trinoQueryResult,
  waitForActive,
  writeEtc,
} from './cluster-harness';
import { createTestNetwork, type TestNetwork } from './network-hosts';

jest.setTimeout(180_000);

const TAG = `tsr${process.pid % 100000}`;
const SECRET = 'multi-host-secret';
let network: TestNetwork;
const nodes: NodeProcess[] = [];

beforeAll(async () => {
  network = createTestNetwork(TAG, 3);
  const [coordinatorHost, ...workerHosts] = network.addresses;
  const common = { 'internal-communication.shared-secret': SECRET, 'http-server.http.port': '8080' };
  const coordinatorEtc = writeEtc(
    {
      coordinator: 'true',
      'node-scheduler.include-coordinator': 'false',
      'http-server.http.host': coordinatorHost,
      ...common,
    },
    { 'node.id': 'coordinator', 'node.environment': 'multi_host' },
  );
  nodes.push(
    await startNodeProcess(['--etc-dir', coordinatorEtc, '--workers', '0'], 30_000, network.wrapper(0)),
  );
  for (const [i, host] of workerHosts.entries()) {
    const etc = writeEtc(
      {
        coordinator: 'false',
        'discovery.uri': `http://${coordinatorHost}:8080`,
        'http-server.http.host': host,
        ...common,
      },
      { 'node.id': `worker-${i}`, 'node.environment': 'multi_host' },
    );
    nodes.push(await startNodeProcess(['--etc-dir', etc], 30_000, network.wrapper(i + 1)));
  }
  for (let i = 0; i < workerHosts.length; i++) await waitForActive(nodes[0].uri, `worker-${i}`);
});

afterAll(() => {
  killAll();
  network?.remove();
});

test('every node is on its own host', async () => {
  const rows = await trinoQuery(
    nodes[0].uri,
    'SELECT node_id, http_uri, state FROM system.runtime.nodes ORDER BY 1',
  );
  expect(rows).toEqual([
    ['coordinator', `http://${network.addresses[0]}:8080`, 'active'],
    ['worker-0', `http://${network.addresses[1]}:8080`, 'active'],
    ['worker-1', `http://${network.addresses[2]}:8080`, 'active'],
  ]);
});

test('the 22 TPC-H queries at tiny match the dbgen answers', async () => {
  const failures: Record<number, string[]> = {};
  for (const q of TPCH_QUERIES) {
    try {
      const { columns, rows } = await trinoQueryResult(nodes[0].uri, tpchTinyQuery(q));
      const mismatches = tpchTinyMismatches(
        q,
        columns.map((c) => c.type),
        rows,
        renderProtocolValue,
      );
      if (mismatches.length > 0) failures[q] = mismatches;
    } catch (e) {
      failures[q] = [String(e)];
    }
  }
  expect(failures).toEqual({});
  const workers = await trinoQuery(
    nodes[0].uri,
    `SELECT DISTINCT node_id FROM system.runtime.tasks WHERE state = 'FINISHED' ORDER BY 1`,
  );
  expect(workers).toEqual([['worker-0'], ['worker-1']]);
});
