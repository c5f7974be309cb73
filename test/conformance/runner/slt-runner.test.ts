/** The sqllogictest runner: record semantics (scripted engine), hashing, real engine fixtures, a real corpus file. */
import { createHash } from 'node:crypto';
import { corpusPath } from '../../../conformance/corpus-paths';
import { parseSlt, readSltFile, type SltFormat, type SltQueryRecord } from '../../../conformance/slt-reader';
import {
  errorMessageMatches,
  runSltRecords,
  skippedByConditions,
} from '../../../conformance/runner/slt-runner';
import type { FileResult, UnitOutcome } from '../../../conformance/runner/results';
import { TrinoError } from '../../../src/errors';
import { fakeEngine, result, type FakeAnswer, type FakeEngine } from './fake-engine';

function md5(values: string[]): string {
  return createHash('md5')
    .update(values.map((v) => `${v}\n`).join(''))
    .digest('hex');
}

async function run(
  text: string,
  engine: FakeEngine,
  format: SltFormat = 'sqlite',
): Promise<FileResult & { outcomes: UnitOutcome[] }> {
  const outcomes: UnitOutcome[] = [];
  const r = await runSltRecords(
    { path: `fixture.${format}.test`, format, records: parseSlt(text, { format }) },
    { engineFactory: () => engine, onOutcome: (o) => outcomes.push(o) },
  );
  return { ...r, outcomes };
}

const statusAt = (r: { outcomes: UnitOutcome[] }, line: number) =>
  r.outcomes.find((o) => o.line === line)?.status;
const outcomeAt = (r: { outcomes: UnitOutcome[] }, line: number) => r.outcomes.find((o) => o.line === line)!;

const ints = (...xs: number[]): FakeAnswer =>
  result(
    ['integer'],
    xs.map((x) => [x]),
  );

