/** Row values in expressions: constructors, field access, comparisons, IN lists and row subqueries. */
import { MEMORY_CATALOG, sqlSession } from './sql-session';

const { engine, rows, error } = sqlSession(MEMORY_CATALOG);

beforeAll(async () => {
  await engine.query('CREATE TABLE pairs (a integer, b integer)');
  await engine.query('INSERT INTO pairs VALUES (1, 0), (0, 2), (2, 1), (NULL, 1)');
});

test('a row constructor is a row value', async () => {
  expect(await rows('SELECT ROW(1, 2), (3, 4)')).toEqual([
    [
      [1, 2],
      [3, 4],
    ],
  ]);
  const result = await engine.query("SELECT ROW(1, 'x')");
  expect(result.columns[0].type).toBe('row(integer, varchar(1))');
});

test('equality is NULL only when NULL fields leave it undecided', async () => {
  expect(
    await rows(
      'SELECT (1, 2) = (1, 2), (1, 2) = (1, 3), (1, NULL) = (1, 2), (1, NULL) = (2, 2), (1, 2) <> (1, 3)',
    ),
  ).toEqual([[true, false, null, false, true]]);
});

test('row-typed columns compare with the same semantics', async () => {
  const r = '(SELECT (1, NULL) AS r)';
  expect(
    await rows(
      `SELECT r = (1, 2), r = (2, 3), r <> (2, 2), r IS DISTINCT FROM (1, NULL), r IS DISTINCT FROM (1, 2) FROM ${r}`,
    ),
  ).toEqual([[null, false, true, false, true]]);
  expect(await rows(`SELECT r < (2, 3), r IN ((1, 5), (2, 2)), r IN ((2, 5)) FROM ${r}`)).toEqual([
    [true, null, false],
  ]);
  expect(await error(`SELECT r < (1, 3) FROM ${r}`)).toBe('NOT_SUPPORTED');
});

test('IS DISTINCT FROM treats NULL fields as values', async () => {
  expect(
    await rows('SELECT (1, NULL) IS DISTINCT FROM (1, NULL), (1, NULL) IS DISTINCT FROM (1, 2)'),
  ).toEqual([[false, true]]);
});

test('ordering is lexicographic and fails on a NULL field it reaches', async () => {
  expect(await rows('SELECT (0, 9) < (1, 0), (1, 0) < (1, 1), (1, 1) <= (1, 1), (2, 0) > (1, 5)')).toEqual([
    [true, true, true, true],
  ]);
  // the first field decides before the NULL is reached
  expect(await rows('SELECT (0, NULL) < (1, NULL)')).toEqual([[true]]);
  expect(await error('SELECT (1, NULL) < (1, 2)')).toBe('NOT_SUPPORTED');
});

test('fields coerce to a common row type', async () => {
  expect(await rows('SELECT (1, 2.5) = (1, 2.50), (1, 2) = (CAST(1 AS bigint), 2)')).toEqual([[true, true]]);
  expect(await error("SELECT (1, 2) = (1, 'a')")).toBe('TYPE_MISMATCH');
});

test('IN with a list of rows', async () => {
  expect(
    await rows('SELECT (1, 2) IN ((1, 2), (3, 4)), (5, 6) IN ((1, 2)), (1, 2) IN ((1, NULL), (3, 4))'),
  ).toEqual([[true, false, null]]);
});

test('field access by name', async () => {
  expect(await rows('SELECT CAST(ROW(1, 2) AS ROW(x integer, y integer)).y')).toEqual([[2]]);
  expect(
    await rows('SELECT t.r.x, r.y FROM (SELECT CAST(ROW(7, 8) AS ROW(x integer, y integer)) AS r) t'),
  ).toEqual([[7, 8]]);
});

test('IN with a multi-column subquery compares rows', async () => {
  expect(
    await rows(
      'SELECT x, y, (x, y) IN (SELECT i, i + 1 FROM (VALUES 1, 2, 3) s(i)) FROM (VALUES (1, 2), (1, 3), (NULL, 2), (1, NULL)) t(x, y) ORDER BY x, y',
    ),
  ).toEqual([
    [1, 2, true],
    [1, 3, false],
    [1, null, null],
    [null, 2, null],
  ]);
});

test('quantified comparisons with multi-column subqueries', async () => {
  expect(
    await rows(
      'SELECT (0, 0) < ANY (SELECT a, b FROM pairs WHERE a IS NOT NULL), (2, 0) > ALL (SELECT * FROM (VALUES (1, 0), (3, 0))), (1, 2) = ANY (SELECT 1, 2), (1, 2) = ALL (SELECT * FROM (VALUES (1, 2), (1, 3))), (1, 2) <> ANY (SELECT 1, 3)',
    ),
  ).toEqual([[true, false, true, false, true]]);
  expect(await rows('SELECT (1, 1) < ANY (SELECT 1, 1), (1, 1) <= ANY (SELECT 1, 1)')).toEqual([
    [false, true],
  ]);
  expect(await error('SELECT 1 IN (SELECT a, b FROM pairs)')).toBe('TYPE_MISMATCH');
});
