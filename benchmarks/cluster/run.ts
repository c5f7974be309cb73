/**
 * TPC-H on a cluster of separate processes beside the single-process engine: the 22 queries (Trino
 * benchmark texts) over the tpch connector, run by the embedded engine, then by a coordinator with
 * 1 worker, then with 2 workers, all on loopback. Prints per-query elapsed times, the ratios
 * (1 worker / single, 2 workers / single, speedup from 1 to 2 workers) and their geometric means.
 * Every result's row count must agree across the three, and match the dbgen answer where one
 * exists for the scale factor (0.01, 0.1, 1); any difference is printed and fails the run.
 *
 *   npm run bench:cluster -- [--sf 1] [--runs 1] [--queries 1,3,6]
 *
 * Each configuration first runs the queries once at tiny, so that the times measure warm code
 * (JIT) and not the first compilation; the child processes get this process's heap limit.
 */
import { getHeapStatistics } from 'node:v8';
import { tpchMismatches, tpchQuery } from '../../test/helpers/tpch-check';
import { geometricMean, median } from '../statistics';
import { type TpchBenchOptions, parseTpchBenchOptions } from '../tpch-options';
import { type QueryTarget, clusterTarget, embeddedTarget } from './targets';

/** One query on one target: the median time, or the failure. */
interface Measurement {
  ms: number;
  rows: number;
  /** Differences from the dbgen answer, or the error. */
  problems: string[];
}

const HAS_ANSWERS = new Set([0.01, 0.1, 1]);

async function measure(target: QueryTarget, q: number, options: TpchBenchOptions): Promise<Measurement> {
  const sql = tpchQuery(q, options.sf === 0.01 ? 'tiny' : `sf${options.sf}`);
  const times: number[] = [];
  try {
    let result;
    for (let i = 0; i < options.runs; i++) {
      const t = performance.now();
      result = await target.run(sql);
      times.push(performance.now() - t);
    }
    const { types, rows } = result!;
    const problems = HAS_ANSWERS.has(options.sf)
      ? tpchMismatches(q, options.sf, types, rows, target.render)
      : [];
    return { ms: median(times), rows: rows.length, problems };
  } catch (e) {
    return { ms: NaN, rows: -1, problems: [`failed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

async function runAll(target: QueryTarget, options: TpchBenchOptions): Promise<Map<number, Measurement>> {
  const out = new Map<number, Measurement>();
  try {
    for (const q of options.queries) await target.run(tpchQuery(q, 'tiny'));
    for (const q of options.queries) {
      const m = await measure(target, q, options);
      out.set(q, m);
      const status = m.problems.length === 0 ? `${m.rows} rows` : m.problems[0];
      process.stdout.write(`  ${target.name} q${q}: ${m.ms.toFixed(0)} ms, ${status}\n`);
    }
  } finally {
    await target.close();
  }
  return out;
}

export async function main(argv: string[]): Promise<void> {
  const options = parseTpchBenchOptions(argv, 1);
  // the workers and the coordinator get the heap limit the single-process engine has
  const heapMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapMb}`.trim();
  process.stdout.write(
    `TPC-H sf${options.sf} over the tpch connector, ${options.runs} run(s) per query (median), heap ${heapMb} MB per process\n`,
  );
  const single = await runAll(embeddedTarget(), options);
  const one = await runAll(await clusterTarget(1), options);
  const two = await runAll(await clusterTarget(2), options);

  const header =
    'query | single ms | 1 worker ms | 2 workers ms | 1w/single | 2w/single | speedup 1→2 | rows';
  process.stdout.write(`\n${header}\n${header.replace(/[^|]/g, '-')}\n`);
  const ratios: [number[], number[], number[]] = [[], [], []];
  const problems: string[] = [];
  const fmt = (x: number, d = 0) => (Number.isNaN(x) ? 'FAILED' : x.toFixed(d));
  for (const q of options.queries) {
    const [s, a, b] = [single.get(q)!, one.get(q)!, two.get(q)!];
    const r = [a.ms / s.ms, b.ms / s.ms, a.ms / b.ms];
    if (r.every((x) => Number.isFinite(x))) r.forEach((x, i) => ratios[i].push(x));
    const counts = [s.rows, a.rows, b.rows];
    const agree = counts.every((n) => n === counts[0]);
    if (!agree)
      problems.push(`q${q}: row counts differ: single ${s.rows}, 1 worker ${a.rows}, 2 workers ${b.rows}`);
    for (const [name, m] of [
      ['single', s],
      ['1 worker', a],
      ['2 workers', b],
    ] as const)
      for (const p of m.problems) problems.push(`q${q} ${name}: ${p}`);
    process.stdout.write(
      `q${String(q).padStart(2, '0')} | ${fmt(s.ms)} | ${fmt(a.ms)} | ${fmt(b.ms)} | ${fmt(r[0], 2)} | ${fmt(r[1], 2)} | ${fmt(r[2], 2)} | ${agree ? s.rows : `MISMATCH ${counts.join('/')}`}\n`,
    );
  }
  const g = ratios.map((xs) => (xs.length ? geometricMean(xs).toFixed(2) : '-'));
  process.stdout.write(
    `\ngeometric means over ${ratios[0].length} queries: 1 worker / single ${g[0]}, 2 workers / single ${g[1]}, speedup 1→2 workers ${g[2]}\n`,
  );
  if (problems.length > 0) {
    process.stdout.write(`\n!!! ${problems.length} PROBLEM(S) — results differ or queries failed:\n`);
    for (const p of problems) process.stdout.write(`!!! ${p}\n`);
    process.exitCode = 1;
  } else if (HAS_ANSWERS.has(options.sf)) {
    process.stdout.write('every result matches the dbgen answers and has the same row count on all three\n');
  } else {
    process.stdout.write(`row counts agree on all three (no dbgen answers at sf${options.sf})\n`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
