/**
 * Aggregates that collect values per group: array_agg, map_agg, multimap_agg and listagg (Trino's
 * ArrayAggregationFunction, MapAggregationFunction, MultimapAggregationFunction,
 * ListaggAggregationFunction). They keep input order, so an ORDER BY inside the call (see
 * OrderedAccumulator) decides the order of the result.
 */
import { TrinoError } from '../../errors';
import type { SqlType } from '../../types';
import { identityKeyFor } from '../../functions/values-compare';
import { type Block, blockFromValues, valueAt } from '../block';
import type { GroupedAccumulator } from './accumulators';

/** array_agg(x): every value including NULLs; NULL for a group without rows. */
export class ArrayAgg implements GroupedAccumulator {
  private readonly lists: unknown[][] = [];
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    const b = args[0];
    for (let i = 0; i < count; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      (this.lists[groupIds[i]] ??= []).push(valueAt(b, i));
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(Array.from({ length: groupCount }, (_, g) => this.lists[g] ?? null));
  }
}

/**
 * map_agg(k, v): NULL keys are skipped; for a repeated key the first value stays (Trino's
 * KeyValuePairs ignores later duplicates).
 */
export class MapAgg implements GroupedAccumulator {
  private readonly maps: { keys: Set<unknown>; entries: [unknown, unknown][] }[] = [];
  private readonly keyOf: (v: unknown) => unknown;
  constructor(keyType: SqlType) {
    this.keyOf = identityKeyFor(keyType);
  }
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    for (let i = 0; i < count; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      const k = valueAt(args[0], i);
      if (k === null) continue;
      const m = (this.maps[groupIds[i]] ??= { keys: new Set(), entries: [] });
      const id = this.keyOf(k);
      if (m.keys.has(id)) continue;
      m.keys.add(id);
      m.entries.push([k, valueAt(args[1], i)]);
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(Array.from({ length: groupCount }, (_, g) => this.maps[g]?.entries ?? null));
  }
}

/**
 * Per group, one entry per distinct non-NULL first argument, in first-seen order, updated by each
 * of its rows (multimap_agg, histogram); a group without entries gives NULL.
 */
abstract class KeyedEntries<V> implements GroupedAccumulator {
  private readonly maps: Map<unknown, [unknown, V]>[] = [];
  private readonly keyOf: (v: unknown) => unknown;
  constructor(keyType: SqlType) {
    this.keyOf = identityKeyFor(keyType);
  }
  protected abstract initial(): V;
  /** The entry's next value after row i. */
  protected abstract update(value: V, args: readonly Block[], i: number): V;
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    for (let i = 0; i < count; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      const k = valueAt(args[0], i);
      if (k === null) continue;
      const m = (this.maps[groupIds[i]] ??= new Map());
      const id = this.keyOf(k);
      let entry = m.get(id);
      if (!entry) m.set(id, (entry = [k, this.initial()]));
      entry[1] = this.update(entry[1], args, i);
    }
  }
  result(groupCount: number): Block {
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => {
        const m = this.maps[g];
        return m ? [...m.values()] : null;
      }),
    );
  }
}

/** multimap_agg(k, v): map(K, array(V)) of all values per key, NULL keys skipped. */
export class MultimapAgg extends KeyedEntries<unknown[]> {
  protected initial(): unknown[] {
    return [];
  }
  protected update(values: unknown[], args: readonly Block[], i: number): unknown[] {
    values.push(valueAt(args[1], i));
    return values;
  }
}

/** histogram(x): map(X, bigint) of how often each non-NULL value occurs. */
export class Histogram extends KeyedEntries<number> {
  protected initial(): number {
    return 0;
  }
  protected update(n: number): number {
    return n + 1;
  }
}

/** Trino's limit on listagg's output (DEFAULT_MAX_PAGE_SIZE_IN_BYTES). */
export const LISTAGG_MAX_OUTPUT_BYTES = 1048576;

interface ListaggOptions {
  readonly separator: string;
  readonly overflowError: boolean;
  readonly filler: string;
  readonly withCount: boolean;
}

/**
 * listagg(x [, separator] [, overflow…]): NULLs are skipped; past 1 MiB of UTF-8 output it fails
 * (ON OVERFLOW ERROR, the default) or stops at the last whole value and appends the filler and,
 * WITH COUNT, `(n)` omitted values. The separator and the parser's ON OVERFLOW encoding
 * ('ERROR' | 'TRUNCATE', filler, with count) are constant arguments, read from the first row.
 */
export class Listagg implements GroupedAccumulator {
  private readonly lists: string[][] = [];
  private options: ListaggOptions = { separator: '', overflowError: true, filler: '...', withCount: false };
  private optionsRead = false;
  add(groupIds: Int32Array, args: readonly Block[], count: number, mask: Uint8Array | null): void {
    for (let i = 0; i < count; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      if (!this.optionsRead) this.readOptions(args, i);
      const v = valueAt(args[0], i) as string | null;
      if (v !== null) (this.lists[groupIds[i]] ??= []).push(v);
    }
  }
  private readOptions(args: readonly Block[], i: number): void {
    const at = (k: number): unknown => (args.length > k ? valueAt(args[k], i) : null);
    this.options = {
      separator: (at(1) as string | null) ?? '',
      overflowError: at(2) !== 'TRUNCATE',
      filler: (at(3) as string | null) ?? '...',
      withCount: at(4) === true,
    };
    this.optionsRead = true;
  }
  result(groupCount: number): Block {
    return blockFromValues(
      Array.from({ length: groupCount }, (_, g) => {
        const list = this.lists[g];
        return list ? this.concatenate(list) : null;
      }),
    );
  }
  private concatenate(list: readonly string[]): string {
    const { separator, overflowError, filler, withCount } = this.options;
    const separatorBytes = Buffer.byteLength(separator);
    let bytes = 0;
    let emitted = 0;
    for (const v of list) {
      const required = Buffer.byteLength(v) + (emitted > 0 ? separatorBytes : 0);
      if (bytes + required > LISTAGG_MAX_OUTPUT_BYTES) {
        if (overflowError)
          throw new TrinoError(
            'EXCEEDED_FUNCTION_MEMORY_LIMIT',
            `Concatenated string has the length in bytes larger than the maximum output length ${LISTAGG_MAX_OUTPUT_BYTES}`,
          );
        const head = list.slice(0, emitted).join(separator);
        return `${head}${emitted > 0 ? separator : ''}${filler}${withCount ? `(${list.length - emitted})` : ''}`;
      }
      bytes += required;
      emitted++;
    }
    return list.join(separator);
  }
}
