/**
 * Embedded mode: a coordinator over the local engine (catalogs tpch and memory) serving the
 * Trino protocol on 127.0.0.1, run in a worker thread so the console stays responsive while the
 * engine computes (it runs long stretches without yielding to the event loop): the progress line
 * keeps moving and Ctrl-C returns to the prompt at once. The CLI then talks to it exactly as it
 * would to a remote server.
 */
import * as path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

export interface EmbeddedCoordinator {
  readonly url: string;
  close(): Promise<void>;
}

export async function startEmbeddedCoordinator(): Promise<EmbeddedCoordinator> {
  // the same module, as .ts under the test loader or .js when built
  const worker = new Worker(path.join(__dirname, `embedded-coordinator${path.extname(__filename)}`), {
    stdout: false,
    stderr: false,
  });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { url?: string; error?: string }) =>
      m.url !== undefined ? resolve(m.url) : reject(new Error(m.error)),
    );
    worker.once('error', reject);
  });
  // the worker must not keep the CLI alive once the console is done
  worker.unref();
  return { url, close: async () => void (await worker.terminate()) };
}

async function serve(): Promise<void> {
  // required only in the worker: the console thread never loads the engine
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createLocalEngine } = require('../index') as typeof import('../index');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const http = require('../protocol/trino/http-server') as typeof import('../protocol/trino/http-server');
  const engine = createLocalEngine();
  const server = await http.createCoordinatorHttpServer({
    engine: engine as unknown as Parameters<typeof http.createCoordinatorHttpServer>[0]['engine'],
  });
  parentPort!.postMessage({ url: server.url });
}

if (!isMainThread && parentPort) {
  serve().catch((e: Error) => parentPort!.postMessage({ error: e.message }));
}
