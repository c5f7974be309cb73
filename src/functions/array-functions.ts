/**
 * Array functions and lambda functions over arrays (Trino's Array*Function classes,
 * SequenceFunction, RepeatFunction, ZipFunction; trino.io/docs functions/array.html,
 * functions/lambda.html). Arrays are JS arrays of canonical values with `null` for NULL
 * elements. Element equality, identity and ordering come from values-compare.ts with SQL
 * semantics for the element type: array_distinct/union/intersect/except use IS NOT DISTINCT FROM
 * (NULL and NaN are single values), contains/array_remove use `=`, array_sort/array_min/array_max
 * use the ORDER BY ordering (NULLs last; NaN is never the max/min unless all are NaN).
 */

import { castToVarchar, type ArrayType, type Int64, type LongTimestamp, type SqlType } from '../types';
import type { BoundFunction, FunctionContext, ScalarFunctionSpec } from './registry';
import { big, checkArgument, int64, invalidArgument } from './util';
import { _datetime } from './datetime-functions';
import { comparatorFor, equalityFor, identityKeyFor, ValueSet } from './values-compare';

type Lambda = (...args: unknown[]) => unknown;

const { diffLocal, addLocal, splitTimestamp, joinTimestamp } = _datetime;

function elementType(b: BoundFunction, index = 0): SqlType {
  return (b.argumentTypes[index] as ArrayType).element;
}

/** element_at(array, index): NULL outside the array, counting from the end for negative indexes. */
export function elementAt(array: readonly unknown[], index: Int64): unknown {
  const i = big(index);
  if (i === 0n) throw invalidArgument('SQL array indices start at 1');
  const n = BigInt(array.length);
  if (i > 0n) return i > n ? null : array[Number(i) - 1];
  return -i > n ? null : array[Number(n + i)];
}

/** The subscript operator `a[i]`: errors outside the array (Trino's ArraySubscriptOperator). */
export function subscript(array: readonly unknown[], index: Int64): unknown {
  const i = big(index);
  if (i === 0n) throw invalidArgument('SQL array indices start at 1');
  if (i < 0n) throw invalidArgument(`Array subscript is negative: ${index}`);
  if (i > BigInt(array.length)) {
    throw invalidArgument(
      `Array subscript must be less than or equal to array length: ${index} > ${array.length}`,
    );
  }
  return array[Number(i) - 1];
}

function contains(type: SqlType) {
  const eq = equalityFor(type);
  return (_c: FunctionContext, array: unknown[], value: unknown): boolean | null => {
    let unknown = false;
    for (const e of array) {
      if (e === null) {
        unknown = true;
        continue;
      }
      const r = eq(e, value);
      if (r === true) return true;
      if (r === null) unknown = true;
    }
    return unknown ? null : false;
  };
}

function arrayPosition(type: SqlType) {
  const key = identityKeyFor(type);
  return (_c: FunctionContext, array: unknown[], value: unknown, instance: Int64 = 1): Int64 => {
    const n = big(instance);
    if (n === 0n) throw invalidArgument('0 is an invalid instance position for array_position.');
    const k = key(value);
    const same = (e: unknown) => {
      if (e === null) return false;
      const x = key(e);
      return x === k || (x !== x && k !== k);
    };
    let count = 0n;
    const target = n < 0n ? -n : n;
    if (n > 0n) {
      for (let i = 0; i < array.length; i++) if (same(array[i]) && ++count === target) return i + 1;
    } else {
      for (let i = array.length - 1; i >= 0; i--) if (same(array[i]) && ++count === target) return i + 1;
    }
    return 0;
  };
}

function distinct(type: SqlType, array: readonly unknown[]): unknown[] {
  const set = new ValueSet(type);
  const out: unknown[] = [];
  for (const e of array) if (set.add(e)) out.push(e);
  return out;
}

