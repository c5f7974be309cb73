import {
  civilFromDays,
  daysFromCivil,
  epochToLocalFields,
  formatDate,
  formatIntervalDayToSecond,
  formatTime,
  formatTimestamp,
  formatTimestampWithTimeZone,
  localMillisToEpoch,
  normalizeTimeZoneId,
  parseDate,
  parseTimestampLiteral,
  parseTimeLiteral,
  zoneOffsetMillis,
  type TimestampWithTimeZone,
  type TimeWithTimeZone,
  formatType,
  castToVarchar,
  formatTimeWithTimeZone,
} from '../../src/types';
import { expectTrinoError } from './helpers';

describe('proleptic Gregorian calendar', () => {
  test.each<[number, number, number, number]>([
    [1970, 1, 1, 0],
    [2000, 3, 1, 11017],
    [1969, 12, 31, -1],
    [2020, 2, 29, 18321],
    [0, 1, 1, -719528],
    [-1, 12, 31, -719529],
    [1582, 10, 10, -141432], // no Julian gap: proleptic Gregorian, as java.time
    [5881580, 7, 11, 2147483647],
    [-5877641, 6, 23, -2147483648],
  ])('%d-%d-%d ↔ day %d', (y, m, d, days) => {
    expect(daysFromCivil(y, m, d)).toBe(days);
    expect(civilFromDays(days)).toEqual({ year: y, month: m, day: d });
  });

  test('round-trips every day of a 400-year cycle boundary region', () => {
    for (let days = -800000; days < 800000; days += 997) {
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
    }
  });
});

describe('dates (DateTimeUtils.parseDate / printDate)', () => {
  test.each<[string, string]>([
    ['2013-02-02', '2013-02-02'],
    ['13-2-2', '0013-02-02'], // TestDate.testDateCastToVarchar (lenient Joda parser)
    ['2020-1-1', '2020-01-01'],
    ['-0001-01-01', '-0001-01-01'],
    ['+2020-01-01', '2020-01-01'],
    ['10000-01-01', '10000-01-01'],
    ['5881580-07-11', '5881580-07-11'],
    ['2020-02-29', '2020-02-29'],
  ])('%s → %s', (text, printed) => {
    expect(formatDate(parseDate(text))).toBe(printed);
  });

  test.each([
    '5881580-07-12',
    '392251590-07-12',
    '2021-02-29',
    '2020-13-01',
    '2020-00-10',
    '2020-01-32',
    '2020-01',
    '2020/01/01',
    '',
    'x',
    '2020-01-01 00:00',
  ])('invalid %j', (text) => {
    expect(() => parseDate(text)).toThrow();
  });
});

