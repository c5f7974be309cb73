/**
 * Aggregate functions end to end: collections, by-key and n-forms, two-variable statistics,
 * approximate functions (checked against their documented accuracy, not exact values), DISTINCT,
 * FILTER, aggregates as window functions, and the ORDER BY wrapper of the accumulators.
 */
import { createLocalEngine } from '../../src';
import { TrinoError } from '../../src/errors';
import { createAccumulator } from '../../src/execution/aggregation/accumulators';
import { blockFromValues, valueAt } from '../../src/execution/block';
import { BIGINT, VARCHAR } from '../../src/types';

type Engine = Awaited<ReturnType<typeof createLocalEngine>>;
let engine: Engine;
beforeAll(async () => {
  engine = await createLocalEngine();
});

const rows = async (sql: string) => (await engine.query(sql)).rows;

async function error(sql: string): Promise<TrinoError> {
  try {
    await engine.query(sql);
  } catch (e) {
    expect(e).toBeInstanceOf(TrinoError);
    return e as TrinoError;
  }
  throw new Error(`expected an error: ${sql}`);
}

const T = "(VALUES (1, 'a'), (2, 'b'), (3, 'a'), (NULL, 'c')) t(x, y)";

test('array_agg keeps NULLs, map_agg skips NULL keys and keeps the first value, multimap_agg groups', async () => {
  const r = await engine.query(`SELECT array_agg(x), map_agg(x, y), multimap_agg(y, x) FROM ${T}`);
  expect(r.columns.map((c) => c.type)).toEqual([
    'array(integer)',
    'map(integer, varchar(1))',
    'map(varchar(1), array(integer))',
  ]);
  expect(r.rows).toEqual([
    [
      [1, 2, 3, null],
      [
        [1, 'a'],
        [2, 'b'],
        [3, 'a'],
      ],
      [
        ['a', [1, 3]],
        ['b', [2]],
        ['c', [null]],
      ],
    ],
  ]);
  expect(await rows("SELECT map_agg(k, v) FROM (VALUES (1, 'first'), (1, 'second')) t(k, v)")).toEqual([
    [[[1, 'first']]],
  ]);
  expect(await rows('SELECT array_agg(x) FROM (VALUES 1) t(x) WHERE x > 5')).toEqual([[null]]);
});

test('listagg joins non-NULL values; overflow errors as Trino', async () => {
  expect(await rows(`SELECT listagg(y, '-') FROM ${T}`)).toEqual([['a-b-a-c']]);
  expect(await rows("SELECT listagg(v, ',') FROM (VALUES 'x', NULL, 'z') t(v)")).toEqual([['x,z']]);
  const big = 'a'.repeat(600000);
  const e = await error(`SELECT listagg(v, ',') FROM (VALUES '${big}', '${big}') t(v)`);
  expect(e.errorCode.name).toBe('EXCEEDED_FUNCTION_MEMORY_LIMIT');
  expect(e.message).toContain(
    'Concatenated string has the length in bytes larger than the maximum output length 1048576',
  );
});

test('max_by/min_by with 2 and 3 arguments, min/max with n', async () => {
  const r = await rows(
    "SELECT max_by(y, x), min_by(y, x), max_by(y, x, 2), min_by(y, x, 2), max(x, 2), min(x, 3) FROM (VALUES (1,'a'),(2,'b'),(3,'c'),(NULL,'z')) t(x,y)",
  );
  expect(r).toEqual([['c', 'a', ['c', 'b'], ['a', 'b'], [3, 2], [1, 2, 3]]]);
  // tpch.tiny: the most expensive order's key and the two largest nation keys
  expect(await rows('SELECT max(nationkey, 2), min_by(name, nationkey) FROM tpch.tiny.nation')).toEqual([
    [[24, 23], 'ALGERIA'],
  ]);
  expect((await error('SELECT max(x, 0) FROM (VALUES 1) t(x)')).message).toContain(
    'second argument of max_n must be positive',
  );
  expect((await error('SELECT max_by(x, x, -1) FROM (VALUES 1) t(x)')).message).toContain(
    'third argument of max_by must be a positive integer',
  );
  expect((await error('SELECT min(x, 10001) FROM (VALUES 1) t(x)')).message).toContain(
    'second argument of min_n must be less than or equal to 10000; found 10001',
  );
});

test('covariance, correlation, regression and geometric mean (hand-computed)', async () => {
  // x = 1,2,3; y = 2,4,7: mean x 2, mean y 13/3; Sxy = 5, Sxx = 2, Syy = 38/3
  const [[corr, covarSamp, covarPop, slope, intercept, geo]] = (await rows(
    'SELECT corr(y, x), covar_samp(y, x), covar_pop(y, x), regr_slope(y, x), regr_intercept(y, x), geometric_mean(x) FROM (VALUES (1e0, 2e0), (2e0, 4e0), (3e0, 7e0)) t(x, y)',
  )) as number[][];
  expect(corr).toBeCloseTo(5 / Math.sqrt(2 * (38 / 3)), 12);
  expect(covarSamp).toBeCloseTo(2.5, 12);
  expect(covarPop).toBeCloseTo(5 / 3, 12);
  expect(slope).toBeCloseTo(2.5, 12);
  expect(intercept).toBeCloseTo(13 / 3 - 2.5 * 2, 12);
  expect(geo).toBeCloseTo(Math.cbrt(6), 12);
  expect(await rows('SELECT covar_samp(x, x), corr(x, x), regr_slope(x, x) FROM (VALUES 1e0) t(x)')).toEqual([
    [null, null, null],
  ]);
  const types = (await engine.query("SELECT corr(REAL '1', REAL '2'), geometric_mean(2)")).columns.map(
    (c) => c.type,
  );
  expect(types).toEqual(['real', 'double']);
});

