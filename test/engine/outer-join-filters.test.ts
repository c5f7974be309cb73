/**
 * An outer join's ON condition on the non-preserved side alone filters that side's input before
 * the join (as in TPC-H q13); conditions on the preserved side, or across both, stay in the join,
 * since they decide matches and must not remove preserved rows.
 */
import { MEMORY_CATALOG, sqlSession } from './sql-session';

const { rows } = sqlSession(MEMORY_CATALOG);

beforeAll(async () => {
  await rows(`CREATE TABLE l AS SELECT * FROM (VALUES (1, 'x'), (2, 'y'), (3, 'z'), (NULL, 'n')) t(k, a)`);
  await rows(
    `CREATE TABLE r AS SELECT * FROM (VALUES (1, 'keep me'), (1, 'drop me'), (2, 'drop me'), (3, NULL)) t(k, b)`,
  );
});

async function plan(sql: string): Promise<string> {
  return (await rows(`EXPLAIN ${sql}`)).map((r) => r[0]).join('\n');
}

/** The predicate of the join node's line, or '' when it has none. */
function joinFilter(text: string): string {
  const line = text.split('\n').find((l) => /Join\[/.test(l)) ?? '';
  return /filter = (.*)\]$/.exec(line)?.[1] ?? '';
}

test('LEFT JOIN: a condition on the right side alone filters the right input', async () => {
  const sql = `SELECT l.k, a, b FROM l LEFT JOIN r ON l.k = r.k AND b NOT LIKE 'drop%' ORDER BY 1 NULLS LAST, 3`;
  const text = await plan(sql);
  expect(joinFilter(text)).toBe('');
  expect(text).toMatch(/Filter\[filterPredicate = \(NOT \(b_\d+ LIKE 'drop%'\)\)\]/);
  expect(await rows(sql)).toEqual([
    [1, 'x', 'keep me'],
    [2, 'y', null],
    [3, 'z', null], // NOT (NULL LIKE ...) is NULL: no match, the left row stays
    [null, 'n', null],
  ]);
});

test('RIGHT JOIN: a condition on the left side alone filters the left input', async () => {
  const sql = `SELECT r.k, b, a FROM l RIGHT JOIN r ON l.k = r.k AND a <> 'x' ORDER BY 1, 2`;
  expect(joinFilter(await plan(sql))).toBe('');
  expect(await rows(sql)).toEqual([
    [1, 'drop me', null],
    [1, 'keep me', null],
    [2, 'drop me', 'y'],
    [3, null, 'z'],
  ]);
});

test('a condition on the preserved side, or on both, stays in the join', async () => {
  const preserved = `SELECT l.k, a, b FROM l LEFT JOIN r ON l.k = r.k AND a = 'x' ORDER BY 1 NULLS LAST, 3`;
  expect(joinFilter(await plan(preserved))).toMatch(/a_\d+ = 'x'/);
  expect(await rows(preserved)).toEqual([
    [1, 'x', 'drop me'],
    [1, 'x', 'keep me'],
    [2, 'y', null],
    [3, 'z', null],
    [null, 'n', null],
  ]);
  const both = `SELECT l.k, b FROM l LEFT JOIN r ON l.k = r.k AND length(b) > l.k + 5 ORDER BY 1 NULLS LAST, 2`;
  expect(joinFilter(await plan(both))).not.toBe('');
  expect(await rows(both)).toEqual([
    [1, 'drop me'],
    [1, 'keep me'],
    [2, null],
    [3, null],
    [null, null],
  ]);
});

test('FULL JOIN keeps its condition in the join', async () => {
  const sql = `SELECT l.k, r.k, b FROM l FULL JOIN r ON l.k = r.k AND b = 'keep me' ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3`;
  expect(joinFilter(await plan(sql))).toMatch(/keep me/);
  expect(await rows(sql)).toEqual([
    [1, 1, 'keep me'],
    [2, null, null],
    [3, null, null],
    [null, 1, 'drop me'],
    [null, 2, 'drop me'],
    [null, 3, null],
    [null, null, null],
  ]);
});
