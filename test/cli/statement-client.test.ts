/** The CLI's protocol client against a real coordinator (src/protocol/trino) started in-process. */
import { applyUpdates, type ClientSession } from '../../src/cli/client-session';
import { rowDecoder } from '../../src/cli/client-values';
import { StatementClient } from '../../src/cli/statement-client';
import { startServer, type TestServer } from '../protocol/trino/helpers';

let server: TestServer;
let base: ClientSession;
beforeAll(async () => {
  server = await startServer();
  base = {
    server: server.url,
    user: 'cli-test',
    source: 'tessera-cli',
    catalog: 'tpch',
    schema: 'tiny',
    properties: new Map(),
    preparedStatements: new Map(),
  };
}, 30_000);
afterAll(async () => {
  await server.close();
});

/** Runs a statement to the end; returns the rows, the client and every state seen. */
async function runAll(session: ClientSession, sql: string) {
  const client = await StatementClient.submit(session, sql);
  const states = [client.current.stats.state];
  const rows: unknown[][] = [];
  for (let polls = 0; client.running && polls < 1000; polls++) {
    await client.advance();
    states.push(client.current.stats.state);
    rows.push(...(client.current.data ?? []));
  }
  return { client, rows, states };
}

test('a query is submitted, polled to the end and its rows decoded by column type', async () => {
  const { client, rows, states } = await runAll(
    base,
    'SELECT nationkey, name, CAST(nationkey AS double) / 2 AS half FROM nation WHERE nationkey < 3 ORDER BY 1',
  );
  expect(states[0]).toBe('QUEUED');
  expect(states[states.length - 1]).toBe('FINISHED');
  expect(client.running).toBe(false);
  expect(client.current.columns!.map((c) => c.name)).toEqual(['nationkey', 'name', 'half']);
  const decoded = rowDecoder(client.current.columns!)(rows).map((r) => r.map(String));
  expect(decoded).toEqual([
    ['0', 'ALGERIA', '0.0'],
    ['1', 'ARGENTINA', '0.5'],
    ['2', 'BRAZIL', '1.0'],
  ]);
}, 30_000);

test('a failure carries the error name and its location', async () => {
  const { client } = await runAll(base, 'SELECT nope FROM nation');
  expect(client.current.error).toMatchObject({
    errorName: 'COLUMN_NOT_FOUND',
    errorLocation: { lineNumber: 1, columnNumber: 8 },
  });
}, 30_000);

test('USE, SET SESSION and PREPARE update the client session for the next statement', async () => {
  const use = await runAll(base, 'USE tpch.sf1');
  let session = applyUpdates(base, use.client.sessionUpdates);
  expect([session.catalog, session.schema]).toEqual(['tpch', 'sf1']);

  const set = await runAll(session, "SET SESSION join_distribution_type = 'BROADCAST'");
  session = applyUpdates(session, set.client.sessionUpdates);
  expect(session.properties.get('join_distribution_type')).toBe('BROADCAST');

  const prepare = await runAll(session, 'PREPARE q FROM SELECT count(*) FROM tpch.tiny.region');
  session = applyUpdates(session, prepare.client.sessionUpdates);
  expect(session.preparedStatements.get('q')).toBe('SELECT count(*) FROM tpch.tiny.region');

  // the server knows q only from the X-Trino-Prepared-Statement header the client sends
  const execute = await runAll(session, 'EXECUTE q');
  expect(execute.client.current.error).toBeUndefined();
  expect(execute.rows).toEqual([[5]]);

  const deallocate = await runAll(session, 'DEALLOCATE PREPARE q');
  session = applyUpdates(session, deallocate.client.sessionUpdates);
  expect(session.preparedStatements.has('q')).toBe(false);

  const reset = await runAll(session, 'RESET SESSION join_distribution_type');
  session = applyUpdates(session, reset.client.sessionUpdates);
  expect(session.properties.has('join_distribution_type')).toBe(false);
}, 60_000);

test('cancel stops the client and the server ends the query as cancelled', async () => {
  const client = await StatementClient.submit(base, 'SELECT * FROM tpch.sf1.lineitem');
  await client.advance();
  await client.cancel();
  expect(client.running).toBe(false);
  expect(client.clientAborted).toBe(true);
  expect(await client.advance()).toBe(false);
  const id = client.current.id;
  let state: string | undefined;
  for (let i = 0; i < 100 && state !== 'FAILED'; i++) {
    state = server.queryManager.get(id)?.state;
    if (state !== 'FAILED') await new Promise((r) => setTimeout(r, 50));
  }
  expect(state).toBe('FAILED');
}, 60_000);
