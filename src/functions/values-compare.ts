/**
 * SQL equality, identity and ordering of canonical values (src/types/values.ts), per type, with
 * Trino's semantics (the EQUAL, IS_DISTINCT_FROM and COMPARISON_UNORDERED_LAST/FIRST operators of
 * each io.trino.spi.type.*Type):
 *
 * - `equalValues(a, b, t)`     SQL `=` on two non-null values: true, false, or null when nested
 *                              NULLs make it indeterminate (`ARRAY[1, NULL] = ARRAY[1, NULL]`).
 *                              double/real: NaN = NaN is false, -0 = 0 is true.
 * - `identicalValues(a, b, t)` `IS NOT DISTINCT FROM` (NULLs allowed, NaN identical to NaN): the
 *                              relation used by DISTINCT, GROUP BY, array_distinct, map keys.
 * - `compareValues(a, b, t)`   the total order of ORDER BY (Java's Double.compare for floating
 *                              point: -0 < 0, NaN after +Infinity); arrays/rows lexicographic,
 *                              raising NOT_SUPPORTED for NULL elements met during the comparison.
 *                              With `nanFirst` NaN sorts before everything (Trino's
 *                              COMPARISON_UNORDERED_FIRST, used by max/greatest so that NaN loses).
 * - `identityKeyFor(t)`        a function mapping a value to a JS primitive such that two values
 *                              are identical exactly when their keys are SameValueZero-equal, so a
 *                              plain `Map`/`Set` gives O(1) hash sets and joins (`ValueSet`).
 *
 * All three have `...For(type)` forms that return a closure specialized on the type (cached per
 * type object); use those in loops.
 */

import { TrinoError } from '../errors';
import type { SqlType } from '../types';

export type Comparator = (a: unknown, b: unknown) => number;
export type Equality = (a: unknown, b: unknown) => boolean | null;
export type Identity = (a: unknown, b: unknown) => boolean;
export type KeyFunction = (v: unknown) => unknown;

// ---------------------------------------------------------------------------------------------
// Primitive helpers

/** Compares two Int64 values (number when safe, bigint beyond). */
function compareInt64(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = typeof a === 'bigint' ? a : BigInt(a as number);
  const y = typeof b === 'bigint' ? b : BigInt(b as number);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareNumber(a: unknown, b: unknown): number {
  const x = a as number;
  const y = b as number;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Java's Double.compare: -0 < 0, NaN equal to itself and greater than everything. */
export function javaDoubleCompare(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) {
    if (x !== 0) return 0;
    const nx = Object.is(x, -0);
    const ny = Object.is(y, -0);
    return nx === ny ? 0 : nx ? -1 : 1;
  }
  const xn = Number.isNaN(x);
  const yn = Number.isNaN(y);
  return xn === yn ? 0 : xn ? 1 : -1;
}

/** COMPARISON_UNORDERED_FIRST for doubles: NaN before everything. */
function doubleCompareNanFirst(x: number, y: number): number {
  const xn = Number.isNaN(x);
  const yn = Number.isNaN(y);
  if (xn || yn) return xn === yn ? 0 : xn ? -1 : 1;
  return javaDoubleCompare(x, y);
}

/** Maps a UTF-16 code unit so that code-unit order becomes code-point order. */
function fixupCodeUnit(c: number): number {
  return c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c;
}

/** Compares strings by Unicode code point (= UTF-8 byte order, Trino's varchar order). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
      return fixupCodeUnit(x) < fixupCodeUnit(y) ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** char(n) order: values are stored without trailing spaces and compare as if space-padded. */
export function compareChars(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
      return fixupCodeUnit(x) < fixupCodeUnit(y) ? -1 : 1;
    }
  }
  // The shorter value continues with spaces.
  if (a.length !== b.length) {
    const longer = a.length > b.length ? a : b;
    const sign = a.length > b.length ? 1 : -1;
    for (let i = n; i < longer.length; i++) {
      const c = fixupCodeUnit(longer.charCodeAt(i));
      if (c !== 32) return c > 32 ? sign : -sign;
    }
  }
  return 0;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface LongTs {
  epochMicros: number | bigint;
  picosOfMicro: number;
}
interface Tstz {
  epochMillis: number;
  picosOfMilli: number;
}
interface TimeTz {
  time: number | bigint;
  offsetMinutes: number;
}