describe('TIME literals — TestTime / TestTimeWithTimeZone.testLiterals', () => {
  test.each<[string, string, string]>([
    ['12:34:56', 'time(0)', '12:34:56'],
    ['12:34:56.1', 'time(1)', '12:34:56.1'],
    ['12:34:56.123', 'time(3)', '12:34:56.123'],
    ['12:34:56.123456789', 'time(9)', '12:34:56.123456789'],
    ['12:34:56.1234567891', 'time(10)', '12:34:56.1234567891'],
    ['12:34:56.123456789123', 'time(12)', '12:34:56.123456789123'],
    ['1:2:3', 'time(0)', '01:02:03'],
    ['12:34', 'time(0)', '12:34:00'],
    ['23:59:59.999999999999', 'time(12)', '23:59:59.999999999999'],
    ['12:34:56+08:35', 'time(0) with time zone', '12:34:56+08:35'],
    ['12:34:56.1+08:35', 'time(1) with time zone', '12:34:56.1+08:35'],
    ['12:34:56.123456789123-08:35', 'time(12) with time zone', '12:34:56.123456789123-08:35'],
    ['12:34:56-00:35', 'time(0) with time zone', '12:34:56-00:35'],
    ['12:34:56.123456789123+14:00', 'time(12) with time zone', '12:34:56.123456789123+14:00'],
    ['12:34:56 -14:00', 'time(0) with time zone', '12:34:56-14:00'],
  ])('TIME %j', (text, type, printed) => {
    const r = parseTimeLiteral(text);
    expect(formatType(r.type)).toBe(type);
    expect(castToVarchar(r.value, r.type)).toBe(printed);
  });

  test('time values: nanoseconds of day (p <= 9) or picoseconds as bigint (p > 9)', () => {
    expect(parseTimeLiteral('01:02:03.456').value).toBe(3723456000000);
    expect(parseTimeLiteral('23:59:59.123456789').value).toBe(86399123456789);
    expect(parseTimeLiteral('00:00:00.000000000001').value).toBe(1n);
    expect(parseTimeLiteral('12:00:00+01:00').value).toEqual({ time: 43200000000000, offsetMinutes: 60 });
  });

  test.each([
    ['25:00:00+08:35', 'INVALID_LITERAL', "'25:00:00+08:35' is not a valid time literal"],
    ['12:65:00+08:35', 'INVALID_LITERAL', "'12:65:00+08:35' is not a valid time literal"],
    ['12:00:65+08:35', 'INVALID_LITERAL', "'12:00:65+08:35' is not a valid time literal"],
    ['12:00:00+15:00', 'INVALID_LITERAL', "'12:00:00+15:00' is not a valid time literal"],
    ['12:00:00-14:01', 'INVALID_LITERAL', "'12:00:00-14:01' is not a valid time literal"],
    ['12:00:00+13:60', 'INVALID_LITERAL', "'12:00:00+13:60' is not a valid time literal"],
    [
      '12:34:56.1234567891234+08:35',
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'TIME WITH TIME ZONE precision must be in range [0, 12]: 13',
    ],
    ['12:34:56.1234567891234', 'NUMERIC_VALUE_OUT_OF_RANGE', 'TIME precision must be in range [0, 12]: 13'],
    ['', 'INVALID_LITERAL', "'' is not a valid time literal"],
    ['12', 'INVALID_LITERAL', "'12' is not a valid time literal"],
    ['12:00:00 UTC', 'INVALID_LITERAL', "'12:00:00 UTC' is not a valid time literal"],
    ['123:00', 'INVALID_LITERAL', "'123:00' is not a valid time literal"],
  ])('TIME %j → %s', (text, code, message) => {
    expectTrinoError(() => parseTimeLiteral(text), code, message);
  });
});

