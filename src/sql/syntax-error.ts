/**
 * SqlSyntaxError: the only error the SQL front end throws. It is a TrinoError with
 * SYNTAX_ERROR, so the message reads `line L:C: …` and both front doors can report the location.
 */
import { TrinoError } from '../errors';

export class SqlSyntaxError extends TrinoError {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super('SYNTAX_ERROR', message, { line, column });
    this.name = 'SqlSyntaxError';
    this.line = line;
    this.column = column;
  }
}
