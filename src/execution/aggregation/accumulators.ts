/**
 * Grouped accumulators: each keeps one state per group id and consumes a page's argument blocks
 * with the rows' group ids. Exact by construction: integer and decimal sums stay JS numbers while
 * they are safe integers and move to bigint when they grow past 2^53 (DESIGN.md), and overflow
 * beyond bigint / decimal(38) raises NUMERIC_VALUE_OUT_OF_RANGE as Trino does.
 */
import { TrinoError } from '../../errors';
import { formatType, normalizeInt64, type DecimalType, type SqlType } from '../../types';
import { type Block, bigintValuesBlock, blockFromValues, isNullAt, valueAt } from '../block';
import { ExactSums } from './exact-sums';
import { comparatorFor } from '../../functions/values-compare';
import { ApproxDistinct, ApproxPercentile } from './approximate-accumulators';
import { ArrayAgg, Histogram, Listagg, MapAgg, MultimapAgg } from './collection-accumulators';
import { TopN, ValueByKey } from './ranking-accumulators';
import { Bivariate, GeometricMean } from './statistical-accumulators';

export interface GroupedAccumulator {
  /** Adds rows; `mask` (if given) holds 1 for rows to include. */
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void;
  /** The final values of groups 0..groupCount-1. */
  result(groupCount: number): Block;
  /**
   * PARTIAL step: each group's state as one value of the function's intermediate type
   * (planner/aggregate-intermediate.ts). Optional: the planner never splits a function that has
   * no intermediate type, so an accumulator without these two runs as a SINGLE step.
   */
  intermediate?(groupCount: number): Block;
  /** FINAL step: merges intermediate values (one per row of `state`) into the groups' states. */
  addIntermediate?(groupIds: Int32Array, state: Block, count: number): void;
}

/** Adds partial counts (a bigint block) into per-group counts. */
function mergeCounts(counts: number[], groupIds: Int32Array, state: Block, count: number): void {
  for (let i = 0; i < count; i++) {
    const v = valueAt(state, i);
    if (v !== null) counts[groupIds[i]] = (counts[groupIds[i]] ?? 0) + Number(v);
  }
}

const INT64_MAX = 9223372036854775807n;
const DECIMAL38_MAX = 10n ** 38n - 1n;

function included(mask: Uint8Array | null, i: number): boolean {
  return mask === null || mask[i] === 1;
}

class CountAll implements GroupedAccumulator {
  intermediate(groupCount: number): Block {
    return this.result(groupCount);
  }
  addIntermediate(groupIds: Int32Array, state: Block, count: number): void {
    mergeCounts(this.counts, groupIds, state, count);
  }
  private counts: number[] = [];
  add(groupIds: Int32Array, _args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const counts = this.counts;
    for (let i = 0; i < count; i++)
      if (included(mask, i)) counts[groupIds[i]] = (counts[groupIds[i]] ?? 0) + 1;
  }
  result(groupCount: number): Block {
    return blockFromValues(Array.from({ length: groupCount }, (_, g) => this.counts[g] ?? 0));
  }
}

class Count implements GroupedAccumulator {
  intermediate(groupCount: number): Block {
    return this.result(groupCount);
  }
  addIntermediate(groupIds: Int32Array, state: Block, count: number): void {
    mergeCounts(this.counts, groupIds, state, count);
  }
  private counts: number[] = [];
  constructor(private readonly onlyTrue = false) {}
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const b = args[0];
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      if (this.onlyTrue ? valueAt(b, i) !== true : isNullAt(b, i)) continue;
      this.counts[groupIds[i]] = (this.counts[groupIds[i]] ?? 0) + 1;
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(Array.from({ length: groupCount }, (_, g) => this.counts[g] ?? 0));
  }
}

