/**
 * sqllogictest reader: turns `.test` / `.test_slow` scripts into typed records. Two dialects are supported:
 *
 *  - `sqlite`: the original format (see `sqllogictest/sqlite/about.wiki` in the corpus). Query results are
 *    one value per line; `N values hashing to <md5>` replaces long results.
 *  - `duckdb`: DuckDB's variant. Query results are one row per line with TAB-separated columns;
 *    `statement error` may be followed by `----` and an expected error message (a substring, or a regex when it
 *    starts with `<REGEX>:`); extra directives (`require`, `load`, `mode`, `loop`, ...) become `control`
 *    records; `<FILE>:path` stands for a result stored in another file (not part of the corpus).
 *
 * Common rules: records are separated by blank lines (whitespace-only counts as blank); lines starting with
 * `#` are comments and are dropped (except inside DuckDB result sections, where they are data); `skipif` /
 * `onlyif` lines apply to the record that follows them and end up in its `conditions`. CRLF line ends are
 * accepted. Malformed input raises a {@link CorpusFormatError} whose message starts with `file:line:`.
 *
 * The module also exports the SQLite value rendering / sorting / hashing used when comparing results.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { CorpusFormatError, splitLines } from './corpus-error';
import { corpusPath, readText, walkFiles } from './corpus-paths';

export type SltFormat = 'sqlite' | 'duckdb';
export type SltSortMode = 'nosort' | 'rowsort' | 'valuesort';

export interface SltCondition {
  kind: 'skipif' | 'onlyif';
  /** Engine name as written (`mysql`, `postgresql`, `mssql`, `oracle`, `sqlite`, ...). */
  engine: string;
  line: number;
}

export type SltExpected =
  /** SQLite format: one value per line. */
  | { values: string[] }
  /** Both formats: `count values hashing to md5`. */
  | { hash: { count: number; md5: string } }
  /** DuckDB format: one row per line, columns split on TAB. */
  | { rows: string[][] }
  /** DuckDB format: `<FILE>:path` (the path is relative to DuckDB's source tree). */
  | { file: string };

interface SltRecordBase {
  /** 1-based line of the record's first (non-condition, non-comment) line. */
  line: number;
  /** skipif/onlyif lines written before the record, in order. */
  conditions: SltCondition[];
}

export interface SltStatementRecord extends SltRecordBase {
  kind: 'statement';
  /** `maybe` is a DuckDB extension (either outcome accepted). */
  expect: 'ok' | 'error' | 'maybe';
  /** The SQL, lines joined with `\n`, comment lines removed. Kept verbatim otherwise (DuckDB often ends it with `;`). */
  sql: string;
  /** DuckDB: text after `----`, lines joined with `\n`. May start with `<REGEX>:` or `<!REGEX>:`. */
  expectedError?: string;
}

export interface SltQueryRecord extends SltRecordBase {
  kind: 'query';
  /** One character per result column: I (integer), R (float), T (text). Empty when a DuckDB query has none. */
  types: string;
  sortMode: SltSortMode;
  label?: string;
  /** DuckDB: a second `query` argument that is not a sort mode names a connection. */
  connection?: string;
  sql: string;
  /** An empty result (`{ values: [] }` / `{ rows: [] }`) when `----` or the results are absent. */
  expected: SltExpected;
}

export interface SltHashThresholdRecord extends SltRecordBase {
  kind: 'hash-threshold';
  n: number;
}

export interface SltHaltRecord extends SltRecordBase {
  kind: 'halt';
}

export interface SltControlRecord extends SltRecordBase {
  kind: 'control';
  /** DuckDB directive: require, load, mode, loop, foreach, endloop, restart, set, include, ... */
  directive: string;
  args: string[];
}

export type SltRecord =
  SltStatementRecord | SltQueryRecord | SltHashThresholdRecord | SltHaltRecord | SltControlRecord;

export interface SltFile {
  path: string;
  format: SltFormat;
  records: SltRecord[];
}

export interface SltParseOptions {
  /** Used in error messages and to pick the default format. */
  path?: string;
  /** Defaults to `duckdb` when `path` contains a `duckdb` directory component, else `sqlite`. */
  format?: SltFormat;
}

/** DuckDB runner directives that are recorded as `control` records. */
export const DUCKDB_DIRECTIVES: ReadonlySet<string> = new Set([
  'require',
  'require-env',
  'load',
  'mode',
  'loop',
  'foreach',
  'concurrentloop',
  'concurrentforeach',
  'endloop',
  'restart',
  'reconnect',
  'sleep',
  'unzip',
  'tags',
  'continue',
  'reset',
  'set',
  'unset',
  'include',
  'template',
  'cache_file',
  'test-env',
]);

const HASH_LINE = /^(\d+) values hashing to ([0-9a-f]{32})$/;
const SORT_MODES: ReadonlySet<string> = new Set(['nosort', 'rowsort', 'valuesort']);

