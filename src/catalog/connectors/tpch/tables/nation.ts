/**
 * NATION: the 25 nations of dists.dss. Their "weights" there are not weights but steps whose
 * running sum is the nation's region key. Not split: part 1 has them all.
 */

import { type TpchBatch, fixedBatches } from '../batch';
import { DISTRIBUTIONS } from '../dists';
import { RandomText } from '../random-values';
import { TextPool } from '../text-pool';

export function nationRowCount(part: number): number {
  return part === 1 ? DISTRIBUTIONS.nations.size : 0;
}

export function* generateNation(part: number, batchSize: number): Generator<TpchBatch> {
  if (nationRowCount(part) === 0) return;
  const nations = DISTRIBUTIONS.nations;
  const comments = new RandomText(606179079, TextPool.get(), 72);
  let index = 0;
  yield* fixedBatches(nationRowCount(part), batchSize, (n) => {
    const nationKey = new Float64Array(n);
    const name = new Array<string>(n);
    const regionKey = new Float64Array(n);
    const comment = new Array<string>(n);
    for (let i = 0; i < n; i++, index++) {
      nationKey[i] = index;
      name[i] = nations.values[index];
      regionKey[i] = nations.cumulativeWeights[index];
      comment[i] = comments.next();
      comments.rowFinished();
    }
    return { rowCount: n, columns: [nationKey, name, regionKey, comment] };
  });
}