/** Sum of exact integers (bigint and unscaled decimals): number while safe, else bigint. */
class ExactSum implements GroupedAccumulator {
  intermediate(groupCount: number): Block {
    return this.result(groupCount);
  }
  addIntermediate(groupIds: Int32Array, state: Block, count: number): void {
    this.add(groupIds, [state], count, null);
  }
  /** Float64 per group while safe, bigint beyond ±2^53 (exact-sums.ts). */
  private readonly sums = new ExactSums((v) => this.exact(v));
  /** `limit` undefined: an unbounded intermediate sum (avg divides it before anything overflows). */
  constructor(
    private readonly limit: bigint | undefined,
    private readonly overflowMessage: string,
    private readonly outputBigint: boolean,
  ) {}
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    this.sums.add(groupIds, args[0], count, mask);
  }
  private exact(v: bigint): bigint {
    if (this.limit === undefined) return v;
    if (v > this.limit || v < -this.limit - (this.limit === INT64_MAX ? 1n : 0n))
      throw new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', this.overflowMessage);
    return v;
  }
  result(groupCount: number): Block {
    const sums = Array.from({ length: groupCount }, (_, g) => this.sums.value(g));
    // decimal sums: a Float64Array block while every sum is a safe integer (block.ts)
    if (this.outputBigint) return bigintValuesBlock(sums);
    return blockFromValues(sums.map((s) => (s === null ? null : normalizeInt64(s))));
  }
}

class DoubleSum implements GroupedAccumulator {
  /** Unrounded sums (real rounds once, after the FINAL step). */
  intermediate(groupCount: number): Block {
    return blockFromValues(Array.from({ length: groupCount }, (_, g) => this.sums[g] ?? null));
  }
  /**
   * Partial sums arrive in whatever order the exchange delivers them; they are kept (one per
   * producing task) and added in sorted order, so the result does not depend on that order.
   */
  addIntermediate(groupIds: Int32Array, state: Block, count: number): void {
    const partials = (this.partials ??= []);
    for (let i = 0; i < count; i++) {
      const v = valueAt(state, i) as number | null;
      if (v !== null) (partials[groupIds[i]] ??= []).push(v);
    }
  }
  private partials: number[][] | undefined;
  private mergePartials(): void {
    const partials = this.partials;
    if (!partials) return;
    this.partials = undefined;
    partials.forEach((values, g) => {
      values.sort((a, b) => a - b);
      let sum = this.sums[g];
      for (const v of values) sum = (sum ?? 0) + v;
      this.sums[g] = sum;
    });
  }
  private sums: (number | undefined)[] = [];
  constructor(private readonly real: boolean) {}
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const b = args[0];
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      const v = valueAt(b, i) as number | null;
      if (v === null) continue;
      const g = groupIds[i];
      this.sums[g] = (this.sums[g] ?? 0) + v;
    }
  }
  result(groupCount: number): Block {
    this.mergePartials();
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) =>
        this.sums[g] === undefined ? null : this.real ? Math.fround(this.sums[g]!) : this.sums[g]!,
      ),
    );
  }
}

/** avg: exact sum and count; the result divides once (double, or decimal rounded HALF_UP). */
class Average implements GroupedAccumulator {
  /** row(sum, count) per group. */
  intermediate(groupCount: number): Block {
    const sums = this.sum.intermediate(groupCount);
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => [valueAt(sums, g), this.counts[g] ?? 0]),
    );
  }
  addIntermediate(groupIds: Int32Array, state: Block, count: number): void {
    const sums = new Array<unknown>(count);
    for (let i = 0; i < count; i++) {
      const row = valueAt(state, i) as readonly [unknown, number | bigint] | null;
      sums[i] = row === null ? null : row[0];
      if (row !== null) this.counts[groupIds[i]] = (this.counts[groupIds[i]] ?? 0) + Number(row[1]);
    }
    this.sum.addIntermediate(groupIds, blockFromValues(sums), count);
  }
  private readonly sum: ExactSum | DoubleSum;
  private counts: number[] = [];
  constructor(
    input: SqlType,
    private readonly output: SqlType,
  ) {
    this.sum =
      input.kind === 'double' || input.kind === 'real'
        ? new DoubleSum(false)
        : new ExactSum(undefined, '', true);
  }
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    this.sum.add(groupIds, args, count, mask);
    const b = args[0];
    const counts = this.counts;
    // zero-fill up to the largest group first: a packed array of numbers counts fastest
    let maxGroup = -1;
    for (let i = 0; i < count; i++) if (groupIds[i] > maxGroup) maxGroup = groupIds[i];
    for (let g = counts.length; g <= maxGroup; g++) counts.push(0);
    for (let i = 0; i < count; i++) {
      if (!included(mask, i) || isNullAt(b, i)) continue;
      counts[groupIds[i]] = (counts[groupIds[i]] ?? 0) + 1;
    }
  }
  result(groupCount: number): Block {
    const sums = this.sum.result(groupCount);
    const out = new Array<unknown>(groupCount);
    for (let g = 0; g < groupCount; g++) {
      const s = valueAt(sums, g) as number | bigint | null;
      const c = this.counts[g] ?? 0;
      if (s === null || c === 0) {
        out[g] = null;
        continue;
      }
      if (this.output.kind === 'decimal') {
        const q = roundHalfUpDivide(BigInt(s), BigInt(c));
        out[g] = (this.output as DecimalType).precision <= 15 ? Number(q) : q;
      } else if (typeof s === 'bigint') {
        out[g] = exactQuotient(s, c);
      } else {
        out[g] = this.output.kind === 'real' ? Math.fround(s / c) : s / c;
      }
    }
    return blockFromValues(out);
  }
}

