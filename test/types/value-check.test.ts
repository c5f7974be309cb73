import {
  arrayType,
  BIGINT,
  charType,
  checkValue,
  DATE,
  decimalType,
  INTEGER,
  mapType,
  namedRowType,
  REAL,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  UNKNOWN,
  UUID,
  varcharType,
  VARBINARY,
  type SqlType,
} from '../../src/types';

describe('checkValue (the values.ts representation)', () => {
  test.each<[unknown, SqlType]>([
    [null, INTEGER],
    [null, UNKNOWN],
    [5, BIGINT],
    [9007199254740992n, BIGINT],
    [-9223372036854775808n, BIGINT],
    [Math.fround(0.1), REAL],
    [NaN, REAL],
    [99999, decimalType(5, 2)],
    [150n, decimalType(38, 2)],
    ['ab', charType(3)],
    ['abc', varcharType(3)],
    ['😀😀😀', varcharType(3)],
    [new Uint8Array(2), VARBINARY],
    [-1, DATE],
    [3723456000000, timeType(3)],
    [1n, timeType(12)],
    [1577836800123000, timestampType(3)],
    [{ epochMicros: 0, picosOfMicro: 100000 }, timestampType(7)],
    [{ epochMillis: 1, picosOfMilli: 0, timeZone: 'UTC' }, timestampWithTimeZoneType(3)],
    ['12151fd2-7586-11e9-8f9e-2a86e4085a59', UUID],
    [[1, null, 3], arrayType(INTEGER)],
    [[['a', 1]], mapType(varcharType(1), INTEGER)],
    [[1, 'x'], namedRowType(['a', INTEGER], ['b', varcharType(1)])],
  ])('valid: %j as %j', (value, type) => {
    expect(checkValue(value, type)).toBeUndefined();
  });

  test.each<[unknown, SqlType]>([
    [0, UNKNOWN],
    [5n, BIGINT], // not normalized
    [2 ** 53, BIGINT],
    [9223372036854775808n, BIGINT],
    [1.5, INTEGER],
    [2147483648, INTEGER],
    [-0, INTEGER],
    [0.1, REAL],
    [100000, decimalType(5, 2)],
    [150, decimalType(38, 2)], // wide decimals are always bigint
    [1n, decimalType(5, 2)],
    ['ab ', charType(3)],
    ['abcd', varcharType(3)],
    ['x', VARBINARY],
    [1.5, DATE],
    [3723456000001, timeType(3)],
    [86400000000000, timeType(9)],
    [5, timeType(12)],
    [1577836800123456, timestampType(3)],
    [{ epochMicros: 0, picosOfMicro: 1 }, timestampType(7)],
    [{ epochMillis: 1, picosOfMilli: 0, timeZone: 'UTC' }, timestampWithTimeZoneType(0)],
    [{ epochMillis: 1, picosOfMilli: 0 }, timestampWithTimeZoneType(3)],
    ['12151FD2-7586-11E9-8F9E-2A86E4085A59', UUID],
    [[1.5], arrayType(INTEGER)],
    [[[null, 1]], mapType(varcharType(1), INTEGER)],
    [[1], namedRowType(['a', INTEGER], ['b', varcharType(1)])],
  ])('invalid: %j as %j', (value, type) => {
    expect(checkValue(value, type)).toEqual(expect.any(String));
  });
});
