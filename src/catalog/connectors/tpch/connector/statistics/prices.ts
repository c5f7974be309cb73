/**
 * Statistics of the money columns derived from part prices: p_retailprice (exact),
 * l_extendedprice (expected values, from exact value multiplicities) and o_totalprice (modelled).
 *
 * A part's price is a function of its key (TPC-H 4.2.3): 90000 + (key/10 mod 20001) +
 * 100·(key mod 1000) cents. It repeats with period lcm(200010, 1000) = 20,001,000 keys, so the
 * multiset of prices of keys 1..N is counted exactly by walking at most one period.
 */

import { type Extremes, appears, extremeMass } from './sampling';

export const MIN_PART_PRICE = 90000;
export const MAX_PART_PRICE = 90000 + 20000 + 99900;
const PRICE_COUNT = MAX_PART_PRICE - MIN_PART_PRICE + 1;
const PRICE_PERIOD = 20_001_000;
const QUANTITIES = 50;

// local bindings: looking up the global `Math` is slow inside a vm context (jest)
const { ceil, floor, round } = Math;

function countPrices(into: Float64Array, keys: number, weight: number): void {
  for (let key = 1; key <= keys; key++) {
    into[(floor(key / 10) % 20001) + (key % 1000) * 100] += weight;
  }
}

let periodCounts: Float64Array | null = null;
const priceCountCache = new Map<number, Float64Array>();

/** How many of parts 1..partCount have each price (index: price − MIN_PART_PRICE). */
export function partPriceCounts(partCount: number): Float64Array {
  let counts = priceCountCache.get(partCount);
  if (counts !== undefined) return counts;
  counts = new Float64Array(PRICE_COUNT);
  const periods = floor(partCount / PRICE_PERIOD);
  if (periods > 0) {
    if (periodCounts === null) {
      periodCounts = new Float64Array(PRICE_COUNT);
      countPrices(periodCounts, PRICE_PERIOD, 1);
    }
    for (let i = 0; i < PRICE_COUNT; i++) counts[i] = periodCounts[i] * periods;
  }
  countPrices(counts, partCount - periods * PRICE_PERIOD, 1);
  if (priceCountCache.size > 16) priceCountCache.clear();
  priceCountCache.set(partCount, counts);
  return counts;
}

export interface PriceStatistics {
  readonly distinct: number;
  readonly extremes: Extremes | undefined;
}

/** p_retailprice: exact distinct count, minimum and maximum (cents). */
export function retailPriceStatistics(partCount: number): PriceStatistics {
  const counts = partPriceCounts(partCount);
  let distinct = 0;
  let min = -1;
  let max = -1;
  for (let i = 0; i < PRICE_COUNT; i++) {
    if (counts[i] === 0) continue;
    distinct++;
    if (min < 0) min = i;
    max = i;
  }
  return {
    distinct,
    extremes: min < 0 ? undefined : { min: MIN_PART_PRICE + min, max: MIN_PART_PRICE + max },
  };
}

/**
 * l_extendedprice = price(part) × quantity, part uniform over 1..partCount and quantity uniform
 * over 1..50, drawn `lines` times. A value v has multiplicity m_v = Σ count(price) over the
 * (price, quantity) pairs with price·quantity = v; its probability per line is
 * m_v / (50·partCount). Values are gathered a slice of the value range at a time to keep the
 * working array small.
 */
export function extendedPriceStatistics(partCount: number, lines: number): PriceStatistics {
  const counts = partPriceCounts(partCount);
  const maxValue = MAX_PART_PRICE * QUANTITIES;
  const slice = 1 << 20;
  const multiplicity = new Float64Array(slice);
  const scale = 1 / (QUANTITIES * partCount);
  const tau = extremeMass(lines);
  let distinct = 0;
  let cumulative = 0;
  let min = -1;
  let max = -1;
  for (let low = MIN_PART_PRICE; low <= maxValue; low += slice) {
    const high = Math.min(low + slice - 1, maxValue);
    multiplicity.fill(0);
    for (let q = 1; q <= QUANTITIES; q++) {
      const first = Math.max(MIN_PART_PRICE, ceil(low / q));
      const last = Math.min(MAX_PART_PRICE, floor(high / q));
      for (let price = first; price <= last; price++) {
        const count = counts[price - MIN_PART_PRICE];
        if (count !== 0) multiplicity[price * q - low] += count;
      }
    }
    for (let i = 0; i <= high - low; i++) {
      const m = multiplicity[i];
      if (m === 0) continue;
      const p = m * scale;
      distinct += appears(p, lines);
      // the largest value with P(X ≥ v) = 1 − P(X < v) ≥ τ
      if (1 - cumulative >= tau) max = low + i;
      cumulative += p;
      if (min < 0 && cumulative >= tau) min = low + i;
    }
  }
  return { distinct, extremes: min < 0 || max < 0 ? undefined : { min, max } };
}

/**
 * o_totalprice: Σ over the order's lines of floor(floor(price·q·(100 − d)/100)·(100 + t)/100)
 * cents, with 1–7 lines, discount d in 0..10 and tax t in 0..8 percent.
 *
 * - Distinct count: totals spread smoothly over some 31 million cents, so n orders behave like
 *   n draws from TOTAL_PRICE_DOMAIN equally likely values (measured from the generator: the
 *   fitted domain is 3.12e7 at SF 1 and 3.13e7 at SF 3).
 * - Minimum: below two lines' worth (2 × 0.9 × the cheapest price) only one-line orders of
 *   quantity 1 reach, so the lower tail is enumerated exactly from the price counts.
 * - Maximum: the upper tail of the mixture of 1..7-line sums, from the distribution of one
 *   line on 100-dollar bins convolved with itself.
 */
