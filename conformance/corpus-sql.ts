/**
 * Every SQL statement of the corpus in one list, for tests that only need the SQL text (e.g. the parser test).
 *
 * Statements are split on top-level semicolons ({@link splitSqlStatements}), so a record or file holding
 * several statements yields several entries. Caveat: SQLite `CREATE TRIGGER ... BEGIN ...; END` bodies are
 * split too (those statements are SQLite-only anyway).
 */
import * as path from 'node:path';
import { conformanceDir } from './corpus-paths';
import { listProductTestCases } from './product-tests-reader';
import { listSltFiles, readSltFile, SltCondition } from './slt-reader';
import { splitSqlStatementsWithPositions } from './statements';
import { listTpchQueries, substituteBenchmarkPlaceholders } from './tpch-answers';
import { qgenTemplateStatements } from './tpch-qgen';

export type CorpusSqlSource =
  | 'sqlite-slt'
  | 'duckdb-slt'
  | 'product-test'
  | 'tpch-duckdb'
  | 'tpch-trinodb'
  | 'tpch-benchmark'
  | 'tpch-qgen';

export const CORPUS_SQL_SOURCES: readonly CorpusSqlSource[] = [
  'sqlite-slt',
  'duckdb-slt',
  'product-test',
  'tpch-duckdb',
  'tpch-trinodb',
  'tpch-benchmark',
  'tpch-qgen',
];

export interface CorpusSql {
  source: CorpusSqlSource;
  file: string;
  /**
   * 1-based line where the statement starts (for sqllogictest records: counted from the record's first SQL
   * line, so it is off if comment lines were removed from inside the SQL).
   */
  line: number;
  /** One statement, without its terminating semicolon. */
  sql: string;
  /** sqllogictest `statement error`: the corpus expects the statement to fail. */
  expectError: boolean;
  /** sqllogictest skipif/onlyif conditions of the record. */
  conditions?: SltCondition[];
  /** Product tests: the case name. */
  caseName?: string;
}

export interface ListCorpusSqlOptions {
  sources?: readonly CorpusSqlSource[];
  /** Corpus root (defaults to {@link conformanceDir}). */
  root?: string;
  /** Values for the `${...}` placeholders of the Trino benchmark queries. */
  benchmark?: { catalog: string; schema: string; prefix?: string; scale?: number | string };
}

export function listCorpusSql(options: ListCorpusSqlOptions = {}): CorpusSql[] {
  const root = options.root ?? conformanceDir();
  const wanted = new Set(options.sources ?? CORPUS_SQL_SOURCES);
  const out: CorpusSql[] = [];

  if (wanted.has('sqlite-slt') || wanted.has('duckdb-slt')) {
    for (const file of listSltFiles(path.join(root, 'sqllogictest'))) {
      const { format, records } = readSltFile(file);
      const source: CorpusSqlSource = format === 'duckdb' ? 'duckdb-slt' : 'sqlite-slt';
      if (!wanted.has(source)) continue;
      for (const r of records) {
        if (r.kind !== 'statement' && r.kind !== 'query') continue;
        for (const s of splitSqlStatementsWithPositions(r.sql)) {
          out.push({
            source,
            file,
            line: r.line + s.line,
            sql: s.sql,
            expectError: r.kind === 'statement' && r.expect === 'error',
            conditions: r.conditions,
          });
        }
      }
    }
  }

  if (wanted.has('product-test')) {
    for (const c of listProductTestCases(root)) {
      for (const s of splitSqlStatementsWithPositions(c.sql)) {
        out.push({
          source: 'product-test',
          file: c.sqlPath,
          line: c.line + s.line - 1,
          sql: substituteProductTestPlaceholders(s.sql),
          expectError: false,
          caseName: c.name,
        });
      }
    }
  }

  const tpch: [CorpusSqlSource, 'duckdb' | 'trinodb-tpch' | 'trino-benchmark'][] = [
    ['tpch-duckdb', 'duckdb'],
    ['tpch-trinodb', 'trinodb-tpch'],
    ['tpch-benchmark', 'trino-benchmark'],
  ];
  for (const [source, kind] of tpch) {
    if (!wanted.has(source)) continue;
    for (const q of listTpchQueries(kind, root)) {
      const text =
        kind === 'trino-benchmark'
          ? substituteBenchmarkPlaceholders(
              q.text,
              options.benchmark ?? { catalog: 'tpch', schema: 'tiny', scale: 0.01 },
            )
          : q.text;
      for (const s of splitSqlStatementsWithPositions(text)) {
        // trinodb-tpch files start with a tempto header comment; drop it from the first statement.
        const sql = kind === 'trinodb-tpch' ? stripLeadingLineComments(s.sql) : s.sql;
        if (sql === '') continue;
        out.push({ source, file: q.path, line: s.line + leadingLines(s.sql, sql), sql, expectError: false });
      }
    }
  }
  if (wanted.has('tpch-qgen')) {
    for (const q of listTpchQueries('qgen-template', root)) {
      for (const sql of qgenTemplateStatements(q.text)) {
        out.push({ source: 'tpch-qgen', file: q.path, line: 1, sql, expectError: false });
      }
    }
  }
  return out;
}

/**
 * Product tests that write to tables name them with tempto placeholders such as
 * `${mutableTables.hive.datatype}`; the table's own name stands in for it.
 */
export function substituteProductTestPlaceholders(sql: string): string {
  return sql.replace(/\$\{mutableTables\.[A-Za-z0-9_]+\.([A-Za-z0-9_]+)\}/g, '$1');
}

function stripLeadingLineComments(sql: string): string {
  let rest = sql;
  while (rest.startsWith('--')) {
    const nl = rest.indexOf('\n');
    rest = nl < 0 ? '' : rest.slice(nl + 1).trimStart();
  }
  return rest;
}

function leadingLines(original: string, stripped: string): number {
  const removed = original.slice(0, original.length - stripped.length);
  let n = 0;
  for (const ch of removed) if (ch === '\n') n++;
  return n;
}
