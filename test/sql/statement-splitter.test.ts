import * as fs from 'node:fs';
import { corpusPath } from '../../conformance/corpus-paths';
import { splitSqlStatements, splitSqlStatementsWithPositions } from '../../src/sql/statement-splitter';
import { junk, prng } from '../conformance/helpers';

describe('splitSqlStatements', () => {
  test('splits on top-level semicolons and trims', () => {
    expect(splitSqlStatements('SELECT 1; SELECT 2;\n  SELECT 3  ')).toEqual([
      'SELECT 1',
      'SELECT 2',
      'SELECT 3',
    ]);
  });

  test('empty input, lone semicolons and comment-only pieces give nothing', () => {
    expect(splitSqlStatements('')).toEqual([]);
    expect(splitSqlStatements(' ;;\n; ')).toEqual([]);
    expect(splitSqlStatements('-- just a comment')).toEqual([]);
    expect(splitSqlStatements('SELECT 1; -- trailing comment\n/* block */')).toEqual(['SELECT 1']);
  });

  test("string literals with '' escapes", () => {
    expect(splitSqlStatements("SELECT 'a;b', 'it''s; fine'; SELECT ''';'")).toEqual([
      "SELECT 'a;b', 'it''s; fine'",
      "SELECT ''';'",
    ]);
  });

  test('quoted identifiers with "" escapes', () => {
    expect(splitSqlStatements('SELECT "x;y", "a""b;c" FROM t; SELECT 2')).toEqual([
      'SELECT "x;y", "a""b;c" FROM t',
      'SELECT 2',
    ]);
  });

  test('line comments hide semicolons and quotes', () => {
    expect(splitSqlStatements("SELECT 1 -- a; b 'c\n, 2; SELECT 3")).toEqual([
      "SELECT 1 -- a; b 'c\n, 2",
      'SELECT 3',
    ]);
  });

  test('block comments hide semicolons and quotes', () => {
    expect(splitSqlStatements('SELECT /* ; \' " */ 1; /* x; */ SELECT 2')).toEqual([
      'SELECT /* ; \' " */ 1',
      '/* x; */ SELECT 2',
    ]);
  });

  test('a comment marker inside a string is not a comment', () => {
    expect(splitSqlStatements("SELECT '--'; SELECT '/*'; SELECT 3")).toEqual([
      "SELECT '--'",
      "SELECT '/*'",
      'SELECT 3',
    ]);
  });

  test('unterminated quotes and comments swallow the rest instead of failing', () => {
    expect(splitSqlStatements("SELECT 'abc; SELECT 2")).toEqual(["SELECT 'abc; SELECT 2"]);
    expect(splitSqlStatements('SELECT "abc; SELECT 2')).toEqual(['SELECT "abc; SELECT 2']);
    expect(splitSqlStatements('SELECT 1 /* ; SELECT 2')).toEqual(['SELECT 1 /* ; SELECT 2']);
  });

  test('positions: offset and 1-based line of each statement', () => {
    const text = 'SELECT 1;\n\n  SELECT\n 2;\r\nSELECT 3';
    expect(splitSqlStatementsWithPositions(text)).toEqual([
      { sql: 'SELECT 1', offset: 0, line: 1, terminated: true },
      { sql: 'SELECT\n 2', offset: 13, line: 3, terminated: true },
      { sql: 'SELECT 3', offset: 25, line: 5, terminated: false },
    ]);
  });

  test('corpus: trino-benchmark q11 has a semicolon inside a -- comment and is one statement', () => {
    const text = fs.readFileSync(corpusPath('tpch', 'trino-benchmark-queries', 'q11.sql'), 'utf8');
    // grep -n ';' q11.sql → line 29 (inside "-- additional column ...; this is a deviation ...") and line 31.
    const statements = splitSqlStatements(text);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^SELECT/);
    expect(statements[0]).toContain(
      '-- additional column to assure results stability for larger scale factors;',
    );
    expect(statements[0].endsWith(';')).toBe(false);
  });

  test('corpus: trinodb-tpch q15 holds a CREATE VIEW and a SELECT', () => {
    const text = fs.readFileSync(corpusPath('tpch', 'trinodb-tpch', 'queries', 'q15.sql'), 'utf8');
    const spans = splitSqlStatementsWithPositions(text);
    expect(spans).toHaveLength(2);
    // The tempto header comment stays attached to the first statement.
    expect(
      spans[0].sql.startsWith(
        '-- database: presto; groups: tpch; tables: lineitem,supplier\nCREATE OR REPLACE VIEW revenue AS',
      ),
    ).toBe(true);
    expect(spans[1].line).toBe(14);
    expect(spans[1].sql.startsWith('SELECT\n  s_suppkey,')).toBe(true);
  });

  test('random junk never throws', () => {
    const random = prng(7);
    for (let k = 0; k < 500; k++) {
      const text = junk(random, Math.floor(random() * 200)) + ';\'"--/**/';
      const spans = splitSqlStatementsWithPositions(text);
      for (const s of spans) {
        expect(s.sql).not.toBe('');
        expect(text.startsWith(s.sql, s.offset)).toBe(true);
      }
    }
  });
});