function minMax(type: SqlType, max: boolean) {
  const compare = comparatorFor(type, max);
  return (_c: FunctionContext, array: unknown[]): unknown => {
    let best: unknown = null;
    for (let i = 0; i < array.length; i++) {
      const e = array[i];
      if (e === null) return null;
      if (i === 0) best = e;
      else {
        const c = compare(e, best);
        if (max ? c > 0 : c < 0) best = e;
      }
    }
    return best;
  };
}

function sortArray(type: SqlType, descending: boolean) {
  const compare = comparatorFor(type);
  return (_c: FunctionContext, array: unknown[]): unknown[] => {
    const values: unknown[] = array.filter((e) => e !== null);
    const nulls = array.length - values.length;
    values.sort(descending ? (a, b) => compare(b, a) : compare);
    for (let i = 0; i < nulls; i++) values.push(null);
    return values;
  };
}

function sortWithComparator(_c: FunctionContext, array: unknown[], fn: Lambda): unknown[] {
  const copy = [...array];
  copy.sort((a, b) => {
    const r = fn(a, b);
    if (r !== -1 && r !== 0 && r !== 1)
      throw invalidArgument('Lambda comparator must return either -1, 0, or 1');
    return r as number;
  });
  return copy;
}

function arrayJoin(type: SqlType) {
  const text = (v: unknown) => castToVarchar(v, type);
  return (_c: FunctionContext, array: unknown[], delimiter: string, nullReplacement?: string): string => {
    const parts: string[] = [];
    for (const e of array) {
      if (e === null) {
        if (nullReplacement !== undefined) parts.push(nullReplacement);
      } else parts.push(text(e));
    }
    return parts.join(delimiter);
  };
}

function arrayRemove(type: SqlType) {
  const eq = equalityFor(type);
  return (_c: FunctionContext, array: unknown[], value: unknown): unknown[] =>
    array.filter((e) => e === null || eq(e, value) !== true);
}

function setOperation(type: SqlType, op: 'union' | 'intersect' | 'except') {
  return (_c: FunctionContext, a: unknown[], b: unknown[]): unknown[] => {
    if (op === 'union') return distinct(type, [...a, ...b]);
    const other = new ValueSet(type);
    for (const e of b) other.add(e);
    const seen = new ValueSet(type);
    const out: unknown[] = [];
    for (const e of a) {
      if (other.has(e) === (op === 'intersect') && seen.add(e)) out.push(e);
    }
    return out;
  };
}

function arraysOverlap(type: SqlType) {
  return (_c: FunctionContext, a: unknown[], b: unknown[]): boolean | null => {
    const [small, large] = a.length <= b.length ? [a, b] : [b, a];
    const set = new ValueSet(type);
    let hasNull = false;
    for (const e of small) {
      if (e === null) hasNull = true;
      else set.add(e);
    }
    for (const e of large) {
      if (e === null) hasNull = true;
      else if (set.has(e)) return true;
    }
    return hasNull ? null : false;
  };
}

function slice(array: unknown[], start: Int64, length: Int64): unknown[] {
  const s = big(start);
  const len = big(length);
  checkArgument(len >= 0n, 'length must be greater than or equal to 0');
  checkArgument(s !== 0n, 'SQL array indices start at 1');
  const n = BigInt(array.length);
  const from = s > 0n ? s - 1n : n + s;
  if (from < 0n || from >= n) return [];
  const to = from + len > n ? n : from + len;
  return array.slice(Number(from), Number(to));
}

const MAX_SEQUENCE = 10_000;

function checkMaxEntries(length: bigint): number {
  checkArgument(
    length >= BigInt(-MAX_SEQUENCE) && length <= BigInt(MAX_SEQUENCE),
    `result of sequence function must not have more than ${MAX_SEQUENCE} entries`,
  );
  return Number(length);
}

function checkValidStep(start: bigint, stop: bigint, step: bigint): void {
  checkArgument(step !== 0n, 'step must not be zero');
  checkArgument(
    step > 0n ? stop >= start : stop <= start,
    'sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start',
  );
}