export function detectSltFormat(filePath: string): SltFormat {
  const normalized = filePath.split(path.sep).join('/');
  return /(^|\/)duckdb\//.test(normalized) ? 'duckdb' : 'sqlite';
}

export function parseSlt(text: string, options: SltParseOptions = {}): SltRecord[] {
  const file = options.path ?? '<input>';
  const format: SltFormat =
    options.format ?? (options.path !== undefined ? detectSltFormat(options.path) : 'sqlite');
  const lines = splitLines(text);
  const records: SltRecord[] = [];
  const fail = (lineIndex: number, reason: string): never => {
    throw new CorpusFormatError(file, lineIndex + 1, reason);
  };
  const isBlank = (l: string): boolean => l.trim() === '';
  const isComment = (l: string): boolean => l.startsWith('#');
  const isSeparator = (l: string): boolean => l.trimEnd() === '----';

  let conditions: SltCondition[] = [];
  let i = 0;

  /** Reads SQL lines up to a blank line, `----` or end of input. Returns the lines and whether `----` ended them. */
  const readSql = (): { sql: string; separator: boolean } => {
    const sqlLines: string[] = [];
    while (i < lines.length && !isBlank(lines[i]) && !isSeparator(lines[i])) {
      if (!isComment(lines[i])) sqlLines.push(lines[i]);
      i++;
    }
    const separator = i < lines.length && isSeparator(lines[i]);
    if (separator) i++;
    return { sql: sqlLines.join('\n'), separator };
  };

  /** Reads result lines up to a blank line or end of input. */
  const readResults = (): string[] => {
    const out: string[] = [];
    while (i < lines.length && !isBlank(lines[i])) {
      if (format === 'duckdb' || !isComment(lines[i])) out.push(lines[i]);
      i++;
    }
    return out;
  };

  while (i < lines.length) {
    const raw = lines[i];
    if (isBlank(raw)) {
      if (conditions.length > 0) {
        fail(conditions[0].line - 1, `'${conditions[0].kind}' is not followed by a record`);
      }
      i++;
      continue;
    }
    if (isComment(raw)) {
      i++;
      continue;
    }
    const tokens = raw.trim().split(/\s+/);
    const word = tokens[0];
    const start = i;
    const line = start + 1;
    i++;

    switch (word) {
      case 'skipif':
      case 'onlyif': {
        if (tokens.length < 2) fail(start, `'${word}' needs an engine name`);
        conditions.push({ kind: word, engine: tokens[1], line });
        continue;
      }
      case 'statement': {
        const expect = tokens[1];
        if (expect !== 'ok' && expect !== 'error' && !(expect === 'maybe' && format === 'duckdb')) {
          fail(start, `expected 'statement ok' or 'statement error', got '${clip(raw)}'`);
        }
        const { sql, separator } = readSql();
        if (sql.trim() === '') fail(start, `statement record has no SQL`);
        const record: SltStatementRecord = {
          kind: 'statement',
          expect: expect as SltStatementRecord['expect'],
          sql,
          line,
          conditions,
        };
        if (separator) {
          const message = readResults().join('\n');
          if (message !== '') {
            if (expect === 'ok') fail(start, `'statement ok' must not have an expected result after '----'`);
            record.expectedError = message;
          }
        }
        records.push(record);
        break;
      }
      case 'query': {
        const header = parseQueryHeader(tokens, format, (reason) => fail(start, reason));
        const { sql, separator } = readSql();
        if (sql.trim() === '') fail(start, `query record has no SQL`);
        const resultLines = separator ? readResults() : [];
        records.push({
          kind: 'query',
          ...header,
          sql,
          expected: parseExpected(resultLines, format),
          line,
          conditions,
        });
        break;
      }
      case 'hash-threshold': {
        const n = tokens.length === 2 && /^\d+$/.test(tokens[1]) ? Number(tokens[1]) : NaN;
        if (!Number.isSafeInteger(n))
          fail(start, `expected 'hash-threshold <non-negative integer>', got '${clip(raw)}'`);
        records.push({ kind: 'hash-threshold', n, line, conditions });
        break;
      }
      case 'halt': {
        records.push({ kind: 'halt', line, conditions });
        break;
      }
      default: {
        if (format === 'duckdb' && DUCKDB_DIRECTIVES.has(word)) {
          records.push({ kind: 'control', directive: word, args: tokens.slice(1), line, conditions });
          break;
        }
        fail(start, `unknown ${format} sqllogictest record '${clip(raw)}'`);
      }
    }
    conditions = [];
  }
  if (conditions.length > 0)
    fail(conditions[0].line - 1, `'${conditions[0].kind}' is not followed by a record`);
  return records;
}

