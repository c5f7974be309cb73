/**
 * GroupId: emits each input page once per grouping set, appending the set's copies of the key
 * columns (NULL where the key is not in the set) and the set's index as a bigint column.
 */
import { numberBlock, valueBlock, type Block } from '../block';
import type { PageStream } from './page-stream';

export async function* groupId(
  source: PageStream,
  keyChannels: readonly number[],
  sets: readonly (readonly number[])[],
): PageStream {
  for await (const page of source) {
    const n = page.positionCount;
    const nulls: Block = valueBlock(new Array<unknown>(n).fill(null));
    for (let s = 0; s < sets.length; s++) {
      const keys = keyChannels.map((c, i) => (sets[s].includes(i) ? page.blocks[c] : nulls));
      const id = numberBlock(new Float64Array(n).fill(s));
      yield { positionCount: n, blocks: [...page.blocks, ...keys, id] };
    }
  }
}
