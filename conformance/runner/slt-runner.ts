/**
 * Runs one sqllogictest file (SQLite or DuckDB format) against a fresh engine.
 *
 * Semantics (SQLite format: about.wiki and the reference C runner; DuckDB format: DuckDB's runner):
 *   - `statement ok` passes when every statement of the record succeeds; `statement error` passes when one
 *     fails. DuckDB's expected error text (after `----`) is compared as a substring (or `<REGEX>:` /
 *     `<!REGEX>:`); a mismatch still passes but is reported separately. DuckDB `statement maybe` passes
 *     either way.
 *   - `query` records: the result must have as many columns as the type string; values are rendered
 *     (value-render.ts), the sort mode (nosort / rowsort / valuesort, DuckDB `sort` = rowsort) is applied to
 *     the engine's values, then compared with the expected values, or, for `N values hashing to <md5>`, the
 *     count and MD5 of the rendered values are compared. hash-threshold is tracked (results above it are shown
 *     hashed in failure details); whether a result is compared by hash or by values follows the file.
 *     Query labels are not cross-checked: every query record carries its own expected result, which is
 *     compared directly.
 *   - DuckDB result layout follows DuckDB's runner: rows one per line with TAB-separated columns when the
 *     line count equals the row count or every line holds a TAB, else one value per line. After a text
 *     mismatch, numeric columns compare as numbers (value-compare.ts, `duckdbValueMatches`); for sorted
 *     queries the expected values are also tried in sorted order (our text for a number may sort
 *     differently from DuckDB's).
 *   - Conditions: the engine is `tessera`. A record is skipped when a `skipif tessera` precedes it or an
 *     `onlyif <other engine>` does (so `onlyif sqlite` / `onlyif mysql` records are skipped, `skipif
 *     postgresql` records run): the rule of about.wiki, and what DuckDB's runner does for its own name.
 *   - `halt` (if its conditions apply) ends the file: the remaining records count as skipped.
 *   - DuckDB directives: `mode skip` / `mode unskip` skip the records between them; records inside
 *     `loop` / `foreach` are skipped; `require`, `load`, `restart`, `reconnect` and other directives that
 *     need DuckDB's runner skip the rest of the file; `sleep`, `tags`, `mode output_*` etc. are ignored.
 *     `<FILE>:` results are skipped (the CSV files are not in the corpus). SET / PRAGMA: see sql-dialect.ts.
 *   - A failing record never stops the file. Every exception is caught and counted.
 *
 * `startAt` / `skipUnits` support the worker supervisor: when a record hangs, the worker is killed and a new
 * one replays the file's statements before `startAt` (results ignored, no outcomes) to rebuild the tables,
 * then continues; `skipUnits` lists records not to run again (the ones that hung).
 */
import * as path from 'node:path';
import {
  compareStrcmp,
  hashValues,
  readSltFile,
  sortValues,
  type SltCondition,
  type SltFile,
  type SltQueryRecord,
  type SltRecord,
  type SltStatementRecord,
} from '../slt-reader';
import { conformanceDir } from '../corpus-paths';
import { splitSqlStatements } from '../statements';
import { closeQuietly, createSltEngine, runSqlText, type LocalEngine, type SqlOutcome } from './engine';
import {
  addOutcome,
  clip,
  emptyFileResult,
  errorFailure,
  failure,
  type FileResult,
  type UnitOutcome,
} from './results';
import { IndexEmulator, settingEffect } from './sql-dialect';
import { ForeignDialectTracker, foreignConstruct, translateTypeNames } from './foreign-dialect';
import { duckdbValueMatches } from './value-compare';
import { columnType, renderDuckdbValue, renderSqliteRows } from './value-render';
import type { SqlType } from '../../src/types';

export const ENGINE_NAME = 'tessera';

export interface SltRunOptions {
  /** Makes the engine for the file (default: {@link createSltEngine}). */
  engineFactory?: () => LocalEngine;
  /** Soft per-statement timeout in ms (in-process runs; 0 = none). Default 10 000. */
  timeoutMs?: number;
  /** Suite name for the result (default: `sqlite` or `duckdb`). */
  suite?: string;
  /** Display name (default: the path relative to the corpus root when below it). */
  displayName?: string;
  /** Records before this index are replayed, not reported (worker restarts). */
  startAt?: number;
  /** Record indexes never to run (they hung before); they get no outcome here. */
  skipUnits?: ReadonlySet<number>;
  /** Epoch ms after which remaining applicable records fail with category `budget` without running. */
  deadline?: number;
  /** Called before each record runs (worker heartbeats). */
  onUnitStart?: (unit: number, record: SltRecord) => void;
  /** Called before each statement replayed below `startAt` runs (worker heartbeats). */
  onReplay?: (unit: number, record: SltRecord) => void;
  /** Called with each outcome as it is produced. */
  onOutcome?: (outcome: UnitOutcome) => void;
}

