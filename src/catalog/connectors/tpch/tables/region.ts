/** REGION: the five regions of dists.dss, each with a comment. Not split: part 1 has them all. */

import { type TpchBatch, fixedBatches } from '../batch';
import { DISTRIBUTIONS } from '../dists';
import { RandomText } from '../random-values';
import { TextPool } from '../text-pool';

export function regionRowCount(part: number): number {
  return part === 1 ? DISTRIBUTIONS.regions.size : 0;
}

export function* generateRegion(part: number, batchSize: number): Generator<TpchBatch> {
  if (regionRowCount(part) === 0) return;
  const regions = DISTRIBUTIONS.regions;
  const comments = new RandomText(1500869201, TextPool.get(), 72);
  let index = 0;
  yield* fixedBatches(regionRowCount(part), batchSize, (n) => {
    const regionKey = new Float64Array(n);
    const name = new Array<string>(n);
    const comment = new Array<string>(n);
    for (let i = 0; i < n; i++, index++) {
      regionKey[i] = index;
      name[i] = regions.values[index];
      comment[i] = comments.next();
      comments.rowFinished();
    }
    return { rowCount: n, columns: [regionKey, name, comment] };
  });
}
