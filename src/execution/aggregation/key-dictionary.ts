/**
 * Hash keys without building strings: each key column has a ColumnDictionary that gives every
 * distinct value a dense id, and a TupleTable (open addressing over Int32Arrays) gives every
 * distinct tuple of column ids a dense id. A single key column needs only its dictionary. Group by
 * and hash join share them (DataFusion's group_values specialize the same way: primitive keys, byte
 * strings, and composite rows).
 *
 * Equal SQL values must meet whatever block form holds them: numbers and strings are their own Map
 * keys, a bigint that is a safe integer is looked up as its number (so an Int64 or long decimal
 * reads alike from a NumberBlock and from a ValueBlock), and other values (timestamps with zone,
 * arrays, rows, varbinary) by their encodeKeyPart text. A column has one SQL type, so the different
 * kinds of Map keys never stand for the same value.
 */
import type { Block } from '../block';

/** Ids of a column's distinct values; NULL is a value too (group by) unless lookups skip it. */
export class ColumnDictionary {
  /** Non-number keys (strings, bigints beyond ±2^53, encoded objects, booleans, null). */
  private readonly ids = new Map<unknown, number>();
  /** Number keys: open addressing over typed arrays (a Map of numbers is several times slower). */
  private numberKeys = new Float64Array(1024);
  private numberIds = new Int32Array(1024).fill(-1);
  private numberCount = 0;
  private nanId = -1;
  /**
   * Integer keys start out directly addressed: the id of key k is direct[k - directBase], in a
   * window that grows while it spans at most 8 slots per key (surrogate keys, dates, small
   * codes). The first key that would break that (or is not an integer) moves every key into the
   * number table, for good.
   */
  private direct: Int32Array | null = new Int32Array(0);
  private directBase = 0;
  /** The canonical value (src/types/values.ts) of each id. */
  readonly values: unknown[] = [];
  private count = 0;

  /** `keepValues` false: only ids are needed (join build sides), `values` stays empty. */
  constructor(private readonly keepValues = true) {}

  get size(): number {
    return this.count;
  }

  /**
   * Writes the id of each of the first `count` rows of `block` to `out`. With `insert`, unseen
   * values get new ids; without, they get -1. With `nullId` false, NULL rows get -1 and are never
   * inserted (join keys: NULL never matches).
   */
  idsOf(block: Block, count: number, out: Int32Array, insert: boolean, nullId: boolean): void {
    const ids = this.ids;
    switch (block.kind) {
      case 'number': {
        const values = block.values;
        const nulls = block.nulls;
        const big = block.bigintValues === true;
        const from =
          this.direct !== null ? this.directIdsOf(block.values, nulls, big, count, out, insert, nullId) : 0;
        // the number-table probe inlined: this loop is the hot path of group by and joins
        let keys = this.numberKeys;
        let table = this.numberIds;
        let mask = table.length - 1;
        for (let i = from; i < count; i++) {
          if (nulls !== null && nulls[i] !== 0) {
            out[i] = nullId ? this.lookup(null, null, insert) : -1;
            continue;
          }
          const v = values[i];
          if (v !== v) {
            out[i] = this.numberId(v, v, insert);
            continue;
          }
          const key = v + 0; // -0 → 0
          let slot = hashNumber(key) & mask;
          let id = table[slot];
          while (id >= 0 && keys[slot] !== key) {
            slot = (slot + 1) & mask;
            id = table[slot];
          }
          if (id < 0 && insert) {
            id = this.add(undefined, big ? BigInt(v) : v);
            keys[slot] = key;
            table[slot] = id;
            if (++this.numberCount * 2 > table.length) {
              this.growNumbers();
              keys = this.numberKeys;
              table = this.numberIds;
              mask = table.length - 1;
            }
          }
          out[i] = id;
        }
        return;
      }
      case 'boolean': {
        const values = block.values;
        const nulls = block.nulls;
        for (let i = 0; i < count; i++) {
          if (nulls !== null && nulls[i] !== 0) out[i] = nullId ? this.lookup(null, null, insert) : -1;
          else {
            const v = values[i] === 1;
            out[i] = this.lookup(v, v, insert);
          }
        }
        return;
      }
      case 'value': {
        const values = block.values;
        for (let i = 0; i < count; i++) {
          const v = values[i];
          if (v === null) {
            out[i] = nullId ? this.lookup(null, null, insert) : -1;
            continue;
          }
          if (typeof v === 'number') {
            out[i] = this.numberId(v, v, insert);
            continue;
          }
          let key: unknown = v;
          if (typeof v === 'bigint') {
            if (v >= -9007199254740991n && v <= 9007199254740991n) {
              out[i] = this.numberId(Number(v), v, insert);
              continue;
            }
          } else if (typeof v === 'object') key = encodeKeyPart(v);
          const id = ids.get(key);
          out[i] = id !== undefined ? id : insert ? this.add(key, v) : -1;
        }
        return;
      }
    }
  }

