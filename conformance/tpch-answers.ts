/**
 * TPC-H material of the corpus (`tpch/`): expected answers and query texts.
 *
 * Answers:
 *   - `dbgen-answers/sf{0.01,0.1,1}/qNN.csv`: the reference answers on official dbgen data ('|'-separated,
 *     header row, no quoting, NULL written `NULL`). Use these.
 *   - `duckdb/answers/sf*\/qNN.csv`: same layout, but computed on DuckDB's own generator; wrong for q02, q10,
 *     q13, q15 and q20 on dbgen data (see SOURCES.md).
 *   - `trinodb-tpch/queries/qN.result`: tempto result files for SF 0.01.
 *
 * Query texts:
 *   - `duckdb/queries/qNN.sql` (ANSI / DuckDB syntax, one statement);
 *   - `trinodb-tpch/queries/qN.sql` (Trino syntax with a tempto header; q15 creates a view first);
 *   - `trino-benchmark-queries/qNN.sql` (Trino syntax, simplified column names, `"${database}"."${schema}".
 *     "${prefix}table"` placeholders, `${scale}` in q11);
 *   - `trino-parser-qgen-templates/N.sql` (raw TPC qgen templates with `:1` parameters; text only).
 */
import { CorpusFormatError, splitLines } from './corpus-error';
import { readText, resolveUnder } from './corpus-paths';
import { ExpectedResult, parseResultText, parsePropertyLine } from './product-tests-reader';
import { splitSqlStatements } from './statements';

export type TpchScaleFactor = '0.01' | '0.1' | '1';
export type TpchAnswerSource = 'dbgen' | 'duckdb';
export type TpchQuerySource = 'duckdb' | 'trinodb-tpch' | 'trino-benchmark' | 'qgen-template';

export const TPCH_QUERY_NUMBERS: readonly number[] = Array.from({ length: 22 }, (_, k) => k + 1);

export interface TpchAnswer {
  path: string;
  columns: string[];
  /** Values as written; `NULL` becomes null. */
  rows: (string | null)[][];
}

export interface TpchQueryText {
  source: TpchQuerySource;
  query: number;
  path: string;
  /** The file content, verbatim. */
  text: string;
  /**
   * The statements to run, split on top-level `;` (tempto header comment removed for trinodb-tpch). Empty
   * for qgen templates, which are not SQL until qgen substitutes them.
   */
  statements: string[];
  /** tempto header properties (trinodb-tpch only). */
  properties?: Record<string, string>;
}

function checkQuery(query: number): void {
  if (!Number.isInteger(query) || query < 1 || query > 22) {
    throw new Error(`TPC-H query number must be an integer from 1 to 22, got ${query}`);
  }
}

function twoDigits(query: number): string {
  return String(query).padStart(2, '0');
}

export function scaleFactorDir(sf: TpchScaleFactor | number): string {
  const s = typeof sf === 'number' ? String(sf) : sf;
  if (s !== '0.01' && s !== '0.1' && s !== '1') {
    throw new Error(`TPC-H answers exist for scale factors 0.01, 0.1 and 1, not ${s}`);
  }
  return `sf${s}`;
}

/** Parses a '|'-separated answer file with a header row. Every row must have as many values as the header. */
export function parseTpchAnswerCsv(text: string, file = '<input>'): TpchAnswer {
  const lines = splitLines(text);
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  if (end === 0) throw new CorpusFormatError(file, 1, 'answer file is empty (expected a header row)');
  const columns = lines[0].split('|');
  if (columns.some((c) => c.trim() === '')) {
    throw new CorpusFormatError(file, 1, `header row has an empty column name: '${lines[0].slice(0, 80)}'`);
  }
  const rows: (string | null)[][] = [];
  for (let k = 1; k < end; k++) {
    const values = lines[k].split('|');
    if (values.length !== columns.length) {
      throw new CorpusFormatError(
        file,
        k + 1,
        `row has ${values.length} values, header has ${columns.length}`,
      );
    }
    rows.push(values.map((v) => (v === 'NULL' ? null : v)));
  }
  return { path: file, columns, rows };
}

