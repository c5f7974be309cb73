/**
 * A job is the unit of scheduling: one sqllogictest file, the runnable product test cases, or one TPC-H
 * query set. A job produces outcomes for numbered units and groups them into one {@link FileResult} per
 * `group` (the printed "file"). Jobs run either in this process ({@link runJobInProcess}) or in a worker
 * thread under a supervisor with hard time limits (isolation.ts); both use {@link runJobUnits}.
 */
import { listProductTestCases } from '../product-tests-reader';
import { productTestFileName, runProductTestCases, type ProductTestOptions } from './product-test-runner';
import { addOutcome, emptyFileResult, type FileResult, type UnitOutcome } from './results';
import { runSltFile } from './slt-runner';
import { runTpchQueries, tpchQueryCases, type TpchOptions } from './tpch-runner';

export type JobSpec =
  | { kind: 'slt'; suite: string; path: string; display: string }
  | { kind: 'product'; suite: string; caseNames: string[]; options: ProductTestOptions }
  | { kind: 'tpch'; suite: string; options: TpchOptions };

export interface JobRunParams {
  /** Units below this are not reported (sqllogictest: their statements are replayed). */
  startAt?: number;
  /** Units never to run again. */
  skipUnits?: readonly number[];
  /** Epoch ms: units not started by then fail with category `budget`. */
  deadline?: number;
  /** Soft per-statement timeout (0 / undefined: none; the supervisor enforces hard limits). */
  timeoutMs?: number;
}

export interface UnitStartInfo {
  group: string;
  line?: number;
  /** True for a statement replayed to rebuild state (its outcome was already reported). */
  replay: boolean;
}

export interface JobHooks {
  onUnitStart?: (unit: number, info: UnitStartInfo) => void;
  onOutcome?: (o: UnitOutcome) => void;
}

/** The groups (printed files) of a job, in report order. */
export function jobGroups(job: JobSpec): string[] {
  switch (job.kind) {
    case 'slt':
      return [job.display];
    case 'tpch':
      return tpchQueryCases(job.options).map((c) => c.name);
    case 'product': {
      const seen = new Set<string>();
      for (const c of productCases(job)) seen.add(productTestFileName(c));
      return [...seen];
    }
  }
}

export function jobLabel(job: JobSpec): string {
  return job.kind === 'slt' ? job.display : `${job.suite} (${job.kind})`;
}

function productCases(job: Extract<JobSpec, { kind: 'product' }>) {
  const byName = new Map(listProductTestCases(job.options.root).map((c) => [c.name, c]));
  return job.caseNames.map((n) => {
    const c = byName.get(n);
    if (!c) throw new Error(`product test case not found: ${n}`);
    return c;
  });
}

/** Runs a job's units, reporting through hooks. Returns a job-level error message, if any. */
export async function runJobUnits(
  job: JobSpec,
  params: JobRunParams,
  hooks: JobHooks,
): Promise<{ fileError?: string }> {
  const common = {
    startAt: params.startAt ?? 0,
    skipUnits: new Set(params.skipUnits ?? []),
    ...(params.deadline !== undefined ? { deadline: params.deadline } : {}),
    timeoutMs: params.timeoutMs ?? 0,
    onOutcome: (o: UnitOutcome) => hooks.onOutcome?.(o),
  };
  switch (job.kind) {
    case 'slt': {
      const result = await runSltFile(job.path, {
        ...common,
        suite: job.suite,
        displayName: job.display,
        onUnitStart: (unit, record) =>
          hooks.onUnitStart?.(unit, { group: job.display, line: record.line, replay: false }),
        onReplay: (unit, record) =>
          hooks.onUnitStart?.(unit, { group: job.display, line: record.line, replay: true }),
      });
      return result.error !== undefined ? { fileError: result.error } : {};
    }
    case 'product': {
      const cases = productCases(job);
      await runProductTestCases(cases, {
        ...job.options,
        ...common,
        onUnitStart: (unit) =>
          hooks.onUnitStart?.(unit, {
            group: productTestFileName(cases[unit]),
            line: cases[unit].line,
            replay: false,
          }),
      });
      return {};
    }
    case 'tpch': {
      const cases = tpchQueryCases(job.options);
      await runTpchQueries({
        ...job.options,
        ...common,
        onUnitStart: (unit) => hooks.onUnitStart?.(unit, { group: cases[unit].name, replay: false }),
      });
      return {};
    }
  }
}

/** Builds the per-group results of a job from its outcomes (sorted by unit). */
export function assembleResults(
  job: JobSpec,
  groups: readonly string[],
  outcomes: Iterable<UnitOutcome>,
  durationMs: number,
  fileError?: string,
): FileResult[] {
  const results = new Map<string, FileResult>();
  for (const g of groups) results.set(g, emptyFileResult(job.suite, g));
  const sorted = [...outcomes].sort((a, b) => a.unit - b.unit);
  for (const o of sorted) {
    let r = results.get(o.group);
    if (!r) {
      r = emptyFileResult(job.suite, o.group);
      results.set(o.group, r);
    }
    addOutcome(r, o);
  }
  const list = [...results.values()];
  // Spread the job's wall time over its groups by unit count (exact for single-file jobs).
  const totalUnits = list.reduce((n, r) => n + r.records, 0);
  for (const r of list)
    r.durationMs = totalUnits > 0 ? Math.round((durationMs * r.records) / totalUnits) : durationMs;
  if (fileError !== undefined) {
    if (list.length === 1) list[0].error = fileError;
    else for (const r of list) if (r.records === 0) r.error = fileError;
  }
  return list;
}

/** Runs a job in this process (soft timeouts only). */
export async function runJobInProcess(job: JobSpec, params: JobRunParams = {}): Promise<FileResult[]> {
  const started = Date.now();
  const outcomes: UnitOutcome[] = [];
  let fileError: string | undefined;
  let groups: string[] = [];
  try {
    groups = jobGroups(job);
    const r = await runJobUnits(job, params, { onOutcome: (o) => outcomes.push(o) });
    fileError = r.fileError;
  } catch (e) {
    fileError = `job failed: ${(e as Error).message}`;
  }
  return assembleResults(job, groups, outcomes, Date.now() - started, fileError);
}
