/**
 * Every construct issue #2 names parses, has the AST shape later stages need, and survives
 * format → parse unchanged.
 */
import { parseStatement, stripLocations } from '../../src/sql';
import { roundTrip } from './round-trip';

const QUERIES = [
  'WITH a AS (SELECT 1 x), b (y) AS (SELECT 2) SELECT * FROM a, b',
  'WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t',
  'SELECT DISTINCT a, t.*, t.b AS c, d e FROM t',
  'SELECT ALL a FROM t',
  'SELECT r.* AS (x, y) FROM (SELECT ROW(1, 2) r)',
  'SELECT * FROM a INNER JOIN b ON a.x = b.x LEFT OUTER JOIN c ON c.y = b.y RIGHT JOIN d ON true FULL OUTER JOIN e USING (k)',
  'SELECT * FROM a CROSS JOIN b NATURAL JOIN c NATURAL LEFT JOIN d',
  'SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x',
  'SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.k = t.k) l',
  'SELECT * FROM UNNEST(ARRAY[1, 2], ARRAY[3, 4]) WITH ORDINALITY AS u (a, b, n)',
  'SELECT * FROM t TABLESAMPLE BERNOULLI (10)',
  'SELECT * FROM t AS x TABLESAMPLE SYSTEM (50) JOIN u ON x.a = u.a',
  'SELECT * FROM (SELECT 1) s (x)',
  "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v (n, s)",
  'SELECT a, count(*) FROM t GROUP BY GROUPING SETS ((a), (a, b), ()), ROLLUP (c), CUBE (d, e)',
  'SELECT grouping(a, b) FROM t GROUP BY DISTINCT ROLLUP (a, b)',
  'SELECT a FROM t GROUP BY (a), (b, c), () HAVING count(*) > 1',
  'SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b)',
  'SELECT a FROM t UNION SELECT b FROM u INTERSECT SELECT c FROM v EXCEPT ALL SELECT d FROM w',
  'SELECT a FROM t UNION DISTINCT SELECT b FROM u',
  '(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u)',
  'VALUES 1, 2, 3',
  'TABLE tpch.tiny.nation',
  'SELECT a FROM t ORDER BY a ASC NULLS FIRST, b DESC NULLS LAST OFFSET 5 ROWS LIMIT 10',
  'SELECT a FROM t LIMIT ALL',
  'SELECT a FROM t ORDER BY a FETCH FIRST 3 ROWS ONLY',
  'SELECT a FROM t ORDER BY a FETCH NEXT ROW WITH TIES',
  'SELECT a FROM t OFFSET 2',
];

