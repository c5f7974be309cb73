/**
 * Which sqllogictest records test the source engine's own dialect rather than SQL that Trino has, and the
 * type-name spellings the runner translates.
 *
 * The corpus was written for SQLite and DuckDB. Some records exercise syntax that only those engines have
 * (triggers, `INSERT OR REPLACE`, `DISTINCT ON`, `SEMI JOIN`, FROM-first queries, trailing commas, …). Trino's
 * grammar has no such statements, so those records do not apply to a Trino engine: they are skipped with the
 * reason `foreign dialect: <construct>`, decided from the record's tokens alone (never from its outcome, so a
 * record is classified the same way whether the engine passes or fails it). Tables a skipped statement would
 * have created or changed no longer hold what the source engine's later expectations assume, so later
 * records that mention such a table are skipped too ("depends on a foreign-dialect statement"), until a
 * record that runs re-creates the table.
 *
 * Type names: Trino spells some types differently (`TEXT` → `VARCHAR`, DuckDB `FLOAT` → `REAL`, SQLite `FLOAT`
 * → `DOUBLE`, `DATETIME` → `TIMESTAMP`, …). When the engine rejects a statement with TYPE_NOT_FOUND, the runner
 * retries it once with those names translated in type positions (after a column name or `AS` in a cast); the
 * record is reported as emulated. This changes only how a type is spelled, never what a query computes.
 */
import { Lexer } from '../../src/sql/lexer';
import type { Token } from '../../src/sql/tokens';

export type SourceDialect = 'sqlite' | 'duckdb';

function tokensOf(sql: string): Token[] | undefined {
  try {
    return Lexer.tokenize(sql, 'trino').filter((t) => t.type !== 'eof');
  } catch {
    return undefined; // text our lexer cannot read: leave it to the engine
  }
}

const word = (t: Token | undefined, ...words: string[]): boolean =>
  t !== undefined && t.type === 'identifier' && words.includes(t.upper);
const op = (t: Token | undefined, symbol: string): boolean =>
  t !== undefined && t.type === 'operator' && t.value === symbol;

type Detector = (tokens: Token[]) => boolean;

const BEGIN = 'BEGIN [TRANSACTION]';

/** Constructs of SQLite's and DuckDB's grammars that Trino's grammar lacks, by name. */
const FOREIGN_CONSTRUCTS: ReadonlyArray<readonly [string, Detector]> = [
  ['triggers', (t) => word(t[0], 'CREATE', 'DROP') && t.slice(1, 3).some((x) => word(x, 'TRIGGER'))],
  ['REINDEX', (t) => word(t[0], 'REINDEX')],
  [
    'INSERT OR <conflict action>',
    (t) => word(t[0], 'INSERT') && word(t[1], 'OR') && word(t[2], 'REPLACE', 'IGNORE', 'ABORT', 'FAIL'),
  ],
  ['REPLACE INTO', (t) => word(t[0], 'REPLACE') && word(t[1], 'INTO')],
  [BEGIN, (t) => word(t[0], 'BEGIN')],
  ['empty IN list', (t) => t.some((x, i) => word(x, 'IN') && op(t[i + 1], '(') && op(t[i + 2], ')'))],
  ['DISTINCT ON', (t) => t.some((x, i) => word(x, 'DISTINCT') && word(t[i + 1], 'ON') && op(t[i + 2], '('))],
  [
    'SEMI / ANTI / ASOF / POSITIONAL JOIN',
    (t) => t.some((x, i) => word(x, 'SEMI', 'ANTI', 'ASOF', 'POSITIONAL') && word(t[i + 1], 'JOIN')),
  ],
  ['JOIN BY', (t) => t.some((x, i) => word(x, 'JOIN') && word(t[i + 1], 'BY'))],
  [
    'pragma table functions',
    (t) => t.some((x, i) => x.type === 'identifier' && /^pragma_/i.test(x.value) && op(t[i + 1], '(')),
  ],
  [
    'FROM-first queries',
    (t) => word(t[0], 'FROM') || t.some((x, i) => word(t[i + 1], 'FROM') && (op(x, '(') || word(x, 'AS'))),
  ],
  [
    'trailing commas',
    (t) => t.some((x, i) => op(x, ',') && (i + 1 === t.length || op(t[i + 1], ')') || op(t[i + 1], ';'))),
  ],
  [
    'trailing comma before FROM',
    (t) => t.some((x, i) => op(x, ',') && word(t[i + 1], 'FROM') && !word(t[i + 2], 'UNNEST')),
  ],
  ['COLLATE', (t) => t.some((x) => word(x, 'COLLATE'))],
  ['macros', (t) => word(t[0], 'CREATE') && isMacro(t)],
  ['generated columns', (t) => word(t[0], 'CREATE') && hasGeneratedColumn(t)],
  ['rowid pseudo-column', (t) => t.some((x) => x.type === 'identifier' && x.upper === 'ROWID')],
  ['UPDATE with a target alias', (t) => word(t[0], 'UPDATE') && updateHasAlias(t)],
  ['`::` casts', (t) => t.some((x) => op(x, '::'))],
];

