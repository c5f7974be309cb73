/**
 * Splits: parts 1..n of a table, concatenated, are the table — the random streams jump to a
 * part's first row instead of generating the rows before it — and batch size changes nothing.
 */

import { TPCH_TABLE_NAMES, generateTpch, tpchRowCount } from '../../../src/catalog/connectors/tpch';
import { type Table, expectSameTable, generateTable } from './helpers';

function concat(parts: Table[]): Table {
  return {
    rowCount: parts.reduce((n, p) => n + p.rowCount, 0),
    columns: parts[0].columns.map(
      (_, c) => parts.flatMap((p) => p.columns[c] as unknown[]) as number[] | string[],
    ),
  };
}

describe.each(TPCH_TABLE_NAMES)('%s', (table) => {
  const whole = generateTable(table, 0.01);

  test.each([3, 7])('parts 1..%i concatenated equal the table', (partCount) => {
    const parts = Array.from({ length: partCount }, (_, i) => generateTable(table, 0.01, i + 1, partCount));
    parts.forEach((part, i) => expect(tpchRowCount(table, 0.01, i + 1, partCount)).toBe(part.rowCount));
    expectSameTable(concat(parts), whole);
  });

  test('batch size does not change the rows', () => {
    expectSameTable(generateTable(table, 0.01, 1, 1, 1000), whole);
  });
});

test('batches hold at most batchSize rows and only the last is short', () => {
  const sizes = [...generateTpch('lineitem', 0.01, 2, 3, 4096)].map((b) => b.rowCount);
  expect(sizes.slice(0, -1).every((n) => n === 4096)).toBe(true);
  expect(sizes[sizes.length - 1]).toBeGreaterThan(0);
  expect(sizes[sizes.length - 1]).toBeLessThanOrEqual(4096);
});

test('nation and region are whole in part 1 and empty elsewhere, as in Trino', () => {
  expect(tpchRowCount('nation', 0.01, 1, 4)).toBe(25);
  expect(tpchRowCount('region', 1, 2, 4)).toBe(0);
  expect([...generateTpch('nation', 1, 3, 4)]).toEqual([]);
});

test('a split of SF 1 starts exactly where the whole table has that row', () => {
  // part 6 of 7 of SF 1 orders starts at order index 6/7 × 1,500,000 (rounded down per part)
  const start = Math.floor(1_500_000 / 7) * 5;
  const [split] = generateTpch('orders', 1, 6, 7, 50);
  let seen = 0;
  for (const batch of generateTpch('orders', 1, 1, 1, 8192)) {
    if (seen + batch.rowCount > start) {
      const offset = start - seen;
      batch.columns.forEach((column, c) => {
        expect(Array.from(column.slice(offset, offset + 50) as ArrayLike<unknown>)).toEqual(
          Array.from(split.columns[c] as ArrayLike<unknown>),
        );
      });
      break;
    }
    seen += batch.rowCount;
  }
});
