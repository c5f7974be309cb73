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
  for await (const page of source) {
    for (let c = 0; c < spec.width; c++) {
      const col = columns[c];
      const block = page.blocks[c];
      for (let i = 0; i < page.positionCount; i++) col.push(valueAt(block, i));
    }
  }
  const total = columns[0]?.length ?? 0;
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
    spec.functions.forEach((f, fi) => computeFunction(f, rows, columns, peerStart, peerEnd, results[fi]));
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
          const buckets = Number(arg(0, i));
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
    const [lo, hi] = frameBounds(f.frame, i, n, peerStart, peerEnd);
    if (NAVIGATION.has(f.function)) {
      out[rows[i]] = navigate(f, arg, lo, hi, i);
    } else {
      out[rows[i]] = aggregateFrame(f, columns, rows, lo, hi);
    }
  }
}

/** The frame of row i as [lo, hi) positions within the ordered partition. */
function frameBounds(
  frame: WindowFrameSpec,
  i: number,
  n: number,
  peerStart: Int32Array,
  peerEnd: Int32Array,
): [number, number] {
  const position = (b: WindowFrameSpec['start'], isStart: boolean): number => {
    switch (b.type) {
      case 'UNBOUNDED PRECEDING':
        return 0;
      case 'UNBOUNDED FOLLOWING':
        return n;
      case 'CURRENT ROW':
        if (frame.type === 'RANGE') return isStart ? peerStart[i] : peerEnd[i];
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
    acc.add(new Int32Array(count), args, count, null);
  }
  return valueAt(acc.result(1), 0);
}
