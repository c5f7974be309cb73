/**
 * SemiJoin (decorrelated EXISTS): hashes the source rows by their keys, then marks each input row
 * with whether a source row matches its keys (NULL keys never match) and passes the filter.
 */
import { blockFromValues } from '../block';
import type { QueryMemoryContext } from '../memory-context';
import { build, joinKey, PairBuffer } from './hash-join';
import type { CompiledFilter } from '../expression-compiler';
import type { PageStream } from './page-stream';

export interface SemiJoinSpec {
  readonly inputKeys: readonly number[];
  readonly sourceKeys: readonly number[];
  readonly inputWidth: number;
  readonly sourceWidth: number;
  /** Over (input columns, source columns). */
  readonly filter?: CompiledFilter;
}

export async function* semiJoin(
  input: PageStream,
  source: PageStream,
  spec: SemiJoinSpec,
  memory?: QueryMemoryContext,
): PageStream {
  // the build side and candidate-pair pages are the hash join's
  const side = await build(source, spec.sourceKeys, memory);
  const pairs = new PairBuffer(spec.inputWidth, spec.sourceWidth, side);
  for await (const page of input) {
    const marks = new Array<unknown>(page.positionCount).fill(false);
    const probeRows: number[] = [];
    const buildRows: number[] = [];
    for (let i = 0; i < page.positionCount; i++) {
      const key = joinKey(page.blocks, spec.inputKeys, i);
      const matches = key === null ? undefined : side.index.get(key);
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
      const { positions, count } = spec.filter(pairs.pairsPage(page, probeRows, buildRows));
      for (let p = 0; p < count; p++) marks[probeRows[positions[p]]] = true;
    }
    yield { positionCount: page.positionCount, blocks: [...page.blocks, blockFromValues(marks)] };
  }
}
