/**
 * Reading tpch tables through the SPI (factory → metadata → splits → page sources) at tiny:
 * row counts, requested columns in order, block forms, money as DOUBLE and as DECIMAL(12,2),
 * splits that partition a table, row_number, page sizes, pushed-down filters, and two TPC-H
 * answers computed from the pages.
 */

import { TPCH_TABLES, type TpchTableName, generateTpch } from '../../../src/catalog/connectors/tpch';
import { valueAt } from '../../../src/execution/block';
import { parseDate } from '../../../src/types';
import {
  columnHandles,
  connector,
  readSplit,
  readStatisticsFile,
  scan,
  session,
  tableHandle,
} from './helpers';

const TABLES: TpchTableName[] = [
  'region',
  'nation',
  'supplier',
  'customer',
  'part',
  'partsupp',
  'orders',
  'lineitem',
];

/** The first `count` rows of a generator column, as the generator has them. */
function generated(table: TpchTableName, standardName: string, count: number): unknown[] {
  const index = TPCH_TABLES[table].columns.findIndex((c) => c.standardName === standardName);
  const out: unknown[] = [];
  for (const batch of generateTpch(table, 0.01)) {
    const column = batch.columns[index];
    for (let i = 0; i < batch.rowCount && out.length < count; i++) out.push(column[i]);
    if (out.length >= count) break;
  }
  return out;
}

describe('row counts at tiny equal the statistics files', () => {
  test.each(TABLES)('%s, one column, over 1 and 5 splits', async (table) => {
    const expected = readStatisticsFile('sf0.01', table).rowCount;
    const c = connector();
    const first = TPCH_TABLES[table].columns[0].name;
    expect((await scan(c, 'tiny', table, [first], 1)).rowCount).toBe(expected);
    expect((await scan(c, 'tiny', table, [first], 5)).rowCount).toBe(expected);
  });

  test.each(TABLES)('%s, no column (count(*)), over 3 splits', async (table) => {
    const result = await scan(connector(), 'tiny', table, [], 3);
    expect(result.rowCount).toBe(readStatisticsFile('sf0.01', table).rowCount);
    expect(result.pages.every((p) => p.blocks.length === 0)).toBe(true);
  });
});

describe('pages', () => {
  test('carry exactly the requested columns, in the requested order, repeats included', async () => {
    const names = [
      'comment',
      'orderdate',
      'orderkey',
      'totalprice',
      'orderstatus',
      'shippriority',
      'orderkey',
    ];
    const result = await scan(connector(), 'tiny', 'orders', names);
    expect(result.rowCount).toBe(15000);
    const first = result.pages[0];
    expect(first.blocks.map((b) => b.kind)).toEqual([
      'value',
      'number',
      'number',
      'number',
      'value',
      'number',
      'number',
    ]);
    expect(result.columns[0].slice(0, 50)).toEqual(generated('orders', 'o_comment', 50));
    expect(result.columns[1].slice(0, 50)).toEqual(generated('orders', 'o_orderdate', 50));
    expect(result.columns[2].slice(0, 50)).toEqual(generated('orders', 'o_orderkey', 50));
    expect(result.columns[3].slice(0, 50)).toEqual(
      (generated('orders', 'o_totalprice', 50) as number[]).map((cents) => cents / 100),
    );
    expect(result.columns[4].slice(0, 50)).toEqual(generated('orders', 'o_orderstatus', 50));
    expect(new Set(result.columns[5])).toEqual(new Set([0]));
    expect(result.columns[6]).toEqual(result.columns[2]);
  });

  test('first order of tiny is the one Trino shows', async () => {
    const result = await scan(connector(), 'tiny', 'orders', [
      'orderkey',
      'custkey',
      'orderstatus',
      'totalprice',
      'orderdate',
      'orderpriority',
      'clerk',
    ]);
    expect(result.columns.map((col) => col[0])).toEqual([
      1,
      370,
      'O',
      172799.49,
      parseDate('1996-01-02'),
      '5-LOW',
      'Clerk#000000951',
    ]);
  });

  test('DECIMAL(12,2) gives unscaled cents; DOUBLE gives the same values divided by 100', async () => {
    const names = ['quantity', 'extendedprice', 'discount', 'tax'];
    const asDouble = await scan(connector(), 'tiny', 'lineitem', names, 2);
    const asDecimal = await scan(
      connector({ 'tpch.double-type-mapping': 'DECIMAL' }),
      'tiny',
      'lineitem',
      names,
      2,
    );
    expect(asDecimal.rowCount).toBe(60175);
    for (let c = 0; c < names.length; c++) {
      const cents = asDecimal.columns[c] as number[];
      const dollars = asDouble.columns[c] as number[];
      expect(cents.every((v) => Number.isInteger(v))).toBe(true);
      expect(dollars.every((v, i) => v === cents[i] / 100)).toBe(true);
    }
    expect(Math.min(...(asDecimal.columns[2] as number[]))).toBe(0);
    expect(Math.max(...(asDecimal.columns[2] as number[]))).toBe(10);
    expect(Math.max(...(asDouble.columns[0] as number[]))).toBe(50);
  });

  test('number blocks hold Float64Arrays without nulls, value blocks hold strings', async () => {
    const result = await scan(connector(), 'tiny', 'lineitem', ['shipdate', 'linenumber', 'shipmode']);
    for (const p of result.pages) {
      const [dates, lines, modes] = p.blocks;
      expect(dates.kind === 'number' && dates.values instanceof Float64Array && dates.nulls === null).toBe(
        true,
      );
      expect(lines.kind === 'number' && lines.nulls === null).toBe(true);
      expect(modes.kind === 'value' && modes.values.every((v) => typeof v === 'string')).toBe(true);
    }
  });

  test('pages hold at most tpch.max-rows-per-page rows', async () => {
    const result = await scan(connector({ 'tpch.max-rows-per-page': '1000' }), 'tiny', 'customer', [
      'custkey',
    ]);
    expect(result.rowCount).toBe(1500);
    expect(result.pages.map((p) => p.positionCount)).toEqual([1000, 500]);
  });
});

