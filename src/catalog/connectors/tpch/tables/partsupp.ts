/**
 * PARTSUPP: four suppliers for every part, so 800,000 × SF rows. Splits divide the parts, and
 * the random streams advance once per part (four rows).
 */

import { type TpchBatch, fixedBatches } from '../batch';
import { partSupplierKey, totalSuppliers } from '../formulas';
import { RandomBoundedInt } from '../random';
import { RandomText } from '../random-values';
import { PART_SCALE_BASE, SUPPLIERS_PER_PART, partRowCount, partStartIndex } from '../scaling';
import { TextPool } from '../text-pool';

export function partSuppRowCount(scaleFactor: number, part: number, partCount: number): number {
  return SUPPLIERS_PER_PART * partRowCount(PART_SCALE_BASE, scaleFactor, part, partCount);
}

export function* generatePartSupp(
  scaleFactor: number,
  part: number,
  partCount: number,
  batchSize: number,
): Generator<TpchBatch> {
  const rowCount = partSuppRowCount(scaleFactor, part, partCount);
  if (rowCount === 0) return;
  const startPart = partStartIndex(PART_SCALE_BASE, scaleFactor, part, partCount);

  const quantities = new RandomBoundedInt(1671059989, 1, 9999, SUPPLIERS_PER_PART);
  const costs = new RandomBoundedInt(1051288424, 100, 100000, SUPPLIERS_PER_PART);
  const comments = new RandomText(1961692154, TextPool.get(), 124, SUPPLIERS_PER_PART);
  quantities.advanceRows(startPart);
  costs.advanceRows(startPart);
  comments.advanceRows(startPart);

  const suppliers = totalSuppliers(scaleFactor);
  let key = startPart + 1;
  let supplierNumber = 0;
  yield* fixedBatches(rowCount, batchSize, (n) => {
    const partKey = new Float64Array(n);
    const suppKey = new Float64Array(n);
    const availableQuantity = new Float64Array(n);
    const supplyCost = new Float64Array(n);
    const comment = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      partKey[i] = key;
      suppKey[i] = partSupplierKey(key, supplierNumber, suppliers);
      availableQuantity[i] = quantities.next();
      supplyCost[i] = costs.next();
      comment[i] = comments.next();
      if (++supplierNumber === SUPPLIERS_PER_PART) {
        quantities.rowFinished();
        costs.rowFinished();
        comments.rowFinished();
        supplierNumber = 0;
        key++;
      }
    }
    return { rowCount: n, columns: [partKey, suppKey, availableQuantity, supplyCost, comment] };
  });
}