/** Display name of a corpus file: relative to the corpus root when inside it. */
export function corpusDisplayName(file: string): string {
  try {
    const rel = path.relative(conformanceDir(), file);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  } catch {
    // no corpus directory: fall through
  }
  return file;
}

/** Whether skipif/onlyif conditions exclude a record for the engine `engine`. */
export function skippedByConditions(conditions: readonly SltCondition[], engine = ENGINE_NAME): boolean {
  for (const c of conditions) {
    const name = c.engine.toLowerCase();
    if (c.kind === 'skipif' && name === engine) return true;
    if (c.kind === 'onlyif' && name !== engine) return true;
  }
  return false;
}

/** Reads and runs one file. Never throws for engine or corpus problems: they are in the result. */
export async function runSltFile(filePath: string, options: SltRunOptions = {}): Promise<FileResult> {
  let file: SltFile;
  try {
    file = readSltFile(filePath);
  } catch (e) {
    const r = emptyFileResult(
      options.suite ?? 'sqllogictest',
      options.displayName ?? corpusDisplayName(filePath),
    );
    r.error = `cannot read file: ${(e as Error).message}`;
    return r;
  }
  return runSltRecords(file, options);
}

interface Cell {
  text: string;
  value: unknown;
  column: number;
}

interface RunState {
  hashThreshold: number;
  halted: boolean;
  /** Set when a directive makes the rest of the file unrunnable. */
  abortReason?: string;
  skipMode: boolean;
  loopDepth: number;
  /** Set after a result-changing DuckDB setting. */
  nullOrderSetting?: string;
  resultSetting?: string;
}

