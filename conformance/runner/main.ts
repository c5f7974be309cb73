/**
 * `npm run conformance` — runs the conformance corpus against the embedded engine and reports.
 *
 *   node conformance/runner/bin.js [options] [corpus files…]
 *
 * Prints one line per file (`PASS|FAIL|SKIP <file> <passed>/<applicable> (<skipped> skipped)`), a summary
 * per suite, a total and the most frequent failure reasons. Exit code: 0 when the run completed (failures
 * are expected while the engine grows), 1 when `--baseline` finds a suite below its recorded pass count (or
 * with `--strict`, any failure), 2 for usage errors or a missing corpus.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { conformanceDir } from '../corpus-paths';
import { listSltFiles } from '../slt-reader';
import { runJobIsolated, runPool, WorkerSlot, type IsolationOptions } from './isolation';
import { jobLabel, runJobInProcess, type JobSpec } from './jobs';
import { listProductTests, productTestFileName, type ProductTestOptions } from './product-test-runner';
import {
  baselineFrom,
  checkBaseline,
  failureGroups,
  formatFailureGroups,
  formatFailures,
  formatFileLine,
  formatSuiteLine,
  jsonReport,
  readBaseline,
  summarize,
  total,
  writeJson,
} from './report';
import { addOutcome, emptyFileResult, type FileResult } from './results';
import { corpusDisplayName } from './slt-runner';
import {
  tpchSuiteName,
  type TpchMapping,
  type TpchOptions,
  type TpchQuerySet,
  type TpchScale,
} from './tpch-runner';

export const SUITES = [
  'sqlite-select',
  'sqlite-evidence',
  'sqlite-random',
  'duckdb-tier1',
  'duckdb-tier2',
  'product-tests',
  'tpch',
] as const;
export type SuiteName = (typeof SUITES)[number];

export const SLICES: Record<string, readonly SuiteName[]> = {
  ci: ['sqlite-select', 'sqlite-evidence', 'duckdb-tier1', 'tpch'],
  full: SUITES,
};

export interface CliOptions {
  slice: string;
  suites?: SuiteName[];
  files: string[];
  json?: string;
  baseline?: string;
  writeBaseline?: string;
  strict: boolean;
  quiet: boolean;
  verbose: boolean;
  jobs: number;
  isolate: boolean;
  timeoutMs: number;
  tpchTimeoutMs: number;
  fileBudgetMs: number;
  maxMemoryMb: number;
  top: number;
  tpchScales: TpchScale[];
  tpchMappings: TpchMapping[];
  tpchQueries: TpchQuerySet;
  productSf1: boolean;
  list: boolean;
  /** Progress on stderr: jobs starting / finishing, timeouts, worker restarts. */
  progress: boolean;
}

