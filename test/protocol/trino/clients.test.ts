/** The coordinator driven by the real npm clients, the way users run them. */
import { Trino, BasicAuth, type QueryResult } from 'trino-client';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const presto = require('presto-client') as {
  Client: new (args: Record<string, unknown>) => { execute(opts: Record<string, unknown>): void };
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
  const iter = await trino.query(sql);
  const rows: unknown[][] = [];
  let last: QueryResult | undefined;
  for await (const r of iter) {
    rows.push(...(r.data ?? []));
    last = r;
  }
  return { rows, last: last! };
}

describe('trino-client', () => {
  test('every type round-trips', async () => {
    const { rows, last } = await trinoRows(
      `SELECT true, TINYINT '1', SMALLINT '2', 3, BIGINT '9007199254740993', REAL '1.5', 2e0, nan(), infinity(),
        DECIMAL '-12.50', 'ab', CAST('x' AS char(3)), to_utf8('ab'), DATE '2024-02-29', TIME '01:02:03.456',
        TIMESTAMP '2020-01-02 03:04:05.123456', TIMESTAMP '2020-01-02 03:04:05.000 UTC',
        INTERVAL '1-2' YEAR TO MONTH, INTERVAL '1 02:03:04.005' DAY TO SECOND,
        ARRAY[1, NULL], MAP(ARRAY['a'], ARRAY[1.5e0]), CAST(ROW(1, 'x') AS ROW(a integer, b varchar)),
        JSON '{"a":1}', UUID '123e4567-e89b-12d3-a456-426614174000', NULL`,
    );
    expect(last.error).toBeUndefined();
    expect(rows).toEqual([
      [
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
        '2020-01-02 03:04:05.123',
        '2020-01-02 03:04:05.000 UTC',
        '1-2',
        '1 02:03:04.005',
        [1, null],
        { a: 1.5 },
        [1, 'x'],
        '{"a":1}',
        '123e4567-e89b-12d3-a456-426614174000',
        null,
      ],
    ]);
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

  test('queryInfo and cancel', async () => {
    const trino = Trino.create({ server: server.url, auth: new BasicAuth('test') });
    const iter = await trino.query('SELECT count(*) FROM tpch.sf1.lineitem');
    const first = await iter.next();
    const id = first.value.id;
    await trino.cancel(id);
    const info = await trino.queryInfo(id);
    expect(info.queryId).toBe(id);
    expect(['FAILED', 'FINISHED']).toContain(info.state);
  });
});

function prestoRun(sql: string, opts: Record<string, unknown> = {}, engine?: string) {
  const url = new URL(server.url);
  const client = new presto.Client({
    host: url.hostname,
    port: Number(url.port),
    user: 'test',
    catalog: 'tpch',
    schema: 'tiny',
    checkInterval: 10,
    ...(engine ? { engine } : {}),
  });
  return new Promise<{ rows: unknown[][]; columns: { name: string; type: string }[] }>((resolve, reject) => {
    const rows: unknown[][] = [];
    client.execute({
      query: sql,
      ...opts,
      data: (_e: unknown, d: unknown[][]) => rows.push(...d),
      success: (_e: unknown, _stats: unknown, info: unknown) => resolve({ rows, columns: info as never }),
      error: (e: unknown) => reject(e),
    });
  });
}

describe('presto-client', () => {
  test.each(['trino', undefined])('engine %p runs a query', async (engine) => {
    const { rows } = await prestoRun(
      'SELECT regionkey, name FROM region WHERE regionkey < 2 ORDER BY 1',
      {},
      engine,
    );
    expect(rows).toEqual([
      [0, 'AFRICA'],
      [1, 'AMERICA'],
    ]);
  });

  test('parameters through prepares (X-Presto-Prepared-Statement)', async () => {
    const { rows } = await prestoRun('EXECUTE query0 USING 3', {
      prepares: ['SELECT name FROM region WHERE regionkey = ?'],
    });
    expect(rows).toEqual([['EUROPE']]);
  });

  test('errors reach the error callback', async () => {
    await expect(prestoRun('SELECT 1 / 0')).rejects.toMatchObject({ errorName: 'DIVISION_BY_ZERO' });
  });
});
