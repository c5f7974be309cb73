/**
 * Subqueries outside WHERE and the select list: in JOIN ON conditions, ORDER BY, aggregate
 * arguments and window specifications; and correlated references that pass through projections.
 */
import { MEMORY_CATALOG, sqlSession } from './sql-session';

const { engine, rows, error } = sqlSession(MEMORY_CATALOG);

beforeAll(async () => {
  await engine.query('CREATE TABLE l (i integer, j integer)');
  await engine.query('CREATE TABLE r (i integer, j integer)');
  await engine.query('CREATE TABLE s (i integer, j integer)');
  await engine.query('INSERT INTO l VALUES (1, 10), (2, 20), (3, 30)');
  await engine.query('INSERT INTO r VALUES (1, 100), (2, 200), (4, 400), (NULL, 999)');
  await engine.query('INSERT INTO s VALUES (1, 10), (2, 20), (NULL, 99)');
});

describe('JOIN ON', () => {
  test('a subquery correlated to the left side of a LEFT JOIN', async () => {
    expect(
      await rows(
        'SELECT l.i, r.i FROM l LEFT JOIN r ON l.i IN (SELECT s.i FROM s WHERE s.i = l.i) AND r.i < 3 ORDER BY l.i, r.i',
      ),
    ).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
      [3, null],
    ]);
  });

  test('a subquery correlated to the right side keeps unmatched left rows', async () => {
    expect(
      await rows(
        'SELECT l.i, r.i FROM l LEFT JOIN r ON r.i IN (SELECT s.i FROM s WHERE s.i = r.i) AND l.i = 3 ORDER BY l.i, r.i',
      ),
    ).toEqual([
      [1, null],
      [2, null],
      [3, 1],
      [3, 2],
    ]);
  });

  test('uncorrelated subqueries in a FULL JOIN equality', async () => {
    expect(
      await rows(
        'SELECT l.i, r.i FROM l FULL JOIN r ON l.i + (SELECT 1) = r.i + (SELECT 0) ORDER BY l.i NULLS LAST, r.i NULLS LAST',
      ),
    ).toEqual([
      [1, 2],
      [2, null],
      [3, 4],
      [null, 1],
      [null, null],
    ]);
  });

  test('a subquery reading both sides of an inner join', async () => {
    expect(
      await rows(
        'SELECT l.i, r.i FROM l JOIN r ON EXISTS (SELECT 1 FROM s WHERE s.i = l.i AND s.j * 10 = r.j) ORDER BY l.i',
      ),
    ).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  test('a subquery reading both sides of an outer join', async () => {
    expect(
      await rows(
        'SELECT l.i, r.i FROM l LEFT JOIN r ON EXISTS (SELECT 1 FROM s WHERE s.i = l.i AND s.j * 10 = r.j) ORDER BY l.i',
      ),
    ).toEqual([
      [1, 1],
      [2, 2],
      [3, null],
    ]);
    expect(
      await rows(
        'SELECT l.i, r.j FROM l RIGHT JOIN r ON EXISTS (SELECT 1 FROM s WHERE s.i = l.i AND s.j * 10 = r.j) ORDER BY r.j',
      ),
    ).toEqual([
      [1, 100],
      [2, 200],
      [null, 400],
      [null, 999],
    ]);
    expect(
      await error('SELECT 1 FROM l FULL JOIN r ON EXISTS (SELECT 1 FROM s WHERE s.i = l.i AND s.j = r.j)'),
    ).toBe('NOT_SUPPORTED');
  });
});

test('ORDER BY a correlated subquery', async () => {
  expect(
    await rows('SELECT i FROM l ORDER BY (SELECT count(*) FROM r WHERE r.i >= l.i) DESC, i DESC'),
  ).toEqual([[1], [2], [3]]);
  expect(
    await rows(
      'SELECT j, sum(i) FROM l GROUP BY j ORDER BY (SELECT max(s.j) FROM s WHERE s.j <= l.j) DESC, j',
    ),
  ).toEqual([
    [20, 2],
    [30, 3],
    [10, 1],
  ]);
});

test('subqueries in aggregate arguments and window specifications', async () => {
  expect(await rows('SELECT sum((SELECT l.i * 2)), max((SELECT 5)) FROM l')).toEqual([[12, 5]]);
  expect(
    await rows(
      'SELECT i, sum((SELECT l.j)) OVER (PARTITION BY (SELECT l.i % 2) ORDER BY (SELECT -l.i)) FROM l ORDER BY i',
    ),
  ).toEqual([
    [1, 40],
    [2, 20],
    [3, 30],
  ]);
});

test('a subquery selecting outer columns sees them bound per row', async () => {
  expect(await rows('SELECT EXISTS (SELECT l.i, l.j WHERE l.j < 25) FROM l ORDER BY i')).toEqual([
    [true],
    [true],
    [false],
  ]);
  expect(await rows('SELECT i, (SELECT l.i), j FROM l ORDER BY j')).toEqual([
    [1, 1, 10],
    [2, 2, 20],
    [3, 3, 30],
  ]);
  expect(
    await rows('SELECT l.j + (SELECT l.i FROM s WHERE EXISTS (SELECT l.i + s.i) LIMIT 1) FROM l ORDER BY 1'),
  ).toEqual([[11], [22], [33]]);
});

test('a subquery ordering by an outer column', async () => {
  expect(
    await rows(
      'SELECT x, (SELECT y FROM (VALUES 2, 1) s(y) ORDER BY t.x, y LIMIT 1) FROM (VALUES 5, 6) t(x) ORDER BY x',
    ),
  ).toEqual([
    [5, 1],
    [6, 1],
  ]);
});

test('a subquery grouping by an outer column', async () => {
  expect(await rows('SELECT i, (SELECT count(*) FROM s GROUP BY l.i) FROM l ORDER BY i')).toEqual([
    [1, 3],
    [2, 3],
    [3, 3],
  ]);
});

describe('an uncorrelated IN over one side of a join', () => {
  const plan = async (sql: string) => (await rows(`EXPLAIN ${sql}`)).map((r) => r[0]).join('\n');

  test('filters that side before the join (TPC-H q18)', async () => {
    const sql = 'SELECT l.i, r.j FROM l JOIN r ON l.i = r.i WHERE r.j IN (SELECT j * 10 FROM s) ORDER BY 1';
    // the Apply sits below the join, on r's side
    expect(await plan(sql)).toMatch(/Join[\s\S]*Apply\[in/);
    expect(await rows(sql)).toEqual([
      [1, 100],
      [2, 200],
    ]);
  });

  test('stays above a LEFT JOIN when it tests the NULL-padded side', async () => {
    // s's subquery is empty: IN gives false even for the padded row's NULL
    const sql =
      'SELECT l.i, r.j, r.j IN (SELECT j FROM s WHERE j > 1000) FROM l LEFT JOIN r ON l.i = r.i ORDER BY 1';
    expect(await rows(sql)).toEqual([
      [1, 100, false],
      [2, 200, false],
      [3, null, false],
    ]);
  });
});