describe('SQLite format with a scripted engine', () => {
  const script = `
statement ok
CREATE TABLE t(x INTEGER)

statement error
BAD SQL

statement ok
FAILS

statement error
SUCCEEDS

query I nosort
SELECT x FROM t ORDER BY 1
----
1
2
10

query I rowsort
SELECT x FROM t
----
1
10
2

query II valuesort
SELECT x, y FROM t
----
1
10
2
3

skipif tessera
query I nosort
SELECT never
----
1

onlyif mysql
statement ok
NEVER

skipif mysql
query I nosort
SELECT x FROM t ORDER BY 1
----
1
2
10

onlyif tessera
query I nosort
SELECT wrong
----
5

hash-threshold 2

query I rowsort
SELECT x FROM t
----
3 values hashing to ${md5(['1', '10', '2'])}

query I rowsort
SELECT x FROM t WHERE 0
----
3 values hashing to ${md5(['1', '10', '2'])}

query II nosort
SELECT two
----
1

query I nosort
SELECT boom

onlyif mssql
halt

skipif tessera
halt

statement ok
STILL RUNS

halt

query I nosort
SELECT after
----
1
`;
  let r: Awaited<ReturnType<typeof run>>;
  let engine: FakeEngine;
  beforeAll(async () => {
    engine = fakeEngine([
      ['BAD SQL', new TrinoError('SYNTAX_ERROR', 'bad')],
      ['FAILS', new TrinoError('NOT_SUPPORTED', 'nope')],
      ['SELECT x FROM t ORDER BY 1', ints(1, 2, 10)],
      ['SELECT x FROM t', ints(2, 10, 1)],
      [
        'SELECT x, y FROM t',
        result(
          ['integer', 'integer'],
          [
            [3, 10],
            [2, 1],
          ],
        ),
      ],
      ['SELECT wrong', ints(6)],
      ['SELECT x FROM t WHERE 0', ints(2, 1)],
      ['SELECT two', ints(1)],
      ['SELECT boom', new TypeError('engine bug')],
    ]);
    r = await run(script, engine);
  });

  test('statements', () => {
    expect(statusAt(r, 2)).toBe('passed');
    expect(statusAt(r, 5)).toBe('passed'); // statement error that fails
    expect(outcomeAt(r, 8)).toMatchObject({
      status: 'failed',
      category: 'error',
      reason: 'NOT_SUPPORTED: nope',
    });
    expect(outcomeAt(r, 11)).toMatchObject({ status: 'failed', category: 'unexpected-success' });
  });

  test('sort modes: nosort keeps order, rowsort / valuesort sort rendered text (strcmp)', () => {
    expect(statusAt(r, 14)).toBe('passed');
    expect(statusAt(r, 21)).toBe('passed'); // engine returned 2, 10, 1
    expect(statusAt(r, 28)).toBe('passed');
  });

  test('skipif / onlyif', () => {
    expect(outcomeAt(r, 37)).toMatchObject({ status: 'skipped', skipReason: 'skipif/onlyif' }); // skipif tessera
    expect(outcomeAt(r, 43)).toMatchObject({ status: 'skipped' }); // onlyif mysql
    expect(statusAt(r, 47)).toBe('passed'); // skipif mysql runs
    expect(outcomeAt(r, 55)).toMatchObject({ status: 'failed', category: 'wrong-result' }); // onlyif tessera runs
    expect(engine.received).not.toContain('SELECT never');
    expect(engine.received).not.toContain('NEVER');
  });

  test('hashed results: count and md5 of the sorted rendered values', () => {
    expect(statusAt(r, 62)).toBe('passed');
    expect(outcomeAt(r, 67)).toMatchObject({
      status: 'failed',
      category: 'hash-mismatch',
      reason: 'wrong row count (hash)',
    });
  });

  test('column count, engine exceptions, halt', () => {
    expect(outcomeAt(r, 72)).toMatchObject({ status: 'failed', category: 'column-count' });
    expect(outcomeAt(r, 77)).toMatchObject({
      status: 'failed',
      category: 'internal-error',
      reason: 'INTERNAL: TypeError: engine bug',
    });
    expect(statusAt(r, 86)).toBe('passed'); // halts guarded by conditions that exclude us did not stop the file
    expect(outcomeAt(r, 91)).toMatchObject({ status: 'skipped', skipReason: 'after halt' });
    expect(engine.received).not.toContain('SELECT after');
  });

  test('counts add up and the engine is closed', () => {
    const units = parseSlt(script).filter((x) => x.kind === 'statement' || x.kind === 'query').length;
    expect(r.records).toBe(units);
    expect(r.passed + r.failed + r.skipped).toBe(units);
    expect(r.outcomes).toHaveLength(units);
    expect(r.failed).toBe(r.failures.length);
    expect(engine.closed).toBe(true);
  });
});

describe('a hashed record from the real corpus', () => {
  // select1.test: `SELECT a+b*2+c*3+d*4+e*5, (a+b+c+d+e)/5 FROM t1 ORDER BY 1,2` → 60 values hashing to 8081…
  const file = readSltFile(corpusPath('sqllogictest', 'sqlite', 'select1.test'));
  const record = file.records.find(
    (x): x is SltQueryRecord =>
      x.kind === 'query' &&
      /^SELECT a\+b\*2\+c\*3\+d\*4\+e\*5,\s*\(a\+b\+c\+d\+e\)\/5\s+FROM t1\s+ORDER BY 1,2$/.test(x.sql),
  )!;
  // Compute the rows independently from the file's INSERT statements.
  const rows: number[][] = file.records
    .filter((x) => x.kind === 'statement' && x.sql.startsWith('INSERT INTO t1('))
    .map((x) => {
      const m = /INSERT INTO t1\(([a-e,]+)\) VALUES\(([-\d,]+)\)/.exec((x as { sql: string }).sql)!;
      const cols = m[1].split(',');
      const vals = m[2].split(',').map(Number);
      const v = Object.fromEntries(cols.map((c, i) => [c, vals[i]])) as Record<string, number>;
      return [v.a + v.b * 2 + v.c * 3 + v.d * 4 + v.e * 5, Math.trunc((v.a + v.b + v.c + v.d + v.e) / 5)];
    })
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);

  test('the corpus hash is the md5 of the rendered values, one per line', () => {
    expect(record).toBeDefined();
    expect(rows).toHaveLength(30);
    expect(record.expected).toEqual({ hash: { count: 60, md5: '808146289313018fce25f1a280bd8c30' } });
    expect(md5(rows.flat().map(String))).toBe('808146289313018fce25f1a280bd8c30');
  });

  test('the runner accepts the right values and rejects a wrong one', async () => {
    const runOne = async (values: number[][]) => {
      const engine = fakeEngine([[record.sql, result(['integer', 'integer'], values)]]);
      const r = await runSltRecords(
        { path: 'x', format: 'sqlite', records: [record] },
        { engineFactory: () => engine },
      );
      return r.failures[0]?.category ?? 'passed';
    };
    expect(await runOne(rows)).toBe('passed');
    const wrong = rows.map((row) => [...row]);
    wrong[3][1] += 1;
    expect(await runOne(wrong)).toBe('hash-mismatch');
    // decimal(…) values in an I column are truncated, so an exact decimal type renders the same
    const asDecimal = await (async () => {
      const engine = fakeEngine([
        [
          record.sql,
          result(
            ['decimal(10,1)', 'integer'],
            rows.map(([a, b]) => [a * 10 + 3, b]),
          ),
        ],
      ]);
      const r = await runSltRecords(
        { path: 'x', format: 'sqlite', records: [record] },
        { engineFactory: () => engine },
      );
      return r.passed;
    })();
    expect(asDecimal).toBe(1);
  });
});

