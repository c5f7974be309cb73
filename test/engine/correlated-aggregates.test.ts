/**
 * Correlated scalar aggregations, decorrelated either by aggregating per key and joining (the
 * input is expected to be larger) or, as Trino always does, by joining per input row and
 * regrouping by a unique row id: both keep duplicate input rows apart and give NULL (count: 0)
 * without match.
 */
import { MEMORY_CATALOG, sqlSession } from './sql-session';

const { rows } = sqlSession(MEMORY_CATALOG);

beforeAll(async () => {
  await rows(
    `CREATE TABLE small AS SELECT * FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b'), (3, 'c'), (NULL, 'd')) t(k, v)`,
  );
  await rows(
    `CREATE TABLE big AS SELECT * FROM (VALUES (1, 10), (1, 20), (2, 5), (2, NULL), (4, 7), (4, 8), (5, 1), (6, 1), (7, 1), (8, 1)) t(k, x)`,
  );
});

async function plan(sql: string): Promise<string> {
  return (await rows(`EXPLAIN ${sql}`)).map((r) => r[0]).join('\n');
}

const PER_ROW = `SELECT k, v, (SELECT sum(x) FROM big WHERE big.k = small.k) s,
  (SELECT count(x) FROM big WHERE big.k = small.k) c,
  (SELECT 2 * max(x) FROM big WHERE big.k = small.k) m
  FROM small ORDER BY k NULLS LAST, v`;

test('the smaller input is joined first and regrouped by row', async () => {
  expect(await plan(PER_ROW)).toContain('AssignUniqueId');
  expect(await rows(PER_ROW)).toEqual([
    [1, 'a', 30, 2, 40],
    [1, 'a', 30, 2, 40],
    [2, 'b', 5, 1, 10],
    [3, 'c', null, 0, null],
    [null, 'd', null, 0, null],
  ]);
});

test('a filter on the subquery value and on input columns', async () => {
  expect(
    await rows(
      `SELECT k, v FROM small WHERE v <> 'b' AND k * 10 < (SELECT sum(x) FROM big WHERE big.k = small.k) ORDER BY 1, 2`,
    ),
  ).toEqual([
    [1, 'a'],
    [1, 'a'],
  ]);
});

test('inputs of equal estimates join first (TPC-H q17 over tables without column statistics)', async () => {
  const sql = `SELECT k, x, (SELECT max(x) FROM big b WHERE b.k = big.k) m FROM big ORDER BY 1, 2 NULLS LAST`;
  expect(await plan(sql)).toContain('AssignUniqueId');
  expect(await rows(sql)).toEqual([
    [1, 10, 20],
    [1, 20, 20],
    [2, 5, 5],
    [2, null, 5],
    [4, 7, 8],
    [4, 8, 8],
    [5, 1, 1],
    [6, 1, 1],
    [7, 1, 1],
    [8, 1, 1],
  ]);
});

test('the larger input joins the per-key aggregation', async () => {
  const sql = `SELECT k, x, (SELECT count(v) FROM small WHERE small.k = big.k) c FROM big ORDER BY 1, 2`;
  expect(await plan(sql)).not.toContain('AssignUniqueId');
  expect(await rows(sql)).toEqual([
    [1, 10, 2],
    [1, 20, 2],
    [2, 5, 1],
    [2, null, 1],
    [4, 7, 0],
    [4, 8, 0],
    [5, 1, 0],
    [6, 1, 0],
    [7, 1, 0],
    [8, 1, 0],
  ]);
});

test('count(*) is not regrouped (an unmatched row would count as one)', async () => {
  const sql = `SELECT k, (SELECT count(*) FROM big WHERE big.k = small.k) c FROM small ORDER BY 1 NULLS LAST`;
  expect(await rows(sql)).toEqual([
    [1, 2],
    [1, 2],
    [2, 2],
    [3, 0],
    [null, 0],
  ]);
});
