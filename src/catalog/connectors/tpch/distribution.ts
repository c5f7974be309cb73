/**
 * A weighted list of values from dists.dss, and the draw dbgen makes from it: a uniform pick
 * from the values repeated by weight.
 */

import type { RandomInt } from './random';

/** [value, weight] pairs in file order. */
export type DistributionData = ReadonlyArray<readonly [string, number]>;

export class Distribution {
  readonly values: readonly string[];
  /** Running sums of the weights (for `nations` these are the region keys). */
  readonly cumulativeWeights: readonly number[];
  /** Value index repeated `weight` times; empty when some weight is not positive. */
  private readonly drawTable: Int32Array;

  constructor(
    readonly name: string,
    data: DistributionData,
  ) {
    this.values = data.map(([value]) => value);
    let running = 0;
    this.cumulativeWeights = data.map(([, weight]) => (running += weight));
    const drawable = data.every(([, weight]) => weight > 0);
    this.drawTable = new Int32Array(drawable ? running : 0);
    let value = 0;
    for (let i = 0; i < this.drawTable.length; i++) {
      while (i >= this.cumulativeWeights[value]) value++;
      this.drawTable[i] = value;
    }
  }

  get size(): number {
    return this.values.length;
  }

  /** Index into `values` of one weighted draw (one use of `random`). */
  randomIndex(random: RandomInt): number {
    const table = this.drawTable;
    if (table.length === 0) throw new Error(`TPC-H distribution ${this.name} has no weights to draw by`);
    return table[random.nextInt(0, table.length - 1)];
  }

  randomValue(random: RandomInt): string {
    return this.values[this.randomIndex(random)];
  }
}
