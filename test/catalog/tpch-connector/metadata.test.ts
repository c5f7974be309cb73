/**
 * The tpch connector's metadata through the SPI: the factory, configuration checks, schemas,
 * tables, column names and types under both namings and both money mappings, and the hidden
 * `row_number` column. No data is generated here.
 */

import { tpchConnectorFactory } from '../../../src/catalog/connectors/tpch/connector';
import { TrinoError } from '../../../src/errors';
import { formatType } from '../../../src/types';
import { connector, session, tableHandle } from './helpers';

const LISTED = ['tiny', 'sf1', 'sf100', 'sf300', 'sf1000', 'sf3000', 'sf10000', 'sf30000', 'sf100000'];
const TABLES = ['customer', 'orders', 'lineitem', 'part', 'partsupp', 'supplier', 'nation', 'region'];

describe('factory and configuration', () => {
  test('the factory is named tpch and accepts Trino keys', () => {
    expect(tpchConnectorFactory.name).toBe('tpch');
    const c = connector({
      'tpch.column-naming': 'standard',
      'tpch.double-type-mapping': 'decimal',
      'tpch.max-rows-per-page': '1000',
      'tpch.splits-per-node': '4',
      'tpch.partitioning-enabled': 'false',
      'tpch.predicate-pushdown-enabled': 'TRUE',
    });
    expect(c.metadata).toBeDefined();
    expect((c as unknown as { splitsPerNode: number }).splitsPerNode).toBe(4);
  });

  test.each([
    [{ 'tpch.column-naming': 'SHORT' }, /tpch\.column-naming/],
    [{ 'tpch.double-type-mapping': 'FLOAT' }, /tpch\.double-type-mapping/],
    [{ 'tpch.splits-per-node': '0' }, /tpch\.splits-per-node.*at least 1/],
    [{ 'tpch.splits-per-node': 'four' }, /tpch\.splits-per-node/],
    [{ 'tpch.max-rows-per-page': '-5' }, /tpch\.max-rows-per-page/],
    [{ 'tpch.partitioning-enabled': 'yes' }, /tpch\.partitioning-enabled/],
    [{ 'tpch.produce-pages': 'true' }, /Defunct property 'tpch\.produce-pages'/],
    [{ 'tpch.table-scan-redirection-catalog': 'hive' }, /not supported/],
    [{ 'tpch.colum-naming': 'STANDARD' }, /'tpch\.colum-naming' was not used/],
  ])('bad configuration %p fails with CONFIGURATION_INVALID', (config, message) => {
    let error: unknown;
    try {
      connector(config as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrinoError);
    expect((error as TrinoError).errorName).toBe('CONFIGURATION_INVALID');
    expect((error as TrinoError).message).toMatch(message);
  });
});

describe('schemas and tables', () => {
  const c = connector();

  test("listSchemaNames gives Trino's list", async () => {
    expect(await c.metadata.listSchemaNames(session)).toEqual(LISTED);
  });

  test('listTables of one schema, of an unlisted sf schema, of a bad schema, of all', async () => {
    expect(await c.metadata.listTables(session, 'tiny')).toEqual(
      TABLES.map((table) => ({ schema: 'tiny', table })),
    );
    expect((await c.metadata.listTables(session, 'sf0.1')).map((t) => t.table)).toEqual(TABLES);
    expect(await c.metadata.listTables(session, 'default')).toEqual([]);
    const all = await c.metadata.listTables(session);
    expect(all).toHaveLength(LISTED.length * TABLES.length);
    expect(new Set(all.map((t) => t.schema))).toEqual(new Set(LISTED));
  });

  test.each([
    ['tiny', 0.01],
    ['sf1', 1],
    ['sf0.1', 0.1],
    ['sf10', 10],
    ['sf1.0', 1],
    ['sf100000', 100000],
    ['sf1e2', 100],
  ])('getTableHandle resolves schema %s to scale factor %p', async (schema, scaleFactor) => {
    const handle = await tableHandle(c, schema, 'orders');
    expect(handle).toMatchObject({ schema, table: 'orders', scaleFactor });
    expect(JSON.parse(JSON.stringify(handle))).toEqual(handle);
  });

  test.each([
    ['tiny', 'order'],
    ['tiny', 'ORDERS'],
    ['sf', 'orders'],
    ['sf0', 'orders'],
    ['sf-1', 'orders'],
    ['sfabc', 'orders'],
    ['sfInfinity', 'orders'],
    ['sf0.00001', 'orders'],
    ['information_schema', 'tables'],
    ['default', 'nation'],
  ])('getTableHandle(%s.%s) is undefined', async (schema, table) => {
    expect(await c.metadata.getTableHandle(session, { schema, table })).toBeUndefined();
  });
});

async function describeTable(config: Record<string, string>, table: string): Promise<string[]> {
  const c = connector(config);
  const handle = await tableHandle(c, 'tiny', table);
  const metadata = await c.metadata.getTableMetadata(session, handle);
  expect(metadata.name).toEqual({ schema: 'tiny', table });
  return metadata.columns
    .filter((col) => col.hidden !== true)
    .map((col) => `${col.name} ${formatType(col.type)}`);
}

describe('columns', () => {
  test('simplified names and DOUBLE money by default', async () => {
    expect(await describeTable({}, 'lineitem')).toEqual([
      'orderkey bigint',
      'partkey bigint',
      'suppkey bigint',
      'linenumber integer',
      'quantity double',
      'extendedprice double',
      'discount double',
      'tax double',
      'returnflag varchar(1)',
      'linestatus varchar(1)',
      'shipdate date',
      'commitdate date',
      'receiptdate date',
      'shipinstruct varchar(25)',
      'shipmode varchar(10)',
      'comment varchar(44)',
    ]);
    expect(await describeTable({}, 'orders')).toEqual([
      'orderkey bigint',
      'custkey bigint',
      'orderstatus varchar(1)',
      'totalprice double',
      'orderdate date',
      'orderpriority varchar(15)',
      'clerk varchar(15)',
      'shippriority integer',
      'comment varchar(79)',
    ]);
    expect(await describeTable({}, 'part')).toEqual([
      'partkey bigint',
      'name varchar(55)',
      'mfgr varchar(25)',
      'brand varchar(10)',
      'type varchar(25)',
      'size integer',
      'container varchar(10)',
      'retailprice double',
      'comment varchar(23)',
    ]);
    expect(await describeTable({}, 'partsupp')).toEqual([
      'partkey bigint',
      'suppkey bigint',
      'availqty integer',
      'supplycost double',
      'comment varchar(199)',
    ]);
    expect(await describeTable({}, 'customer')).toEqual([
      'custkey bigint',
      'name varchar(25)',
      'address varchar(40)',
      'nationkey bigint',
      'phone varchar(15)',
      'acctbal double',
      'mktsegment varchar(10)',
      'comment varchar(117)',
    ]);
    expect(await describeTable({}, 'supplier')).toEqual([
      'suppkey bigint',
      'name varchar(25)',
      'address varchar(40)',
      'nationkey bigint',
      'phone varchar(15)',
      'acctbal double',
      'comment varchar(101)',
    ]);
    expect(await describeTable({}, 'nation')).toEqual([
      'nationkey bigint',
      'name varchar(25)',
      'regionkey bigint',
      'comment varchar(152)',
    ]);
    expect(await describeTable({}, 'region')).toEqual([
      'regionkey bigint',
      'name varchar(25)',
      'comment varchar(152)',
    ]);
  });

  test('STANDARD naming keeps the TPC-H prefixes, DECIMAL mapping gives decimal(12,2)', async () => {
    const config = { 'tpch.column-naming': 'STANDARD', 'tpch.double-type-mapping': 'DECIMAL' };
    expect(await describeTable(config, 'orders')).toEqual([
      'o_orderkey bigint',
      'o_custkey bigint',
      'o_orderstatus varchar(1)',
      'o_totalprice decimal(12,2)',
      'o_orderdate date',
      'o_orderpriority varchar(15)',
      'o_clerk varchar(15)',
      'o_shippriority integer',
      'o_comment varchar(79)',
    ]);
    expect((await describeTable(config, 'lineitem')).filter((c) => c.includes('decimal'))).toEqual([
      'l_quantity decimal(12,2)',
      'l_extendedprice decimal(12,2)',
      'l_discount decimal(12,2)',
      'l_tax decimal(12,2)',
    ]);
    expect(await describeTable({ 'tpch.column-naming': 'STANDARD' }, 'partsupp')).toEqual([
      'ps_partkey bigint',
      'ps_suppkey bigint',
      'ps_availqty integer',
      'ps_supplycost double',
      'ps_comment varchar(199)',
    ]);
  });

  test('row_number is a hidden bigint, first as in Trino; the TPC-H columns are NOT NULL', async () => {
    const c = connector();
    const metadata = await c.metadata.getTableMetadata(session, await tableHandle(c, 'sf1', 'nation'));
    expect(metadata.columns[0]).toMatchObject({ name: 'row_number', hidden: true });
    expect(formatType(metadata.columns[0].type)).toBe('bigint');
    expect(metadata.columns.slice(1).every((col) => col.nullable === false && col.hidden !== true)).toBe(
      true,
    );
  });

  test('column handles follow the table metadata and are plain JSON', async () => {
    const c = connector({ 'tpch.double-type-mapping': 'DECIMAL' });
    const handle = await tableHandle(c, 'tiny', 'orders');
    const handles = await c.metadata.getColumnHandles(session, handle);
    const metadata = await c.metadata.getTableMetadata(session, handle);
    expect(handles.map((h) => h.name)).toEqual(metadata.columns.map((col) => col.name));
    expect(handles.find((h) => h.name === 'totalprice')).toEqual({
      name: 'totalprice',
      type: 'decimal(12,2)',
      column: 'o_totalprice',
    });
    expect(JSON.parse(JSON.stringify(handles))).toEqual(handles);
  });
});

describe('splits', () => {
  const c = connector();

  test('getSplits makes desiredCount parts 1..N that carry table, scale factor and part', async () => {
    const handle = await tableHandle(c, 'sf0.1', 'lineitem');
    const splits = await c.splitManager.getSplits(session, handle, 4);
    expect(splits.map((s) => s.info)).toEqual(
      [1, 2, 3, 4].map((part) => ({ table: 'lineitem', scaleFactor: 0.1, part, partCount: 4 })),
    );
    expect(splits.every((s) => s.addresses === undefined)).toBe(true);
  });

  test('nation and region get as many splits as any table (only the first holds rows)', async () => {
    expect(await c.splitManager.getSplits(session, await tableHandle(c, 'tiny', 'nation'), 3)).toHaveLength(
      3,
    );
  });

  test('a nonsensical desired count still gives one split', async () => {
    const handle = await tableHandle(c, 'tiny', 'region');
    expect(await c.splitManager.getSplits(session, handle, 0)).toHaveLength(1);
    expect(await c.splitManager.getSplits(session, handle, Number.NaN)).toHaveLength(1);
    expect(await c.splitManager.getSplits(session, handle, 2.7)).toHaveLength(2);
  });

  test('malformed handles and splits are internal errors', async () => {
    const handle = await tableHandle(c, 'tiny', 'orders');
    const columns = await c.metadata.getColumnHandles(session, handle);
    expect(() =>
      c.pageSourceProvider.createPageSource(
        session,
        { info: { table: 'orders', scaleFactor: 0.01, part: 3, partCount: 2 } },
        handle,
        columns,
      ),
    ).toThrow(/Malformed tpch split/);
    expect(() =>
      c.pageSourceProvider.createPageSource(
        session,
        { info: { table: 'nation', scaleFactor: 0.01, part: 1, partCount: 1 } },
        handle,
        columns,
      ),
    ).toThrow(/does not belong/);
    await expect(c.splitManager.getSplits(session, { table: 'orders' }, 1)).rejects.toThrow(
      /Malformed tpch table handle/,
    );
  });
});