/** Runs already-parsed records (a fresh engine from `engineFactory`). */
export async function runSltRecords(file: SltFile, options: SltRunOptions = {}): Promise<FileResult> {
  const started = Date.now();
  const suite = options.suite ?? file.format;
  const display = options.displayName ?? corpusDisplayName(file.path);
  const result = emptyFileResult(suite, display);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const startAt = options.startAt ?? 0;
  const duck = file.format === 'duckdb';
  let engine: LocalEngine | undefined;
  try {
    engine = (options.engineFactory ?? createSltEngine)();
  } catch (e) {
    result.error = `cannot create engine: ${(e as Error).message}`;
    return result;
  }
  const indexes = new IndexEmulator();
  const foreign = new ForeignDialectTracker();
  const state: RunState = { hashThreshold: 0, halted: false, skipMode: false, loopDepth: 0 };

  const emit = (o: UnitOutcome): void => {
    addOutcome(result, o);
    options.onOutcome?.(o);
  };

  /** Runs a record's SQL text statement by statement with index emulation. */
  const execute = async (sql: string): Promise<{ outcome: SqlOutcome; emulated?: string }> => {
    let emulated: string | undefined;
    const outcome = await runSqlText(engine!, sql, timeoutMs, async (one) => {
      const r = await indexes.run(engine!, one, timeoutMs);
      if (r.emulated) emulated = r.emulated;
      if (r.outcome.ok || r.outcome.error.code !== 'TYPE_NOT_FOUND') return r.outcome;
      const translated = translateTypeNames(one, file.format);
      if (translated === undefined) return r.outcome;
      emulated = 'type names translated';
      return (await indexes.run(engine!, translated, timeoutMs)).outcome;
    });
    return { outcome, emulated };
  };

  try {
    for (let i = 0; i < file.records.length; i++) {
      const record = file.records[i];
      const replay = i < startAt;
      if (record.kind !== 'statement' && record.kind !== 'query') {
        applyControl(record, state, duck);
        continue;
      }
      if (options.skipUnits?.has(i)) continue;
      const base = { unit: i, group: display, line: record.line };
      const skip = (skipReason: string): void => {
        if (!replay) emit({ ...base, status: 'skipped', skipReason });
      };
      if (state.halted) {
        skip('after halt');
        continue;
      }
      if (state.abortReason) {
        skip(state.abortReason);
        continue;
      }
      if (state.skipMode) {
        skip('mode skip');
        continue;
      }
      if (state.loopDepth > 0) {
        skip('inside loop (unsupported directive)');
        continue;
      }
      if (skippedByConditions(record.conditions)) {
        skip('skipif/onlyif');
        continue;
      }
      if (duck) {
        const effect = settingOf(record);
        if (effect !== undefined && effect.kind !== 'none') {
          if (effect.kind === 'null-order') state.nullOrderSetting = effect.name;
          if (effect.kind === 'results') state.resultSetting = effect.name;
          skip(`DuckDB setting (${effect.kind === 'ignore' ? 'no effect on results' : 'changes results'})`);
          continue;
        }
        const dependent = settingDependence(record, state);
        if (dependent) {
          skip(dependent);
          continue;
        }
        if (record.kind === 'query' && 'file' in record.expected) {
          skip('<FILE> result (not in corpus)');
          continue;
        }
      }
      const construct = foreignConstruct(record.sql) ?? foreign.transactionEnd(record.sql);
      if (construct) {
        foreign.skipped(record.sql, construct);
        skip(`foreign dialect: ${construct}`);
        continue;
      }
      const diverged = foreign.dependence(record.sql);
      if (diverged) {
        skip(diverged);
        continue;
      }
      foreign.running(record.sql);
      if (replay) {
        if (record.kind === 'statement') {
          options.onReplay?.(i, record);
          await execute(record.sql);
        }
        continue;
      }
      if (options.deadline !== undefined && Date.now() > options.deadline) {
        emit({ ...base, sql: clip(record.sql), ...failure('budget', 'file time budget exceeded') });
        continue;
      }
      options.onUnitStart?.(i, record);
      let outcome: UnitOutcome;
      try {
        outcome =
          record.kind === 'statement'
            ? await runStatementRecord(record, base, execute)
            : await runQueryRecord(record, base, execute, state, duck);
      } catch (e) {
        // A bug in the comparison code (or anything unexpected): count it, keep going.
        outcome = {
          ...base,
          sql: clip(record.sql),
          ...failure(
            'internal-error',
            `runner exception: ${(e as Error).name}`,
            String((e as Error).stack ?? e),
          ),
        };
      }
      emit(outcome);
    }
  } finally {
    await closeQuietly(engine);
  }
  result.durationMs = Date.now() - started;
  return result;
}

function applyControl(record: SltRecord, state: RunState, duck: boolean): void {
  if (record.kind === 'hash-threshold') {
    state.hashThreshold = record.n;
    return;
  }
  if (record.kind === 'halt') {
    if (!skippedByConditions(record.conditions)) state.halted = true;
    return;
  }
  if (record.kind !== 'control' || !duck || skippedByConditions(record.conditions)) return;
  const args = record.args.map((a) => a.toLowerCase());
  switch (record.directive) {
    case 'mode':
      if (args[0] === 'skip') state.skipMode = true;
      else if (args[0] === 'unskip') state.skipMode = false;
      // `mode output_hash` / `output_result` / `debug`: no effect on validation
      return;
    case 'loop':
    case 'foreach':
    case 'concurrentloop':
    case 'concurrentforeach':
      state.loopDepth++;
      return;
    case 'endloop':
      state.loopDepth = Math.max(0, state.loopDepth - 1);
      return;
    case 'sleep':
    case 'tags':
    case 'continue':
    case 'test-env':
    case 'require-env':
      return;
    case 'require':
      state.abortReason ??= `require ${record.args.join(' ')}`;
      return;
    default:
      state.abortReason ??= `unsupported directive '${record.directive}'`;
  }
}

function settingOf(
  record: SltStatementRecord | SltQueryRecord,
): ReturnType<typeof settingEffect> | undefined {
  if (record.kind !== 'statement') return undefined;
  const statements = safeSplit(record.sql);
  if (statements.length !== 1) return undefined;
  return settingEffect(statements[0]);
}

function settingDependence(record: SltStatementRecord | SltQueryRecord, state: RunState): string | undefined {
  const checksResult = record.kind === 'query' || record.expect === 'error';
  if (!checksResult) return undefined;
  if (state.resultSetting) return `depends on DuckDB setting ${state.resultSetting}`;
  if (state.nullOrderSetting && /\border\s+by\b/i.test(record.sql)) {
    return `depends on DuckDB setting ${state.nullOrderSetting}`;
  }
  return undefined;
}

