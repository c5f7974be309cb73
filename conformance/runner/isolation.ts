/**
 * Runs jobs in worker threads with hard time limits, so that every run finishes whatever the engine does.
 *
 * The supervisor (this module, main thread) starts a worker for a job and watches its messages. Each unit
 * (and each replayed statement) is announced before it runs; when the next message does not arrive within
 * `unitTimeoutMs` (+1 s of slack), the worker is terminated (which also stops a synchronous busy loop) and
 * the unit counts as failed with category `timeout`. A worker that dies (out of memory, crash) makes its
 * current unit fail with category `crash`. Either way a new worker continues the job after that unit:
 * sqllogictest files replay their earlier statements first to rebuild the tables (records that hung are not
 * replayed). A job also has a wall-clock budget (`jobBudgetMs`): units not started before it is spent fail
 * with category `budget` without running. After too many restarts the job stops with a file-level error.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { assembleResults, jobGroups, jobLabel, type JobSpec } from './jobs';
import { failure, type FileResult, type UnitOutcome } from './results';
import type { RunRequest, WorkerMessage } from './worker';

export interface IsolationOptions {
  /** Hard per-unit (per-statement) limit in ms. */
  unitTimeoutMs: number;
  /** Wall-clock budget of a job in ms. */
  jobBudgetMs: number;
  /** V8 old-space limit of a worker in MB (default 4096). */
  maxMemoryMb?: number;
  /** Worker startup limit in ms (module loading; default 120 000). */
  startupMs?: number;
  /** Restarts after which the job is abandoned (default 200). */
  maxRestarts?: number;
  /** Progress messages (job restarts, timeouts). */
  log?: (message: string) => void;
}

const WORKER_ENTRY = path.join(__dirname, 'worker-entry.js');

type StartMessage = Extract<WorkerMessage, { t: 'start' }>;
type AttemptEnd =
  | { kind: 'done'; fileError?: string }
  | { kind: 'killed'; why: 'timeout' | 'crash'; message: string; current?: StartMessage };

/**
 * One reusable worker thread (a pool lane). Jobs reuse it; it is replaced after being killed. Call
 * {@link WorkerSlot.close} when done.
 */
export class WorkerSlot {
  private worker: Worker | undefined;
  private nextId = 1;

  constructor(private readonly options: IsolationOptions) {}

  /** Runs one attempt of a job on this slot's worker. */
  attempt(
    job: JobSpec,
    params: { startAt: number; skipUnits: number[]; deadline: number },
    onOutcome: (o: UnitOutcome) => void,
    options: IsolationOptions = this.options,
  ): Promise<AttemptEnd> {
    return new Promise<AttemptEnd>((resolve) => {
      let worker: Worker;
      const fresh = this.worker === undefined;
      try {
        worker = this.worker ??= new Worker(WORKER_ENTRY, {
          resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 4096 },
        });
      } catch (e) {
        resolve({ kind: 'killed', why: 'crash', message: `cannot start worker: ${(e as Error).message}` });
        return;
      }
      const id = this.nextId++;
      let current: StartMessage | undefined;
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const cleanup = (): void => {
        if (timer) clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const finish = (end: AttemptEnd): void => {
        if (settled) return;
        settled = true;
        cleanup();
        if (end.kind === 'killed') this.kill();
        resolve(end);
      };
      const arm = (ms: number): void => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          finish({
            kind: 'killed',
            why: current ? 'timeout' : 'crash',
            message: current
              ? `no result within ${options.unitTimeoutMs} ms`
              : `worker unresponsive for ${ms} ms`,
            ...(current ? { current } : {}),
          });
        }, ms);
      };
      const onMessage = (m: WorkerMessage): void => {
        if (settled || m.id !== id) return;
        if (m.t === 'start') {
          current = m;
          arm(options.unitTimeoutMs + 1000);
        } else if (m.t === 'outcome') {
          onOutcome(m.outcome);
          current = undefined;
          arm(options.unitTimeoutMs + 1000);
        } else if (m.t === 'done') {
          finish({ kind: 'done', ...(m.fileError !== undefined ? { fileError: m.fileError } : {}) });
        }
      };
      const onError = (e: Error & { code?: string }): void => {
        finish({
          kind: 'killed',
          why: 'crash',
          message: e.code ? `${e.code}: ${e.message}` : e.message,
          ...(current ? { current } : {}),
        });
      };
      const onExit = (code: number): void => {
        this.worker = undefined;
        finish({
          kind: 'killed',
          why: 'crash',
          message: `worker exited with code ${code}`,
          ...(current ? { current } : {}),
        });
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      arm(fresh ? (options.startupMs ?? 120_000) : Math.max(options.unitTimeoutMs + 1000, 30_000));
      const request: RunRequest = { t: 'run', id, job, params: { ...params, timeoutMs: 0 } };
      worker.postMessage(request);
    });
  }

  private kill(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate().catch(() => undefined);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate().catch(() => undefined);
  }
}

