/**
 * Lexer: SQL text → tokens with 1-based line:column positions.
 *
 * Owns the lexical rules of Trino's grammar (SqlBase.g4) and, with the postgres dialect, the
 * extra forms PostgreSQL clients send ($n parameters, E'…' and $$…$$ strings, `::`, nested
 * block comments, `$` inside identifiers). Keywords are not distinguished here: every word is an
 * `identifier` token and the parser decides by context, because most of Trino's keywords are
 * non-reserved and may be used as names.
 */
import type { Dialect } from './dialect';
import { SqlSyntaxError } from './syntax-error';
import type { Token, TokenType } from './tokens';

const THREE_CHAR_OPERATORS = ['!~*'];
const TWO_CHAR_OPERATORS = ['<>', '!=', '<=', '>=', '||', '->', '=>', '::', '!~', '~*'];
const ONE_CHAR_OPERATORS = '=<>+-*/%()[],.;?~|&^:{}@#';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isIdentifierStart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return true;
  return c > 127 && /\p{L}/u.test(ch);
}
function isIdentifierPart(ch: string, dialect: Dialect): boolean {
  const c = ch.charCodeAt(0);
  if (isIdentifierStart(ch) || isDigit(c)) return true;
  if (c === 36 /* $ */ && dialect === 'postgres') return true;
  return c > 127 && /[\p{L}\p{N}\p{M}]/u.test(ch);
}

