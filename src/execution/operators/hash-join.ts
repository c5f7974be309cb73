/**
 * HashJoin: builds a hash table over the right (build) input's join keys, then streams the left
 * (probe) input. Supports INNER, LEFT, RIGHT and FULL with SQL NULL semantics (a NULL key never
 * matches), an extra non-equi filter evaluated on candidate pairs, and — with no keys — a
 * nested-loop cross join. Output columns: left's, then right's.
 *
 * The build side is dictionary-coded (aggregation/key-dictionary.ts): each distinct key gets a
 * dense id, and the build rows are laid out grouped by key id (a counting sort, so rows of one
 * key keep their input order). Probing looks the probe page's keys up column by column, without
 * inserting, and gathers matches as Int32Array positions; output columns are typed-array gathers.
 */
import {
  type Block,
  concatBlocks,
  type NumberBlock,
  numberBlock,
  takePositions,
  takePositionsOrNull,
  type ValueBlock,
  valueBlock,
} from '../block';
import { ColumnDictionary, TupleTable } from '../aggregation/key-dictionary';
import type { CompiledFilter } from '../expression-compiler';
import { pageBytes, type QueryMemoryContext } from '../memory-context';
import type { Page } from '../page';
import { type PageStream, TARGET_PAGE_ROWS } from './page-stream';

export interface JoinSpec {
  readonly type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';
  readonly leftKeys: readonly number[];
  readonly rightKeys: readonly number[];
  readonly leftWidth: number;
  readonly rightWidth: number;
  /** Over the concatenated (left, right) layout. */
  readonly filter?: CompiledFilter;
  /**
   * The channels of the concatenated (left, right) layout to output, in order; all when absent.
   * The consumer's unused columns are then never gathered.
   */
  readonly outputChannels?: readonly number[];
}

/** The build rows, their columns concatenated, and the rows of each key id in order. */
export class BuildSide {
  readonly rowCount: number;
  /** The build pages as they arrived; build row numbers count through them in order. */
  readonly pages: readonly Page[];
  /** Build columns concatenated over all build rows, on first use (a semi join needs none). */
  private readonly columns: (Block | undefined)[];
  /** The first build row of each page. */
  private readonly pageStarts: Int32Array;
  /** Rows of key id k: rowsByKey[keyStart[k] .. keyStart[k + 1]). */
  private readonly keyStart: Int32Array;
  private readonly rowsByKey: Int32Array;
  private readonly dictionaries: ColumnDictionary[];
  private readonly tuples: TupleTable | null;
  private scratch: Int32Array[] = [];
  /**
   * Direct addressing (a "perfect hash"): a single integer key whose values span a range of at most
   * 8 slots per build row (4 bytes each, less than a hash table's entry) uses key - min as its id,
   * with no hash table at all. Surrogate keys (dense, and in key order) then build and probe in
   * memory order, also when a hash-partitioned build side holds only every n-th key.
   */
  private directMin = Number.NaN;

