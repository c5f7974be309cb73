// SQL equality / identity / ordering, after Trino's type operators (DoubleType: EQUAL is ==,
// IS_DISTINCT_FROM treats NaN as one value, COMPARISON_UNORDERED_LAST is Double.compare;
// ArrayType/RowType comparisons reject NULL elements with NOT_SUPPORTED).
import {
  compareStrings,
  compareValues,
  comparatorFor,
  equalValues,
  identicalValues,
  identityKeyFor,
  ValueSet,
} from '../../src/functions';
import { castFromVarchar, parseType } from '../../src/types';
import { expectError } from './helpers';

const T = (s: string) => parseType(s);
const lit = (type: string, text: string) => castFromVarchar(text, T(type));
const sign = (n: number) => Math.sign(n);

describe('compareValues', () => {
  test.each<[string, unknown, unknown, number]>([
    ['boolean', false, true, -1],
    ['integer', -5, 3, -1],
    ['bigint', 9007199254740993n, 9007199254740992, 1],
    ['bigint', -9223372036854775808n, -9007199254740993n, -1],
    ['bigint', 5, 5, 0],
    ['double', -0, 0, -1],
    ['double', Infinity, NaN, -1],
    ['double', NaN, NaN, 0],
    ['double', -Infinity, -1e308, -1],
    ['real', 1.5, 1.25, 1],
    ['decimal(5,2)', 12345, -12345, 1],
    ['decimal(20,2)', 10n ** 19n, 10n ** 18n, 1],
    ['varchar', 'a', 'b', -1],
    ['varchar', 'ab', 'a', 1],
    ['varchar', '\uFFFD', '\u{1F600}', -1], // code point order, not UTF-16 order
    ['varchar', '\u{10000}', '\u{1F600}', -1],
    ['varchar', 'é', 'z', 1],
    ['char(3)', 'a', 'a\t', 1], // 'a  ' vs 'a\t ' as padded strings
    ['char(3)', 'a', 'ab', -1],
    ['char(3)', 'ab', 'ab', 0],
    ['varbinary', new Uint8Array([1, 2]), new Uint8Array([1, 255]), -1],
    ['varbinary', new Uint8Array([1]), new Uint8Array([1, 0]), -1],
    ['date', 1, 0, 1],
    [
      'timestamp(9)',
      lit('timestamp(9)', '2020-01-01 00:00:00.000000002'),
      lit('timestamp(9)', '2020-01-01 00:00:00.000000001'),
      1,
    ],
    [
      'timestamp(3) with time zone',
      lit('timestamp(3) with time zone', '2020-01-01 00:00:00 UTC'),
      lit('timestamp(3) with time zone', '2020-01-01 01:00:00 +01:00'),
      0,
    ],
    [
      'timestamp(3) with time zone',
      lit('timestamp(3) with time zone', '2020-01-01 00:00:00 UTC'),
      lit('timestamp(3) with time zone', '2020-01-01 00:30:00 +01:00'),
      1,
    ],
    [
      'time(3) with time zone',
      lit('time(3) with time zone', '10:00:00 +01:00'),
      lit('time(3) with time zone', '09:30:00 +00:00'),
      -1,
    ],
    ['time(12)', lit('time(12)', '10:00:00.000000000001'), lit('time(12)', '10:00:00'), 1],
    ['array(integer)', [1, 2], [1, 3], -1],
    ['array(integer)', [1, 2], [1], 1],
    ['array(integer)', [2, null], [1, null], 1], // differs before the NULL
    ['row(integer, varchar)', [1, 'b'], [1, 'a'], 1],
    ['interval day to second', 1000, 999, 1],
  ])('%s: compare(%p, %p) = %d', (type, a, b, expected) => {
    expect(sign(compareValues(a, b, T(type)))).toBe(expected);
    expect(sign(compareValues(b, a, T(type)))).toBe(-expected + 0);
  });

  test('NaN sorts first with the UNORDERED_FIRST comparator', () => {
    expect(compareValues(NaN, -Infinity, T('double'), true)).toBeLessThan(0);
    expect(compareValues(NaN, -Infinity, T('double'))).toBeGreaterThan(0);
    expect(compareValues([NaN], [-Infinity], T('array(double)'), true)).toBeLessThan(0);
  });

  test('NULL elements met while comparing raise NOT_SUPPORTED', () => {
    expectError(
      () => compareValues([1, null], [1, 2], T('array(integer)')),
      'NOT_SUPPORTED',
      'ARRAY comparison not supported for arrays with null elements',
    );
    expectError(
      () => compareValues([1, null], [1, 2], T('row(integer, integer)')),
      'NOT_SUPPORTED',
      'ROW comparison not supported for fields with null elements',
    );
    expectError(() => compareValues([], [], T('map(integer, integer)')), 'NOT_SUPPORTED');
  });

  test('strings sort by code point (= UTF-8 byte order)', () => {
    const values = ['\u{1F600}', '\uFFFD', 'z', 'a', '\u00e9', '', '\uD7FF'];
    const sorted = [...values].sort(compareStrings);
    const byBytes = [...values].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(sorted).toEqual(byBytes);
  });

  test('sorting 200k doubles with a specialized comparator is fast', () => {
    const data = Array.from({ length: 200_000 }, (_, i) => Math.sin(i) * 1e6);
    const cmp = comparatorFor(T('double'));
    const start = Date.now();
    data.sort(cmp);
    expect(Date.now() - start).toBeLessThan(2000);
    let ordered = true;
    for (let i = 1; i < data.length; i++) if (data[i - 1] > data[i]) ordered = false;
    expect(ordered).toBe(true);
  });
});

