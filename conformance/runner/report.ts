/**
 * Report: per-file lines, suite summaries, the total, failure-reason groups, the JSON file and the
 * baseline check.
 *
 * Line format: `PASS|FAIL|SKIP <file> <passed>/<applicable> (<skipped> skipped[, <n> data unavailable])`.
 * PASS: nothing failed; FAIL: at least one record failed or the file had a file-level error; SKIP: nothing
 * applicable (every record skipped, e.g. a product test whose tables we do not have).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applicable, filePassed, type FileResult, type UnitOutcome } from './results';

export interface SuiteSummary {
  suite: string;
  files: number;
  filesPassed: number;
  filesFailed: number;
  records: number;
  passed: number;
  failed: number;
  skipped: number;
  unavailable: number;
  applicable: number;
  emulated: number;
  messageMismatches: number;
  /** passed / applicable, 0..1 (1 when nothing is applicable). */
  passRate: number;
  durationMs: number;
}

export interface FailureGroup {
  reason: string;
  category: string;
  count: number;
  /** Up to three `file:line` examples. */
  examples: string[];
}

export function fileStatus(r: FileResult): 'PASS' | 'FAIL' | 'SKIP' {
  if (!filePassed(r)) return 'FAIL';
  return applicable(r) === 0 ? 'SKIP' : 'PASS';
}

export function formatFileLine(r: FileResult): string {
  const extras = [`${r.skipped} skipped`];
  if (r.unavailable > 0) extras.push(`${r.unavailable} data unavailable`);
  let line = `${fileStatus(r)} ${r.file} ${r.passed}/${applicable(r)} (${extras.join(', ')})`;
  if (r.error !== undefined) line += ` [error: ${r.error.split('\n')[0].slice(0, 200)}]`;
  return line;
}

/** Details printed under a file line with --verbose. */
export function formatFailures(r: FileResult, max = 20): string[] {
  const out: string[] = [];
  for (const f of r.failures.slice(0, max)) {
    out.push(
      `    ${f.line !== undefined ? `line ${f.line}: ` : ''}[${f.category}] ${f.reason ?? ''}${f.detail && f.detail !== f.reason ? ` — ${f.detail}` : ''}`,
    );
    if (f.sql) out.push(`      ${f.sql}`);
  }
  if (r.failures.length > max) out.push(`    … ${r.failures.length - max} more failures`);
  for (const m of r.mismatchedMessages.slice(0, 5)) {
    out.push(
      `    error message mismatch${m.line !== undefined ? ` at line ${m.line}` : ''}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`,
    );
  }
  return out;
}

export function summarize(results: readonly FileResult[]): SuiteSummary[] {
  const bySuite = new Map<string, SuiteSummary>();
  for (const r of results) {
    let s = bySuite.get(r.suite);
    if (!s) {
      s = {
        suite: r.suite,
        files: 0,
        filesPassed: 0,
        filesFailed: 0,
        records: 0,
        passed: 0,
        failed: 0,
        skipped: 0,
        unavailable: 0,
        applicable: 0,
        emulated: 0,
        messageMismatches: 0,
        passRate: 1,
        durationMs: 0,
      };
      bySuite.set(r.suite, s);
    }
    s.files++;
    const status = fileStatus(r);
    if (status === 'PASS') s.filesPassed++;
    if (status === 'FAIL') s.filesFailed++;
    s.records += r.records;
    s.passed += r.passed;
    s.failed += r.failed;
    s.skipped += r.skipped;
    s.unavailable += r.unavailable;
    s.applicable += applicable(r);
    s.emulated += r.emulated;
    s.messageMismatches += r.messageMismatches;
    s.durationMs += r.durationMs;
  }
  for (const s of bySuite.values()) s.passRate = s.applicable === 0 ? 1 : s.passed / s.applicable;
  return [...bySuite.values()];
}

