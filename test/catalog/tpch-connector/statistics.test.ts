/**
 * getTableStatistics against the statistics files of Trino's tpch connector at SF 0.01 and 1
 * (read from /work/shared/conformance by path; the connector never sees them). Row counts must
 * match exactly; so must every statistic the TPC-H specification determines. The others are
 * expectations of random draws or models, checked within the tolerances listed here (the
 * connector's tpch-statistics.ts explains each). No data is generated.
 */

import type { ColumnStatistics, Connector, TableStatistics } from '../../../src/catalog/spi';
import { connector, readStatisticsFile, session, tableHandle } from './helpers';

const TABLES = ['region', 'nation', 'supplier', 'customer', 'part', 'partsupp', 'orders', 'lineitem'];
const SCALES = [
  ['sf0.01', 'tiny'],
  ['sf1.0', 'sf1'],
] as const;

/**
 * Columns not determined exactly, with the largest relative errors allowed: `distinct` and
 * `dataSize` relative to the file's value; `range` for min and max relative to the file's
 * max − min; `value` for min and max relative to the file's value. Everything not listed here
 * (and every row count) must be equal.
 */
interface Tolerance {
  distinct?: number;
  dataSize?: number;
  range?: number;
  value?: number;
}
const APPROXIMATE: Record<string, Tolerance> = {
  // lengths uniform over 10..40: the total is rows × 25
  s_address: { dataSize: 0.015 },
  c_address: { dataSize: 0.012 },
  // five random colors: the size is distinct × the mean length
  p_name: { dataSize: 0.003 },
  // uniform balances over −999.99..9999.99: the median extreme of n draws
  s_acctbal: { distinct: 0.001, range: 0.005 },
  c_acctbal: { distinct: 0.001, range: 0.001 },
  ps_availqty: { distinct: 0.002, range: 0.001 },
  ps_supplycost: { distinct: 0.004, range: 0.001 },
  o_custkey: { distinct: 0.0001 },
  // sums of 1..7 lines: distinct from an effective domain, extremes from the tails
  o_totalprice: { distinct: 0.0001, value: 0.04 },
  // price × quantity with exact multiplicities: expected distinct values and median extremes
  l_extendedprice: { distinct: 0.001, value: 0.005 },
  // dates as sums of uniform offsets: expected distinct days and median extremes
  l_shipdate: { distinct: 0.001, range: 0.001 },
  l_commitdate: { distinct: 0.001, range: 0.001 },
  l_receiptdate: { distinct: 0.001, range: 0.001 },
  // the text-pool model (statistics/comment-text.ts)
  s_comment: { dataSize: 0.023 },
  c_comment: { distinct: 0.0001, dataSize: 0.01 },
  p_comment: { distinct: 0.02, dataSize: 0.008 },
  ps_comment: { distinct: 0.0001, dataSize: 0.005 },
  o_comment: { distinct: 0.0002, dataSize: 0.0003 },
  l_comment: { distinct: 0.018, dataSize: 0.008 },
};

/** The file's min/max as the connector reports them: dates as epoch days, money as DOUBLE. */
function fileValue(value: number | string): number {
  return typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) / 86_400_000 : value;
}

