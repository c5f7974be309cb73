/**
 * SemiJoin (decorrelated EXISTS): hashes the source rows by their keys, then marks each input row
 * with whether a source row matches its keys (NULL keys never match) and passes the filter.
 */
import { booleanBlock } from '../block';
import type { QueryMemoryContext } from '../memory-context';
import { build, matchPairs, PairBuffer, PairList } from './hash-join';
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
  const buffer = new PairBuffer(spec.inputWidth, spec.sourceWidth, side);
  const pairs = new PairList();
  for await (const page of input) {
    const n = page.positionCount;
    const marks = new Uint8Array(n);
    const ids = side.probe(
      spec.inputKeys.map((c) => page.blocks[c]),
      n,
    );
    if (!spec.filter) {
      // a key id exists only for keys some source row has
      for (let i = 0; i < n; i++) if (ids[i] >= 0) marks[i] = 1;
    } else {
      pairs.clear();
      matchPairs(side, ids, n, pairs);
      if (pairs.count > 0) {
        const { positions, count } = spec.filter(
          buffer.pairsPage(page, pairs.left, pairs.right, pairs.count),
        );
        for (let p = 0; p < count; p++) marks[pairs.left[positions[p]]] = 1;
      }
    }
    yield { positionCount: n, blocks: [...page.blocks, booleanBlock(marks)] };
  }
}
