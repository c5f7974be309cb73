/**
 * ORDERS: 1,500,000 × SF rows. Keys are sparse (see `orderKey`); a third of the customers
 * (keys divisible by 3) never order. Total price and status are computed from the order's lines,
 * drawn from the streams LINEITEM uses, so the two tables agree.
 */

import { KeyNameFormatter } from '../ascii';
import { type TpchBatch, fixedBatches } from '../batch';
import { isInPast } from '../dates';
import { DISTRIBUTIONS } from '../dists';
import { orderKey, partPriceCents } from '../formulas';
import { RandomBoundedInt, RandomBoundedKey, RandomInt } from '../random';
import { RandomText } from '../random-values';
import {
  CUSTOMER_SCALE_BASE,
  ORDERS_SCALE_BASE,
  partRowCount,
  partStartIndex,
  scaledTotal,
} from '../scaling';
import { TextPool } from '../text-pool';
import {
  SCALE_FACTOR_64_BIT_KEYS,
  discountStream,
  lineCountStream,
  orderDateStream,
  partKeyStream,
  quantityStream,
  shipDateStream,
  taxStream,
} from './order-streams';

// local bindings: looking up the global `Math` is slow inside a vm context (jest)
const { floor, min } = Math;

const CUSTOMER_MORTALITY = 3;
const CLERK_SCALE_BASE = 1000;

export function ordersRowCount(scaleFactor: number, part: number, partCount: number): number {
  return partRowCount(ORDERS_SCALE_BASE, scaleFactor, part, partCount);
}

/** `Clerk#000000123`; the first 100,000 are kept, as every order repeats one of them. */
const clerkNames: string[] = [];
const clerkFormatter = new KeyNameFormatter('Clerk#');
function clerkName(clerk: number): string {
  let name = clerkNames[clerk];
  if (name === undefined) {
    name = clerkFormatter.format(clerk);
    if (clerk <= 100_000) clerkNames[clerk] = name;
  }
  return name;
}

export function* generateOrders(
  scaleFactor: number,
  part: number,
  partCount: number,
  batchSize: number,
): Generator<TpchBatch> {
  const rowCount = ordersRowCount(scaleFactor, part, partCount);
  if (rowCount === 0) return;
  const start = partStartIndex(ORDERS_SCALE_BASE, scaleFactor, part, partCount);

  const priorities = DISTRIBUTIONS.orderPriorities;
  const maxCustomerKey = scaledTotal(CUSTOMER_SCALE_BASE, scaleFactor);
  const orderDates = orderDateStream();
  const lineCounts = lineCountStream();
  const customerKeys = new RandomBoundedKey(
    851767375,
    scaleFactor >= SCALE_FACTOR_64_BIT_KEYS,
    1,
    maxCustomerKey,
  );
  const priorityRandom = new RandomInt(591449447, 1);
  const clerks = new RandomBoundedInt(
    1171034773,
    1,
    Math.max(Math.trunc(scaleFactor * CLERK_SCALE_BASE), CLERK_SCALE_BASE),
  );
  const comments = new RandomText(276090261, TextPool.get(), 49);
  const quantities = quantityStream();
  const discounts = discountStream();
  const taxes = taxStream();
  const partKeys = partKeyStream(scaleFactor);
  const shipDates = shipDateStream();
  const streams = [
    orderDates,
    lineCounts,
    customerKeys,
    priorityRandom,
    clerks,
    comments,
    quantities,
    discounts,
    taxes,
    partKeys,
    shipDates,
  ];
  for (const stream of streams) stream.advanceRows(start);

  let index = start + 1;
  yield* fixedBatches(rowCount, batchSize, (n) => {
    const orderKeyColumn = new Float64Array(n);
    const custKey = new Float64Array(n);
    const orderStatus = new Array<string>(n);
    const totalPrice = new Float64Array(n);
    const orderDate = new Int32Array(n);
    const orderPriority = new Array<string>(n);
    const clerk = new Array<string>(n);
    const shipPriority = new Float64Array(n);
    const comment = new Array<string>(n);
    for (let i = 0; i < n; i++, index++) {
      const date = orderDates.next();

      let customer = customerKeys.next();
      for (let delta = 1; customer % CUSTOMER_MORTALITY === 0; delta = -delta) {
        customer = min(customer + delta, maxCustomerKey);
      }

      let total = 0;
      let shipped = 0;
      const lineCount = lineCounts.next();
      for (let line = 0; line < lineCount; line++) {
        const quantity = quantities.next();
        const discount = discounts.next();
        const tax = taxes.next();
        const extendedPrice = partPriceCents(partKeys.next()) * quantity;
        // dbgen rounds down after the discount and again after the tax
        const discounted = floor((extendedPrice * (100 - discount)) / 100);
        total += floor((discounted * (100 + tax)) / 100);
        if (isInPast(date + shipDates.next())) shipped++;
      }

      orderKeyColumn[i] = orderKey(index);
      custKey[i] = customer;
      orderStatus[i] = shipped === lineCount ? 'F' : shipped > 0 ? 'P' : 'O';
      totalPrice[i] = total;
      orderDate[i] = date;
      orderPriority[i] = priorities.randomValue(priorityRandom);
      clerk[i] = clerkName(clerks.next());
      shipPriority[i] = 0;
      comment[i] = comments.next();
      for (let s = 0; s < streams.length; s++) streams[s].rowFinished();
    }
    return {
      rowCount: n,
      columns: [
        orderKeyColumn,
        custKey,
        orderStatus,
        totalPrice,
        orderDate,
        orderPriority,
        clerk,
        shipPriority,
        comment,
      ],
    };
  });
}
