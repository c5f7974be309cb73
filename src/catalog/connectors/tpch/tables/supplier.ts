/**
 * SUPPLIER: 10,000 × SF rows. One in a thousand suppliers has "Customer ... Complaints" or
 * "Customer ... Recommends" written over part of its comment (TPC-H Q16 looks for them).
 */

import { KeyNameFormatter } from '../ascii';
import { type TpchBatch, fixedBatches } from '../batch';
import { DISTRIBUTIONS } from '../dists';
import { RandomBoundedInt, RandomInt } from '../random';
import { RandomAlphaNumeric, RandomPhoneNumber, RandomText } from '../random-values';
import { SUPPLIER_SCALE_BASE, partRowCount, partStartIndex } from '../scaling';
import { TextPool } from '../text-pool';

const BBB_BASE = 'Customer ';
const BBB_COMPLAINT = 'Complaints';
const BBB_RECOMMEND = 'Recommends';
const BBB_LENGTH = BBB_BASE.length + BBB_COMPLAINT.length;
/** Suppliers per 10,000 that get a complaint or recommendation. */
const BBB_PER_SCALE_BASE = 10;
const BBB_COMPLAINT_PERCENT = 50;

export function supplierRowCount(scaleFactor: number, part: number, partCount: number): number {
  return partRowCount(SUPPLIER_SCALE_BASE, scaleFactor, part, partCount);
}

export function* generateSupplier(
  scaleFactor: number,
  part: number,
  partCount: number,
  batchSize: number,
): Generator<TpchBatch> {
  const rowCount = supplierRowCount(scaleFactor, part, partCount);
  if (rowCount === 0) return;
  const start = partStartIndex(SUPPLIER_SCALE_BASE, scaleFactor, part, partCount);

  const addresses = new RandomAlphaNumeric(706178559, 25);
  const nationKeys = new RandomBoundedInt(110356601, 0, DISTRIBUTIONS.nations.size - 1);
  const phones = new RandomPhoneNumber(884434366);
  const balances = new RandomBoundedInt(962338209, -99999, 999999);
  const comments = new RandomText(1341315363, TextPool.get(), 63);
  const bbbSelect = new RandomBoundedInt(202794285, 1, SUPPLIER_SCALE_BASE);
  const bbbJunk = new RandomInt(263032577, 1);
  const bbbOffset = new RandomInt(715851524, 1);
  const bbbType = new RandomBoundedInt(753643799, 0, 100);
  const streams = [addresses, nationKeys, phones, balances, comments, bbbSelect, bbbJunk, bbbOffset, bbbType];
  for (const stream of streams) stream.advanceRows(start);

  const names = new KeyNameFormatter('Supplier#');
  let key = start + 1;
  yield* fixedBatches(rowCount, batchSize, (n) => {
    const suppKey = new Float64Array(n);
    const name = new Array<string>(n);
    const address = new Array<string>(n);
    const nationKey = new Float64Array(n);
    const phone = new Array<string>(n);
    const accountBalance = new Float64Array(n);
    const comment = new Array<string>(n);
    for (let i = 0; i < n; i++, key++) {
      let text = comments.next();
      if (bbbSelect.next() <= BBB_PER_SCALE_BASE) {
        // "Customer " at a random offset, then after random noise the verdict
        const noise = bbbJunk.nextInt(0, text.length - BBB_LENGTH);
        const offset = bbbOffset.nextInt(0, text.length - (BBB_LENGTH + noise));
        const verdict = bbbType.next() < BBB_COMPLAINT_PERCENT ? BBB_COMPLAINT : BBB_RECOMMEND;
        const verdictAt = offset + BBB_BASE.length + noise;
        text =
          text.slice(0, offset) +
          BBB_BASE +
          text.slice(offset + BBB_BASE.length, verdictAt) +
          verdict +
          text.slice(verdictAt + verdict.length);
      }
      const nation = nationKeys.next();
      suppKey[i] = key;
      name[i] = names.format(key);
      address[i] = addresses.next();
      nationKey[i] = nation;
      phone[i] = phones.next(nation);
      accountBalance[i] = balances.next();
      comment[i] = text;
      for (let s = 0; s < streams.length; s++) streams[s].rowFinished();
    }
    return { rowCount: n, columns: [suppKey, name, address, nationKey, phone, accountBalance, comment] };
  });
}
