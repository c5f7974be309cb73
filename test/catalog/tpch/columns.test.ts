/** Table and column metadata as Trino's tpch connector declares it, and argument checking. */

import {
  TPCH_TABLES,
  TPCH_TABLE_NAMES,
  generateTpch,
  tpchRowCount,
} from '../../../src/catalog/connectors/tpch';

test('eight tables in TPC-H order', () => {
  expect(TPCH_TABLE_NAMES).toEqual([
    'region',
    'nation',
    'supplier',
    'customer',
    'part',
    'partsupp',
    'orders',
    'lineitem',
  ]);
});

test('lineitem columns: simplified and standard names, kinds, varchar lengths', () => {
  expect(TPCH_TABLES.lineitem.columns.map((c) => [c.name, c.standardName, c.kind, c.varcharLength])).toEqual([
    ['orderkey', 'l_orderkey', 'identifier', undefined],
    ['partkey', 'l_partkey', 'identifier', undefined],
    ['suppkey', 'l_suppkey', 'identifier', undefined],
    ['linenumber', 'l_linenumber', 'integer', undefined],
    ['quantity', 'l_quantity', 'money', undefined],
    ['extendedprice', 'l_extendedprice', 'money', undefined],
    ['discount', 'l_discount', 'money', undefined],
    ['tax', 'l_tax', 'money', undefined],
    ['returnflag', 'l_returnflag', 'varchar', 1],
    ['linestatus', 'l_linestatus', 'varchar', 1],
    ['shipdate', 'l_shipdate', 'date', undefined],
    ['commitdate', 'l_commitdate', 'date', undefined],
    ['receiptdate', 'l_receiptdate', 'date', undefined],
    ['shipinstruct', 'l_shipinstruct', 'varchar', 25],
    ['shipmode', 'l_shipmode', 'varchar', 10],
    ['comment', 'l_comment', 'varchar', 44],
  ]);
});

test('every varchar column declares the length Trino gives it', () => {
  const lengths = Object.fromEntries(
    TPCH_TABLE_NAMES.flatMap((t) =>
      TPCH_TABLES[t].columns
        .filter((c) => c.kind === 'varchar')
        .map((c) => [c.standardName, c.varcharLength]),
    ),
  );
  expect(lengths).toEqual({
    r_name: 25,
    r_comment: 152,
    n_name: 25,
    n_comment: 152,
    s_name: 25,
    s_address: 40,
    s_phone: 15,
    s_comment: 101,
    c_name: 25,
    c_address: 40,
    c_phone: 15,
    c_mktsegment: 10,
    c_comment: 117,
    p_name: 55,
    p_mfgr: 25,
    p_brand: 10,
    p_type: 25,
    p_container: 10,
    p_comment: 23,
    ps_comment: 199,
    o_orderstatus: 1,
    o_orderpriority: 15,
    o_clerk: 15,
    o_comment: 79,
    l_returnflag: 1,
    l_linestatus: 1,
    l_shipinstruct: 25,
    l_shipmode: 10,
    l_comment: 44,
  });
});

test('money, integer and key columns', () => {
  const byKind = (kind: string): string[] =>
    TPCH_TABLE_NAMES.flatMap((t) =>
      TPCH_TABLES[t].columns.filter((c) => c.kind === kind).map((c) => c.standardName),
    );
  expect(byKind('money')).toEqual([
    's_acctbal',
    'c_acctbal',
    'p_retailprice',
    'ps_supplycost',
    'o_totalprice',
    'l_quantity',
    'l_extendedprice',
    'l_discount',
    'l_tax',
  ]);
  expect(byKind('integer')).toEqual(['p_size', 'ps_availqty', 'o_shippriority', 'l_linenumber']);
  expect(byKind('date')).toEqual(['o_orderdate', 'l_shipdate', 'l_commitdate', 'l_receiptdate']);
});

test('row counts of the scaled tables need no generation', () => {
  expect(tpchRowCount('orders', 1000)).toBe(1_500_000_000);
  expect(tpchRowCount('partsupp', 100, 3, 4)).toBe(20_000_000);
  expect(tpchRowCount('customer', 1, 3, 3)).toBe(50_000);
  expect(tpchRowCount('supplier', 0.01, 3, 3)).toBe(34);
  expect(tpchRowCount('lineitem', 0.01, 1, 1)).toBe(60_175);
});

test('bad arguments are refused before anything is generated', () => {
  expect(() => tpchRowCount('orders', 0)).toThrow(RangeError);
  expect(() => tpchRowCount('orders', 1, 0, 1)).toThrow(RangeError);
  expect(() => tpchRowCount('orders', 1, 3, 2)).toThrow(RangeError);
  expect(() => tpchRowCount('nope' as 'orders', 1)).toThrow(RangeError);
  expect(() => generateTpch('orders', 1, 1, 1, 0).next()).toThrow(RangeError);
});