export const TOTAL_PRICE_DOMAIN = 3.13e7;

const TAX_DISCOUNT_FACTORS: Float64Array = (() => {
  const out = new Float64Array(11 * 9);
  for (let d = 0; d <= 10; d++) for (let t = 0; t <= 8; t++) out[d * 9 + t] = ((100 - d) * (100 + t)) / 10000;
  return out;
})();

function lineTotal(price: number, quantity: number, discount: number, tax: number): number {
  return floor((floor((price * quantity * (100 - discount)) / 100) * (100 + tax)) / 100);
}

const BIN = 10000;
const lineSumCache = new Map<number, Float64Array[]>();

/** Distributions of the sum of 1..7 lines' totals on BIN-cent bins (index: total / BIN). */
function lineSumDistributions(partCount: number): Float64Array[] {
  let sums = lineSumCache.get(partCount);
  if (sums !== undefined) return sums;
  const counts = partPriceCounts(partCount);
  const one = new Float64Array(ceil((MAX_PART_PRICE * QUANTITIES * 1.08) / BIN) + 2);
  // prices grouped by the dollar: the bins are a hundred dollars wide
  for (let dollar = MIN_PART_PRICE; dollar <= MAX_PART_PRICE; dollar += 100) {
    let weight = 0;
    let weightedPrice = 0;
    for (let price = dollar; price < dollar + 100 && price <= MAX_PART_PRICE; price++) {
      weight += counts[price - MIN_PART_PRICE];
      weightedPrice += counts[price - MIN_PART_PRICE] * price;
    }
    if (weight === 0) continue;
    const price = weightedPrice / weight;
    const share = weight / partCount / QUANTITIES / TAX_DISCOUNT_FACTORS.length;
    for (let q = 1; q <= QUANTITIES; q++) {
      for (let f = 0; f < TAX_DISCOUNT_FACTORS.length; f++) {
        one[round((price * q * TAX_DISCOUNT_FACTORS[f]) / BIN)] += share;
      }
    }
  }
  sums = [one];
  for (let lines = 2; lines <= 7; lines++) {
    const previous = sums[lines - 2];
    const next = new Float64Array(previous.length + one.length - 1);
    for (let i = 0; i < previous.length; i++) {
      const a = previous[i];
      if (a === 0) continue;
      for (let j = 0; j < one.length; j++) next[i + j] += a * one[j];
    }
    sums.push(next);
  }
  if (lineSumCache.size > 4) lineSumCache.clear();
  lineSumCache.set(partCount, sums);
  return sums;
}

/**
 * Median minimum and maximum of `orders` order totals, where `lineWeights[L − 1]` is the share
 * of those orders with L lines.
 */
export function totalPriceExtremes(
  partCount: number,
  orders: number,
  lineWeights: readonly number[],
): Extremes | undefined {
  if (orders < 1) return undefined;
  const tau = extremeMass(orders);
  const sums = lineSumDistributions(partCount);

  let max = -1;
  let tail = 0;
  const longest = sums[sums.length - 1].length;
  for (let bin = longest - 1; bin >= 0 && max < 0; bin--) {
    for (let lines = 1; lines <= sums.length; lines++) {
      const distribution = sums[lines - 1];
      if (bin < distribution.length) tail += lineWeights[lines - 1] * distribution[bin];
    }
    if (tail >= tau) max = bin * BIN;
  }

  let min = oneLineMinimum(partCount, tau, lineWeights[0]);
  if (min < 0) {
    let head = 0;
    for (let bin = 0; bin < longest && min < 0; bin++) {
      for (let lines = 1; lines <= sums.length; lines++) {
        const distribution = sums[lines - 1];
        if (bin < distribution.length) head += lineWeights[lines - 1] * distribution[bin];
      }
      if (head >= tau) min = bin * BIN;
    }
  }
  if (min < 0 || max < 0) return undefined;
  return { min: Math.min(min, max), max: Math.max(min, max) };
}

/**
 * The median minimum when it lies below every total of two lines or of one line of quantity 2
 * (2 × the cheapest line, at 10% discount and no tax): only one-line, quantity-1 orders reach
 * there, so the smallest x with P(total ≤ x) ≥ τ is found by adding up those orders' totals,
 * price by price upwards. Returns −1 when the minimum is not that low.
 */
function oneLineMinimum(partCount: number, tau: number, oneLineWeight: number): number {
  if (oneLineWeight <= 0) return -1;
  const counts = partPriceCounts(partCount);
  let cheapest = 0;
  while (cheapest < counts.length && counts[cheapest] === 0) cheapest++;
  if (cheapest === counts.length) return -1;
  const base = lineTotal(MIN_PART_PRICE + cheapest, 1, 10, 0);
  const bound = 2 * base;
  const mass = new Float64Array(bound - base);
  const perCombination = oneLineWeight / QUANTITIES / TAX_DISCOUNT_FACTORS.length / partCount;
  let settled = 0;
  let cumulative = 0;
  for (let i = cheapest; ; i++) {
    // no part from this price on can total less than its own lowest line: settle what is below
    const lowest = i < counts.length ? Math.min(lineTotal(MIN_PART_PRICE + i, 1, 10, 0), bound) : bound;
    for (; settled < lowest - base; settled++) {
      cumulative += mass[settled];
      if (cumulative >= tau) return base + settled;
    }
    if (lowest >= bound) return -1;
    const count = counts[i];
    if (count === 0) continue;
    for (let d = 0; d <= 10; d++) {
      for (let t = 0; t <= 8; t++) {
        const total = lineTotal(MIN_PART_PRICE + i, 1, d, t);
        if (total < bound) mass[total - base] += count * perCombination;
      }
    }
  }
}