  constructor(pages: readonly Page[], keys: readonly number[]) {
    this.pages = pages;
    this.columns = new Array<Block | undefined>(pages[0]?.blocks.length ?? 0);
    let rows = 0;
    this.pageStarts = new Int32Array(pages.length);
    pages.forEach((p, i) => {
      this.pageStarts[i] = rows;
      rows += p.positionCount;
    });
    this.rowCount = rows;
    this.dictionaries = keys.map(() => new ColumnDictionary(false));
    this.tuples = keys.length >= 2 ? new TupleTable(keys.length) : null;
    const keyIds = new Int32Array(rows);
    const range = keys.length === 1 ? integerRange(pages, keys[0]) : undefined;
    let directKeys = -1;
    if (range !== undefined && range.max - range.min < Math.min(Math.max(8 * rows, 1024), 1 << 27)) {
      this.directMin = range.min;
      directKeys = range.max - range.min + 1;
      let at = 0;
      for (const p of pages) {
        const b = p.blocks[keys[0]] as NumberBlock;
        const values = b.values;
        const nulls = b.nulls;
        for (let i = 0; i < p.positionCount; i++, at++)
          keyIds[at] = nulls !== null && nulls[i] !== 0 ? -1 : values[i] - range.min;
      }
    } else if (keys.length === 0) keyIds.fill(0);
    else {
      // page by page: the key columns need no concatenated copy
      let at = 0;
      for (const p of pages) {
        const keyBlocks = keys.map((k) => p.blocks[k]);
        this.keyIdsOf(keyBlocks, p.positionCount, keyIds.subarray(at, at + p.positionCount), true);
        at += p.positionCount;
      }
    }
    const keyCount =
      directKeys >= 0
        ? directKeys
        : keys.length === 0
          ? rows > 0
            ? 1
            : 0
          : this.tuples
            ? this.tuples.size
            : this.dictionaries[0].size;
    const start = new Int32Array(keyCount + 1);
    for (let r = 0; r < rows; r++) if (keyIds[r] >= 0) start[keyIds[r] + 1]++;
    for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
    const fill = start.slice(0, keyCount);
    const rowsByKey = new Int32Array(start[keyCount]);
    for (let r = 0; r < rows; r++) {
      const k = keyIds[r];
      if (k >= 0) rowsByKey[fill[k]++] = r;
    }
    this.keyStart = start;
    this.rowsByKey = rowsByKey;
  }

  /**
   * Build column c at build rows `rows` (-1: NULL), gathered from the build pages directly: a
   * concatenated copy of the column would touch every build row, the gather only the matched ones.
   */
  gather(c: number, rows: Int32Array, count: number): Block {
    const pages = this.pages;
    if (pages.length <= 1) return takePositionsOrNull(this.column(c), rows, count);
    const first = pages[0].blocks[c];
    const big = first.kind === 'number' && first.bigintValues === true;
    const sameForm = pages.every((p) => {
      const b = p.blocks[c];
      return b.kind === first.kind && (b.kind !== 'number' || (b.bigintValues === true) === big);
    });
    if (first.kind === 'boolean' || !sameForm) return takePositionsOrNull(this.column(c), rows, count);
    const starts = this.pageStarts;
    const locate = (r: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= r) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    if (first.kind === 'value') {
      const out = new Array<unknown>(count);
      for (let i = 0; i < count; i++) {
        const r = rows[i];
        if (r < 0) out[i] = null;
        else {
          const p = locate(r);
          out[i] = (pages[p].blocks[c] as ValueBlock).values[r - starts[p]];
        }
      }
      return valueBlock(out);
    }
    const out = new Float64Array(count);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < count; i++) {
      const r = rows[i];
      if (r < 0) {
        (nulls ??= new Uint8Array(count))[i] = 1;
        continue;
      }
      const p = locate(r);
      const b = pages[p].blocks[c] as NumberBlock;
      const at = r - starts[p];
      if (b.nulls !== null && b.nulls[at] !== 0) (nulls ??= new Uint8Array(count))[i] = 1;
      else out[i] = b.values[at];
    }
    return numberBlock(out, nulls, big);
  }

  /** Build column c over all build rows. */
  column(c: number): Block {
    let block = this.columns[c];
    if (block === undefined) {
      block = this.pages.length === 0 ? valueBlock([]) : concatBlocks(this.pages.map((p) => p.blocks[c]));
      this.columns[c] = block;
    }
    return block;
  }

  /** Probe ids in direct mode: key - min where some build row has that key, else -1. */
  private directIds(block: Block, count: number, out: Int32Array): void {
    const min = this.directMin;
    const start = this.keyStart;
    const keys = start.length - 1;
    const idOf = (v: number): number => {
      const k = v - min;
      return k >= 0 && k < keys && Number.isInteger(k) && start[k + 1] > start[k] ? k : -1;
    };
    if (block.kind === 'number') {
      const values = block.values;
      const nulls = block.nulls;
      for (let i = 0; i < count; i++) out[i] = nulls !== null && nulls[i] !== 0 ? -1 : idOf(values[i]);
    } else if (block.kind === 'value') {
      const values = block.values;
      for (let i = 0; i < count; i++) {
        const v = values[i];
        out[i] =
          typeof v === 'number'
            ? idOf(v)
            : typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n
              ? idOf(Number(v))
              : -1;
      }
    } else out.fill(-1, 0, count);
  }

  /** Key ids of rows (-1: a NULL key, or with !insert a key the build side does not have). */
  private keyIdsOf(keyBlocks: readonly Block[], count: number, out: Int32Array, insert: boolean): void {
    if (this.tuples === null) {
      this.dictionaries[0].idsOf(keyBlocks[0], count, out, insert, false);
      return;
    }
    if (this.scratch.length === 0 || this.scratch[0].length < count)
      this.scratch = this.dictionaries.map(() => new Int32Array(count));
    for (let k = 0; k < keyBlocks.length; k++)
      this.dictionaries[k].idsOf(keyBlocks[k], count, this.scratch[k], insert, false);
    this.tuples.tupleIds(this.scratch, count, out, insert);
  }

  /** The key id of each probe row (-1: no build row can match). */
  probe(keyBlocks: readonly Block[], count: number): Int32Array {
    const out = new Int32Array(count);
    if (this.dictionaries.length === 0) {
      if (this.rowCount === 0) out.fill(-1);
      return out;
    }
    if (this.directMin === this.directMin) this.directIds(keyBlocks[0], count, out);
    else this.keyIdsOf(keyBlocks, count, out, false);
    return out;
  }

  /** Key ids run from 0 to keyCount - 1. */
  get keyCount(): number {
    return this.keyStart.length - 1;
  }

  /** First index in rowsOf order of key id k's rows, and one past the last. */
  matchStart(k: number): number {
    return this.keyStart[k];
  }
  matchEnd(k: number): number {
    return this.keyStart[k + 1];
  }
  /** The build row at index j of the key-grouped order. */
  rowAt(j: number): number {
    return this.rowsByKey[j];
  }
}

