/**
 * The embedded engine end to end over VALUES (no connector involved): typing, expressions with
 * SQL NULL semantics, filtering, aggregation, joins, ordering and limits, and errors with
 * locations. Expected values are worked out by hand from Trino's documented semantics.
 */
import { LocalQueryEngine } from '../../src/local-engine';
import { functionLibrary } from '../../src/function-library';
import { TrinoError } from '../../src/errors';

const engine = new LocalQueryEngine({ factories: [], functions: functionLibrary }, { catalogs: [] });
afterAll(() => engine.close());

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

test('literals and arithmetic follow Trino typing', async () => {
  const r = await engine.query(
    "SELECT 1 + 2, 7 / 2, -7 / 2, 7 % 3, 2.5 * 2, 1e0 / 4, 'a' AS s, NULL, true AND NULL, false AND NULL",
  );
  expect(r.columns.map((c) => c.type)).toEqual([
    'integer',
    'integer',
    'integer',
    'integer',
    'decimal(12,1)',
    'double',
    'varchar(1)',
    'unknown',
    'boolean',
    'boolean',
  ]);
  expect(r.rows).toEqual([[3, 3, -3, 1, 50, 0.25, 'a', null, null, false]]);
});

test('integer overflow and division by zero raise Trino errors', async () => {
  expect((await error('SELECT 2147483647 + 1')).errorCode.name).toBe('NUMERIC_VALUE_OUT_OF_RANGE');
  expect((await error('SELECT 9223372036854775807 + 1')).errorCode.name).toBe('NUMERIC_VALUE_OUT_OF_RANGE');
  expect((await error('SELECT 1 / 0')).errorCode.name).toBe('DIVISION_BY_ZERO');
  // an untaken CASE branch is never evaluated
  expect(await rows('SELECT CASE WHEN false THEN 1 / 0 ELSE 1 END')).toEqual([[1]]);
});

test('bigint stays exact beyond 2^53', async () => {
  expect(await rows('SELECT 9007199254740993, 9007199254740992 + 1')).toEqual([
    [9007199254740993n, 9007199254740993n],
  ]);
});

test('filter, projection and three-valued logic', async () => {
  const sql =
    'SELECT x, y FROM (VALUES (1, 10), (2, NULL), (3, 30), (NULL, 40)) t (x, y) WHERE y > 5 OR x = 2';
  expect(await rows(sql)).toEqual([
    [1, 10],
    [2, null],
    [3, 30],
    [null, 40],
  ]);
  expect(await rows('SELECT x FROM (VALUES 1, 2, NULL) t (x) WHERE x IN (1, NULL)')).toEqual([[1]]);
  expect(await rows('SELECT x FROM (VALUES 1, 2, NULL) t (x) WHERE x NOT IN (1, NULL)')).toEqual([]);
  expect(
    await rows('SELECT x BETWEEN 1 AND 2, x IS NULL, x IS DISTINCT FROM 2 FROM (VALUES 2, NULL) t (x)'),
  ).toEqual([
    [true, false, false],
    [null, true, true],
  ]);
});

test('LIKE with wildcards and escape', async () => {
  expect(await rows("SELECT s FROM (VALUES 'abc', 'a_c', 'xbc', NULL) t (s) WHERE s LIKE 'a%'")).toEqual([
    ['abc'],
    ['a_c'],
  ]);
  expect(await rows("SELECT s FROM (VALUES 'abc', 'a_c') t (s) WHERE s LIKE 'a!_c' ESCAPE '!'")).toEqual([
    ['a_c'],
  ]);
});

test('grouped and global aggregation', async () => {
  const sql = `SELECT k, count(*), count(v), sum(v), avg(v), min(v), max(v)
    FROM (VALUES ('a', 1), ('b', 2), ('a', 3), ('b', NULL), ('c', NULL)) t (k, v)
    GROUP BY k ORDER BY k`;
  expect(await rows(sql)).toEqual([
    ['a', 2, 2, 4, 2, 1, 3],
    ['b', 2, 1, 2, 2, 2, 2],
    ['c', 1, 0, null, null, null, null],
  ]);
  expect(await rows('SELECT count(*), sum(x) FROM (VALUES 1) t (x) WHERE x > 5')).toEqual([[0, null]]);
  expect(await rows('SELECT count(DISTINCT x), sum(DISTINCT x) FROM (VALUES 1, 1, 2, NULL) t (x)')).toEqual([
    [2, 3],
  ]);
  expect(await rows('SELECT count(*) FILTER (WHERE x > 1) FROM (VALUES 1, 2, 3) t (x)')).toEqual([[2]]);
});