describe('TIMESTAMP literals — TestTimestamp / TestTimestampWithTimeZone', () => {
  test.each<[string, string, string]>([
    ['2020-05-01 12:34:56', 'timestamp(0)', '2020-05-01 12:34:56'],
    ['2020-05-01 12:34:56.1', 'timestamp(1)', '2020-05-01 12:34:56.1'],
    ['2020-05-01 12:34:56.123456', 'timestamp(6)', '2020-05-01 12:34:56.123456'],
    ['2020-05-01 12:34:56.1234567', 'timestamp(7)', '2020-05-01 12:34:56.1234567'],
    ['2020-05-01 12:34:56.123456789012', 'timestamp(12)', '2020-05-01 12:34:56.123456789012'],
    ['2020-05-01', 'timestamp(0)', '2020-05-01 00:00:00'],
    ['2020-5-1 1:2', 'timestamp(0)', '2020-05-01 01:02:00'],
    ['1500-05-01 12:34:56.1', 'timestamp(1)', '1500-05-01 12:34:56.1'],
    ['1969-12-31 23:59:59.999999', 'timestamp(6)', '1969-12-31 23:59:59.999999'],
    ['123001-01-02 03:04:05.321', 'timestamp(3)', '+123001-01-02 03:04:05.321'],
    ['-0001-01-01 00:00:00', 'timestamp(0)', '-0001-01-01 00:00:00'],
    [
      '2020-05-01 12:34:56 Asia/Kathmandu',
      'timestamp(0) with time zone',
      '2020-05-01 12:34:56 Asia/Kathmandu',
    ],
    [
      '2020-05-01 12:34:56.123456789012 Asia/Kathmandu',
      'timestamp(12) with time zone',
      '2020-05-01 12:34:56.123456789012 Asia/Kathmandu',
    ],
    [
      '1500-05-01 12:34:56.12 Asia/Kathmandu',
      'timestamp(2) with time zone',
      '1500-05-01 12:34:56.12 Asia/Kathmandu',
    ],
    ['2001-01-02 03:04:05.321 +07:09', 'timestamp(3) with time zone', '2001-01-02 03:04:05.321 +07:09'],
    ['2001-01-02 03:04:05.321+07:09', 'timestamp(3) with time zone', '2001-01-02 03:04:05.321 +07:09'],
    ['2001-01-02 03:04:05 UTC', 'timestamp(0) with time zone', '2001-01-02 03:04:05 UTC'],
    ['2001-01-02 03:04:05 Z', 'timestamp(0) with time zone', '2001-01-02 03:04:05 UTC'],
    ['2001-01-02 03:04:05 +00:00', 'timestamp(0) with time zone', '2001-01-02 03:04:05 UTC'],
    ['2001-01-02 03:04:05 GMT+7', 'timestamp(0) with time zone', '2001-01-02 03:04:05 +07:00'],
    ['2001-01-02 03:04:05 Etc/GMT+5', 'timestamp(0) with time zone', '2001-01-02 03:04:05 -05:00'],
    ['2001-01-02 03:04:05 +0530', 'timestamp(0) with time zone', '2001-01-02 03:04:05 +05:30'],
    [
      '2001-01-02 America/Los_Angeles',
      'timestamp(0) with time zone',
      '2001-01-02 00:00:00 America/Los_Angeles',
    ],
    [
      '12001-01-02 03:04:05.321 Europe/Berlin',
      'timestamp(3) with time zone',
      '+12001-01-02 03:04:05.321 Europe/Berlin',
    ],
    [
      '-12001-01-02 03:04:05.321 Europe/Berlin',
      'timestamp(3) with time zone',
      '-12001-01-02 03:04:05.321 Europe/Berlin',
    ],
  ])('TIMESTAMP %j', (text, type, printed) => {
    const r = parseTimestampLiteral(text);
    expect(formatType(r.type)).toBe(type);
    expect(castToVarchar(r.value, r.type)).toBe(printed);
  });

  test('value representation', () => {
    expect(parseTimestampLiteral('1970-01-01 00:00:01.5').value).toBe(1500000);
    expect(parseTimestampLiteral('2020-01-01 00:00:00.123456').value).toBe(1577836800123456);
    // beyond ±2^53 microseconds the short form is a bigint
    expect(parseTimestampLiteral('1500-05-01 12:34:56.123456').value).toBe(-14821356303876544n);
    expect(parseTimestampLiteral('1970-01-01 00:00:00.0000001').value).toEqual({
      epochMicros: 0,
      picosOfMicro: 100000,
    });
    expect(parseTimestampLiteral('1969-12-31 23:59:59.9999999').value).toEqual({
      epochMicros: -1,
      picosOfMicro: 900000,
    });
    expect(parseTimestampLiteral('2020-01-01 00:00:00.123 America/New_York').value).toEqual({
      epochMillis: 1577854800123,
      picosOfMilli: 0,
      timeZone: 'America/New_York',
    });
    expect(parseTimestampLiteral('2020-01-01 00:00:00.1234567 +01:00').value).toEqual({
      epochMillis: 1577833200123,
      picosOfMilli: 456700000,
      timeZone: '+01:00',
    });
  });

  test('TIMESTAMP subtraction across zones matches Trino (366 12:11:11.111)', () => {
    const a = parseTimestampLiteral('2017-03-30 14:15:16.432 +07:09').value as TimestampWithTimeZone;
    const b = parseTimestampLiteral('2016-03-29 03:04:05.321 +08:09').value as TimestampWithTimeZone;
    expect(formatIntervalDayToSecond(a.epochMillis - b.epochMillis)).toBe('366 12:11:11.111');
  });

  test('daylight saving: gaps are rejected, overlaps take the earlier instant (java.time)', () => {
    expectTrinoError(
      () => parseTimestampLiteral('2020-03-08 02:30:00 America/New_York'),
      'INVALID_LITERAL',
      "'2020-03-08 02:30:00 America/New_York' is not a valid timestamp literal",
    );
    const overlap = parseTimestampLiteral('2020-11-01 01:30:00 America/New_York')
      .value as TimestampWithTimeZone;
    expect(overlap.epochMillis).toBe(Date.UTC(2020, 10, 1, 5, 30));
    expect(formatTimestampWithTimeZone(overlap, 0)).toBe('2020-11-01 01:30:00 America/New_York');
    const later = { ...overlap, epochMillis: overlap.epochMillis + 3600000 };
    expect(formatTimestampWithTimeZone(later, 0)).toBe('2020-11-01 01:30:00 America/New_York');
  });

  test('historical local mean time offsets, as java.time', () => {
    // America/New_York used LMT -4:56:02 before 1883-11-18.
    const v = parseTimestampLiteral('1800-01-01 00:00:00 America/New_York').value as TimestampWithTimeZone;
    expect(v.epochMillis).toBe(Date.UTC(1800, 0, 1, 4, 56, 2));
  });

  test.each([
    ['2020-13-01', 'INVALID_LITERAL', "'2020-13-01' is not a valid timestamp literal"],
    ['xxx', 'INVALID_LITERAL', "'xxx' is not a valid timestamp literal"],
    [
      '2020-13-01 Asia/Kathmandu',
      'INVALID_LITERAL',
      "'2020-13-01 Asia/Kathmandu' is not a valid timestamp literal",
    ],
    [
      '2020-05-01 12:34:56.1234567890123',
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'TIMESTAMP precision must be in range [0, 12]: 13',
    ],
    [
      '2020-05-01 12:34:56.1234567890123 Asia/Kathmandu',
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'TIMESTAMP WITH TIME ZONE precision must be in range [0, 12]: 13',
    ],
    [
      '123001-01-02 03:04:05.321 Europe/Berlin',
      'INVALID_LITERAL',
      "'123001-01-02 03:04:05.321 Europe/Berlin' is not a valid timestamp literal",
    ],
    [
      '+123001-01-02 03:04:05.321 Europe/Berlin',
      'INVALID_LITERAL',
      "'+123001-01-02 03:04:05.321 Europe/Berlin' is not a valid timestamp literal",
    ],
    [
      '2020-01-01 00:00:00 Mars/Olympus',
      'INVALID_LITERAL',
      "'2020-01-01 00:00:00 Mars/Olympus' is not a valid timestamp literal",
    ],
    [
      '2020-01-01 00:00:00 america/new_york',
      'INVALID_LITERAL',
      "'2020-01-01 00:00:00 america/new_york' is not a valid timestamp literal",
    ],
    [
      '2020-01-01 00:00:00 +15:00',
      'INVALID_LITERAL',
      "'2020-01-01 00:00:00 +15:00' is not a valid timestamp literal",
    ],
    ['2020-01-01 24:00:00', 'INVALID_LITERAL', "'2020-01-01 24:00:00' is not a valid timestamp literal"],
    ['2020-01-01T00:00:00', 'INVALID_LITERAL', "'2020-01-01T00:00:00' is not a valid timestamp literal"],
    ['999-01-01', 'INVALID_LITERAL', "'999-01-01' is not a valid timestamp literal"],
    ['2020-01-01 12', 'INVALID_LITERAL', "'2020-01-01 12' is not a valid timestamp literal"],
    ['9999999999-01-01', 'INVALID_LITERAL', "'9999999999-01-01' is not a valid timestamp literal"],
    ['300000-01-01', 'INVALID_LITERAL', "'300000-01-01' is not a valid timestamp literal"],
  ])('TIMESTAMP %j → %s', (text, code, message) => {
    expectTrinoError(() => parseTimestampLiteral(text), code, message);
  });
});