/** time with time zone normalized to UTC (Trino compares the UTC-normalized time, no wrap). */
function normalizedTimeTz(v: TimeTz, precision: number): number | bigint {
  if (precision <= 9) return (v.time as number) - v.offsetMinutes * 60_000_000_000;
  return (v.time as bigint) - BigInt(v.offsetMinutes) * 60_000_000_000_000n;
}

function arrayNullElement(): TrinoError {
  return new TrinoError('NOT_SUPPORTED', 'ARRAY comparison not supported for arrays with null elements');
}

function rowNullField(): TrinoError {
  return new TrinoError('NOT_SUPPORTED', 'ROW comparison not supported for fields with null elements');
}

// ---------------------------------------------------------------------------------------------
// Ordering

const comparatorCache = new WeakMap<SqlType, Comparator>();
const comparatorCacheNanFirst = new WeakMap<SqlType, Comparator>();

/**
 * The ordering of non-null values of `type` (ORDER BY, array_sort, min/max). `nanFirst` selects
 * Trino's COMPARISON_UNORDERED_FIRST (NaN smallest) instead of the default UNORDERED_LAST.
 */
export function comparatorFor(type: SqlType, nanFirst = false): Comparator {
  const cache = nanFirst ? comparatorCacheNanFirst : comparatorCache;
  let c = cache.get(type);
  if (c === undefined) {
    c = buildComparator(type, nanFirst);
    cache.set(type, c);
  }
  return c;
}

function buildComparator(type: SqlType, nanFirst: boolean): Comparator {
  switch (type.kind) {
    case 'boolean':
      return (a, b) => (a === b ? 0 : a ? 1 : -1);
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'date':
    case 'interval_year_to_month':
      return compareNumber;
    case 'bigint':
    case 'interval_day_to_second':
      return compareInt64;
    case 'real':
    case 'double':
      return nanFirst
        ? (a, b) => doubleCompareNanFirst(a as number, b as number)
        : (a, b) => javaDoubleCompare(a as number, b as number);
    case 'decimal':
      return type.precision <= 15 ? compareNumber : compareInt64;
    case 'varchar':
    case 'json':
    case 'ipaddress':
    case 'uuid':
      return (a, b) => compareStrings(a as string, b as string);
    case 'char':
      return (a, b) => compareChars(a as string, b as string);
    case 'varbinary':
      return (a, b) => compareBytes(a as Uint8Array, b as Uint8Array);
    case 'time':
      return type.precision <= 9 ? compareNumber : compareInt64;
    case 'time_tz': {
      const p = type.precision;
      return (a, b) => compareInt64(normalizedTimeTz(a as TimeTz, p), normalizedTimeTz(b as TimeTz, p));
    }
    case 'timestamp':
      if (type.precision <= 6) return compareInt64;
      return (a, b) => {
        const x = a as LongTs;
        const y = b as LongTs;
        const c = compareInt64(x.epochMicros, y.epochMicros);
        return c !== 0 ? c : x.picosOfMicro - y.picosOfMicro;
      };
    case 'timestamp_tz':
      return (a, b) => {
        const x = a as Tstz;
        const y = b as Tstz;
        if (x.epochMillis !== y.epochMillis) return x.epochMillis < y.epochMillis ? -1 : 1;
        return x.picosOfMilli < y.picosOfMilli ? -1 : x.picosOfMilli > y.picosOfMilli ? 1 : 0;
      };
    case 'array': {
      const element = comparatorFor(type.element, nanFirst);
      return (a, b) => {
        const x = a as unknown[];
        const y = b as unknown[];
        const n = Math.min(x.length, y.length);
        for (let i = 0; i < n; i++) {
          const u = x[i];
          const v = y[i];
          if (u === null || v === null) throw arrayNullElement();
          const c = element(u, v);
          if (c !== 0) return c;
        }
        return x.length - y.length < 0 ? -1 : x.length > y.length ? 1 : 0;
      };
    }
    case 'row': {
      const fields = type.fields.map((f) => comparatorFor(f.type, nanFirst));
      return (a, b) => {
        const x = a as unknown[];
        const y = b as unknown[];
        for (let i = 0; i < fields.length; i++) {
          const u = x[i];
          const v = y[i];
          if (u === null || v === null) throw rowNullField();
          const c = fields[i](u, v);
          if (c !== 0) return c;
        }
        return 0;
      };
    }
    case 'unknown':
      return () => 0;
    case 'map':
      return () => {
        throw new TrinoError('NOT_SUPPORTED', 'map type is not orderable');
      };
  }
}