test('decimal sums and averages are exact', async () => {
  const r = await engine.query('SELECT sum(x), avg(x) FROM (VALUES 0.10, 0.20, 0.35) t (x)');
  expect(r.columns.map((c) => c.type)).toEqual(['decimal(38,2)', 'decimal(2,2)']);
  // 0.65 exactly; avg 0.2166… rounds half up to 0.22
  expect(r.rows).toEqual([[65n, 22]]);
});

test('HAVING, ORDER BY on output names, ordinals and input columns, LIMIT and OFFSET', async () => {
  const data = "(VALUES ('x', 3), ('y', 1), ('z', 2), ('w', 5)) t (name, n)";
  expect(await rows(`SELECT name FROM ${data} ORDER BY n DESC LIMIT 2`)).toEqual([['w'], ['x']]);
  expect(await rows(`SELECT name AS label, n FROM ${data} ORDER BY label OFFSET 1 LIMIT 2`)).toEqual([
    ['x', 3],
    ['y', 1],
  ]);
  expect(
    await rows(`SELECT n % 2 AS parity, count(*) FROM ${data} GROUP BY n % 2 HAVING count(*) > 1 ORDER BY 1`),
  ).toEqual([[1, 3]]);
  expect(await rows(`SELECT DISTINCT n > 2 FROM ${data} ORDER BY 1`)).toEqual([[false], [true]]);
});

test('NULL ordering: NULLS LAST for ASC by default, NULLS FIRST for DESC', async () => {
  const data = '(VALUES 2, NULL, 1) t (x)';
  expect(await rows(`SELECT x FROM ${data} ORDER BY x`)).toEqual([[1], [2], [null]]);
  expect(await rows(`SELECT x FROM ${data} ORDER BY x DESC`)).toEqual([[null], [2], [1]]);
  expect(await rows(`SELECT x FROM ${data} ORDER BY x NULLS FIRST`)).toEqual([[null], [1], [2]]);
});

test('joins: inner, left, right, full, cross, with NULL keys never matching', async () => {
  const a = "(VALUES (1, 'a1'), (2, 'a2'), (NULL, 'an')) a (k, av)";
  const b = "(VALUES (1, 'b1'), (3, 'b3'), (NULL, 'bn')) b (k, bv)";
  expect(await rows(`SELECT av, bv FROM ${a} JOIN ${b} ON a.k = b.k`)).toEqual([['a1', 'b1']]);
  expect(await rows(`SELECT av, bv FROM ${a} LEFT JOIN ${b} ON a.k = b.k ORDER BY av`)).toEqual([
    ['a1', 'b1'],
    ['a2', null],
    ['an', null],
  ]);
  expect(await rows(`SELECT av, bv FROM ${a} RIGHT JOIN ${b} ON a.k = b.k ORDER BY bv`)).toEqual([
    ['a1', 'b1'],
    [null, 'b3'],
    [null, 'bn'],
  ]);
  expect((await rows(`SELECT av, bv FROM ${a} FULL JOIN ${b} ON a.k = b.k`)).length).toBe(5);
  expect((await rows(`SELECT * FROM ${a}, ${b}`)).length).toBe(9);
  expect(
    await rows(`SELECT av, bv FROM ${a} JOIN ${b} ON a.k = b.k OR (a.k = 2 AND b.k = 3) ORDER BY av`),
  ).toEqual([
    ['a1', 'b1'],
    ['a2', 'b3'],
  ]);
});

test('WITH queries', async () => {
  expect(
    await rows('WITH t (x) AS (VALUES 1, 2, 3), u AS (SELECT x * 10 AS y FROM t) SELECT sum(y) FROM u'),
  ).toEqual([[60]]);
});

