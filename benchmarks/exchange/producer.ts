/**
 * The producer process of the two-process exchange benchmark (two-process.ts forks it): holds a
 * TPC-H table's pages, serves them from a real OutputBuffer through the real results routes, the
 * way a worker's task does (src/worker/sql-task.ts: serialize each page, enqueue it, wait while
 * the buffer is full), and reports how many serialized bytes it sent.
 *
 * Messages: → parent {ready, uri, rows}; ← {go}; → {done, bytes, ms} once every page is
 * acknowledged.
 */
import Fastify from 'fastify';
import { OutputBuffer } from '../../src/exchange/output-buffer';
import { serializePage } from '../../src/exchange/page-codec';
import { resultsRoutes } from '../../src/exchange/results-routes';
import { tpchPages } from './tpch-pages';

export const PRODUCER_TASK_ID = 'exchange_bench.1.0.0';

export type ProducerMessage =
  { type: 'ready'; uri: string; rows: number } | { type: 'done'; bytes: number; ms: number };

async function main(table: string, scaleFactor: number): Promise<void> {
  const { types, pages, rows } = await tpchPages(table, scaleFactor);
  // one consumer, as for a stage whose output goes to a single downstream task
  const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1 });
  const app = Fastify();
  await app.register(resultsRoutes, { lookup: (id) => (id === PRODUCER_TASK_ID ? buffer : undefined) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const uri = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const send = (m: ProducerMessage) => process.send!(m);
  process.once('message', () => {
    void (async () => {
      const t = performance.now();
      let bytes = 0;
      for (const p of pages) {
        const serialized = serializePage(p, types);
        bytes += serialized.bytes.byteLength;
        await buffer.enqueue([serialized], 0);
      }
      buffer.setNoMorePages();
      await buffer.whenFinished();
      send({ type: 'done', bytes, ms: performance.now() - t });
    })();
  });
  // the parent is gone: nothing left to serve
  process.on('disconnect', () => void app.close().finally(() => process.exit(0)));
  send({ type: 'ready', uri, rows });
}

if (require.main === module) void main(process.argv[2], Number(process.argv[3]));