  /**
   * Ids of rows while keys are directly addressed; returns the row where that stopped (the keys
   * then live in the number table) or `count`.
   */
  private directIdsOf(
    values: Float64Array,
    nulls: Uint8Array | null,
    big: boolean,
    count: number,
    out: Int32Array,
    insert: boolean,
    nullId: boolean,
  ): number {
    let direct = this.direct!;
    let base = this.directBase;
    for (let i = 0; i < count; i++) {
      if (nulls !== null && nulls[i] !== 0) {
        out[i] = nullId ? this.lookup(null, null, insert) : -1;
        continue;
      }
      const v = values[i];
      const k = v - base;
      if (k >= 0 && k < direct.length && (k | 0) === k) {
        let id = direct[k];
        if (id < 0 && insert) direct[k] = id = this.add(undefined, big ? BigInt(v) : v);
        out[i] = id;
        continue;
      }
      if (!insert) {
        // every key so far is NaN or an integer in the window: anything else is unknown
        out[i] = v !== v ? this.nanId : -1;
        continue;
      }
      if (!this.widenDirect(v)) return i;
      direct = this.direct!;
      base = this.directBase;
      i--; // this row again, inside the window now
    }
    return count;
  }

  /** Widens the direct window to hold integer `v`; false (and the table holds every key) if it may not. */
  private widenDirect(v: number): boolean {
    const direct = this.direct!;
    const empty = direct.length === 0;
    if (Number.isInteger(v) && Math.abs(v) <= 2 ** 52) {
      const low = empty ? v : Math.min(this.directBase, v);
      const high = empty ? v : Math.max(this.directBase + direct.length - 1, v);
      const span = high - low + 1;
      const limit = Math.min(Math.max(8 * (this.directKeys() + 1), 1 << 16), 1 << 26);
      if (span <= limit) {
        // room to grow on the side that grew, so that ascending or descending keys widen rarely
        const length = Math.min(limit, Math.max(span, 2 * direct.length, 1024));
        const newBase = !empty && v < this.directBase ? high - length + 1 : low;
        const next = new Int32Array(length).fill(-1);
        if (!empty) next.set(direct, this.directBase - newBase);
        this.direct = next;
        this.directBase = newBase;
        return true;
      }
    }
    // into the number table, for good
    for (let k = 0; k < direct.length; k++) {
      if (direct[k] >= 0) this.insertNumber(this.directBase + k, direct[k]);
    }
    this.direct = null;
    return false;
  }

  /** Keys in the direct window. */
  private directKeys(): number {
    return this.count - (this.nanId >= 0 ? 1 : 0) - this.ids.size;
  }

  /** Puts key → id into the number table (the key is not there yet). */
  private insertNumber(key: number, id: number): void {
    const mask = this.numberIds.length - 1;
    let slot = hashNumber(key) & mask;
    while (this.numberIds[slot] >= 0) slot = (slot + 1) & mask;
    this.numberKeys[slot] = key;
    this.numberIds[slot] = id;
    if (++this.numberCount * 2 > this.numberIds.length) this.growNumbers();
  }

  /** The id of number key `v` (-0 and 0 are one key, NaN is one key); `canonical` if new. */
  private numberId(v: number, canonical: unknown, insert: boolean): number {
    if (v !== v) {
      if (this.nanId < 0 && insert) this.nanId = this.add(undefined, canonical);
      return this.nanId;
    }
    if (this.direct !== null) {
      const k = v - this.directBase;
      if (k >= 0 && k < this.direct.length && (k | 0) === k) {
        let id = this.direct[k];
        if (id < 0 && insert) this.direct[k] = id = this.add(undefined, canonical);
        return id;
      }
      if (!insert) return -1;
      if (this.widenDirect(v)) return this.numberId(v, canonical, insert);
    }
    return this.numberIdInTable(v, canonical, insert);
  }