test('dates and intervals', async () => {
  const r = await engine.query(
    "SELECT DATE '1998-12-01' - INTERVAL '90' DAY, DATE '1994-01-31' + INTERVAL '1' MONTH",
  );
  expect(r.columns.map((c) => c.type)).toEqual(['date', 'date']);
  // 1998-09-02 is day 10471 since 1970-01-01; 1994-02-28 is day 8824
  expect(r.rows).toEqual([[10471, 8824]]);
});

test('times, timestamps and timestamps with time zone plus and minus intervals', async () => {
  const text = async (e: string) => (await rows(`SELECT CAST(${e} AS varchar)`))[0][0];
  // times wrap around midnight
  expect(await text("time '01:00' + INTERVAL '3' HOUR")).toBe('04:00:00');
  expect(await text("INTERVAL '3' HOUR + time '23:00'")).toBe('02:00:00');
  expect(await text("time '01:00' - INTERVAL '3' HOUR")).toBe('22:00:00');
  expect(await text("time '01:00:00.123456789012' + INTERVAL '1' SECOND")).toBe('01:00:01.123456789012');
  expect(await text("time '01:00 +05:00' - INTERVAL '3' HOUR")).toBe('22:00:00+05:00');
  // long timestamps keep their digits; months keep the time of day and clamp the day
  expect(await text("timestamp '2020-01-01 00:00:00.1234567' + INTERVAL '1' SECOND")).toBe(
    '2020-01-01 00:00:01.1234567',
  );
  expect(await text("timestamp '2020-01-31 10:00:00.1234567' + INTERVAL '1' MONTH")).toBe(
    '2020-02-29 10:00:00.1234567',
  );
  expect(await text("timestamp '2020-02-29 10:00' - INTERVAL '1' YEAR")).toBe('2019-02-28 10:00:00');
  // with a zone: day-to-second moves the instant, months move the local date
  expect(await text("timestamp '2020-03-07 12:00 America/New_York' + INTERVAL '1' DAY")).toBe(
    '2020-03-08 13:00:00 America/New_York',
  );
  expect(await text("timestamp '2020-03-08 01:30 America/New_York' + INTERVAL '1' HOUR")).toBe(
    '2020-03-08 03:30:00 America/New_York',
  );
  expect(await text("timestamp '2020-10-31 01:30 America/New_York' + INTERVAL '1' MONTH")).toBe(
    '2020-11-30 01:30:00 America/New_York',
  );
  expect(await text("timestamp '2020-01-31 00:00 UTC' + INTERVAL '1' MONTH")).toBe('2020-02-29 00:00:00 UTC');
  expect((await error("SELECT time '01:00' + INTERVAL '1' MONTH")).errorCode.name).toBe('TYPE_MISMATCH');
});

test('errors carry Trino names and locations', async () => {
  const missing = await error('SELECT nope FROM (VALUES 1) t (x)');
  expect(missing.errorCode.name).toBe('COLUMN_NOT_FOUND');
  expect(missing.message).toBe("line 1:8: Column 'nope' cannot be resolved");
  const mismatch = await error("SELECT 1 = 'a'");
  expect(mismatch.errorCode.name).toBe('TYPE_MISMATCH');
  expect(mismatch.location).toEqual({ line: 1, column: 8 });
  const notGrouped = await error('SELECT x, count(*) FROM (VALUES 1) t (x) GROUP BY ()');
  expect(notGrouped.errorCode.name).toBe('EXPRESSION_NOT_AGGREGATE');
  const ambiguous = await error('SELECT k FROM (VALUES 1) a (k), (VALUES 2) b (k)');
  expect(ambiguous.errorCode.name).toBe('AMBIGUOUS_NAME');
  expect((await error('SELECT * FROM nowhere')).errorCode.name).toBe('MISSING_CATALOG_NAME');
  expect((await error('SELEC 1')).errorCode.name).toBe('SYNTAX_ERROR');
});

