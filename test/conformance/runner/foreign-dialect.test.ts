/** Which corpus records use SQLite / DuckDB-only syntax, what they touch, and type-name translation. */
import { parseSlt } from '../../../conformance/slt-reader';
import {
  ForeignDialectTracker,
  foreignConstruct,
  translateTypeNames,
  writtenTables,
} from '../../../conformance/runner/foreign-dialect';
import { runSltRecords } from '../../../conformance/runner/slt-runner';
import type { UnitOutcome } from '../../../conformance/runner/results';

test.each([
  ['CREATE TRIGGER t1r1 UPDATE ON t1 BEGIN SELECT 1; END;', 'triggers'],
  ['DROP TRIGGER t1r1', 'triggers'],
  ['REINDEX t1i1', 'REINDEX'],
  ["INSERT OR REPLACE INTO t1 VALUES(2, 'x')", 'INSERT OR <conflict action>'],
  ["REPLACE INTO t1 VALUES(2, 'x')", 'REPLACE INTO'],
  ['BEGIN TRANSACTION', 'BEGIN [TRANSACTION]'],
  ['SELECT 1 FROM t1 WHERE 1 NOT IN ()', 'empty IN list'],
  ['SELECT DISTINCT ON (i) i, j FROM integers ORDER BY i', 'DISTINCT ON'],
  ['SELECT * FROM l SEMI JOIN r ON l.id = r.id', 'SEMI / ANTI / ASOF / POSITIONAL JOIN'],
  ['select l.* from a l anti join b r on l.k = r.pk', 'SEMI / ANTI / ASOF / POSITIONAL JOIN'],
  ['SELECT a FROM t1 JOIN BY (TYPE semi) t2 ON (a = b)', 'JOIN BY'],
  ["SELECT name FROM pragma_table_info('tbl')", 'pragma table functions'],
  ['FROM tbl', 'FROM-first queries'],
  ['CREATE TABLE test AS FROM VALUES (1, 22) v(id, b)', 'FROM-first queries'],
  ['CREATE TABLE c( c1 VARCHAR, );', 'trailing commas'],
  ['INSERT INTO t VALUES (0, 1), (1, 2),;', 'trailing commas'],
  ['select a, sum(b) over(), from t', 'trailing comma before FROM'],
  ['CREATE TABLE t1(a VARCHAR COLLATE NOCASE)', 'COLLATE'],
  ['CREATE FUNCTION my_func(x) AS (x + x)', 'macros'],
  ['CREATE MACRO m(a) AS a + 1', 'macros'],
  ['CREATE TABLE tbl ( x INTEGER, gen_x AS (x + 5) )', 'generated columns'],
  ['SELECT rowid, * FROM a', 'rowid pseudo-column'],
  ['UPDATE integers i1 SET i = 2', 'UPDATE with a target alias'],
  ['SELECT 1::VARCHAR', '`::` casts'],
])('%s uses %s', (sql, construct) => {
  expect(foreignConstruct(sql)).toBe(construct);
});

test.each([
  'SELECT x, y FROM t1 WHERE x IN (1, 2)',
  'SELECT DISTINCT i FROM integers',
  "SELECT 'DISTINCT ON (' || x, ',)' FROM t", // inside string literals
  'SELECT * FROM a LEFT JOIN b ON a.x = b.y',
  'CREATE TABLE t AS (SELECT 1 AS x)',
  'CREATE TABLE t AS SELECT * FROM u',
  'CREATE FUNCTION f(x bigint) RETURNS bigint RETURN x + 1',
  'UPDATE t1 SET x = 1 WHERE y > 0',
  'SELECT substring(x FROM 2) FROM t',
  'START TRANSACTION',
  'SELECT a, b FROM t',
])('%s is Trino grammar', (sql) => {
  expect(foreignConstruct(sql)).toBeUndefined();
});

