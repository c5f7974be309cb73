/** PART: 200,000 × SF rows. */

import { type TpchBatch, fixedBatches } from '../batch';
import { DISTRIBUTIONS } from '../dists';
import { partPriceCents } from '../formulas';
import { RandomBoundedInt, RandomInt } from '../random';
import { RandomText, RandomWordSequence } from '../random-values';
import { PART_SCALE_BASE, partRowCount, partStartIndex } from '../scaling';
import { TextPool } from '../text-pool';

const MANUFACTURERS = [1, 2, 3, 4, 5].map((m) => `Manufacturer#${m}`);
/** Brand m·10 + b for manufacturer m and b in 1..5, indexed by that number. */
const BRANDS: string[] = [];
for (let m = 1; m <= 5; m++) for (let b = 1; b <= 5; b++) BRANDS[m * 10 + b] = `Brand#${m * 10 + b}`;

export function partTableRowCount(scaleFactor: number, part: number, partCount: number): number {
  return partRowCount(PART_SCALE_BASE, scaleFactor, part, partCount);
}

export function* generatePart(
  scaleFactor: number,
  part: number,
  partCount: number,
  batchSize: number,
): Generator<TpchBatch> {
  const rowCount = partTableRowCount(scaleFactor, part, partCount);
  if (rowCount === 0) return;
  const start = partStartIndex(PART_SCALE_BASE, scaleFactor, part, partCount);

  const types = DISTRIBUTIONS.partTypes;
  const containers = DISTRIBUTIONS.partContainers;
  const names = new RandomWordSequence(709314158, 5, DISTRIBUTIONS.partColors);
  const manufacturers = new RandomBoundedInt(1, 1, 5);
  const brands = new RandomBoundedInt(46831694, 1, 5);
  const typeRandom = new RandomInt(1841581359, 1);
  const sizes = new RandomBoundedInt(1193163244, 1, 50);
  const containerRandom = new RandomInt(727633698, 1);
  const comments = new RandomText(804159733, TextPool.get(), 14);
  const streams = [names, manufacturers, brands, typeRandom, sizes, containerRandom, comments];
  for (const stream of streams) stream.advanceRows(start);

  let key = start + 1;
  yield* fixedBatches(rowCount, batchSize, (n) => {
    const partKey = new Float64Array(n);
    const name = new Array<string>(n);
    const manufacturer = new Array<string>(n);
    const brand = new Array<string>(n);
    const type = new Array<string>(n);
    const size = new Float64Array(n);
    const container = new Array<string>(n);
    const retailPrice = new Float64Array(n);
    const comment = new Array<string>(n);
    for (let i = 0; i < n; i++, key++) {
      const m = manufacturers.next();
      partKey[i] = key;
      name[i] = names.next();
      manufacturer[i] = MANUFACTURERS[m - 1];
      brand[i] = BRANDS[m * 10 + brands.next()];
      type[i] = types.randomValue(typeRandom);
      size[i] = sizes.next();
      container[i] = containers.randomValue(containerRandom);
      retailPrice[i] = partPriceCents(key);
      comment[i] = comments.next();
      for (let s = 0; s < streams.length; s++) streams[s].rowFinished();
    }
    return {
      rowCount: n,
      columns: [partKey, name, manufacturer, brand, type, size, container, retailPrice, comment],
    };
  });
}
