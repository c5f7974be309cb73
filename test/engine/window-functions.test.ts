/** Window functions: ranking signatures, ntile with NULL buckets, windows over inputs without columns. */
import { sqlSession } from './sql-session';

const { rows, error } = sqlSession();

test('a window over rows that carry no columns', async () => {
  expect(await rows('SELECT row_number() OVER ()')).toEqual([[1]]);
  expect(await rows('SELECT count(*) OVER () FROM (VALUES 1, 2, 3) t(x)')).toEqual([[3], [3], [3]]);
});

test('ntile: NULL buckets give NULL, buckets must be positive', async () => {
  expect(await rows('SELECT ntile(NULL) OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)')).toEqual([
    [null],
    [null],
  ]);
  expect(await rows('SELECT x, ntile(2) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x) ORDER BY x')).toEqual([
    [1, 1],
    [2, 1],
    [3, 2],
  ]);
  expect(await error('SELECT ntile(0) OVER (ORDER BY x) FROM (VALUES 1) t(x)')).toBe(
    'INVALID_FUNCTION_ARGUMENT',
  );
});

test('ranking functions check their arguments', async () => {
  expect(await error('SELECT ntile(1, 2) OVER (ORDER BY x) FROM (VALUES 1) t(x)')).toBe('FUNCTION_NOT_FOUND');
  expect(await error("SELECT ntile('a') OVER (ORDER BY x) FROM (VALUES 1) t(x)")).toBe('FUNCTION_NOT_FOUND');
  expect(await error('SELECT rank(1) OVER (ORDER BY x) FROM (VALUES 1) t(x)')).toBe('FUNCTION_NOT_FOUND');
});

test('a WINDOW clause names each window once', async () => {
  expect(
    await error(
      'SELECT lag(x) OVER w FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x), w AS (ORDER BY x DESC)',
    ),
  ).toBe('DUPLICATE_WINDOW_NAME');
  expect(
    await rows('SELECT x, lag(x) OVER w FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x) ORDER BY x'),
  ).toEqual([
    [1, null],
    [2, 1],
  ]);
});

describe('RANGE frames with offsets', () => {
  const VALUES = '(VALUES 1, 2, 4, 5, 9, NULL) t(x)';

  test('measure distances on the sort key; NULL keys frame their NULL peers', async () => {
    expect(
      await rows(
        `SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM ${VALUES} ORDER BY x`,
      ),
    ).toEqual([
      [1, 1],
      [2, 3],
      [4, 6],
      [5, 9],
      [9, 9],
      [null, null],
    ]);
  });

  test('descending keys: PRECEDING means larger values', async () => {
    expect(
      await rows(
        `SELECT x, sum(x) OVER (ORDER BY x DESC RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM ${VALUES} ORDER BY x`,
      ),
    ).toEqual([
      [1, 3],
      [2, 7],
      [4, 9],
      [5, 9],
      [9, 9],
      [null, null],
    ]);
  });

  test('fractional offsets, decimal and date keys', async () => {
    expect(
      await rows(
        'SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 0.5 PRECEDING AND 0.5 FOLLOWING) FROM (VALUES 1, 2, 2, 3) t(x) ORDER BY x',
      ),
    ).toEqual([
      [1, 1],
      [2, 2],
      [2, 2],
      [3, 1],
    ]);
    expect(
      await rows(
        'SELECT CAST(x AS varchar), count(*) OVER (ORDER BY x RANGE 1.5 PRECEDING) FROM (VALUES 1.0, 2.5, 3.0, 4.1) t(x) ORDER BY x',
      ),
    ).toEqual([
      ['1.0', 1],
      ['2.5', 2],
      ['3.0', 2],
      ['4.1', 2],
    ]);
    expect(
      await rows(
        "SELECT day(d), count(*) OVER (ORDER BY d RANGE INTERVAL '1' DAY PRECEDING) FROM (VALUES DATE '2020-01-01', DATE '2020-01-02', DATE '2020-01-04') t(d) ORDER BY d",
      ),
    ).toEqual([
      [1, 1],
      [2, 2],
      [4, 1],
    ]);
  });

  test('interval keys move by intervals of their kind', async () => {
    expect(
      await rows(
        "SELECT id, sum(x) OVER (ORDER BY k RANGE BETWEEN INTERVAL '4' DAY PRECEDING AND CURRENT ROW) FROM (VALUES (1, INTERVAL '26' DAY, 10), (2, INTERVAL '30' DAY, 1)) t(id, k, x) ORDER BY id",
      ),
    ).toEqual([
      [1, 10],
      [2, 11],
    ]);
    expect(
      await error(
        "SELECT count(*) OVER (ORDER BY k RANGE INTERVAL '1' MONTH PRECEDING) FROM (VALUES INTERVAL '1' DAY) t(k)",
      ),
    ).toBe('TYPE_MISMATCH');
  });

  test('frame checks', async () => {
    expect(await error('SELECT sum(x) OVER (RANGE 1 PRECEDING) FROM (VALUES 1) t(x)')).toBe(
      'MISSING_ORDER_BY',
    );
    expect(await error('SELECT sum(x) OVER (ORDER BY x, x RANGE 1 PRECEDING) FROM (VALUES 1) t(x)')).toBe(
      'INVALID_ORDER_BY',
    );
    expect(await error("SELECT sum(x) OVER (ORDER BY x RANGE 'a' PRECEDING) FROM (VALUES 1) t(x)")).toBe(
      'TYPE_MISMATCH',
    );
    expect(await error("SELECT sum(1) OVER (ORDER BY x RANGE 1 PRECEDING) FROM (VALUES 'a') t(x)")).toBe(
      'TYPE_MISMATCH',
    );
    expect(await error('SELECT sum(x) OVER (ORDER BY x ROWS 1.5 PRECEDING) FROM (VALUES 1) t(x)')).toBe(
      'TYPE_MISMATCH',
    );
    expect(
      await error(
        'SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM (VALUES 1) t(x)',
      ),
    ).toBe('INVALID_WINDOW_FRAME');
  });
});

