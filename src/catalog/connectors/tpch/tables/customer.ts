/** CUSTOMER: 150,000 × SF rows. */

import { KeyNameFormatter } from '../ascii';
import { type TpchBatch, fixedBatches } from '../batch';
import { DISTRIBUTIONS } from '../dists';
import { RandomBoundedInt, RandomInt } from '../random';
import { RandomAlphaNumeric, RandomPhoneNumber, RandomText } from '../random-values';
import { CUSTOMER_SCALE_BASE, partRowCount, partStartIndex } from '../scaling';
import { TextPool } from '../text-pool';

export function customerRowCount(scaleFactor: number, part: number, partCount: number): number {
  return partRowCount(CUSTOMER_SCALE_BASE, scaleFactor, part, partCount);
}

export function* generateCustomer(
  scaleFactor: number,
  part: number,
  partCount: number,
  batchSize: number,
): Generator<TpchBatch> {
  const rowCount = customerRowCount(scaleFactor, part, partCount);
  if (rowCount === 0) return;
  const start = partStartIndex(CUSTOMER_SCALE_BASE, scaleFactor, part, partCount);

  const segments = DISTRIBUTIONS.marketSegments;
  const addresses = new RandomAlphaNumeric(881155353, 25);
  const nationKeys = new RandomBoundedInt(1489529863, 0, DISTRIBUTIONS.nations.size - 1);
  const phones = new RandomPhoneNumber(1521138112);
  const balances = new RandomBoundedInt(298370230, -99999, 999999);
  const segmentRandom = new RandomInt(1140279430, 1);
  const comments = new RandomText(1335826707, TextPool.get(), 73);
  const streams = [addresses, nationKeys, phones, balances, segmentRandom, comments];
  for (const stream of streams) stream.advanceRows(start);

  const names = new KeyNameFormatter('Customer#');
  let key = start + 1;
  yield* fixedBatches(rowCount, batchSize, (n) => {
    const custKey = new Float64Array(n);
    const name = new Array<string>(n);
    const address = new Array<string>(n);
    const nationKey = new Float64Array(n);
    const phone = new Array<string>(n);
    const accountBalance = new Float64Array(n);
    const marketSegment = new Array<string>(n);
    const comment = new Array<string>(n);
    for (let i = 0; i < n; i++, key++) {
      const nation = nationKeys.next();
      custKey[i] = key;
      name[i] = names.format(key);
      address[i] = addresses.next();
      nationKey[i] = nation;
      phone[i] = phones.next(nation);
      accountBalance[i] = balances.next();
      marketSegment[i] = segments.randomValue(segmentRandom);
      comment[i] = comments.next();
      for (let s = 0; s < streams.length; s++) streams[s].rowFinished();
    }
    return {
      rowCount: n,
      columns: [custKey, name, address, nationKey, phone, accountBalance, marketSegment, comment],
    };
  });
}
