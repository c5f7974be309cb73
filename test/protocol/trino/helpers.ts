import { createLocalEngine } from '../../../src';
import type { LocalQueryEngine } from '../../../src/local-engine';
import {
  createCoordinatorHttpServer,
  type CoordinatorHttpServer,
} from '../../../src/protocol/trino/http-server';
import type { QueryManagerOptions } from '../../../src/coordinator/query-manager';

export interface TestServer extends CoordinatorHttpServer {
  readonly engine: LocalQueryEngine;
}

/** A coordinator on loopback over an embedded engine with tpch and memory catalogs. */
export async function startServer(
  options: Partial<QueryManagerOptions> & { alternateHeaderName?: string } = {},
): Promise<TestServer> {
  const engine = createLocalEngine() as LocalQueryEngine;
  const server = await createCoordinatorHttpServer({ engine, ...options });
  return {
    ...server,
    engine,
    async close() {
      await server.close();
      await engine.close();
    },
  };
}

export const USER = { 'X-Trino-User': 'test' };

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export async function http(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** POSTs a statement and follows nextUri to the end; returns every response. */
export async function runRaw(
  base: string,
  sql: string,
  headers: Record<string, string> = USER,
): Promise<RawResponse[]> {
  const responses = [await http(`${base}/v1/statement`, { method: 'POST', body: sql, headers })];
  for (let i = 0; i < 10_000; i++) {
    const next = responses[responses.length - 1].json?.nextUri;
    if (!next) break;
    responses.push(await http(next, { headers }));
  }
  return responses;
}

/** Rows and the final response of a statement. */
export async function query(base: string, sql: string, headers: Record<string, string> = USER) {
  const responses = await runRaw(base, sql, headers);
  const rows = responses.flatMap((r) => r.json?.data ?? []);
  return { rows, last: responses[responses.length - 1], responses };
}
