/**
 * HashJoin: builds a hash table over the right (build) input's join keys, then streams the left
 * (probe) input. Supports INNER, LEFT, RIGHT and FULL with SQL NULL semantics (a NULL key never
 * matches), an extra non-equi filter evaluated on candidate pairs, and — with no keys — a
 * nested-loop cross join. Output columns: left's, then right's.
 */
import { type Block, blockFromValues, takePositions, valueAt } from '../block';
import { encodeKeyPart } from '../aggregation/group-by-hash';
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
}

/**
 * The build side keeps its pages as they came; a build row is (page, position), so nothing is
 * copied until a row is part of the output.
 */
export interface BuildSide {
  readonly pages: Page[];
  readonly rowPage: number[];
  readonly rowPosition: number[];
  readonly rowCount: number;
  readonly index: Map<unknown, number[]>;
}

export async function build(
  source: PageStream,
  keys: readonly number[],
  memory?: QueryMemoryContext,
): Promise<BuildSide> {
  const pages: Page[] = [];
  const rowPage: number[] = [];
  const rowPosition: number[] = [];
  const index = new Map<unknown, number[]>();
  let row = 0;
  for await (const page of source) {
    memory?.reserve('HashBuilderOperator', pageBytes(page) + 24 * page.positionCount);
    const p = pages.length;
    pages.push(page);
    for (let i = 0; i < page.positionCount; i++, row++) {
      rowPage.push(p);
      rowPosition.push(i);
      const key = joinKey(page.blocks, keys, i);
      if (key === null) continue;
      const rows = index.get(key);
      if (rows) rows.push(row);
      else index.set(key, [row]);
    }
  }
  return { pages, rowPage, rowPosition, rowCount: row, index };
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

export async function* hashJoin(
  left: PageStream,
  right: PageStream,
  spec: JoinSpec,
  memory?: QueryMemoryContext,
): PageStream {
  const side = await build(right, spec.rightKeys, memory);
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
export class PairBuffer {
  constructor(
    private readonly leftWidth: number,
    private readonly rightWidth: number,
    private readonly side: BuildSide,
  ) {}

  pairsPage(probe: Page, leftRows: readonly number[], rightRows: readonly number[]): Page {
    const n = leftRows.length;
    const blocks: Block[] = [];
    const positions = Int32Array.from(leftRows);
    for (let c = 0; c < this.leftWidth; c++) blocks.push(takePositions(probe.blocks[c], positions, n));
    for (let c = 0; c < this.rightWidth; c++) blocks.push(this.buildColumn(c, rightRows));
    return { positionCount: n, blocks };
  }

  /** Build column `c` at the given build rows (-1 for NULL). */
  private buildColumn(c: number, rows: readonly number[]): Block {
    const { pages, rowPage, rowPosition } = this.side;
    const col = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      col[i] = r < 0 ? null : valueAt(pages[rowPage[r]].blocks[c], rowPosition[r]);
    }
    return blockFromValues(col);
  }

  buildOnlyPage(rows: readonly number[]): Page {
    const n = rows.length;
    const blocks: Block[] = [];
    for (let c = 0; c < this.leftWidth; c++) blocks.push(blockFromValues(new Array<unknown>(n).fill(null)));
    for (let c = 0; c < this.rightWidth; c++) blocks.push(this.buildColumn(c, rows));
    return { positionCount: n, blocks };
  }
}