function safeSplit(sql: string): string[] {
  try {
    return splitSqlStatements(sql);
  } catch {
    return [sql];
  }
}

type Execute = (sql: string) => Promise<{ outcome: SqlOutcome; emulated?: string }>;
type Base = Pick<UnitOutcome, 'unit' | 'group' | 'line' | 'sql'>;

async function runStatementRecord(
  record: SltStatementRecord,
  base: Base,
  execute: Execute,
): Promise<UnitOutcome> {
  const { outcome, emulated } = await execute(record.sql);
  const withSql = { ...base, sql: clip(record.sql) };
  const em = emulated ? { emulated } : {};
  if (record.expect === 'maybe') return { ...base, status: 'passed', ...em };
  if (record.expect === 'ok') {
    return outcome.ok
      ? { ...base, status: 'passed', ...em }
      : { ...withSql, ...em, ...errorFailure(outcome.error) };
  }
  // statement error
  if (outcome.ok)
    return { ...withSql, ...em, ...failure('unexpected-success', 'expected an error, statement succeeded') };
  if (outcome.error.code === 'TIMEOUT') return { ...withSql, ...errorFailure(outcome.error) };
  const passed: UnitOutcome = { ...base, status: 'passed', ...em };
  if (
    record.expectedError !== undefined &&
    !errorMessageMatches(outcome.error.message, record.expectedError)
  ) {
    passed.messageMismatch = {
      expected: clip(record.expectedError, 200),
      actual: clip(outcome.error.message, 200),
    };
  }
  return passed;
}

/** DuckDB's expected-error check: substring, or `<REGEX>:` / `<!REGEX>:` full match (dot matches newline). */
export function errorMessageMatches(actual: string, expected: string): boolean {
  const regex = /^<(!?)REGEX>:/.exec(expected);
  if (!regex) return actual.includes(expected);
  try {
    const re = new RegExp(`^(?:${expected.slice(regex[0].length)})$`, 's');
    return re.test(actual) !== (regex[1] === '!');
  } catch {
    return false;
  }
}

async function runQueryRecord(
  record: SltQueryRecord,
  base: Base,
  execute: Execute,
  state: RunState,
  duck: boolean,
): Promise<UnitOutcome> {
  const withSql = { ...base, sql: clip(record.sql) };
  const { outcome } = await execute(record.sql);
  if (!outcome.ok) return { ...withSql, ...errorFailure(outcome.error) };
  const { columns, rows } = outcome.result;
  const width = record.types.length > 0 ? record.types.length : columns.length;
  if (columns.length !== width) {
    return {
      ...withSql,
      ...failure(
        'column-count',
        'wrong number of columns',
        `expected ${width} columns, got ${columns.length}`,
      ),
    };
  }
  const types = columns.map((c) => columnType(c.type));
  return duck
    ? compareDuckdb(record, withSql, rows, types)
    : compareSqlite(record, withSql, rows, types, state);
}

function compareSqlite(
  record: SltQueryRecord,
  base: Base,
  rows: unknown[][],
  types: SqlType[],
  state: RunState,
): UnitOutcome {
  const rendered = renderSqliteRows(rows, record.types, types);
  const actual = sortValues(rendered, record.types.length, record.sortMode);
  const e = record.expected;
  if ('hash' in e) {
    const md5 = hashValues(actual);
    if (actual.length === e.hash.count && md5 === e.hash.md5) return { ...base, status: 'passed' };
    return {
      ...base,
      ...failure(
        'hash-mismatch',
        actual.length === e.hash.count ? 'wrong result (hash)' : 'wrong row count (hash)',
        `expected ${e.hash.count} values hashing to ${e.hash.md5}, got ${actual.length} values hashing to ${md5}` +
          (actual.length <= 40 ? `: ${actual.join(' ')}` : ''),
      ),
    };
  }
  const expected = 'values' in e ? e.values : 'rows' in e ? e.rows.flat() : [];
  return compareValueLists(base, actual, expected, record.types.length, state);
}

