/**
 * Bad input gets Trino's answer: status, body and error, as read in Trino's source
 * (QueuedStatementResource, ExecutingStatementResource, Query.getCachedResult, ThrowableMapper,
 * HttpRequestSessionContextFactory, DispatchManager, SessionPropertyManager, TimeZoneKey).
 * ThrowableMapper writes JAX-RS exceptions as `Error <status> <reason>: <message>`; a
 * WebApplicationException carrying its own entity is sent as that text; one with only a status
 * has no body.
 */
import { StatementResource } from '../../../src/protocol/trino/statement-resource';
import { parseSessionContext } from '../../../src/protocol/trino/headers';
import { http, query, startServer, USER, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ alternateHeaderName: 'Presto' });
});
afterAll(async () => {
  await server.close();
});

const SESSION = {
  user: 'u',
  timeZone: 'UTC',
  systemProperties: {},
  catalogProperties: {},
  preparedStatements: {},
};

const post = (sql: string, headers: Record<string, string> = USER) =>
  http(`${server.url}/v1/statement`, { method: 'POST', body: sql, headers });

/** Follows nextUri until a response carries data or none follows; returns that response's URL. */
async function firstDataPage(nextUri: string) {
  let url = nextUri;
  let r = await http(url, { headers: USER });
  while (!r.json.data && r.json.nextUri) {
    url = r.json.nextUri;
    r = await http(url, { headers: USER });
  }
  return { url, response: r };
}

describe('statement text', () => {
  test('an empty body is 400 "SQL statement is empty" (BadRequestException)', async () => {
    const r = await post('');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toBe('Error 400 Bad Request: SQL statement is empty');
  });

  test('blank SQL is not empty (isNullOrEmpty): the query fails with SYNTAX_ERROR at end of input', async () => {
    const r = await post('   \n');
    expect(r.status).toBe(200);
    const { last } = await query(server.url, '   \n');
    expect(last.json.nextUri).toBeUndefined();
    expect(last.json.error).toMatchObject({
      errorCode: 1,
      errorName: 'SYNTAX_ERROR',
      errorType: 'USER_ERROR',
      errorLocation: { lineNumber: 2, columnNumber: 1 },
    });
    expect(last.json.error.message).toMatch(/^line 2:1: mismatched input '<EOF>'/);
  });

  test('text over query.max-length (1,000,000) fails the query with QUERY_TEXT_TOO_LARGE', async () => {
    const sql = `SELECT 1 -- ${'x'.repeat(1_000_000)}`;
    const first = await post(sql);
    expect(first.status).toBe(200);
    expect(first.json.stats.state).toBe('QUEUED');
    const failed = await http(first.json.nextUri, { headers: USER });
    expect(failed.json.nextUri).toBeUndefined();
    expect(failed.json.stats.state).toBe('FAILED');
    expect(failed.json.error).toMatchObject({
      errorCode: 35,
      errorName: 'QUERY_TEXT_TOO_LARGE',
      errorType: 'USER_ERROR',
      message: `Query text length (${sql.length}) exceeds the maximum length (1000000)`,
    });
    // exactly at the limit is accepted
    const atLimit = `SELECT 1 --${'x'.repeat(1_000_000 - 'SELECT 1 --'.length)}`;
    expect((await query(server.url, atLimit)).rows).toEqual([[1]]);
  });
});

describe('session properties (validated when the query is created, so they fail the query)', () => {
  test.each([
    ['no_such_property=1', 'Unknown session property no_such_property'],
    ['tpch.no_such_property=1', 'Unknown session property tpch.no_such_property'],
  ])('%s → INVALID_SESSION_PROPERTY', async (header, message) => {
    const { last, responses } = await query(server.url, 'SELECT 1', { ...USER, 'X-Trino-Session': header });
    expect(responses[0].status).toBe(200);
    expect(last.json.stats.state).toBe('FAILED');
    expect(last.json.error).toMatchObject({
      errorCode: 14,
      errorName: 'INVALID_SESSION_PROPERTY',
      errorType: 'USER_ERROR',
      message,
    });
  });
});