const EXPRESSIONS = [
  '1 + 2 * 3 - 4 / 5 % 6',
  "'a' || 'b' || c",
  'NOT a AND b OR c',
  'a IS NULL OR b IS NOT NULL',
  'a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d',
  'a BETWEEN 1 AND 2 AND b NOT BETWEEN c AND d',
  'a IN (1, 2, 3) AND b NOT IN (SELECT x FROM t)',
  "a LIKE 'x%' AND b NOT LIKE 'y!%' ESCAPE '!'",
  'EXISTS (SELECT 1 FROM t WHERE t.a = u.a)',
  'a = ANY (SELECT x FROM t) AND b > ALL (SELECT y FROM u) AND c <= SOME (SELECT z FROM v)',
  "CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END",
  "CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END",
  'CAST(a AS bigint) + TRY_CAST(b AS decimal(38, 10))',
  'CAST(x AS ROW(a bigint, "b c" varchar(10), array(map(varchar, double))))',
  'CAST(x AS timestamp(6) with time zone) = CAST(y AS time(3)) AND CAST(z AS interval day to second) IS NULL',
  'CAST(x AS double precision) + CAST(y AS integer array)',
  'EXTRACT(YEAR FROM d) + EXTRACT(DOW FROM d)',
  "DATE '2001-08-22' + INTERVAL '3' DAY",
  "TIME '01:02:03.456' AND TIMESTAMP '2001-08-22 03:04:05.321' AND TIMESTAMP '2001-08-22 03:04:05 America/Los_Angeles'",
  "INTERVAL '1-2' YEAR TO MONTH + INTERVAL -'3 04:05:06.789' DAY TO SECOND",
  "DECIMAL '1.50' + REAL '2.5' + DOUBLE '3.5e0' + JSON '{\"a\": 1}'",
  "X'0A ff' || U&'hello\\0020world' || U&'x!0041' UESCAPE '!'",
  'ARRAY[1, 2, 3][1] + ARRAY[][1]',
  "ROW(1, 2.5, 'x') = (1, 2.5, 'x')",
  "map(ARRAY['a'], ARRAY[1])['a']",
  'r.f.g + t.r.f',
  'transform(xs, x -> x + 1)',
  'reduce(xs, 0, (s, x) -> s + x, s -> s)',
  '(() -> 1)',
  "ts AT TIME ZONE 'America/New_York'",
  "ts AT TIME ZONE INTERVAL '1' HOUR",
  'count(DISTINCT a) + sum(b) FILTER (WHERE b > 0) + array_agg(c ORDER BY d DESC)',
  "count(*) OVER (PARTITION BY a ORDER BY b RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW)",
  'sum(x) OVER (ORDER BY y GROUPS BETWEEN 1 PRECEDING AND 2 FOLLOWING)',
  'lag(x, 1) IGNORE NULLS OVER (ORDER BY y ROWS UNBOUNDED PRECEDING)',
  'max(x) OVER (w ORDER BY z ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)',
  'CURRENT_DATE + CURRENT_TIME + CURRENT_TIMESTAMP + CURRENT_TIMESTAMP(3) + LOCALTIME + LOCALTIMESTAMP(6)',
  'CURRENT_USER || CURRENT_CATALOG || CURRENT_SCHEMA || CURRENT_PATH',
  '? + ? * ?',
  '"quoted ""id""" + "select" + U&"\\0061b"',
  "substring('abc' FROM 2 FOR 1) || substring('abc' FROM 2) || substr('abc', 1, 2)",
  "position('b' IN 'abc') + strpos('abc', 'b')",
  "trim('  x  ') || trim(BOTH 'x' FROM 'xax') || trim(LEADING FROM s) || trim(TRAILING 'y' FROM s) || trim(s, 'z')",
  "normalize('x', NFKC) || normalize('y')",
  "listagg(x, ',') WITHIN GROUP (ORDER BY x)",
  '1e10 + 1.5E-3 + .5 + 1. + 0x1F + 1_000_000',
  '-x * -(-y) - +z',
  'a[1][2].f',
  'NULL IS NULL AND true AND NOT false',
];

