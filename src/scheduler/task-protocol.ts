/**
 * What the coordinator and a worker say about one task over the task API
 * (reference/trino-protocol.md §3.4), in Tessera's own JSON (a TS-only cluster need not match
 * Trino's Java records): the create request and the task status. Bodies are plan-json
 * (planner/plan-json.ts) so constants in fragments and splits travel exactly.
 */
import { TrinoError } from '../errors';
import type { ErrorCode } from '../errors/error-codes';
import type { SourceLocation } from '../errors/trino-error';
import type { Session } from '../planner/session';
import type { NodeStats } from './node-stats';
import type { TaskDescriptor } from './task';

/** Content type of a POST /v1/task/{taskId} body. */
export const TASK_REQUEST_CONTENT_TYPE = 'application/x-tessera-task';

export interface TaskUpdateRequest {
  readonly session: Session;
  readonly task: TaskDescriptor;
  /**
   * The upstream tasks of each RemoteSource, by source fragment id: their URIs
   * (`{nodeUri}/v1/task/{taskId}`). This task reads buffer `task.partition` of each.
   */
  readonly remoteSources: Readonly<Record<string, readonly string[]>>;
  /** Collect per-plan-node statistics (EXPLAIN ANALYZE). */
  readonly collectStats: boolean;
}

export type TaskState = 'RUNNING' | 'FLUSHING' | 'FINISHED' | 'CANCELED' | 'ABORTED' | 'FAILED';

export function isDoneState(state: TaskState): boolean {
  return state === 'FINISHED' || state === 'CANCELED' || state === 'ABORTED' || state === 'FAILED';
}

/** A task's failure, enough to rebuild the TrinoError on the coordinator. */
export interface TaskFailure {
  readonly message: string;
  readonly errorName: string;
  readonly errorCode: number;
  readonly errorType: string;
  readonly location?: SourceLocation;
}

export interface TaskStatus {
  readonly taskId: string;
  /** Changes when a task of this id is created anew (a restarted worker). */
  readonly taskInstanceId: string;
  /** Grows with every state change; long polls wait for a version above theirs. */
  readonly version: number;
  readonly state: TaskState;
  readonly self: string;
  readonly nodeId: string;
  readonly failures: readonly TaskFailure[];
  readonly totalSplits: number;
  readonly outputRows: number;
  readonly outputPages: number;
  readonly outputBytes: number;
  readonly peakMemoryBytes: number;
  readonly elapsedMillis: number;
  /** Per plan node statistics [planNodeId, stats], once the task has finished (when collected). */
  readonly nodeStats?: readonly (readonly [number, NodeStats])[];
}

export function taskFailure(error: unknown): TaskFailure {
  if (error instanceof TrinoError)
    return {
      message: error.rawMessage,
      errorName: error.errorName,
      errorCode: error.errorCode.code,
      errorType: error.errorType,
      ...(error.location ? { location: error.location } : {}),
    };
  const message = error instanceof Error ? error.message : String(error);
  return { message, errorName: 'GENERIC_INTERNAL_ERROR', errorCode: 65536, errorType: 'INTERNAL_ERROR' };
}

/** The coordinator's copy of a worker's error: same name, code, type and location. */
export function failureError(failure: TaskFailure): TrinoError {
  const code = { name: failure.errorName, code: failure.errorCode, type: failure.errorType } as ErrorCode;
  return new TrinoError(code, failure.message, failure.location);
}