export async function build(
  source: PageStream,
  keys: readonly number[],
  memory?: QueryMemoryContext,
): Promise<BuildSide> {
  const pages: Page[] = [];
  for await (const page of source) {
    memory?.reserve('HashBuilderOperator', pageBytes(page) + 12 * page.positionCount);
    pages.push(page);
  }
  return new BuildSide(pages, keys);
}

/** A growable list of (probe row, build row) pairs. */
export class PairList {
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  count = 0;

  push(l: number, r: number): void {
    if (this.count === this.left.length) {
      const left = new Int32Array(this.count * 2);
      left.set(this.left);
      const right = new Int32Array(this.count * 2);
      right.set(this.right);
      this.left = left;
      this.right = right;
    }
    this.left[this.count] = l;
    this.right[this.count++] = r;
  }

  clear(): void {
    this.count = 0;
  }
}

/** Appends every (probe row, matching build row) pair of a probe page to `pairs`. */
export function matchPairs(side: BuildSide, ids: Int32Array, count: number, pairs: PairList): void {
  for (let i = 0; i < count; i++) {
    const k = ids[i];
    if (k < 0) continue;
    const end = side.matchEnd(k);
    for (let j = side.matchStart(k); j < end; j++) pairs.push(i, side.rowAt(j));
  }
}

