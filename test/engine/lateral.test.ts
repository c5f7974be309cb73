/** LATERAL subqueries: correlated to the relations on their left, per row, INNER or LEFT. */
import { sqlSession } from './sql-session';

const { rows, error } = sqlSession();

const T = '(VALUES 1, 2, 3) t(x)';
const LESSER = 'LATERAL (SELECT y FROM (VALUES 1, 2, 3) u(y) WHERE y < t.x) s';

test('a lateral subquery runs per left row', async () => {
  expect(await rows(`SELECT * FROM ${T}, LATERAL (SELECT x * 10 AS y) ORDER BY x`)).toEqual([
    [1, 10],
    [2, 20],
    [3, 30],
  ]);
  expect(await rows(`SELECT t.x, s.y FROM ${T} CROSS JOIN ${LESSER} ORDER BY 1, 2`)).toEqual([
    [2, 1],
    [3, 1],
    [3, 2],
  ]);
});

test('LEFT JOIN LATERAL keeps rows without matches; ON filters the pairs', async () => {
  expect(await rows(`SELECT t.x, s.y FROM ${T} LEFT JOIN ${LESSER} ON true ORDER BY 1, 2`)).toEqual([
    [1, null],
    [2, 1],
    [3, 1],
    [3, 2],
  ]);
  expect(await rows(`SELECT t.x, s.y FROM ${T} LEFT JOIN ${LESSER} ON s.y > 1 ORDER BY 1, 2`)).toEqual([
    [1, null],
    [2, null],
    [3, 2],
  ]);
  expect(await rows(`SELECT t.x, s.y FROM ${T} JOIN ${LESSER} ON s.y > 1`)).toEqual([[3, 2]]);
});

test('a lateral column passed through keeps its own identity', async () => {
  expect(
    await rows('SELECT t.x, s.x FROM (VALUES 1, 2) t(x), LATERAL (SELECT t.x + 0) s(x) ORDER BY 1'),
  ).toEqual([
    [1, 1],
    [2, 2],
  ]);
  expect(
    await rows('SELECT t.x, s.x FROM (VALUES 1, 2) t(x), LATERAL (SELECT t.x) s(x) WHERE s.x = 2'),
  ).toEqual([[2, 2]]);
});

test('a lateral reference is not allowed in RIGHT or FULL joins', async () => {
  expect(await error(`SELECT * FROM ${T} RIGHT JOIN LATERAL (SELECT t.x) s ON true`)).toBe('NOT_SUPPORTED');
  // without a reference to the left it is an ordinary join
  expect(await rows(`SELECT count(*) FROM ${T} FULL JOIN LATERAL (SELECT 1 AS y) s ON t.x = s.y`)).toEqual([
    [3],
  ]);
});
