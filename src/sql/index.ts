/**
 * The SQL front end: text → AST (`parseStatement`) and AST → text (`formatStatement`).
 *
 * Parsing is total: any input yields a tree or a SqlSyntaxError carrying 1-based line and column.
 * Owns nothing of planning or execution.
 */
import type { Expression, Statement } from './ast';
import type { Dialect, ParseOptions } from './dialect';
import { Lexer } from './lexer';
import { StatementParser } from './statement-parser';
import { SqlSyntaxError } from './syntax-error';

export * from './ast';
export type { Dialect, ParseOptions } from './dialect';
export { SqlSyntaxError } from './syntax-error';
export {
  formatStatement,
  formatExpression,
  formatQuery,
  formatDataType,
  formatIdentifier,
  formatQualifiedName,
} from './formatter';
export { stripLocations } from './strip-locations';
export { splitSqlStatements, splitSqlStatementsWithPositions } from './statement-splitter';
export type { SqlStatementSpan } from './statement-splitter';

function run<T>(sql: string, options: ParseOptions | undefined, parse: (p: StatementParser) => T): T {
  if (typeof sql !== 'string') throw new SqlSyntaxError('statement must be a string', 1, 1);
  const dialect: Dialect = options?.dialect ?? 'trino';
  try {
    const parser = new StatementParser(Lexer.tokenize(sql, dialect), dialect);
    return parse(parser);
  } catch (e) {
    if (e instanceof SqlSyntaxError) throw e;
    // The depth limit normally stops runaway nesting first; this is the backstop.
    if (e instanceof RangeError)
      throw new SqlSyntaxError('statement is too large (stack overflow while parsing)', 1, 1);
    throw e;
  }
}

/** Parses exactly one statement. */
export function parseStatement(sql: string, options?: ParseOptions): Statement {
  return run(sql, options, (p) => p.parseSingleStatement());
}

/** Parses `;`-separated statements (what a PostgreSQL simple Query message may hold). */
export function parseStatements(sql: string, options?: ParseOptions): Statement[] {
  return run(sql, options, (p) => p.parseStatementList());
}

/** Parses a standalone expression (used for session property values, tests, defaults). */
export function parseExpression(sql: string, options?: ParseOptions): Expression {
  return run(sql, options, (p) => p.parseStandaloneExpression());
}
