/**
 * Exchange throughput: pages through the codec alone, and through the whole exchange path over
 * loopback HTTP (serialize → OutputBuffer → results routes → ExchangeClient → deserialize), beside
 * the peer it is compared to: the same bytes moved over the same HTTP server and client with no
 * codec and no buffer protocol (the ceiling the transport sets).
 *
 *   node -r ./conformance/runner/register.js benchmarks/exchange/run.ts [--pages 400] [--rows 4096]
 *
 * Pages look like lineitem's: bigint keys, an integer, two decimal(12,2), a double, a date, a
 * short varchar and a longer varchar (comment). MB/s counts serialized bytes (MB = 2^20 bytes).
 */
import Fastify from 'fastify';
import { blockFromValues, valueBlock } from '../../src/execution/block';
import { type Page, page } from '../../src/execution/page';
import { ExchangeClient } from '../../src/exchange/exchange-client';
import { OutputBuffer } from '../../src/exchange/output-buffer';
import { deserializePage, serializePage } from '../../src/exchange/page-codec';
import { resultsRoutes } from '../../src/exchange/results-routes';
import { BIGINT, DATE, DOUBLE, INTEGER, VARCHAR, decimalType, type SqlType } from '../../src/types';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PAGES = arg('pages', 400);
const ROWS = arg('rows', 4096);
const MB = 2 ** 20;

const TYPES: SqlType[] = [
  BIGINT,
  BIGINT,
  INTEGER,
  decimalType(12, 2),
  decimalType(12, 2),
  DOUBLE,
  DATE,
  VARCHAR,
  VARCHAR,
];

function makePage(seed: number): Page {
  const n = ROWS;
  const col = (f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(seed * n + i));
  const words = ['furiously', 'quickly', 'carefully', 'regular', 'ironic', 'final', 'pending', 'express'];
  return page([
    blockFromValues(col((i) => i)),
    blockFromValues(col((i) => (i * 7919) % 200_000)),
    blockFromValues(col((i) => (i % 7) + 1)),
    blockFromValues(col((i) => 90_000 + ((i * 31) % 10_000_000))),
    blockFromValues(col((i) => (i * 13) % 1000)),
    blockFromValues(col((i) => ((i * 37) % 5000) / 100)),
    blockFromValues(col((i) => 8000 + (i % 2500))),
    valueBlock(col((i) => ['AIR', 'MAIL', 'SHIP', 'TRUCK', 'RAIL', 'FOB', 'REG AIR'][i % 7])),
    valueBlock(col((i) => `${words[i % 8]} ${words[(i >> 3) % 8]} deposits ${words[(i >> 6) % 8]} sleep`)),
  ]);
}

function rate(bytes: number, ms: number): string {
  return `${(bytes / MB / (ms / 1000)).toFixed(1)} MB/s`;
}

async function main(): Promise<void> {
  const distinct = Array.from({ length: 8 }, (_, i) => makePage(i));
  const pages = Array.from({ length: PAGES }, (_, i) => distinct[i % distinct.length]);

  // warm up the codec
  for (const p of distinct) deserializePage(serializePage(p, TYPES).bytes);

  let t = performance.now();
  const serialized = pages.map((p) => serializePage(p, TYPES));
  const serializeMs = performance.now() - t;
  const bytes = serialized.reduce((s, p) => s + p.bytes.byteLength, 0);
  t = performance.now();
  for (const s of serialized) deserializePage(s.bytes);
  const deserializeMs = performance.now() - t;

  // the exchange path
  const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1, maxBufferedBytes: 64 * MB });
  const raw = new Map<number, Buffer>();
  const app = Fastify();
  await app.register(resultsRoutes, { lookup: () => buffer, defaultMaxWaitMs: 100 });
  // the peer: the same bytes, framed in the same response sizes, with no codec or buffer protocol
  app.get<{ Params: { n: string } }>('/raw/:n', async (req, reply) =>
    reply.type('application/octet-stream').send(raw.get(Number(req.params.n))),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  t = performance.now();
  const producer = (async () => {
    for (const p of pages) await buffer.enqueue([serializePage(p, TYPES)]);
    buffer.setNoMorePages();
  })();
  const client = new ExchangeClient({ maxResponseBytes: 16 * MB, maxWaitMs: 100 });
  client.addLocation(`${base}/v1/task/bench_1.1.0.0/results/0`);
  client.noMoreLocations();
  let rows = 0;
  for await (const p of client.pages()) rows += p.positionCount;
  await producer;
  const exchangeMs = performance.now() - t;
  if (rows !== PAGES * ROWS) throw new Error(`received ${rows} rows, expected ${PAGES * ROWS}`);

  const chunk = 16 * MB;
  const whole = Buffer.concat(serialized.map((s) => s.bytes));
  const chunks = Math.ceil(whole.length / chunk);
  for (let i = 0; i < chunks; i++) raw.set(i, whole.subarray(i * chunk, (i + 1) * chunk));
  t = performance.now();
  let received = 0;
  for (let i = 0; i < chunks; i++)
    received += (await (await fetch(`${base}/raw/${i}`)).arrayBuffer()).byteLength;
  const rawMs = performance.now() - t;
  await app.close();

  console.log(
    `exchange benchmark: ${PAGES} pages x ${ROWS} rows, ${TYPES.length} columns, ${(bytes / MB).toFixed(1)} MB serialized (${(bytes / PAGES / ROWS).toFixed(1)} B/row)`,
  );
  console.log(
    `  codec serialize        ${rate(bytes, serializeMs).padStart(12)}  (${serializeMs.toFixed(0)} ms)`,
  );
  console.log(
    `  codec deserialize      ${rate(bytes, deserializeMs).padStart(12)}  (${deserializeMs.toFixed(0)} ms)`,
  );
  console.log(
    `  exchange over HTTP     ${rate(bytes, exchangeMs).padStart(12)}  (${exchangeMs.toFixed(0)} ms, serialize + buffer + pull + ack + deserialize)`,
  );
  console.log(
    `  raw HTTP (peer)        ${rate(received, rawMs).padStart(12)}  (${rawMs.toFixed(0)} ms, same bytes, no codec)`,
  );
  console.log(`  ratio exchange / raw HTTP: ${(rawMs / exchangeMs).toFixed(2)}`);
  console.log(`  rows/s through the exchange: ${((PAGES * ROWS) / (exchangeMs / 1000) / 1e6).toFixed(2)} M`);
}

void main();