describe('DuckDB format with a scripted engine', () => {
  const script = `
query II
SELECT rows
----
1	2
NULL	(empty)

query II
SELECT perline
----
1
2
3
4

query I
SELECT dbl
----
2

statement error
SELECT 1/0
----
Division by zero

statement error
SELECT bad
----
<REGEX>:.*cannot.*

statement error
SELECT other
----
something else

statement maybe
SELECT maybe

statement ok
PRAGMA threads=4

statement ok
SET default_null_order='nulls_first'

query I
SELECT x FROM t ORDER BY x
----
1

query I
SELECT count(*) FROM t
----
3

mode skip

query I
SELECT skipped
----
1

mode unskip

query I
SELECT fromfile
----
<FILE>:data/x.csv

require json

query I
SELECT required
----
1
`;
  let r: Awaited<ReturnType<typeof run>>;
  let engine: FakeEngine;
  beforeAll(async () => {
    engine = fakeEngine([
      [
        'SELECT rows',
        result(
          ['integer', 'varchar'],
          [
            [1, '2'],
            [null, ''],
          ],
        ),
      ],
      [
        'SELECT perline',
        result(
          ['integer', 'bigint'],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ],
      ['SELECT dbl', result(['double'], [[2]])],
      ['SELECT 1/0', new TrinoError('DIVISION_BY_ZERO', 'Division by zero')],
      ['SELECT bad', new TrinoError('SYNTAX_ERROR', 'this cannot work')],
      ['SELECT other', new TrinoError('GENERIC_USER_ERROR', 'different text')],
      ['SELECT maybe', new TrinoError('GENERIC_USER_ERROR', 'x')],
      ['SELECT count(*) FROM t', result(['bigint'], [[3]])],
    ]);
    r = await run(script, engine, 'duckdb');
  });

  /** The outcome of the record whose SQL is exactly `sql` (the record line is the one above it). */
  const at = (sql: string) => {
    const line = script.split('\n').indexOf(sql);
    if (line < 1) throw new Error(`no line ${sql}`);
    return outcomeAt(r, line);
  };

  test('row layouts and the numeric fallback', () => {
    expect(at('SELECT rows').status).toBe('passed');
    expect(at('SELECT perline').status).toBe('passed');
    expect(at('SELECT dbl').status).toBe('passed'); // 2.0 renders as '2.0', equal to '2' as a number
  });

  test('expected error messages: substring or regex; a mismatch still passes but is reported', () => {
    expect(at('SELECT 1/0')).toMatchObject({ status: 'passed' });
    expect(at('SELECT 1/0').messageMismatch).toBeUndefined();
    expect(at('SELECT bad').messageMismatch).toBeUndefined();
    expect(at('SELECT other')).toMatchObject({
      status: 'passed',
      messageMismatch: { expected: 'something else' },
    });
    expect(r.messageMismatches).toBe(1);
    expect(at('SELECT maybe').status).toBe('passed');
  });

  test('SET / PRAGMA, mode skip, <FILE>, require', () => {
    expect(at('PRAGMA threads=4').status).toBe('skipped');
    expect(at("SET default_null_order='nulls_first'").status).toBe('skipped');
    expect(at('SELECT x FROM t ORDER BY x')).toMatchObject({
      status: 'skipped',
      skipReason: 'depends on DuckDB setting default_null_order',
    });
    expect(at('SELECT count(*) FROM t').status).toBe('passed'); // no ORDER BY: unaffected
    expect(at('SELECT skipped').skipReason).toBe('mode skip');
    expect(at('SELECT fromfile').skipReason).toBe('<FILE> result (not in corpus)');
    expect(at('SELECT required').skipReason).toBe('require json');
    for (const sql of ['PRAGMA threads=4', 'SELECT skipped', 'SELECT required'])
      expect(engine.received).not.toContain(sql);
    expect(r.failed).toBe(0);
    expect(r.passed + r.failed + r.skipped).toBe(r.records);
  });
});

test('skipif / onlyif rule', () => {
  const c = (kind: 'skipif' | 'onlyif', engine: string) => ({ kind, engine, line: 1 });
  expect(skippedByConditions([])).toBe(false);
  expect(skippedByConditions([c('skipif', 'Tessera')])).toBe(true);
  expect(skippedByConditions([c('skipif', 'postgresql')])).toBe(false);
  expect(skippedByConditions([c('onlyif', 'sqlite')])).toBe(true);
  expect(skippedByConditions([c('onlyif', 'tessera')])).toBe(false);
  expect(skippedByConditions([c('skipif', 'mysql'), c('onlyif', 'mssql')])).toBe(true);
});

test('error message matching', () => {
  expect(errorMessageMatches('Binder Error: x', 'Binder')).toBe(true);
  expect(errorMessageMatches('abc', '<REGEX>:a.c')).toBe(true);
  expect(errorMessageMatches('abc', '<!REGEX>:a.c')).toBe(false);
  expect(errorMessageMatches('abc', '<REGEX>:(')).toBe(false);
});

describe('with the real engine', () => {
  test('a small SQLite-format fixture, including emulated index DDL', async () => {
    const text = `
statement ok
CREATE TABLE t1(a INTEGER, b VARCHAR(10))

statement ok
INSERT INTO t1 VALUES(1,'x'),(2,'')

query IT rowsort
SELECT a, b FROM t1
----
1
x
2
(empty)

query I nosort
SELECT 1
----
1

query R nosort
SELECT 1.5
----
1.500

statement error
SELECT * FROM no_such_table

statement ok
CREATE INDEX t1i1 ON t1(a)

statement error
CREATE INDEX t1i1 ON t1(b)

statement error
CREATE INDEX t9 ON no_such(a)

statement ok
DROP INDEX t1i1

statement error
DROP INDEX t1i1
`;
    const r = await runSltRecords({ path: 'fixture.test', format: 'sqlite', records: parseSlt(text) });
    expect(r.failures.map((f) => `${f.line}: ${f.reason} ${f.detail ?? ''}`)).toEqual([]);
    expect(r.passed).toBe(11);
  });

  test('a real corpus file end to end: every record is counted once', async () => {
    for (const file of [
      corpusPath('sqllogictest', 'sqlite', 'evidence', 'in1.test'),
      corpusPath(
        'sqllogictest',
        'duckdb',
        'tier1',
        'test',
        'sql',
        'aggregate',
        'aggregates',
        'test_count.test',
      ),
    ]) {
      const units = readSltFile(file).records.filter(
        (x) => x.kind === 'statement' || x.kind === 'query',
      ).length;
      const outcomes: UnitOutcome[] = [];
      const r = await runSltRecords(readSltFile(file), { onOutcome: (o) => outcomes.push(o) });
      expect(r.error).toBeUndefined();
      expect(r.records).toBe(units);
      expect(r.passed + r.failed + r.skipped).toBe(units);
      expect(new Set(outcomes.map((o) => o.unit)).size).toBe(units);
      for (const f of r.failures) expect(f.category).toBeDefined();
      expect(r.file).toMatch(/^sqllogictest\//);
    }
  });
});
