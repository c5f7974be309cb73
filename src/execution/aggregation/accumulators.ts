/**
 * Grouped accumulators: each keeps one state per group id and consumes a page's argument blocks
 * with the rows' group ids. Exact by construction: integer and decimal sums stay JS numbers while
 * they are safe integers and move to bigint when they grow past 2^53 (DESIGN.md), and overflow
 * beyond bigint / decimal(38) raises NUMERIC_VALUE_OUT_OF_RANGE as Trino does.
 */
import { TrinoError } from '../../errors';
import { formatType, normalizeInt64, type DecimalType, type SqlType } from '../../types';
import { type Block, blockFromValues, valueAt } from '../block';
import { comparatorFor } from '../../functions/values-compare';

export interface GroupedAccumulator {
  /** Adds rows; `mask` (if given) holds 1 for rows to include. */
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void;
  /** The final values of groups 0..groupCount-1. */
  result(groupCount: number): Block;
}

const INT64_MAX = 9223372036854775807n;
const DECIMAL38_MAX = 10n ** 38n - 1n;

function included(mask: Uint8Array | null, i: number): boolean {
  return mask === null || mask[i] === 1;
}

class CountAll implements GroupedAccumulator {
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
  private counts: number[] = [];
  constructor(private readonly onlyTrue = false) {}
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const b = args[0];
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      const v = valueAt(b, i);
      if (v === null || (this.onlyTrue && v !== true)) continue;
      this.counts[groupIds[i]] = (this.counts[groupIds[i]] ?? 0) + 1;
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(Array.from({ length: groupCount }, (_, g) => this.counts[g] ?? 0));
  }
}

/** Sum of exact integers (bigint and unscaled decimals): number while safe, else bigint. */
class ExactSum implements GroupedAccumulator {
  private sums: (number | bigint | undefined)[] = [];
  /** `limit` undefined: an unbounded intermediate sum (avg divides it before anything overflows). */
  constructor(
    private readonly limit: bigint | undefined,
    private readonly overflowMessage: string,
    private readonly outputBigint: boolean,
  ) {}
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const b = args[0];
    const sums = this.sums;
    if (b.kind === 'number' && mask === null) {
      const values = b.values;
      const nulls = b.nulls;
      for (let i = 0; i < count; i++) {
        if (nulls !== null && nulls[i] !== 0) continue;
        const g = groupIds[i];
        const s = sums[g];
        const v = values[i];
        if (typeof s === 'number') {
          const r = s + v;
          sums[g] = Number.isSafeInteger(r) ? r : this.exact(BigInt(s) + BigInt(v));
        } else if (s === undefined) sums[g] = v;
        else sums[g] = this.exact(s + BigInt(v));
      }
      return;
    }
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      const v = valueAt(b, i) as number | bigint | null;
      if (v === null) continue;
      const g = groupIds[i];
      const s = sums[g];
      if (s === undefined) sums[g] = v;
      else if (typeof s === 'number' && typeof v === 'number' && Number.isSafeInteger(s + v)) sums[g] = s + v;
      else sums[g] = this.exact(BigInt(s) + BigInt(v));
    }
  }
  private exact(v: bigint): bigint {
    if (this.limit === undefined) return v;
    if (v > this.limit || v < -this.limit - (this.limit === INT64_MAX ? 1n : 0n))
      throw new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', this.overflowMessage);
    return v;
  }
  result(groupCount: number): Block {
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => {
        const s = this.sums[g];
        if (s === undefined) return null;
        return this.outputBigint ? BigInt(s) : normalizeInt64(s);
      }),
    );
  }
}

class DoubleSum implements GroupedAccumulator {
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
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) =>
        this.sums[g] === undefined ? null : this.real ? Math.fround(this.sums[g]!) : this.sums[g]!,
      ),
    );
  }
}

/** avg: exact sum and count; the result divides once (double, or decimal rounded HALF_UP). */
class Average implements GroupedAccumulator {
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
    for (let i = 0; i < count; i++) {
      if (!included(mask, i) || valueAt(b, i) === null) continue;
      this.counts[groupIds[i]] = (this.counts[groupIds[i]] ?? 0) + 1;
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
  constructor(private readonly inner: GroupedAccumulator) {}
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const keep = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      if (!included(mask, i)) continue;
      let key = `${groupIds[i]}|`;
      for (const a of args) {
        const v = valueAt(a, i);
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

export function createAccumulator(
  name: string,
  argumentTypes: readonly SqlType[],
  resultType: SqlType,
  distinct: boolean,
): GroupedAccumulator {
  const acc = baseAccumulator(name, argumentTypes, resultType);
  return distinct ? new DistinctFilter(acc) : acc;
}

function baseAccumulator(name: string, args: readonly SqlType[], result: SqlType): GroupedAccumulator {
  const arg = args[0];
  switch (name) {
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
