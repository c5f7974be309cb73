/**
 * Aggregates that keep the best values by an ordering: max_by/min_by (x of the largest/smallest y,
 * and its 3-argument form returning the n best), and min/max with an n argument (Trino's
 * MaxByAggregationFunction, MaxByNAggregationFunction, MaxNAggregationFunction).
 */
import { TrinoError } from '../../errors';
import type { SqlType } from '../../types';
import { comparatorFor } from '../../functions/values-compare';
import { type Block, blockFromValues, valueAt } from '../block';
import type { GroupedAccumulator } from './accumulators';

/** Trino's MAX_NUMBER_OF_VALUES for the n-forms. */
const MAX_N = 10000;

/** max_by(x, y) / min_by(x, y): rows with a NULL y are skipped; the first of equal y's wins. */
export class ValueByKey implements GroupedAccumulator {
  private readonly keys: unknown[] = [];
  private readonly values: unknown[] = [];
  private readonly compare: (a: unknown, b: unknown) => number;
  constructor(
    keyType: SqlType,
    private readonly max: boolean,
  ) {
    this.compare = comparatorFor(keyType, max);
  }
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    for (let i = 0; i < count; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      const k = valueAt(args[1], i);
      if (k === null) continue;
      const g = groupIds[i];
      const cur = this.keys[g];
      if (cur === undefined || (this.max ? this.compare(k, cur) > 0 : this.compare(k, cur) < 0)) {
        this.keys[g] = k;
        this.values[g] = valueAt(args[0], i);
      }
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => (this.keys[g] === undefined ? null : this.values[g])),
    );
  }
}

/** Reads and checks the n argument of the n-forms (constant per call, read from the first row). */
function checkN(raw: unknown, message: string): number {
  const n = Number(raw);
  if (!(n > 0)) throw new TrinoError('INVALID_FUNCTION_ARGUMENT', `${message} must be ${positive(message)}`);
  if (n > MAX_N)
    throw new TrinoError(
      'INVALID_FUNCTION_ARGUMENT',
      `${message} must be less than or equal to ${MAX_N}; found ${String(raw)}`,
    );
  return n;
}

function positive(message: string): string {
  return message.startsWith('third') ? 'a positive integer' : 'positive';
}

/**
 * The n best entries per group, by key. `keyArg`/`valueArg`/`nArg` say which arguments hold the
 * ordering key, the returned value and n: max(x, n) is (0, 0, 1), max_by(x, y, n) is (1, 0, 2).
 * Each group's candidates are cut back to n whenever they reach 2n, so memory stays O(n).
 */
export class TopN implements GroupedAccumulator {
  private readonly entries: [unknown, unknown][][] = [];
  private n = 0;
  private readonly compare: (a: unknown, b: unknown) => number;
  constructor(
    keyType: SqlType,
    max: boolean,
    private readonly keyArg: number,
    private readonly valueArg: number,
    private readonly nArg: number,
    private readonly nMessage: string,
  ) {
    const ascending = comparatorFor(keyType, max);
    // best first: descending for max, ascending for min; Array.sort is stable, so earlier rows win ties
    this.compare = max ? (a, b) => ascending(b, a) : ascending;
  }
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    for (let i = 0; i < count; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      const k = valueAt(args[this.keyArg], i);
      if (k === null) continue;
      if (this.n === 0) {
        const n = valueAt(args[this.nArg], i);
        if (n === null) continue;
        this.n = checkN(n, this.nMessage);
      }
      const list = (this.entries[groupIds[i]] ??= []);
      list.push([k, valueAt(args[this.valueArg], i)]);
      if (list.length >= 2 * this.n) this.prune(list);
    }
  }
  private prune(list: [unknown, unknown][]): void {
    list.sort((a, b) => this.compare(a[0], b[0]));
    list.length = Math.min(list.length, this.n);
  }
  result(groupCount: number): Block {
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => {
        const list = this.entries[g];
        if (!list) return null;
        this.prune(list);
        return list.map((e) => e[1]);
      }),
    );
  }
}