function relative(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

async function statistics(c: Connector, schema: string, table: string): Promise<TableStatistics> {
  return c.metadata.getTableStatistics!(session, await tableHandle(c, schema, table));
}

describe.each(SCALES)('statistics at %s (schema %s)', (directory, schema) => {
  const c = connector({ 'tpch.column-naming': 'STANDARD' });

  test.each(TABLES)('%s', async (table) => {
    const expected = readStatisticsFile(directory, table);
    const actual = await statistics(c, schema, table);
    expect(actual.rowCount).toBe(expected.rowCount);
    expect(Object.keys(actual.columns).sort()).toEqual(Object.keys(expected.columns).sort());
    const failures: string[] = [];
    for (const [name, file] of Object.entries(expected.columns)) {
      const stats: ColumnStatistics = actual.columns[name];
      const tolerance = APPROXIMATE[name] ?? {};
      const check = (what: string, ok: boolean, got: unknown, want: unknown): void => {
        if (!ok) failures.push(`${name}.${what}: ${String(got)}, expected ${String(want)}`);
      };
      check('nullsFraction', stats.nullsFraction === 0, stats.nullsFraction, 0);
      const distinct = stats.distinctValuesCount ?? NaN;
      check(
        'distinctValuesCount',
        tolerance.distinct === undefined
          ? distinct === file.distinctValuesCount
          : relative(distinct, file.distinctValuesCount) <= tolerance.distinct,
        distinct,
        file.distinctValuesCount,
      );
      if (file.dataSize === null) check('dataSize', stats.dataSize === undefined, stats.dataSize, undefined);
      else {
        const size = stats.dataSize ?? NaN;
        check(
          'dataSize',
          tolerance.dataSize === undefined
            ? size === file.dataSize
            : relative(size, file.dataSize) <= tolerance.dataSize,
          size,
          file.dataSize,
        );
      }
      if (typeof file.min === 'string' && file.dataSize !== null) {
        // varchar: Trino reports no range
        check('min', stats.min === undefined && stats.max === undefined, stats.min, undefined);
        continue;
      }
      const [min, max] = [fileValue(file.min), fileValue(file.max)];
      for (const [what, got, want] of [
        ['min', stats.min as number, min],
        ['max', stats.max as number, max],
      ] as const) {
        let ok = got === want;
        if (tolerance.range !== undefined) ok = Math.abs(got - want) <= tolerance.range * (max - min);
        if (tolerance.value !== undefined) ok = relative(got, want) <= tolerance.value;
        check(what, ok, got, want);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('statistics of orders after a pushed-down orderstatus filter', () => {
  const c = connector({ 'tpch.column-naming': 'STANDARD' });

  async function filtered(schema: string, statuses: string[]): Promise<TableStatistics> {
    const handle = await tableHandle(c, schema, 'orders');
    const result = await c.metadata.applyFilter!(session, handle, {
      domains: new Map([
        [
          'o_orderstatus',
          {
            type: { kind: 'varchar', length: 1 },
            ranges: statuses.map((s) => ({
              low: { value: s, inclusive: true },
              high: { value: s, inclusive: true },
            })),
            nullAllowed: false,
          },
        ],
      ]),
    });
    return c.metadata.getTableStatistics!(session, result!.handle);
  }

  // a partition is a random share of the orders: looser than the whole table at tiny
  test.each([
    ['sf0.01', 'tiny', 'F', 0.01],
    ['sf0.01', 'tiny', 'O', 0.01],
    ['sf0.01', 'tiny', 'P', 0.06],
    ['sf1.0', 'sf1', 'F', 0.002],
    ['sf1.0', 'sf1', 'O', 0.002],
    ['sf1.0', 'sf1', 'P', 0.004],
  ] as const)(
    '%s (%s), status %s: rows, dates and distinct counts',
    async (directory, schema, status, rowTolerance) => {
      const expected = readStatisticsFile(directory, `orders.o_orderstatus.${status}`);
      const actual = await filtered(schema, [status]);
      expect(relative(actual.rowCount!, expected.rowCount)).toBeLessThanOrEqual(rowTolerance);
      const date = actual.columns.o_orderdate;
      expect(
        Math.abs((date.min as number) - fileValue(expected.columns.o_orderdate.min)),
      ).toBeLessThanOrEqual(10);
      expect(
        Math.abs((date.max as number) - fileValue(expected.columns.o_orderdate.max)),
      ).toBeLessThanOrEqual(10);
      expect(
        relative(date.distinctValuesCount!, expected.columns.o_orderdate.distinctValuesCount),
      ).toBeLessThanOrEqual(0.01);
      expect(actual.columns.o_orderstatus).toMatchObject({ distinctValuesCount: 1, dataSize: 1 });
      for (const column of ['o_orderkey', 'o_custkey', 'o_totalprice', 'o_clerk', 'o_comment']) {
        expect([
          column,
          relative(
            actual.columns[column].distinctValuesCount!,
            expected.columns[column].distinctValuesCount,
          ) <=
            rowTolerance + 0.01,
        ]).toEqual([column, true]);
      }
    },
  );

  test('two statuses: rows add up; the status column has two values', async () => {
    const both = await filtered('tiny', ['F', 'P']);
    const f = await filtered('tiny', ['F']);
    const p = await filtered('tiny', ['P']);
    expect(Math.abs(both.rowCount! - (f.rowCount! + p.rowCount!))).toBeLessThanOrEqual(1);
    expect(both.columns.o_orderstatus.distinctValuesCount).toBe(2);
  });

  test('no status at all: no rows', async () => {
    const none = await filtered('tiny', []);
    expect(none.rowCount).toBe(0);
    expect(none.columns.o_orderkey.distinctValuesCount).toBe(0);
  });
});

describe('statistics through the SPI', () => {
  test('money follows the type mapping: DOUBLE dollars or DECIMAL(12,2) cents', async () => {
    const asDouble = await statistics(connector(), 'tiny', 'part');
    const asDecimal = await statistics(connector({ 'tpch.double-type-mapping': 'DECIMAL' }), 'tiny', 'part');
    expect(asDouble.columns.retailprice).toMatchObject({ min: 901, max: 1900.99, distinctValuesCount: 1099 });
    expect(asDecimal.columns.retailprice).toMatchObject({
      min: 90100,
      max: 190099,
      distinctValuesCount: 1099,
    });
  });

  test('columns are named as configured; row_number has none; varchar has size and no range', async () => {
    const stats = await statistics(connector(), 'tiny', 'orders');
    expect(Object.keys(stats.columns)).toEqual([
      'orderkey',
      'custkey',
      'orderstatus',
      'totalprice',
      'orderdate',
      'orderpriority',
      'clerk',
      'shippriority',
      'comment',
    ]);
    expect(stats.columns.clerk).toEqual({ distinctValuesCount: 1000, nullsFraction: 0, dataSize: 15000 });
  });

  test.each(['sf0.1', 'sf10', 'sf100', 'sf3000', 'sf100000'])(
    '%s: every table has sane statistics',
    async (schema) => {
      const c = connector();
      for (const table of TABLES) {
        const stats = await statistics(c, schema, table);
        expect(stats.rowCount).toBeGreaterThan(0);
        for (const [name, column] of Object.entries(stats.columns)) {
          const d = column.distinctValuesCount!;
          expect([table, name, Number.isInteger(d) && d >= 1 && d <= stats.rowCount!]).toEqual([
            table,
            name,
            true,
          ]);
          if (column.min !== undefined)
            expect([table, name, (column.min as number) <= (column.max as number)]).toEqual([
              table,
              name,
              true,
            ]);
          if (column.dataSize !== undefined)
            expect([table, name, column.dataSize >= d]).toEqual([table, name, true]);
        }
      }
    },
  );

  test('row counts scale with the factor: exact for scaled tables, 4 × orders for a huge lineitem', async () => {
    const c = connector();
    expect((await statistics(c, 'sf100', 'orders')).rowCount).toBe(150_000_000);
    expect((await statistics(c, 'sf100', 'partsupp')).rowCount).toBe(80_000_000);
    expect((await statistics(c, 'sf100', 'nation')).rowCount).toBe(25);
    expect((await statistics(c, 'sf1000', 'lineitem')).rowCount).toBe(6_000_000_000);
    expect((await statistics(c, 'sf0.1', 'lineitem')).rowCount).toBe(600_572);
  });
});
