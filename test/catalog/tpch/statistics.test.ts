/**
 * Row counts and per-column statistics of every table at SF 0.01 (Trino's "tiny" schema),
 * against the statistics files Trino's tpch connector ships: distinct count, min, max and, for
 * varchar, the total length of the distinct values.
 */

import { TPCH_TABLES, TPCH_TABLE_NAMES, tpchRowCount } from '../../../src/catalog/connectors/tpch';
import { column, columnStatistics, generateTable, readStatistics } from './helpers';

describe.each(TPCH_TABLE_NAMES)('%s at SF 0.01', (table) => {
  const expected = readStatistics('sf0.01', table);
  const generated = generateTable(table, 0.01);

  test('row count', () => {
    expect(generated.rowCount).toBe(expected.rowCount);
    expect(tpchRowCount(table, 0.01)).toBe(expected.rowCount);
  });

  test.each(TPCH_TABLES[table].columns.map((c, i) => [c.standardName, c, i] as const))(
    '%s statistics',
    (standardName, spec, index) => {
      expect(columnStatistics(spec, generated.columns[index])).toEqual(expected.columns[standardName]);
    },
  );
});

describe('orders by status at SF 0.01', () => {
  const orders = generateTable('orders', 0.01);
  const status = column<string>(orders, 'orders', 'orderstatus');

  test.each(['F', 'O', 'P'])('o_orderstatus = %s', (value) => {
    const expected = readStatistics('sf0.01', `orders.o_orderstatus.${value}`);
    const rows = status.flatMap((s, i) => (s === value ? [i] : []));
    expect(rows.length).toBe(expected.rowCount);
    TPCH_TABLES.orders.columns.forEach((spec, c) => {
      const values = rows.map((r) => orders.columns[c][r]);
      expect([spec.standardName, columnStatistics(spec, values)]).toEqual([
        spec.standardName,
        expected.columns[spec.standardName],
      ]);
    });
  });
});
