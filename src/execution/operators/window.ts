/**
 * Window: materializes its input, groups rows into partitions, orders each partition, and
 * computes each window function per row: ranking functions, navigation functions (lag, lead,
 * first_value, last_value, nth_value) and every aggregate over a ROWS or RANGE frame (RANGE with
 * UNBOUNDED / CURRENT ROW bounds, where CURRENT ROW spans the row's peers).
 */
import { TrinoError } from '../../errors';
import type { WindowFrameSpec } from '../../planner/plan';
import type { SqlType } from '../../types';
import { encodeKeyPart } from '../aggregation/group-by-hash';
import { createAccumulator } from '../aggregation/accumulators';
import { blockFromValues, valueAt, type Block } from '../block';
import type { Page } from '../page';
import { sortKeyComparator } from '../value-order';
import { type PageStream, TARGET_PAGE_ROWS } from './page-stream';

export interface WindowFunctionSpec {
  readonly function: string;
  readonly argumentChannels: readonly number[];
  readonly argumentTypes: readonly SqlType[];
  readonly resultType: SqlType;
  readonly frame: WindowFrameSpec;
  readonly ignoreNulls: boolean;
  /** FILTER (WHERE …) of an aggregate: a boolean column; frame rows where it is not true are skipped. */
  readonly maskChannel?: number;
}

export interface WindowSpec {
  readonly partitionChannels: readonly number[];
  readonly order: readonly { channel: number; type: SqlType; ascending: boolean; nullsFirst: boolean }[];
  readonly functions: readonly WindowFunctionSpec[];
  readonly width: number;
}

