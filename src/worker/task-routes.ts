/**
 * The task API of a node (reference/trino-protocol.md §3.4), internal endpoints only:
 *   POST   /v1/task/{taskId}          create the task (idempotent); 200 TaskStatus
 *   GET    /v1/task/{taskId}/status   TaskStatus; with X-Trino-Current-Version and X-Trino-Max-Wait
 *                                     it long-polls until the version grows or the wait ends
 *   GET    /v1/task/{taskId}          TaskInfo ({taskStatus, needsPlan})
 *   DELETE /v1/task/{taskId}          aborts the task (whatever ?abort says: cancel = abort here)
 *   GET    /v1/task                   every task's TaskInfo
 * Unknown task: 404. A node that is shutting down refuses new tasks with 503, so the coordinator
 * places them elsewhere. A malformed body or task id: 400.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { TrinoError } from '../errors';
import { parseDuration } from '../duration';
import { fromPlanJson } from '../planner/plan-json';
import {
  TASK_REQUEST_CONTENT_TYPE,
  type TaskStatus,
  type TaskUpdateRequest,
} from '../scheduler/task-protocol';
import type { TaskManager } from './task-manager';
import type { SqlTask } from './sql-task';

export const TASK_HEADERS = {
  currentVersion: 'x-trino-current-version',
  maxWait: 'x-trino-max-wait',
} as const;

export interface TaskRoutesOptions {
  readonly tasks: TaskManager;
  /** query_max_memory_per_node for a request's session. */
  readonly memoryLimit: (request: TaskUpdateRequest) => number;
}

/** Longest long-poll a request may ask for. */
const MAX_WAIT_MS = 10_000;

export async function taskRoutes(app: FastifyInstance, options: TaskRoutesOptions): Promise<void> {
  const { tasks } = options;
  const internal = { internal: true };
  app.addContentTypeParser(TASK_REQUEST_CONTENT_TYPE, { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.post<{ Params: { taskId: string }; Body: string }>(
    '/v1/task/:taskId',
    { config: internal },
    async (request, reply) => {
      let update: TaskUpdateRequest;
      try {
        if (typeof request.body !== 'string') throw new Error(`Expected a ${TASK_REQUEST_CONTENT_TYPE} body`);
        update = fromPlanJson<TaskUpdateRequest>(request.body);
        if (update?.task?.taskId !== request.params.taskId)
          throw new Error(`Body is for task ${String(update?.task?.taskId)}`);
        tasks.checkTaskId(request.params.taskId);
      } catch (e) {
        return badRequest(reply, `Invalid task request: ${(e as Error).message}`);
      }
      try {
        const task = tasks.create(update, options.memoryLimit(update));
        return await reply.code(200).send(task.status());
      } catch (e) {
        if (e instanceof TrinoError && e.errorName === 'SERVER_SHUTTING_DOWN')
          return reply.code(503).type('text/plain').send(e.message);
        throw e;
      }
    },
  );

  app.get<{ Params: { taskId: string } }>(
    '/v1/task/:taskId/status',
    { config: internal },
    async (request, reply) => {
      const task = sqlTask(tasks, request.params.taskId);
      if (!task) return notFound(reply, request.params.taskId);
      const version = Number(request.headers[TASK_HEADERS.currentVersion] ?? -1);
      let wait = 0;
      const waitHeader = request.headers[TASK_HEADERS.maxWait];
      try {
        if (typeof waitHeader === 'string') wait = Math.min(parseDuration(waitHeader), MAX_WAIT_MS);
      } catch (e) {
        return badRequest(reply, (e as Error).message);
      }
      return reply.send(await task.statusAfter(Number.isFinite(version) ? version : -1, wait));
    },
  );

  app.get<{ Params: { taskId: string } }>(
    '/v1/task/:taskId',
    { config: internal },
    async (request, reply) => {
      const task = sqlTask(tasks, request.params.taskId);
      if (!task) return notFound(reply, request.params.taskId);
      return reply.send(taskInfo(task.status()));
    },
  );

  app.delete<{ Params: { taskId: string } }>(
    '/v1/task/:taskId',
    { config: internal },
    async (request, reply) => {
      const task = sqlTask(tasks, request.params.taskId);
      if (!task) return notFound(reply, request.params.taskId);
      task.abort();
      return reply.send(taskInfo(task.status()));
    },
  );

  app.get('/v1/task', { config: internal }, async () =>
    tasks
      .allTasks()
      .filter(isSqlTask)
      .map((t) => taskInfo(t.status())),
  );
}

function isSqlTask(t: unknown): t is SqlTask {
  return typeof (t as SqlTask).status === 'function';
}

function sqlTask(tasks: TaskManager, taskId: string): SqlTask | undefined {
  const t = tasks.get(taskId);
  return t && isSqlTask(t) ? t : undefined;
}

function taskInfo(status: TaskStatus): object {
  return { taskStatus: status, needsPlan: false };
}

function badRequest(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(400).type('text/plain').send(message);
}

function notFound(reply: FastifyReply, taskId: string): FastifyReply {
  return reply.code(404).type('text/plain').send(`Unknown task: ${taskId}`);
}
