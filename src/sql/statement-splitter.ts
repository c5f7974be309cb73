/**
 * Splits SQL text holding several statements on top-level semicolons, without parsing it: used
 * by the CLI to know when a typed statement is complete and by corpus readers for script files.
 *
 * A semicolon is top-level when it is not inside
 *   - a string literal `'...'` (a doubled `''` is an escaped quote),
 *   - a quoted identifier `"..."` (a doubled `""` is an escaped quote),
 *   - a line comment `-- ...` (to the end of the line),
 *   - a block comment `/* ... *\/` (not nested, as in Trino).
 *
 * Unterminated quotes or comments are tolerated: the rest of the text then belongs to the last statement.
 * Pieces holding only whitespace and comments are dropped. Statement text is trimmed of surrounding
 * whitespace but otherwise kept verbatim (comments inside or before a statement stay in it).
 */

export interface SqlStatementSpan {
  /** The statement text without its terminating semicolon, trimmed. */
  sql: string;
  /** Offset of the first character of `sql` in the input text. */
  offset: number;
  /** 1-based line number of the first character of `sql` in the input text. */
  line: number;
  /** Whether a top-level `;` ended it (false for the text after the last semicolon). */
  terminated: boolean;
}

export function splitSqlStatements(text: string): string[] {
  return splitSqlStatementsWithPositions(text).map((s) => s.sql);
}

export function splitSqlStatementsWithPositions(text: string): SqlStatementSpan[] {
  const out: SqlStatementSpan[] = [];
  const n = text.length;
  let segStart = 0;
  let hasCode = false; // the current piece holds something other than whitespace and comments
  let i = 0;
  // Line numbers are computed incrementally: offsets handed to lineOf() never decrease.
  let lineCursor = 0;
  let lineNo = 1;
  const lineOf = (offset: number): number => {
    for (; lineCursor < offset; lineCursor++) if (text.charCodeAt(lineCursor) === 10) lineNo++;
    return lineNo;
  };

  const flush = (end: number, terminated: boolean): void => {
    if (hasCode) {
      const raw = text.slice(segStart, end);
      const lead = raw.length - raw.trimStart().length;
      const offset = segStart + lead;
      out.push({ sql: raw.trim(), offset, line: lineOf(offset), terminated });
    }
    hasCode = false;
  };

  while (i < n) {
    const c = text[i];
    if (c === "'" || c === '"') {
      hasCode = true;
      i++;
      while (i < n) {
        if (text[i] === c) {
          if (text[i + 1] === c) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i + 2);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === ';') {
      flush(i, true);
      i++;
      segStart = i;
      continue;
    }
    if (!isWhitespace(c)) hasCode = true;
    i++;
  }
  flush(n, false);
  return out;
}

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}
