/** The postgres dialect: what PostgreSQL drivers, psql and BI tools send (pg-wire.md §1.11, §2). */
import { parseStatement, parseStatements, stripLocations, SqlSyntaxError } from '../../src/sql';
import { roundTrip } from './round-trip';

const PG = [
  "SELECT 'x'::regclass, c.oid::pg_catalog.regtype::text, '{a,b}'::text[], 1::int8",
  "SELECT * FROM t WHERE name ILIKE 'a%' AND name NOT ILIKE 'b%'",
  "SELECT * FROM pg_namespace n WHERE n.nspname !~ '^pg_toast' AND n.nspname ~ 'x' AND a ~* 'y' AND b !~* 'z'",
  "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default",
  "SELECT E'line\\nnext\\t\\'q\\'\\\\', E'\\x41\\101\\u0042'",
  'SELECT $1 + $2, $1',
  "SELECT c.relkind = ANY (ARRAY['r', 'p', 'f']) FROM pg_class c",
  'SELECT (current_schemas(true))[1], (pg_catalog.current_schemas(false))[s.r]',
  'SELECT current_schema(), pg_catalog.current_schema(), current_schema, current_user, session_user',
  'SELECT array(SELECT rolname FROM pg_roles), ARRAY(SELECT 1)',
  'SELECT * FROM generate_series(1, 10) AS s (r)',
  "SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_temp_' OR nspname = (pg_catalog.current_schemas(true))[1]",
  'SELECT a FROM t LIMIT ALL',
  'SELECT a FROM t LIMIT 10 OFFSET 5',
  'SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, b',
  'SELECT x IS TRUE, y IS NOT FALSE, z IS UNKNOWN',
  "SELECT interval '1 day', $$dollar 'quoted'$$, $tag$x$tag$",
  'SELECT CAST(x AS character varying(10)), CAST(y AS timestamp without time zone), x::"char"',
  'SET extra_float_digits = 3',
  "SET application_name = 'PostgreSQL JDBC Driver'",
  'SET search_path TO public, "$user"',
  "SET SESSION datestyle TO 'ISO'",
  'SET LOCAL statement_timeout = 0',
  'SET client_encoding TO DEFAULT',
  "SET TIME ZONE 'UTC'",
  "SET SESSION TIME ZONE 'UTC'",
  'SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED',
  'SET TRANSACTION READ ONLY',
  'SHOW DateStyle',
  'SHOW transaction_isolation',
  'SHOW TRANSACTION ISOLATION LEVEL',
  'SHOW ALL',
  'SHOW standard_conforming_strings',
  'RESET ALL',
  'RESET search_path',
  'BEGIN',
  'BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE READ ONLY',
  'BEGIN WORK',
  'END',
  'COMMIT',
  'ROLLBACK',
  'ABORT',
  'SAVEPOINT sp1',
  'RELEASE SAVEPOINT sp1',
  'ROLLBACK TO SAVEPOINT sp1',
  'DISCARD ALL',
  'DEALLOCATE ALL',
  'DEALLOCATE stmt1',
  'DEALLOCATE PREPARE stmt1',
  'SELECT 1;',
  'SHOW CATALOGS',
];

describe('postgres dialect round trips', () => {
  test.each(PG)('%s', (sql) => {
    roundTrip(sql, 'postgres');
  });
});

const expr = (sql: string): unknown => {
  const q = stripLocations(parseStatement(`SELECT ${sql}`, { dialect: 'postgres' })) as {
    body: { selectItems: { expression: unknown }[] };
  };
  return q.body.selectItems[0].expression;
};

describe('postgres dialect shapes', () => {
  test(':: is a cast', () => {
    expect(expr("'x'::regclass")).toEqual({
      kind: 'Cast',
      value: { kind: 'StringLiteral', value: 'x' },
      type: {
        kind: 'GenericDataType',
        name: { kind: 'Identifier', value: 'regclass', quoted: false },
        arguments: [],
      },
      safe: false,
    });
  });

  test('text[] is array(text)', () => {
    expect(expr("'{}'::text[]")).toMatchObject({
      type: {
        name: { value: 'array' },
        arguments: [{ kind: 'TypeParameter', type: { name: { value: 'text' } } }],
      },
    });
  });

  test('$n parameters keep their number', () => {
    expect(expr('$2')).toEqual({ kind: 'Parameter', position: 1, dollar: true });
  });

  test('E strings decode backslash escapes', () => {
    expect(expr("E'a\\nb\\x41'")).toEqual({ kind: 'StringLiteral', value: 'a\nbA' });
  });

  test('= ANY(array) compares against an expression, not a subquery', () => {
    expect(expr("k = ANY (ARRAY['r'])")).toMatchObject({
      kind: 'QuantifiedComparison',
      quantifier: 'ANY',
      subject: { kind: 'ArrayConstructor' },
    });
  });

  test('OPERATOR(pg_catalog.~) is a regex match', () => {
    expect(expr("a OPERATOR(pg_catalog.~) '^x$'")).toEqual({
      kind: 'RegexMatch',
      value: { kind: 'Identifier', value: 'a', quoted: false },
      pattern: { kind: 'StringLiteral', value: '^x$' },
      caseInsensitive: false,
      negated: false,
    });
  });

  test('several statements in one string', () => {
    const list = parseStatements("SET DateStyle = 'ISO'; show transaction_isolation;", {
      dialect: 'postgres',
    });
    expect(list.map((s) => s.kind)).toEqual(['SetVariable', 'ShowVariable']);
  });

  test('the trino dialect rejects PostgreSQL-only syntax', () => {
    for (const sql of [
      "SELECT 'x'::regclass",
      'SELECT $1',
      "SELECT a ILIKE 'x'",
      'BEGIN',
      'DISCARD ALL',
      'SET x = 1',
      'SELECT 1;',
    ]) {
      expect(() => parseStatement(sql)).toThrow(SqlSyntaxError);
    }
  });
});
