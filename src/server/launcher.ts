/**
 * Local workers: child processes of the coordinator, forked from the same entry script, each
 * given its configuration over the IPC channel (a free port of its own, discovery.uri = the
 * coordinator, the coordinator's catalogs and secret). No orphans: a child exits when its IPC
 * channel closes — which happens however the parent ends, even by SIGKILL — and `stop` ends
 * every child (SIGTERM, then SIGKILL after a timeout).
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { Logger } from './logging';
import type { NodeConfig } from './node-config';

/** Set in a forked worker's environment; main.ts then waits for its config over IPC. */
export const LOCAL_WORKER_ENV = 'TESSERA_LOCAL_WORKER';

export type ParentMessage = { type: 'config'; config: NodeConfig; logLevel: string | undefined };
export type ChildMessage = { type: 'ready'; uri: string } | { type: 'failed'; message: string };

/** The configuration of local worker `index` of a coordinator. */
export function localWorkerConfig(
  coordinator: NodeConfig,
  coordinatorUri: string,
  index: number,
): NodeConfig {
  return {
    ...coordinator,
    coordinator: false,
    httpPort: 0,
    pgPort: undefined,
    discoveryUri: coordinatorUri,
    nodeId: `${coordinator.nodeId}-worker-${index}`,
  };
}

export interface LocalWorker {
  readonly index: number;
  readonly process: ChildProcess;
  readonly uri: string;
}

/** Restarts of one local worker within this window count towards its backoff. */
const RESTART_WINDOW_MS = 60_000;

export class LocalWorkers {
  private readonly children: ChildProcess[] = [];
  private stopping = false;
  private readonly restarts = new Map<number, number[]>();

  constructor(
    private readonly entry: string,
    private readonly logger: Logger,
    private readonly logLevel?: string,
  ) {}

  /** Forks one worker per config and resolves when each reports its URI. */
  async start(configs: readonly NodeConfig[], timeoutMs = 60_000): Promise<LocalWorker[]> {
    return Promise.all(configs.map((config, index) => this.startOne(config, index, timeoutMs)));
  }

  private startOne(config: NodeConfig, index: number, timeoutMs: number): Promise<LocalWorker> {
    const child = fork(this.entry, [], {
      env: { ...process.env, [LOCAL_WORKER_ENV]: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.children.push(child);
    let ready = false;
    child.on('exit', (code, signal) => {
      const i = this.children.indexOf(child);
      if (i >= 0) this.children.splice(i, 1);
      this.logger.info({ worker: config.nodeId, code, signal }, 'local worker exited');
      // a crash of a running worker: start it again (same node id, so the coordinator sees the
      // node come back); a clean exit (graceful shutdown) is final
      if (ready && code !== 0 && !this.stopping) this.restart(config, index, timeoutMs);
    });
    return new Promise<LocalWorker>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`local worker ${config.nodeId} did not start within ${timeoutMs}ms`));
      }, timeoutMs);
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          ready = true;
          clearTimeout(timer);
          resolve({ index, process: child, uri: message.uri });
        } else if (message.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(`local worker ${config.nodeId} failed to start: ${message.message}`));
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`local worker ${config.nodeId} exited during startup (${signal ?? code})`));
      });
      child.send({ type: 'config', config, logLevel: this.logLevel } satisfies ParentMessage);
    });
  }

  /** Restarts a crashed worker after a backoff that grows with its recent restarts (1s..30s). */
  private restart(config: NodeConfig, index: number, timeoutMs: number): void {
    const now = Date.now();
    const recent = (this.restarts.get(index) ?? []).filter((t) => now - t < RESTART_WINDOW_MS);
    recent.push(now);
    this.restarts.set(index, recent);
    const delay = Math.min(1000 * 2 ** (recent.length - 1), 30_000);
    this.logger.warn({ worker: config.nodeId, delayMs: delay }, 'local worker crashed; restarting');
    setTimeout(() => {
      if (this.stopping) return;
      this.startOne(config, index, timeoutMs).then(
        (w) => this.logger.info({ worker: config.nodeId, uri: w.uri }, 'local worker restarted'),
        (e: Error) =>
          this.logger.error({ worker: config.nodeId, err: e.message }, 'local worker restart failed'),
      );
    }, delay).unref();
  }

  get pids(): number[] {
    return this.children.map((c) => c.pid!).filter((p) => p !== undefined);
  }

  /** Ends every child: SIGTERM, then SIGKILL for those still alive after `timeoutMs`. */
  async stop(timeoutMs = 5000): Promise<void> {
    this.stopping = true;
    const alive = this.children.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      alive.map(
        (child) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}