/** Orders two non-null values of `type` (see comparatorFor). */
export function compareValues(a: unknown, b: unknown, type: SqlType, nanFirst = false): number {
  return comparatorFor(type, nanFirst)(a, b);
}

// ---------------------------------------------------------------------------------------------
// SQL equality

const equalityCache = new WeakMap<SqlType, Equality>();

export function equalityFor(type: SqlType): Equality {
  let e = equalityCache.get(type);
  if (e === undefined) {
    e = buildEquality(type);
    equalityCache.set(type, e);
  }
  return e;
}

const strictEquals: Equality = (a, b) => a === b;

function buildEquality(type: SqlType): Equality {
  switch (type.kind) {
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'real':
    case 'double':
    case 'decimal':
    case 'varchar':
    case 'char':
    case 'date':
    case 'interval_year_to_month':
    case 'interval_day_to_second':
    case 'json':
    case 'ipaddress':
    case 'uuid':
      // Int64 and decimal values are normalized, so === is exact; for doubles it gives NaN <> NaN
      // and -0 = 0 as SQL wants.
      return strictEquals;
    case 'time':
      return type.precision <= 9 ? strictEquals : (a, b) => a === b;
    case 'varbinary':
      return (a, b) => bytesEqual(a as Uint8Array, b as Uint8Array);
    case 'time_tz': {
      const p = type.precision;
      return (a, b) => normalizedTimeTz(a as TimeTz, p) === normalizedTimeTz(b as TimeTz, p);
    }
    case 'timestamp':
      if (type.precision <= 6) return strictEquals;
      return (a, b) =>
        (a as LongTs).epochMicros === (b as LongTs).epochMicros &&
        (a as LongTs).picosOfMicro === (b as LongTs).picosOfMicro;
    case 'timestamp_tz':
      return (a, b) =>
        (a as Tstz).epochMillis === (b as Tstz).epochMillis &&
        (a as Tstz).picosOfMilli === (b as Tstz).picosOfMilli;
    case 'array': {
      const element = equalityFor(type.element);
      return (a, b) => {
        const x = a as unknown[];
        const y = b as unknown[];
        if (x.length !== y.length) return false;
        let unknown = false;
        for (let i = 0; i < x.length; i++) {
          const u = x[i];
          const v = y[i];
          if (u === null || v === null) {
            unknown = true;
            continue;
          }
          const r = element(u, v);
          if (r === false) return false;
          if (r === null) unknown = true;
        }
        return unknown ? null : true;
      };
    }
    case 'row': {
      const fields = type.fields.map((f) => equalityFor(f.type));
      return (a, b) => {
        const x = a as unknown[];
        const y = b as unknown[];
        let unknown = false;
        for (let i = 0; i < fields.length; i++) {
          const u = x[i];
          const v = y[i];
          if (u === null || v === null) {
            unknown = true;
            continue;
          }
          const r = fields[i](u, v);
          if (r === false) return false;
          if (r === null) unknown = true;
        }
        return unknown ? null : true;
      };
    }
    case 'map': {
      const keyOf = identityKeyFor(type.key);
      const valueEq = equalityFor(type.value);
      return (a, b) => {
        const x = a as [unknown, unknown][];
        const y = b as [unknown, unknown][];
        if (x.length !== y.length) return false;
        const index = new Map<unknown, unknown>();
        for (const [k, v] of y) index.set(keyOf(k), v);
        let unknown = false;
        for (const [k, v] of x) {
          const key = keyOf(k);
          if (!index.has(key)) return false;
          const w = index.get(key);
          if (v === null || w === null) {
            unknown = true;
            continue;
          }
          const r = valueEq(v, w);
          if (r === false) return false;
          if (r === null) unknown = true;
        }
        return unknown ? null : true;
      };
    }
    case 'unknown':
      return () => null;
  }
}

/** SQL `=` of two non-null values: true, false or null (indeterminate). */
export function equalValues(a: unknown, b: unknown, type: SqlType): boolean | null {
  return equalityFor(type)(a, b);
}

// ---------------------------------------------------------------------------------------------
// Identity (IS NOT DISTINCT FROM) and identity keys

const keyCache = new WeakMap<SqlType, KeyFunction>();

/**
 * A function from values of `type` (NULL allowed) to JS primitives, such that two values are
 * identical (IS NOT DISTINCT FROM) exactly when their keys are equal under SameValueZero — usable as
 * `Map` keys. Scalars mostly map to themselves; containers and multi-part values to strings.
 */
