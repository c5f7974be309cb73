/**
 * TPC-H at tiny (sf0.01): the Trino benchmark query texts run on the tpch catalog and are
 * compared with the answers computed by DuckDB over official dbgen data
 * (../shared/conformance/tpch/dbgen-answers/sf0.01). Text and dates compare exactly, DECIMAL sums
 * exactly; doubles within 1e-9 relative; `avg` over DECIMAL rounds to the input's scale in
 * Trino, so it is compared within half a unit of that scale.
 */
import {
  readTpchAnswer,
  readTpchQuery,
  substituteBenchmarkPlaceholders,
} from '../../conformance/tpch-answers';
import { createLocalEngine, type LocalEngine } from '../../src';
import { castToVarchar, parseType } from '../../src/types';

const MODES = ['DECIMAL', 'DOUBLE'] as const;
const QUERIES = Array.from({ length: 22 }, (_, i) => i + 1);

function render(value: unknown, type: string): string {
  if (value === null) return 'NULL';
  const t = parseType(type);
  if (t.kind === 'double' || t.kind === 'real') return String(value);
  return castToVarchar(value, t, undefined) as string;
}

function matches(actual: string, expected: string, type: string, column: string): boolean {
  if (actual === expected) return true;
  const a = Number(actual);
  const e = Number(expected);
  if (Number.isNaN(a) || Number.isNaN(e)) return false;
  const t = parseType(type);
  if (t.kind === 'decimal') {
    // Exact to the result's scale: sums are exact; averages and quotients are rounded by Trino to
    // the scale of their decimal type, while the answers hold the full-precision double.
    void column;
    return Math.abs(a - e) <= 0.5 * 10 ** -t.scale * (1 + 1e-9);
  }
  return Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e));
}

describe.each(MODES)('TPC-H tiny, %s money', (mode) => {
  let engine: LocalEngine;
  beforeAll(() => {
    engine = createLocalEngine({
      catalogs: [
        { name: 'tpch', properties: { 'connector.name': 'tpch', 'tpch.double-type-mapping': mode } },
      ],
    });
  });
  afterAll(() => engine.close());

  test.each(QUERIES)('q%i matches the dbgen answer', async (q) => {
    // ${scale} only appears in q11 (FRACTION = 0.0001 / SF); the dbgen answers were computed with the
    // spec's literal FRACTION 0.0001, which is the benchmark text with scale 1
    const text = substituteBenchmarkPlaceholders(readTpchQuery('trino-benchmark', q).text, {
      catalog: 'tpch',
      schema: 'tiny',
      scale: 1,
    });
    const sql = text.trim().replace(/;\s*$/, '');
    const result = await engine.query(sql);
    const expected = readTpchAnswer(q, 0.01);
    expect(result.rows.length).toBe(expected.rows.length);
    const mismatches: string[] = [];
    result.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const actual = render(value, result.columns[c].type);
        const want = expected.rows[r][c] === null ? 'NULL' : String(expected.rows[r][c]);
        if (!matches(actual, want, result.columns[c].type, expected.columns[c]))
          mismatches.push(`row ${r + 1} ${expected.columns[c]}: ${actual} ≠ ${want}`);
      });
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