const RANKING = new Set(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile']);
const NAVIGATION = new Set(['lag', 'lead', 'first_value', 'last_value', 'nth_value']);

export async function* windowOperator(source: PageStream, spec: WindowSpec): PageStream {
  // materialize rows column-wise
  const columns: unknown[][] = Array.from({ length: spec.width }, () => []);
  // counted apart from the columns: pruning can leave the input with no columns at all
  let total = 0;
  for await (const page of source) {
    total += page.positionCount;
    for (let c = 0; c < spec.width; c++) {
      const col = columns[c];
      const block = page.blocks[c];
      for (let i = 0; i < page.positionCount; i++) col.push(valueAt(block, i));
    }
  }
  if (total === 0) return;

  // partitions in first-seen order
  const partitions = new Map<string, number[]>();
  for (let r = 0; r < total; r++) {
    let key = '';
    for (const c of spec.partitionChannels) key += encodeKeyPart(columns[c][r]);
    const rows = partitions.get(key);
    if (rows) rows.push(r);
    else partitions.set(key, [r]);
  }
  const comparators = spec.order.map((o) => ({
    channel: o.channel,
    compare: sortKeyComparator(o.type, o.ascending, o.nullsFirst),
  }));
  const compareRows = (a: number, b: number): number => {
    for (const { channel, compare } of comparators) {
      const c = compare(columns[channel][a], columns[channel][b]);
      if (c !== 0) return c;
    }
    return 0;
  };

  const results = spec.functions.map(() => new Array<unknown>(total));
  const order: number[] = [];
  for (const rows of partitions.values()) {
    rows.sort((a, b) => compareRows(a, b) || a - b);
    // peer groups: [start, end) of rows equal under the ORDER BY
    const peerStart = new Int32Array(rows.length);
    const peerEnd = new Int32Array(rows.length);
    for (let i = 0; i < rows.length;) {
      let j = i + 1;
      while (j < rows.length && compareRows(rows[i], rows[j]) === 0) j++;
      for (let k = i; k < j; k++) {
        peerStart[k] = i;
        peerEnd[k] = j;
      }
      i = j;
    }
    // RANGE frames with offsets measure distances on the single sort key
    const key = spec.order[0];
    const rangeKey =
      key && spec.functions.some((f) => f.frame.start.range || f.frame.end.range)
        ? sortKeyValues(rows, columns[key.channel], key.type, key.ascending)
        : undefined;
    const groups = spec.functions.some((f) => f.frame.type === 'GROUPS')
      ? peerGroups(peerStart, peerEnd)
      : undefined;
    spec.functions.forEach((f, fi) =>
      computeFunction(f, rows, columns, peerStart, peerEnd, results[fi], rangeKey, groups),
    );
    for (const r of rows) order.push(r);
  }

  for (let start = 0; start < order.length; start += TARGET_PAGE_ROWS) {
    const chunk = order.slice(start, start + TARGET_PAGE_ROWS);
    const blocks: Block[] = [];
    for (let c = 0; c < spec.width; c++) blocks.push(blockFromValues(chunk.map((r) => columns[c][r])));
    for (const res of results) blocks.push(blockFromValues(chunk.map((r) => res[r])));
    const page: Page = { positionCount: chunk.length, blocks };
    yield page;
  }
}

function computeFunction(
  f: WindowFunctionSpec,
  rows: readonly number[],
  columns: unknown[][],
  peerStart: Int32Array,
  peerEnd: Int32Array,
  out: unknown[],
  rangeKey?: RangeKey,
  groups?: PeerGroups,
): void {
  const n = rows.length;
  const arg = (k: number, i: number): unknown => columns[f.argumentChannels[k]][rows[i]];
  if (RANKING.has(f.function)) {
    let dense = 0;
    for (let i = 0; i < n; i++) {
      if (peerStart[i] === i) dense++;
      let v: unknown;
      switch (f.function) {
        case 'row_number':
          v = i + 1;
          break;
        case 'rank':
          v = peerStart[i] + 1;
          break;
        case 'dense_rank':
          v = dense;
          break;
        case 'percent_rank':
          v = n === 1 ? 0 : peerStart[i] / (n - 1);
          break;
        case 'cume_dist':
          v = peerEnd[i] / n;
          break;
        case 'ntile': {
          const raw = arg(0, i);
          // a NULL bucket count gives NULL, as in Trino's NTileFunction
          if (raw === null) {
            v = null;
            break;
          }
          const buckets = Number(raw);
          if (!(buckets > 0))
            throw new TrinoError('INVALID_FUNCTION_ARGUMENT', 'Buckets must be greater than 0');
          const small = Math.floor(n / buckets);
          const large = n % buckets;
          // the first `large` buckets hold small + 1 rows
          v =
            i < large * (small + 1)
              ? Math.floor(i / (small + 1)) + 1
              : Math.floor((i - large * (small + 1)) / Math.max(small, 1)) + large + 1;
          break;
        }
      }
      out[rows[i]] = v;
    }
    return;
  }
  if (f.function === 'lag' || f.function === 'lead') {
    for (let i = 0; i < n; i++) {
      const offsetValue = f.argumentChannels.length > 1 ? arg(1, i) : 1;
      if (offsetValue === null) {
        out[rows[i]] = null;
        continue;
      }
      const offset = Number(offsetValue);
      if (offset < 0) throw new TrinoError('INVALID_FUNCTION_ARGUMENT', 'Offset must be at least 0');
      const fallback = f.argumentChannels.length > 2 ? arg(2, i) : null;
      let target = f.function === 'lag' ? i - offset : i + offset;
      if (f.ignoreNulls && offset > 0) {
        const step = f.function === 'lag' ? -1 : 1;
        let remaining = offset;
        target = i;
        while (remaining > 0) {
          target += step;
          if (target < 0 || target >= n) break;
          if (arg(0, target) !== null) remaining--;
        }
      }
      out[rows[i]] = target >= 0 && target < n ? arg(0, target) : fallback;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const [lo, hi] = frameBounds(f.frame, i, n, peerStart, peerEnd, rangeKey, groups);
    if (NAVIGATION.has(f.function)) {
      out[rows[i]] = navigate(f, arg, lo, hi, i);
    } else {
      out[rows[i]] = aggregateFrame(f, columns, rows, lo, hi);
    }
  }
}

/**
 * The sort key of each position of an ordered partition, negated when descending so that the
 * non-NULL keys ascend; NULL keys sit together at one end ([nonNullStart, nonNullEnd) excludes them).
 */
interface RangeKey {
  readonly keys: readonly (number | bigint | null)[];
  readonly nonNullStart: number;
  readonly nonNullEnd: number;
  /** Decimal scale: a key read as a double is divided by 10^scale. */
  readonly scale: number;
}

function sortKeyValues(
  rows: readonly number[],
  column: readonly unknown[],
  type: SqlType,
  ascending: boolean,
): RangeKey {
  const keys = rows.map((r) => {
    const v = column[r] as number | bigint | null;
    return v === null || ascending ? v : -v;
  });
  let nonNullStart = 0;
  while (nonNullStart < keys.length && keys[nonNullStart] === null) nonNullStart++;
  let nonNullEnd = keys.length;
  while (nonNullEnd > nonNullStart && keys[nonNullEnd - 1] === null) nonNullEnd--;
  return { keys, nonNullStart, nonNullEnd, scale: type.kind === 'decimal' ? type.scale : 0 };
}

/**
 * A RANGE bound of row i: the first position whose key is >= (start) or the position after the
 * last whose key is <= (end) the current key moved by the offset. A NULL current key's frame
 * bound is its peer group of NULLs, as in Trino.
 */
function rangePosition(
  b: WindowFrameSpec['start'],
  isStart: boolean,
  i: number,
  key: RangeKey,
  peerStart: Int32Array,
  peerEnd: Int32Array,
): number {
  const current = key.keys[i];
  if (current === null) return isStart ? peerStart[i] : peerEnd[i];
  const { value, exact } = b.range!;
  const sign = b.type === 'PRECEDING' ? -1 : 1;
  const read = exact ? (k: number | bigint) => k : (k: number | bigint) => Number(k) / 10 ** key.scale;
  let target: number | bigint;
  if (exact && (typeof current === 'bigint' || typeof value === 'bigint'))
    target = BigInt(current) + BigInt(sign) * BigInt(value as number | bigint);
  else target = (read(current) as number) + sign * (value as number);
  // binary search over the ascending non-NULL keys (mixed number/bigint comparisons are exact)
  let lo = key.nonNullStart;
  let hi = key.nonNullEnd;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = read(key.keys[mid]!);
    if (isStart ? k < target : k <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The peer groups of an ordered partition: each position's group and each group's [start, end). */
interface PeerGroups {
  readonly group: Int32Array;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

function peerGroups(peerStart: Int32Array, peerEnd: Int32Array): PeerGroups {
  const group = new Int32Array(peerStart.length);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < peerStart.length; i = peerEnd[i]) {
    for (let k = i; k < peerEnd[i]; k++) group[k] = starts.length;
    starts.push(i);
    ends.push(peerEnd[i]);
  }
  return { group, starts, ends };
}

/** A GROUPS bound: `offset` peer groups before or after the current row's group. */
function groupPosition(b: WindowFrameSpec['start'], isStart: boolean, i: number, groups: PeerGroups): number {
  const g = groups.group[i] + (b.type === 'PRECEDING' ? -b.offset! : b.offset!);
  const count = groups.starts.length;
  if (isStart) return g < 0 ? 0 : g >= count ? groups.ends[count - 1] : groups.starts[g];
  return g < 0 ? 0 : g >= count ? groups.ends[count - 1] : groups.ends[g];
}

/** The frame of row i as [lo, hi) positions within the ordered partition. */
function frameBounds(
  frame: WindowFrameSpec,
  i: number,
  n: number,
  peerStart: Int32Array,
  peerEnd: Int32Array,
  rangeKey?: RangeKey,
  groups?: PeerGroups,
): [number, number] {
  const position = (b: WindowFrameSpec['start'], isStart: boolean): number => {
    if (b.range) return rangePosition(b, isStart, i, rangeKey!, peerStart, peerEnd);
    if (frame.type === 'GROUPS' && (b.type === 'PRECEDING' || b.type === 'FOLLOWING'))
      return groupPosition(b, isStart, i, groups!);
    switch (b.type) {
      case 'UNBOUNDED PRECEDING':
        return 0;
      case 'UNBOUNDED FOLLOWING':
        return n;
      case 'CURRENT ROW':
        if (frame.type !== 'ROWS') return isStart ? peerStart[i] : peerEnd[i];
        return isStart ? i : i + 1;
      case 'PRECEDING':
        return isStart ? i - b.offset! : i - b.offset! + 1;
      case 'FOLLOWING':
        return isStart ? i + b.offset! : i + b.offset! + 1;
    }
  };
  const lo = Math.max(0, position(frame.start, true));
  const hi = Math.min(n, position(frame.end, false));
  return [lo, Math.max(lo, hi)];
}

function navigate(
  f: WindowFunctionSpec,
  arg: (k: number, i: number) => unknown,
  lo: number,
  hi: number,
  i: number,
): unknown {
  void i;
  const values: unknown[] = [];
  for (let j = lo; j < hi; j++) {
    const v = arg(0, j);
    if (!(f.ignoreNulls && v === null)) values.push(v);
  }
  switch (f.function) {
    case 'first_value':
      return values.length > 0 ? values[0] : null;
    case 'last_value':
      return values.length > 0 ? values[values.length - 1] : null;
    default: {
      const nth = Number(arg(1, lo < hi ? lo : 0));
      if (!(nth >= 1)) throw new TrinoError('INVALID_FUNCTION_ARGUMENT', 'Offset must be at least 1');
      return nth <= values.length ? values[nth - 1] : null;
    }
  }
}

function aggregateFrame(
  f: WindowFunctionSpec,
  columns: unknown[][],
  rows: readonly number[],
  lo: number,
  hi: number,
): unknown {
  const acc = createAccumulator(f.function, f.argumentTypes, f.resultType, false);
  const count = hi - lo;
  if (count > 0) {
    const args = f.argumentChannels.map((c) => {
      const values = new Array<unknown>(count);
      for (let j = 0; j < count; j++) values[j] = columns[c][rows[lo + j]];
      return blockFromValues(values);
    });
    let mask: Uint8Array | null = null;
    if (f.maskChannel !== undefined) {
      mask = new Uint8Array(count);
      for (let j = 0; j < count; j++) mask[j] = columns[f.maskChannel][rows[lo + j]] === true ? 1 : 0;
    }
    acc.add(new Int32Array(count), args, count, mask);
  }
  return valueAt(acc.result(1), 0);
}
