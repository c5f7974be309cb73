/**
 * UNNEST, with the examples and rules of Trino's documentation (SELECT, "UNNEST"): arrays and
 * maps expand to rows; several arguments zip to the longest with NULLs; WITH ORDINALITY numbers
 * the elements from 1; an array of rows gives one column per field; UNNEST sees the relations to
 * its left; LEFT JOIN UNNEST … ON TRUE keeps rows with empty or NULL arrays.
 */
import { sqlSession } from './sql-session';

const { rows, error, engine } = sqlSession();

test('standalone: one column per array, named _colN unless aliased', async () => {
  const r = await engine.query('SELECT * FROM UNNEST(ARRAY[1, 2])');
  expect(r.columns.map((c) => c.name)).toEqual(['_col0']);
  expect(r.rows).toEqual([[1], [2]]);
  expect(await rows('SELECT t.x FROM UNNEST(ARRAY[1, 2]) AS t(x)')).toEqual([[1], [2]]);
});

test('several arrays zip to the longest, padded with NULLs', async () => {
  expect(
    await rows(`SELECT numbers, animals, n, a
      FROM (VALUES (ARRAY[2, 5], ARRAY['dog', 'cat', 'bird']), (ARRAY[7, 8, 9], ARRAY['cow', 'pig']))
        AS x (numbers, animals)
      CROSS JOIN UNNEST(numbers, animals) AS t (n, a)`),
  ).toEqual([
    [[2, 5], ['dog', 'cat', 'bird'], 2, 'dog'],
    [[2, 5], ['dog', 'cat', 'bird'], 5, 'cat'],
    [[2, 5], ['dog', 'cat', 'bird'], null, 'bird'],
    [[7, 8, 9], ['cow', 'pig'], 7, 'cow'],
    [[7, 8, 9], ['cow', 'pig'], 8, 'pig'],
    [[7, 8, 9], ['cow', 'pig'], 9, null],
  ]);
});

test('WITH ORDINALITY appends the 1-based position (a bigint)', async () => {
  const r = await engine.query(`SELECT numbers, n, a
    FROM (VALUES (ARRAY[2, 5]), (ARRAY[7, 8, 9])) AS x (numbers)
    CROSS JOIN UNNEST(numbers) WITH ORDINALITY AS t (n, a)`);
  expect(r.rows).toEqual([
    [[2, 5], 2, 1],
    [[2, 5], 5, 2],
    [[7, 8, 9], 7, 1],
    [[7, 8, 9], 8, 2],
    [[7, 8, 9], 9, 3],
  ]);
  expect(r.columns[2].type).toBe('bigint');
});

test('a map gives key and value columns', async () => {
  expect(
    await rows(`SELECT * FROM UNNEST(map_from_entries(ARRAY[('SQL', 1974), ('Java', 1995)]))
      AS t(language, first_appeared_year)`),
  ).toEqual([
    ['SQL', 1974],
    ['Java', 1995],
  ]);
});

test('an array of rows expands to the fields, named after them', async () => {
  expect(await rows(`SELECT * FROM UNNEST(ARRAY[ROW('John', 30), ROW('Mary', 25)]) AS t(name, age)`)).toEqual(
    [
      ['John', 30],
      ['Mary', 25],
    ],
  );
  const r = await engine.query(
    `SELECT * FROM UNNEST(CAST(ARRAY[ROW(1, 'a'), NULL] AS ARRAY(ROW(id INTEGER, tag VARCHAR))))`,
  );
  expect(r.columns.map((c) => c.name)).toEqual(['id', 'tag']);
  // a NULL element: NULL fields
  expect(r.rows).toEqual([
    [1, 'a'],
    [null, null],
  ]);
});

test('CROSS JOIN drops rows whose array is empty or NULL; LEFT JOIN … ON TRUE keeps them', async () => {
  const marathon = `(VALUES ('Joe', ARRAY[10, 20, 30, 42]), ('Roger', ARRAY[10]), ('Dave', ARRAY[]), ('Levi', NULL))
    AS marathon (runner, checkpoints)`;
  expect(
    await rows(`SELECT runner, checkpoint FROM ${marathon} CROSS JOIN UNNEST(checkpoints) AS t(checkpoint)`),
  ).toEqual([
    ['Joe', 10],
    ['Joe', 20],
    ['Joe', 30],
    ['Joe', 42],
    ['Roger', 10],
  ]);
  expect(
    await rows(`SELECT runner, checkpoint, n FROM ${marathon}
      LEFT JOIN UNNEST(checkpoints) WITH ORDINALITY AS t(checkpoint, n) ON TRUE`),
  ).toEqual([
    ['Joe', 10, 1],
    ['Joe', 20, 2],
    ['Joe', 30, 3],
    ['Joe', 42, 4],
    ['Roger', 10, 1],
    ['Dave', null, null],
    ['Levi', null, null],
  ]);
});

test('the comma join and JOIN … ON, whose condition filters the pairs', async () => {
  const t = `(VALUES (1, ARRAY[10, 20]), (2, ARRAY[30])) AS t(x, a)`;
  expect(await rows(`SELECT x, y FROM ${t}, UNNEST(a) AS u(y) WHERE y > 10`)).toEqual([
    [1, 20],
    [2, 30],
  ]);
  expect(await rows(`SELECT x, y FROM ${t} JOIN UNNEST(a) AS u(y) ON y < 25`)).toEqual([
    [1, 10],
    [1, 20],
  ]);
});

test('in a correlated subquery', async () => {
  expect(
    await rows(
      `SELECT x, (SELECT sum(y) FROM UNNEST(a) AS u(y)) FROM (VALUES (1, ARRAY[1, 2]), (2, ARRAY[5])) t(x, a)`,
    ),
  ).toEqual([
    [1, 3],
    [2, 5],
  ]);
});

test('EXPLAIN shows the Unnest; filters on the left relation run below it', async () => {
  const plan = (
    await rows(
      `EXPLAIN SELECT x, y FROM (VALUES (1, ARRAY[10, 20])) t(x, a), UNNEST(a) AS u(y) WHERE x > 0 AND y > 10`,
    )
  )
    .map((r) => r[0])
    .join('\n');
  expect(plan).toMatch(
    /Filter\[filterPredicate = \(unnest_field_\d+ > 10\)\][\s\S]*Unnest\[[\s\S]*Filter\[filterPredicate = \(_col0_\d+ > 0\)\]/,
  );
});

test('errors', async () => {
  expect(await error('SELECT * FROM UNNEST(1)')).toBe('TYPE_MISMATCH');
  expect(await error('SELECT * FROM UNNEST(ARRAY[1]) AS t(a, b)')).toBe('MISMATCHED_COLUMN_ALIASES');
  expect(await error('SELECT * FROM (VALUES ARRAY[1]) t(a) LEFT JOIN UNNEST(a) AS u(x) ON x > 0')).toBe(
    'NOT_SUPPORTED',
  );
});
