/** WITH RECURSIVE, expanded up to max_recursion_depth levels as Trino does. */
import { createLocalEngine } from '../../src';

const engine = createLocalEngine({});
afterAll(() => engine.close());

const rows = async (sql: string, systemProperties: Record<string, string> = {}) =>
  (await engine.query(sql, { systemProperties })).rows;
const error = async (sql: string, systemProperties: Record<string, string> = {}) => {
  try {
    await engine.query(sql, { systemProperties });
  } catch (e) {
    return `${(e as { errorName?: string }).errorName}: ${(e as { rawMessage?: string }).rawMessage}`;
  }
  return 'no error';
};

test('a converging recursion returns every level', async () => {
  expect(
    await rows(
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t ORDER BY n',
    ),
  ).toEqual([[1], [2], [3], [4], [5]]);
  // levels 0..10 are allowed by default: n = 1..11
  expect(
    await rows(
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 11) SELECT count(*), sum(n) FROM t',
    ),
  ).toEqual([[11, 66]]);
});

test('the step reads the previous level with the anchor types and the column aliases', async () => {
  expect(
    await rows(
      "WITH RECURSIVE t(a, b) AS (SELECT 1, CAST('x' AS varchar) UNION ALL SELECT a + 1, b || 'y' FROM t WHERE a < 3) SELECT t.a, b FROM t ORDER BY a",
    ),
  ).toEqual([
    [1, 'x'],
    [2, 'xy'],
    [3, 'xyy'],
  ]);
});

test('the recursive reference may be joined, and later WITH queries read the result', async () => {
  expect(
    await rows(
      'WITH RECURSIVE reach(n) AS (SELECT 1 UNION ALL SELECT e.b FROM reach JOIN (VALUES (1, 2), (2, 3), (3, 4)) e(a, b) ON reach.n = e.a) SELECT n FROM reach ORDER BY n',
    ),
  ).toEqual([[1], [2], [3], [4]]);
  expect(
    await rows(
      'WITH RECURSIVE a(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM a WHERE x < 3), b(y) AS (SELECT x * 10 FROM a) SELECT * FROM b ORDER BY y',
    ),
  ).toEqual([[10], [20], [30]]);
});

test('a recursion that does not converge within max_recursion_depth fails', async () => {
  const message =
    "NOT_SUPPORTED: Recursion depth limit exceeded (10). Use 'max_recursion_depth' session property to modify the limit.";
  expect(
    await error(
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 12) SELECT * FROM t',
    ),
  ).toBe(message);
  expect(
    await rows(
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 12) SELECT max(n) FROM t',
      {
        max_recursion_depth: '11',
      },
    ),
  ).toEqual([[12]]);
});

test('shape rules', async () => {
  expect(await error('WITH RECURSIVE t AS (SELECT 1) SELECT * FROM t')).toMatch(/^MISSING_COLUMN_ALIASES/);
  // without a self reference the query is an ordinary WITH query
  expect(await rows('WITH RECURSIVE t(x) AS (SELECT 42) SELECT * FROM t')).toEqual([[42]]);
  expect(
    await error('WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n + 1 FROM t, t u) SELECT * FROM t'),
  ).toMatch(/^INVALID_RECURSIVE_REFERENCE: multiple recursive references/);
  expect(await error('WITH RECURSIVE t(n) AS (SELECT * FROM t UNION ALL SELECT 1) SELECT * FROM t')).toMatch(
    /^INVALID_RECURSIVE_REFERENCE: WITH table name is referenced in the base relation/,
  );
  expect(
    await error('WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM t LIMIT 1)) SELECT * FROM t'),
  ).toMatch(/^INVALID_LIMIT_CLAUSE/);
  expect(
    await error('WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n, n FROM t WHERE n < 3) SELECT * FROM t'),
  ).toMatch(/^TYPE_MISMATCH: base and step relations of recursion have different number of fields/);
});
