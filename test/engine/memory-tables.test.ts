/** The embedded engine with the memory connector: schemas, tables, CTAS, INSERT, queries, drops. */
import { memoryConnectorFactory } from '../../src/catalog/connectors/memory';
import { TrinoError } from '../../src/errors';
import { functionLibrary } from '../../src/function-library';
import { LocalQueryEngine } from '../../src/local-engine';

const engine = new LocalQueryEngine(
  { factories: [memoryConnectorFactory], functions: functionLibrary },
  {
    catalogs: [{ name: 'memory', properties: { 'connector.name': 'memory' } }],
    session: { catalog: 'memory', schema: 'default' },
  },
);
afterAll(() => engine.close());

const rows = async (sql: string) => (await engine.query(sql)).rows;

test('create, insert, query, drop', async () => {
  await engine.query('CREATE TABLE orders (id bigint, customer varchar, amount decimal(10, 2))');
  const inserted = await engine.query(
    "INSERT INTO orders VALUES (1, 'ann', 10.50), (2, 'bob', 3.25), (3, 'ann', 1.00)",
  );
  expect(inserted.rows).toEqual([[3]]);
  expect(inserted.updateType).toBe('INSERT');
  expect(
    await rows('SELECT customer, sum(amount), count(*) FROM orders GROUP BY customer ORDER BY customer'),
  ).toEqual([
    ['ann', 1150n, 2],
    ['bob', 325n, 1],
  ]);
  await engine.query("INSERT INTO orders (id, customer) VALUES (4, 'cy')");
  expect(await rows('SELECT id, amount FROM orders WHERE amount IS NULL')).toEqual([[4, null]]);
  expect(await rows('SHOW TABLES')).toEqual([['orders']]);
  expect((await engine.query('SHOW COLUMNS FROM orders')).rows).toEqual([
    ['id', 'bigint', '', ''],
    ['customer', 'varchar', '', ''],
    ['amount', 'decimal(10,2)', '', ''],
  ]);
  await engine.query('DROP TABLE orders');
  expect(await rows('SHOW TABLES')).toEqual([]);
});

test('CREATE TABLE AS SELECT and WITH NO DATA', async () => {
  const r = await engine.query('CREATE TABLE t1 AS SELECT x, x * 2 AS y FROM (VALUES 1, 2, 3) v (x)');
  expect(r.rows).toEqual([[3]]);
  expect(await rows('SELECT sum(y) FROM t1')).toEqual([[12]]);
  await engine.query('CREATE TABLE t2 AS SELECT * FROM t1 WITH NO DATA');
  expect(await rows('SELECT count(*) FROM t2')).toEqual([[0]]);
  expect((await engine.query('SHOW COLUMNS FROM t2')).rows.map((r) => r.slice(0, 2))).toEqual([
    ['x', 'integer'],
    ['y', 'integer'],
  ]);
  await engine.query('DROP TABLE t1');
  await engine.query('DROP TABLE t2');
});

test('schemas and errors', async () => {
  await engine.query('CREATE SCHEMA s1');
  await engine.query('CREATE SCHEMA IF NOT EXISTS s1');
  await engine.query('CREATE TABLE s1.a (v integer)');
  await engine.query('INSERT INTO s1.a VALUES 7');
  expect(await rows('SELECT v FROM memory.s1.a')).toEqual([[7]]);
  const fail = async (sql: string, name: string) => {
    await expect(engine.query(sql)).rejects.toBeInstanceOf(TrinoError);
    await engine.query(sql).catch((e: TrinoError) => expect(e.errorCode.name).toBe(name));
  };
  await fail('CREATE SCHEMA s1', 'SCHEMA_ALREADY_EXISTS');
  await fail('CREATE TABLE s1.a (v integer)', 'TABLE_ALREADY_EXISTS');
  await fail('SELECT * FROM s1.nope', 'TABLE_NOT_FOUND');
  await fail('SELECT * FROM nope.t', 'SCHEMA_NOT_FOUND');
  await fail("INSERT INTO s1.a VALUES 'x'", 'TYPE_MISMATCH');
  await fail('INSERT INTO s1.a VALUES (1, 2)', 'TYPE_MISMATCH');
  await fail('DROP TABLE s1.nope', 'TABLE_NOT_FOUND');
  await engine.query('DROP TABLE IF EXISTS s1.nope');
  await fail('DROP SCHEMA s1', 'SCHEMA_NOT_EMPTY');
  await engine.query('DELETE FROM s1.a');
  expect(await rows('SELECT count(*) FROM s1.a')).toEqual([[0]]);
  await engine.query('DROP TABLE s1.a');
  await engine.query('DROP SCHEMA s1');
  expect(await rows("SHOW SCHEMAS LIKE 's%'")).toEqual([]);
});

test('INSERT casts values whose type has a common super type with the column (Trino typesMatchForInsert)', async () => {
  await engine.query('CREATE TABLE coerced (d decimal(3, 1), i integer, v varchar(3))');
  // integer → decimal(3,1); decimal(3,2) → decimal(3,1) rounds half up; decimal 1.0 → integer
  await engine.query("INSERT INTO coerced VALUES (21, 1.0, 'ab'), (2.25, 7, 'abc')");
  expect(await rows('SELECT CAST(d AS varchar), i, v FROM coerced ORDER BY i')).toEqual([
    ['21.0', 1, 'ab'],
    ['2.3', 7, 'abc'],
  ]);
  // a value that does not fit fails the statement at run time
  await expect(engine.query('INSERT INTO coerced (d) VALUES (1234)')).rejects.toThrow(
    "Cannot cast INTEGER '1234' to DECIMAL(3, 1)",
  );
  // no common super type: rejected up front, as in Trino
  await expect(engine.query("INSERT INTO coerced (i) VALUES ('5')")).rejects.toThrow(
    'Insert query has mismatched column types: Table: [integer], Query: [varchar(1)]',
  );
  // a wider bounded varchar is refused (Trino would fail only rows that lose characters)
  await expect(engine.query("INSERT INTO coerced (v) VALUES ('abcd')")).rejects.toThrow(
    'Insert query has mismatched column types: Table: [varchar(3)], Query: [varchar(4)]',
  );
  await engine.query('DROP TABLE coerced');
});