function compareValueLists(
  base: Base,
  actual: string[],
  expected: string[],
  width: number,
  state: RunState,
): UnitOutcome {
  const hashedShown = (values: string[]): string =>
    state.hashThreshold > 0 && values.length > state.hashThreshold
      ? `${values.length} values hashing to ${hashValues(values)}`
      : values.join(' ');
  if (actual.length !== expected.length) {
    return {
      ...base,
      ...failure(
        'wrong-row-count',
        'wrong row count',
        `expected ${expected.length / Math.max(width, 1)} rows, got ${actual.length / Math.max(width, 1)}; got: ${clip(hashedShown(actual), 200)}`,
      ),
    };
  }
  for (let k = 0; k < actual.length; k++) {
    if (actual[k] !== expected[k]) {
      return {
        ...base,
        ...failure(
          'wrong-result',
          'wrong result',
          `row ${Math.floor(k / Math.max(width, 1)) + 1}, column ${(k % Math.max(width, 1)) + 1}: expected ${JSON.stringify(expected[k])}, got ${JSON.stringify(actual[k])}`,
        ),
      };
    }
  }
  return { ...base, status: 'passed' };
}

function compareDuckdb(record: SltQueryRecord, base: Base, rows: unknown[][], types: SqlType[]): UnitOutcome {
  const width = types.length;
  // Render, keeping each rendered value's source so numeric fallbacks can see the raw value.
  const renderedRows: Cell[][] = rows.map((row) =>
    types.map((t, c) => ({ text: renderDuckdbValue(row[c], t), value: row[c], column: c })),
  );
  let cells: Cell[];
  if (record.sortMode === 'valuesort') {
    cells = renderedRows.flat().sort((a, b) => compareStrcmp(a.text, b.text));
  } else if (record.sortMode === 'rowsort') {
    cells = [...renderedRows]
      .sort((a, b) => {
        for (let k = 0; k < a.length; k++) {
          const c = compareStrcmp(a[k].text, b[k].text);
          if (c !== 0) return c;
        }
        return 0;
      })
      .flat();
  } else {
    cells = renderedRows.flat();
  }
  const actualTexts = cells.map((c) => c.text);
  const e = record.expected;
  if ('hash' in e) {
    const md5 = hashValues(actualTexts);
    if (actualTexts.length === e.hash.count && md5 === e.hash.md5) return { ...base, status: 'passed' };
    return {
      ...base,
      ...failure(
        'hash-mismatch',
        actualTexts.length === e.hash.count ? 'wrong result (hash)' : 'wrong row count (hash)',
        `expected ${e.hash.count} values hashing to ${e.hash.md5}, got ${actualTexts.length} values hashing to ${md5}`,
      ),
    };
  }
  const lines = 'rows' in e ? e.rows.map((r) => r.join('\t')) : 'values' in e ? e.values : [];
  // DuckDB's layout rule: row-wise when the line count equals the row count (several columns) or all lines hold a TAB.
  const rowWise =
    (width > 1 && lines.length === rows.length) || (lines.length > 0 && lines.every((l) => l.includes('\t')));
  let expected: string[];
  if (rowWise) {
    expected = [];
    for (let k = 0; k < lines.length; k++) {
      const parts = lines[k].split('\t');
      if (parts.length !== width) {
        return {
          ...base,
          ...failure(
            'column-count',
            'wrong number of columns',
            `expected row ${k + 1} has ${parts.length} values, result has ${width} columns`,
          ),
        };
      }
      expected.push(...parts);
    }
  } else {
    if (width === 0 || lines.length % width !== 0) {
      return {
        ...base,
        ...failure(
          'column-count',
          'wrong number of columns',
          `${lines.length} expected values do not divide into ${width} columns`,
        ),
      };
    }
    expected = lines;
  }
  if (expected.length !== actualTexts.length) {
    return {
      ...base,
      ...failure(
        'wrong-row-count',
        'wrong row count',
        `expected ${expected.length / width} rows, got ${rows.length}; got: ${clip(actualTexts.join(' '), 200)}`,
      ),
    };
  }
  const matches = (exp: string[]): number => {
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c.text === exp[k]) continue;
      if (duckdbValueMatches(c.value, types[c.column], exp[k])) continue;
      return k;
    }
    return -1;
  };
  let bad = matches(expected);
  if (bad >= 0 && record.sortMode !== 'nosort') {
    const resorted = sortValues(expected, width, record.sortMode);
    if (matches(resorted) < 0) bad = -1;
  }
  if (bad < 0) return { ...base, status: 'passed' };
  return {
    ...base,
    ...failure(
      'wrong-result',
      'wrong result',
      `row ${Math.floor(bad / width) + 1}, column ${(bad % width) + 1}: expected ${JSON.stringify(expected[bad])}, got ${JSON.stringify(actualTexts[bad])}`,
    ),
  };
}
