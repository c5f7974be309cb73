/**
 * The calendar of ORDERS and LINEITEM as distributions (TPC-H 4.2.3): order dates uniform over
 * 1992-01-01 .. 1998-08-02, ship date = order date + 1..121 days, commit date = order date +
 * 30..90, receipt date = ship date + 1..30, one to seven lines per order, all uniform. A line has
 * shipped (status F) when its ship date is on or before 1995-06-17; an order is F when all its
 * lines have, O when none has, P otherwise.
 */

import { CURRENT_DATE, START_DATE } from '../../dates';
import { LAST_ORDER_DATE, MAX_LINES_PER_ORDER } from '../../tables/order-streams';

export const FIRST_ORDER_DATE = START_DATE;
export { LAST_ORDER_DATE };
const ORDER_DAYS = LAST_ORDER_DATE - START_DATE + 1;
const SHIP_DAYS = 121;

export type OrderStatus = 'F' | 'O' | 'P';
export const ORDER_STATUSES: readonly OrderStatus[] = ['F', 'O', 'P'];

/** A distribution over consecutive days: probabilities[i] is the chance of day `first + i`. */
export interface DayDistribution {
  readonly first: number;
  readonly probabilities: Float64Array;
}

export function dayValues(distribution: DayDistribution): Float64Array {
  const out = new Float64Array(distribution.probabilities.length);
  for (let i = 0; i < out.length; i++) out[i] = distribution.first + i;
  return out;
}

/** Share of a line's ship-date offsets (1..121) that keep it on or before the current date. */
function shippedShare(orderDate: number): number {
  const days = CURRENT_DATE - orderDate;
  return (days <= 0 ? 0 : days >= SHIP_DAYS ? SHIP_DAYS : days) / SHIP_DAYS;
}

function statusProbability(status: OrderStatus, orderDate: number, lines: number): number {
  const shipped = shippedShare(orderDate);
  const all = shipped ** lines;
  const none = (1 - shipped) ** lines;
  return status === 'F' ? all : status === 'O' ? none : 1 - all - none;
}

/** The orders whose status is in a set: their order dates and line counts. */
export interface StatusSlice {
  /** Share of all orders in the slice. */
  readonly share: number;
  /** P(order date = day and status in the slice), over all orders. */
  readonly orderDates: DayDistribution;
  /** Line-count mix within the slice: lineWeights[L − 1] = P(L lines | status in the slice). */
  readonly lineWeights: readonly number[];
}

const sliceCache = new Map<string, StatusSlice>();

export function statusSlice(statuses: readonly OrderStatus[]): StatusSlice {
  const key = [...statuses].sort().join('');
  let slice = sliceCache.get(key);
  if (slice !== undefined) return slice;
  const probabilities = new Float64Array(ORDER_DAYS);
  const lineWeights = new Array<number>(MAX_LINES_PER_ORDER).fill(0);
  let share = 0;
  for (let i = 0; i < ORDER_DAYS; i++) {
    for (let lines = 1; lines <= MAX_LINES_PER_ORDER; lines++) {
      let p = 0;
      for (const status of statuses) p += statusProbability(status, START_DATE + i, lines);
      p /= ORDER_DAYS * MAX_LINES_PER_ORDER;
      probabilities[i] += p;
      lineWeights[lines - 1] += p;
      share += p;
    }
  }
  slice = {
    share,
    orderDates: { first: START_DATE, probabilities },
    lineWeights: lineWeights.map((w) => (share > 0 ? w / share : 0)),
  };
  sliceCache.set(key, slice);
  return slice;
}

/** Order date + an offset uniform over low..high (both lists of offsets convolved first). */
function orderDatePlus(offsets: readonly (readonly [number, number])[]): DayDistribution {
  let offsetFirst = 0;
  let offsetProbabilities = new Float64Array([1]);
  for (const [low, high] of offsets) {
    const width = high - low + 1;
    const next = new Float64Array(offsetProbabilities.length + width - 1);
    for (let i = 0; i < offsetProbabilities.length; i++) {
      for (let j = 0; j < width; j++) next[i + j] += offsetProbabilities[i] / width;
    }
    offsetFirst += low;
    offsetProbabilities = next;
  }
  const probabilities = new Float64Array(ORDER_DAYS + offsetProbabilities.length - 1);
  for (let d = 0; d < ORDER_DAYS; d++) {
    for (let j = 0; j < offsetProbabilities.length; j++)
      probabilities[d + j] += offsetProbabilities[j] / ORDER_DAYS;
  }
  return { first: START_DATE + offsetFirst, probabilities };
}

let shipDates: DayDistribution | null = null;
let commitDates: DayDistribution | null = null;
let receiptDates: DayDistribution | null = null;

export function shipDateDistribution(): DayDistribution {
  return (shipDates ??= orderDatePlus([[1, SHIP_DAYS]]));
}

export function commitDateDistribution(): DayDistribution {
  return (commitDates ??= orderDatePlus([[30, 90]]));
}

export function receiptDateDistribution(): DayDistribution {
  return (receiptDates ??= orderDatePlus([
    [1, SHIP_DAYS],
    [1, 30],
  ]));
}

/** P(day ≤ the current date 1995-06-17) under a distribution. */
export function shareOnOrBeforeCurrentDate(distribution: DayDistribution): number {
  let p = 0;
  for (let i = 0; i < distribution.probabilities.length && distribution.first + i <= CURRENT_DATE; i++) {
    p += distribution.probabilities[i];
  }
  return p;
}
