/**
 * HashJoin: builds a hash table over the right (build) input's join keys, then streams the left
 * (probe) input. Supports INNER, LEFT, RIGHT and FULL with SQL NULL semantics (a NULL key never
 * matches), an extra non-equi filter evaluated on candidate pairs, and — with no keys — a
 * nested-loop cross join. Output columns: left's, then right's.
 */
import { type Block, blockFromValues, valueAt } from '../block';
import { encodeKeyPart } from '../aggregation/group-by-hash';
import type { CompiledFilter } from '../expression-compiler';
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
}

interface BuildSide {
  readonly columns: unknown[][];
  readonly rowCount: number;
  readonly index: Map<unknown, number[]>;
}

async function build(source: PageStream, keys: readonly number[], width: number): Promise<BuildSide> {
  const columns: unknown[][] = Array.from({ length: width }, () => []);
  const index = new Map<unknown, number[]>();
  let row = 0;
  for await (const page of source) {
    for (let i = 0; i < page.positionCount; i++, row++) {
      for (let c = 0; c < width; c++) columns[c].push(valueAt(page.blocks[c], i));
      const key = joinKey(page.blocks, keys, i);
      if (key === null) continue;
      const rows = index.get(key);
      if (rows) rows.push(row);
      else index.set(key, [row]);
    }
  }
  return { columns, rowCount: row, index };
}

/** The hash key of a row, or null when a key column is NULL (never matches). */
export function joinKey(blocks: readonly Block[], keys: readonly number[], i: number): unknown {
  if (keys.length === 0) return '';
  if (keys.length === 1) {
    const v = valueAt(blocks[keys[0]], i);
    if (v === null) return null;
    return typeof v === 'number' || typeof v === 'string' ? v : encodeKeyPart(v);
  }
  let key = '';
  for (const k of keys) {
    const v = valueAt(blocks[k], i);
    if (v === null) return null;
    key += encodeKeyPart(v);
  }
  return key;
}

export async function* hashJoin(left: PageStream, right: PageStream, spec: JoinSpec): PageStream {
  const side = await build(right, spec.rightKeys, spec.rightWidth);
  const buildMatched = spec.type === 'RIGHT' || spec.type === 'FULL' ? new Uint8Array(side.rowCount) : null;
  const allRows = spec.rightKeys.length === 0 ? (side.index.get('') ?? []) : undefined;
  const out = new PairBuffer(spec.leftWidth, spec.rightWidth, side);

  for await (const page of left) {
    const probeMatched =
      spec.type === 'LEFT' || spec.type === 'FULL' ? new Uint8Array(page.positionCount) : null;
    const leftRows: number[] = [];
    const rightRows: number[] = [];
    for (let i = 0; i < page.positionCount; i++) {
      const key = allRows ? '' : joinKey(page.blocks, spec.leftKeys, i);
      const matches = allRows ?? (key === null ? undefined : side.index.get(key));
      if (!matches) continue;
      for (const r of matches) {
        leftRows.push(i);
        rightRows.push(r);
      }
    }
    // candidate pairs, filtered by the non-equi condition
    let pairs = out.pairsPage(page, leftRows, rightRows);
    if (spec.filter && pairs.positionCount > 0) {
      const { positions, count } = spec.filter(pairs);
      const keptLeft: number[] = [];
      const keptRight: number[] = [];
      for (let p = 0; p < count; p++) {
        keptLeft.push(leftRows[positions[p]]);
        keptRight.push(rightRows[positions[p]]);
      }
      pairs = out.pairsPage(page, keptLeft, keptRight);
      leftRows.length = 0;
      rightRows.length = 0;
      leftRows.push(...keptLeft);
      rightRows.push(...keptRight);
    }
    for (const i of leftRows) if (probeMatched) probeMatched[i] = 1;
    for (const r of rightRows) if (buildMatched) buildMatched[r] = 1;
    if (pairs.positionCount > 0) yield pairs;
    if (probeMatched) {
      const unmatched: number[] = [];
      for (let i = 0; i < page.positionCount; i++) if (!probeMatched[i]) unmatched.push(i);
      if (unmatched.length > 0)
        yield out.pairsPage(
          page,
          unmatched,
          unmatched.map(() => -1),
        );
    }
  }
  if (buildMatched) {
    const unmatched: number[] = [];
    for (let r = 0; r < side.rowCount; r++) if (!buildMatched[r]) unmatched.push(r);
    for (let start = 0; start < unmatched.length; start += TARGET_PAGE_ROWS) {
      yield out.buildOnlyPage(unmatched.slice(start, start + TARGET_PAGE_ROWS));
    }
  }
}

/** Builds output pages of (left row, right row) pairs; right row -1 means NULLs. */
class PairBuffer {
  constructor(
    private readonly leftWidth: number,
    private readonly rightWidth: number,
    private readonly side: BuildSide,
  ) {}

  pairsPage(probe: Page, leftRows: readonly number[], rightRows: readonly number[]): Page {
    const n = leftRows.length;
    const blocks: Block[] = [];
    for (let c = 0; c < this.leftWidth; c++) {
      const col = new Array<unknown>(n);
      for (let i = 0; i < n; i++) col[i] = valueAt(probe.blocks[c], leftRows[i]);
      blocks.push(blockFromValues(col));
    }
    for (let c = 0; c < this.rightWidth; c++) {
      const src = this.side.columns[c];
      const col = new Array<unknown>(n);
      for (let i = 0; i < n; i++) col[i] = rightRows[i] < 0 ? null : src[rightRows[i]];
      blocks.push(blockFromValues(col));
    }
    return { positionCount: n, blocks };
  }

  buildOnlyPage(rows: readonly number[]): Page {
    const n = rows.length;
    const blocks: Block[] = [];
    for (let c = 0; c < this.leftWidth; c++) blocks.push(blockFromValues(new Array<unknown>(n).fill(null)));
    for (let c = 0; c < this.rightWidth; c++)
      blocks.push(blockFromValues(rows.map((r) => this.side.columns[c][r])));
    return { positionCount: n, blocks };
  }
}
