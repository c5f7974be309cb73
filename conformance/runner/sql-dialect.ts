/**
 * Dialect adaptations the sqllogictest runner makes for statements Trino does not have.
 *
 * Index DDL (SQLite scripts, some DuckDB scripts): Trino has no indexes. `CREATE [UNIQUE] INDEX` is first
 * sent to the engine; when the engine rejects it as not supported (NOT_SUPPORTED, or a syntax error for
 * forms Trino's grammar lacks), the runner emulates it: the statement succeeds if the table exists (checked
 * with SHOW COLUMNS) and the index name is new, and the name is remembered. `DROP INDEX name` is emulated the
 * same way: it succeeds only for a remembered index (so the corpus's "dropping twice is an error" checks still
 * mean something). Indexes never change query results, so this does not change what queries compute.
 * Uniqueness of a UNIQUE index is not enforced. Emulated statements are counted separately in the report.
 *
 * DuckDB `SET` / `PRAGMA` / `RESET`: Trino's SET SESSION is different, so these are not sent to the engine.
 * Settings that only tune execution (threads, debug_*, verify_*, optimizer switches, …) are skipped.
 * Settings that change results are skipped too, but later records that depend on them are skipped as well
 * (see {@link settingEffect}).
 */
import type { LocalEngine, SqlOutcome } from './engine';
import { runStatement } from './engine';

const CREATE_INDEX =
  /^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[^\s(]+)\s+ON\s+("(?:[^"]|"")+"|[^\s(]+)\s*\(/is;
const DROP_INDEX = /^\s*DROP\s+INDEX\s+(IF\s+EXISTS\s+)?("(?:[^"]|"")+"|[^\s;]+)\s*;?\s*$/is;
const DROP_TABLE = /^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?("(?:[^"]|"")+"|[^\s;]+)\s*;?\s*$/is;

/** Error codes meaning "the engine does not have this statement". */
const UNSUPPORTED_CODES: ReadonlySet<string> = new Set(['NOT_SUPPORTED', 'SYNTAX_ERROR']);

function simpleName(text: string): string {
  const parts = text.split('.');
  const last = parts[parts.length - 1];
  return last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last.toLowerCase();
}

export interface EmulatedOutcome {
  outcome: SqlOutcome;
  /** What the runner did, when it emulated the statement. */
  emulated?: string;
}

/** Per-file index emulation state. */
export class IndexEmulator {
  /** index name → table name (simple, lower-cased). */
  private readonly indexes = new Map<string, string>();

  /** Runs `sql` (one statement) on the engine, emulating index DDL the engine rejects. */
  async run(engine: LocalEngine, sql: string, timeoutMs?: number): Promise<EmulatedOutcome> {
    const create = CREATE_INDEX.exec(sql);
    const drop = create ? null : DROP_INDEX.exec(sql);
    const outcome = await runStatement(engine, sql, timeoutMs);
    if (outcome.ok) {
      const dropTable = DROP_TABLE.exec(sql);
      if (dropTable) this.forgetTable(simpleName(dropTable[1]));
      return { outcome };
    }
    if (!UNSUPPORTED_CODES.has(outcome.error.code)) return { outcome };
    if (create) {
      const [, ifNotExists, indexText, tableText] = create;
      const name = simpleName(indexText);
      const exists = await runStatement(engine, `SHOW COLUMNS FROM ${tableText}`, timeoutMs);
      if (!exists.ok) return { outcome: exists, emulated: 'CREATE INDEX emulated: table check failed' };
      if (this.indexes.has(name) && !ifNotExists) {
        return {
          outcome: {
            ok: false,
            error: { code: 'ALREADY_EXISTS', message: `index ${name} already exists (emulated)` },
          },
          emulated: 'CREATE INDEX emulated: duplicate name',
        };
      }
      this.indexes.set(name, simpleName(tableText));
      return {
        outcome: { ok: true, result: { columns: [], rows: [] } },
        emulated: 'CREATE INDEX emulated (no-op)',
      };
    }
    if (drop) {
      const [, ifExists, indexText] = drop;
      const name = simpleName(indexText);
      if (this.indexes.delete(name) || ifExists) {
        return { outcome: { ok: true, result: { columns: [], rows: [] } }, emulated: 'DROP INDEX emulated' };
      }
      return {
        outcome: {
          ok: false,
          error: { code: 'NOT_FOUND', message: `index ${name} does not exist (emulated)` },
        },
        emulated: 'DROP INDEX emulated: unknown index',
      };
    }
    return { outcome };
  }

  private forgetTable(table: string): void {
    for (const [index, t] of this.indexes) if (t === table) this.indexes.delete(index);
  }
}

// ---------------------------------------------------------------------------------------------------------
// DuckDB settings

export type SettingEffect =
  /** Not a SET / PRAGMA / RESET statement. */
  | { kind: 'none' }
  /** A setting that does not change results: skip the statement. */
  | { kind: 'ignore'; name: string }
  /** Changes NULL ordering: later queries with ORDER BY are skipped. */
  | { kind: 'null-order'; name: string }
  /** Changes results in other ways: later queries and expected-error statements are skipped. */
  | { kind: 'results'; name: string };

const SETTING =
  /^\s*(SET|RESET|PRAGMA)\b\s*(?:(?:SESSION|GLOBAL|LOCAL)\s+)?([A-Za-z_][\w.]*)\s*(?:(?:=|TO)\s*(.*?))?\s*;?\s*$/is;

/** Settings known to change query results (others are treated as execution tuning). */
const RESULT_SETTINGS: ReadonlySet<string> = new Set([
  'ieee_floating_point_ops',
  'scalar_subquery_error_on_multiple_rows',
  'integer_division',
  'default_collation',
  'order_by_non_integer_literal',
  'preserve_identifier_case',
  'max_expression_depth',
  'errors_as_json',
  'timezone',
  'calendar',
  'search_path',
  'schema',
  'lambda_syntax',
  'arrow_large_buffer_size',
]);

/** How a DuckDB SET / PRAGMA / RESET statement affects the run. */
export function settingEffect(sql: string): SettingEffect {
  const m = SETTING.exec(sql);
  if (!m) return { kind: 'none' };
  const verb = m[1].toUpperCase();
  const name = m[2].toLowerCase();
  // Trino's own `SET SESSION x = y` / `RESET SESSION x` are real statements: leave them to the engine.
  if ((verb === 'SET' || verb === 'RESET') && /^\s*(SET|RESET)\s+SESSION\b/i.test(sql))
    return { kind: 'none' };
  const value = (m[3] ?? '').replace(/^'|'$/g, '').toLowerCase();
  if (name === 'default_null_order' || name === 'null_order') {
    // DuckDB's default (and Trino's): NULLS LAST for ascending and descending keys.
    return verb === 'RESET' || value === 'nulls_last'
      ? { kind: 'ignore', name }
      : { kind: 'null-order', name };
  }
  if (name === 'default_order') {
    return verb === 'RESET' || value === 'asc' || value === 'ascending'
      ? { kind: 'ignore', name }
      : { kind: 'results', name };
  }
  if (RESULT_SETTINGS.has(name))
    return verb === 'RESET' ? { kind: 'ignore', name } : { kind: 'results', name };
  return { kind: 'ignore', name };
}