describe('splits partition a table', () => {
  test.each(['orders', 'lineitem', 'partsupp', 'customer'] as const)(
    '%s: 4 splits concatenated are the table',
    async (table) => {
      const c = connector({ 'tpch.column-naming': 'STANDARD' });
      const names = TPCH_TABLES[table].columns
        .filter((_, i) => i < 2 || i === TPCH_TABLES[table].columns.length - 1)
        .map((col) => col.standardName);
      const whole = await scan(c, 'tiny', table, names, 1);
      const parts = await scan(c, 'tiny', table, names, 4);
      expect(parts.rowCount).toBe(whole.rowCount);
      expect(parts.columns).toEqual(whole.columns);
    },
  );

  test('split 1 of 4 starts with the first rows of the table', async () => {
    const c = connector();
    const handle = await tableHandle(c, 'tiny', 'lineitem');
    const columns = await columnHandles(c, handle, ['orderkey', 'linenumber', 'comment']);
    const [first] = await c.splitManager.getSplits(session, handle, 4);
    const pages = await readSplit(c, handle, first, columns);
    expect(pages[0].blocks.map((b) => [0, 1, 2].map((i) => valueAt(b, i)))).toEqual([
      generated('lineitem', 'l_orderkey', 3),
      generated('lineitem', 'l_linenumber', 3),
      generated('lineitem', 'l_comment', 3),
    ]);
  });

  test.each(['nation', 'region'] as const)('%s: split 1 holds every row, the others none', async (table) => {
    const c = connector();
    const handle = await tableHandle(c, 'tiny', table);
    const columns = await columnHandles(c, handle, ['name']);
    const splits = await c.splitManager.getSplits(session, handle, 3);
    const counts = [];
    for (const split of splits)
      counts.push((await readSplit(c, handle, split, columns)).reduce((n, p) => n + p.positionCount, 0));
    expect(counts).toEqual([table === 'nation' ? 25 : 5, 0, 0]);
  });
});

describe('row_number', () => {
  test('nation and region count from 0; supplier, customer and part use the key', async () => {
    const c = connector();
    for (const [table, key] of [
      ['nation', 'nationkey'],
      ['region', 'regionkey'],
      ['supplier', 'suppkey'],
      ['customer', 'custkey'],
      ['part', 'partkey'],
    ] as const) {
      const result = await scan(c, 'tiny', table, ['row_number', key], 2);
      expect(result.columns[0]).toEqual(result.columns[1]);
    }
    expect((await scan(c, 'tiny', 'nation', ['row_number'])).columns[0].slice(0, 3)).toEqual([0, 1, 2]);
  });

  test("orders count 1..N; lineitem repeats its order's number; partsupp its part key", async () => {
    const c = connector();
    const orders = await scan(c, 'tiny', 'orders', ['row_number', 'orderkey'], 3);
    expect(orders.columns[0]).toEqual(Array.from({ length: 15000 }, (_, i) => i + 1));
    const rowByKey = new Map(orders.columns[1].map((key, i) => [key, orders.columns[0][i]]));
    const lines = await scan(c, 'tiny', 'lineitem', ['orderkey', 'row_number'], 3);
    expect(lines.columns[1].every((n, i) => n === rowByKey.get(lines.columns[0][i]))).toBe(true);
    const partsupp = await scan(c, 'tiny', 'partsupp', ['row_number', 'partkey']);
    expect(partsupp.columns[0]).toEqual(partsupp.columns[1]);
  });
});

