/**
 * The random streams ORDERS and LINEITEM share. An order's status and total price depend on its
 * lines, so the orders generator draws the lines' quantity, discount, tax, part and ship date
 * from the same streams (same seeds) that the lineitem generator uses to write them.
 */

import { START_DATE, TOTAL_DATE_RANGE } from '../dates';
import { RandomBoundedInt, RandomBoundedKey } from '../random';
import { PART_SCALE_BASE, scaledTotal } from '../scaling';

export const MAX_LINES_PER_ORDER = 7;
/** Latest ship (121 days) plus receipt (30 days) delay, kept inside the calendar. */
const ITEM_SHIP_DAYS = 121 + 30;
/** Order dates run from 1992-01-01 to 151 days before the calendar ends. */
export const LAST_ORDER_DATE = START_DATE + (TOTAL_DATE_RANGE - ITEM_SHIP_DAYS - 1);
/** From this scale factor dbgen draws customer and part keys from its 64-bit stream. */
export const SCALE_FACTOR_64_BIT_KEYS = 30000;

export const orderDateStream = (): RandomBoundedInt =>
  new RandomBoundedInt(1066728069, START_DATE, LAST_ORDER_DATE);
export const lineCountStream = (): RandomBoundedInt =>
  new RandomBoundedInt(1434868289, 1, MAX_LINES_PER_ORDER);
export const quantityStream = (): RandomBoundedInt =>
  new RandomBoundedInt(209208115, 1, 50, MAX_LINES_PER_ORDER);
/** Percent. */
export const discountStream = (): RandomBoundedInt =>
  new RandomBoundedInt(554590007, 0, 10, MAX_LINES_PER_ORDER);
/** Percent. */
export const taxStream = (): RandomBoundedInt => new RandomBoundedInt(721958466, 0, 8, MAX_LINES_PER_ORDER);
/** Days after the order date. */
export const shipDateStream = (): RandomBoundedInt =>
  new RandomBoundedInt(1769349045, 1, 121, MAX_LINES_PER_ORDER);

export function partKeyStream(scaleFactor: number): RandomBoundedKey {
  return new RandomBoundedKey(
    1808217256,
    scaleFactor >= SCALE_FACTOR_64_BIT_KEYS,
    1,
    scaledTotal(PART_SCALE_BASE, scaleFactor),
    MAX_LINES_PER_ORDER,
  );
}