/** Reads `tpch/{dbgen-answers|duckdb/answers}/sfX/qNN.csv`. */
export function readTpchAnswer(
  query: number,
  scaleFactor: TpchScaleFactor | number,
  options: { source?: TpchAnswerSource; root?: string } = {},
): TpchAnswer {
  checkQuery(query);
  const dir = options.source === 'duckdb' ? ['tpch', 'duckdb', 'answers'] : ['tpch', 'dbgen-answers'];
  const file = resolveUnder(options.root, ...dir, scaleFactorDir(scaleFactor), `q${twoDigits(query)}.csv`);
  return parseTpchAnswerCsv(readText(file), file);
}

/** Reads `tpch/trinodb-tpch/queries/qN.result` (tempto format, SF 0.01). */
export function readTrinodbTpchResult(query: number, root?: string): ExpectedResult {
  checkQuery(query);
  const file = resolveUnder(root, 'tpch', 'trinodb-tpch', 'queries', `q${query}.result`);
  return parseResultText(readText(file), { path: file });
}

function queryFile(source: TpchQuerySource, query: number, root?: string): string {
  switch (source) {
    case 'duckdb':
      return resolveUnder(root, 'tpch', 'duckdb', 'queries', `q${twoDigits(query)}.sql`);
    case 'trinodb-tpch':
      return resolveUnder(root, 'tpch', 'trinodb-tpch', 'queries', `q${query}.sql`);
    case 'trino-benchmark':
      return resolveUnder(root, 'tpch', 'trino-benchmark-queries', `q${twoDigits(query)}.sql`);
    case 'qgen-template':
      return resolveUnder(root, 'tpch', 'trino-parser-qgen-templates', `${query}.sql`);
    default:
      throw new Error(`unknown TPC-H query source '${String(source)}'`);
  }
}

export function readTpchQuery(source: TpchQuerySource, query: number, root?: string): TpchQueryText {
  checkQuery(query);
  const file = queryFile(source, query, root);
  const text = readText(file);
  if (source === 'qgen-template') return { source, query, path: file, text, statements: [] };
  if (source === 'trinodb-tpch') {
    const lines = splitLines(text);
    const properties: Record<string, string> = {};
    let k = 0;
    while (k < lines.length && lines[k].startsWith('--')) {
      Object.assign(properties, parsePropertyLine(lines[k]) ?? {});
      k++;
    }
    const body = lines.slice(k).join('\n');
    return {
      source,
      query,
      path: file,
      text,
      statements: nonEmpty(splitSqlStatements(body), file),
      properties,
    };
  }
  return { source, query, path: file, text, statements: nonEmpty(splitSqlStatements(text), file) };
}

function nonEmpty(statements: string[], file: string): string[] {
  if (statements.length === 0) throw new CorpusFormatError(file, 1, 'query file holds no SQL statement');
  return statements;
}

/** The 22 query texts of one source, q1..q22. */
export function listTpchQueries(source: TpchQuerySource, root?: string): TpchQueryText[] {
  return TPCH_QUERY_NUMBERS.map((q) => readTpchQuery(source, q, root));
}

export interface BenchmarkPlaceholders {
  /** Replaces `${database}` (the catalog, e.g. `tpch`). */
  catalog: string;
  /** Replaces `${schema}` (e.g. `tiny`, `sf1`). */
  schema: string;
  /** Replaces `${prefix}` (table name prefix); default ''. */
  prefix?: string;
  /** Replaces `${scale}` (used by q11); required only when the text uses it. */
  scale?: number | string;
}

/**
 * Substitutes the placeholders of `trino-benchmark-queries/*.sql`. Throws if the text uses a placeholder that
 * is not known or not given (e.g. `${scale}` without `scale`).
 */
export function substituteBenchmarkPlaceholders(sql: string, values: BenchmarkPlaceholders): string {
  const table: Record<string, string | undefined> = {
    database: values.catalog,
    schema: values.schema,
    prefix: values.prefix ?? '',
    scale: values.scale === undefined ? undefined : String(values.scale),
  };
  return sql.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    const v = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
    if (v === undefined) throw new Error(`no value for placeholder ${whole} in a TPC-H benchmark query`);
    return v;
  });
}
