/**
 * The exchange client against real HTTP: two fastify servers, each serving the results routes of
 * an upstream task's output buffer; the client pulls from both, acknowledges, survives lost
 * responses and upstream errors without losing or repeating a page, and honours backpressure.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { blockFromValues, valueBlock } from '../../src/execution/block';
import { page, pageRows } from '../../src/execution/page';
import { ExchangeClient, type InternalFetch } from '../../src/exchange/exchange-client';
import { OutputBuffer } from '../../src/exchange/output-buffer';
import { serializePage } from '../../src/exchange/page-codec';
import { resultsRoutes } from '../../src/exchange/results-routes';
import { BIGINT, VARCHAR } from '../../src/types';

jest.setTimeout(30_000);

interface Upstream {
  app: FastifyInstance;
  uri: string;
  buffers: Map<string, OutputBuffer>;
}

const upstreams: Upstream[] = [];

async function upstream(): Promise<Upstream> {
  const buffers = new Map<string, OutputBuffer>();
  const app = Fastify();
  await app.register(resultsRoutes, { lookup: (id: string) => buffers.get(id), defaultMaxWaitMs: 200 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const up = {
    app,
    uri: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    buffers,
  };
  upstreams.push(up);
  return up;
}

afterAll(async () => {
  for (const u of upstreams) await u.app.close();
});

const TYPES = [BIGINT, VARCHAR];
const pageOf = (source: number, i: number) =>
  serializePage(page([blockFromValues([source * 1_000_000 + i]), valueBlock([`s${source}-p${i}`])]), TYPES);

async function produce(buffer: OutputBuffer, source: number, count: number, partition = 0): Promise<void> {
  for (let i = 0; i < count; i++) await buffer.enqueue([pageOf(source, i)], partition);
  buffer.setNoMorePages();
}

async function collect(client: ExchangeClient): Promise<unknown[]> {
  const keys: unknown[] = [];
  for await (const p of client.pages()) for (const row of pageRows(p)) keys.push(row[0]);
  return keys;
}

const expected = (sources: number[], count: number) =>
  sources.flatMap((s) => Array.from({ length: count }, (_, i) => s * 1_000_000 + i)).sort((a, b) => a - b);

test('pulls every page of two upstream tasks exactly once, then deletes their buffers', async () => {
  const [a, b] = [await upstream(), await upstream()];
  const bufA = new OutputBuffer({ type: 'PARTITIONED', partitions: 2 });
  const bufB = new OutputBuffer({ type: 'PARTITIONED', partitions: 2 });
  a.buffers.set('q_1.1.0.0', bufA);
  b.buffers.set('q_1.1.1.0', bufB);
  const producers = [produce(bufA, 1, 40, 1), produce(bufB, 2, 60, 1)];
  const client = new ExchangeClient({ maxResponseBytes: 4096, maxWaitMs: 100 });
  client.addLocation(`${a.uri}/v1/task/q_1.1.0.0/results/1`);
  client.addLocation(`${b.uri}/v1/task/q_1.1.1.0/results/1`);
  client.noMoreLocations();
  const keys = await collect(client);
  await Promise.all(producers);
  expect(keys.sort((x, y) => (x as number) - (y as number))).toEqual([
    ...expected([1], 40),
    ...expected([2], 60),
  ]);
  expect(client.status()).toMatchObject({
    locations: 2,
    finishedLocations: 2,
    bufferedBytes: 0,
    pagesReceived: 100,
  });
  // everything acknowledged, partition 1 destroyed by the client's DELETE
  expect(bufA.bufferedBytes).toBe(0);
  expect(bufB.bufferedBytes).toBe(0);
  bufA.destroy(0);
  bufB.destroy(0);
  expect(bufA.state).toBe('FINISHED');
});

test('lost responses and upstream errors are retried at the same token: no page lost or repeated', async () => {
  const up = await upstream();
  const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1 });
  up.buffers.set('q_2.1.0.0', buffer);
  let calls = 0;
  let dropped = 0;
  const flaky: InternalFetch = async (url, init) => {
    const isRead = /\/results\/0\/\d+$/.test(url);
    calls++;
    if (isRead && calls % 4 === 0) {
      // the server did the work, but the response never arrives
      const r = await fetch(url, init);
      await r.arrayBuffer();
      dropped++;
      throw new TypeError('fetch failed: connection reset');
    }
    if (isRead && calls % 7 === 0) return new Response('overloaded', { status: 503 });
    return fetch(url, init);
  };
  const producer = produce(buffer, 3, 80);
  const client = new ExchangeClient({
    fetch: flaky,
    maxResponseBytes: 2048,
    maxWaitMs: 100,
    retryDelayMs: 5,
  });
  client.addLocation(`${up.uri}/v1/task/q_2.1.0.0/results/0`);
  client.noMoreLocations();
  const keys = await collect(client);
  await producer;
  expect(dropped).toBeGreaterThan(0);
  expect(client.status().failedRequests).toBeGreaterThan(0);
  expect(keys).toEqual(expected([3], 80)); // in order, once each
});

test('gives up with PAGE_TRANSPORT_TIMEOUT when an upstream stays unreachable', async () => {
  const client = new ExchangeClient({ maxErrorDurationMs: 300, retryDelayMs: 20 });
  client.addLocation('http://127.0.0.1:1/v1/task/q_3.1.0.0/results/0');
  client.noMoreLocations();
  await expect(collect(client)).rejects.toMatchObject({ errorName: 'PAGE_TRANSPORT_TIMEOUT' });
});

test('a restarted upstream task (new instance id) fails the exchange instead of mixing attempts', async () => {
  const up = await upstream();
  const first = new OutputBuffer({ type: 'PARTITIONED', partitions: 1 });
  up.buffers.set('q_4.1.0.0', first);
  first.enqueueNow([pageOf(4, 0)]);
  const client = new ExchangeClient({ maxWaitMs: 50 });
  client.addLocation(`${up.uri}/v1/task/q_4.1.0.0/results/0`);
  client.noMoreLocations();
  expect(await client.nextSerialized()).toBeDefined();
  up.buffers.set('q_4.1.0.0', new OutputBuffer({ type: 'PARTITIONED', partitions: 1 }));
  await expect(client.nextSerialized()).rejects.toMatchObject({ errorName: 'REMOTE_TASK_MISMATCH' });
  await client.close();
});

test('backpressure: the client stops fetching while its buffer is full', async () => {
  const up = await upstream();
  const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1, maxBufferedBytes: 1 << 30 });
  up.buffers.set('q_5.1.0.0', buffer);
  for (let i = 0; i < 50; i++) buffer.enqueueNow([pageOf(5, i)]);
  buffer.setNoMorePages();
  const pageBytes = pageOf(5, 0).bytes.byteLength;
  const client = new ExchangeClient({
    maxBufferedBytes: pageBytes * 3,
    maxResponseBytes: pageBytes,
    maxWaitMs: 50,
  });
  client.addLocation(`${up.uri}/v1/task/q_5.1.0.0/results/0`);
  client.noMoreLocations();
  await new Promise((r) => setTimeout(r, 300));
  // nothing consumed yet: the client holds at most its bound (plus one response), upstream keeps the rest
  expect(client.status().bufferedBytes).toBeLessThanOrEqual(pageBytes * 4);
  expect(client.status().pagesReceived).toBeLessThan(50);
  expect(await collect(client)).toEqual(expected([5], 50));
});
