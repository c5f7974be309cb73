/** Malformed SQL reports a SYNTAX_ERROR with Trino's `line L:C: …` message and 1-based position. */
import { parseStatement, SqlSyntaxError } from '../../src/sql';
import { TrinoError } from '../../src/errors';

function syntaxError(sql: string, dialect: 'trino' | 'postgres' = 'trino'): SqlSyntaxError {
  try {
    parseStatement(sql, { dialect });
  } catch (e) {
    expect(e).toBeInstanceOf(SqlSyntaxError);
    return e as SqlSyntaxError;
  }
  throw new Error(`expected a syntax error for: ${sql}`);
}

test('the error is a TrinoError with SYNTAX_ERROR (code 1, USER_ERROR)', () => {
  const e = syntaxError('SELECT * FORM t');
  expect(e).toBeInstanceOf(TrinoError);
  expect(e.errorCode).toEqual({ name: 'SYNTAX_ERROR', code: 1, type: 'USER_ERROR' });
  expect(e.location).toEqual({ line: 1, column: 10 });
});

test.each([
  ['SELECT * FORM t', 1, 10, "mismatched input 'FORM'"],
  ['SELECT FROM t', 1, 8, "mismatched input 'FROM'"],
  ['SELECT a,\n  b\n  FROM t WHERE', 3, 15, "mismatched input '<EOF>'"],
  ['SELEC 1', 1, 1, "mismatched input 'SELEC'"],
  ['SELECT (1', 1, 10, "mismatched input '<EOF>'"],
  ["SELECT 'abc", 1, 8, 'token recognition error'],
  ['SELECT "abc', 1, 8, 'token recognition error'],
  ['SELECT 1 /* open', 1, 10, 'token recognition error'],
  ['SELECT `a`', 1, 8, 'backquoted identifiers are not supported'],
  ['SELECT 1abc', 1, 8, 'identifiers must not start with a digit'],
  ['SELECT ""', 1, 8, 'zero-length delimited identifier'],
  ["SELECT X'0G'", 1, 8, 'hexadecimal'],
  ["SELECT X'ABC'", 1, 8, 'even number'],
  ["SELECT U&'\\00'", 1, 8, 'Incomplete escape sequence'],
  ['SELECT a FROM t WHERE a = = 1', 1, 27, "mismatched input '='"],
  ['SELECT CASE END', 1, 13, "mismatched input 'END'"],
  ['SELECT CAST(1 AS)', 1, 17, "mismatched input ')'"],
  ['SELECT * FROM t GROUP 1', 1, 23, "mismatched input '1'"],
  ['SELECT 1; SELECT 2', 1, 9, "mismatched input ';'"],
  ['', 1, 1, "mismatched input '<EOF>'"],
  ['   \n  ', 2, 3, "mismatched input '<EOF>'"],
  ['SELECT 1 §', 1, 10, 'token recognition error'],
  ["SELECT INTERVAL '1' FORTNIGHT", 1, 21, "mismatched input 'FORTNIGHT'"],
  ['EXPLAIN (TYPE FOO) SELECT 1', 1, 15, "mismatched input 'FOO'"],
  ['CREATE TABLE t (a)', 1, 18, "mismatched input ')'"],
])('%j → line %d:%d', (sql, line, column, text) => {
  const e = syntaxError(sql);
  expect(e.line).toBe(line);
  expect(e.column).toBe(column);
  expect(e.message).toContain(text);
  expect(e.message.startsWith(`line ${line}:${column}: `)).toBe(true);
});

test('the message lists what was expected, Trino style', () => {
  const e = syntaxError('SELECT * FORM t');
  expect(e.message).toMatch(/^line 1:10: mismatched input 'FORM'\. Expecting: /);
  expect(e.message).toContain("'FROM'");
  expect(e.message).toContain("'WHERE'");
  expect(e.message).toContain('<EOF>');
});

test("a statement's start lists the statement keywords and <query>, as Trino's grammar does", () => {
  expect(syntaxError('SELEC 1').message).toBe(
    "line 1:1: mismatched input 'SELEC'. Expecting: 'ALTER', 'CALL', 'COMMIT', 'CREATE', 'DEALLOCATE', " +
      "'DELETE', 'DESC', 'DESCRIBE', 'DROP', 'EXECUTE', 'EXPLAIN', 'INSERT', 'PREPARE', 'RESET', 'ROLLBACK', " +
      "'SET', 'SHOW', 'START', 'TRUNCATE', 'UPDATE', 'USE', 'WITH', <query>",
  );
});

test('reserved words cannot be bare names but can be quoted', () => {
  expect(syntaxError('SELECT select FROM t').message).toContain("mismatched input 'select'");
  expect(() => parseStatement('SELECT "select" FROM "from"')).not.toThrow();
});

test('deep nesting is an error, not a stack overflow', () => {
  for (const depth of [1000, 100000]) {
    for (const [open, close] of [
      ['(', ')'],
      ['ARRAY[', ']'],
      ['- ', ''],
      ['NOT ', ''],
      ['(SELECT ', ')'],
      ['f(', ')'],
    ]) {
      const sql = `SELECT ${open.repeat(depth)}1${close.repeat(depth)}`;
      const e = syntaxError(sql);
      expect(e.message).toContain('stack overflow while parsing');
    }
  }
});

test('moderate nesting parses', () => {
  expect(() => parseStatement(`SELECT ${'('.repeat(60)}1${')'.repeat(60)}`)).not.toThrow();
  expect(() => parseStatement(`SELECT ${'1 + '.repeat(400)}1`)).not.toThrow();
});
