/** ORDER BY inside aggregate calls: planned sort keys reach the function with its arguments. */
import { sqlSession } from './sql-session';

const { rows, error } = sqlSession();

test('array_agg follows the ORDER BY of its call', async () => {
  expect(await rows('SELECT array_agg(x ORDER BY x DESC) FROM (VALUES 3, 1, 2) t(x)')).toEqual([[[3, 2, 1]]]);
  // a sort key that is not an argument
  expect(
    await rows("SELECT array_agg(x ORDER BY y) FROM (VALUES (3, 'c'), (1, 'b'), (2, 'a')) t(x, y)"),
  ).toEqual([[[2, 1, 3]]]);
  expect(
    await rows(
      'SELECT g, array_agg(x ORDER BY x) FROM (VALUES (1, 3), (1, 1), (2, 5), (2, 4)) t(g, x) GROUP BY g ORDER BY g',
    ),
  ).toEqual([
    [1, [1, 3]],
    [2, [4, 5]],
  ]);
});

test('order-insensitive aggregates accept ORDER BY', async () => {
  expect(await rows('SELECT count(1 ORDER BY 1), sum(x ORDER BY x DESC) FROM (VALUES 1, 2) t(x)')).toEqual([
    [2, 3],
  ]);
});

test('ORDER BY checks', async () => {
  expect(await error("SELECT array_agg(DISTINCT x ORDER BY y) FROM (VALUES (3, 'c')) t(x, y)")).toBe(
    'EXPRESSION_NOT_IN_DISTINCT',
  );
  expect(await error('SELECT abs(x ORDER BY x) FROM (VALUES 1) t(x)')).toBe('FUNCTION_NOT_AGGREGATE');
});
