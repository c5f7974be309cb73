/**
 * Lambda expressions with Trino's higher-order functions: typing of the parameters from the
 * other arguments, captured columns (outer and of an enclosing lambda), and the error for a
 * lambda outside a function call.
 */
import { LocalQueryEngine } from '../../src/local-engine';
import { functionLibrary } from '../../src/function-library';
import { TrinoError } from '../../src/errors';

const engine = new LocalQueryEngine({ factories: [], functions: functionLibrary }, { catalogs: [] });
afterAll(() => engine.close());

const rows = async (sql: string) => (await engine.query(sql)).rows;

test('array functions: transform, filter, reduce, zip_with, matches, array_sort with a comparator', async () => {
  expect(
    await rows(
      'SELECT transform(ARRAY[1, 2, 3], x -> x * 2), filter(ARRAY[1, NULL, 3], x -> x IS NOT NULL), reduce(ARRAY[1, 2, 3], 0, (s, x) -> s + x, s -> s * 10)',
    ),
  ).toEqual([[[2, 4, 6], [1, 3], 60]]);
  expect(
    await rows(
      'SELECT zip_with(ARRAY[1, 2], ARRAY[3, 4], (a, b) -> a + b), any_match(ARRAY[1, 2], x -> x > 1), all_match(ARRAY[1, 2], x -> x > 1), none_match(ARRAY[1, 2], x -> x > 5)',
    ),
  ).toEqual([[[4, 6], true, false, true]]);
  expect(await rows('SELECT array_sort(ARRAY[3, 1, 2], (a, b) -> IF(a < b, 1, IF(a = b, 0, -1)))')).toEqual([
    [[3, 2, 1]],
  ]);
});

test('the body is typed from the parameters and coerced to the signature', async () => {
  const r = await engine.query(
    "SELECT transform(ARRAY['a', 'bc'], s -> length(s)), transform(ARRAY[1, 2], x -> x / 2e0)",
  );
  expect(r.columns.map((c) => c.type)).toEqual(['array(bigint)', 'array(double)']);
  expect(r.rows).toEqual([
    [
      [1, 2],
      [0.5, 1],
    ],
  ]);
});

test('map functions: transform_keys, transform_values, map_filter', async () => {
  expect(
    await rows(
      "SELECT transform_keys(MAP(ARRAY[1, 2], ARRAY['a', 'b']), (k, v) -> k + 10), transform_values(MAP(ARRAY[1, 2], ARRAY['a', 'b']), (k, v) -> v || 'x'), map_filter(MAP(ARRAY[1, 2], ARRAY['a', 'b']), (k, v) -> k > 1)",
    ),
  ).toEqual([
    [
      [
        [11, 'a'],
        [12, 'b'],
      ],
      [
        [1, 'ax'],
        [2, 'bx'],
      ],
      [[2, 'b']],
    ],
  ]);
});

test('lambdas capture columns of the row and parameters of enclosing lambdas', async () => {
  expect(
    await rows('SELECT n, transform(ARRAY[1, 2], x -> x + n) FROM (VALUES 10, 20) t(n) ORDER BY n'),
  ).toEqual([
    [10, [11, 12]],
    [20, [21, 22]],
  ]);
  expect(await rows('SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10, 20], y -> x * y))')).toEqual([
    [
      [
        [10, 20],
        [20, 40],
      ],
    ],
  ]);
  // a parameter shadows a column of the same name
  expect(await rows('SELECT transform(ARRAY[5], x -> x + 1) FROM (VALUES 100) t(x)')).toEqual([[[6]]]);
  expect(
    await rows('SELECT n FROM (VALUES 1, 2, 3) t(n) WHERE any_match(ARRAY[2, 3], x -> x = n) ORDER BY n'),
  ).toEqual([[2], [3]]);
});

test('a lambda outside a function call is a TYPE_MISMATCH', async () => {
  await expect(engine.query('SELECT x -> x + 1')).rejects.toThrow(TrinoError);
  try {
    await engine.query('SELECT x -> x + 1');
  } catch (e) {
    expect((e as TrinoError).errorCode.name).toBe('TYPE_MISMATCH');
    expect((e as TrinoError).message).toContain('Lambda expression should always be used inside a function');
  }
});