describe('subqueries', () => {
  const t = '(VALUES (1, 10), (2, 20), (3, NULL)) t (k, v)';
  test('scalar subqueries, uncorrelated and correlated', async () => {
    expect(await rows(`SELECT k, (SELECT max(v) FROM ${t}) FROM ${t} ORDER BY k`)).toEqual([
      [1, 20],
      [2, 20],
      [3, 20],
    ]);
    // correlated with a non-equality, as sqllogictest's select1 does
    expect(
      await rows(
        `SELECT k, (SELECT count(*) FROM ${t.replace(' t ', ' x ')} WHERE x.k < t.k) FROM ${t} ORDER BY k`,
      ),
    ).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
    await expect(engine.query(`SELECT (SELECT k FROM ${t})`)).rejects.toMatchObject({
      errorCode: { name: 'SUBQUERY_MULTIPLE_ROWS' },
    });
  });

  test('IN, NOT IN with NULLs, EXISTS and quantified comparisons', async () => {
    expect(
      await rows(`SELECT k FROM ${t} WHERE k IN (SELECT v / 10 FROM ${t.replace(' t ', ' u ')}) ORDER BY k`),
    ).toEqual([[1], [2]]);
    // NOT IN over a set holding NULL is never true
    expect(
      await rows(`SELECT k FROM ${t} WHERE k NOT IN (SELECT v FROM ${t.replace(' t ', ' u ')})`),
    ).toEqual([]);
    expect(
      await rows(
        `SELECT k FROM ${t} WHERE EXISTS (SELECT 1 FROM ${t.replace(' t ', ' u ')} WHERE u.v = t.k * 10) ORDER BY k`,
      ),
    ).toEqual([[1], [2]]);
    expect(
      await rows(
        `SELECT k FROM ${t} WHERE NOT EXISTS (SELECT 1 FROM ${t.replace(' t ', ' u ')} WHERE u.v = t.k * 10)`,
      ),
    ).toEqual([[3]]);
    expect(
      await rows(
        `SELECT k FROM ${t} WHERE k * 10 >= ALL (SELECT v FROM ${t.replace(' t ', ' u ')} WHERE v IS NOT NULL)`,
      ),
    ).toEqual([[2], [3]]);
    expect(
      await rows(
        `SELECT k FROM ${t} WHERE k * 10 = ANY (SELECT v FROM ${t.replace(' t ', ' u ')}) ORDER BY k`,
      ),
    ).toEqual([[1], [2]]);
  });
});

test('set operations with SQL semantics (NULLs equal, ALL keeps multiplicity)', async () => {
  const a = '(VALUES 1, 1, 2, NULL) a (x)';
  const b = '(VALUES 1, 3, NULL) b (x)';
  const sorted = async (sql: string) =>
    (await rows(sql))
      .map((r) => r[0])
      .sort((p, q) => (p === null ? 1 : q === null ? -1 : (p as number) - (q as number)));
  expect(await sorted(`SELECT x FROM ${a} UNION SELECT x FROM ${b}`)).toEqual([1, 2, 3, null]);
  expect(await sorted(`SELECT x FROM ${a} UNION ALL SELECT x FROM ${b}`)).toEqual([
    1,
    1,
    1,
    2,
    3,
    null,
    null,
  ]);
  expect(await sorted(`SELECT x FROM ${a} INTERSECT SELECT x FROM ${b}`)).toEqual([1, null]);
  expect(await sorted(`SELECT x FROM ${a} EXCEPT SELECT x FROM ${b}`)).toEqual([2]);
  expect(await sorted(`SELECT x FROM ${a} EXCEPT ALL SELECT x FROM ${b}`)).toEqual([1, 2]);
  const r = await engine.query('SELECT 1 AS n UNION ALL SELECT 2.5 ORDER BY n DESC');
  expect(r.columns).toEqual([{ name: 'n', type: 'decimal(11,1)' }]);
  expect(r.rows).toEqual([[25], [10]]);
});

