import Fastify from 'fastify';
import { blockFromValues } from '../../src/execution/block';
import { page, pageRows } from '../../src/execution/page';
import { OutputBuffer } from '../../src/exchange/output-buffer';
import {
  PAGES_CONTENT_TYPE,
  deserializePage,
  serializePage,
  unframePages,
} from '../../src/exchange/page-codec';
import { resultsRoutes } from '../../src/exchange/results-routes';
import { BIGINT } from '../../src/types';

/** A results server on loopback (fastify's inject needs an ESM-only module jest cannot load). */
async function server(buffer: OutputBuffer) {
  const app = Fastify();
  await app.register(resultsRoutes, {
    lookup: (id: string) => (id === 'q_1.1.0.0' ? buffer : undefined),
    defaultMaxWaitMs: 20,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const inject = async (o: { method: string; url: string; headers?: Record<string, string> }) => {
    const r = await fetch(base + o.url, { method: o.method, headers: o.headers });
    const rawPayload = Buffer.from(await r.arrayBuffer());
    return {
      statusCode: r.status,
      headers: Object.fromEntries(r.headers.entries()),
      rawPayload,
      body: rawPayload.toString('utf8'),
    };
  };
  return { inject, close: () => app.close() };
}

test("the protocol's headers, status codes and body", async () => {
  const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1 });
  const app = await server(buffer);
  const empty = await app.inject({ method: 'GET', url: '/v1/task/q_1.1.0.0/results/0/0' });
  expect(empty.statusCode).toBe(204);
  expect(empty.headers).toMatchObject({
    'x-trino-task-instance-id': buffer.taskInstanceId,
    'x-trino-page-sequence-id': '0',
    'x-trino-page-end-sequence-id': '0',
    'x-trino-buffer-complete': 'false',
    'x-trino-task-failed': 'false',
  });
  for (let i = 0; i < 3; i++) buffer.enqueueNow([serializePage(page([blockFromValues([i])]), [BIGINT])]);
  buffer.setNoMorePages();
  const r = await app.inject({
    method: 'GET',
    url: '/v1/task/q_1.1.0.0/results/0/1',
    headers: { 'x-trino-max-size': '1MB' },
  });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toBe(PAGES_CONTENT_TYPE);
  expect(r.headers).toMatchObject({
    'x-trino-page-sequence-id': '1',
    'x-trino-page-end-sequence-id': '3',
    'x-trino-buffer-complete': 'true',
  });
  const frames = unframePages(new Uint8Array(r.rawPayload));
  expect(frames.map((f) => pageRows(deserializePage(f.bytes))[0][0])).toEqual([1, 2]);
  expect(
    (await app.inject({ method: 'GET', url: '/v1/task/q_1.1.0.0/results/0/3/acknowledge' })).statusCode,
  ).toBe(200);
  expect(buffer.bufferedBytes).toBe(0);
  expect((await app.inject({ method: 'DELETE', url: '/v1/task/q_1.1.0.0/results/0' })).statusCode).toBe(204);
  expect(buffer.state).toBe('FINISHED');
  await app.close();
});

test('bad requests: unknown task 404, malformed token or size 400', async () => {
  const app = await server(new OutputBuffer({ type: 'PARTITIONED', partitions: 1 }));
  expect((await app.inject({ method: 'GET', url: '/v1/task/q_9.1.0.0/results/0/0' })).statusCode).toBe(404);
  expect((await app.inject({ method: 'GET', url: '/v1/task/q_1.1.0.0/results/0/-1' })).statusCode).toBe(400);
  expect((await app.inject({ method: 'GET', url: '/v1/task/q_1.1.0.0/results/x/0' })).statusCode).toBe(400);
  const badSize = await app.inject({
    method: 'GET',
    url: '/v1/task/q_1.1.0.0/results/0/0',
    headers: { 'x-trino-max-size': 'huge' },
  });
  expect(badSize.statusCode).toBe(400);
  expect(badSize.body).toMatch(/not a valid data size/);
  await app.close();
});
