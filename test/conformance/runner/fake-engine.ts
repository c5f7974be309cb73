/** A scripted stand-in for the engine, so runner logic can be tested without depending on engine features. */
import type { LocalEngine, QueryResult } from '../../../src/local-engine';
import { TrinoError } from '../../../src/errors';

export type FakeAnswer =
  QueryResult | TrinoError | Error | ((sql: string) => QueryResult | Promise<QueryResult>);

export interface FakeEngine extends LocalEngine {
  /** Every SQL text received, in order. */
  readonly received: string[];
  closed: boolean;
}

/** Result with columns `c0..` of the given types. */
export function result(types: string[], rows: unknown[][]): QueryResult {
  return { columns: types.map((type, i) => ({ name: `c${i}`, type })), rows };
}

export const OK: QueryResult = { columns: [], rows: [] };

/**
 * An engine answering each SQL text from `answers` (exact text after trimming, or the first matching
 * RegExp); unknown SQL succeeds with an empty result. An Error answer is thrown.
 */
export function fakeEngine(answers: [string | RegExp, FakeAnswer][]): FakeEngine {
  const received: string[] = [];
  const engine = {
    received,
    closed: false,
    catalogs: undefined as never,
    async query(sql: string): Promise<QueryResult> {
      received.push(sql);
      const hit = answers.find(([k]) => (typeof k === 'string' ? k === sql.trim() : k.test(sql)));
      if (!hit) return OK;
      const a = hit[1];
      if (a instanceof Error) throw a;
      if (typeof a === 'function') return a(sql);
      return a;
    },
    async close(): Promise<void> {
      engine.closed = true;
    },
  };
  return engine as unknown as FakeEngine;
}