test('EXISTS decorrelates into a semi join with the same answers (keys, extra conditions, NULL keys)', async () => {
  const outer = "(VALUES (1, 'a'), (2, 'b'), (NULL, 'c'), (4, 'd')) o (k, tag)";
  const inner = '(VALUES (1, 5), (1, 7), (2, 1), (NULL, 9)) i (k, w)';
  const plan = (
    await engine.query(
      `EXPLAIN SELECT tag FROM ${outer} WHERE EXISTS (SELECT 1 FROM ${inner} WHERE i.k = o.k)`,
    )
  ).rows[0][0];
  expect(plan).toContain('SemiJoin');
  expect(
    await rows(`SELECT tag FROM ${outer} WHERE EXISTS (SELECT 1 FROM ${inner} WHERE i.k = o.k) ORDER BY tag`),
  ).toEqual([['a'], ['b']]);
  expect(
    await rows(
      `SELECT tag FROM ${outer} WHERE NOT EXISTS (SELECT 1 FROM ${inner} WHERE i.k = o.k) ORDER BY tag`,
    ),
  ).toEqual([['c'], ['d']]);
  // a correlated non-equality joins the keys as a filter: only k = 1 has w > 6
  expect(
    await rows(
      `SELECT tag FROM ${outer} WHERE EXISTS (SELECT 1 FROM ${inner} WHERE i.k = o.k AND i.w > 6 AND i.w <> o.k)`,
    ),
  ).toEqual([['a']]);
});

describe('window functions', () => {
  const t = "(VALUES ('a', 1, 10), ('a', 2, 20), ('a', 2, 30), ('b', 5, NULL), ('b', 6, 7)) t (g, k, v)";
  test('ranking', async () => {
    expect(
      await rows(
        `SELECT g, k, row_number() OVER (PARTITION BY g ORDER BY k), rank() OVER (PARTITION BY g ORDER BY k), dense_rank() OVER (PARTITION BY g ORDER BY k) FROM ${t} ORDER BY g, k, 3`,
      ),
    ).toEqual([
      ['a', 1, 1, 1, 1],
      ['a', 2, 2, 2, 2],
      ['a', 2, 3, 2, 2],
      ['b', 5, 1, 1, 1],
      ['b', 6, 2, 2, 2],
    ]);
    expect(
      await rows(
        `SELECT k, percent_rank() OVER (ORDER BY k), cume_dist() OVER (ORDER BY k), ntile(2) OVER (ORDER BY k, v) FROM ${t} ORDER BY k, v`,
      ),
    ).toEqual([
      [1, 0, 0.2, 1],
      [2, 0.25, 0.6, 1],
      [2, 0.25, 0.6, 1],
      [5, 0.75, 0.8, 2],
      [6, 1, 1, 2],
    ]);
  });

  test('aggregates over the default frame include peers; ROWS frames slide', async () => {
    expect(
      await rows(`SELECT k, sum(v) OVER (PARTITION BY g ORDER BY k) FROM ${t} WHERE g = 'a' ORDER BY k, v`),
    ).toEqual([
      [1, 10],
      [2, 60],
      [2, 60],
    ]);
    expect(
      await rows(
        `SELECT v, sum(v) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), count(*) OVER () FROM ${t} WHERE v IS NOT NULL ORDER BY v`,
      ),
    ).toEqual([
      [7, 7, 4],
      [10, 17, 4],
      [20, 30, 4],
      [30, 50, 4],
    ]);
  });

  test('navigation functions', async () => {
    expect(
      await rows(
        `SELECT v, lag(v) OVER (ORDER BY v), lead(v, 1, -1) OVER (ORDER BY v), first_value(v) OVER (ORDER BY v), last_value(v) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM ${t} WHERE v IS NOT NULL ORDER BY v`,
      ),
    ).toEqual([
      [7, null, 10, 7, 30],
      [10, 7, 20, 7, 30],
      [20, 10, 30, 7, 30],
      [30, 20, -1, 7, 30],
    ]);
  });

  test('windows over grouped rows and named windows', async () => {
    expect(
      await rows(`SELECT g, sum(k), rank() OVER (ORDER BY sum(k) DESC) FROM ${t} GROUP BY g ORDER BY g`),
    ).toEqual([
      ['a', 5, 2],
      ['b', 11, 1],
    ]);
    expect(
      await rows(`SELECT k, max(v) OVER w FROM ${t} WHERE g = 'b' WINDOW w AS (PARTITION BY g) ORDER BY k`),
    ).toEqual([
      [5, 7],
      [6, 7],
    ]);
  });
});

