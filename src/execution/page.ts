/** A page: a batch of rows stored by column (one Block per column, all the same length). */
import { type Block, sliceBlock, takePositions, valueAt } from './block';

export interface Page {
  readonly positionCount: number;
  readonly blocks: readonly Block[];
}

export function page(blocks: readonly Block[], positionCount = blocks[0]?.positionCount ?? 0): Page {
  for (const b of blocks) {
    if (b.positionCount !== positionCount)
      throw new Error(`block has ${b.positionCount} positions, page has ${positionCount}`);
  }
  return { positionCount, blocks };
}

export function selectPositions(
  p: Page,
  positions: Int32Array | readonly number[],
  count = positions.length,
): Page {
  return { positionCount: count, blocks: p.blocks.map((b) => takePositions(b, positions, count)) };
}

export function slicePage(p: Page, start: number, length: number): Page {
  return { positionCount: length, blocks: p.blocks.map((b) => sliceBlock(b, start, length)) };
}

/** Rows of canonical values (for results, tests and row-at-a-time paths, never hot loops). */
export function pageRows(p: Page): unknown[][] {
  const rows: unknown[][] = new Array(p.positionCount);
  for (let r = 0; r < p.positionCount; r++) rows[r] = p.blocks.map((b) => valueAt(b, r));
  return rows;
}