const STATEMENTS = [
  'SHOW CATALOGS',
  "SHOW CATALOGS LIKE 't%'",
  'SHOW SCHEMAS',
  "SHOW SCHEMAS FROM tpch LIKE 's%' ESCAPE '\\'",
  'SHOW SCHEMAS IN tpch',
  'SHOW TABLES',
  "SHOW TABLES FROM tpch.tiny LIKE 'n%'",
  'SHOW COLUMNS FROM tpch.tiny.nation',
  "SHOW COLUMNS IN nation LIKE 'n%'",
  'SHOW FUNCTIONS',
  "SHOW FUNCTIONS LIKE 'array%'",
  'SHOW SESSION',
  "SHOW SESSION LIKE 'query%'",
  'SHOW CREATE TABLE memory.default.t',
  'SHOW CREATE VIEW v',
  'SHOW CREATE SCHEMA memory.s',
  'SHOW STATS FOR tpch.tiny.orders',
  'SHOW STATS FOR (SELECT * FROM orders WHERE orderkey > 10)',
  'DESCRIBE tpch.tiny.nation',
  'DESC nation',
  'DESCRIBE INPUT my_query',
  'DESCRIBE OUTPUT my_query',
  'USE tpch.tiny',
  'USE tiny',
  "SET SESSION query_max_run_time = '10m'",
  'SET SESSION tpch.splits_per_node = 4',
  'RESET SESSION query_max_run_time',
  'RESET SESSION tpch.splits_per_node',
  "SET TIME ZONE 'America/Los_Angeles'",
  "SET TIME ZONE INTERVAL '10' HOUR",
  'SET TIME ZONE LOCAL',
  'EXPLAIN SELECT 1',
  'EXPLAIN ANALYZE SELECT 1',
  'EXPLAIN ANALYZE VERBOSE SELECT 1',
  'EXPLAIN (TYPE DISTRIBUTED, FORMAT JSON) SELECT * FROM t',
  'EXPLAIN (TYPE LOGICAL) SELECT 1',
  'EXPLAIN (TYPE IO, FORMAT TEXT) SELECT 1',
  'EXPLAIN (FORMAT GRAPHVIZ) SELECT 1',
  'EXPLAIN (TYPE VALIDATE) SELECT 1',
  'CREATE SCHEMA memory.s',
  "CREATE SCHEMA IF NOT EXISTS s WITH (location = '/tmp')",
  'DROP SCHEMA s',
  'DROP SCHEMA IF EXISTS s CASCADE',
  'DROP SCHEMA s RESTRICT',
  "CREATE TABLE t (a bigint NOT NULL, b varchar(10) COMMENT 'the b', c decimal(12, 2) WITH (x = 1)) COMMENT 'table' WITH (format = 'ORC')",
  'CREATE TABLE IF NOT EXISTS t (a bigint, LIKE u INCLUDING PROPERTIES)',
  'CREATE OR REPLACE TABLE t (a bigint)',
  'CREATE TABLE t AS SELECT * FROM u',
  'CREATE TABLE t (x, y) AS SELECT a, b FROM u WITH NO DATA',
  "CREATE TABLE IF NOT EXISTS t COMMENT 'c' WITH (p = 1) AS (SELECT 1 a) WITH DATA",
  'DROP TABLE t',
  'DROP TABLE IF EXISTS memory.default.t',
  'ALTER TABLE t RENAME TO u',
  'ALTER TABLE IF EXISTS t RENAME TO s.u',
  'ALTER TABLE t ADD COLUMN c bigint',
  "ALTER TABLE t ADD COLUMN IF NOT EXISTS c varchar COMMENT 'x'",
  'ALTER TABLE t DROP COLUMN c',
  'ALTER TABLE IF EXISTS t DROP COLUMN IF EXISTS c',
  'ALTER TABLE t RENAME COLUMN a TO b',
  'ALTER TABLE IF EXISTS t RENAME COLUMN IF EXISTS a TO b',
  'INSERT INTO t SELECT * FROM u',
  "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')",
  'INSERT INTO t (SELECT 1)',
  'DELETE FROM t',
  'DELETE FROM t WHERE a > 1',
  "UPDATE t SET a = 1, b = 'x' WHERE c IS NULL",
  'TRUNCATE TABLE t',
  'CREATE VIEW v AS SELECT 1 x',
  "CREATE OR REPLACE VIEW v COMMENT 'c' SECURITY INVOKER AS SELECT * FROM t",
  'DROP VIEW v',
  'DROP VIEW IF EXISTS s.v',
  'PREPARE q FROM SELECT * FROM t WHERE a = ?',
  'PREPARE ins FROM INSERT INTO t VALUES (?, ?)',
  'EXECUTE q',
  "EXECUTE q USING 1, 'x'",
  "EXECUTE IMMEDIATE 'SELECT * FROM t WHERE a = ?' USING 5",
  'DEALLOCATE PREPARE q',
  'START TRANSACTION',
  'START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY',
  'START TRANSACTION READ WRITE',
  'START TRANSACTION ISOLATION LEVEL READ COMMITTED',
  'COMMIT',
  'COMMIT WORK',
  'ROLLBACK',
  'ROLLBACK WORK',
  'CREATE CATALOG pg USING postgresql WITH ("connection-url" = \'jdbc:postgresql://localhost/db\', "connection-user" = \'u\')',
  'CREATE CATALOG IF NOT EXISTS m USING memory',
  'DROP CATALOG pg',
  'DROP CATALOG IF EXISTS pg CASCADE',
  "CALL system.runtime.kill_query(query_id => '20240101_000000_00000_abcde', message => 'bye')",
  "CALL system.flush('a', 2)",
];