function parseQueryHeader(
  tokens: string[],
  format: SltFormat,
  fail: (reason: string) => never,
): Pick<SltQueryRecord, 'types' | 'sortMode' | 'label' | 'connection'> {
  const types = tokens[1] ?? '';
  if (format === 'sqlite' ? !/^[ITR]+$/.test(types) : !/^[ITR]*$/.test(types)) {
    fail(`bad query type string '${clip(types)}' (expected characters I, T, R)`);
  }
  const header: Pick<SltQueryRecord, 'types' | 'sortMode' | 'label' | 'connection'> = {
    types,
    sortMode: 'nosort',
  };
  const mode = tokens[2];
  if (mode !== undefined) {
    if (SORT_MODES.has(mode)) header.sortMode = mode as SltSortMode;
    else if (format === 'duckdb' && mode === 'sort') header.sortMode = 'rowsort';
    else if (format === 'duckdb') header.connection = mode;
    else fail(`unknown sort mode '${clip(mode)}' (expected nosort, rowsort or valuesort)`);
  }
  if (tokens[3] !== undefined) header.label = tokens[3];
  if (tokens.length > 4) fail(`too many arguments after 'query'`);
  return header;
}

function parseExpected(resultLines: string[], format: SltFormat): SltExpected {
  if (resultLines.length === 1) {
    const m = HASH_LINE.exec(resultLines[0].trim());
    if (m) return { hash: { count: Number(m[1]), md5: m[2] } };
    if (format === 'duckdb' && resultLines[0].startsWith('<FILE>:')) {
      return { file: resultLines[0].slice('<FILE>:'.length) };
    }
  }
  if (format === 'sqlite') return { values: resultLines };
  return { rows: resultLines.map((l) => l.split('\t')) };
}

function clip(s: string): string {
  const printable = s.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 60 ? `${printable.slice(0, 60)}...` : printable;
}

export function readSltFile(filePath: string, options: { format?: SltFormat } = {}): SltFile {
  const format = options.format ?? detectSltFormat(filePath);
  return { path: filePath, format, records: parseSlt(readText(filePath), { path: filePath, format }) };
}

/**
 * All sqllogictest scripts (`*.test`, `*.test_slow`) below `dir`, sorted. `dir` defaults to the corpus's
 * `sqllogictest/` folder (both the sqlite and the duckdb trees).
 */
export function listSltFiles(dir?: string): string[] {
  const root = dir ?? corpusPath('sqllogictest');
  return walkFiles(root, (name) => name.endsWith('.test') || name.endsWith('.test_slow'));
}

/**
 * The expected result of a query as a flat value list (row-major), or undefined for hashed / external-file
 * results. DuckDB rows are flattened; DuckDB files sometimes list one value per line even for multi-column
 * queries (the sqlite layout), which flattens to the same list.
 */
export function expectedValues(record: SltQueryRecord): string[] | undefined {
  const e = record.expected;
  if ('values' in e) return e.values;
  if ('rows' in e) return e.rows.flat();
  return undefined;
}

/**
 * The expected result as rows, or undefined for hashed / external-file results, or when the value count is
 * not a multiple of the column count.
 */