describe('GROUPS frames', () => {
  // peer groups: {1, 1}, {2}, {4, 4}, {5}
  const VALUES = '(VALUES 1, 1, 2, 4, 4, 5) t(x)';

  test('offsets count peer groups', async () => {
    expect(
      await rows(
        `SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM ${VALUES} ORDER BY x`,
      ),
    ).toEqual([
      [1, 2],
      [1, 2],
      [2, 4],
      [4, 10],
      [4, 10],
      [5, 13],
    ]);
    expect(
      await rows(
        `SELECT x, count(*) OVER (ORDER BY x GROUPS BETWEEN 2 PRECEDING AND 1 PRECEDING) FROM ${VALUES} ORDER BY x`,
      ),
    ).toEqual([
      [1, 0],
      [1, 0],
      [2, 2],
      [4, 3],
      [4, 3],
      [5, 3],
    ]);
    expect(
      await rows(
        `SELECT x, count(*) OVER (ORDER BY x GROUPS BETWEEN 1 FOLLOWING AND 5 FOLLOWING) FROM ${VALUES} ORDER BY x`,
      ),
    ).toEqual([
      [1, 4],
      [1, 4],
      [2, 3],
      [4, 1],
      [4, 1],
      [5, 0],
    ]);
  });

  test('offsets need ORDER BY', async () => {
    expect(await error('SELECT count(*) OVER (GROUPS 1 PRECEDING) FROM (VALUES 1) t(x)')).toBe(
      'MISSING_ORDER_BY',
    );
    expect(await rows('SELECT count(*) OVER (GROUPS UNBOUNDED PRECEDING) FROM (VALUES 1, 2) t(x)')).toEqual([
      [2],
      [2],
    ]);
  });
});

test('FILTER on aggregate window functions', async () => {
  expect(
    await rows(
      'SELECT x, sum(x) FILTER (WHERE x % 2 = 1) OVER (ORDER BY x), count(*) FILTER (WHERE x > 1) OVER () FROM (VALUES 1, 2, 3, 4) t(x) ORDER BY x',
    ),
  ).toEqual([
    [1, 1, 3],
    [2, 1, 3],
    [3, 4, 3],
    [4, 4, 3],
  ]);
  expect(await error('SELECT row_number() FILTER (WHERE x > 1) OVER () FROM (VALUES 1) t(x)')).toBe(
    'NOT_SUPPORTED',
  );
});