export class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly tokens: Token[] = [];

  constructor(
    private readonly sql: string,
    private readonly dialect: Dialect,
  ) {}

  static tokenize(sql: string, dialect: Dialect): Token[] {
    return new Lexer(sql, dialect).run();
  }

  private run(): Token[] {
    const sql = this.sql;
    for (;;) {
      this.skipWhitespaceAndComments();
      if (this.pos >= sql.length) break;
      this.lexToken();
    }
    this.tokens.push(this.make('eof', '', '', this.pos, this.line, this.pos - this.lineStart + 1));
    return this.tokens;
  }

  private error(message: string, offset: number): never {
    const { line, column } = this.locate(offset);
    throw new SqlSyntaxError(message, line, column);
  }

  private locate(offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (this.sql.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  }

  private advanceTo(end: number): void {
    const sql = this.sql;
    for (let i = this.pos; i < end; i++) {
      if (sql.charCodeAt(i) === 10) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.pos = end;
  }

  private make(
    type: TokenType,
    value: string,
    text: string,
    offset: number,
    line: number,
    column: number,
    flavor?: Token['flavor'],
  ): Token {
    const upper = type === 'identifier' ? value.toUpperCase() : value;
    return flavor
      ? { type, value, upper, text, offset, line, column, flavor }
      : { type, value, upper, text, offset, line, column };
  }

  private push(type: TokenType, value: string, end: number, flavor?: Token['flavor']): void {
    const start = this.pos;
    const line = this.line;
    const column = start - this.lineStart + 1;
    this.tokens.push(this.make(type, value, this.sql.slice(start, end), start, line, column, flavor));
    this.advanceTo(end);
  }

  private skipWhitespaceAndComments(): void {
    const sql = this.sql;
    for (;;) {
      const c = sql.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
        this.advanceTo(this.pos + 1);
      } else if (c === 45 && sql.charCodeAt(this.pos + 1) === 45) {
        let end = sql.indexOf('\n', this.pos);
        if (end < 0) end = sql.length;
        this.advanceTo(end);
      } else if (c === 47 && sql.charCodeAt(this.pos + 1) === 42) {
        this.advanceTo(this.blockCommentEnd());
      } else {
        return;
      }
    }
  }

  /** Trino's block comments do not nest; PostgreSQL's do. */
  private blockCommentEnd(): number {
    const sql = this.sql;
    let depth = 0;
    let i = this.pos;
    while (i < sql.length) {
      if (sql.startsWith('/*', i)) {
        depth++;
        i += 2;
        if (this.dialect !== 'postgres' && depth > 1) depth = 1;
      } else if (sql.startsWith('*/', i)) {
        depth--;
        i += 2;
        if (depth === 0) return i;
      } else {
        i++;
      }
    }
    return this.error(`token recognition error at: '${sql.slice(this.pos, this.pos + 20)}'`, this.pos);
  }

  private lexToken(): void {
    const sql = this.sql;
    const ch = sql[this.pos];
    const c = sql.charCodeAt(this.pos);
    const next = sql[this.pos + 1];

    if (ch === "'") return this.lexString(this.pos, this.pos, undefined);
    if (ch === '"') return this.lexQuotedIdentifier(this.pos, undefined);
    if (ch === '`') {
      this.error(
        'backquoted identifiers are not supported; use double quotes to quote identifiers',
        this.pos,
      );
    }
    if (
      (ch === 'U' || ch === 'u') &&
      next === '&' &&
      (sql[this.pos + 2] === "'" || sql[this.pos + 2] === '"')
    ) {
      if (sql[this.pos + 2] === "'") return this.lexString(this.pos, this.pos + 2, 'unicode');
      return this.lexQuotedIdentifier(this.pos + 2, 'unicode');
    }
    if ((ch === 'X' || ch === 'x') && next === "'") return this.lexBinary();
    if (this.dialect === 'postgres' && (ch === 'E' || ch === 'e') && next === "'") {
      return this.lexString(this.pos, this.pos + 1, 'escape');
    }
    if (isDigit(c) || (ch === '.' && isDigit(sql.charCodeAt(this.pos + 1)))) return this.lexNumber();
    if (isIdentifierStart(ch)) {
      let end = this.pos + 1;
      while (end < sql.length && isIdentifierPart(sql[end], this.dialect)) end++;
      return this.push('identifier', sql.slice(this.pos, end), end);
    }
    if (ch === '?') return this.push('parameter', '?', this.pos + 1);
    if (this.dialect === 'postgres' && ch === '$') {
      if (isDigit(sql.charCodeAt(this.pos + 1))) {
        let end = this.pos + 1;
        while (end < sql.length && isDigit(sql.charCodeAt(end))) end++;
        return this.push('parameter', sql.slice(this.pos + 1, end), end);
      }
      return this.lexDollarString();
    }
    for (const op of THREE_CHAR_OPERATORS)
      if (sql.startsWith(op, this.pos)) return this.push('operator', op, this.pos + 3);
    for (const op of TWO_CHAR_OPERATORS) {
      if (sql.startsWith(op, this.pos)) return this.push('operator', op === '!=' ? '<>' : op, this.pos + 2);
    }
    if (ONE_CHAR_OPERATORS.includes(ch)) return this.push('operator', ch, this.pos + 1);
    // A lone surrogate or any other character no rule accepts.
    this.error(
      `token recognition error at: '${String.fromCodePoint(sql.codePointAt(this.pos) ?? c)}'`,
      this.pos,
    );
  }

  /** '…' with '' for a quote; E'…' also takes backslash escapes. `quoteAt` is the opening quote. */
  private lexString(start: number, quoteAt: number, flavor: Token['flavor']): void {
    const sql = this.sql;
    let i = quoteAt + 1;
    let value = '';
    for (;;) {
      if (i >= sql.length) this.error(`token recognition error at: '${sql.slice(start, start + 20)}'`, start);
      const ch = sql[i];
      if (ch === "'") {
        if (sql[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      if (ch === '\\' && flavor === 'escape') {
        const [decoded, used] = this.decodeBackslash(i);
        value += decoded;
        i += used;
        continue;
      }
      value += ch;
      i++;
    }
    this.pos = start;
    this.push('string', value, i, flavor);
  }

  /** PostgreSQL E'…' escapes: \n \t \b \f \r, octal \ooo, hex \xhh, \uXXXX, \UXXXXXXXX, else the char. */
  private decodeBackslash(at: number): [string, number] {
    const sql = this.sql;
    const n = sql[at + 1];
    if (n === undefined) this.error("token recognition error at: '\\'", at);
    const simple: Record<string, string> = { n: '\n', t: '\t', b: '\b', f: '\f', r: '\r' };
    if (simple[n] !== undefined) return [simple[n], 2];
    if (n >= '0' && n <= '7') {
      let j = at + 1;
      while (j < at + 4 && sql[j] >= '0' && sql[j] <= '7') j++;
      return [String.fromCharCode(parseInt(sql.slice(at + 1, j), 8) & 0xff), j - at];
    }
    const hexRun = (from: number, max: number): number => {
      let j = from;
      while (j < from + max && isHexDigit(sql.charCodeAt(j))) j++;
      return j;
    };
    if (n === 'x') {
      const j = hexRun(at + 2, 2);
      if (j > at + 2) return [String.fromCharCode(parseInt(sql.slice(at + 2, j), 16)), j - at];
    }
    if (n === 'u' || n === 'U') {
      const len = n === 'u' ? 4 : 8;
      const j = hexRun(at + 2, len);
      const cp = parseInt(sql.slice(at + 2, j), 16);
      if (j !== at + 2 + len || cp > 0x10ffff) this.error('invalid Unicode escape', at);
      return [String.fromCodePoint(cp), len + 2];
    }
    return [n, 2];
  }

  private lexDollarString(): void {
    const sql = this.sql;
    const m = /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.exec(sql.slice(this.pos, this.pos + 64));
    if (!m) this.error("token recognition error at: '$'", this.pos);
    const tag = m[0];
    const bodyStart = this.pos + tag.length;
    const end = sql.indexOf(tag, bodyStart);
    if (end < 0) this.error(`token recognition error at: '${sql.slice(this.pos, this.pos + 20)}'`, this.pos);
    this.push('string', sql.slice(bodyStart, end), end + tag.length, 'dollar');
  }

  private lexQuotedIdentifier(quoteAt: number, flavor: Token['flavor']): void {
    const sql = this.sql;
    const start = this.pos;
    let i = quoteAt + 1;
    let value = '';
    for (;;) {
      if (i >= sql.length) this.error(`token recognition error at: '${sql.slice(start, start + 20)}'`, start);
      if (sql[i] === '"') {
        if (sql[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value += sql[i++];
    }
    if (value.length === 0) this.error('zero-length delimited identifier not allowed', start);
    this.push('quoted_identifier', value, i, flavor);
  }

  private lexBinary(): void {
    const sql = this.sql;
    const start = this.pos;
    const end = sql.indexOf("'", start + 2);
    if (end < 0) this.error(`token recognition error at: '${sql.slice(start, start + 20)}'`, start);
    const hex = sql.slice(start + 2, end).replace(/\s+/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) this.error('Binary literal can only contain hexadecimal digits', start);
    if (hex.length % 2 !== 0) this.error('Binary literal must contain an even number of digits', start);
    this.push('binary', hex.toUpperCase(), end + 1);
  }

  private lexNumber(): void {
    const sql = this.sql;
    const start = this.pos;
    let i = start;
    // 0x…, 0o…, 0b… integers (Trino 4xx)
    if (sql[i] === '0' && /[xXoObB]/.test(sql[i + 1] ?? '')) {
      const radix = /[xX]/.test(sql[i + 1]) ? /[0-9a-fA-F_]/ : /[oO]/.test(sql[i + 1]) ? /[0-7_]/ : /[01_]/;
      let j = i + 2;
      while (j < sql.length && radix.test(sql[j])) j++;
      if (j > i + 2 && !(j < sql.length && isIdentifierPart(sql[j], this.dialect))) {
        return this.push('integer', sql.slice(start, j).replace(/_/g, ''), j);
      }
    }
    const digits = (from: number): number => {
      let j = from;
      while (
        j < sql.length &&
        (isDigit(sql.charCodeAt(j)) || (sql[j] === '_' && isDigit(sql.charCodeAt(j + 1)) && j > from))
      )
        j++;
      return j;
    };
    i = digits(i);
    let type: TokenType = 'integer';
    if (sql[i] === '.' && sql[i + 1] !== '.') {
      type = 'decimal';
      i = digits(i + 1);
    }
    if (
      (sql[i] === 'e' || sql[i] === 'E') &&
      (isDigit(sql.charCodeAt(i + 1)) ||
        ((sql[i + 1] === '+' || sql[i + 1] === '-') && isDigit(sql.charCodeAt(i + 2))))
    ) {
      type = 'double';
      i = digits(i + 2);
    }
    if (
      i < sql.length &&
      isIdentifierPart(sql[i], this.dialect) &&
      !(this.dialect === 'postgres' && sql[i] === '$')
    ) {
      this.error(
        `identifiers must not start with a digit; surround the identifier with double quotes`,
        start,
      );
    }
    this.push(type, sql.slice(start, i).replace(/_/g, ''), i);
  }
}