  private numberIdInTable(v: number, canonical: unknown, insert: boolean): number {
    const key = v + 0; // -0 → 0
    const keys = this.numberKeys;
    const ids = this.numberIds;
    const mask = ids.length - 1;
    let slot = hashNumber(key) & mask;
    for (;;) {
      const id = ids[slot];
      if (id < 0) break;
      if (keys[slot] === key) return id;
      slot = (slot + 1) & mask;
    }
    if (!insert) return -1;
    const id = this.add(undefined, canonical);
    keys[slot] = key;
    ids[slot] = id;
    if (++this.numberCount * 2 > ids.length) this.growNumbers();
    return id;
  }

  private growNumbers(): void {
    const oldKeys = this.numberKeys;
    const oldIds = this.numberIds;
    const keys = new Float64Array(oldKeys.length * 2);
    const ids = new Int32Array(oldIds.length * 2).fill(-1);
    const mask = ids.length - 1;
    for (let s = 0; s < oldIds.length; s++) {
      if (oldIds[s] < 0) continue;
      let slot = hashNumber(oldKeys[s]) & mask;
      while (ids[slot] >= 0) slot = (slot + 1) & mask;
      keys[slot] = oldKeys[s];
      ids[slot] = oldIds[s];
    }
    this.numberKeys = keys;
    this.numberIds = ids;
  }

  private lookup(key: unknown, canonical: unknown, insert: boolean): number {
    const id = this.ids.get(key);
    return id !== undefined ? id : insert ? this.add(key, canonical) : -1;
  }

  /** A new id; `key` undefined: the caller indexes it (number keys). */
  private add(key: unknown, canonical: unknown): number {
    const id = this.count++;
    if (key !== undefined) this.ids.set(key, id);
    if (this.keepValues) this.values.push(canonical);
    return id;
  }
}

/** A 32-bit hash of a number key: mixes its low and high 32-bit halves (integers) and fraction. */
function hashNumber(v: number): number {
  const lo = v | 0;
  const hi = (v / 4294967296) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}

/** Dense ids of distinct tuples of column ids (two or more columns). */
export class TupleTable {
  /** Column ids of each tuple, by column. */
  private columns: Int32Array[];
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(private readonly width: number) {
    this.columns = Array.from({ length: width }, () => new Int32Array(1024));
    this.slots = new Int32Array(2048).fill(-1);
    this.mask = 2047;
  }

  /** Column `c`'s id in tuple `t`. */
  columnId(t: number, c: number): number {
    return this.columns[c][t];
  }

  /**
   * Writes the tuple id of each row (ids[c][i] is column c's id at row i) to `out`; a row with a
   * -1 column id gets -1. With `insert`, unseen tuples get new ids; without, they get -1.
   */
  tupleIds(ids: readonly Int32Array[], count: number, out: Int32Array, insert: boolean): void {
    const width = this.width;
    rows: for (let i = 0; i < count; i++) {
      let h = 0x9e3779b9;
      for (let c = 0; c < width; c++) {
        const id = ids[c][i];
        if (id < 0) {
          out[i] = -1;
          continue rows;
        }
        h = Math.imul(h ^ id, 0x85ebca6b);
        h ^= h >>> 13;
      }
      h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
      let slot = (h ^ (h >>> 15)) & this.mask;
      for (;;) {
        const t = this.slots[slot];
        if (t < 0) {
          out[i] = insert ? this.add(ids, i, slot) : -1;
          break;
        }
        let same = true;
        for (let c = 0; c < width; c++) {
          if (this.columns[c][t] !== ids[c][i]) {
            same = false;
            break;
          }
        }
        if (same) {
          out[i] = t;
          break;
        }
        slot = (slot + 1) & this.mask;
      }
    }
  }

  private add(ids: readonly Int32Array[], i: number, slot: number): number {
    const t = this.size++;
    if (t === this.columns[0].length) {
      this.columns = this.columns.map((col) => {
        const bigger = new Int32Array(col.length * 2);
        bigger.set(col);
        return bigger;
      });
    }
    for (let c = 0; c < this.width; c++) this.columns[c][t] = ids[c][i];
    this.slots[slot] = t;
    if (this.size * 2 > this.slots.length) this.grow();
    return t;
  }

  /** Doubles the slot array and re-inserts every tuple. */
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let t = 0; t < this.size; t++) {
      let h = 0x9e3779b9;
      for (let c = 0; c < this.width; c++) {
        h = Math.imul(h ^ this.columns[c][t], 0x85ebca6b);
        h ^= h >>> 13;
      }
      h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
      let slot = (h ^ (h >>> 15)) & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = t;
    }
    this.slots = slots;
    this.mask = mask;
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