export function expectedRows(record: SltQueryRecord): string[][] | undefined {
  const e = record.expected;
  const width = record.types.length;
  if ('rows' in e) {
    const perLine = width > 1 && e.rows.every((r) => r.length === 1) && e.rows.length % width === 0;
    if (!perLine) return e.rows;
  }
  const values = expectedValues(record);
  if (values === undefined) return undefined;
  if (width === 0) return values.length === 0 ? [] : undefined;
  if (values.length % width !== 0) return undefined;
  const rows: string[][] = [];
  for (let k = 0; k < values.length; k += width) rows.push(values.slice(k, k + width));
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// SQLite result rendering, sorting and hashing (about.wiki, "Test-Script Format").

/**
 * Renders one result value the way the sqllogictest C runner does:
 *   - null / undefined → `NULL`
 *   - `I` → integer as `%d` (fractions truncated toward zero; text is converted like SQLite's numeric cast)
 *   - `R` → `%.3f` (exact decimal expansion of the double, ties rounded away from zero as SQLite's printf does)
 *   - `T` → the text; `''` → `(empty)`; every byte of a control or non-ASCII character → `@`
 */
export function renderValue(value: unknown, typeChar: string): string {
  if (value === null || value === undefined) return 'NULL';
  switch (typeChar) {
    case 'I':
      return renderInteger(value);
    case 'R':
      return formatFixed(toDouble(value), 3);
    case 'T':
      return renderText(value);
    default:
      throw new Error(`unknown sqllogictest type character '${String(typeChar)}' (expected I, R or T)`);
  }
}

/** Renders a row of values with a type string (one character per column). */
export function renderRow(row: readonly unknown[], types: string): string[] {
  if (row.length !== types.length) {
    throw new Error(
      `row has ${row.length} values but the type string '${types}' has ${types.length} columns`,
    );
  }
  return row.map((v, k) => renderValue(v, types[k]));
}

/**
 * Applies a sort mode to rendered values (flat, row-major, `columnCount` per row) and returns the flat list:
 * `nosort` keeps the order, `rowsort` sorts rows (column by column, strcmp order), `valuesort` sorts every
 * value on its own.
 */
export function sortValues(values: readonly string[], columnCount: number, mode: SltSortMode): string[] {
  if (mode === 'nosort') return [...values];
  if (mode === 'valuesort') return [...values].sort(compareStrcmp);
  if (!Number.isInteger(columnCount) || columnCount <= 0 || values.length % columnCount !== 0) {
    throw new Error(`cannot rowsort ${values.length} values into rows of ${columnCount}`);
  }
  const rows: string[][] = [];
  for (let k = 0; k < values.length; k += columnCount) rows.push(values.slice(k, k + columnCount));
  return sortRows(rows, 'rowsort').flat();
}

/** Row-based variant of {@link sortValues}. */
export function sortRows(rows: readonly (readonly string[])[], mode: SltSortMode): string[][] {
  if (mode === 'nosort') return rows.map((r) => [...r]);
  if (mode === 'valuesort') {
    const width = rows.length > 0 ? rows[0].length : 0;
    const sorted = rows.flat().sort(compareStrcmp);
    const out: string[][] = [];
    for (let k = 0; k < sorted.length; k += Math.max(width, 1))
      out.push(sorted.slice(k, k + Math.max(width, 1)));
    return out;
  }
  return rows
    .map((r) => [...r])
    .sort((a, b) => {
      const n = Math.min(a.length, b.length);
      for (let k = 0; k < n; k++) {
        const c = compareStrcmp(a[k], b[k]);
        if (c !== 0) return c;
      }
      return a.length - b.length;
    });
}

/** strcmp() order on the UTF-8 encoding, i.e. code point order (not JavaScript's UTF-16 order). */
export function compareStrcmp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n) {
    const ca = a.codePointAt(k)!;
    const cb = b.codePointAt(k)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    k += ca > 0xffff ? 2 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * MD5 (hex) of the rendered values, each followed by `\n` (the final value too), as the C runner computes it
 * after applying the sort mode.
 */
export function hashValues(values: readonly string[]): string {
  const h = createHash('md5');
  for (const v of values) h.update(`${v}\n`, 'utf8');
  return h.digest('hex');
}

/** The `N values hashing to <md5>` line for a list of rendered values. */
export function hashLine(values: readonly string[]): string {
  return `${values.length} values hashing to ${hashValues(values)}`;
}

function renderInteger(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return integerString(value);
  const text = String(value).trim();
  const whole = Number(text);
  if (text !== '' && Number.isFinite(whole)) return integerString(whole);
  const prefix = /^[+-]?\d+/.exec(text);
  if (prefix) return BigInt(prefix[0]).toString();
  const real = parseFloat(text);
  return Number.isFinite(real) ? integerString(real) : '0';
}

function integerString(x: number): string {
  if (Number.isNaN(x)) return '0';
  if (!Number.isFinite(x)) return x > 0 ? '9223372036854775807' : '-9223372036854775808';
  const t = Math.trunc(x);
  if (t === 0) return '0';
  return Number.isSafeInteger(t) ? String(t) : BigInt(t).toString();
}

function toDouble(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = String(value).trim();
  const whole = Number(text);
  if (text !== '' && !Number.isNaN(whole)) return whole;
  const real = parseFloat(text);
  return Number.isNaN(real) ? 0 : real;
}

function renderText(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  if (s === '') return '(empty)';
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp <= 0x7e) out += ch;
    else out += '@'.repeat(utf8Length(cp));
  }
  return out;
}

function utf8Length(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/**
 * printf("%.<digits>f") for a double: exact decimal expansion, rounding ties away from zero. A negative value
 * keeps its sign even when it rounds to zero (`-0.000`), as C does. NaN and infinities print as `NaN`, `Inf`,
 * `-Inf`.
 */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  const negative = x < 0 || Object.is(x, -0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biasedExponent === 0 ? -1074 : biasedExponent - 1075;
  const scale = 10n ** BigInt(digits);
  let q: bigint;
  if (exponent >= 0) {
    q = (mantissa << BigInt(exponent)) * scale;
  } else {
    const numerator = mantissa * scale;
    const denominator = 1n << BigInt(-exponent);
    q = numerator / denominator;
    if ((numerator % denominator) * 2n >= denominator) q += 1n;
  }
  const s = q.toString().padStart(digits + 1, '0');
  const body = digits === 0 ? s : `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  return negative ? `-${body}` : body;
}