/** Runs one job under supervision on `slot` (a fresh worker when omitted); never throws. */
export async function runJobIsolated(
  job: JobSpec,
  options: IsolationOptions,
  slot?: WorkerSlot,
): Promise<FileResult[]> {
  const own = slot === undefined;
  const lane = slot ?? new WorkerSlot(options);
  try {
    return await supervise(job, options, lane);
  } finally {
    if (own) await lane.close();
  }
}

async function supervise(job: JobSpec, options: IsolationOptions, slot: WorkerSlot): Promise<FileResult[]> {
  const started = Date.now();
  const deadline = started + options.jobBudgetMs;
  const outcomes = new Map<number, UnitOutcome>();
  const skipUnits = new Set<number>();
  let groups: string[] = [];
  let fileError: string | undefined;
  try {
    groups = jobGroups(job);
  } catch (e) {
    return assembleResults(job, [], [], 0, `job failed: ${(e as Error).message}`);
  }
  let startAt = 0;
  let restarts = 0;
  let lastProgress = -1;
  for (;;) {
    const end = await slot.attempt(
      job,
      { startAt, skipUnits: [...skipUnits], deadline },
      (o) => outcomes.set(o.unit, o),
      options,
    );
    if (end.kind === 'done') {
      fileError = end.fileError;
      break;
    }
    restarts++;
    const current = end.current;
    options.log?.(
      `${jobLabel(job)}: ${end.why}${current ? ` at unit ${current.unit}${current.line !== undefined ? ` (line ${current.line})` : ''}${current.replay ? ' during replay' : ''}` : ''}: ${end.message}`,
    );
    if (current) {
      skipUnits.add(current.unit);
      if (!current.replay) {
        outcomes.set(current.unit, {
          unit: current.unit,
          group: current.group,
          ...(current.line !== undefined ? { line: current.line } : {}),
          ...failure(
            end.why,
            end.why === 'timeout' ? 'timeout' : `worker crashed: ${end.message}`,
            end.message,
          ),
        });
        startAt = current.unit + 1;
      }
    } else {
      // Died outside any unit (startup, or between units): continue after the last outcome, unless no
      // progress was made since the previous failure of this kind.
      const progress = outcomes.size;
      if (progress === lastProgress) {
        fileError = `worker failed: ${end.message}`;
        break;
      }
      lastProgress = progress;
      if (outcomes.size > 0) startAt = Math.max(...outcomes.keys()) + 1;
    }
    if (restarts > (options.maxRestarts ?? 200)) {
      fileError = `abandoned after ${restarts} worker restarts`;
      break;
    }
  }
  return assembleResults(job, groups, outcomes.values(), Date.now() - started, fileError);
}

/** Runs tasks with at most `concurrency` in flight; results in input order. */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
  onResult?: (result: R, index: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
      onResult?.(results[i], i);
    }
  });
  await Promise.all(lanes);
  return results;
}