function roundHalfUpDivide(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** bigint / count as the nearest double. */
function exactQuotient(s: bigint, c: number): number {
  const q = s / BigInt(c);
  const r = s % BigInt(c);
  return Number(q) + Number(r) / c;
}

class MinMax implements GroupedAccumulator {
  intermediate(groupCount: number): Block {
    return this.result(groupCount);
  }
  addIntermediate(groupIds: Int32Array, state: Block, count: number): void {
    this.add(groupIds, [state], count, null);
  }
  private values: unknown[] = [];
  private readonly compare: (a: unknown, b: unknown) => number;
  constructor(
    type: SqlType,
    private readonly max: boolean,
  ) {
    // NaN never wins: it sorts last for min and first for max (Trino's min/max over doubles)
    this.compare = comparatorFor(type, max);
  }
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const b = args[0];
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      const v = valueAt(b, i);
      if (v === null) continue;
      const g = groupIds[i];
      const cur = this.values[g];
      if (cur === undefined || (this.max ? this.compare(v, cur) > 0 : this.compare(v, cur) < 0))
        this.values[g] = v;
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(Array.from({ length: groupCount }, (_, g) => this.values[g] ?? null));
  }
}

class Arbitrary implements GroupedAccumulator {
  intermediate(groupCount: number): Block {
    return this.result(groupCount);
  }
  addIntermediate(groupIds: Int32Array, state: Block, count: number): void {
    this.add(groupIds, [state], count, null);
  }
  private values: unknown[] = [];
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      const v = valueAt(args[0], i);
      if (v !== null && this.values[groupIds[i]] === undefined) this.values[groupIds[i]] = v;
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(Array.from({ length: groupCount }, (_, g) => this.values[g] ?? null));
  }
}

class BoolAggregate implements GroupedAccumulator {
  intermediate(groupCount: number): Block {
    return this.result(groupCount);
  }
  addIntermediate(groupIds: Int32Array, state: Block, count: number): void {
    this.add(groupIds, [state], count, null);
  }
  private values: (boolean | undefined)[] = [];
  constructor(private readonly and: boolean) {}
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      const v = valueAt(args[0], i) as boolean | null;
      if (v === null) continue;
      const g = groupIds[i];
      const cur = this.values[g];
      this.values[g] = cur === undefined ? v : this.and ? cur && v : cur || v;
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(Array.from({ length: groupCount }, (_, g) => this.values[g] ?? null));
  }
}