export const USAGE = `usage: npm run conformance -- [options] [sqllogictest files…]

Selection:
  --slice ci|full        ci: sqlite select1-5 + evidence, duckdb tier1, TPC-H tiny; full (default): everything
  --suite a,b            run these suites instead: ${SUITES.join(', ')}
  files…                 run just these sqllogictest files (paths, or relative to the corpus root)
  --tpch-mapping m       money columns: double (Trino's default), decimal, or both (default: both)
  --tpch-sf0.1           also run TPC-H at scale factor 0.1
  --tpch-queries q       benchmark (default: Trino's benchmark queries, simplified names) or trinodb
  --product-sf1          let product tests use SF1 TPC-H data (slow)
Limits:
  --timeout s            per-statement limit in seconds (default 10)
  --tpch-timeout s       per-query limit for TPC-H (default 120)
  --file-budget s        wall-clock budget per file / job in seconds (default 900)
  --jobs n               parallel workers (default: CPU count)
  --max-memory-mb n      heap limit per worker (default 4096)
  --no-isolation         run in this process (soft timeouts only; a hung query hangs the run)
Output:
  --json path            write machine-readable results
  --baseline path        exit 1 if a suite passes fewer records than recorded in this baseline file
  --write-baseline path  record this run's pass counts as a baseline file
  --strict               exit 1 if anything failed
  --quiet                no per-file lines     --verbose   failure details under each failing file
  --top n                failure reasons to show (default 15)
  --progress             progress on stderr (jobs, timeouts, worker restarts)
  --list                 list the files / cases that would run and exit`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    slice: 'full',
    files: [],
    strict: false,
    quiet: false,
    verbose: false,
    jobs: Math.max(
      1,
      typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    ),
    isolate: true,
    timeoutMs: 10_000,
    tpchTimeoutMs: 120_000,
    fileBudgetMs: 900_000,
    maxMemoryMb: 4096,
    top: 15,
    tpchScales: ['0.01'],
    tpchMappings: ['double', 'decimal'],
    tpchQueries: 'benchmark',
    productSf1: false,
    list: false,
    progress: false,
  };
  const args = [...argv];
  const value = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const seconds = (flag: string): number => {
    const n = Number(value(flag));
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} needs a positive number of seconds`);
    return Math.round(n * 1000);
  };
  while (args.length > 0) {
    const a = args.shift()!;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      args.unshift(a.slice(0, eq), a.slice(eq + 1));
      continue;
    }
    switch (a) {
      case '--slice': {
        const s = value(a);
        if (!(s in SLICES))
          throw new UsageError(`unknown slice '${s}' (expected ${Object.keys(SLICES).join(', ')})`);
        o.slice = s;
        break;
      }
      case '--suite':
      case '--suites': {
        const list = value(a)
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        for (const s of list)
          if (!(SUITES as readonly string[]).includes(s))
            throw new UsageError(`unknown suite '${s}' (expected ${SUITES.join(', ')})`);
        o.suites = list as SuiteName[];
        break;
      }
      case '--json':
        o.json = value(a);
        break;
      case '--baseline':
        o.baseline = value(a);
        break;
      case '--write-baseline':
        o.writeBaseline = value(a);
        break;
      case '--strict':
        o.strict = true;
        break;
      case '--quiet':
        o.quiet = true;
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '--jobs': {
        const n = Number(value(a));
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs needs a positive integer');
        o.jobs = n;
        break;
      }
      case '--no-isolation':
        o.isolate = false;
        break;
      case '--timeout':
        o.timeoutMs = seconds(a);
        break;
      case '--tpch-timeout':
        o.tpchTimeoutMs = seconds(a);
        break;
      case '--file-budget':
        o.fileBudgetMs = seconds(a);
        break;
      case '--max-memory-mb': {
        const n = Number(value(a));
        if (!Number.isInteger(n) || n < 64) throw new UsageError('--max-memory-mb needs an integer >= 64');
        o.maxMemoryMb = n;
        break;
      }
      case '--top': {
        const n = Number(value(a));
        if (!Number.isInteger(n) || n < 0) throw new UsageError('--top needs a non-negative integer');
        o.top = n;
        break;
      }
      case '--tpch-mapping': {
        const m = value(a);
        if (m === 'both') o.tpchMappings = ['double', 'decimal'];
        else if (m === 'double' || m === 'decimal') o.tpchMappings = [m];
        else throw new UsageError(`--tpch-mapping: expected double, decimal or both, got '${m}'`);
        break;
      }
      case '--tpch-sf0.1':
        if (!o.tpchScales.includes('0.1')) o.tpchScales.push('0.1');
        break;
      case '--tpch-queries': {
        const q = value(a);
        if (q !== 'benchmark' && q !== 'trinodb')
          throw new UsageError(`--tpch-queries: expected benchmark or trinodb, got '${q}'`);
        o.tpchQueries = q;
        break;
      }
      case '--product-sf1':
        o.productSf1 = true;
        break;
      case '--list':
        o.list = true;
        break;
      case '--progress':
        o.progress = true;
        break;
      case '-h':
      case '--help':
        throw new UsageError('');
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
        o.files.push(a);
    }
  }
  return o;
}

/** Suite of a sqllogictest file, from its path. */
export function suiteOfSltFile(display: string): string {
  const p = display.split(path.sep).join('/');
  if (/sqllogictest\/sqlite\/select\d+\.test$/.test(p)) return 'sqlite-select';
  if (p.includes('sqllogictest/sqlite/evidence/')) return 'sqlite-evidence';
  if (p.includes('sqllogictest/sqlite/random/')) return 'sqlite-random';
  if (p.includes('sqllogictest/duckdb/tier1/')) return 'duckdb-tier1';
  if (p.includes('sqllogictest/duckdb/tier2/')) return 'duckdb-tier2';
  return /(^|\/)duckdb\//.test(p) ? 'duckdb' : 'sqlite';
}

/** A job plus everything needed to run and finish it. */
export interface PlannedJob {
  job: JobSpec;
  /** Scheduling weight (bigger first). */
  cost: number;
  /** Per-unit hard limit for this job. */
  unitTimeoutMs: number;
  /** Post-processing of the job's results (product tests merge in their unavailable cases). */
  finish?: (results: FileResult[]) => FileResult[];
}

function sltJob(file: string): PlannedJob {
  const display = corpusDisplayName(file);
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    // reported by the job
  }
  return {
    job: { kind: 'slt', suite: suiteOfSltFile(display), path: file, display },
    cost: size,
    unitTimeoutMs: 0,
  };
}

/** Builds the jobs for the selected suites / files. */
export function planJobs(o: CliOptions): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  const root = conformanceDir();
  const setTimeouts = (j: PlannedJob): PlannedJob => ({
    ...j,
    unitTimeoutMs: j.job.kind === 'tpch' ? o.tpchTimeoutMs : o.timeoutMs,
  });
  if (o.files.length > 0) {
    for (const f of o.files) {
      const candidates = [path.resolve(f), path.join(root, f)];
      const file = candidates.find((c) => fs.existsSync(c));
      if (!file) throw new UsageError(`no such file: ${f}`);
      if (fs.statSync(file).isDirectory()) for (const x of listSltFiles(file)) jobs.push(sltJob(x));
      else jobs.push(sltJob(file));
    }
    return jobs.map(setTimeouts);
  }
  const suites = o.suites ?? SLICES[o.slice];
  const sqlite = path.join(root, 'sqllogictest', 'sqlite');
  const duckdb = path.join(root, 'sqllogictest', 'duckdb');
  for (const suite of suites) {
    switch (suite) {
      case 'sqlite-select':
        for (let k = 1; k <= 5; k++) jobs.push(sltJob(path.join(sqlite, `select${k}.test`)));
        break;
      case 'sqlite-evidence':
        for (const f of listSltFiles(path.join(sqlite, 'evidence'))) jobs.push(sltJob(f));
        break;
      case 'sqlite-random':
        for (const f of listSltFiles(path.join(sqlite, 'random'))) jobs.push(sltJob(f));
        break;
      case 'duckdb-tier1':
        for (const f of listSltFiles(path.join(duckdb, 'tier1'))) jobs.push(sltJob(f));
        break;
      case 'duckdb-tier2':
        for (const f of listSltFiles(path.join(duckdb, 'tier2'))) jobs.push(sltJob(f));
        break;
      case 'product-tests':
        jobs.push(productJob({ sf1: o.productSf1 }));
        break;
      case 'tpch':
        for (const scaleFactor of o.tpchScales) {
          for (const mapping of o.tpchMappings) {
            const options: TpchOptions = { scaleFactor, mapping, queries: o.tpchQueries };
            jobs.push({
              job: { kind: 'tpch', suite: tpchSuiteName(options), options },
              cost: scaleFactor === '0.01' ? 5_000_000 : 50_000_000,
              unitTimeoutMs: 0,
            });
          }
        }
        break;
    }
  }
  return jobs.map(setTimeouts);
}

function productJob(options: ProductTestOptions): PlannedJob {
  const all = listProductTests(options);
  const runnable = all.filter((s) => s.availability.runnable).map((s) => s.testCase.name);
  const skipped = all.filter((s) => !s.availability.runnable);
  const order = [...new Set(all.map((s) => productTestFileName(s.testCase)))];
  return {
    job: { kind: 'product', suite: 'product-tests', caseNames: runnable, options },
    cost: 2_000_000,
    unitTimeoutMs: 0,
    finish: (results) => {
      const byFile = new Map<string, FileResult>(results.map((r) => [r.file, r]));
      for (const s of skipped) {
        const file = productTestFileName(s.testCase);
        let r = byFile.get(file);
        if (!r) {
          r = emptyFileResult('product-tests', file);
          byFile.set(file, r);
        }
        const a = s.availability as { runnable: false; reason: string; unavailable: boolean };
        addOutcome(r, {
          unit: -1,
          group: file,
          line: s.testCase.line,
          status: 'skipped',
          skipReason: a.reason,
          ...(a.unavailable ? { unavailable: true } : {}),
        });
      }
      return order.map((f) => byFile.get(f)).filter((r): r is FileResult => r !== undefined);
    },
  };
}

export interface RunOutput {
  results: FileResult[];
  exitCode: number;
}

/** Runs planned jobs and returns the results in plan order. */
export async function runPlanned(
  planned: readonly PlannedJob[],
  o: Pick<CliOptions, 'jobs' | 'isolate' | 'fileBudgetMs' | 'maxMemoryMb' | 'timeoutMs'> & {
    log?: (message: string) => void;
  },
  onJobDone?: (results: FileResult[], index: number) => void,
): Promise<FileResult[][]> {
  const order = planned.map((_, i) => i).sort((a, b) => planned[b].cost - planned[a].cost);
  const laneCount = Math.max(1, Math.min(o.jobs, planned.length));
  const slots: WorkerSlot[] = [];
  const free: WorkerSlot[] = [];
  const out = new Array<FileResult[]>(planned.length);
  try {
    await runPool(
      order,
      laneCount,
      async (index) => {
        const p = planned[index];
        const started = Date.now();
        o.log?.(`start ${jobLabel(p.job)}`);
        let results: FileResult[];
        if (o.isolate) {
          const isolation: IsolationOptions = {
            unitTimeoutMs: p.unitTimeoutMs,
            jobBudgetMs: o.fileBudgetMs,
            maxMemoryMb: o.maxMemoryMb,
            ...(o.log ? { log: o.log } : {}),
          };
          let slot = free.pop();
          if (!slot) {
            slot = new WorkerSlot(isolation);
            slots.push(slot);
          }
          try {
            results = await runJobIsolated(p.job, isolation, slot);
          } finally {
            free.push(slot);
          }
        } else {
          results = await runJobInProcess(p.job, {
            timeoutMs: p.unitTimeoutMs,
            deadline: Date.now() + o.fileBudgetMs,
          });
        }
        out[index] = p.finish ? p.finish(results) : results;
        o.log?.(`done ${jobLabel(p.job)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return index;
      },
      (index) => onJobDone?.(out[index], index),
    );
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
  return out;
}

