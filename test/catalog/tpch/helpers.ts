/** Shared by the tpch generator tests: whole tables as columns, and Trino-style statistics. */

import * as fs from 'fs';
import * as path from 'path';
import {
  TPCH_TABLES,
  type TpchColumn,
  type TpchColumnData,
  type TpchTableName,
  generateTpch,
} from '../../../src/catalog/connectors/tpch';

export const CONFORMANCE = '/work/shared/conformance/tpch';

export interface Table {
  rowCount: number;
  /** One array per column: numbers for numeric, money (cents) and date columns, else strings. */
  columns: (number[] | string[])[];
}

/** Concatenates every batch of parts [firstPart..lastPart] of `partCount`. */
export function generateTable(
  table: TpchTableName,
  scaleFactor: number,
  part = 1,
  partCount = 1,
  batchSize?: number,
): Table {
  const columnCount = TPCH_TABLES[table].columns.length;
  const columns: (number[] | string[])[] = Array.from({ length: columnCount }, () => []);
  let rowCount = 0;
  for (const batch of generateTpch(table, scaleFactor, part, partCount, batchSize)) {
    expect(batch.columns).toHaveLength(columnCount);
    for (let c = 0; c < columnCount; c++) {
      const data: TpchColumnData = batch.columns[c];
      expect(data.length).toBe(batch.rowCount);
      const target = columns[c] as unknown[];
      for (let i = 0; i < batch.rowCount; i++) target.push(data[i]);
    }
    rowCount += batch.rowCount;
  }
  return { rowCount, columns };
}

export function column<T extends number | string>(table: Table, tableName: TpchTableName, name: string): T[] {
  const index = TPCH_TABLES[tableName].columns.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`no column ${name} in ${tableName}`);
  return table.columns[index] as T[];
}

export interface ColumnStatistics {
  distinctValuesCount: number;
  min: number | string;
  max: number | string;
  dataSize: number | null;
}

export interface TableStatistics {
  rowCount: number;
  columns: Record<string, ColumnStatistics>;
}

/** A statistics file of Trino's tpch connector (`{sf0.01,sf1.0}/<table>.json`). */
export function readStatistics(scaleDirectory: string, table: string): TableStatistics {
  const file = path.join(CONFORMANCE, 'trino-tpch-statistics', scaleDirectory, `${table}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as TableStatistics;
}

/**
 * What Trino's statistics files hold for one column: distinct count, min and max (money as the
 * decimal value, dates as epoch days), and for varchar the total length of the distinct values.
 */
export function columnStatistics(spec: TpchColumn, values: ArrayLike<number | string>): ColumnStatistics {
  const distinct = new Set<number | string>();
  let min = values[0];
  let max = values[0];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    distinct.add(v);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let dataSize: number | null = null;
  if (spec.kind === 'varchar') {
    dataSize = 0;
    for (const v of distinct) dataSize += (v as string).length;
  }
  const scale = (v: number | string): number | string => (spec.kind === 'money' ? (v as number) / 100 : v);
  return { distinctValuesCount: distinct.size, min: scale(min), max: scale(max), dataSize };
}

/** Days since 1970-01-01 of an ISO date. */
export function epochDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
}

export function isoDate(epochDays: number): string {
  return new Date(epochDays * 86_400_000).toISOString().slice(0, 10);
}

/** An exact decimal: `unscaled` / 10^scale, printed with all `scale` digits (as DuckDB prints). */
export function formatDecimal(unscaled: bigint | number, scale: number): string {
  let value = BigInt(unscaled);
  const negative = value < 0n;
  if (negative) value = -value;
  const digits = value.toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/**
 * Rows of an expected-answer file: `dbgen-answers/<sf>/qNN.csv` (header line) or trinodb/tpch
 * `queries/qN.result` (a `-- delimiter` line, rows sometimes ending in the delimiter). Fields
 * are split on `|`.
 */
export function readAnswer(relativePath: string): string[][] {
  const text = fs.readFileSync(path.join(CONFORMANCE, relativePath), 'utf8');
  const lines = text.split('\n').filter((line) => line.length > 0);
  const result = relativePath.endsWith('.result');
  return lines.slice(1).map((line) => (result && line.endsWith('|') ? line.slice(0, -1) : line).split('|'));
}

/** "374331.5340" and "374331.534" are the same decimal; this gives both one spelling. */
export function normalizeDecimalText(field: string): string {
  return /^-?\d+\.\d+$/.test(field) ? field.replace(/\.?0+$/, '') : field;
}

/**
 * Asserts two tables are equal, reporting the first differing cell (jest's deep equality is
 * too slow for tens of thousands of rows).
 */
export function expectSameTable(actual: Table, expected: Table): void {
  expect(actual.rowCount).toBe(expected.rowCount);
  expect(actual.columns.length).toBe(expected.columns.length);
  let firstDifference: unknown = null;
  actual.columns.forEach((values, c) => {
    const other = expected.columns[c];
    if (firstDifference !== null) return;
    if (values.length !== other.length)
      firstDifference = { column: c, length: values.length, expected: other.length };
    for (let i = 0; i < values.length && firstDifference === null; i++) {
      if (values[i] !== other[i])
        firstDifference = { column: c, row: i, value: values[i], expected: other[i] };
    }
  });
  expect(firstDifference).toBeNull();
}