test('written tables', () => {
  expect(writtenTables('CREATE TABLE IF NOT EXISTS s.t1 (a int)')).toEqual(['t1']);
  expect(writtenTables("INSERT OR REPLACE INTO t1 VALUES(2, 'x')")).toEqual(['t1']);
  expect(writtenTables('REPLACE INTO "T2" VALUES(1)')).toEqual(['T2']);
  expect(writtenTables('CREATE TRIGGER r AFTER DELETE ON t3 BEGIN SELECT 1; END')).toContain('t3');
  expect(writtenTables('UPDATE t4 AS x SET a = 1')).toEqual(['t4']);
  expect(writtenTables('DELETE FROM t5 WHERE a = 1')).toEqual(['t5']);
  expect(writtenTables('SELECT * FROM t6')).toEqual([]);
});

test('the tracker skips records that read a table a skipped statement changed, until it is re-created', () => {
  const tracker = new ForeignDialectTracker();
  tracker.skipped("REPLACE INTO t1 VALUES(2, 'x')", 'REPLACE INTO');
  expect(tracker.dependence('SELECT x FROM t1 WHERE x = 2')).toMatch(/table t1/);
  expect(tracker.dependence('SELECT x FROM t10')).toBeUndefined();
  expect(tracker.dependence("SELECT 't1' FROM t2")).toBeUndefined(); // a string is not a table
  tracker.running('CREATE TABLE t1 (x integer)');
  expect(tracker.dependence('SELECT x FROM t1')).toBeUndefined();
  // a skipped BEGIN owns the COMMIT / ROLLBACK that ends it
  expect(tracker.transactionEnd('ROLLBACK')).toBeUndefined();
  tracker.skipped('BEGIN TRANSACTION', 'BEGIN [TRANSACTION]');
  expect(tracker.transactionEnd('SELECT 1')).toBeUndefined();
  expect(tracker.transactionEnd('ROLLBACK')).toBe('BEGIN [TRANSACTION]');
  expect(tracker.transactionEnd('ROLLBACK')).toBeUndefined();
});

test('type names are translated only in type positions', () => {
  expect(translateTypeNames('CREATE TABLE t1( x INTEGER, y TEXT )', 'sqlite')).toBe(
    'CREATE TABLE t1( x INTEGER, y VARCHAR )',
  );
  expect(translateTypeNames('CREATE TABLE t(a FLOAT, b float)', 'duckdb')).toBe(
    'CREATE TABLE t(a REAL, b REAL)',
  );
  expect(translateTypeNames('CREATE TABLE t(a FLOAT)', 'sqlite')).toBe('CREATE TABLE t(a DOUBLE)');
  expect(translateTypeNames('SELECT CAST(x AS SIGNED) FROM t', 'duckdb')).toBe(
    'SELECT CAST(x AS BIGINT) FROM t',
  );
  // a column named `text` keeps its name; only its type changes
  expect(translateTypeNames('CREATE TABLE t(text TEXT)', 'sqlite')).toBe('CREATE TABLE t(text VARCHAR)');
  expect(translateTypeNames("SELECT text FROM t WHERE text = 'TEXT'", 'sqlite')).toBeUndefined();
  expect(translateTypeNames('CREATE TABLE t(a INTEGER)', 'sqlite')).toBeUndefined();
});

test('end to end with the real engine: foreign records are skipped, type names translated', async () => {
  const text = `
statement ok
CREATE TABLE t1(x INTEGER, y TEXT)

statement ok
INSERT INTO t1 VALUES(1, 'a')

statement ok
INSERT OR REPLACE INTO t1 VALUES(1, 'b')

query T nosort
SELECT y FROM t1
----
b

statement ok
CREATE TABLE t2(x INTEGER)

query I nosort
SELECT count(*) FROM t2
----
0
`;
  const outcomes: UnitOutcome[] = [];
  const r = await runSltRecords(
    { path: 'fixture.test', format: 'sqlite', records: parseSlt(text) },
    { onOutcome: (o) => outcomes.push(o) },
  );
  expect(r.failures).toEqual([]);
  expect(outcomes.map((o) => [o.line, o.status, o.skipReason ?? o.emulated ?? ''])).toEqual([
    [2, 'passed', 'type names translated'],
    [5, 'passed', ''],
    [8, 'skipped', 'foreign dialect: INSERT OR <conflict action>'],
    [11, 'skipped', 'depends on a foreign-dialect statement (table t1)'],
    [16, 'passed', ''],
    [19, 'passed', ''],
  ]);
});
