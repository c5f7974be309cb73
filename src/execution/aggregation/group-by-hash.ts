/**
 * GroupByHash: assigns a dense group id to each distinct combination of key values.
 *
 * Specialized as DataFusion's group_values are: one numeric key uses a Map keyed by the number
 * itself (no string building); any other key set uses a string encoding of the values. The first
 * row of each group keeps its key values for the output.
 */
import type { Block } from '../block';
import { valueAt } from '../block';

export class GroupByHash {
  private readonly numberGroups = new Map<number, number>();
  private readonly keyGroups = new Map<string, number>();
  private nullGroup = -1;
  /** Key values of each group, by key column. */
  readonly keyValues: unknown[][];
  groupCount = 0;

  constructor(private readonly keyCount: number) {
    this.keyValues = Array.from({ length: keyCount }, () => []);
  }

  /** Group ids of a page's rows (key blocks given in key order). */
  groupIds(keys: readonly Block[], positionCount: number): Int32Array {
    const ids = new Int32Array(positionCount);
    if (this.keyCount === 0) {
      if (this.groupCount === 0) this.groupCount = 1;
      return ids; // the single global group
    }
    const only = keys[0];
    if (this.keyCount === 1 && only.kind === 'number') {
      const values = only.values;
      const nulls = only.nulls;
      for (let i = 0; i < positionCount; i++) {
        if (nulls !== null && nulls[i] !== 0) {
          ids[i] = this.nullGroup >= 0 ? this.nullGroup : (this.nullGroup = this.newGroup([null]));
          continue;
        }
        const v = values[i];
        let id = this.numberGroups.get(v);
        if (id === undefined) {
          id = this.newGroup([v]);
          this.numberGroups.set(v, id);
        }
        ids[i] = id;
      }
      return ids;
    }
    const row = new Array<unknown>(this.keyCount);
    for (let i = 0; i < positionCount; i++) {
      let key = '';
      for (let k = 0; k < this.keyCount; k++) {
        const v = valueAt(keys[k], i);
        row[k] = v;
        key += encodeKeyPart(v);
      }
      let id = this.keyGroups.get(key);
      if (id === undefined) {
        id = this.newGroup(row);
        this.keyGroups.set(key, id);
      }
      ids[i] = id;
    }
    return ids;
  }

  private newGroup(row: readonly unknown[]): number {
    for (let k = 0; k < this.keyCount; k++) this.keyValues[k].push(row[k]);
    return this.groupCount++;
  }
}

/**
 * An unambiguous text form of one key value: a type tag, then the value; strings are
 * length-prefixed so that no two different tuples encode alike. Numbers use the same tag as
 * bigints so that equal Int64 values in either form meet (normalized values never differ).
 */
export function encodeKeyPart(v: unknown): string {
  if (v === null) return 'N;';
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? 'i0;' : Number.isNaN(v) ? 'nan;' : `i${v};`;
    case 'bigint':
      return `i${v};`;
    case 'string':
      return `s${v.length}:${v}`;
    case 'boolean':
      return v ? 'T;' : 'F;';
    default:
      return `o${stableJson(v)};`;
  }
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? Array.from(x) : x,
  );
}
