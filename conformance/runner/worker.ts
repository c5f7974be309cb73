/**
 * The worker-thread side of isolation.ts. A worker runs jobs one after another, as the supervisor sends them:
 *   parent → worker   { t: 'run', id, job, params }
 *   worker → parent   { t: 'start', id, unit, group, line?, replay }   before a unit (or replayed statement)
 *                     { t: 'outcome', id, outcome }                     after a unit
 *                     { t: 'done', id, fileError? }                     at the end of the job
 */
import { parentPort } from 'node:worker_threads';
import { runJobUnits, type JobRunParams, type JobSpec } from './jobs';
import type { UnitOutcome } from './results';

export type WorkerMessage =
  | { t: 'start'; id: number; unit: number; group: string; line?: number; replay: boolean }
  | { t: 'outcome'; id: number; outcome: UnitOutcome }
  | { t: 'done'; id: number; fileError?: string };

export interface RunRequest {
  t: 'run';
  id: number;
  job: JobSpec;
  params: JobRunParams;
}

async function run(request: RunRequest, post: (m: WorkerMessage) => void): Promise<void> {
  const { id, job, params } = request;
  let fileError: string | undefined;
  try {
    const r = await runJobUnits(job, params, {
      onUnitStart: (unit, info) => post({ t: 'start', id, unit, ...info }),
      onOutcome: (outcome) => post({ t: 'outcome', id, outcome }),
    });
    fileError = r.fileError;
  } catch (e) {
    fileError = `job failed: ${(e as Error).stack ?? String(e)}`;
  }
  post({ t: 'done', id, ...(fileError !== undefined ? { fileError } : {}) });
}

const port = parentPort;
if (port) {
  // A query abandoned by a soft timeout may reject later: that must not kill the worker.
  process.on('unhandledRejection', () => undefined);
  let queue = Promise.resolve();
  port.on('message', (m: RunRequest) => {
    if (m?.t !== 'run') return;
    queue = queue.then(() => run(m, (msg) => port.postMessage(msg)));
  });
}