/** Welford's online variance, per group. */
class Variance implements GroupedAccumulator {
  /** row(count, mean, m2) per group. */
  intermediate(groupCount: number): Block {
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => [this.n[g] ?? 0, this.mean[g] ?? 0, this.m2[g] ?? 0]),
    );
  }
  /**
   * Partial states arrive in whatever order the exchange delivers them; they are kept per group
   * and merged (Chan et al.'s pairwise formula) in sorted order, so the result does not depend on it.
   */
  addIntermediate(groupIds: Int32Array, state: Block, count: number): void {
    const pending = (this.pending ??= []);
    for (let i = 0; i < count; i++) {
      const row = valueAt(state, i) as readonly [number, number, number] | null;
      if (row !== null && Number(row[0]) !== 0) (pending[groupIds[i]] ??= []).push(row);
    }
  }
  private pending: (readonly [number, number, number])[][] | undefined;
  private mergePending(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    pending.forEach((rows, g) => {
      rows.sort((a, b) => Number(a[0]) - Number(b[0]) || a[1] - b[1] || a[2] - b[2]);
      for (const row of rows) {
        const nb = Number(row[0]);
        const na = this.n[g] ?? 0;
        const ma = this.mean[g] ?? 0;
        const n = na + nb;
        const delta = row[1] - ma;
        this.n[g] = n;
        this.mean[g] = ma + (delta * nb) / n;
        this.m2[g] = (this.m2[g] ?? 0) + row[2] + (delta * delta * na * nb) / n;
      }
    });
  }
  private n: number[] = [];
  private mean: number[] = [];
  private m2: number[] = [];
  constructor(
    private readonly kind: 'var_samp' | 'var_pop' | 'stddev_samp' | 'stddev_pop',
    private readonly input: SqlType,
  ) {}
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const scale = this.input.kind === 'decimal' ? 10 ** this.input.scale : 1;
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      const raw = valueAt(args[0], i) as number | bigint | null;
      if (raw === null) continue;
      const x = Number(raw) / scale;
      const g = groupIds[i];
      const n = (this.n[g] ?? 0) + 1;
      const mean = this.mean[g] ?? 0;
      const delta = x - mean;
      const nextMean = mean + delta / n;
      this.n[g] = n;
      this.mean[g] = nextMean;
      this.m2[g] = (this.m2[g] ?? 0) + delta * (x - nextMean);
    }
  }
  result(groupCount: number): Block {
    this.mergePending();
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => {
        const n = this.n[g] ?? 0;
        const sample = this.kind === 'var_samp' || this.kind === 'stddev_samp';
        if (n === 0 || (sample && n === 1)) return null;
        const variance = this.m2[g] / (sample ? n - 1 : n);
        return this.kind.startsWith('stddev') ? Math.sqrt(variance) : variance;
      }),
    );
  }
}

/** DISTINCT: forwards each group's first occurrence of each argument value only. */
class DistinctFilter implements GroupedAccumulator {
  private readonly seen = new Set<string>();
  constructor(
    private readonly inner: GroupedAccumulator,
    private readonly argumentCount: number,
  ) {}
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const keep = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      let key = `${groupIds[i]}|`;
      for (let a = 0; a < this.argumentCount; a++) {
        const v = valueAt(args[a], i);
        key += v === null ? 'N;' : typeof v === 'string' ? `s${v.length}:${v}` : `${typeof v}${String(v)};`;
      }
      if (!this.seen.has(key)) {
        this.seen.add(key);
        keep[i] = 1;
      }
    }
    this.inner.add(groupIds, args, count, keep);
  }
  result(groupCount: number): Block {
    return this.inner.result(groupCount);
  }
}

