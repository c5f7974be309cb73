/**
 * Process entry point of bin/tessera-server (`npm start`): reads the configuration, starts this
 * process's node, forks the local workers of a coordinator, prints where to connect, and shuts the
 * whole process tree down on SIGINT/SIGTERM (a second signal exits at once). A forked local
 * worker runs the same entry and receives its configuration from the parent over IPC.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TrinoError } from '../errors';
import { USAGE, parseCliOptions } from './cli-options';
import {
  LOCAL_WORKER_ENV,
  LocalWorkers,
  type ChildMessage,
  type ParentMessage,
  localWorkerConfig,
} from './launcher';
import { createLogger } from './logging';
import { type NodeConfig, loadEtcDirectory, nodeConfigFromProperties } from './node-config';
import { type TesseraNode, startNode } from './node-server';
import { TESSERA_VERSION } from './version';

/** The package's etc/ (next to src/ and dist/). */
const PACKAGE_ETC = join(__dirname, '..', '..', 'etc');

/** The embedded default when no etc directory exists: tpch and memory catalogs on port 8080. */
function builtInConfig(): NodeConfig {
  return nodeConfigFromProperties(
    { coordinator: 'true', 'node-scheduler.include-coordinator': 'false' },
    {},
    [
      { name: 'memory', properties: { 'connector.name': 'memory' } },
      { name: 'tpch', properties: { 'connector.name': 'tpch' } },
    ],
  );
}

export async function main(argv: readonly string[]): Promise<void> {
  if (process.env[LOCAL_WORKER_ENV] === '1' && process.send) return runLocalWorker();
  let options;
  let config: NodeConfig;
  try {
    options = parseCliOptions(argv);
    if (options.help) {
      process.stdout.write(USAGE);
      return;
    }
    const overrides: Record<string, string> = {};
    if (options.httpPort !== undefined) overrides['http-server.http.port'] = String(options.httpPort);
    if (options.pgPort !== undefined) overrides['pg-server.port'] = String(options.pgPort);
    const etcDir =
      options.etcDir ?? (existsSync(join(PACKAGE_ETC, 'config.properties')) ? PACKAGE_ETC : undefined);
    config = etcDir
      ? loadEtcDirectory(etcDir, overrides)
      : { ...builtInConfig(), ...numericOverrides(options) };
  } catch (e) {
    process.stderr.write(`tessera-server: ${e instanceof TrinoError ? e.message : String(e)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const logger = createLogger({
    nodeId: config.nodeId,
    coordinator: config.coordinator,
    level: options.logLevel,
  });
  let node: TesseraNode;
  try {
    node = await startNode(config, { logger, onShutdown: () => process.exit(0) });
  } catch (e) {
    logger.fatal({ err: e }, 'node failed to start');
    process.exit(1);
  }
  const workerCount = config.coordinator
    ? (options.workers ?? (options.etcDir ? 0 : availableParallelism()))
    : 0;
  const workers = new LocalWorkers(process.argv[1], logger, options.logLevel);
  installSignalHandlers(logger, async () => {
    await workers.stop();
    await node.close();
  });
  if (workerCount > 0) {
    try {
      await workers.start(
        Array.from({ length: workerCount }, (_, i) => localWorkerConfig(config, node.uri, i)),
      );
    } catch (e) {
      logger.fatal({ err: e }, 'local workers failed to start');
      await workers.stop();
      await node.close();
      process.exit(1);
    }
  }
  printBanner(node, workerCount);
}

function numericOverrides(options: { httpPort?: number; pgPort?: number }): Partial<NodeConfig> {
  return {
    ...(options.httpPort !== undefined ? { httpPort: options.httpPort } : {}),
    ...(options.pgPort !== undefined ? { pgPort: options.pgPort } : {}),
  };
}

function printBanner(node: TesseraNode, workers: number): void {
  const c = node.config;
  const lines = [`======== SERVER STARTED ========`];
  if (c.coordinator) {
    lines.push(
      `Tessera ${TESSERA_VERSION} coordinator: ${node.uri} (${workers} local worker${workers === 1 ? '' : 's'}; catalogs: ${node.engine.catalogs
        .listCatalogs()
        .map((x) => x.name)
        .join(', ')})`,
      `Connect: trino --server ${node.uri}   (or bin/tessera --server ${node.uri})`,
    );
    if (c.pgPort !== undefined) lines.push(`PostgreSQL protocol port (when enabled): ${c.pgPort}`);
  } else {
    lines.push(`Tessera ${TESSERA_VERSION} worker ${c.nodeId}: ${node.uri}, announcing to ${c.discoveryUri}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

function installSignalHandlers(logger: { info(msg: string): void }, shutdown: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** A forked local worker: configuration from the parent; dies with the parent. */
async function runLocalWorker(): Promise<void> {
  const { config, logLevel } = await new Promise<ParentMessage>((resolve) =>
    process.once('message', (m: ParentMessage) => resolve(m)),
  );
  const logger = createLogger({ nodeId: config.nodeId, coordinator: false, level: logLevel });
  const send = (m: ChildMessage) => process.send?.(m);
  let node: TesseraNode;
  try {
    node = await startNode(config, { logger, onShutdown: () => process.exit(0) });
  } catch (e) {
    send({ type: 'failed', message: (e as Error).message });
    process.exit(1);
  }
  // the parent is gone (however it ended): leave too
  process.on('disconnect', () => {
    void node.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
  installSignalHandlers(logger, () => node.close());
  send({ type: 'ready', uri: node.uri });
}

if (require.main === module) void main(process.argv.slice(2));