test('approx_distinct: exact for small inputs, within 3 standard errors for 15000 orders', async () => {
  expect(await rows('SELECT approx_distinct(x) FROM (VALUES 1, 2, 2, 3, NULL) t(x)')).toEqual([[3]]);
  expect(await rows('SELECT approx_distinct(custkey, 0.01) FROM tpch.tiny.orders')).toEqual([[1000]]);
  const [[estimate]] = (await rows('SELECT approx_distinct(orderkey) FROM tpch.tiny.orders')) as number[][];
  expect(Math.abs(estimate - 15000) / 15000).toBeLessThan(3 * 0.023);
  const e = await error('SELECT approx_distinct(x, 0.5) FROM (VALUES 1) t(x)');
  expect(e.errorCode.name).toBe('INVALID_FUNCTION_ARGUMENT');
  expect(e.message).toContain('Max standard error must be in [0.0040625, 0.26]: 0.5');
});

test('approx_percentile: rank error within 1% on 15000 orders; arrays of percentiles', async () => {
  const [[median, p90]] = (await rows(
    'SELECT approx_percentile(totalprice, 0.5), approx_percentile(orderkey, 0.9) FROM tpch.tiny.orders',
  )) as number[][];
  const [[below]] = (await rows(
    `SELECT count_if(totalprice <= ${median}) FROM tpch.tiny.orders`,
  )) as number[][];
  expect(Math.abs(below / 15000 - 0.5)).toBeLessThan(0.01);
  const [[belowKey]] = (await rows(
    `SELECT count_if(orderkey <= ${p90}) FROM tpch.tiny.orders`,
  )) as number[][];
  expect(Math.abs(belowKey / 15000 - 0.9)).toBeLessThan(0.01);
  expect(Number.isInteger(p90)).toBe(true);
  expect(await rows('SELECT approx_percentile(x, ARRAY[0, 1]) FROM (VALUES 5, 1, 9) t(x)')).toEqual([
    [[1, 9]],
  ]);
  expect((await error('SELECT approx_percentile(x, 1.5) FROM (VALUES 1) t(x)')).message).toContain(
    'Percentile must be between 0 and 1',
  );
});

test('DISTINCT and FILTER apply to the new aggregates too', async () => {
  expect(
    await rows(
      'SELECT array_agg(DISTINCT x), count(DISTINCT x), array_agg(x) FILTER (WHERE x > 1) FROM (VALUES 1, 2, 2, 3) t(x)',
    ),
  ).toEqual([[[1, 2, 3], 3, [2, 2, 3]]]);
  expect(
    await rows(
      'SELECT regionkey, count(DISTINCT nationkey % 2) FROM tpch.tiny.nation GROUP BY 1 ORDER BY 1 LIMIT 2',
    ),
  ).toEqual([
    [0, 2],
    [1, 2],
  ]);
});

test('aggregates work as window functions', async () => {
  expect(
    await rows(
      'SELECT x, array_agg(x) OVER (ORDER BY x), max_by(x, -x) OVER () FROM (VALUES 3, 1, 2) t(x) ORDER BY x',
    ),
  ).toEqual([
    [1, [1], 1],
    [2, [1, 2], 1],
    [3, [1, 2, 3], 1],
  ]);
});

test('ORDER BY inside the call: the accumulator sees rows in sort order per group', () => {
  const acc = createAccumulator('listagg', [VARCHAR, VARCHAR], VARCHAR, false, [
    { type: BIGINT, ascending: false, nullsFirst: false },
  ]);
  const values = blockFromValues(['a', 'b', 'c', 'd']);
  const separators = blockFromValues([',', ',', ',', ',']);
  const keys = blockFromValues([1, 3, null, 2]);
  acc.add(Int32Array.from([0, 0, 0, 1]), [values, separators, keys], 4, null);
  const out = acc.result(2);
  expect([valueAt(out, 0), valueAt(out, 1)]).toEqual(['b,a,c', 'd']);
});

test('histogram counts each non-NULL value; NULL for a group without any', async () => {
  const r = await engine.query(`SELECT histogram(y), histogram(x) FILTER (WHERE x > 5) FROM ${T}`);
  expect(r.columns.map((c) => c.type)).toEqual(['map(varchar(1), bigint)', 'map(integer, bigint)']);
  // Trino does not promise an order of the map's entries
  const [counts, none] = r.rows[0] as [[string, number][], null];
  expect([...counts].sort()).toEqual([
    ['a', 2],
    ['b', 1],
    ['c', 1],
  ]);
  expect(none).toBeNull();
  expect(await rows(`SELECT x, histogram(y) FROM ${T} WHERE x = 1 GROUP BY x`)).toEqual([[1, [['a', 1]]]]);
});