/** The CLI. Returns the exit code. */
export async function main(
  argv: readonly string[],
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<number> {
  let o: CliOptions;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) write(`error: ${e.message}`);
      write(USAGE);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  let planned: PlannedJob[];
  try {
    planned = planJobs(o);
  } catch (e) {
    write(`error: ${(e as Error).message}`);
    return 2;
  }
  if (o.list) {
    for (const p of planned) {
      if (p.job.kind === 'slt') write(`${p.job.suite} ${p.job.display}`);
      else if (p.job.kind === 'product') write(`${p.job.suite} ${p.job.caseNames.length} runnable cases`);
      else write(`${p.job.suite} 22 queries`);
    }
    return 0;
  }
  // The worker threads share stdout; results print in plan order as soon as everything before is done.
  const startedAt = new Date();
  const done = new Array<FileResult[] | undefined>(planned.length);
  let printed = 0;
  const flush = (): void => {
    while (printed < planned.length && done[printed] !== undefined) {
      for (const r of done[printed]!) {
        if (!o.quiet) write(formatFileLine(r));
        if (o.verbose && r.failures.length + r.mismatchedMessages.length > 0)
          for (const l of formatFailures(r)) write(l);
      }
      printed++;
    }
  };
  const log = o.progress ? (m: string) => process.stderr.write(`[conformance] ${m}\n`) : undefined;
  const all = await runPlanned(planned, { ...o, ...(log ? { log } : {}) }, (results, index) => {
    done[index] = results;
    flush();
  });
  const results = all.flat();
  const durationMs = Date.now() - startedAt.getTime();
  const suites = summarize(results);
  write('');
  write('Suites:');
  for (const s of suites) write(`  ${formatSuiteLine(s)}`);
  const t = total(suites);
  write(
    `TOTAL ${t.passed}/${t.applicable} passed (${(t.passRate * 100).toFixed(1)}%), ${t.failed} failed, ${t.skipped} skipped; files ${t.filesPassed}/${t.files} pass; ${(durationMs / 1000).toFixed(1)} s`,
  );
  if (o.top > 0) {
    const groups = failureGroups(results);
    if (groups.length > 0) {
      write('');
      write(`Top failure reasons (${groups.length} distinct):`);
      for (const l of formatFailureGroups(groups, o.top)) write(`  ${l}`);
    }
  }
  if (o.json) {
    writeJson(o.json, jsonReport(results, { startedAt, durationMs, argv: [...argv] }));
    write(`wrote ${o.json}`);
  }
  if (o.writeBaseline) {
    writeJson(
      o.writeBaseline,
      baselineFrom(
        suites,
        `recorded ${startedAt.toISOString()} with: npm run conformance -- ${argv.join(' ')}`,
      ),
    );
    write(`wrote baseline ${o.writeBaseline}`);
  }
  let exitCode = 0;
  if (o.baseline) {
    let check;
    try {
      check = checkBaseline(suites, readBaseline(o.baseline));
    } catch (e) {
      write(`error: cannot read baseline: ${(e as Error).message}`);
      return 2;
    }
    for (const r of check.regressions)
      write(`REGRESSION ${r.suite}: ${r.actual} passed, baseline ${r.baseline}`);
    for (const r of check.improvements)
      write(`improved ${r.suite}: ${r.actual} passed, baseline ${r.baseline} (update the baseline)`);
    for (const s of check.notRun) write(`note: baseline suite ${s} was not run`);
    if (check.regressions.length > 0) exitCode = 1;
    else write(`baseline ${o.baseline}: no regressions`);
  }
  if (o.strict && t.failed > 0) exitCode = 1;
  return exitCode;
}
