/** The client protocol over raw HTTP: lifecycle, info endpoints and session headers (§1.2–§1.5). Shapes are in golden.test.ts, bad input in bad-input.test.ts. */
import { http, query, runRaw, startServer, USER, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ alternateHeaderName: 'Presto' });
});
afterAll(async () => {
  await server.close();
});

const post = (sql: string, headers: Record<string, string> = USER) =>
  http(`${server.url}/v1/statement`, { method: 'POST', body: sql, headers });

describe('tokens and lifecycle', () => {
  test('the query starts on the first GET, not on the POST', async () => {
    const r = await post('SELECT 1');
    const q = server.queryManager.get(r.json.id)!;
    await new Promise((res) => setTimeout(res, 50));
    expect(q.state).toBe('QUEUED');
    await http(r.json.nextUri, { headers: USER });
    expect(q.state).not.toBe('QUEUED');
  });

  test('HEAD heartbeat on nextUri is 200 and does not advance; unknown is 404', async () => {
    const r = await post('SELECT 1');
    expect((await http(r.json.nextUri, { method: 'HEAD', headers: USER })).status).toBe(200);
    const q = await http(r.json.nextUri, { headers: USER });
    expect(q.status).toBe(200);
    expect((await http(`${server.url}/v1/statement/queued/x/y0/1`, { method: 'HEAD' })).status).toBe(404);
    expect((await http(`${server.url}/v1/statement`, { method: 'HEAD', headers: USER })).status).toBe(200);
  });

  test('DELETE /v1/query/{id} cancels (204, also for unknown ids)', async () => {
    const r = await post('SELECT count(*) FROM tpch.sf1.lineitem');
    await http(r.json.nextUri, { headers: USER });
    expect(
      (await http(`${server.url}/v1/query/${r.json.id}`, { method: 'DELETE', headers: USER })).status,
    ).toBe(204);
    expect(server.queryManager.get(r.json.id)!.error?.errorName).toBe('USER_CANCELED');
    expect((await http(`${server.url}/v1/query/nosuch`, { method: 'DELETE', headers: USER })).status).toBe(
      204,
    );
  });
});

describe('info endpoints', () => {
  test('/v1/info, /v1/query, /v1/query/{id}', async () => {
    const info = await http(`${server.url}/v1/info`);
    expect(info.json).toMatchObject({ coordinator: true, state: 'ACTIVE', starting: false });
    expect(typeof info.json.nodeVersion.version).toBe('string');
    const { last } = await query(server.url, 'SELECT 42');
    const one = await http(`${server.url}/v1/query/${last.json.id}`, { headers: USER });
    expect(one.json).toMatchObject({ queryId: last.json.id, state: 'FINISHED', query: 'SELECT 42' });
    const list = await http(`${server.url}/v1/query?state=finished`, { headers: USER });
    expect(list.json.map((q: { queryId: string }) => q.queryId)).toContain(last.json.id);
    expect((await http(`${server.url}/v1/query/nosuch`, { headers: USER })).status).toBe(410);
  });

  test('queries appear in system.runtime.queries', async () => {
    const { last } = await query(server.url, 'SELECT 7');
    const { rows } = await query(
      server.url,
      `SELECT state, query FROM system.runtime.queries WHERE query_id = '${last.json.id}'`,
    );
    expect(rows).toEqual([['FINISHED', 'SELECT 7']]);
  });
});

