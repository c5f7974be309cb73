/**
 * SF 1 checks, too slow for the default run (about a minute and a few GB of heap): row counts
 * and per-column statistics of every table against Trino's sf1.0 statistics files, Q1, Q6 and
 * Q13 against the SF 1 answers, and generation time. A long suite (`*.long.test.ts`), left out of
 * `npm test`; run it with `npm run test:long`.
 */

import {
  TPCH_TABLES,
  TPCH_TABLE_NAMES,
  TextPool,
  type TpchTableName,
  generateTpch,
  tpchRowCount,
} from '../../../src/catalog/connectors/tpch';
import { type ColumnStatistics, readAnswer, readStatistics } from './helpers';
import { q1, q6 } from './tpch-queries';

const TIMEOUT = 10 * 60 * 1000;

/** Streams a table once, keeping per column the distinct values, min and max. */
function tableStatistics(table: TpchTableName): {
  rowCount: number;
  columns: ColumnStatistics[];
  millis: number;
} {
  const specs = TPCH_TABLES[table].columns;
  const distinct = specs.map(() => new Set<number | string>());
  const min: (number | string)[] = [];
  const max: (number | string)[] = [];
  let rowCount = 0;
  const started = Date.now();
  for (const batch of generateTpch(table, 1)) {
    batch.columns.forEach((values, c) => {
      const set = distinct[c];
      for (let i = 0; i < batch.rowCount; i++) {
        const v = values[i];
        set.add(v);
        if (min[c] === undefined || v < min[c]) min[c] = v;
        if (max[c] === undefined || v > max[c]) max[c] = v;
      }
    });
    rowCount += batch.rowCount;
  }
  const columns = specs.map((spec, c) => {
    const scale = (v: number | string): number | string => (spec.kind === 'money' ? (v as number) / 100 : v);
    let dataSize: number | null = null;
    if (spec.kind === 'varchar') {
      dataSize = 0;
      for (const v of distinct[c]) dataSize += (v as string).length;
    }
    return { distinctValuesCount: distinct[c].size, min: scale(min[c]), max: scale(max[c]), dataSize };
  });
  return { rowCount, columns, millis: Date.now() - started };
}

describe('SF 1', () => {
  test(
    'generation time',
    () => {
      const poolStarted = Date.now();
      TextPool.get();
      const timings = [`text pool: built in ${Date.now() - poolStarted} ms`];
      for (const table of ['lineitem', 'orders', 'partsupp', 'part', 'customer', 'supplier'] as const) {
        const started = Date.now();
        let rows = 0;
        for (const batch of generateTpch(table, 1)) rows += batch.rowCount;
        timings.push(`${table}: ${rows} rows in ${Date.now() - started} ms`);
      }
      console.log(`SF 1 generation:\n${timings.join('\n')}`);
    },
    TIMEOUT,
  );

  test.each(TPCH_TABLE_NAMES)(
    '%s statistics',
    (table) => {
      const expected = readStatistics('sf1.0', table);
      const actual = tableStatistics(table);
      console.log(`${table}: ${actual.rowCount} rows generated and measured in ${actual.millis} ms`);
      expect(actual.rowCount).toBe(expected.rowCount);
      expect(tpchRowCount(table, 1)).toBe(expected.rowCount);
      const byName = Object.fromEntries(
        TPCH_TABLES[table].columns.map((c, i) => [c.standardName, actual.columns[i]]),
      );
      expect(byName).toEqual(expected.columns);
    },
    TIMEOUT,
  );

  test(
    'Q1 and Q6',
    () => {
      const expected = readAnswer('dbgen-answers/sf1/q01.csv');
      const actual = q1(1);
      expect(actual.map((row) => [...row.slice(0, 6), row[9]])).toEqual(
        expected.map((row) => [...row.slice(0, 6), row[9]]),
      );
      actual.forEach((row, r) => {
        for (const c of [6, 7, 8]) expect(Number(row[c])).toBeCloseTo(Number(expected[r][c]), 9);
      });
      expect(q6(1)).toEqual(readAnswer('dbgen-answers/sf1/q06.csv'));
    },
    TIMEOUT,
  );

  test(
    'Q13 (every order comment)',
    () => {
      const special = /special.*requests/s;
      const counts = new Int32Array(tpchRowCount('customer', 1));
      for (const batch of generateTpch('orders', 1)) {
        const custKey = batch.columns[1] as Float64Array;
        const comment = batch.columns[8] as string[];
        for (let i = 0; i < batch.rowCount; i++) if (!special.test(comment[i])) counts[custKey[i] - 1]++;
      }
      const byCount = new Map<number, number>();
      for (const count of counts) byCount.set(count, (byCount.get(count) ?? 0) + 1);
      const actual = [...byCount.entries()]
        .sort(([ca, na], [cb, nb]) => nb - na || cb - ca)
        .map(([count, customers]) => [String(count), String(customers)]);
      expect(actual).toEqual(readAnswer('dbgen-answers/sf1/q13.csv'));
    },
    TIMEOUT,
  );
});