/** One sort key of `agg(x ORDER BY …)`; its block follows the argument blocks in `add`. */
export interface AggregateOrdering {
  readonly type: SqlType;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

/**
 * `agg(x ORDER BY k)`: buffers each included row's arguments and sort keys, and feeds the inner
 * accumulator one group at a time in sort order when the result is asked for (Trino's
 * OrderedAccumulator does the same). Ties keep input order.
 */
class OrderedAccumulator implements GroupedAccumulator {
  private readonly rows: { group: number; args: unknown[]; keys: unknown[] }[] = [];
  private readonly compares: ((a: unknown, b: unknown) => number)[];
  constructor(
    private readonly inner: GroupedAccumulator,
    private readonly argumentCount: number,
    private readonly ordering: readonly AggregateOrdering[],
  ) {
    this.compares = ordering.map((o) => comparatorFor(o.type));
  }
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const n = this.argumentCount;
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      const values = new Array<unknown>(n);
      for (let a = 0; a < n; a++) values[a] = valueAt(args[a], i);
      const keys = this.ordering.map((_, k) => valueAt(args[n + k], i));
      this.rows.push({ group: groupIds[i], args: values, keys });
    }
  }
  private compare(a: readonly unknown[], b: readonly unknown[]): number {
    for (let k = 0; k < this.ordering.length; k++) {
      const { ascending, nullsFirst } = this.ordering[k];
      const x = a[k];
      const y = b[k];
      if (x === null || y === null) {
        if (x === y) continue;
        return (x === null) === nullsFirst ? -1 : 1;
      }
      const c = this.compares[k](x, y);
      if (c !== 0) return ascending ? c : -c;
    }
    return 0;
  }
  result(groupCount: number): Block {
    const sorted = this.rows.slice().sort((a, b) => a.group - b.group || this.compare(a.keys, b.keys));
    const ids = new Int32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) ids[i] = sorted[i].group;
    const blocks = Array.from({ length: this.argumentCount }, (_, a) =>
      blockFromValues(sorted.map((r) => r.args[a])),
    );
    this.inner.add(ids, blocks, sorted.length, null);
    return this.inner.result(groupCount);
  }
}

export function createAccumulator(
  name: string,
  argumentTypes: readonly SqlType[],
  resultType: SqlType,
  distinct: boolean,
  ordering: readonly AggregateOrdering[] = [],
): GroupedAccumulator {
  let acc = baseAccumulator(name, argumentTypes, resultType);
  if (ordering.length > 0) acc = new OrderedAccumulator(acc, argumentTypes.length, ordering);
  return distinct ? new DistinctFilter(acc, argumentTypes.length) : acc;
}

function baseAccumulator(name: string, args: readonly SqlType[], result: SqlType): GroupedAccumulator {
  const arg = args[0];
  switch (name) {
    case 'array_agg':
      return new ArrayAgg();
    case 'map_agg':
      return new MapAgg(arg);
    case 'multimap_agg':
      return new MultimapAgg(arg);
    case 'histogram':
      return new Histogram(arg);
    case 'listagg':
      return new Listagg();
    case 'max_by':
    case 'min_by':
      return args.length === 2
        ? new ValueByKey(args[1], name === 'max_by')
        : new TopN(args[1], name === 'max_by', 1, 0, 2, `third argument of ${name}`);
    case 'corr':
    case 'covar_samp':
    case 'covar_pop':
    case 'regr_slope':
    case 'regr_intercept':
      return new Bivariate(name, args[0], args[1], result.kind === 'real');
    case 'geometric_mean':
      return new GeometricMean(arg, result.kind === 'real');
    case 'approx_distinct':
      return new ApproxDistinct(arg, args[1]);
    case 'approx_percentile':
      return new ApproxPercentile(arg, args.length === 3, args[args.length - 1]);
    case 'count':
      return args.length === 0 ? new CountAll() : new Count();
    case 'count_if':
      return new Count(true);
    case 'sum':
      if (arg.kind === 'double' || arg.kind === 'real') return new DoubleSum(arg.kind === 'real');
      if (arg.kind === 'decimal') return new ExactSum(DECIMAL38_MAX, 'Decimal overflow', true);
      return new ExactSum(INT64_MAX, 'bigint addition overflow', false);
    case 'avg':
      return new Average(arg, result);
    case 'min':
    case 'max':
      if (args.length === 2) return new TopN(arg, name === 'max', 0, 0, 1, `second argument of ${name}_n`);
      return new MinMax(arg, name === 'max');
    case 'arbitrary':
    case 'any_value':
      return new Arbitrary();
    case 'bool_and':
    case 'every':
      return new BoolAggregate(true);
    case 'bool_or':
      return new BoolAggregate(false);
    case 'variance':
    case 'var_samp':
      return new Variance('var_samp', arg);
    case 'var_pop':
      return new Variance('var_pop', arg);
    case 'stddev':
    case 'stddev_samp':
      return new Variance('stddev_samp', arg);
    case 'stddev_pop':
      return new Variance('stddev_pop', arg);
  }
  throw new TrinoError(
    'NOT_SUPPORTED',
    `Aggregate function ${name}(${args.map(formatType).join(', ')}) is not supported yet`,
  );
}
