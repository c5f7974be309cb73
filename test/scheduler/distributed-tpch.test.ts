/**
 * TPC-H tiny through every distribution shape: partitioned joins over 3 hash partitions, forced
 * broadcast joins, and a single task per stage. The answers must equal the dbgen answers however
 * the plan is cut into fragments and tasks.
 */
import {
  readTpchAnswer,
  readTpchQuery,
  substituteBenchmarkPlaceholders,
} from '../../conformance/tpch-answers';
import { createLocalEngine, type LocalEngine } from '../../src';
import { castToVarchar, parseType } from '../../src/types';

const SETTINGS = [
  { hash_partition_count: '3', join_distribution_type: 'PARTITIONED', money: 'DECIMAL' },
  { hash_partition_count: '2', join_distribution_type: 'BROADCAST', money: 'DECIMAL' },
  { hash_partition_count: '1', join_distribution_type: 'AUTOMATIC', money: 'DECIMAL' },
  // doubles: q15 compares sums computed twice, which must agree bit for bit across tasks
  { hash_partition_count: '4', join_distribution_type: 'PARTITIONED', money: 'DOUBLE' },
] as const;
const QUERIES = Array.from({ length: 22 }, (_, i) => i + 1);

function render(value: unknown, type: string): string {
  if (value === null) return 'NULL';
  const t = parseType(type);
  if (t.kind === 'double' || t.kind === 'real') return String(value);
  return castToVarchar(value, t, undefined) as string;
}

function matches(actual: string, expected: string, type: string): boolean {
  if (actual === expected) return true;
  const a = Number(actual);
  const e = Number(expected);
  if (Number.isNaN(a) || Number.isNaN(e)) return false;
  const t = parseType(type);
  // decimal averages are rounded to their scale by Trino; the answers hold full-precision doubles
  if (t.kind === 'decimal') return Math.abs(a - e) <= 0.5 * 10 ** -t.scale * (1 + 1e-9);
  return Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e));
}

describe.each(SETTINGS)('TPC-H tiny with %o', ({ money, ...properties }) => {
  let engine: LocalEngine;
  beforeAll(() => {
    engine = createLocalEngine({
      catalogs: [
        { name: 'tpch', properties: { 'connector.name': 'tpch', 'tpch.double-type-mapping': money } },
      ],
      session: { systemProperties: { ...properties } },
      splitsPerScan: 5,
    });
  });
  afterAll(() => engine.close());

  test.each(QUERIES)('q%i matches the dbgen answer', async (q) => {
    const text = substituteBenchmarkPlaceholders(readTpchQuery('trino-benchmark', q).text, {
      catalog: 'tpch',
      schema: 'tiny',
      scale: 1,
    });
    const result = await engine.query(text.trim().replace(/;\s*$/, ''));
    const expected = readTpchAnswer(q, 0.01);
    expect(result.rows.length).toBe(expected.rows.length);
    const mismatches: string[] = [];
    result.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const actual = render(value, result.columns[c].type);
        const want = expected.rows[r][c] === null ? 'NULL' : String(expected.rows[r][c]);
        if (!matches(actual, want, result.columns[c].type))
          mismatches.push(`row ${r + 1} ${expected.columns[c]}: ${actual} ≠ ${want}`);
      }),
    );
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
