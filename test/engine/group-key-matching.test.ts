/** GROUP BY / ORDER BY / SELECT DISTINCT: expressions match by the columns they name, not their text. */
import { MEMORY_CATALOG, sqlSession } from './sql-session';

const { engine, rows, error } = sqlSession(MEMORY_CATALOG);

beforeAll(async () => {
  await engine.query('CREATE TABLE nums (i integer, j integer)');
  await engine.query('INSERT INTO nums VALUES (1, 1), (2, 1), (3, 2)');
});

test('a qualified and an unqualified column make the same group key', async () => {
  const expected = [[2], [4]];
  expect(await rows('SELECT nums.j * 2 FROM nums GROUP BY j * 2 ORDER BY j * 2')).toEqual(expected);
  expect(await rows('SELECT j * 2 FROM nums GROUP BY nums.j * 2 ORDER BY nums.j * 2')).toEqual(expected);
  expect(await rows('SELECT n.j * 2, count(*) FROM nums n GROUP BY j * 2 ORDER BY 1')).toEqual([
    [2, 2],
    [4, 1],
  ]);
});

test('an expression over a column that is not grouped is still an error', async () => {
  expect(await error('SELECT i * 2 FROM nums GROUP BY j * 2')).toBe('EXPRESSION_NOT_AGGREGATE');
});

test('SELECT DISTINCT: ORDER BY a select item written with a qualifier', async () => {
  expect(await rows('SELECT DISTINCT j FROM nums ORDER BY nums.j DESC')).toEqual([[2], [1]]);
  expect(await error('SELECT DISTINCT j FROM nums ORDER BY i')).toBe('EXPRESSION_NOT_IN_DISTINCT');
});
