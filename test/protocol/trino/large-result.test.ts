/** Large results page through nextUri with bounded buffering: a slow client pauses execution. */
import { startServer, http, USER, type TestServer } from './helpers';

let server: TestServer;
const LIMIT = 2 * 2 ** 20;
beforeAll(async () => {
  server = await startServer({ maxBufferedBytes: LIMIT });
});
afterAll(async () => {
  await server.close();
});

// TESSERA_PROTOCOL_ROWS=1000000 for the million-row run
const rows = Number(process.env.TESSERA_PROTOCOL_ROWS ?? 200_000);

test(`${rows} rows arrive in order while buffered bytes stay bounded`, async () => {
  const sql = `SELECT orderkey, linenumber, comment FROM tpch.sf1.lineitem LIMIT ${rows}`;
  let r = await http(`${server.url}/v1/statement`, { method: 'POST', body: sql, headers: USER });
  const query = server.queryManager.get(r.json.id)!;
  let count = 0;
  let peakBuffered = 0;
  let responses = 0;
  while (r.json.nextUri) {
    r = await http(r.json.nextUri, { headers: USER });
    expect(r.status).toBe(200);
    count += r.json.data?.length ?? 0;
    responses++;
    // a slow reader: the pump must stop at the limit instead of running ahead
    if (responses % 10 === 0) await new Promise((res) => setTimeout(res, 20));
    peakBuffered = Math.max(peakBuffered, query.stats.bufferedBytes);
  }
  expect(r.json.stats.state).toBe('FINISHED');
  expect(count).toBe(rows);
  // one page may overshoot the limit when it arrives
  expect(query.stats.peakBufferedBytes).toBeLessThan(LIMIT + 4 * 2 ** 20);
  expect(query.stats.outputBytes).toBeGreaterThan(query.stats.peakBufferedBytes * 3);
  expect(peakBuffered).toBeLessThan(LIMIT + 4 * 2 ** 20);
}, 120_000);