export async function* hashJoin(
  left: PageStream,
  right: PageStream,
  spec: JoinSpec,
  memory?: QueryMemoryContext,
): PageStream {
  const side = await build(right, spec.rightKeys, memory);
  const buildMatched = spec.type === 'RIGHT' || spec.type === 'FULL' ? new Uint8Array(side.rowCount) : null;
  const out = new PairBuffer(spec.leftWidth, spec.rightWidth, side, spec.outputChannels);
  const pairs = new PairList();

  for await (const page of left) {
    const n = page.positionCount;
    const probeMatched = spec.type === 'LEFT' || spec.type === 'FULL' ? new Uint8Array(n) : null;
    pairs.clear();
    const ids = side.probe(
      spec.leftKeys.map((c) => page.blocks[c]),
      n,
    );
    matchPairs(side, ids, n, pairs);
    let leftRows = pairs.left;
    let rightRows = pairs.right;
    let count = pairs.count;
    // candidate pairs, filtered by the non-equi condition (over every column)
    if (spec.filter && count > 0) {
      const { positions, count: kept } = spec.filter(out.pairsPage(page, leftRows, rightRows, count, true));
      const keptLeft = new Int32Array(kept);
      const keptRight = new Int32Array(kept);
      for (let p = 0; p < kept; p++) {
        keptLeft[p] = leftRows[positions[p]];
        keptRight[p] = rightRows[positions[p]];
      }
      leftRows = keptLeft;
      rightRows = keptRight;
      count = kept;
    }
    if (probeMatched) for (let p = 0; p < count; p++) probeMatched[leftRows[p]] = 1;
    if (buildMatched) for (let p = 0; p < count; p++) buildMatched[rightRows[p]] = 1;
    if (count > 0) yield out.pairsPage(page, leftRows, rightRows, count);
    if (probeMatched) {
      const unmatched = new Int32Array(n);
      let u = 0;
      for (let i = 0; i < n; i++) if (!probeMatched[i]) unmatched[u++] = i;
      if (u > 0) yield out.pairsPage(page, unmatched, new Int32Array(u).fill(-1), u);
    }
  }
  if (buildMatched) {
    const unmatched: number[] = [];
    for (let r = 0; r < side.rowCount; r++) if (!buildMatched[r]) unmatched.push(r);
    for (let start = 0; start < unmatched.length; start += TARGET_PAGE_ROWS) {
      yield out.buildOnlyPage(Int32Array.from(unmatched.slice(start, start + TARGET_PAGE_ROWS)));
    }
  }
}

/** Builds output pages of (left row, right row) pairs; right row -1 means NULLs. */
export class PairBuffer {
  /** The output channels of the concatenated (left, right) layout. */
  private readonly channels: readonly number[];

  constructor(
    private readonly leftWidth: number,
    private readonly rightWidth: number,
    private readonly side: BuildSide,
    channels?: readonly number[],
  ) {
    this.channels = channels ?? Array.from({ length: leftWidth + rightWidth }, (_, c) => c);
  }

  /** The pairs' output columns, or with `all` every column (for the join filter). */
  pairsPage(probe: Page, leftRows: Int32Array, rightRows: Int32Array, count: number, all = false): Page {
    const blocks: Block[] = [];
    // each probe row matched once, in order (a foreign key probing its primary key): no copy
    let identity = count === probe.positionCount;
    for (let i = 0; identity && i < count; i++) identity = leftRows[i] === i;
    const column = (c: number) =>
      c < this.leftWidth
        ? identity
          ? probe.blocks[c]
          : takePositions(probe.blocks[c], leftRows, count)
        : this.side.gather(c - this.leftWidth, rightRows, count);
    if (all) for (let c = 0; c < this.leftWidth + this.rightWidth; c++) blocks.push(column(c));
    else for (const c of this.channels) blocks.push(column(c));
    return { positionCount: count, blocks };
  }

  /** Output columns of build rows without a probe match (NULL probe columns). */
  buildOnlyPage(rows: Int32Array): Page {
    const n = rows.length;
    const blocks = this.channels.map((c) =>
      c < this.leftWidth
        ? valueBlock(new Array<unknown>(n).fill(null))
        : this.side.gather(c - this.leftWidth, rows, n),
    );
    return { positionCount: n, blocks };
  }
}

/** The least and greatest value of an all-integer number column over pages, if it is one. */
function integerRange(pages: readonly Page[], c: number): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const p of pages) {
    const b = p.blocks[c];
    if (b.kind !== 'number') return undefined;
    const values = b.values;
    const nulls = b.nulls;
    for (let i = 0; i < p.positionCount; i++) {
      if (nulls !== null && nulls[i] !== 0) continue;
      const v = values[i];
      if (!Number.isInteger(v)) return undefined;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : undefined;
}