function integerSequence(start: Int64, stop: Int64, step?: Int64): Int64[] {
  const a = big(start);
  const b = big(stop);
  const s = step === undefined ? (b >= a ? 1n : -1n) : big(step);
  checkValidStep(a, b, s);
  const length = checkMaxEntries((b - a) / s + 1n);
  const out: Int64[] = [];
  for (let i = 0; i < length; i++) out.push(int64(a + BigInt(i) * s));
  return out;
}

const DAY_MS = 86_400_000n;
const DAY = 86_400_000;

function dateSequence(start: number, stop: number, stepDays: bigint): number[] {
  return integerSequence(start, stop, stepDays).map(Number);
}

function monthStepSequence(start: number, stop: number, stepMonths: number): number[] {
  checkValidStep(BigInt(start), BigInt(stop), BigInt(stepMonths));
  const length = checkMaxEntries(
    BigInt(Math.trunc(diffLocal('month', start * DAY, stop * DAY) / stepMonths)) + 1n,
  );
  const out: number[] = [];
  for (let i = 0; i < length; i++) out.push(Math.floor(addLocal('month', i * stepMonths, start * DAY) / DAY));
  return out;
}

function timestampMicros(v: Int64 | LongTimestamp, p: number): bigint {
  return p <= 6 ? big(v as Int64) : big((v as LongTimestamp).epochMicros);
}

function timestampSequence(p: number) {
  return (
    _c: FunctionContext,
    start: Int64 | LongTimestamp,
    stop: Int64 | LongTimestamp,
    stepMillis: Int64,
  ) => {
    const a = timestampMicros(start, p);
    const b = timestampMicros(stop, p);
    const step = big(stepMillis) * 1000n;
    checkValidStep(a, b, step);
    const length = checkMaxEntries((b - a) / step + 1n);
    const picos = p > 6 ? (start as LongTimestamp).picosOfMicro : 0;
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const micros = int64(a + BigInt(i) * step);
      out.push(p <= 6 ? micros : { epochMicros: micros, picosOfMicro: picos });
    }
    return out;
  };
}

function timestampMonthSequence(p: number) {
  return (_c: FunctionContext, start: Int64 | LongTimestamp, stop: Int64 | LongTimestamp, months: number) => {
    const a = splitTimestamp(start, p);
    const b = splitTimestamp(stop, p);
    checkValidStep(timestampMicros(start, p), timestampMicros(stop, p), BigInt(months));
    const length = checkMaxEntries(BigInt(Math.trunc(diffLocal('month', a.millis, b.millis) / months)) + 1n);
    const out: unknown[] = [];
    for (let i = 0; i < length; i++)
      out.push(joinTimestamp(addLocal('month', i * months, a.millis), a.picos, p));
    return out;
  };
}

function repeat(element: unknown, count: number): unknown[] {
  checkArgument(count >= 0, 'count argument of repeat function must be greater than or equal to 0');
  checkArgument(
    count <= MAX_SEQUENCE,
    'count argument of repeat function must be less than or equal to 10000',
  );
  return new Array<unknown>(count).fill(element);
}

