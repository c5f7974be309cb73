/** Token shapes produced by the lexer. */

export type TokenType =
  | 'identifier' // unquoted word, keyword or not; `upper` holds its upper-case form
  | 'quoted_identifier' // "x" (value has the quotes removed and "" folded)
  | 'string' // '…' (value is the decoded text)
  | 'binary' // X'…' (value is the hex digits)
  | 'integer'
  | 'decimal'
  | 'double'
  | 'operator'
  | 'parameter' // `?` or, in the postgres dialect, `$n` (value holds n)
  | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Decoded value (identifier text, string contents, number text, operator symbol). */
  readonly value: string;
  /** Upper-cased value for identifiers, used for keyword checks; same as value otherwise. */
  readonly upper: string;
  /** The token's source text, used in error messages. */
  readonly text: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** For strings: which quoting produced it (U&'…', E'…', $$…$$), kept for formatting fidelity. */
  readonly flavor?: 'unicode' | 'escape' | 'dollar';
}
