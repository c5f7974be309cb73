/** The coordinator driven by the real npm clients, the way users run them. */
import { Trino, BasicAuth, type QueryResult } from 'trino-client';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const presto = require('presto-client') as {
  Client: new (args: Record<string, unknown>) => {
    execute(opts: Record<string, unknown>): void;
    kill(queryId: string, callback?: (error: unknown) => void): void;
  };
};
import { startServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ alternateHeaderName: 'Presto' });
});
afterAll(async () => {
  await server.close();
});

async function trinoRows(sql: string, catalog = 'tpch', schema = 'tiny') {
  const trino = Trino.create({ server: server.url, catalog, schema, auth: new BasicAuth('test') });
  return drain(await trino.query(sql));
}

async function drain(iter: AsyncIterable<QueryResult>) {
  const rows: unknown[][] = [];
  let last: QueryResult | undefined;
  for await (const r of iter) {
    rows.push(...(r.data ?? []));
    last = r;
  }
  return { rows, last: last! };
}

/**
 * One row of every type the engine has, and what a JavaScript client must get for it after
 * JSON.parse of the §1.10 encodings (bigint beyond 2^53 loses precision in JS clients, as the
 * reference notes; `1.0` parses to 1).
 */
const TYPES_SQL = `SELECT true, TINYINT '1', SMALLINT '2', 3, BIGINT '9007199254740993', REAL '1.5', 2e0, nan(), infinity(),
  DECIMAL '-12.50', 'ab', CAST('x' AS char(3)), to_utf8('ab'), DATE '2024-02-29', TIME '01:02:03.456',
  TIME '01:02:03.456 +05:30', TIMESTAMP '2020-01-02 03:04:05.123456', TIMESTAMP '2020-01-02 03:04:05.000 UTC',
  INTERVAL '1-2' YEAR TO MONTH, INTERVAL '1 02:03:04.005' DAY TO SECOND,
  ARRAY[1, NULL], MAP(ARRAY['a'], ARRAY[1.5e0]), CAST(ROW(1, 'x') AS ROW(a integer, b varchar)),
  JSON '{"a":1}', UUID '123e4567-e89b-12d3-a456-426614174000', IPADDRESS '2001:db8::1', IPADDRESS '10.0.0.1', NULL`;
const TYPES_ROW = [
  true,
  1,
  2,
  3,
  9007199254740992,
  1.5,
  2,
  'NaN',
  'Infinity',
  '-12.50',
  'ab',
  'x  ',
  'YWI=',
  '2024-02-29',
  '01:02:03.456',
  '01:02:03.456+05:30',
  // no PARAMETRIC_DATETIME from these clients: timestamps are rounded to milliseconds (§1.7)
  '2020-01-02 03:04:05.123',
  '2020-01-02 03:04:05.000 UTC',
  '1-2',
  '1 02:03:04.005',
  [1, null],
  { a: 1.5 },
  [1, 'x'],
  '{"a":1}',
  '123e4567-e89b-12d3-a456-426614174000',
  '2001:db8::1',
  '10.0.0.1',
  null,
];

const LONG_QUERY = "SELECT count(*) FROM tpch.sf1.lineitem WHERE comment LIKE '%x%'";

describe('trino-client', () => {
  test('every type round-trips', async () => {
    const { rows, last } = await trinoRows(TYPES_SQL);
    expect(last.error).toBeUndefined();
    expect(rows).toEqual([TYPES_ROW]);
  });

  test('queries tpch with the session catalog and schema', async () => {
    const { rows } = await trinoRows('SELECT name FROM region ORDER BY regionkey');
    expect(rows).toEqual([['AFRICA'], ['AMERICA'], ['ASIA'], ['EUROPE'], ['MIDDLE EAST']]);
  });

  test('errors come back as error objects with locations', async () => {
    const { last } = await trinoRows('SELECT nosuch FROM region');
    expect(last.error).toMatchObject({ errorName: 'COLUMN_NOT_FOUND', errorType: 'USER_ERROR' });
    expect((last.error as unknown as { errorLocation: unknown }).errorLocation).toEqual({
      lineNumber: 1,
      columnNumber: 8,
    });
  });

  test('parameters: EXECUTE IMMEDIATE … USING, and PREPARE then EXECUTE on the same client', async () => {
    expect((await trinoRows("EXECUTE IMMEDIATE 'SELECT ? + 1, ?' USING 41, 'x'")).rows).toEqual([[42, 'x']]);
    const trino = Trino.create({
      server: server.url,
      catalog: 'tpch',
      schema: 'tiny',
      auth: new BasicAuth('test'),
    });
    await drain(await trino.query('PREPARE by_key FROM SELECT name FROM region WHERE regionkey = ?'));
    // the client adds X-Trino-Added-Prepare to its X-Trino-Prepared-Statement header
    const { rows, last } = await drain(await trino.query('EXECUTE by_key USING 3'));
    expect(last.error).toBeUndefined();
    expect(rows).toEqual([['EUROPE']]);
  });

  test('session changes: USE and SET SESSION answers are applied to the next queries', async () => {
    const trino = Trino.create({ server: server.url, auth: new BasicAuth('test') });
    const use = await drain(await trino.query('USE tpch.tiny'));
    // trino-client's QueryResult type omits updateType, though the JSON carries it
    expect((use.last as unknown as { updateType: string }).updateType).toBe('USE');
    expect((await drain(await trino.query('SELECT count(*) FROM nation'))).rows).toEqual([[25]]);
    await drain(await trino.query("SET SESSION query_max_execution_time = '100ms'"));
    const slow = await drain(await trino.query(LONG_QUERY));
    expect(slow.last.error).toMatchObject({ errorName: 'EXCEEDED_TIME_LIMIT' });
  });

  test('cancel (DELETE /v1/query/{id}) fails the query with USER_CANCELED', async () => {
    const trino = Trino.create({ server: server.url, auth: new BasicAuth('test') });
    // rows stream from the first responses on, and the rest would take long
    const iter = await trino.query('SELECT * FROM tpch.sf1.lineitem');
    const first = await iter.next();
    expect(first.value.data?.length).toBeGreaterThan(0);
    const id = first.value.id;
    await trino.cancel(id);
    const info = await trino.queryInfo(id);
    expect(info.queryId).toBe(id);
    expect(info.state).toBe('FAILED');
    expect((info as unknown as { errorCode: unknown }).errorCode).toMatchObject({
      name: 'USER_CANCELED',
      code: 3,
    });
    // the iterator ends with the cancellation error
    const rest = await drain(iter);
    expect(rest.last.error).toMatchObject({ errorName: 'USER_CANCELED', message: 'Query was canceled' });
  });
});

