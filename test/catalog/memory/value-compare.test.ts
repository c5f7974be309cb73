import {
  compareNumeric,
  compareStrings,
  compareValues,
} from '../../../src/catalog/connectors/memory/value-compare';
import { domainPredicate } from '../../../src/catalog/connectors/memory/domain-filter';
import { estimateBlockBytes, estimateValueBytes } from '../../../src/catalog/connectors/memory/page-size';
import { booleanBlock, numberBlock, valueBlock } from '../../../src/execution/block';
import {
  BIGINT,
  DOUBLE,
  VARBINARY,
  VARCHAR,
  arrayType,
  namedRowType,
  timeWithTimeZoneType,
  timestampType,
} from '../../../src/types';

describe('memory value comparison', () => {
  test('numbers and bigints compare exactly', () => {
    expect(compareNumeric(1, 2)).toBe(-1);
    expect(compareNumeric(2n ** 60n, 2n ** 60n + 1n)).toBe(-1);
    expect(compareNumeric(9007199254740991, 2n ** 60n)).toBe(-1);
    expect(compareNumeric(-(2n ** 60n), -9007199254740991)).toBe(-1);
    expect(compareNumeric(1.5, 2n ** 60n)).toBe(-1);
    expect(compareNumeric(-0, 0)).toBe(0);
  });

  test('strings compare by code point, not UTF-16 unit', () => {
    expect(compareStrings('a', 'b')).toBe(-1);
    expect(compareStrings('ab', 'a')).toBe(1);
    expect(compareStrings('\uffff', '😀')).toBe(-1); // U+FFFF < U+1F600, though 0xFFFF > 0xD83D
    expect(compareStrings('😀', '\ue000')).toBe(1);
    expect(compareStrings('\ud7ff', '😀')).toBe(-1);
    expect(compareStrings('😀', '😁')).toBe(-1);
    expect(compareStrings('x', 'x')).toBe(0);
  });

  test('composite and temporal values', () => {
    expect(compareValues(arrayType(BIGINT), [1, 2], [1, 2, 0])).toBe(-1);
    expect(compareValues(arrayType(BIGINT), [1, null], [1, 0])).toBe(-1);
    expect(compareValues(namedRowType(['a', BIGINT], ['b', VARCHAR]), [1, 'b'], [1, 'a'])).toBe(1);
    expect(compareValues(VARBINARY, new Uint8Array([1, 255]), new Uint8Array([2]))).toBe(-1);
    expect(
      compareValues(
        timestampType(9),
        { epochMicros: 5, picosOfMicro: 1 },
        { epochMicros: 5, picosOfMicro: 0 },
      ),
    ).toBe(1);
    // 10:00 at +02:00 is 08:00 UTC, earlier than 09:00 at UTC
    const hours = (h: number) => h * 3_600_000_000_000;
    expect(
      compareValues(
        timeWithTimeZoneType(3),
        { time: hours(10), offsetMinutes: 120 },
        { time: hours(9), offsetMinutes: 0 },
      ),
    ).toBe(-1);
  });

  test('domains: null handling and NaN', () => {
    const gt1 = domainPredicate({
      type: DOUBLE,
      ranges: [{ low: { value: 1, inclusive: false } }],
      nullAllowed: true,
    });
    expect([gt1(null), gt1(1), gt1(1.5), gt1(NaN), gt1(Infinity)]).toEqual([true, false, true, false, true]);
    const all = domainPredicate({ type: DOUBLE, nullAllowed: false });
    expect([all(null), all(NaN), all(-Infinity)]).toEqual([false, true, true]);
  });
});

describe('memory page size estimates', () => {
  test('typed blocks cost their arrays', () => {
    expect(estimateBlockBytes(numberBlock(new Float64Array(10)))).toBe(80);
    expect(estimateBlockBytes(numberBlock(new Float64Array(10), new Uint8Array(10).fill(1)))).toBe(90);
    expect(estimateBlockBytes(booleanBlock(new Uint8Array(10)))).toBe(10);
  });

  test('value blocks cost a slot per position plus each value', () => {
    expect(estimateValueBytes('abcd')).toBe(20);
    expect(estimateValueBytes('é')).toBe(17); // Latin-1: one byte a unit
    expect(estimateValueBytes('😀')).toBe(20); // two UTF-16 units
    expect(estimateValueBytes(2n ** 60n)).toBe(24);
    expect(estimateValueBytes(new Uint8Array(4))).toBe(100);
    expect(estimateValueBytes([1, 'ab'])).toBe(16 + 16 + 8 + 18);
    expect(estimateBlockBytes(valueBlock(['abcd', null]))).toBe(16 + 20);
  });
});
