/**
 * Golden tests: the full JSON of each response for a fixed set of statements, compared with
 * documents written by hand from reference/trino-protocol.md (golden/*.json; placeholders and
 * shapes are explained in golden/match.ts). The POST response, every response that carries rows,
 * and the final response are matched whole; every other response must still fit the §1.6/§1.8
 * shapes. Columns and the raw text of `data` are compared exactly, since §1.10 fixes the tokens
 * (`1.0`, not `1`) and JSON.parse would hide the difference.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mismatches } from './golden/match';
import { runRaw, startServer, USER, type RawResponse, type TestServer } from './helpers';

interface Golden {
  readonly source: string;
  readonly sql: string;
  readonly headers?: Record<string, string>;
  readonly post: never;
  readonly columns: unknown[] | null;
  readonly rawData: string | null;
  readonly dataResponse?: never;
  readonly final: never;
  readonly finalHeaders?: Record<string, string>;
}

const DIR = path.join(__dirname, 'golden');
const goldens = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'shapes.json')
  .map(
    (f) =>
      [f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Golden] as const,
  );

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

/** The `data` array exactly as the server wrote it (it precedes `stats` in Trino's field order). */
function rawData(r: RawResponse): string | undefined {
  const start = r.text.indexOf('"data":');
  if (start < 0) return undefined;
  return r.text.slice(start + 7, r.text.indexOf(',"stats":', start));
}

test('the golden set covers the reference examples', () => {
  expect(goldens.map(([name]) => name).sort()).toEqual(
    [
      'column-not-found',
      'ctas',
      'select-literal',
      'set-session',
      'syntax-error',
      'types-legacy',
      'types-parametric',
    ].sort(),
  );
});

test('the matcher notices missing, extra, reordered and mistyped fields', () => {
  const ctx = { base: 'http://h', id: 'q1' };
  expect(mismatches({ a: 1, b: 2 }, { a: 1, b: 2 }, ctx)).toEqual([]);
  expect(mismatches({ b: 2, a: 1 }, { a: 1, b: 2 }, ctx)).toEqual(['$: field order b,a ≠ a,b']);
  expect(mismatches({ a: 1, c: 3 }, { a: 1, 'b?': 2 }, ctx)).toEqual(['$: unexpected fields c']);
  expect(mismatches({ a: 1.5 }, { a: '<int>' }, ctx)).toHaveLength(1);
  expect(mismatches({ u: 'http://h/ui/query.html?q2' }, { u: '<infoUri>' }, ctx)).toHaveLength(1);
  expect(mismatches({ s: { state: 'RUNNING' } }, { s: { state: 'QUEUED' } }, ctx)).toHaveLength(1);
});

describe.each(goldens)('%s', (_name, golden) => {
  let responses: RawResponse[];
  beforeAll(async () => {
    responses = await runRaw(server.url, golden.sql, { ...USER, ...golden.headers });
  });
  const ctx = () => ({ base: server.url, id: responses[0].json.id as string });

  test('POST response', () => {
    expect(responses[0].status).toBe(200);
    expect(mismatches(responses[0].json, golden.post, ctx())).toEqual([]);
  });

  test('every response has status 200 and fits the QueryResults shape', () => {
    const any = {
      id: '<string>',
      infoUri: '<infoUri>',
      'partialCancelUri?': '<string>',
      'nextUri?': '<any>',
      'columns?': '<any>',
      'data?': '<any>',
      stats: '<any>',
      'error?': '<any>',
      warnings: [],
      'updateType?': '<string>',
      'updateCount?': '<int>',
    };
    for (const r of responses.slice(1)) {
      expect(r.status).toBe(200);
      expect(mismatches(r.json, any, ctx())).toEqual([]);
      if (r.json.error) continue; // failures are matched whole as the final response
      const stats = r.json.stats.state === 'QUEUED' ? '<$queuedStats>' : '<$stats>';
      expect(mismatches(r.json.stats, stats, ctx())).toEqual([]);
    }
  });

  /** The responses carrying `field`: none when the golden has null for it, else at least one. */
  function carrying(field: 'data' | 'columns', expected: unknown): RawResponse[] {
    const found = responses.filter((r) => r.json[field] !== undefined);
    if (expected === null) expect(found).toEqual([]);
    else expect(found.length).toBeGreaterThan(0);
    return expected === null ? [] : found;
  }

  test('responses with rows', () => {
    const withData = carrying('data', golden.rawData);
    if (withData.length === 0) return;
    for (const r of withData) expect(mismatches(r.json, golden.dataResponse!, ctx())).toEqual([]);
    // rows arrive in order across responses; join the raw arrays into one
    const raw = withData.map((r) => rawData(r)!.slice(1, -1)).join(',');
    expect(`[${raw}]`).toBe(golden.rawData);
  });

  test('columns', () => {
    const withColumns = carrying('columns', golden.columns);
    if (withColumns.length === 0) return;
    for (const r of withColumns) expect(r.json.columns).toEqual(golden.columns);
    // once known, columns are on every later response
    const first = responses.indexOf(withColumns[0]);
    expect(responses.slice(first).every((r) => r.json.columns !== undefined)).toBe(true);
  });

  test('final response', () => {
    const last = responses[responses.length - 1];
    expect(mismatches(last.json, golden.final, ctx())).toEqual([]);
    for (const [name, value] of Object.entries(golden.finalHeaders ?? {}))
      expect(last.headers.get(name)).toBe(value);
  });
});
