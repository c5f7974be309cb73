/**
 * Expected statistics of a column whose rows are independent draws from a known distribution:
 * the expected number of distinct values, and the *median* of the smallest and largest value
 * (a value the column really can hold, unlike the mean of the extreme).
 *
 * With n draws, a value of probability p shows up with probability 1 − (1 − p)^n; the distinct
 * count is the sum of that over the values. The smallest value is ≤ v with probability
 * 1 − (1 − F(v))^n, which passes ½ once F(v) ≥ τ(n) = 1 − ½^(1/n).
 */

// local bindings: looking up the global `Math` is slow inside a vm context (jest)
const { ceil, expm1, floor, log, log1p } = Math;

const LOG_HALF = log(0.5);

/** τ(n): the probability mass below (or above) the median extreme of n draws. */
export function extremeMass(n: number): number {
  return -expm1(LOG_HALF / n);
}

/** Probability that a value of probability `p` appears at least once in `n` draws. */
export function appears(p: number, n: number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return 1;
  const x = n * log1p(-p);
  return x < -40 ? 1 : -expm1(x);
}

/** Expected distinct values of `n` draws from `k` equally likely values. */
export function uniformDistinct(k: number, n: number): number {
  return k <= 0 ? 0 : k * appears(1 / k, n);
}

export interface Extremes {
  readonly min: number;
  readonly max: number;
}

/** Median extremes of `n` draws from the integers low..high, all equally likely. */
export function uniformExtremes(low: number, high: number, n: number): Extremes | undefined {
  if (n < 1 || high < low) return undefined;
  const k = high - low + 1;
  // smallest j with P(min ≤ low + j) = 1 − (1 − (j + 1)/k)^n ≥ ½
  const j = Math.min(Math.max(0, ceil(k * extremeMass(n)) - 1), floor((k - 1) / 2));
  return { min: low + j, max: high - j };
}

/** Distinct count and median extremes of draws from a discrete distribution. */
export interface DrawStatistics {
  readonly distinct: number;
  readonly extremes: Extremes | undefined;
}

/**
 * `values` ascending with their probabilities (summing to 1, or to the share of a draw that
 * lands in this column when the rest is filtered away); `n` draws.
 */
export function discreteDraws(
  values: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  n: number,
): DrawStatistics {
  const tau = extremeMass(n);
  let distinct = 0;
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    distinct += appears(probabilities[i], n);
    total += probabilities[i];
  }
  if (n < 1 || total <= 0) return { distinct, extremes: undefined };
  let min = NaN;
  let cumulative = 0;
  for (let i = 0; i < values.length; i++) {
    if (probabilities[i] <= 0) continue;
    cumulative += probabilities[i];
    if (cumulative >= tau) {
      min = values[i];
      break;
    }
  }
  let max = NaN;
  cumulative = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    if (probabilities[i] <= 0) continue;
    cumulative += probabilities[i];
    if (cumulative >= tau) {
      max = values[i];
      break;
    }
  }
  if (Number.isNaN(min) || Number.isNaN(max)) return { distinct, extremes: undefined };
  return { distinct, extremes: { min: Math.min(min, max), max: Math.max(min, max) } };
}

/** A column of strings drawn with known probabilities: distinct count and their total length. */
export function categoricalDraws(
  values: readonly string[],
  probabilities: readonly number[],
  n: number,
): { distinct: number; dataSize: number } {
  let distinct = 0;
  let dataSize = 0;
  for (let i = 0; i < values.length; i++) {
    const seen = appears(probabilities[i], n);
    distinct += seen;
    dataSize += seen * values[i].length;
  }
  return { distinct, dataSize };
}

/** Probabilities of a dists.dss distribution's values (weights over their sum). */
export function weightsToProbabilities(cumulativeWeights: readonly number[]): number[] {
  const total = cumulativeWeights[cumulativeWeights.length - 1] ?? 0;
  return cumulativeWeights.map((w, i) => (w - (i === 0 ? 0 : cumulativeWeights[i - 1])) / total);
}
