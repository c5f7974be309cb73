/**
 * A million rows paged through nextUri by the real trino-client, with the coordinator's result
 * buffer bounded: a slow reader pauses execution instead of letting the rows pile up.
 */
import { BasicAuth, Trino } from 'trino-client';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
const LIMIT = 2 * 2 ** 20;
beforeAll(async () => {
  server = await startServer({ maxBufferedBytes: LIMIT });
});
afterAll(async () => {
  await server.close();
});

const ROWS = 1_000_000;

test(`${ROWS} rows arrive in order while the coordinator buffers a bounded amount`, async () => {
  const trino = Trino.create({ server: server.url, auth: new BasicAuth('test') });
  // lineitem is generated in (orderkey, linenumber) order, so the stream can be checked row by row
  const iter = await trino.query(`SELECT orderkey, linenumber, comment FROM tpch.sf1.lineitem LIMIT ${ROWS}`);
  let count = 0;
  let pages = 0;
  let previous = [0, 0];
  let ordered = true;
  let peakBuffered = 0;
  let queryId: string | undefined;
  for await (const r of iter) {
    expect(r.error).toBeUndefined();
    queryId = r.id;
    for (const row of r.data ?? []) {
      const [orderkey, linenumber] = row as number[];
      if (orderkey < previous[0] || (orderkey === previous[0] && linenumber <= previous[1])) ordered = false;
      previous = [orderkey, linenumber];
      count++;
    }
    pages++;
    // a slow reader: the pump must stop at the limit instead of running ahead
    if (pages % 10 === 0) await new Promise((res) => setTimeout(res, 20));
    peakBuffered = Math.max(peakBuffered, server.queryManager.get(r.id)!.stats.bufferedBytes);
  }
  expect(count).toBe(ROWS);
  expect(ordered).toBe(true);
  // ~1 MB per response, so a million rows take many round trips
  expect(pages).toBeGreaterThan(50);
  const query = server.queryManager.get(queryId!)!;
  expect(query.state).toBe('FINISHED');
  // one page may overshoot the limit when it arrives
  expect(query.stats.peakBufferedBytes).toBeLessThan(LIMIT + 4 * 2 ** 20);
  expect(peakBuffered).toBeLessThan(LIMIT + 4 * 2 ** 20);
  // the result is many times the buffer: it was never all held at once
  expect(query.stats.outputBytes).toBeGreaterThan(query.stats.peakBufferedBytes * 10);
}, 120_000);
