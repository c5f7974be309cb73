/**
 * Result records shared by the runners, the worker supervisor and the report.
 *
 * Counting rule (all suites): every countable unit (a sqllogictest `statement` / `query` record, a product
 * test case, a TPC-H query) ends up exactly once as passed, failed or skipped, so
 * `passed + failed + skipped = records`. "Applicable" units are the ones not skipped. Control records
 * (`hash-threshold`, `halt`, DuckDB directives) are not units.
 */
import type { SqlError } from './engine';

export type UnitStatus = 'passed' | 'failed' | 'skipped';

export type FailureCategory =
  /** The engine raised an error for something expected to succeed. */
  | 'error'
  /** A non-Trino exception escaped the engine (TypeError, …): an engine bug. */
  | 'internal-error'
  /** `statement error` / expected failure, but the statement succeeded. */
  | 'unexpected-success'
  | 'wrong-result'
  | 'wrong-row-count'
  | 'column-count'
  | 'hash-mismatch'
  | 'type-mismatch'
  /** Per-statement time limit exceeded. */
  | 'timeout'
  /** The worker running the file died (out of memory, …) while running this unit. */
  | 'crash'
  /** The file's time budget ran out before the unit could run. */
  | 'budget';

export interface UnitOutcome {
  /** Index of the unit within its job (a record index for sqllogictest files). */
  unit: number;
  /** The file (or case / query name) the unit belongs to, as printed in the report. */
  group: string;
  /** 1-based line in the corpus file, when known. */
  line?: number;
  status: UnitStatus;
  /** SQL text (clipped) for failures. */
  sql?: string;
  category?: FailureCategory;
  /** Short, normalized reason used to group failures (`NOT_SUPPORTED: Subqueries are not supported yet`). */
  reason?: string;
  /** Longer explanation: first differing value, full error message, … */
  detail?: string;
  /** Why the unit was skipped. */
  skipReason?: string;
  /** Set when the runner emulated the statement (SQLite index DDL), with what it did. */
  emulated?: string;
  /** DuckDB `statement error` whose expected message did not match the engine's (still a pass). */
  messageMismatch?: { expected: string; actual: string };
  /** Product tests: skipped because the case needs tables our catalogs do not have. */
  unavailable?: boolean;
}

export interface FileResult {
  suite: string;
  /** Display name: a path relative to the corpus root, or a query / case name. */
  file: string;
  records: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Product tests: skipped units whose data is unavailable (included in `skipped`). */
  unavailable: number;
  /** Units passed through runner emulation (included in `passed`). */
  emulated: number;
  messageMismatches: number;
  durationMs: number;
  /** A file-level problem (unreadable corpus file, worker that cannot start); the file counts as failed. */
  error?: string;
  failures: UnitOutcome[];
  skipReasons: Record<string, number>;
  mismatchedMessages: { line?: number; expected: string; actual: string }[];
}

export function emptyFileResult(suite: string, file: string): FileResult {
  return {
    suite,
    file,
    records: 0,
    passed: 0,
    failed: 0,
    skipped: 0,
    unavailable: 0,
    emulated: 0,
    messageMismatches: 0,
    durationMs: 0,
    failures: [],
    skipReasons: {},
    mismatchedMessages: [],
  };
}

/** Adds one outcome to a file result. */
export function addOutcome(result: FileResult, o: UnitOutcome): void {
  result.records++;
  if (o.status === 'passed') {
    result.passed++;
    if (o.emulated) result.emulated++;
    if (o.messageMismatch) {
      result.messageMismatches++;
      result.mismatchedMessages.push({ line: o.line, ...o.messageMismatch });
    }
  } else if (o.status === 'failed') {
    result.failed++;
    result.failures.push(o);
  } else {
    result.skipped++;
    if (o.unavailable) result.unavailable++;
    const why = o.skipReason ?? 'skipped';
    result.skipReasons[why] = (result.skipReasons[why] ?? 0) + 1;
  }
}

export function applicable(r: Pick<FileResult, 'passed' | 'failed'>): number {
  return r.passed + r.failed;
}

/** A file passes when nothing failed and it had no file-level error. */
export function filePassed(r: FileResult): boolean {
  return r.failed === 0 && r.error === undefined;
}

export function clip(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/**
 * A grouping key for an engine error: its code plus the message with the `line L:C:` prefix, quoted
 * literals / identifiers, numbers and parser expectation lists replaced, so that similar failures group.
 */
export function errorReason(error: SqlError): string {
  let m = error.message.replace(/^line \d+:\d+: /, '');
  m = m.replace(/\. Expecting: .*$/s, '');
  m = m.replace(/'(?:[^']|'')*'/g, "'…'").replace(/"(?:[^"]|"")*"/g, '"…"');
  m = m.replace(/\b\d+(\.\d+)?\b/g, 'N');
  m = m.split('\n')[0];
  if (m.length > 160) m = `${m.slice(0, 160)}…`;
  return `${error.code}: ${m}`;
}

export function failure(
  category: FailureCategory,
  reason: string,
  detail?: string,
): Pick<UnitOutcome, 'status' | 'category' | 'reason' | 'detail'> {
  return { status: 'failed', category, reason, ...(detail !== undefined ? { detail } : {}) };
}

/** The failure for an engine error (INTERNAL → internal-error, TIMEOUT → timeout). */
export function errorFailure(
  error: SqlError,
): Pick<UnitOutcome, 'status' | 'category' | 'reason' | 'detail'> {
  const category: FailureCategory =
    error.code === 'INTERNAL' ? 'internal-error' : error.code === 'TIMEOUT' ? 'timeout' : 'error';
  return failure(category, category === 'timeout' ? 'timeout' : errorReason(error), clip(error.message, 500));
}
