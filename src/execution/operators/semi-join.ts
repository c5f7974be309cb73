/**
 * SemiJoin (decorrelated EXISTS): hashes the source rows by their keys, then marks each input row
 * with whether a source row matches its keys (NULL keys never match) and passes the filter.
 */
import { blockFromValues, valueAt, type Block } from '../block';
import { joinKey } from './hash-join';
import type { CompiledFilter } from '../expression-compiler';
import type { Page } from '../page';
import type { PageStream } from './page-stream';

export interface SemiJoinSpec {
  readonly inputKeys: readonly number[];
  readonly sourceKeys: readonly number[];
  readonly inputWidth: number;
  readonly sourceWidth: number;
  /** Over (input columns, source columns). */
  readonly filter?: CompiledFilter;
}

export async function* semiJoin(input: PageStream, source: PageStream, spec: SemiJoinSpec): PageStream {
  const columns: unknown[][] = Array.from({ length: spec.sourceWidth }, () => []);
  const index = new Map<unknown, number[]>();
  let rowCount = 0;
  for await (const page of source) {
    for (let i = 0; i < page.positionCount; i++, rowCount++) {
      const key = joinKey(page.blocks, spec.sourceKeys, i);
      if (key === null) continue;
      if (spec.filter)
        for (let c = 0; c < spec.sourceWidth; c++) columns[c][rowCount] = valueAt(page.blocks[c], i);
      const rows = index.get(key);
      if (rows) rows.push(rowCount);
      else index.set(key, [rowCount]);
    }
  }
  for await (const page of input) {
    const marks = new Array<unknown>(page.positionCount).fill(false);
    const probeRows: number[] = [];
    const buildRows: number[] = [];
    for (let i = 0; i < page.positionCount; i++) {
      const key = joinKey(page.blocks, spec.inputKeys, i);
      const matches = key === null ? undefined : index.get(key);
      if (!matches) continue;
      if (!spec.filter) {
        marks[i] = true;
        continue;
      }
      for (const r of matches) {
        probeRows.push(i);
        buildRows.push(r);
      }
    }
    if (spec.filter && probeRows.length > 0) {
      const pairs = pairPage(page, probeRows, columns, buildRows, spec.inputWidth);
      const { positions, count } = spec.filter(pairs);
      for (let p = 0; p < count; p++) marks[probeRows[positions[p]]] = true;
    }
    yield { positionCount: page.positionCount, blocks: [...page.blocks, blockFromValues(marks)] };
  }
}

function pairPage(
  probe: Page,
  probeRows: readonly number[],
  build: unknown[][],
  buildRows: readonly number[],
  inputWidth: number,
): Page {
  const n = probeRows.length;
  const blocks: Block[] = [];
  for (let c = 0; c < inputWidth; c++)
    blocks.push(blockFromValues(probeRows.map((r) => valueAt(probe.blocks[c], r))));
  for (const col of build) blocks.push(blockFromValues(buildRows.map((r) => col[r] ?? null)));
  return { positionCount: n, blocks };
}