describe('equalValues (SQL =)', () => {
  test.each<[string, unknown, unknown, boolean | null]>([
    ['double', NaN, NaN, false],
    ['double', -0, 0, true],
    ['bigint', 9007199254740993n, 9007199254740993n, true],
    ['varchar', 'a', 'a', true],
    ['char(3)', 'a', 'a', true],
    ['varbinary', new Uint8Array([1]), new Uint8Array([1]), true],
    ['array(integer)', [1, null], [1, null], null],
    ['array(integer)', [1, null], [2, null], false],
    ['array(integer)', [1, 2], [1, 2, 3], false],
    ['row(integer, integer)', [1, null], [1, 2], null],
    [
      'map(varchar, integer)',
      [
        ['a', 1],
        ['b', 2],
      ],
      [
        ['b', 2],
        ['a', 1],
      ],
      true,
    ],
    ['map(varchar, integer)', [['a', 1]], [['b', 1]], false],
    ['map(varchar, integer)', [['a', null]], [['a', 1]], null],
    [
      'timestamp(3) with time zone',
      lit('timestamp(3) with time zone', '2020-01-01 00:00:00 UTC'),
      lit('timestamp(3) with time zone', '2019-12-31 19:00:00 America/New_York'),
      true,
    ],
    [
      'time(3) with time zone',
      lit('time(3) with time zone', '10:00:00 +01:00'),
      lit('time(3) with time zone', '09:00:00 +00:00'),
      true,
    ],
  ])('%s: %p = %p is %p', (type, a, b, expected) => {
    expect(equalValues(a, b, T(type))).toBe(expected);
  });
});

describe('identity (IS NOT DISTINCT FROM) and identity keys', () => {
  test.each<[string, unknown, unknown, boolean]>([
    ['double', NaN, NaN, true],
    ['double', -0, 0, true],
    ['double', 1, 2, false],
    ['integer', null, null, true],
    ['integer', null, 1, false],
    ['array(integer)', [1, null], [1, null], true],
    ['array(double)', [NaN], [NaN], true],
    ['array(varchar)', ['a,b'], ['a', 'b'], false],
    ['array(varchar)', ['1'], [null], false],
    ['array(bigint)', [1], ['1'], false],
    [
      'map(varchar, integer)',
      [
        ['a', 1],
        ['b', null],
      ],
      [
        ['b', null],
        ['a', 1],
      ],
      true,
    ],
    ['row(integer, varchar)', [1, null], [1, null], true],
    ['varbinary', new Uint8Array([0, 255]), new Uint8Array([0, 255]), true],
    [
      'timestamp(12)',
      lit('timestamp(12)', '2020-01-01 00:00:00.000000000001'),
      lit('timestamp(12)', '2020-01-01 00:00:00.000000000001'),
      true,
    ],
    [
      'timestamp(3) with time zone',
      lit('timestamp(3) with time zone', '2020-01-01 00:00:00 UTC'),
      lit('timestamp(3) with time zone', '2020-01-01 09:00:00 Asia/Tokyo'),
      true,
    ],
  ])('%s: %p identical to %p is %p', (type, a, b, expected) => {
    expect(identicalValues(a, b, T(type))).toBe(expected);
    const key = identityKeyFor(T(type));
    const ka = key(a);
    const kb = key(b);
    expect(ka === kb || (ka !== ka && kb !== kb)).toBe(expected);
  });

  test('ValueSet keeps first occurrences under identity', () => {
    const set = new ValueSet(T('array(double)'));
    for (const v of [[1], [NaN], [1], [NaN], null, null, [-0], [0]]) set.add(v);
    expect(set.size).toBe(4);
    expect(set.values()).toEqual([[1], [NaN], null, [-0]]);
    expect(set.has([0])).toBe(true);
  });
});