describe('queries', () => {
  test.each(QUERIES)('%s', (sql) => {
    const { ast } = roundTrip(sql);
    expect(ast.kind).toBe('Query');
  });
});

describe('expressions', () => {
  test.each(EXPRESSIONS)('%s', (sql) => {
    roundTrip(`SELECT ${sql}`);
  });
});

describe('statements', () => {
  test.each(STATEMENTS)('%s', (sql) => {
    roundTrip(sql);
  });
});

const shape = (sql: string, dialect: 'trino' | 'postgres' = 'trino'): unknown =>
  stripLocations(parseStatement(sql, { dialect }));
const selectOne = (sql: string): unknown => {
  const q = shape(`SELECT ${sql}`) as { body: { selectItems: { expression: unknown }[] } };
  return q.body.selectItems[0].expression;
};
const id = (value: string, quoted = false) => ({ kind: 'Identifier', value, quoted });

describe('AST shapes', () => {
  test('precedence: * over +, AND over OR, NOT over AND, || loosest of the value operators', () => {
    expect(selectOne('1 + 2 * 3')).toEqual({
      kind: 'ArithmeticBinary',
      operator: '+',
      left: { kind: 'LongLiteral', value: '1' },
      right: {
        kind: 'ArithmeticBinary',
        operator: '*',
        left: { kind: 'LongLiteral', value: '2' },
        right: { kind: 'LongLiteral', value: '3' },
      },
    });
    expect(selectOne('a OR b AND NOT c')).toEqual({
      kind: 'Logical',
      operator: 'OR',
      terms: [
        id('a'),
        { kind: 'Logical', operator: 'AND', terms: [id('b'), { kind: 'Not', value: id('c') }] },
      ],
    });
    expect(selectOne("'a' || 1 + 2")).toMatchObject({
      kind: 'ArithmeticBinary',
      operator: '||',
      right: { operator: '+' },
    });
    expect(selectOne('-a * b')).toMatchObject({
      kind: 'ArithmeticBinary',
      operator: '*',
      left: { kind: 'ArithmeticUnary', sign: '-' },
    });
  });

  test('AND chains flatten', () => {
    expect(selectOne('a AND b AND c')).toEqual({
      kind: 'Logical',
      operator: 'AND',
      terms: [id('a'), id('b'), id('c')],
    });
  });

  test('IS NOT DISTINCT FROM is NOT over IS DISTINCT FROM', () => {
    expect(selectOne('a IS NOT DISTINCT FROM b')).toEqual({
      kind: 'Not',
      value: { kind: 'Comparison', operator: 'IS DISTINCT FROM', left: id('a'), right: id('b') },
    });
  });

  test('literals keep their source text', () => {
    expect(selectOne('123456789012345678901234567890')).toEqual({
      kind: 'LongLiteral',
      value: '123456789012345678901234567890',
    });
    expect(selectOne('0xFF')).toEqual({ kind: 'LongLiteral', value: '255' });
    expect(selectOne('1.50')).toEqual({ kind: 'DecimalLiteral', value: '1.50' });
    expect(selectOne('1.5e3')).toEqual({ kind: 'DoubleLiteral', value: '1.5e3' });
    expect(selectOne("'it''s'")).toEqual({ kind: 'StringLiteral', value: "it's" });
    expect(selectOne("U&'\\+01F600'")).toEqual({ kind: 'StringLiteral', value: '😀' });
    expect(selectOne("date '2020-01-01'")).toEqual({
      kind: 'GenericLiteral',
      type: 'DATE',
      value: '2020-01-01',
    });
    expect(selectOne("INTERVAL -'2' HOUR")).toEqual({
      kind: 'IntervalLiteral',
      value: '2',
      sign: -1,
      startField: 'HOUR',
    });
  });

  test('names: qualified tables, dereference chains, quoted identifiers', () => {
    const q = shape('SELECT "A".b.c FROM cat.sch."T" "A"') as {
      body: { selectItems: unknown[]; from: unknown };
    };
    expect(q.body.selectItems[0]).toEqual({
      kind: 'SingleColumn',
      expression: {
        kind: 'DereferenceExpression',
        base: { kind: 'DereferenceExpression', base: id('A', true), field: id('b') },
        field: id('c'),
      },
    });
    expect(q.body.from).toEqual({
      kind: 'AliasedRelation',
      relation: {
        kind: 'Table',
        name: { kind: 'QualifiedName', parts: [id('cat'), id('sch'), id('T', true)] },
      },
      alias: id('A', true),
    });
  });

  test('count(*) has no arguments; aggregate options are kept', () => {
    expect(selectOne('count(*)')).toEqual({
      kind: 'FunctionCall',
      name: { kind: 'QualifiedName', parts: [id('count')] },
      arguments: [],
      distinct: false,
    });
    expect(selectOne('sum(DISTINCT x) FILTER (WHERE x > 0)')).toMatchObject({
      distinct: true,
      filter: { kind: 'Comparison', operator: '>' },
    });
  });

  test('window frames', () => {
    expect(
      selectOne('sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING)'),
    ).toMatchObject({
      window: {
        kind: 'WindowSpecification',
        partitionBy: [id('a')],
        orderBy: [{ kind: 'SortItem', key: id('b') }],
        frame: {
          type: 'ROWS',
          start: { type: 'PRECEDING', value: { kind: 'LongLiteral', value: '2' } },
          end: { type: 'UNBOUNDED FOLLOWING' },
        },
      },
    });
  });

  test('non-reserved keywords are usable as names', () => {
    roundTrip('SELECT date, year, comment, first, last, position, data, count FROM t AS data ORDER BY year');
  });

  test('implicit joins are left-deep', () => {
    const q = shape('SELECT * FROM a, b, c') as { body: { from: unknown } };
    expect(q.body.from).toMatchObject({
      kind: 'Join',
      type: 'IMPLICIT',
      left: { kind: 'Join', type: 'IMPLICIT' },
      right: { kind: 'Table' },
    });
  });

  test('INTERSECT binds tighter than UNION', () => {
    const q = shape('SELECT 1 UNION SELECT 2 INTERSECT SELECT 3') as { body: unknown };
    expect(q.body).toMatchObject({
      kind: 'SetOperation',
      operator: 'UNION',
      right: { kind: 'SetOperation', operator: 'INTERSECT' },
    });
  });

  test('parameters are numbered in order', () => {
    expect(selectOne('? + ?')).toEqual({
      kind: 'ArithmeticBinary',
      operator: '+',
      left: { kind: 'Parameter', position: 0 },
      right: { kind: 'Parameter', position: 1 },
    });
  });

  test('statement shapes', () => {
    expect(shape('SHOW SCHEMAS FROM tpch')).toEqual({ kind: 'ShowSchemas', catalog: id('tpch') });
    expect(shape("SHOW TABLES FROM tpch.tiny LIKE 'n%'")).toEqual({
      kind: 'ShowTables',
      schema: { kind: 'QualifiedName', parts: [id('tpch'), id('tiny')] },
      like: { pattern: 'n%' },
    });
    expect(shape('EXPLAIN ANALYZE SELECT 1')).toMatchObject({
      kind: 'Explain',
      analyze: true,
      statement: { kind: 'Query' },
    });
    expect(shape('CREATE TABLE t AS SELECT 1 WITH NO DATA')).toMatchObject({
      kind: 'CreateTableAsSelect',
      withData: false,
    });
    expect(shape('USE tpch.tiny')).toEqual({ kind: 'Use', catalog: id('tpch'), schema: id('tiny') });
    expect(shape('DESCRIBE t')).toEqual({
      kind: 'ShowColumns',
      table: { kind: 'QualifiedName', parts: [id('t')] },
    });
  });

  test('comments of both kinds are ignored', () => {
    expect(shape('-- leading\nSELECT /* inline */ 1 -- trailing')).toEqual(shape('SELECT 1'));
  });
});