export function identityKeyFor(type: SqlType): KeyFunction {
  let k = keyCache.get(type);
  if (k === undefined) {
    k = buildKey(type);
    keyCache.set(type, k);
  }
  return k;
}

const identityKey: KeyFunction = (v) => v;

function bytesKey(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Encodes a primitive key unambiguously inside a composite key string. */
function encodeKey(k: unknown): string {
  switch (typeof k) {
    case 'number':
      return 'd' + (k === 0 ? '0' : String(k));
    case 'bigint':
      return 'b' + k.toString();
    case 'string':
      return 's' + JSON.stringify(k);
    case 'boolean':
      return k ? 'T' : 'F';
    default:
      return 'n';
  }
}

function buildKey(type: SqlType): KeyFunction {
  switch (type.kind) {
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'varchar':
    case 'char':
    case 'date':
    case 'interval_year_to_month':
    case 'interval_day_to_second':
    case 'json':
    case 'ipaddress':
    case 'uuid':
    case 'time':
    case 'unknown':
      return identityKey;
    case 'real':
    case 'double':
      // Map keys use SameValueZero: NaN matches NaN and -0 matches 0, exactly IS NOT DISTINCT FROM.
      return identityKey;
    case 'varbinary':
      return (v) => (v === null ? null : bytesKey(v as Uint8Array));
    case 'time_tz': {
      const p = type.precision;
      return (v) => (v === null ? null : normalizedTimeTz(v as TimeTz, p));
    }
    case 'timestamp':
      if (type.precision <= 6) return identityKey;
      return (v) => (v === null ? null : `${(v as LongTs).epochMicros}:${(v as LongTs).picosOfMicro}`);
    case 'timestamp_tz':
      return (v) => {
        if (v === null) return null;
        const t = v as Tstz;
        return t.picosOfMilli === 0 ? t.epochMillis : `${t.epochMillis}:${t.picosOfMilli}`;
      };
    case 'array': {
      const element = identityKeyFor(type.element);
      return (v) => {
        if (v === null) return null;
        const a = v as unknown[];
        let s = '[';
        for (let i = 0; i < a.length; i++) s += (i > 0 ? ',' : '') + encodeKey(element(a[i]));
        return s + ']';
      };
    }
    case 'row': {
      const fields = type.fields.map((f) => identityKeyFor(f.type));
      return (v) => {
        if (v === null) return null;
        const a = v as unknown[];
        let s = '(';
        for (let i = 0; i < fields.length; i++) s += (i > 0 ? ',' : '') + encodeKey(fields[i](a[i]));
        return s + ')';
      };
    }
    case 'map': {
      const keyOf = identityKeyFor(type.key);
      const valueOf = identityKeyFor(type.value);
      return (v) => {
        if (v === null) return null;
        const entries = (v as [unknown, unknown][]).map(
          ([k, w]) => [encodeKey(keyOf(k)), encodeKey(valueOf(w))] as const,
        );
        entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
        return '{' + entries.map(([k, w]) => k + ':' + w).join(',') + '}';
      };
    }
  }
}

const identityCache = new WeakMap<SqlType, Identity>();

/** IS NOT DISTINCT FROM for two values of `type` (NULL allowed). */
export function identityFor(type: SqlType): Identity {
  let f = identityCache.get(type);
  if (f === undefined) {
    const key = identityKeyFor(type);
    f = (a, b) => {
      if (a === null || b === null) return a === b;
      const x = key(a);
      const y = key(b);
      return x === y || (x !== x && y !== y); // NaN keys
    };
    identityCache.set(type, f);
  }
  return f;
}

export function identicalValues(a: unknown, b: unknown, type: SqlType): boolean {
  return identityFor(type)(a, b);
}

/** A set of values of one type under IS NOT DISTINCT FROM (first occurrence kept). */
export class ValueSet {
  private readonly keyOf: KeyFunction;
  private readonly map = new Map<unknown, unknown>();

  constructor(readonly type: SqlType) {
    this.keyOf = identityKeyFor(type);
  }

  /** Adds `value`; returns true when it was not already present. */
  add(value: unknown): boolean {
    const k = this.keyOf(value);
    if (this.map.has(k)) return false;
    this.map.set(k, value);
    return true;
  }

  has(value: unknown): boolean {
    return this.map.has(this.keyOf(value));
  }

  get size(): number {
    return this.map.size;
  }

  values(): unknown[] {
    return [...this.map.values()];
  }
}
