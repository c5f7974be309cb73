/**
 * Test harness: real Tessera node processes on loopback (src/server/main.ts through the
 * TypeScript require hook), each from its own etc directory, with every process tracked so
 * afterAll can kill what is left.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const REGISTER = join(ROOT, 'conformance', 'runner', 'register.js');
const MAIN = join(ROOT, 'src', 'server', 'main.ts');

export interface NodeProcess {
  readonly process: ChildProcess;
  readonly uri: string;
  output(): string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

const spawned: ChildProcess[] = [];

export function writeEtc(
  config: Record<string, string>,
  node: Record<string, string> = {},
  catalogs: Record<string, Record<string, string>> = { tpch: { 'connector.name': 'tpch' } },
): string {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-cluster-'));
  const props = (o: Record<string, string>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n';
  writeFileSync(join(dir, 'config.properties'), props(config));
  writeFileSync(join(dir, 'node.properties'), props(node));
  mkdirSync(join(dir, 'catalog'));
  for (const [name, p] of Object.entries(catalogs))
    writeFileSync(join(dir, 'catalog', `${name}.properties`), props(p));
  return dir;
}

/**
 * Starts `main.ts` with the arguments and waits for its "SERVER STARTED" banner. `wrapper` runs
 * it through another command (`ip netns exec <ns>`: a node on another network host).
 */
export function startNodeProcess(
  args: string[],
  timeoutMs = 30_000,
  wrapper: readonly string[] = [],
): Promise<NodeProcess> {
  const command = [...wrapper, process.execPath, '-r', REGISTER, MAIN, '--log-level', 'warn', ...args];
  const child = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  spawned.push(child);
  let out = '';
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise<NodeProcess>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`node did not start in ${timeoutMs}ms:\n${out}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(?:coordinator|worker [^:]+): (http:\/\/[0-9.]+:\d+)/.exec(out);
      if (out.includes('SERVER STARTED') && m) {
        clearTimeout(timer);
        resolvePromise({ process: child, uri: m[1], output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`node exited (${code}) before starting:\n${out}`));
    });
  });
}

/** Child process ids of a process (from ps). */
export function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Kills every process this harness started (and their children) that is still alive. */
export function killAll(): void {
  for (const child of spawned.splice(0)) {
    if (child.pid === undefined) continue;
    for (const pid of childPids(child.pid)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export interface ProtocolError {
  readonly message: string;
  readonly errorName: string;
  readonly errorType: string;
}

/** A failed statement: the error object of the Trino client protocol. */
export class QueryFailed extends Error {
  constructor(readonly error: ProtocolError) {
    super(`${error.errorName}: ${error.message}`);
  }
}

/** Runs a statement over the Trino client protocol and returns its columns and rows. */
export async function trinoQueryResult(
  uri: string,
  sql: string,
  headers: Record<string, string> = {},
): Promise<{ columns: { name: string; type: string }[]; rows: unknown[][] }> {
  let response = await fetch(`${uri}/v1/statement`, {
    method: 'POST',
    body: sql,
    headers: { 'X-Trino-User': 'test', ...headers },
  });
  const rows: unknown[][] = [];
  let columns: { name: string; type: string }[] = [];
  for (let i = 0; i < 100_000; i++) {
    const body = (await response.json()) as {
      columns?: { name: string; type: string }[];
      data?: unknown[][];
      nextUri?: string;
      error?: ProtocolError;
    };
    if (body.error) throw new QueryFailed(body.error);
    if (body.columns) columns = body.columns;
    if (body.data) rows.push(...body.data);
    if (!body.nextUri) return { columns, rows };
    response = await fetch(body.nextUri);
  }
  throw new Error('query did not finish');
}

/** Runs a statement over the Trino client protocol and returns its rows. */
export async function trinoQuery(uri: string, sql: string): Promise<unknown[][]> {
  return (await trinoQueryResult(uri, sql)).rows;
}

export interface Cluster {
  readonly coordinator: NodeProcess;
  readonly workers: NodeProcess[];
  readonly workerEtc: string[];
  /** Starts one more worker process from a new etc directory (node id `worker-{index}`). */
  addWorker(): Promise<NodeProcess>;
}

/**
 * A coordinator (which schedules no tasks on itself) and `workers` worker processes on loopback,
 * each from its own etc directory. Resolves once every worker is active in the coordinator's
 * view (system.runtime.nodes).
 */
export async function startCluster(
  workers: number,
  config: Record<string, string> = {},
  catalogs?: Record<string, Record<string, string>>,
): Promise<Cluster> {
  const environment = 'distributed_test';
  const coordinatorEtc = writeEtc(
    {
      coordinator: 'true',
      'http-server.http.port': '0',
      'node-scheduler.include-coordinator': 'false',
      ...config,
    },
    { 'node.id': 'coordinator', 'node.environment': environment },
    catalogs,
  );
  const coordinator = await startNodeProcess(['--etc-dir', coordinatorEtc, '--workers', '0']);
  const cluster: Cluster = {
    coordinator,
    workers: [],
    workerEtc: [],
    async addWorker() {
      const index = cluster.workers.length;
      const etc = writeEtc(
        { coordinator: 'false', 'http-server.http.port': '0', 'discovery.uri': coordinator.uri, ...config },
        { 'node.id': `worker-${index}`, 'node.environment': environment },
        catalogs,
      );
      cluster.workerEtc.push(etc);
      const worker = await startNodeProcess(['--etc-dir', etc]);
      cluster.workers.push(worker);
      await waitForActive(coordinator.uri, `worker-${index}`);
      return worker;
    },
  };
  for (let i = 0; i < workers; i++) await cluster.addWorker();
  return cluster;
}

/** Waits until the coordinator lists the node as active. */
export async function waitForActive(
  coordinatorUri: string,
  nodeId: string,
  timeoutMs = 20_000,
): Promise<void> {
  await eventually(
    async () => {
      const rows = await trinoQuery(
        coordinatorUri,
        `SELECT state FROM system.runtime.nodes WHERE node_id = '${nodeId}'`,
      );
      return rows[0]?.[0] === 'active' ? true : undefined;
    },
    timeoutMs,
    `${nodeId} active`,
  );
}
