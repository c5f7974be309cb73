/**
 * UPDATE and DELETE … WHERE on memory tables through the connector's row ids: predicates and
 * SET expressions of any kind (subqueries, correlated ones too), update counts, and the errors
 * for unknown columns, mismatched types and read-only connectors.
 */
import { createLocalEngine } from '../../src';
import { TrinoError } from '../../src/errors';

type Engine = Awaited<ReturnType<typeof createLocalEngine>>;
let engine: Engine;
beforeEach(async () => {
  engine = await createLocalEngine();
  await engine.query('CREATE TABLE memory.default.t (id integer, name varchar, v double)');
  await engine.query(
    "INSERT INTO memory.default.t VALUES (1, 'a', 1.5), (2, 'b', 2.5), (3, 'c', NULL), (4, 'd', 4.0)",
  );
  await engine.query('CREATE TABLE memory.default.u (id integer, w double)');
  await engine.query('INSERT INTO memory.default.u VALUES (1, 100), (4, 400)');
});

const rows = async (sql: string) => (await engine.query(sql)).rows;
const table = () => rows('SELECT * FROM memory.default.t ORDER BY id');

async function error(sql: string): Promise<TrinoError> {
  try {
    await engine.query(sql);
  } catch (e) {
    expect(e).toBeInstanceOf(TrinoError);
    return e as TrinoError;
  }
  throw new Error(`expected an error: ${sql}`);
}

test('UPDATE sets several columns of the matching rows and reports the row count', async () => {
  const r = await engine.query('UPDATE memory.default.t SET v = v * 2, name = upper(name) WHERE id >= 2');
  expect(r.updateCount).toBe(3);
  expect(await table()).toEqual([
    [1, 'a', 1.5],
    [2, 'B', 5],
    [3, 'C', null],
    [4, 'D', 8],
  ]);
  expect((await engine.query('UPDATE memory.default.t SET v = 0 WHERE id > 100')).updateCount).toBe(0);
  expect((await engine.query('UPDATE memory.default.t SET v = 0')).updateCount).toBe(4);
  expect(await rows('SELECT sum(v) FROM memory.default.t')).toEqual([[0]]);
});

test('UPDATE with subqueries in SET and WHERE, correlated included; values are cast to the column type', async () => {
  const r = await engine.query(
    'UPDATE memory.default.t SET v = (SELECT w FROM memory.default.u WHERE u.id = t.id) WHERE id IN (SELECT id FROM memory.default.u)',
  );
  expect(r.updateCount).toBe(2);
  expect(await table()).toEqual([
    [1, 'a', 100],
    [2, 'b', 2.5],
    [3, 'c', null],
    [4, 'd', 400],
  ]);
  await engine.query("UPDATE memory.default.t SET id = id + 10 WHERE name = 'c'");
  expect(await rows('SELECT id FROM memory.default.t ORDER BY id')).toEqual([[1], [2], [4], [13]]);
});

test('DELETE … WHERE removes the matching rows, with subqueries and aliases', async () => {
  expect((await engine.query('DELETE FROM memory.default.t WHERE v IS NULL')).updateCount).toBe(1);
  expect(
    (
      await engine.query(
        'DELETE FROM memory.default.t x WHERE EXISTS (SELECT 1 FROM memory.default.u WHERE u.id = x.id)',
      )
    ).updateCount,
  ).toBe(2);
  expect(await table()).toEqual([[2, 'b', 2.5]]);
  expect((await engine.query('DELETE FROM memory.default.t WHERE id = 99')).updateCount).toBe(0);
  // rows inserted after a change are changed by the next statement as well
  await engine.query("INSERT INTO memory.default.t VALUES (5, 'e', 5)");
  expect((await engine.query('DELETE FROM memory.default.t WHERE v > 2')).updateCount).toBe(2);
  expect(await rows('SELECT count(*) FROM memory.default.t')).toEqual([[0]]);
});

test('the row id column stays hidden', async () => {
  const r = await engine.query('SELECT * FROM memory.default.t WHERE id = 1');
  expect(r.columns.map((c) => c.name)).toEqual(['id', 'name', 'v']);
  expect(await rows("SELECT count(*) FROM memory.information_schema.columns WHERE table_name = 't'")).toEqual(
    [[3]],
  );
});

test('errors: unknown column, mismatched types, read-only connector', async () => {
  const missing = await error('UPDATE memory.default.t SET nope = 1');
  expect(missing.errorCode.name).toBe('COLUMN_NOT_FOUND');
  const mismatch = await error("UPDATE memory.default.t SET id = 'x'");
  expect(mismatch.errorCode.name).toBe('TYPE_MISMATCH');
  const update = await error('UPDATE tpch.tiny.nation SET name = 1');
  expect([update.errorCode.name, update.message]).toEqual([
    'NOT_SUPPORTED',
    expect.stringContaining('This connector does not support updates'),
  ]);
  const del = await error('DELETE FROM tpch.tiny.nation WHERE nationkey = 1');
  expect([del.errorCode.name, del.message]).toEqual([
    'NOT_SUPPORTED',
    expect.stringContaining('This connector does not support deletes'),
  ]);
  expect(await table()).toHaveLength(4);
});
