/**
 * Exchange between two processes beside the single-process engine's hand-over of the same pages.
 *
 *   npm run bench:exchange-processes -- [--sf 1] [--table lineitem]
 *
 * - two processes: producer.ts (forked) serializes each page of the TPC-H table into a real
 *   OutputBuffer behind the real results routes; this process pulls them with the real
 *   ExchangeClient over loopback HTTP and deserializes them — what a worker's task and its
 *   downstream task do across processes;
 * - single process, the engine's own path (the peer): the same pages through a MemoryExchange
 *   (src/scheduler/memory-exchange.ts), handed over as objects with no serialization — what the
 *   single-process engine does between the same two tasks;
 * - single process, codec alone: serialize and deserialize each page in turn — the work the two
 *   processes share out, without any transport; it says how much of the two-process time is
 *   encoding and how much is HTTP and the buffer protocol.
 * MB/s counts serialized bytes (MB = 2^20 bytes) for all three, so they are comparable; the pages
 * are generated up front in each process, so data generation is not timed.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { ExchangeClient } from '../../src/exchange/exchange-client';
import { deserializePage, serializePage } from '../../src/exchange/page-codec';
import { MemoryExchange } from '../../src/scheduler/memory-exchange';
import { PRODUCER_TASK_ID, type ProducerMessage } from './producer';
import { type TablePages, tpchPages } from './tpch-pages';

const MB = 2 ** 20;
const REGISTER = join(__dirname, '..', '..', 'conformance', 'runner', 'register.js');

interface Measured {
  ms: number;
  rows: number;
}

function codecRoundTrip({ pages, types }: TablePages): Measured & { bytes: number } {
  const t = performance.now();
  let bytes = 0;
  let rows = 0;
  for (const p of pages) {
    const s = serializePage(p, types);
    bytes += s.bytes.byteLength;
    rows += deserializePage(s.bytes).positionCount;
  }
  return { ms: performance.now() - t, rows, bytes };
}

async function memoryExchange({ pages }: TablePages): Promise<Measured> {
  const exchange = new MemoryExchange(1, 1);
  const t = performance.now();
  const producer = (async () => {
    const sink = exchange.sink();
    for (const p of pages) await sink.enqueue(0, p);
    sink.finish();
  })();
  let rows = 0;
  for await (const p of exchange.consume(0)) rows += p.positionCount;
  await producer;
  return { ms: performance.now() - t, rows };
}

async function twoProcesses(
  table: string,
  sf: number,
): Promise<Measured & { bytes: number; producerMs: number }> {
  const child = fork(join(__dirname, 'producer.ts'), [table, String(sf)], {
    execArgv: [...process.execArgv.filter((a) => a.startsWith('--max-old-space-size')), '-r', REGISTER],
  });
  const next = () =>
    new Promise<ProducerMessage>((resolve, reject) => {
      child.once('message', (m: ProducerMessage) => resolve(m));
      child.once('exit', (code) => reject(new Error(`producer exited (${code})`)));
    });
  try {
    const ready = await next();
    if (ready.type !== 'ready') throw new Error(`unexpected ${ready.type}`);
    const done = next();
    const client = new ExchangeClient();
    child.send({ type: 'go' });
    const t = performance.now();
    client.addLocation(`${ready.uri}/v1/task/${PRODUCER_TASK_ID}/results/0`);
    client.noMoreLocations();
    let rows = 0;
    for await (const p of client.pages()) rows += p.positionCount;
    const ms = performance.now() - t;
    await client.close();
    const report = await done;
    if (report.type !== 'done') throw new Error(`unexpected ${report.type}`);
    if (rows !== ready.rows) throw new Error(`received ${rows} rows, the producer sent ${ready.rows}`);
    return { ms, rows, bytes: report.bytes, producerMs: report.ms };
  } finally {
    child.disconnect();
  }
}

function line(name: string, bytes: number, m: Measured, note: string): string {
  const mbs = bytes / MB / (m.ms / 1000);
  const rowsPerS = m.rows / (m.ms / 1000) / 1e6;
  return `${name.padEnd(34)} ${mbs.toFixed(1).padStart(9)} MB/s ${rowsPerS.toFixed(2).padStart(7)} M rows/s ${m.ms.toFixed(0).padStart(7)} ms  ${note}`;
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sf = Number(arg('sf') ?? 1);
  const table = arg('table') ?? 'lineitem';

  let data: TablePages | undefined = await tpchPages(table, sf);
  const codec = codecRoundTrip(data);
  const memory = await memoryExchange(data);
  const pageCount = data.pages.length;
  data = undefined; // this process's copy is not needed while the producer holds its own
  const remote = await twoProcesses(table, sf);
  if (remote.bytes !== codec.bytes)
    throw new Error(`the producer sent ${remote.bytes} bytes, expected ${codec.bytes}`);

  const bytes = codec.bytes;
  console.log(
    `exchange, tpch.sf${sf}.${table}: ${pageCount} pages, ${codec.rows} rows, ${(bytes / MB).toFixed(1)} MB serialized (${(bytes / codec.rows).toFixed(1)} B/row)`,
  );
  console.log(
    line(
      'two processes (HTTP exchange)',
      bytes,
      remote,
      `producer done in ${remote.producerMs.toFixed(0)} ms`,
    ),
  );
  console.log(line('single process: MemoryExchange', bytes, memory, 'the engine in one process (peer)'));
  console.log(line('single process: codec alone', bytes, codec, 'serialize + deserialize, no transport'));
  console.log(
    `two processes take ${(remote.ms / memory.ms).toFixed(0)}x the MemoryExchange's time and ${(remote.ms / codec.ms).toFixed(2)}x the codec's`,
  );
}

if (require.main === module)
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