describe('malformed headers → 400 with the message as the plain-text body', () => {
  const zz = 'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"';
  test.each<[Record<string, string>, string]>([
    [{ 'X-Trino-Session': 'novalue' }, 'Invalid X-Trino-Session header'],
    [{ 'X-Trino-Session': 'a=1=2' }, 'Invalid X-Trino-Session header'],
    [{ 'X-Trino-Session': '=1' }, 'Invalid X-Trino-Session header'],
    [{ 'X-Trino-Session': 'a.b.c=1' }, 'Invalid X-Trino-Session header'],
    [{ 'X-Trino-Session': '.x=1' }, 'Invalid X-Trino-Session header'],
    // parseProperty formats the exception itself, so its class name is in the text
    [
      { 'X-Trino-Session': 'x=%zz' },
      `Invalid X-Trino-Session header: java.lang.IllegalArgumentException: ${zz}`,
    ],
    [
      { 'X-Trino-Session': 'x=ab%4' },
      'Invalid X-Trino-Session header: java.lang.IllegalArgumentException: URLDecoder: Incomplete trailing escape (%) pattern',
    ],
    [{ 'X-Trino-Prepared-Statement': 'q' }, 'Invalid X-Trino-Prepared-Statement header'],
    // the statement name is decoded separately and only the message is kept
    [{ 'X-Trino-Prepared-Statement': '%zz=SELECT+1' }, `Invalid X-Trino-Prepared-Statement header: ${zz}`],
    [{ 'X-Trino-Schema': 'tiny' }, 'Schema is set but catalog is not'],
    [{ 'X-Trino-Role': 'system=BOSS' }, 'Invalid X-Trino-Role header'],
    [{ 'X-Trino-Resource-Estimate': 'PEAK_TASK_MEMORY=1GB' }, 'Unsupported resource name PEAK_TASK_MEMORY'],
    [{ 'X-Trino-Transaction-Id': 'not-a-uuid' }, 'Invalid UUID string: not-a-uuid'],
    [{ 'X-Presto-User': 'p' }, 'Both Trino and Presto headers detected'],
  ])('%p', async (headers, message) => {
    const r = await post('SELECT 1', { ...USER, ...headers });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toBe(message);
  });

  test('a prepared statement that does not parse → 400 with the parser message', async () => {
    const r = await post('EXECUTE x', { ...USER, 'X-Trino-Prepared-Statement': 'x=SELEC+1' });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^Invalid X-Trino-Prepared-Statement header: line 1:1: mismatched input 'SELEC'/);
  });

  test('values are decoded like java.net.URLDecoder: "+" is a space, bad UTF-8 is U+FFFD', async () => {
    const context = parseSessionContext(
      { 'x-trino-user': 'u', 'x-trino-session': 'a=x+y%21, b=%C3%A9%FF' },
      undefined,
      undefined,
    );
    expect(context.systemProperties).toEqual({ a: 'x y!', b: 'é\uFFFD' });
  });

  test('a time zone Trino does not know fails the query: NOT_SUPPORTED (TimeZoneNotSupportedException)', async () => {
    const { last, responses } = await query(server.url, 'SELECT 1', {
      ...USER,
      'X-Trino-Time-Zone': 'Mars/Olympus',
    });
    expect(responses[0].status).toBe(200);
    expect(last.json.error).toMatchObject({
      errorCode: 13,
      errorName: 'NOT_SUPPORTED',
      message: 'Time zone not supported: Mars/Olympus',
    });
  });

  test('no user → 401 with a Basic challenge (insecure authenticator); a password → 401', async () => {
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
});

describe('tokens', () => {
  test('executing: same token → the same page; older → 410 without a body', async () => {
    const first = await post('SELECT * FROM tpch.tiny.nation');
    const queued = await http(first.json.nextUri, { headers: USER });
    const exec0 = queued.json.nextUri as string;
    const { url, response } = await firstDataPage(exec0);
    expect(response.json.data.length).toBeGreaterThan(0);
    const again = await http(url, { headers: USER });
    expect(again.status).toBe(200);
    expect(again.text).toBe(response.text);
    expect(response.json.nextUri).toBeDefined();
    await http(response.json.nextUri, { headers: USER });
    const old = await http(url, { headers: USER });
    expect(old.status).toBe(410);
    expect(old.text).toBe('');
  });

  test('a token the slug was not made for, or an unknown query → 404 "Query not found"', async () => {
    const first = await post('SELECT 1');
    const exec0 = (await http(first.json.nextUri, { headers: USER })).json.nextUri as string;
    expect(exec0).toMatch(/\/executing\/.*\/0$/);
    for (const url of [
      exec0.replace(/\/0$/, '/7'),
      exec0.replace(/\/y[0-9a-f]+\//, '/yffff/'),
      `${server.url}/v1/statement/executing/20200101_000000_00000_aaaaa/y00/0`,
    ]) {
      const r = await http(url, { headers: USER });
      expect(r.status).toBe(404);
      expect(r.text).toBe('Query not found');
      expect((await http(url, { method: 'DELETE', headers: USER })).status).toBe(404);
    }
  });

  test('queued: a bad slug or unknown query → 404 through ThrowableMapper', async () => {
    const first = await post('SELECT 1');
    const forged = first.json.nextUri.replace(/\/y[0-9a-f]+\//, '/yffff/');
    for (const url of [forged, `${server.url}/v1/statement/queued/20200101_000000_00000_aaaaa/y00/1`]) {
      const r = await http(url, { headers: USER });
      expect(r.status).toBe(404);
      expect(r.text).toBe('Error 404 Not Found: Query not found');
    }
  });

  // Slugs bind tokens, so the next two rules are reachable over HTTP only with URIs the server
  // never hands out; they are checked on the resource itself.
  test('queued: a token other than the last or the next → 410 "Invalid token"; the last is answered again', async () => {
    const q = server.queryManager.create('SELECT 1', SESSION);
    const resource = new StatementResource(
      q,
      parseSessionContext({ 'x-trino-user': 'u' }, undefined, undefined),
    );
    const skipped = await resource.poll(server.url, 'queued', 2);
    expect(skipped.status).toBe(410);
    expect(skipped.body).toBe('Error 410 Gone: Invalid token');
    const one = await resource.poll(server.url, 'queued', 1);
    expect(one.status).toBe(200);
    expect((await resource.poll(server.url, 'queued', 1)).status).toBe(200);
    expect((await resource.poll(server.url, 'queued', 0)).body).toBe('Error 410 Gone: Invalid token');
  });

  test('executing: after the final response every later token → 404 without a body', async () => {
    const q = server.queryManager.create('SELECT 1', SESSION);
    const resource = new StatementResource(
      q,
      parseSessionContext({ 'x-trino-user': 'u' }, undefined, undefined),
    );
    await resource.poll(server.url, 'queued', 1);
    let token = 0;
    let body = JSON.parse((await resource.poll(server.url, 'executing', token)).body);
    while (body.nextUri) body = JSON.parse((await resource.poll(server.url, 'executing', ++token)).body);
    expect(body.stats.state).toBe('FINISHED');
    const after = await resource.poll(server.url, 'executing', token + 1);
    expect(after.status).toBe(404);
    expect(after.body).toBe('');
    expect(JSON.parse((await resource.poll(server.url, 'executing', token)).body)).toEqual(body);
  });
});

describe('a cancelled query polled again', () => {
  test('DELETE nextUri → 204; the next GET is FAILED USER_CANCELED without nextUri, and stays so', async () => {
    const r = await post('SELECT count(*) FROM tpch.sf1.lineitem');
    const next = (await http(r.json.nextUri, { headers: USER })).json.nextUri;
    const del = await http(next, { method: 'DELETE', headers: USER });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    const after = await http(next, { headers: USER });
    expect(after.status).toBe(200);
    expect(after.json.stats.state).toBe('FAILED');
    expect(after.json.nextUri).toBeUndefined();
    expect(after.json.error).toMatchObject({
      errorCode: 3,
      errorName: 'USER_CANCELED',
      errorType: 'USER_ERROR',
      message: 'Query was canceled',
    });
    // the same token again is the cached answer; a second DELETE is still 204
    const repeat = await http(next, { headers: USER });
    expect(repeat.text).toBe(after.text);
    expect((await http(next, { method: 'DELETE', headers: USER })).status).toBe(204);
    const info = await http(`${server.url}/v1/query/${r.json.id}`, { headers: USER });
    expect(info.json).toMatchObject({ state: 'FAILED', errorCode: { name: 'USER_CANCELED', code: 3 } });
  });

  test('DELETE on the queued URI before the first GET: that GET answers FAILED USER_CANCELED', async () => {
    const r = await post('SELECT 1');
    expect((await http(r.json.nextUri, { method: 'DELETE', headers: USER })).status).toBe(204);
    const after = await http(r.json.nextUri, { headers: USER });
    expect(after.status).toBe(200);
    expect(after.json.nextUri).toBeUndefined();
    expect(after.json.error).toMatchObject({ errorName: 'USER_CANCELED', message: 'Query was canceled' });
  });
});

describe('/v1/query/{id}', () => {
  test('unknown id: GET → 410 without a body, DELETE → 204, PUT killed → 410', async () => {
    const id = '20200101_000000_00000_aaaaa';
    const get = await http(`${server.url}/v1/query/${id}`, { headers: USER });
    expect(get.status).toBe(410);
    expect(get.text).toBe('');
    expect((await http(`${server.url}/v1/query/${id}`, { method: 'DELETE', headers: USER })).status).toBe(
      204,
    );
    expect((await http(`${server.url}/v1/query/${id}/killed`, { method: 'PUT', headers: USER })).status).toBe(
      410,
    );
  });

  test('PUT killed fails a running query with ADMINISTRATIVELY_KILLED and the message; a done query → 409', async () => {
    const r = await post('SELECT count(*) FROM tpch.sf1.lineitem');
    await http(r.json.nextUri, { headers: USER });
    const kill = await http(`${server.url}/v1/query/${r.json.id}/killed`, {
      method: 'PUT',
      body: 'too slow',
      headers: { ...USER, 'Content-Type': 'text/plain' },
    });
    expect(kill.status).toBe(202);
    const info = await http(`${server.url}/v1/query/${r.json.id}`, { headers: USER });
    expect(info.json.errorCode).toMatchObject({ name: 'ADMINISTRATIVELY_KILLED', code: 38 });
    expect(info.json.failureInfo.message).toBe('Query killed. Message: too slow');
    const again = await http(`${server.url}/v1/query/${r.json.id}/killed`, { method: 'PUT', headers: USER });
    expect(again.status).toBe(409);
  });
});
