/** The client protocol over raw HTTP: lifecycle, tokens, headers, errors and bad input (§1.2–§1.9). */
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

// Field lists of reference/trino-protocol.md §1.6, §1.8, §1.9
const QUERY_RESULTS_FIELDS = [
  'id',
  'infoUri',
  'partialCancelUri',
  'nextUri',
  'columns',
  'data',
  'stats',
  'error',
  'warnings',
  'updateType',
  'updateCount',
];
const STATS_FIELDS = [
  'state',
  'queued',
  'scheduled',
  'progressPercentage',
  'runningPercentage',
  'nodes',
  'totalSplits',
  'queuedSplits',
  'runningSplits',
  'completedSplits',
  'planningTimeMillis',
  'analysisTimeMillis',
  'cpuTimeMillis',
  'wallTimeMillis',
  'queuedTimeMillis',
  'elapsedTimeMillis',
  'finishingTimeMillis',
  'physicalInputTimeMillis',
  'processedRows',
  'processedBytes',
  'physicalInputBytes',
  'physicalWrittenBytes',
  'internalNetworkInputBytes',
  'peakMemoryBytes',
  'spilledBytes',
  'rootStage',
];
const STATS_REQUIRED = STATS_FIELDS.filter(
  (f) => !['progressPercentage', 'runningPercentage', 'rootStage'].includes(f),
);
const STAGE_FIELDS = [
  'stageId',
  'state',
  'done',
  'nodes',
  'totalSplits',
  'queuedSplits',
  'runningSplits',
  'completedSplits',
  'cpuTimeMillis',
  'wallTimeMillis',
  'processedRows',
  'processedBytes',
  'physicalInputBytes',
  'failedTasks',
  'coordinatorOnly',
  'subStages',
];
const ERROR_FIELDS = ['message', 'errorCode', 'errorName', 'errorType', 'errorLocation', 'failureInfo'];
const FAILURE_INFO_FIELDS = ['type', 'message', 'cause', 'suppressed', 'stack', 'errorInfo', 'errorLocation'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expectShape(r: any) {
  const keys = Object.keys(r);
  expect(keys.filter((k) => !QUERY_RESULTS_FIELDS.includes(k))).toEqual([]);
  // serialized in Trino's field order
  expect(keys).toEqual(QUERY_RESULTS_FIELDS.filter((k) => keys.includes(k)));
  expect(r.warnings).toEqual([]);
  expect(Object.keys(r.stats).filter((k) => !STATS_FIELDS.includes(k))).toEqual([]);
  for (const f of STATS_REQUIRED) expect(r.stats).toHaveProperty(f);
  if (r.stats.rootStage) expect(Object.keys(r.stats.rootStage).sort()).toEqual([...STAGE_FIELDS].sort());
  if (r.data !== undefined) expect(r.data.length).toBeGreaterThan(0);
  if (r.error) {
    expect(Object.keys(r.error).filter((k) => !ERROR_FIELDS.includes(k))).toEqual([]);
    expect(Object.keys(r.error.failureInfo).filter((k) => !FAILURE_INFO_FIELDS.includes(k))).toEqual([]);
    expect(r.error.failureInfo.suppressed).toEqual([]);
    expect(Array.isArray(r.error.failureInfo.stack)).toBe(true);
  }
}

describe('golden shapes', () => {
  test.each([
    'SELECT 1 AS x',
    'SELECT * FROM tpch.tiny.nation',
    'SHOW CATALOGS',
    'CREATE TABLE memory.default.golden AS SELECT 1 AS a',
    'SELEC 1',
    'SELECT nosuch FROM tpch.tiny.nation',
    'SELECT 1 / 0',
  ])('%s', async (sql) => {
    const { responses } = await query(server.url, sql);
    for (const r of responses) {
      expect(r.status).toBe(200);
      expectShape(r.json);
    }
    const [first, ...rest] = responses.map((r) => r.json);
    expect(first.stats.state).toBe('QUEUED');
    expect(first.nextUri).toMatch(/\/v1\/statement\/queued\/\w+\/y[0-9a-f]{40}\/1$/);
    expect(first.columns).toBeUndefined();
    const last = rest[rest.length - 1];
    expect(last.nextUri).toBeUndefined();
    expect(['FINISHED', 'FAILED']).toContain(last.stats.state);
    expect(first.id).toMatch(/^\d{8}_\d{6}_\d{5}_[a-km-np-z2-9]{5}$/);
  });

  test('CTAS reports updateType and updateCount with data [[n]]', async () => {
    const { last, rows } = await query(
      server.url,
      'CREATE TABLE memory.default.ctas AS SELECT * FROM tpch.tiny.region',
    );
    expect(last.json.updateType).toBe('CREATE TABLE');
    expect(last.json.updateCount).toBe(5);
    expect(rows).toEqual([[5]]);
  });

  test('errors carry Trino names, codes and locations', async () => {
    const syntax = (await query(server.url, 'SELECT 1 +')).last.json;
    expect(syntax.error).toMatchObject({ errorName: 'SYNTAX_ERROR', errorCode: 1, errorType: 'USER_ERROR' });
    expect(syntax.error.errorLocation).toEqual({ lineNumber: 1, columnNumber: 11 });
    expect(syntax.error.failureInfo.type).toBe('io.trino.sql.parser.ParsingException');
    const column = (await query(server.url, 'SELECT\n  nosuch FROM tpch.tiny.nation')).last.json;
    expect(column.error.errorName).toBe('COLUMN_NOT_FOUND');
    expect(column.error.message).toBe("line 2:3: Column 'nosuch' cannot be resolved");
    expect(column.error.errorLocation).toEqual({ lineNumber: 2, columnNumber: 3 });
    const division = (await query(server.url, 'SELECT 1 / 0')).last.json;
    expect(division.error).toMatchObject({
      errorName: 'DIVISION_BY_ZERO',
      errorCode: 8,
      message: 'Division by zero',
    });
  });
});

describe('tokens and lifecycle', () => {
  test('the query starts on the first GET, not on the POST', async () => {
    const r = await post('SELECT 1');
    const q = server.queryManager.get(r.json.id)!;
    await new Promise((res) => setTimeout(res, 50));
    expect(q.state).toBe('QUEUED');
    await http(r.json.nextUri, { headers: USER });
    expect(q.state).not.toBe('QUEUED');
  });

  test('same token → same page; older → 410; skipped or forged → 404', async () => {
    const first = await post('SELECT * FROM tpch.tiny.nation');
    const queued = await http(first.json.nextUri, { headers: USER });
    const exec0 = queued.json.nextUri as string;
    let url = exec0;
    let a = await http(url, { headers: USER });
    while (!a.json.data && a.json.nextUri) {
      // advance until a data page so the repeat compares real rows
      url = a.json.nextUri;
      a = await http(url, { headers: USER });
    }
    expect(a.json.data).toBeDefined();
    const again = await http(url, { headers: USER });
    expect(again.text).toBe(a.text);
    if (a.json.nextUri) await http(a.json.nextUri, { headers: USER });
    if (url !== exec0) expect((await http(exec0, { headers: USER })).status).toBe(410);
    const forged = exec0.replace(/\/0$/, '/7');
    expect((await http(forged, { headers: USER })).status).toBe(404);
    const badSlug = exec0.replace(/\/y[0-9a-f]+\//, '/yffff/');
    const r404 = await http(badSlug, { headers: USER });
    expect(r404.status).toBe(404);
    expect(r404.text).toBe('Query not found');
    expect((await http(`${server.url}/v1/statement/executing/nosuch/y00/0`, { headers: USER })).status).toBe(
      404,
    );
  });

  test('HEAD heartbeat on nextUri is 200 and does not advance; unknown is 404', async () => {
    const r = await post('SELECT 1');
    expect((await http(r.json.nextUri, { method: 'HEAD', headers: USER })).status).toBe(200);
    const q = await http(r.json.nextUri, { headers: USER });
    expect(q.status).toBe(200);
    expect((await http(`${server.url}/v1/statement/queued/x/y0/1`, { method: 'HEAD' })).status).toBe(404);
    expect((await http(`${server.url}/v1/statement`, { method: 'HEAD', headers: USER })).status).toBe(200);
  });

  test('DELETE nextUri cancels: 204, then polling gives FAILED USER_CANCELED', async () => {
    const r = await post('SELECT count(*) FROM tpch.sf1.lineitem');
    const queued = await http(r.json.nextUri, { headers: USER });
    const next = queued.json.nextUri;
    expect((await http(next, { method: 'DELETE', headers: USER })).status).toBe(204);
    const after = await http(next, { headers: USER });
    expect(after.status).toBe(200);
    expect(after.json.stats.state).toBe('FAILED');
    expect(after.json.error).toMatchObject({
      errorName: 'USER_CANCELED',
      errorCode: 3,
      message: 'Query was canceled',
    });
    expect(after.json.nextUri).toBeUndefined();
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
    const unknown = await query(server.url, 'SELECT 1', { ...USER, 'X-Trino-Session': 'no_such_property=1' });
    expect(unknown.last.json.error).toMatchObject({
      errorName: 'INVALID_SESSION_PROPERTY',
      message: 'Unknown session property no_such_property',
    });
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
    expect(added).toBe(`my_q=${encodeURIComponent('SELECT name FROM tpch.tiny.region WHERE regionkey = ?')}`);
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
    const bad = await query(server.url, 'SELECT 1', { ...USER, 'X-Trino-Time-Zone': 'Mars/Olympus' });
    expect(bad.last.json.error).toMatchObject({
      errorName: 'NOT_SUPPORTED',
      message: 'Time zone not supported: Mars/Olympus',
    });
  });
});

describe('bad input', () => {
  test('empty statement → 400', async () => {
    const r = await post('');
    expect(r.status).toBe(400);
    expect(r.text).toBe('SQL statement is empty');
    expect((await post('   \n')).status).toBe(400);
  });

  test('oversized statement → FAILED QUERY_TEXT_TOO_LARGE', async () => {
    const sql = `SELECT 1 -- ${'x'.repeat(1_000_001)}`;
    const { last } = await query(server.url, sql);
    expect(last.json.error).toMatchObject({
      errorName: 'QUERY_TEXT_TOO_LARGE',
      message: `Query text length (${sql.length}) exceeds the maximum length (1000000)`,
    });
  });

  test('missing user → 401 with a Basic challenge; a password → 401', async () => {
    const r = await post('SELECT 1', {});
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Trino"');
    expect(r.text).toBe('Basic authentication or X-Trino-Original-User or X-Trino-User must be sent');
    const pw = await post('SELECT 1', {
      Authorization: `Basic ${Buffer.from('u:secret').toString('base64')}`,
    });
    expect(pw.status).toBe(401);
    expect(pw.text).toBe('Password not allowed for insecure authentication');
    const basic = await post('SELECT 1', { Authorization: `Basic ${Buffer.from('u:').toString('base64')}` });
    expect(basic.status).toBe(200);
  });

  test.each<[Record<string, string>, string]>([
    [{ 'X-Trino-Schema': 'tiny' }, 'Schema is set but catalog is not'],
    [{ 'X-Trino-Session': 'novalue' }, 'Invalid X-Trino-Session header'],
    [{ 'X-Trino-Session': 'a.b.c=1' }, 'Invalid X-Trino-Session header'],
    [{ 'X-Trino-Role': 'system=BOSS' }, 'Invalid X-Trino-Role header'],
    [{ 'X-Trino-Resource-Estimate': 'PEAK_TASK_MEMORY=1GB' }, 'Unsupported resource name PEAK_TASK_MEMORY'],
    [{ 'X-Trino-Transaction-Id': 'not-a-uuid' }, 'Invalid UUID string: not-a-uuid'],
    [{ 'X-Presto-User': 'p' }, 'Both Trino and Presto headers detected'],
  ])('malformed header %p → 400', async (headers, message) => {
    const r = await post('SELECT 1', { ...USER, ...headers });
    expect(r.status).toBe(400);
    expect(r.text).toBe(message);
  });

  test('a prepared statement header that does not parse → 400', async () => {
    const r = await post('EXECUTE x', {
      ...USER,
      'X-Trino-Prepared-Statement': `x=${encodeURIComponent('SELEC 1')}`,
    });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^Invalid X-Trino-Prepared-Statement header: line 1:1: mismatched input 'SELEC'/);
  });

  test('X-Presto-* headers work under the alternate header name', async () => {
    const responses = await runRaw(server.url, 'SELECT 1', {
      'X-Presto-User': 'p',
      'X-Presto-Catalog': 'tpch',
    });
    expect(responses[responses.length - 1].json.stats.state).toBe('FINISHED');
  });
});
