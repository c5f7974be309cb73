/**
 * The parser against SQL nobody here wrote: every TPC-H query text (four sets), every Trino
 * product-test query, and every statement of the SQLite select1–5 sqllogictest files parse, and
 * each parsed statement survives format → parse unchanged. Counts are printed; what does not
 * parse is listed with its reason. Other sqllogictest files (evidence, random, DuckDB) are
 * SQLite/DuckDB dialects: their parse counts are recorded and must not drop.
 */
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { listCorpusSql, type CorpusSql, type CorpusSqlSource } from '../../conformance/corpus-sql';
import { formatStatement, parseStatement, stripLocations, SqlSyntaxError } from '../../src/sql';

interface Outcome {
  item: CorpusSql;
  error?: string;
  roundTripError?: string;
}

function check(item: CorpusSql): Outcome {
  let ast;
  try {
    ast = parseStatement(item.sql);
  } catch (e) {
    if (!(e instanceof SqlSyntaxError)) throw e;
    return { item, error: e.message };
  }
  const formatted = formatStatement(ast);
  try {
    const again = parseStatement(formatted);
    if (!isDeepStrictEqual(stripLocations(again), stripLocations(ast))) {
      return { item, roundTripError: `re-parsed tree differs: ${formatted}` };
    }
  } catch (e) {
    return { item, roundTripError: `formatted text does not parse: ${(e as Error).message}: ${formatted}` };
  }
  return { item };
}

const all = listCorpusSql();
const outcomes = all.map(check);
const bySource = (source: CorpusSqlSource, filter: (o: Outcome) => boolean = () => true) =>
  outcomes.filter((o) => o.item.source === source && filter(o));
const isSelectFile = (o: Outcome) => /\/select[1-5]\.test$/.test(o.item.file);
const where = (o: Outcome) => `${path.basename(o.item.file)}:${o.item.line}`;

function report(name: string, list: Outcome[]): { parsed: number; total: number } {
  const failed = list.filter((o) => o.error);
  const parsed = list.length - failed.length;
  const lines = [`${name}: ${parsed}/${list.length} parse`];
  for (const o of failed.slice(0, 15))
    lines.push(`  ${where(o)}: ${o.error} — ${o.item.sql.replace(/\s+/g, ' ').slice(0, 100)}`);
  if (failed.length > 15) lines.push(`  … and ${failed.length - 15} more`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return { parsed, total: list.length };
}

describe('corpus parses', () => {
  test.each(['tpch-duckdb', 'tpch-trinodb', 'tpch-benchmark', 'tpch-qgen'] as const)(
    'TPC-H query set %s: all parse',
    (source) => {
      const list = bySource(source);
      report(source, list);
      expect(list.length).toBeGreaterThanOrEqual(22);
      expect(list.filter((o) => o.error).map((o) => `${where(o)}: ${o.error}`)).toEqual([]);
    },
  );

  test('Trino product tests: all parse', () => {
    const list = bySource('product-test');
    report('product-test', list);
    expect(list.length).toBeGreaterThan(200);
    expect(list.filter((o) => o.error).map((o) => `${where(o)}: ${o.error}`)).toEqual([]);
  });

  test('sqllogictest select1–5: every statement parses', () => {
    const list = bySource('sqlite-slt', isSelectFile);
    report('sqlite select1-5', list);
    expect(list.length).toBeGreaterThan(5000);
    expect(list.filter((o) => o.error).map((o) => `${where(o)}: ${o.error}`)).toEqual([]);
  });

  // Recorded counts for the SQLite- and DuckDB-dialect files: what they use beyond Trino's grammar
  // (e.g. `CREATE INDEX`, `INSERT OR REPLACE`, empty IN lists) is listed, and the count may only rise.
  test.each([
    ['sqlite-slt (other files)', 'sqlite-slt', (o: Outcome) => !isSelectFile(o), 20958],
    ['duckdb-slt', 'duckdb-slt', () => true, 1816],
  ] as const)('%s: parse count does not drop', (name, source, filter, baseline) => {
    const { parsed } = report(name, bySource(source, filter));
    expect(parsed).toBeGreaterThanOrEqual(baseline);
  });
});

describe('round trip: parse(format(parse(q))) equals parse(q)', () => {
  test.each([
    'tpch-duckdb',
    'tpch-trinodb',
    'tpch-benchmark',
    'tpch-qgen',
    'product-test',
    'sqlite-slt',
    'duckdb-slt',
  ] as const)('%s', (source) => {
    const failures = bySource(source, (o) => !o.error && o.roundTripError !== undefined);
    expect(failures.map((o) => `${where(o)}: ${o.roundTripError}`)).toEqual([]);
  });
});
