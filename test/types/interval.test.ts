import {
  castToVarchar,
  formatIntervalDayToSecond,
  formatIntervalYearToMonth,
  formatType,
  parseIntervalLiteral,
  type IntervalField,
} from '../../src/types';
import { expectTrinoError } from './helpers';

describe('INTERVAL literals (DateTimeUtils.parse*Interval)', () => {
  test.each<[string, IntervalField, IntervalField | undefined, 1 | -1, number | bigint, string]>([
    ['1-2', 'YEAR', 'MONTH', 1, 14, '1-2'],
    ['1', 'YEAR', 'MONTH', 1, 12, '1-0'],
    ['-1-2', 'YEAR', 'MONTH', 1, -14, '-1-2'],
    ['1-2', 'YEAR', 'MONTH', -1, -14, '-1-2'],
    ['5', 'YEAR', undefined, 1, 60, '5-0'],
    ['13', 'MONTH', undefined, 1, 13, '1-1'],
    ['0', 'MONTH', undefined, 1, 0, '0-0'],
    ['178956970', 'YEAR', undefined, 1, 2147483640, '178956970-0'],
    ['3 04:05:06.789', 'DAY', 'SECOND', 1, 273906789, '3 04:05:06.789'],
    ['3 04:05:06', 'DAY', 'SECOND', 1, 273906000, '3 04:05:06.000'],
    ['3 04:05', 'DAY', 'SECOND', 1, 273900000, '3 04:05:00.000'],
    ['3 04', 'DAY', 'SECOND', 1, 273600000, '3 04:00:00.000'],
    ['3', 'DAY', 'SECOND', 1, 259200000, '3 00:00:00.000'],
    ['5', 'DAY', undefined, 1, 432000000, '5 00:00:00.000'],
    ['-5', 'DAY', undefined, 1, -432000000, '-5 00:00:00.000'],
    ['5', 'DAY', undefined, -1, -432000000, '-5 00:00:00.000'],
    ['12', 'HOUR', undefined, 1, 43200000, '0 12:00:00.000'],
    ['25', 'HOUR', undefined, 1, 90000000, '1 01:00:00.000'],
    ['0 25:00', 'DAY', 'MINUTE', 1, 90000000, '1 01:00:00.000'], // fields are not range-checked
    ['1:30', 'HOUR', 'MINUTE', 1, 5400000, '0 01:30:00.000'],
    ['1:30:15.5', 'HOUR', 'SECOND', 1, 5415500, '0 01:30:15.500'],
    ['90', 'MINUTE', undefined, 1, 5400000, '0 01:30:00.000'],
    ['1:02.5', 'MINUTE', 'SECOND', 1, 62500, '0 00:01:02.500'],
    ['10', 'SECOND', undefined, 1, 10000, '0 00:00:10.000'],
    ['10.123456', 'SECOND', undefined, 1, 10123, '0 00:00:10.123'],
    ['10,5', 'SECOND', undefined, 1, 10500, '0 00:00:10.500'],
    ['0.001', 'SECOND', undefined, -1, -1, '-0 00:00:00.001'],
    ['2147483647', 'DAY', undefined, 1, 185542587100800000n, '2147483647 00:00:00.000'],
  ])("INTERVAL %s'%s' %s TO %s", (text, start, end, sign, value, printed) => {
    const r = parseIntervalLiteral(text, start, end, sign);
    expect(r.value).toBe(value);
    expect(formatType(r.type)).toBe(
      start === 'YEAR' || start === 'MONTH' ? 'interval year to month' : 'interval day to second',
    );
    expect(castToVarchar(r.value, r.type)).toBe(printed);
  });

  test.each<[string, IntervalField, IntervalField | undefined]>([
    ['', 'DAY', undefined],
    ['x', 'DAY', undefined],
    ['1-2', 'YEAR', undefined],
    ['1 2', 'DAY', undefined],
    ['1:2', 'DAY', 'SECOND'],
    ['3 04:05:06:07', 'DAY', 'SECOND'],
    ['--1', 'DAY', undefined],
    ['+1', 'DAY', undefined],
    [' 1', 'DAY', undefined],
    ['1 ', 'DAY', undefined],
    ['1.5', 'DAY', undefined],
    ['12345678901', 'DAY', undefined],
    ['2147483648', 'DAY', undefined],
    ['178956971', 'YEAR', undefined],
    ['1-', 'YEAR', 'MONTH'],
  ])("INTERVAL '%s' %s TO %s is INVALID_LITERAL", (...[text, start, end]) => {
    expectTrinoError(
      () => parseIntervalLiteral(text, start, end),
      'INVALID_LITERAL',
      `'${text}' is not a valid interval literal`,
    );
  });

  test('invalid qualifiers', () => {
    expectTrinoError(
      () => parseIntervalLiteral('1', 'MONTH', 'YEAR'),
      'INVALID_LITERAL',
      'Invalid interval qualifier: MONTH to YEAR',
    );
    expectTrinoError(
      () => parseIntervalLiteral('1', 'YEAR', 'DAY'),
      'INVALID_LITERAL',
      'Invalid interval qualifier: YEAR to DAY',
    );
    expectTrinoError(
      () => parseIntervalLiteral('1', 'SECOND', 'DAY'),
      'INVALID_LITERAL',
      'Invalid interval qualifier: SECOND to DAY',
    );
  });

  test('formatting extremes', () => {
    expect(formatIntervalYearToMonth(-2147483648)).toBe('-178956970-8');
    expect(formatIntervalDayToSecond(-9223372036854775808n)).toBe('-106751991167 07:12:55.808');
    expect(formatIntervalDayToSecond(0)).toBe('0 00:00:00.000');
  });
});
