/**
 * The results pull protocol's HTTP side (reference/trino-protocol.md §3.5), as a fastify plugin
 * the worker's task API mounts:
 *   GET    /v1/task/{taskId}/results/{bufferId}/{token}              → pages from token on
 *   GET    /v1/task/{taskId}/results/{bufferId}/{token}/acknowledge  → frees pages below token
 *   DELETE /v1/task/{taskId}/results/{bufferId}                      → destroys the buffer
 * Response headers as Trino's: X-Trino-Task-Instance-Id, X-Trino-Page-Sequence-Id (the token),
 * X-Trino-Page-End-Sequence-Id (the next token), X-Trino-Buffer-Complete, X-Trino-Task-Failed.
 * 200 with a body of framed Arrow IPC pages (page-codec.ts, `application/x-tessera-pages`), or 204
 * when no page is ready within the wait. The routes are marked internal (`config.internal`), so
 * the server's authentication hook demands the internal bearer token for them.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseDataSize } from '../data-size';
import { parseDuration } from '../duration';
import type { OutputBuffer } from './output-buffer';
import { PAGES_CONTENT_TYPE, framePages } from './page-codec';

export const TRINO_HEADERS = {
  maxSize: 'x-trino-max-size',
  maxWait: 'x-trino-max-wait',
  taskInstanceId: 'x-trino-task-instance-id',
  pageToken: 'x-trino-page-sequence-id',
  pageNextToken: 'x-trino-page-end-sequence-id',
  bufferComplete: 'x-trino-buffer-complete',
  taskFailed: 'x-trino-task-failed',
} as const;

export interface ResultsRoutesOptions {
  /** The output buffer of a task on this node, if the task exists. */
  readonly lookup: (taskId: string) => OutputBuffer | undefined;
  /** How long a GET waits for pages when the request names no X-Trino-Max-Wait (default 1s). */
  readonly defaultMaxWaitMs?: number;
  /** Largest response when the request names no X-Trino-Max-Size (default 16MB). */
  readonly defaultMaxSizeBytes?: number;
}

interface ResultsParams {
  taskId: string;
  bufferId: string;
  token: string;
}

export async function resultsRoutes(app: FastifyInstance, options: ResultsRoutesOptions): Promise<void> {
  const defaultWait = options.defaultMaxWaitMs ?? 1000;
  const defaultSize = options.defaultMaxSizeBytes ?? 16 * 1024 * 1024;
  const internal = { internal: true };

  app.get<{ Params: ResultsParams }>(
    '/v1/task/:taskId/results/:bufferId/:token',
    { config: internal },
    async (request, reply) => {
      const target = parseTarget(request.params, reply);
      if (!target) return reply;
      const buffer = options.lookup(request.params.taskId);
      if (!buffer) return notFound(reply, request.params.taskId);
      let maxBytes = defaultSize;
      let maxWait = defaultWait;
      try {
        const size = request.headers[TRINO_HEADERS.maxSize];
        if (typeof size === 'string') maxBytes = parseDataSize(size);
        const wait = request.headers[TRINO_HEADERS.maxWait];
        if (typeof wait === 'string') maxWait = Math.min(parseDuration(wait), 60_000);
      } catch (e) {
        return reply
          .code(400)
          .type('text/plain')
          .send((e as Error).message);
      }
      const result = await buffer.get(target.bufferId, target.token, maxBytes, maxWait);
      reply
        .header(TRINO_HEADERS.taskInstanceId, result.taskInstanceId)
        .header(TRINO_HEADERS.pageToken, String(result.token))
        .header(TRINO_HEADERS.pageNextToken, String(result.nextToken))
        .header(TRINO_HEADERS.bufferComplete, String(result.complete))
        .header(TRINO_HEADERS.taskFailed, String(result.failed));
      if (result.pages.length === 0) return reply.code(204).send();
      return reply.code(200).type(PAGES_CONTENT_TYPE).send(framePages(result.pages));
    },
  );

  app.get<{ Params: ResultsParams }>(
    '/v1/task/:taskId/results/:bufferId/:token/acknowledge',
    { config: internal },
    async (request, reply) => {
      const target = parseTarget(request.params, reply);
      if (!target) return reply;
      options.lookup(request.params.taskId)?.acknowledge(target.bufferId, target.token);
      return reply.code(200).send();
    },
  );

  app.delete<{ Params: Omit<ResultsParams, 'token'> }>(
    '/v1/task/:taskId/results/:bufferId',
    { config: internal },
    async (request, reply) => {
      const target = parseTarget({ ...request.params, token: '0' }, reply);
      if (!target) return reply;
      options.lookup(request.params.taskId)?.destroy(target.bufferId);
      return reply.code(204).send();
    },
  );
}

function parseTarget(
  params: ResultsParams,
  reply: FastifyReply,
): { bufferId: number; token: number } | undefined {
  const bufferId = Number(params.bufferId);
  const token = Number(params.token);
  if (!/^\d+$/.test(params.bufferId) || !/^\d+$/.test(params.token) || !Number.isSafeInteger(token)) {
    void reply
      .code(400)
      .type('text/plain')
      .send(`Invalid buffer id or token: ${params.bufferId}/${params.token}`);
    return undefined;
  }
  return { bufferId, token };
}

function notFound(reply: FastifyReply, taskId: string): FastifyReply {
  return reply.code(404).type('text/plain').send(`Unknown task: ${taskId}`);
}