test('GROUPING SETS, ROLLUP, CUBE and grouping()', async () => {
  const t = "(VALUES ('a', 'x', 1), ('a', 'y', 2), ('b', 'x', 3)) t (g, h, v)";
  const sort = (r: unknown[][]) => r.map((x) => JSON.stringify(x)).sort();
  expect(sort(await rows(`SELECT g, h, sum(v), grouping(g, h) FROM ${t} GROUP BY ROLLUP (g, h)`))).toEqual(
    sort([
      ['a', 'x', 1, 0],
      ['a', 'y', 2, 0],
      ['b', 'x', 3, 0],
      ['a', null, 3, 1],
      ['b', null, 3, 1],
      [null, null, 6, 3],
    ]),
  );
  expect((await rows(`SELECT g, h, count(*) FROM ${t} GROUP BY CUBE (g, h)`)).length).toBe(3 + 2 + 2 + 1);
  expect(sort(await rows(`SELECT g, h, sum(v) FROM ${t} GROUP BY GROUPING SETS ((g), (h), ())`))).toEqual(
    sort([
      ['a', null, 3],
      ['b', null, 3],
      [null, 'x', 4],
      [null, 'y', 2],
      [null, null, 6],
    ]),
  );
  // a key also used as an aggregate argument keeps its values inside the aggregate
  expect(sort(await rows(`SELECT g, count(g) FROM ${t} GROUP BY ROLLUP (g)`))).toEqual(
    sort([
      ['a', 2],
      ['b', 1],
      [null, 3],
    ]),
  );
});

test('a correlated scalar aggregate decorrelates into an outer join with the same answers', async () => {
  const parts = '(VALUES (1, 10), (2, 20), (3, 30)) p (pk, size)';
  const items = '(VALUES (1, 4), (1, 6), (2, 8), (NULL, 100)) l (pk, qty)';
  const sql = `SELECT pk, (SELECT avg(qty) FROM ${items} WHERE l.pk = p.pk) FROM ${parts} ORDER BY pk`;
  // the smaller input (3 rows against 4) is joined first and regrouped per row: a RIGHT join
  const plan = String((await engine.query(`EXPLAIN ${sql}`)).rows[0][0]);
  expect(plan).toMatch(/(LEFT|RIGHT)Join/);
  expect(plan).not.toContain('Apply');
  expect(await rows(sql)).toEqual([
    [1, 5],
    [2, 8],
    [3, null],
  ]);
  // count keeps its meaning (0 for no rows) through the fallback path
  expect(
    await rows(`SELECT pk, (SELECT count(*) FROM ${items} WHERE l.pk = p.pk) FROM ${parts} ORDER BY pk`),
  ).toEqual([
    [1, 2],
    [2, 1],
    [3, 0],
  ]);
});

test('JOIN USING and NATURAL JOIN show each join column once', async () => {
  const a = "(VALUES (1, 'a1'), (2, 'a2')) a (k, av)";
  const b = "(VALUES (1, 'b1'), (3, 'b3')) b (k, bv)";
  const r = await engine.query(`SELECT * FROM ${a} JOIN ${b} USING (k)`);
  expect(r.columns.map((c) => c.name)).toEqual(['k', 'av', 'bv']);
  expect(r.rows).toEqual([[1, 'a1', 'b1']]);
  expect(await rows(`SELECT k, a.k, b.k FROM ${a} FULL JOIN ${b} USING (k) ORDER BY 1`)).toEqual([
    [1, 1, 1],
    [2, 2, null],
    [3, null, 3],
  ]);
  expect(await rows(`SELECT * FROM ${a} NATURAL JOIN ${b}`)).toEqual([[1, 'a1', 'b1']]);
});

test('HAVING without GROUP BY is a global aggregation', async () => {
  expect(await rows('SELECT 1 FROM (VALUES 1, 2) t (x) HAVING 1 < 2')).toEqual([[1]]);
});