function shuffle(array: unknown[]): unknown[] {
  const out = [...array];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function match(kind: 'any' | 'all' | 'none') {
  return (_c: FunctionContext, array: unknown[], fn: Lambda): boolean | null => {
    let sawNull = false;
    for (const e of array) {
      const r = fn(e);
      if (r === null || r === undefined) sawNull = true;
      else if (kind === 'all' ? r === false : r === true) return kind === 'any';
    }
    if (sawNull) return null;
    return kind !== 'any';
  };
}

function zip(...arrays: unknown[][]): unknown[][] {
  const length = Math.max(...arrays.map((a) => a.length));
  const out: unknown[][] = [];
  for (let i = 0; i < length; i++) out.push(arrays.map((a) => (i < a.length ? a[i] : null)));
  return out;
}

function flatten(arrays: (unknown[] | null)[]): unknown[] {
  const out: unknown[] = [];
  for (const a of arrays) if (a !== null) for (const e of a) out.push(e);
  return out;
}

function containsSequence(type: SqlType) {
  const key = identityKeyFor(type);
  return (_c: FunctionContext, array: unknown[], seq: unknown[]): boolean => {
    const k = array.map(key);
    const s = seq.map(key);
    const same = (x: unknown, y: unknown) => x === y || (x !== x && y !== y);
    outer: for (let i = 0; i + s.length <= k.length; i++) {
      for (let j = 0; j < s.length; j++) if (!same(k[i + j], s[j])) continue outer;
      return true;
    }
    return false;
  };
}

function trimArray(array: unknown[], size: Int64): unknown[] {
  const n = big(size);
  checkArgument(n >= 0n, 'size must not be negative');
  checkArgument(n <= BigInt(array.length), `size must not exceed array cardinality ${array.length}: ${size}`);
  return array.slice(0, array.length - Number(n));
}

function ngrams(array: unknown[], n: Int64): unknown[][] {
  const size = big(n);
  checkArgument(size > 0n, 'N must be positive');
  const k = size > BigInt(array.length) ? array.length : Number(size);
  if (array.length === 0) return [[]];
  const out: unknown[][] = [];
  for (let i = 0; i + k <= array.length; i++) out.push(array.slice(i, i + k));
  return out;
}

function combinations(array: unknown[], n: Int64): unknown[][] {
  const k = big(n);
  checkArgument(k >= 0n, `combination size must not be negative: ${n}`);
  checkArgument(k <= 5n, `combination size must not exceed 5: ${n}`);
  const size = Number(k);
  if (size > array.length) return [];
  const out: unknown[][] = [];
  const idx = Array.from({ length: size }, (_, i) => i);
  for (;;) {
    out.push(idx.map((i) => array[i]));
    let i = size - 1;
    while (i >= 0 && idx[i] === array.length - size + i) i--;
    if (i < 0) break;
    idx[i]++;
    for (let j = i + 1; j < size; j++) idx[j] = idx[j - 1] + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const CONCAT_ARITY = (b: BoundFunction) => {
  if (b.arity < 2) throw invalidArgument('There must be two or more arguments to concat');
};

export const arrayFunctions: ScalarFunctionSpec[] = [
  {
    name: 'cardinality',
    typeVariables: ['E'],
    arguments: ['array(E)'],
    returns: 'bigint',
    description: 'Returns the cardinality (length) of the array',
    invoke: (_c, a: unknown[]) => a.length,
  },
  {
    name: 'contains',
    typeVariables: ['T:comparable'],
    arguments: ['array(T)', 'T'],
    returns: 'boolean',
    description: 'Determines whether given value exists in the array',
    specialize: (b) => contains(elementType(b)),
  },
  {
    name: 'contains_sequence',
    typeVariables: ['T:comparable'],
    arguments: ['array(T)', 'array(T)'],
    returns: 'boolean',
    description: 'Determines whether an array contains a sequence, with the values in the exact order',
    specialize: (b) => containsSequence(elementType(b)),
  },
  {
    name: 'element_at',
    typeVariables: ['E'],
    arguments: ['array(E)', 'bigint'],
    returns: 'E',
    description: 'Get element of array at given index',
    invoke: (_c, a: unknown[], i: Int64) => elementAt(a, i),
  },
  {
    name: 'array_position',
    typeVariables: ['T:comparable'],
    arguments: ['array(T)', 'T'],
    returns: 'bigint',
    description:
      'Returns the position of the first occurrence of the given value in array (or 0 if not found)',
    specialize: (b) => arrayPosition(elementType(b)),
  },
  {
    name: 'array_position',
    typeVariables: ['T:comparable'],
    arguments: ['array(T)', 'T', 'bigint'],
    returns: 'bigint',
    description:
      'Returns the position of the n-th occurrence of the given value in array (or 0 if not found)',
    specialize: (b) => arrayPosition(elementType(b)),
  },
  {
    name: 'array_distinct',
    typeVariables: ['E:comparable'],
    arguments: ['array(E)'],
    returns: 'array(E)',
    description: 'Remove duplicate values from the given array',
    specialize: (b) => {
      const t = elementType(b);
      return (_c, a: unknown[]) => distinct(t, a);
    },
  },
  {
    name: 'array_max',
    typeVariables: ['T:orderable'],
    arguments: ['array(T)'],
    returns: 'T',
    description: 'Get maximum value of array',
    specialize: (b) => minMax(elementType(b), true),
  },
  {
    name: 'array_min',
    typeVariables: ['T:orderable'],
    arguments: ['array(T)'],
    returns: 'T',
    description: 'Get minimum value of array',
    specialize: (b) => minMax(elementType(b), false),
  },
  {
    name: 'array_sort',
    typeVariables: ['E:orderable'],
    arguments: ['array(E)'],
    returns: 'array(E)',
    description: 'Sorts the given array in ascending order according to the natural ordering of its elements',
    specialize: (b) => sortArray(elementType(b), false),
  },
  {
    name: 'array_sort_desc',
    typeVariables: ['E:orderable'],
    arguments: ['array(E)'],
    returns: 'array(E)',
    description:
      'Sorts the given array in descending order according to the natural ordering of its elements',
    specialize: (b) => sortArray(elementType(b), true),
  },
  {
    name: 'array_sort',
    typeVariables: ['T'],
    arguments: ['array(T)', 'function(T,T,integer)'],
    returns: 'array(T)',
    description: 'Sorts the given array with a lambda comparator',
    invoke: sortWithComparator,
  },
  {
    name: 'array_join',
    typeVariables: ['T'],
    arguments: ['array(T)', 'varchar'],
    returns: 'varchar',
    description: 'Concatenates the elements of the given array using a delimiter',
    specialize: (b) => arrayJoin(elementType(b)),
  },
  {
    name: 'array_join',
    typeVariables: ['T'],
    arguments: ['array(T)', 'varchar', 'varchar'],
    returns: 'varchar',
    description:
      'Concatenates the elements of the given array using a delimiter and an optional string to replace nulls',
    specialize: (b) => arrayJoin(elementType(b)),
  },
  {
    name: 'array_remove',
    typeVariables: ['E:comparable'],
    arguments: ['array(E)', 'E'],
    returns: 'array(E)',
    description: 'Remove specified values from the given array',
    specialize: (b) => arrayRemove(elementType(b)),
  },
  ...(['union', 'intersect', 'except'] as const).map((op): ScalarFunctionSpec => ({
    name: `array_${op}`,
    typeVariables: ['E:comparable'],
    arguments: ['array(E)', 'array(E)'],
    returns: 'array(E)',
    description:
      op === 'union'
        ? 'Union elements of the two given arrays'
        : op === 'intersect'
          ? 'Intersects elements of the two given arrays'
          : 'Returns an array of elements that are in the first array but not the second, without duplicates',
    specialize: (b) => setOperation(elementType(b), op),
  })),
  {
    name: 'arrays_overlap',
    typeVariables: ['E:comparable'],
    arguments: ['array(E)', 'array(E)'],
    returns: 'boolean',
    description: 'Returns true if arrays have common elements',
    specialize: (b) => arraysOverlap(elementType(b)),
  },
  {
    name: 'concat',
    typeVariables: ['E'],
    arguments: ['array(E)'],
    variadic: true,
    returns: 'array(E)',
    description: 'Concatenates given arrays',
    check: CONCAT_ARITY,
    invoke: (_c, ...arrays: unknown[][]) => ([] as unknown[]).concat(...arrays),
  },
  {
    name: 'concat',
    typeVariables: ['E'],
    arguments: ['array(E)', 'E'],
    returns: 'array(E)',
    description: 'Concatenates an array to an element',
    invoke: (_c, a: unknown[], e: unknown) => [...a, e],
  },
  {
    name: 'concat',
    typeVariables: ['E'],
    arguments: ['E', 'array(E)'],
    returns: 'array(E)',
    description: 'Concatenates an element to an array',
    invoke: (_c, e: unknown, a: unknown[]) => [e, ...a],
  },
  {
    name: 'flatten',
    typeVariables: ['E'],
    arguments: ['array(array(E))'],
    returns: 'array(E)',
    description: 'Flattens the given array',
    invoke: (_c, a: (unknown[] | null)[]) => flatten(a),
  },
  {
    name: 'reverse',
    typeVariables: ['E'],
    arguments: ['array(E)'],
    returns: 'array(E)',
    description: 'Returns an array which has the reversed order of the given array',
    invoke: (_c, a: unknown[]) => [...a].reverse(),
  },
  {
    name: 'slice',
    typeVariables: ['E'],
    arguments: ['array(E)', 'bigint', 'bigint'],
    returns: 'array(E)',
    description: 'Subsets an array given an offset (1-indexed) and length',
    invoke: (_c, a: unknown[], start: Int64, length: Int64) => slice(a, start, length),
  },
  {
    name: 'trim_array',
    typeVariables: ['E'],
    arguments: ['array(E)', 'bigint'],
    returns: 'array(E)',
    description: 'Remove elements from the end of array',
    invoke: (_c, a: unknown[], n: Int64) => trimArray(a, n),
  },
  {
    name: 'ngrams',
    typeVariables: ['T'],
    arguments: ['array(T)', 'integer'],
    returns: 'array(array(T))',
    description: 'Return N-grams for the input',
    invoke: (_c, a: unknown[], n: number) => ngrams(a, n),
  },
  {
    name: 'combinations',
    typeVariables: ['T'],
    arguments: ['array(T)', 'integer'],
    returns: 'array(array(T))',
    description: 'Return n-element subsets from array',
    invoke: (_c, a: unknown[], n: number) => combinations(a, n),
  },
  {
    name: 'sequence',
    arguments: ['bigint', 'bigint'],
    returns: 'array(bigint)',
    description: 'Sequence function to generate synthetic arrays',
    invoke: (_c, a: Int64, b: Int64) => integerSequence(a, b),
  },
  {
    name: 'sequence',
    arguments: ['bigint', 'bigint', 'bigint'],
    returns: 'array(bigint)',
    description: 'Sequence function to generate synthetic arrays',
    invoke: (_c, a: Int64, b: Int64, s: Int64) => integerSequence(a, b, s),
  },
  {
    name: 'sequence',
    arguments: ['date', 'date'],
    returns: 'array(date)',
    description: 'Sequence function to generate synthetic arrays',
    invoke: (_c, a: number, b: number) => dateSequence(a, b, b >= a ? 1n : -1n),
  },
  {
    name: 'sequence',
    arguments: ['date', 'date', 'interval day to second'],
    returns: 'array(date)',
    description: 'Sequence function to generate synthetic arrays',
    invoke: (_c, a: number, b: number, step: Int64) => {
      checkArgument(
        big(step) % DAY_MS === 0n,
        'sequence step must be a day interval if start and end values are dates',
      );
      return dateSequence(a, b, big(step) / DAY_MS);
    },
  },
  {
    name: 'sequence',
    arguments: ['date', 'date', 'interval year to month'],
    returns: 'array(date)',
    description: 'Sequence function to generate synthetic arrays',
    invoke: (_c, a: number, b: number, months: number) => monthStepSequence(a, b, months),
  },
  {
    name: 'sequence',
    arguments: ['timestamp(p)', 'timestamp(p)', 'interval day to second'],
    returns: 'array(timestamp(p))',
    description: 'Sequence function to generate synthetic arrays',
    specialize: (b) => timestampSequence((b.argumentTypes[0] as { precision: number }).precision),
  },
  {
    name: 'sequence',
    arguments: ['timestamp(p)', 'timestamp(p)', 'interval year to month'],
    returns: 'array(timestamp(p))',
    description: 'Sequence function to generate synthetic arrays',
    specialize: (b) => timestampMonthSequence((b.argumentTypes[0] as { precision: number }).precision),
  },
  {
    // ARRAY[a, b, …]: the analyzer coerces the elements to one type and calls this
    name: 'array_constructor',
    typeVariables: ['T'],
    arguments: ['T'],
    variadic: true,
    returns: 'array(T)',
    nullOnNull: false,
    hidden: true,
    description: 'Creates an array from its elements',
    invoke: (_c, ...elements: unknown[]) => elements,
  },
  {
    name: 'repeat',
    typeVariables: ['T'],
    arguments: ['T', 'integer'],
    returns: 'array(T)',
    nullOnNull: false,
    description: 'Repeat an element for a given number of times',
    invoke: (_c, element: unknown, count: number | null) => (count === null ? null : repeat(element, count)),
  },
  {
    name: 'shuffle',
    typeVariables: ['E'],
    arguments: ['array(E)'],
    returns: 'array(E)',
    deterministic: false,
    description: 'Generates a random permutation of the given array',
    invoke: (_c, a: unknown[]) => shuffle(a),
  },
  {
    name: 'transform',
    typeVariables: ['T', 'U'],
    arguments: ['array(T)', 'function(T,U)'],
    returns: 'array(U)',
    description: 'Apply lambda to each element of the array',
    invoke: (_c, a: unknown[], fn: Lambda) => a.map((e) => fn(e) ?? null),
  },
  {
    name: 'filter',
    typeVariables: ['T'],
    arguments: ['array(T)', 'function(T,boolean)'],
    returns: 'array(T)',
    description: 'Return array containing elements that match the given predicate',
    invoke: (_c, a: unknown[], fn: Lambda) => a.filter((e) => fn(e) === true),
  },
  {
    name: 'reduce',
    typeVariables: ['T', 'S', 'R'],
    arguments: ['array(T)', 'S', 'function(S,T,S)', 'function(S,R)'],
    returns: 'R',
    nullOnNull: false,
    description: 'Reduce elements of the array into a single value',
    invoke: (_c, a: unknown[] | null, initial: unknown, input: Lambda, output: Lambda) => {
      if (a === null) return null;
      let state = initial;
      for (const e of a) state = input(state, e) ?? null;
      return output(state) ?? null;
    },
  },
  ...(['any', 'all', 'none'] as const).map((kind): ScalarFunctionSpec => ({
    name: `${kind}_match`,
    typeVariables: ['T'],
    arguments: ['array(T)', 'function(T,boolean)'],
    returns: 'boolean',
    description:
      kind === 'any'
        ? 'Returns true if the array contains one or more elements that match the given predicate'
        : kind === 'all'
          ? 'Returns true if all elements of the array match the given predicate'
          : "Returns true if all elements of the array don't match the given predicate",
    invoke: match(kind),
  })),
  ...[2, 3, 4, 5].map((n): ScalarFunctionSpec => ({
    name: 'zip',
    typeVariables: Array.from({ length: n }, (_, i) => `T${i + 1}`),
    arguments: Array.from({ length: n }, (_, i) => `array(T${i + 1})`),
    returns: `array(row(${Array.from({ length: n }, (_, i) => `T${i + 1}`).join(',')}))`,
    description: 'Merges the given arrays, element-wise, into a single array of rows.',
    invoke: (_c, ...arrays: unknown[][]) => zip(...arrays),
  })),
  {
    name: 'zip_with',
    typeVariables: ['T', 'U', 'R'],
    arguments: ['array(T)', 'array(U)', 'function(T,U,R)'],
    returns: 'array(R)',
    description: 'Merge two arrays, element-wise, into a single array using the lambda function',
    invoke: (_c, a: unknown[], b: unknown[], fn: Lambda) => zip(a, b).map(([x, y]) => fn(x, y) ?? null),
  },
];