describe('TPC-H answers from the pages (tiny)', () => {
  test('Q6 revenue is 1193053.2253, exactly, from DECIMAL cents', async () => {
    const result = await scan(
      connector({ 'tpch.double-type-mapping': 'DECIMAL' }),
      'tiny',
      'lineitem',
      ['shipdate', 'discount', 'quantity', 'extendedprice'],
      3,
    );
    const [shipdate, discount, quantity, price] = result.columns as number[][];
    const from = parseDate('1994-01-01');
    const to = parseDate('1995-01-01');
    let revenue = 0n;
    for (let i = 0; i < result.rowCount; i++) {
      if (
        shipdate[i] >= from &&
        shipdate[i] < to &&
        discount[i] >= 5 &&
        discount[i] <= 7 &&
        quantity[i] < 2400
      ) {
        revenue += BigInt(price[i]) * BigInt(discount[i]);
      }
    }
    expect(revenue).toBe(11930532253n);
  });

  test('Q1 group A|F: 380456 units, 532348211.65 base price, 14876 lines', async () => {
    const result = await scan(
      connector({ 'tpch.double-type-mapping': 'DECIMAL' }),
      'tiny',
      'lineitem',
      ['returnflag', 'linestatus', 'shipdate', 'quantity', 'extendedprice'],
      2,
    );
    const [flag, status, shipdate, quantity, price] = result.columns as [
      string[],
      string[],
      number[],
      number[],
      number[],
    ];
    const until = parseDate('1998-12-01') - 90;
    let units = 0;
    let base = 0;
    let count = 0;
    for (let i = 0; i < result.rowCount; i++) {
      if (flag[i] === 'A' && status[i] === 'F' && shipdate[i] <= until) {
        units += quantity[i];
        base += price[i];
        count++;
      }
    }
    expect([units / 100, base, count]).toEqual([380456, 53234821165, 14876]);
  });
});

describe('pushed-down filters', () => {
  test('orders restricted to orderstatus P return only those rows', async () => {
    const c = connector();
    const handle = await tableHandle(c, 'tiny', 'orders');
    const result = await c.metadata.applyFilter!(session, handle, {
      domains: new Map([
        [
          'orderstatus',
          {
            type: { kind: 'varchar', length: 1 },
            ranges: [{ low: { value: 'P', inclusive: true }, high: { value: 'P', inclusive: true } }],
            nullAllowed: false,
          },
        ],
      ]),
    });
    expect(result).toBeDefined();
    const rows = await scan(c, 'tiny', 'orders', ['orderkey', 'orderstatus'], 4, result!.handle);
    expect(rows.rowCount).toBe(readStatisticsFile('sf0.01', 'orders.o_orderstatus.P').rowCount);
    expect(new Set(rows.columns[1])).toEqual(new Set(['P']));
  });

  test('part restricted to two containers and types between two bounds', async () => {
    const c = connector();
    const handle = await tableHandle(c, 'tiny', 'part');
    const varchar = { kind: 'varchar', length: 10 } as const;
    const result = await c.metadata.applyFilter!(session, handle, {
      domains: new Map([
        [
          'container',
          {
            type: varchar,
            ranges: ['SM BOX', 'LG CASE'].map((v) => ({
              low: { value: v, inclusive: true },
              high: { value: v, inclusive: true },
            })),
            nullAllowed: false,
          },
        ],
        [
          'type',
          {
            type: { kind: 'varchar', length: 25 },
            ranges: [
              { low: { value: 'PROMO', inclusive: false }, high: { value: 'SMALL', inclusive: false } },
            ],
            nullAllowed: false,
          },
        ],
      ]),
    });
    const filtered = await scan(c, 'tiny', 'part', ['container', 'type'], 2, result!.handle);
    const all = await scan(c, 'tiny', 'part', ['container', 'type']);
    const expected = all.columns[0].filter((container, i) => {
      const type = all.columns[1][i] as string;
      return (container === 'SM BOX' || container === 'LG CASE') && type > 'PROMO' && type < 'SMALL';
    });
    expect(filtered.rowCount).toBe(expected.length);
    expect(filtered.rowCount).toBeGreaterThan(0);
    expect(filtered.columns[0]).toEqual(expected);
  });
});
