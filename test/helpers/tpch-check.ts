/**
 * Checking TPC-H results against the dbgen answers (../shared/conformance/tpch/dbgen-answers):
 * text and dates exactly, DECIMAL sums exactly; doubles within 1e-9 relative; `avg` and quotients
 * over DECIMAL are rounded by Trino to their type's scale while the answers hold the
 * full-precision double, so decimals compare within half a unit of the scale.
 */
import {
  type TpchScaleFactor,
  readTpchAnswer,
  readTpchQuery,
  substituteBenchmarkPlaceholders,
} from '../../conformance/tpch-answers';
import { castToVarchar, parseType } from '../../src/types';

export const TPCH_QUERIES = Array.from({ length: 22 }, (_, i) => i + 1);

/** The Trino benchmark text of query q over `catalog.schema`, without its trailing semicolon. */
export function tpchQuery(q: number, schema: string, catalog = 'tpch'): string {
  // ${scale} only appears in q11 (FRACTION = 0.0001 / SF); the dbgen answers were computed with
  // the spec's literal FRACTION 0.0001, which is the benchmark text with scale 1
  const text = substituteBenchmarkPlaceholders(readTpchQuery('trino-benchmark', q).text, {
    catalog,
    schema,
    scale: 1,
  });
  return text.trim().replace(/;\s*$/, '');
}

/** The Trino benchmark text of query q over tpch.tiny. */
export function tpchTinyQuery(q: number): string {
  return tpchQuery(q, 'tiny');
}

/** An engine value (src/types/values.ts) as the answers write it. */
export function renderEngineValue(value: unknown, type: string): string {
  if (value === null) return 'NULL';
  const t = parseType(type);
  if (t.kind === 'double' || t.kind === 'real') return String(value);
  return castToVarchar(value, t, undefined) as string;
}

/** A value of the Trino client protocol's JSON (decimals and dates are already text). */
export function renderProtocolValue(value: unknown): string {
  return value === null ? 'NULL' : String(value);
}

function matches(actual: string, expected: string, type: string): boolean {
  if (actual === expected) return true;
  const a = Number(actual);
  const e = Number(expected);
  if (Number.isNaN(a) || Number.isNaN(e)) return false;
  const t = parseType(type);
  if (t.kind === 'decimal') return Math.abs(a - e) <= 0.5 * 10 ** -t.scale * (1 + 1e-9);
  return Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e));
}

type Render = (value: unknown, type: string) => string;

/**
 * The spec's row limit where the Trino benchmark text has none: q2 is `LIMIT 100` in TPC-H, and the
 * dbgen answers hold those 100 rows (at tiny the query returns fewer anyway).
 */
const SPEC_ROW_LIMITS: Readonly<Record<number, number>> = { 2: 100 };

/** Differences between a result and the sf0.01 answer of query q (at most 10, plus row count). */
export function tpchTinyMismatches(
  q: number,
  columnTypes: readonly string[],
  rows: readonly (readonly unknown[])[],
  render: Render,
): string[] {
  return tpchMismatches(q, 0.01, columnTypes, rows, render);
}

/** Differences between a result and the dbgen answer of query q at scale factor 0.01, 0.1 or 1. */
export function tpchMismatches(
  q: number,
  scaleFactor: TpchScaleFactor | number,
  columnTypes: readonly string[],
  rows: readonly (readonly unknown[])[],
  render: Render,
): string[] {
  const expected = readTpchAnswer(q, scaleFactor);
  const compared = rows.slice(0, SPEC_ROW_LIMITS[q] ?? rows.length);
  const mismatches: string[] = [];
  if (compared.length !== expected.rows.length)
    mismatches.push(`${compared.length} rows, expected ${expected.rows.length}`);
  compared.forEach((row, r) =>
    row.forEach((value, c) => {
      if (r >= expected.rows.length) return;
      const actual = render(value, columnTypes[c]);
      const want = expected.rows[r][c] === null ? 'NULL' : String(expected.rows[r][c]);
      if (!matches(actual, want, columnTypes[c]))
        mismatches.push(`row ${r + 1} ${expected.columns[c]}: ${actual} ≠ ${want}`);
    }),
  );
  return mismatches.slice(0, 10);
}