/** DuckDB `CREATE [OR REPLACE] [TEMP] MACRO|FUNCTION f(x) AS expr` (Trino's CREATE FUNCTION needs RETURNS). */
function isMacro(t: Token[]): boolean {
  const i = t.findIndex((x) => word(x, 'MACRO', 'FUNCTION'));
  if (i < 0 || i > 4) return false;
  return word(t[i], 'MACRO') || !t.some((x) => word(x, 'RETURNS'));
}

/** `CREATE TABLE t (x INT, y AS (x + 1))`: an `AS (` inside the column list. */
function hasGeneratedColumn(t: Token[]): boolean {
  const table = t.findIndex((x) => word(x, 'TABLE'));
  if (table < 0 || table > 4) return false;
  let depth = 0;
  for (let i = table + 1; i < t.length; i++) {
    if (op(t[i], '(')) depth++;
    else if (op(t[i], ')')) depth--;
    else if (depth === 1 && word(t[i], 'AS') && op(t[i + 1], '(')) return true;
  }
  return false;
}

/** `UPDATE t alias SET` / `UPDATE t AS alias SET`. */
function updateHasAlias(t: Token[]): boolean {
  let i = 1;
  while (op(t[i + 1], '.')) i += 2; // qualified name
  return !word(t[i + 1], 'SET') && t[i + 1] !== undefined;
}

/** The foreign construct a record's SQL uses, or undefined when it is all Trino grammar. */
export function foreignConstruct(sql: string): string | undefined {
  const tokens = tokensOf(sql);
  if (!tokens || tokens.length === 0) return undefined;
  for (const statement of splitTokens(tokens)) {
    for (const [name, detect] of FOREIGN_CONSTRUCTS) if (detect(statement)) return name;
  }
  return undefined;
}

/** Splits at top-level `;` (a record may hold several statements); trailing `;` kept on each. */
function splitTokens(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (op(tokens[i], ';')) {
      if (i > start) out.push(tokens.slice(start, i));
      start = i + 1;
    }
  }
  if (start < tokens.length) out.push(tokens.slice(start));
  return out;
}

const nameOf = (t: Token | undefined): string | undefined =>
  t && (t.type === 'identifier' || t.type === 'quoted_identifier')
    ? t.type === 'identifier'
      ? t.value.toLowerCase()
      : t.value
    : undefined;

/** The last part of the qualified name starting at `i`. */
function qualifiedNameAt(t: Token[], i: number): string | undefined {
  while (op(t[i + 1], '.') && t[i + 2]) i += 2;
  return nameOf(t[i]);
}

const SKIPPABLE_BEFORE_NAME = new Set([
  'OR',
  'REPLACE',
  'TEMP',
  'TEMPORARY',
  'IF',
  'NOT',
  'EXISTS',
  'INTO',
  'FROM',
]);

/** Tables (or views) a statement creates, changes or drops (simple lower-case names). */
export function writtenTables(sql: string): string[] {
  const tokens = tokensOf(sql);
  if (!tokens) return [];
  const out: string[] = [];
  for (const t of splitTokens(tokens)) {
    let i = -1;
    if (word(t[0], 'CREATE', 'DROP', 'ALTER')) {
      i = t.findIndex((x) => word(x, 'TABLE', 'VIEW'));
      if (i < 0) {
        // CREATE TRIGGER … ON <table>
        const on = t.findIndex((x) => word(x, 'ON'));
        if (on > 0 && t.some((x) => word(x, 'TRIGGER'))) i = on;
      }
    } else if (word(t[0], 'INSERT', 'REPLACE', 'UPDATE', 'DELETE')) i = 0;
    if (i < 0) continue;
    i++;
    while (word(t[i], ...SKIPPABLE_BEFORE_NAME)) i++;
    const name = qualifiedNameAt(t, i);
    if (name) out.push(name);
  }
  return out;
}

/** Tracks tables whose contents diverged from the source engine's because a statement was skipped. */
export class ForeignDialectTracker {
  private readonly diverged = new Set<string>();
  /** A skipped `BEGIN` opened a transaction that Trino never saw. */
  private transactionOpen = false;

