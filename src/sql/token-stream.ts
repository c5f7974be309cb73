/**
 * TokenStream: the cursor the recursive-descent parser moves over the tokens, and the source of
 * its error messages.
 *
 * Every test of the current token for a keyword or operator that fails records what was expected
 * at that position; the error reports the expectations at the furthest position reached, which
 * is what ANTLR-based Trino reports too (`mismatched input 'X'. Expecting: …`).
 */
import type { Identifier, NodeLocation } from './ast';
import type { Dialect } from './dialect';
import { isReserved } from './reserved-words';
import { SqlSyntaxError } from './syntax-error';
import type { Token } from './tokens';

/** Nesting deeper than this is reported as an error instead of overflowing the stack. */
const MAX_DEPTH = 500;

export abstract class TokenStream {
  protected pos = 0;
  private furthest = -1;
  private readonly expected = new Set<string>();
  private depth = 0;

  constructor(
    protected readonly tokens: Token[],
    protected readonly dialect: Dialect,
  ) {}

  protected get pg(): boolean {
    return this.dialect === 'postgres';
  }

  protected peek(k = 0): Token {
    const i = this.pos + k;
    return this.tokens[i < this.tokens.length ? i : this.tokens.length - 1];
  }

  protected next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  protected location(t: Token = this.peek()): NodeLocation {
    return { line: t.line, column: t.column };
  }

  /** Records that `what` would have been accepted at the current position. */
  protected expecting(what: string): void {
    if (this.pos > this.furthest) {
      this.furthest = this.pos;
      this.expected.clear();
    }
    if (this.pos === this.furthest) this.expected.add(what);
  }

  // ---- keywords -------------------------------------------------------------------------------

  /** Is token k a bare word equal to `word` (upper case)? Records the expectation when k = 0. */
  protected isKeyword(word: string, k = 0): boolean {
    const t = this.peek(k);
    if (t.type === 'identifier' && t.upper === word) return true;
    if (k === 0) this.expecting(`'${word}'`);
    return false;
  }

  /**
   * Is the keyword sequence next? When only a prefix matches, the expectation is recorded at the
   * first mismatching token (`GROUP 1` reports "Expecting: 'BY'" at `1`).
   */
  protected isKeywords(...words: string[]): boolean {
    const start = this.pos;
    try {
      for (let i = 0; i < words.length; i++) {
        if (!this.isKeyword(words[i])) return false;
        this.pos++;
      }
      return true;
    } finally {
      this.pos = start;
    }
  }

  /** Consumes the keyword sequence if it is next. */
  protected matchKeywords(...words: string[]): boolean {
    if (!this.isKeywords(...words)) return false;
    this.pos += words.length;
    return true;
  }

