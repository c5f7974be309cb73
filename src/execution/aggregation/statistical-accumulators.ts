/**
 * Two-variable statistics (Trino's CovarianceAggregation, CorrelationAggregation,
 * RegressionAggregation: corr, covar_samp, covar_pop, regr_slope, regr_intercept, all (y, x)) and
 * geometric_mean. Moments are updated online (Welford), per group, in double precision; rows
 * where either argument is NULL are skipped.
 */
import type { SqlType } from '../../types';
import { type Block, blockFromValues, valueAt } from '../block';
import type { GroupedAccumulator } from './accumulators';

/** A converter from a numeric type's values to doubles (decimals carry their scale). */
export function doubleOf(type: SqlType): (v: unknown) => number {
  if (type.kind === 'decimal') {
    const scale = 10 ** type.scale;
    return (v) => Number(v as number | bigint) / scale;
  }
  return (v) => Number(v as number | bigint);
}

export type BivariateKind = 'corr' | 'covar_samp' | 'covar_pop' | 'regr_slope' | 'regr_intercept';

export class Bivariate implements GroupedAccumulator {
  private readonly n: number[] = [];
  private readonly meanX: number[] = [];
  private readonly meanY: number[] = [];
  private readonly m2x: number[] = [];
  private readonly m2y: number[] = [];
  private readonly c2: number[] = [];
  private readonly y: (v: unknown) => number;
  private readonly x: (v: unknown) => number;
  constructor(
    private readonly kind: BivariateKind,
    yType: SqlType,
    xType: SqlType,
    private readonly real: boolean,
  ) {
    this.y = doubleOf(yType);
    this.x = doubleOf(xType);
  }
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    for (let i = 0; i < count; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      const ry = valueAt(args[0], i);
      const rx = valueAt(args[1], i);
      if (ry === null || rx === null) continue;
      const y = this.y(ry);
      const x = this.x(rx);
      const g = groupIds[i];
      const n = (this.n[g] ?? 0) + 1;
      const dx = x - (this.meanX[g] ?? 0);
      const dy = y - (this.meanY[g] ?? 0);
      const meanX = (this.meanX[g] ?? 0) + dx / n;
      const meanY = (this.meanY[g] ?? 0) + dy / n;
      this.n[g] = n;
      this.meanX[g] = meanX;
      this.meanY[g] = meanY;
      this.c2[g] = (this.c2[g] ?? 0) + dx * (y - meanY);
      this.m2x[g] = (this.m2x[g] ?? 0) + dx * (x - meanX);
      this.m2y[g] = (this.m2y[g] ?? 0) + dy * (y - meanY);
    }
  }
  private value(g: number): number | null {
    const n = this.n[g] ?? 0;
    switch (this.kind) {
      case 'covar_pop':
        return n === 0 ? null : this.c2[g] / n;
      case 'covar_samp':
        return n < 2 ? null : this.c2[g] / (n - 1);
      case 'corr':
        return n < 2 ? null : this.c2[g] / (Math.sqrt(this.m2x[g]) * Math.sqrt(this.m2y[g]));
      case 'regr_slope': {
        const slope = n === 0 ? NaN : this.c2[g] / this.m2x[g];
        return Number.isFinite(slope) ? slope : null;
      }
      case 'regr_intercept': {
        const slope = n === 0 ? NaN : this.c2[g] / this.m2x[g];
        const intercept = this.meanY[g] - slope * this.meanX[g];
        return Number.isFinite(intercept) ? intercept : null;
      }
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => {
        const v = this.value(g);
        return v === null || !this.real ? v : Math.fround(v);
      }),
    );
  }
}

/** geometric_mean(x) = exp(avg(ln x)); negative inputs give NaN as in Trino. */
export class GeometricMean implements GroupedAccumulator {
  private readonly n: number[] = [];
  private readonly logSum: number[] = [];
  private readonly x: (v: unknown) => number;
  constructor(
    type: SqlType,
    private readonly real: boolean,
  ) {
    this.x = doubleOf(type);
  }
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    for (let i = 0; i < count; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      const raw = valueAt(args[0], i);
      if (raw === null) continue;
      const g = groupIds[i];
      this.n[g] = (this.n[g] ?? 0) + 1;
      this.logSum[g] = (this.logSum[g] ?? 0) + Math.log(this.x(raw));
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => {
        const n = this.n[g];
        if (!n) return null;
        const v = Math.exp(this.logSum[g] / n);
        return this.real ? Math.fround(v) : v;
      }),
    );
  }
}