  /** Records a skipped statement's effects. */
  skipped(sql: string, construct: string): void {
    for (const name of writtenTables(sql)) this.diverged.add(name);
    if (construct === BEGIN) this.transactionOpen = true;
  }

  /** The COMMIT / ROLLBACK that ends a skipped `BEGIN`'s transaction belongs to it. */
  transactionEnd(sql: string): string | undefined {
    if (!this.transactionOpen) return undefined;
    const tokens = tokensOf(sql);
    if (!tokens || !word(tokens[0], 'COMMIT', 'ROLLBACK', 'END', 'ABORT')) return undefined;
    this.transactionOpen = false;
    return BEGIN;
  }

  /** A record that runs and (re-)creates tables makes them follow the source engine again. */
  running(sql: string): void {
    const tokens = tokensOf(sql);
    if (!tokens || !word(tokens[0], 'CREATE')) return;
    for (const name of writtenTables(sql)) this.diverged.delete(name);
  }

  /** Why a record depends on a skipped statement, or undefined. */
  dependence(sql: string): string | undefined {
    if (this.diverged.size === 0) return undefined;
    const tokens = tokensOf(sql);
    if (!tokens) return undefined;
    for (const t of tokens) {
      const name = nameOf(t);
      if (name !== undefined && this.diverged.has(name))
        return `depends on a foreign-dialect statement (table ${name})`;
    }
    return undefined;
  }
}

/** Type spellings of the source engines → Trino's. */
const TYPE_NAMES: Readonly<Record<SourceDialect, Readonly<Record<string, string>>>> = {
  sqlite: {
    TEXT: 'VARCHAR',
    STRING: 'VARCHAR',
    CLOB: 'VARCHAR',
    FLOAT: 'DOUBLE', // SQLite FLOAT has REAL affinity: an 8-byte IEEE double
    NUMERIC: 'DECIMAL',
    DATETIME: 'TIMESTAMP',
    BLOB: 'VARBINARY',
    INT8: 'BIGINT',
    SIGNED: 'BIGINT',
  },
  duckdb: {
    TEXT: 'VARCHAR',
    STRING: 'VARCHAR',
    FLOAT: 'REAL', // DuckDB FLOAT is a 4-byte float
    FLOAT4: 'REAL',
    FLOAT8: 'DOUBLE',
    NUMERIC: 'DECIMAL',
    DATETIME: 'TIMESTAMP',
    BLOB: 'VARBINARY',
    BYTEA: 'VARBINARY',
    INT1: 'TINYINT',
    INT2: 'SMALLINT',
    INT4: 'INTEGER',
    INT8: 'BIGINT',
    INT64: 'BIGINT',
    INT32: 'INTEGER',
    INT16: 'SMALLINT',
    LONG: 'BIGINT',
    SIGNED: 'BIGINT',
    BOOL: 'BOOLEAN',
  },
};

/**
 * `sql` with the source engine's type names translated where they stand in a type position, or undefined
 * when nothing changes.
 */
export function translateTypeNames(sql: string, dialect: SourceDialect): string | undefined {
  const tokens = tokensOf(sql);
  if (!tokens) return undefined;
  const names = TYPE_NAMES[dialect];
  let out = '';
  let last = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const replacement = t.type === 'identifier' ? names[t.upper] : undefined;
    if (replacement === undefined) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // A type follows a column name (`x TEXT`) or `AS` in a cast; a column *named* text is followed by its
    // own type or is not preceded by a name.
    const afterName = prev.type === 'identifier' || prev.type === 'quoted_identifier';
    const endsType =
      next === undefined || op(next, ',') || op(next, ')') || op(next, '(') || next.type === 'identifier';
    if (!afterName || !endsType) continue;
    if (prev.type === 'identifier' && !word(prev, 'AS') && !inColumnList(tokens, i)) continue;
    out += sql.slice(last, t.offset) + replacement;
    last = t.offset + t.text.length;
  }
  return last === 0 ? undefined : out + sql.slice(last);
}

/** Whether token `i` is inside the parenthesized column list of a CREATE / ALTER TABLE statement. */
function inColumnList(t: Token[], i: number): boolean {
  if (!word(t[0], 'CREATE', 'ALTER')) return false;
  let depth = 0;
  for (let j = 0; j < i; j++) {
    if (op(t[j], '(')) depth++;
    else if (op(t[j], ')')) depth--;
  }
  return depth === 1 || word(t[0], 'ALTER');
}