describe('session headers', () => {
  test('catalog and schema are lowercased; USE sets them back', async () => {
    const { rows } = await query(server.url, 'SELECT count(*) FROM nation', {
      ...USER,
      'X-Trino-Catalog': ' TPCH ',
      'X-Trino-Schema': 'Tiny',
    });
    expect(rows).toEqual([[25]]);
    const use = await query(server.url, 'USE tpch.sf1');
    expect(use.last.json.updateType).toBe('USE');
    expect(use.last.headers.get('x-trino-set-catalog')).toBe('tpch');
    expect(use.last.headers.get('x-trino-set-schema')).toBe('sf1');
  });

  test('SET SESSION / RESET SESSION answer with Set-Session / Clear-Session', async () => {
    const set = await query(server.url, "SET SESSION query_max_memory_per_node = '1GB'");
    expect(set.last.json.updateType).toBe('SET SESSION');
    expect(set.last.headers.get('x-trino-set-session')).toBe('query_max_memory_per_node=1GB');
    const reset = await query(server.url, 'RESET SESSION query_max_memory_per_node');
    expect(reset.last.headers.get('x-trino-clear-session')).toBe('query_max_memory_per_node');
  });

  test('query_max_execution_time fails long queries with EXCEEDED_TIME_LIMIT', async () => {
    const { last } = await query(server.url, 'SELECT sum(quantity) FROM tpch.sf1.lineitem', {
      ...USER,
      'X-Trino-Session': 'query_max_execution_time=200ms',
    });
    expect(last.json.error).toMatchObject({
      errorName: 'EXCEEDED_TIME_LIMIT',
      message: 'Query exceeded the maximum execution time limit of 200.00ms',
    });
  });

  test('prepared statements from headers; PREPARE and DEALLOCATE headers', async () => {
    const prepared = encodeURIComponent('SELECT ? + 1, ?');
    const { rows } = await query(server.url, "EXECUTE _trino_go USING 41, 'x'", {
      ...USER,
      'X-Trino-Prepared-Statement': `_trino_go=${prepared}`,
    });
    expect(rows).toEqual([[42, 'x']]);
    const prep = await query(
      server.url,
      'PREPARE my_q FROM SELECT name FROM tpch.tiny.region WHERE regionkey = ?',
    );
    expect(prep.last.json.updateType).toBe('PREPARE');
    const added = prep.last.headers.get('x-trino-added-prepare')!;
    // java.net.URLEncoder: spaces as '+', '=' and '?' escaped
    expect(added).toBe('my_q=SELECT+name+FROM+tpch.tiny.region+WHERE+regionkey+%3D+%3F');
    const exec = await query(server.url, 'EXECUTE my_q USING 2', {
      ...USER,
      'X-Trino-Prepared-Statement': added,
    });
    expect(exec.rows).toEqual([['ASIA']]);
    const wrongCount = await query(server.url, 'EXECUTE my_q', {
      ...USER,
      'X-Trino-Prepared-Statement': added,
    });
    expect(wrongCount.last.json.error).toMatchObject({
      errorName: 'INVALID_PARAMETER_USAGE',
      message: 'line 1:1: Incorrect number of parameters: expected 1 but found 0',
    });
    const dealloc = await query(server.url, 'DEALLOCATE PREPARE my_q', {
      ...USER,
      'X-Trino-Prepared-Statement': added,
    });
    expect(dealloc.last.headers.get('x-trino-deallocated-prepare')).toBe('my_q');
    const missing = await query(server.url, 'EXECUTE nope');
    expect(missing.last.json.error.errorName).toBe('NOT_FOUND');
    const immediate = await query(server.url, "EXECUTE IMMEDIATE 'SELECT ? * 2' USING 21");
    expect(immediate.rows).toEqual([[42]]);
  });

  test('transactions need X-Trino-Transaction-Id; START/COMMIT set and clear it', async () => {
    const noSupport = await query(server.url, 'START TRANSACTION');
    expect(noSupport.last.json.error).toMatchObject({
      errorName: 'INCOMPATIBLE_CLIENT',
      message: 'Client does not support transactions',
    });
    const start = await query(server.url, 'START TRANSACTION', { ...USER, 'X-Trino-Transaction-Id': 'NONE' });
    const id = start.last.headers.get('x-trino-started-transaction-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const inTx = await query(server.url, 'SELECT 1', { ...USER, 'X-Trino-Transaction-Id': id });
    expect(inTx.rows).toEqual([[1]]);
    const commit = await query(server.url, 'COMMIT', { ...USER, 'X-Trino-Transaction-Id': id });
    expect(commit.last.headers.get('x-trino-clear-transaction-id')).toBe('true');
    const stale = await query(server.url, 'SELECT 1', { ...USER, 'X-Trino-Transaction-Id': id });
    expect(stale.last.json.error.errorName).toBe('UNKNOWN_TRANSACTION');
    const noTx = await query(server.url, 'COMMIT', { ...USER, 'X-Trino-Transaction-Id': 'NONE' });
    expect(noTx.last.json.error).toMatchObject({
      errorName: 'NOT_IN_TRANSACTION',
      message: 'No transaction in progress',
    });
  });

  test('PARAMETRIC_DATETIME decides timestamp precision in type and value', async () => {
    const sql = "SELECT TIMESTAMP '2020-01-02 03:04:05.123456' AS ts";
    const withCap = await query(server.url, sql, {
      ...USER,
      'X-Trino-Client-Capabilities': 'PARAMETRIC_DATETIME',
    });
    expect(withCap.last.json.columns[0].type).toBe('timestamp(6)');
    expect(withCap.rows).toEqual([['2020-01-02 03:04:05.123456']]);
    const without = await query(server.url, sql);
    expect(without.last.json.columns[0]).toMatchObject({
      type: 'timestamp',
      typeSignature: { rawType: 'timestamp', arguments: [] },
    });
    expect(without.rows).toEqual([['2020-01-02 03:04:05.123']]);
  });

  test('time zone header reaches the session', async () => {
    const { rows } = await query(server.url, 'SELECT current_timezone()', {
      ...USER,
      'X-Trino-Time-Zone': 'America/New_York',
    });
    expect(rows).toEqual([['America/New_York']]);
  });
});

describe('alternate header name', () => {
  test('X-Presto-* headers work under the alternate header name', async () => {
    const responses = await runRaw(server.url, 'SELECT 1', {
      'X-Presto-User': 'p',
      'X-Presto-Catalog': 'tpch',
    });
    expect(responses[responses.length - 1].json.stats.state).toBe('FINISHED');
  });
});