  protected matchKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.pos++;
    return true;
  }

  /** Consumes whichever of `words` is next and returns it (upper case), or undefined. */
  protected matchOneOf<T extends string>(...words: T[]): T | undefined {
    for (const w of words) if (this.matchKeyword(w)) return w;
    return undefined;
  }

  protected expectKeyword(...words: string[]): void {
    for (const w of words) if (!this.matchKeyword(w)) this.fail();
  }

  protected expectOneOf<T extends string>(...words: T[]): T {
    const w = this.matchOneOf(...words);
    if (w === undefined) this.fail();
    return w;
  }

  // ---- operators ------------------------------------------------------------------------------

  protected isOperator(op: string, k = 0): boolean {
    const t = this.peek(k);
    if (t.type === 'operator' && t.value === op) return true;
    if (k === 0) this.expecting(`'${op}'`);
    return false;
  }

  protected matchOperator(op: string): boolean {
    if (!this.isOperator(op)) return false;
    this.pos++;
    return true;
  }

  protected expectOperator(op: string): void {
    if (!this.matchOperator(op)) this.fail();
  }

  protected isEof(): boolean {
    if (this.peek().type === 'eof') return true;
    this.expecting('<EOF>');
    return false;
  }

  // ---- identifiers ----------------------------------------------------------------------------

  /** Can token k be used as an identifier (a quoted name, or a word that is not reserved)? */
  protected isIdentifier(k = 0): boolean {
    const t = this.peek(k);
    if (t.type === 'quoted_identifier') return true;
    if (t.type === 'identifier' && !isReserved(t.upper, this.dialect)) return true;
    if (k === 0) this.expecting('<identifier>');
    return false;
  }

  protected parseIdentifier(): Identifier {
    if (!this.isIdentifier()) this.fail();
    const t = this.next();
    if (t.type === 'quoted_identifier') {
      const value = t.flavor === 'unicode' ? this.decodeUnicodeEscapes(t.value, t) : t.value;
      return { kind: 'Identifier', value, quoted: true, loc: this.location(t) };
    }
    return { kind: 'Identifier', value: t.value, quoted: false, loc: this.location(t) };
  }

  /**
   * Decodes U&'…' / U&"…" escapes (`\XXXX`, `\+XXXXXX`, doubled escape char), reading an optional
   * trailing `UESCAPE 'c'`.
   */
  protected decodeUnicodeEscapes(raw: string, token: Token): string {
    let escape = '\\';
    if (this.isKeyword('UESCAPE')) {
      this.next();
      const e = this.peek();
      if (e.type !== 'string' || e.flavor !== undefined) this.fail();
      this.next();
      if (e.value.length !== 1 || /[0-9a-fA-F+'"\s]/.test(e.value)) {
        this.errorAt(e, 'Invalid Unicode escape character');
      }
      escape = e.value;
    }
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i];
      if (ch !== escape) {
        out += ch;
        continue;
      }
      if (raw[i + 1] === escape) {
        out += escape;
        i++;
        continue;
      }
      const long = raw[i + 1] === '+';
      const start = long ? i + 2 : i + 1;
      const len = long ? 6 : 4;
      const hex = raw.slice(start, start + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) {
        this.errorAt(token, `Incomplete escape sequence: ${raw.slice(i, start + len)}`);
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        this.errorAt(token, `Invalid escaped character: ${raw.slice(i, start + len)}`);
      out += String.fromCodePoint(cp);
      i = start + len - 1;
    }
    return out;
  }

  // ---- nesting --------------------------------------------------------------------------------

  protected enter(): void {
    if (this.depth >= MAX_DEPTH) {
      this.errorAt(this.peek(), 'statement is too large (stack overflow while parsing)');
    }
    this.depth++;
  }

  /**
   * Runs a loop that builds a left-deep tree (`a + b + c`, joins, UNION chains). Each link makes
   * the tree one level deeper, so it counts toward the nesting limit like a parenthesis does:
   * later passes over the tree recurse, and must not overflow either.
   */
  protected leftDeep<T>(build: (link: () => void) => T): T {
    let links = 0;
    try {
      return build(() => {
        this.enter();
        links++;
      });
    } finally {
      this.depth -= links;
    }
  }

  protected leave(): void {
    this.depth--;
  }

  protected nested<T>(f: () => T): T {
    this.enter();
    try {
      return f();
    } finally {
      this.leave();
    }
  }

  // ---- backtracking ---------------------------------------------------------------------------

  /** Runs `f`; on a syntax error rewinds and returns undefined (expectations stay recorded). */
  protected attempt<T>(f: () => T): T | undefined {
    const saved = this.pos;
    const savedDepth = this.depth;
    try {
      return f();
    } catch (e) {
      if (!(e instanceof SqlSyntaxError) || e.message.includes('stack overflow')) throw e;
      this.pos = saved;
      this.depth = savedDepth;
      return undefined;
    }
  }

  // ---- errors ---------------------------------------------------------------------------------

  protected errorAt(t: Token, message: string): never {
    throw new SqlSyntaxError(message, t.line, t.column);
  }

  /** Throws the Trino-style error for the furthest position any alternative reached. */
  protected fail(): never {
    const at = Math.max(this.furthest, this.pos);
    const token = this.tokens[Math.min(at, this.tokens.length - 1)];
    const expected = at === this.furthest ? [...this.expected] : [];
    const input = token.type === 'eof' ? '<EOF>' : token.text;
    let message = `mismatched input '${input}'`;
    if (expected.length > 0) message += `. Expecting: ${sortExpectations(expected).join(', ')}`;
    throw new SqlSyntaxError(message, token.line, token.column);
  }
}

/** Quoted terminals alphabetically, then the <…> categories, as Trino lists them. */
function sortExpectations(items: string[]): string[] {
  const quoted = items.filter((s) => s.startsWith("'")).sort();
  const other = items.filter((s) => !s.startsWith("'")).sort();
  return [...quoted, ...other];
}