describe('time zones', () => {
  test.each<[string, string]>([
    ['UTC', 'UTC'],
    ['Z', 'UTC'],
    ['GMT', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['UT+0', 'UTC'],
    ['+00:00', 'UTC'],
    ['America/New_York', 'America/New_York'],
    ['US/Pacific', 'US/Pacific'],
    ['Asia/Kathmandu', 'Asia/Kathmandu'],
    ['+05:30', '+05:30'],
    ['-08:00', '-08:00'],
    ['+0530', '+05:30'],
    ['+5', '+05:00'],
    ['-09', '-09:00'],
    ['+14:00', '+14:00'],
    ['UTC+05:30', '+05:30'],
    ['GMT-7', '-07:00'],
    ['Etc/GMT-3', '+03:00'],
  ])('%s → %s', (id, key) => {
    expect(normalizeTimeZoneId(id)).toBe(key);
  });

  test.each([
    '',
    'Foo/Bar',
    'AMERICA/NEW_YORK',
    '+15:00',
    '+05:30:15',
    'GMT7',
    'UTC+25',
    '+5:30',
    'America/New York',
    '../etc/passwd',
  ])('rejects %j', (id) => {
    expect(() => normalizeTimeZoneId(id)).toThrow(/Time zone not supported/);
  });

  test('offsets from the tz database', () => {
    expect(zoneOffsetMillis('America/New_York', Date.UTC(2020, 0, 1))).toBe(-5 * 3600000);
    expect(zoneOffsetMillis('America/New_York', Date.UTC(2020, 6, 1))).toBe(-4 * 3600000);
    expect(zoneOffsetMillis('Asia/Kathmandu', Date.UTC(2020, 0, 1))).toBe((5 * 60 + 45) * 60000);
    expect(zoneOffsetMillis('+05:30', 0)).toBe(330 * 60000);
    // far future: DST rules keep applying (400-year calendar shift)
    expect(zoneOffsetMillis('America/New_York', Date.UTC(200000, 6, 1))).toBe(-4 * 3600000);
    expect(zoneOffsetMillis('America/New_York', Date.UTC(200000, 0, 1))).toBe(-5 * 3600000);
  });

  test('local ↔ epoch helpers', () => {
    expect(localMillisToEpoch('Europe/Berlin', Date.UTC(2021, 2, 28, 2, 30))).toBeUndefined(); // gap
    expect(localMillisToEpoch('Europe/Berlin', Date.UTC(2021, 9, 31, 2, 30))).toBe(
      Date.UTC(2021, 9, 31, 0, 30),
    ); // overlap → earlier
    expect(epochToLocalFields('Asia/Tokyo', Date.UTC(2020, 11, 31, 20, 0, 5, 7))).toEqual({
      year: 2021,
      month: 1,
      day: 1,
      hour: 5,
      minute: 0,
      second: 5,
      millis: 7,
    });
  });
});

describe('formatting helpers', () => {
  test('formatTime / formatTimestamp pad to the precision', () => {
    expect(formatTime(0, 0)).toBe('00:00:00');
    expect(formatTime(1000, 9)).toBe('00:00:00.000001000');
    expect(formatTime(86399999999999999n, 12)).toBe('23:59:59.999999999999');
    expect(formatTimestamp(0, 3)).toBe('1970-01-01 00:00:00.000');
    expect(formatTimestamp(-1, 6)).toBe('1969-12-31 23:59:59.999999');
    expect(formatTimestamp({ epochMicros: -1, picosOfMicro: 999999 }, 12)).toBe(
      '1969-12-31 23:59:59.999999999999',
    );
    const tz: TimeWithTimeZone = { time: 0, offsetMinutes: -90 };
    expect(formatTimeWithTimeZone(tz, 0)).toBe('00:00:00-01:30');
  });
});