function prestoClient(engine?: string) {
  const url = new URL(server.url);
  return new presto.Client({
    host: url.hostname,
    port: Number(url.port),
    user: 'test',
    catalog: 'tpch',
    schema: 'tiny',
    checkInterval: 10,
    ...(engine ? { engine } : {}),
  });
}

function prestoRun(sql: string, opts: Record<string, unknown> = {}, engine?: string) {
  const client = prestoClient(engine);
  return new Promise<{ rows: unknown[][]; columns: { name: string; type: string }[] }>((resolve, reject) => {
    const rows: unknown[][] = [];
    let columns: { name: string; type: string }[] = [];
    client.execute({
      query: sql,
      columns: (_e: unknown, c: typeof columns) => (columns = c),
      data: (_e: unknown, d: unknown[][]) => rows.push(...d),
      ...opts,
      success: () => resolve({ rows, columns }),
      error: (e: unknown) => reject(e),
    });
  });
}

describe('presto-client', () => {
  test.each(['trino', undefined])('engine %p: every type round-trips', async (engine) => {
    const { rows, columns } = await prestoRun(TYPES_SQL, {}, engine);
    expect(rows).toEqual([TYPES_ROW]);
    expect(columns.map((c) => c.type)).toContain('decimal(4, 2)');
  });

  test('parameters: prepares (X-Presto-Prepared-Statement) and EXECUTE IMMEDIATE … USING', async () => {
    const { rows } = await prestoRun('EXECUTE query0 USING 3', {
      prepares: ['SELECT name FROM region WHERE regionkey = ?'],
    });
    expect(rows).toEqual([['EUROPE']]);
    const immediate = await prestoRun("EXECUTE IMMEDIATE 'SELECT ? * 2' USING 21");
    expect(immediate.rows).toEqual([[42]]);
  });

  test('session properties from the session option apply to the query', async () => {
    await expect(prestoRun(LONG_QUERY, { session: 'query_max_execution_time=100ms' })).rejects.toMatchObject({
      errorName: 'EXCEEDED_TIME_LIMIT',
    });
    const { rows } = await prestoRun('SELECT count(*) FROM nation', {
      session: 'query_max_memory_per_node=1GB',
    });
    expect(rows).toEqual([[25]]);
  });

  test('errors reach the error callback with their location', async () => {
    await expect(prestoRun('SELECT 1 / 0')).rejects.toMatchObject({ errorName: 'DIVISION_BY_ZERO' });
    await expect(prestoRun('SELECT\n  nosuch FROM nation')).rejects.toMatchObject({
      errorName: 'COLUMN_NOT_FOUND',
      errorLocation: { lineNumber: 2, columnNumber: 3 },
    });
  });

  test('cancel: the cancel checker DELETEs nextUri; kill() DELETEs /v1/query/{id}', async () => {
    let id: string | undefined;
    let cancel = false;
    const cancelled = prestoRun('SELECT * FROM tpch.sf1.lineitem', {
      state: (_e: unknown, queryId: string) => (id = queryId),
      data: () => (cancel = true),
      cancel: () => cancel,
    });
    await expect(cancelled).rejects.toMatchObject({ message: 'query fetch canceled by operation' });
    expect(server.queryManager.get(id!)!.error?.errorName).toBe('USER_CANCELED');

    const client = prestoClient('trino');
    let killedId: string | undefined;
    const killed = new Promise((resolve, reject) =>
      client.execute({
        query: 'SELECT * FROM tpch.sf1.lineitem',
        state: (_e: unknown, queryId: string) => (killedId = queryId),
        data: () => client.kill(killedId!),
        success: resolve,
        error: reject,
      }),
    );
    await expect(killed).rejects.toMatchObject({ errorName: 'USER_CANCELED' });
  });
});