export function total(suites: readonly SuiteSummary[]): SuiteSummary {
  const t: SuiteSummary = {
    suite: 'TOTAL',
    files: 0,
    filesPassed: 0,
    filesFailed: 0,
    records: 0,
    passed: 0,
    failed: 0,
    skipped: 0,
    unavailable: 0,
    applicable: 0,
    emulated: 0,
    messageMismatches: 0,
    passRate: 1,
    durationMs: 0,
  };
  for (const s of suites) {
    for (const k of [
      'files',
      'filesPassed',
      'filesFailed',
      'records',
      'passed',
      'failed',
      'skipped',
      'unavailable',
      'applicable',
      'emulated',
      'messageMismatches',
      'durationMs',
    ] as const) {
      t[k] += s[k];
    }
  }
  t.passRate = t.applicable === 0 ? 1 : t.passed / t.applicable;
  return t;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function formatSuiteLine(s: SuiteSummary): string {
  const extras = [`${s.skipped} skipped`];
  if (s.unavailable > 0) extras.push(`${s.unavailable} data unavailable`);
  if (s.emulated > 0) extras.push(`${s.emulated} emulated`);
  if (s.messageMismatches > 0) extras.push(`${s.messageMismatches} error-message mismatches`);
  return (
    `${s.suite.padEnd(26)} ${String(s.passed).padStart(6)}/${String(s.applicable).padEnd(6)} ${percent(s.passRate).padStart(6)}` +
    `  files ${s.filesPassed}/${s.files} pass  (${extras.join(', ')})`
  );
}

/** Groups failures by reason (engine errors by code + normalized message, others by category). */
export function failureGroups(results: readonly FileResult[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  const add = (f: UnitOutcome, file: string): void => {
    const reason = f.reason ?? f.category ?? 'failed';
    const key = `${f.category}\u0000${reason}`;
    let g = groups.get(key);
    if (!g) {
      g = { reason, category: f.category ?? 'failed', count: 0, examples: [] };
      groups.set(key, g);
    }
    g.count++;
    if (g.examples.length < 3) g.examples.push(f.line !== undefined ? `${file}:${f.line}` : file);
  };
  for (const r of results) {
    for (const f of r.failures) add(f, r.file);
    if (r.error !== undefined) {
      add(
        {
          unit: -1,
          group: r.file,
          status: 'failed',
          category: 'error',
          reason: `file error: ${r.error.split('\n')[0].slice(0, 120)}`,
        },
        r.file,
      );
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export function formatFailureGroups(groups: readonly FailureGroup[], top: number): string[] {
  return groups
    .slice(0, top)
    .map(
      (g) => `${String(g.count).padStart(6)}  [${g.category}] ${g.reason}   e.g. ${g.examples.join(', ')}`,
    );
}

// ---------------------------------------------------------------------------------------------------------
// JSON and baseline

export interface JsonReport {
  version: 1;
  startedAt: string;
  durationMs: number;
  argv: string[];
  suites: Record<string, SuiteSummary>;
  total: SuiteSummary;
  topFailureReasons: FailureGroup[];
  files: (Omit<FileResult, 'failures'> & { failures: UnitOutcome[]; failuresOmitted: number })[];
}

export function jsonReport(
  results: readonly FileResult[],
  meta: { startedAt: Date; durationMs: number; argv: string[] },
  maxFailuresPerFile = 1000,
): JsonReport {
  const suites = summarize(results);
  return {
    version: 1,
    startedAt: meta.startedAt.toISOString(),
    durationMs: meta.durationMs,
    argv: meta.argv,
    suites: Object.fromEntries(suites.map((s) => [s.suite, s])),
    total: total(suites),
    topFailureReasons: failureGroups(results).slice(0, 100),
    files: results.map((r) => ({
      ...r,
      failures: r.failures.slice(0, maxFailuresPerFile),
      failuresOmitted: Math.max(0, r.failures.length - maxFailuresPerFile),
    })),
  };
}

export function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

export interface Baseline {
  /** Free text: how and when the numbers were recorded. */
  note?: string;
  suites: Record<string, { passed: number; applicable?: number; records?: number }>;
}

export function baselineFrom(suites: readonly SuiteSummary[], note: string): Baseline {
  return {
    note,
    suites: Object.fromEntries(
      suites.map((s) => [s.suite, { passed: s.passed, applicable: s.applicable, records: s.records }]),
    ),
  };
}

export function readBaseline(file: string): Baseline {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Baseline>;
  if (!data || typeof data !== 'object' || !data.suites || typeof data.suites !== 'object') {
    throw new Error(`${file}: not a baseline file (expected {"suites": {"<suite>": {"passed": N}}})`);
  }
  for (const [name, entry] of Object.entries(data.suites)) {
    if (!entry || typeof entry.passed !== 'number')
      throw new Error(`${file}: suite ${name} has no numeric "passed"`);
  }
  return data as Baseline;
}

export interface BaselineCheck {
  /** Suites whose pass count dropped below the baseline. */
  regressions: { suite: string; baseline: number; actual: number }[];
  /** Suites that now pass more than recorded (the baseline can be raised). */
  improvements: { suite: string; baseline: number; actual: number }[];
  /** Baseline suites this run did not include. */
  notRun: string[];
}

export function checkBaseline(suites: readonly SuiteSummary[], baseline: Baseline): BaselineCheck {
  const check: BaselineCheck = { regressions: [], improvements: [], notRun: [] };
  const bySuite = new Map(suites.map((s) => [s.suite, s]));
  for (const [suite, entry] of Object.entries(baseline.suites)) {
    const s = bySuite.get(suite);
    if (!s) {
      check.notRun.push(suite);
      continue;
    }
    if (s.passed < entry.passed) check.regressions.push({ suite, baseline: entry.passed, actual: s.passed });
    else if (s.passed > entry.passed)
      check.improvements.push({ suite, baseline: entry.passed, actual: s.passed });
  }
  return check;
}
