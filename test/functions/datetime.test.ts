// Expected values: trino.io/docs functions/datetime.html and Trino's TestDateTimeFunctions,
// TestTimestamp / TestTimestampWithTimeZone, Joda-Time behaviour for format/parse.
import { atTimeZone, currentTimestamp } from '../../src/functions';
import { formatValue, parseType } from '../../src/types';
import { big, callIn, CTX, dbl, evaluate, expectError, NULL, str, t, typeOf, v, type Arg } from './helpers';

type Case = [string, Arg[], string, string];

const TS = t('timestamp(3)', '2001-08-22 03:04:05.321');
const TS9 = t('timestamp(9)', '2001-08-22 03:04:05.321456789');
const TSTZ = t('timestamp(3) with time zone', '2001-08-22 03:04:05.321 America/Los_Angeles');
const DATE = t('date', '2001-08-22');
const TIME = t('time(3)', '03:04:05.321');
const TIMETZ = t('time(3) with time zone', '03:04:05.321 +05:30');

describe('date and time functions', () => {
  test.each<Case>([
    // field extraction (documentation: 2001-08-22 is a Wednesday, day 234, ISO week 34)
    ['year', [TS], 'bigint', '2001'],
    ['quarter', [TS], 'bigint', '3'],
    ['month', [DATE], 'bigint', '8'],
    ['week', [TS], 'bigint', '34'],
    ['week_of_year', [DATE], 'bigint', '34'],
    ['day', [TSTZ], 'bigint', '22'],
    ['day_of_month', [TS], 'bigint', '22'],
    ['day_of_week', [TS], 'bigint', '3'],
    ['dow', [DATE], 'bigint', '3'],
    ['day_of_year', [TS], 'bigint', '234'],
    ['doy', [TSTZ], 'bigint', '234'],
    ['year_of_week', [t('date', '2005-01-02')], 'bigint', '2004'],
    ['yow', [t('date', '2008-12-29')], 'bigint', '2009'],
    ['week', [t('date', '2005-01-02')], 'bigint', '53'],
    ['hour', [TS], 'bigint', '3'],
    ['hour', [TSTZ], 'bigint', '3'],
    ['hour', [TIME], 'bigint', '3'],
    ['hour', [TIMETZ], 'bigint', '3'],
    ['minute', [TS9], 'bigint', '4'],
    ['second', [TS9], 'bigint', '5'],
    ['millisecond', [TS9], 'bigint', '321'],
    ['millisecond', [TIME], 'bigint', '321'],
    ['year', [t('timestamp(3)', '-0044-03-15 12:00:00')], 'bigint', '-44'],
    ['year', [NULL], 'bigint', 'NULL'],
    ['timezone_hour', [TSTZ], 'bigint', '-7'],
    ['timezone_minute', [t('timestamp(3) with time zone', '2001-08-22 03:04:05 +05:30')], 'bigint', '30'],
    ['timezone_hour', [TIMETZ], 'bigint', '5'],
    ['day', [v('interval day to second', 3 * 86400000 + 4 * 3600000 + 5 * 60000 + 6789)], 'bigint', '3'],
    ['hour', [v('interval day to second', 3 * 86400000 + 4 * 3600000 + 5 * 60000 + 6789)], 'bigint', '4'],
    ['second', [v('interval day to second', 3 * 86400000 + 4 * 3600000 + 5 * 60000 + 6789)], 'bigint', '6'],
    ['millisecond', [v('interval day to second', -6789)], 'bigint', '-789'],
    ['year', [v('interval year to month', 14)], 'bigint', '1'],
    ['month', [v('interval year to month', 14)], 'bigint', '2'],
    // date_trunc (documentation table)
    ['date_trunc', [str('second'), TS], 'timestamp(3)', '2001-08-22 03:04:05.000'],
    ['date_trunc', [str('minute'), TS], 'timestamp(3)', '2001-08-22 03:04:00.000'],
    ['date_trunc', [str('hour'), TS], 'timestamp(3)', '2001-08-22 03:00:00.000'],
    ['date_trunc', [str('day'), TS], 'timestamp(3)', '2001-08-22 00:00:00.000'],
    ['date_trunc', [str('week'), TS], 'timestamp(3)', '2001-08-20 00:00:00.000'],
    ['date_trunc', [str('month'), TS], 'timestamp(3)', '2001-08-01 00:00:00.000'],
    ['date_trunc', [str('quarter'), TS], 'timestamp(3)', '2001-07-01 00:00:00.000'],
    ['date_trunc', [str('YEAR'), TS], 'timestamp(3)', '2001-01-01 00:00:00.000'],
    ['date_trunc', [str('millisecond'), TS9], 'timestamp(9)', '2001-08-22 03:04:05.321000000'],
    ['date_trunc', [str('second'), TS9], 'timestamp(9)', '2001-08-22 03:04:05.000000000'],
    ['date_trunc', [str('month'), DATE], 'date', '2001-08-01'],
    ['date_trunc', [str('week'), DATE], 'date', '2001-08-20'],
    ['date_trunc', [str('minute'), TIME], 'time(3)', '03:04:00.000'],
    ['date_trunc', [str('hour'), TIMETZ], 'time(3) with time zone', '03:00:00.000+05:30'],
    [
      'date_trunc',
      [str('day'), TSTZ],
      'timestamp(3) with time zone',
      '2001-08-22 00:00:00.000 America/Los_Angeles',
    ],
    [
      'date_trunc',
      [str('month'), TSTZ],
      'timestamp(3) with time zone',
      '2001-08-01 00:00:00.000 America/Los_Angeles',
    ],
    [
      'date_trunc',
      [str('hour'), t('timestamp(3) with time zone', '2001-08-22 03:34:05 Asia/Kolkata')],
      'timestamp(3) with time zone',
      '2001-08-22 03:00:00.000 Asia/Kolkata',
    ],
    // date_add (documentation)
    [
      'date_add',
      [str('second'), big(86), t('timestamp(3)', '2020-03-01 00:00:00')],
      'timestamp(3)',
      '2020-03-01 00:01:26.000',
    ],
    [
      'date_add',
      [str('hour'), big(9), t('timestamp(3)', '2020-03-01 00:00:00')],
      'timestamp(3)',
      '2020-03-01 09:00:00.000',
    ],
    [
      'date_add',
      [str('day'), big(-1), t('timestamp(3) with time zone', '2020-03-01 00:00:00 UTC')],
      'timestamp(3) with time zone',
      '2020-02-29 00:00:00.000 UTC',
    ],
    ['date_add', [str('month'), big(1), t('date', '2001-01-31')], 'date', '2001-02-28'],
    ['date_add', [str('month'), big(1), t('date', '2004-01-31')], 'date', '2004-02-29'],
    ['date_add', [str('quarter'), big(-1), DATE], 'date', '2001-05-22'],
    ['date_add', [str('year'), big(1), t('date', '2000-02-29')], 'date', '2001-02-28'],
    ['date_add', [str('week'), big(2), DATE], 'date', '2001-09-05'],
    ['date_add', [str('millisecond'), big(1), TS9], 'timestamp(9)', '2001-08-22 03:04:05.322456789'],
    ['date_add', [str('minute'), big(-5), TIME], 'time(3)', '02:59:05.321'],
    ['date_add', [str('hour'), big(23), TIME], 'time(3)', '02:04:05.321'],
    // wall clock across a DST change: a day keeps the local time, 24 hours do not
    [
      'date_add',
      [str('day'), big(1), t('timestamp(3) with time zone', '2024-03-09 12:00:00 America/New_York')],
      'timestamp(3) with time zone',
      '2024-03-10 12:00:00.000 America/New_York',
    ],
    [
      'date_add',
      [str('hour'), big(24), t('timestamp(3) with time zone', '2024-03-09 12:00:00 America/New_York')],
      'timestamp(3) with time zone',
      '2024-03-10 13:00:00.000 America/New_York',
    ],
    [
      'date_add',
      [str('day'), big(1), t('timestamp(3) with time zone', '2024-03-09 02:30:00 America/New_York')],
      'timestamp(3) with time zone',
      '2024-03-10 03:30:00.000 America/New_York',
    ],
    // date_diff (documentation)
    [
      'date_diff',
      [str('second'), t('timestamp(3)', '2020-03-01 00:00:00'), t('timestamp(3)', '2020-03-02 00:00:00')],
      'bigint',
      '86400',
    ],
    [
      'date_diff',
      [
        str('hour'),
        t('timestamp(3) with time zone', '2020-03-01 00:00:00 UTC'),
        t('timestamp(3) with time zone', '2020-03-02 00:00:00 UTC'),
      ],
      'bigint',
      '24',
    ],
    ['date_diff', [str('day'), t('date', '2020-03-01'), t('date', '2020-03-02')], 'bigint', '1'],
    [
      'date_diff',
      [
        str('second'),
        t('timestamp(9)', '2020-06-01 12:30:45.000000000'),
        t('timestamp(9)', '2020-06-02 12:30:45.123456789'),
      ],
      'bigint',
      '86400',
    ],
    [
      'date_diff',
      [
        str('millisecond'),
        t('timestamp(9)', '2020-06-01 12:30:45.000000000'),
        t('timestamp(9)', '2020-06-02 12:30:45.123456789'),
      ],
      'bigint',
      '86400123',
    ],
    ['date_diff', [str('month'), t('date', '2001-01-31'), t('date', '2001-02-28')], 'bigint', '1'],
    ['date_diff', [str('month'), t('date', '2001-01-30'), t('date', '2001-02-28')], 'bigint', '1'],
    ['date_diff', [str('month'), t('date', '2001-02-28'), t('date', '2001-03-27')], 'bigint', '0'],
    ['date_diff', [str('month'), t('date', '2001-03-31'), t('date', '2001-01-31')], 'bigint', '-2'],
    ['date_diff', [str('quarter'), t('date', '2001-01-01'), t('date', '2001-12-31')], 'bigint', '3'],
    ['date_diff', [str('year'), t('date', '2000-02-29'), t('date', '2001-02-28')], 'bigint', '1'],
    ['date_diff', [str('year'), t('date', '2001-03-01'), t('date', '2000-03-02')], 'bigint', '0'],
    ['date_diff', [str('week'), t('date', '2001-01-01'), t('date', '2001-01-14')], 'bigint', '1'],
    [
      'date_diff',
      [str('day'), t('timestamp(3)', '2001-01-02 00:00:00'), t('timestamp(3)', '2001-01-01 00:00:01')],
      'bigint',
      '0',
    ],
    [
      'date_diff',
      [
        str('day'),
        t('timestamp(3) with time zone', '2024-03-09 12:00:00 America/New_York'),
        t('timestamp(3) with time zone', '2024-03-10 12:00:00 America/New_York'),
      ],
      'bigint',
      '1',
    ],
    [
      'date_diff',
      [
        str('hour'),
        t('timestamp(3) with time zone', '2024-03-09 12:00:00 America/New_York'),
        t('timestamp(3) with time zone', '2024-03-10 12:00:00 America/New_York'),
      ],
      'bigint',
      '23',
    ],
    ['date_diff', [str('minute'), TIME, t('time(3)', '01:00:00')], 'bigint', '-124'],
    // formatting (MySQL and Joda patterns)
    [
      'date_format',
      [t('timestamp(3)', '2022-10-20 05:10:00'), str('%m-%d-%Y %H')],
      'varchar',
      '10-20-2022 05',
    ],
    [
      'date_format',
      [TS, str('%a %b %c %d %e %f %H %h %I %i %j %k %l %M %m %p %r %S %s %T %v %W %x %Y %y %%')],
      'varchar',
      'Wed Aug 8 22 22 321000 03 03 03 04 234 3 3 August 08 AM 03:04:05 AM 05 05 03:04:05 34 Wednesday 2001 2001 01 %',
    ],
    ['date_format', [TSTZ, str('%H:%i %Y')], 'varchar', '03:04 2001'],
    [
      'format_datetime',
      [TS, str("yyyy-MM-dd'T'HH:mm:ss.SSS EEE EEEE MMM MMMM a h K k D w e")],
      'varchar',
      '2001-08-22T03:04:05.321 Wed Wednesday Aug August AM 3 3 3 234 34 3',
    ],
    [
      'format_datetime',
      [TSTZ, str('yyyy-MM-dd HH:mm Z ZZ ZZZ')],
      'varchar',
      '2001-08-22 03:04 -0700 -07:00 America/Los_Angeles',
    ],
    [
      'format_datetime',
      [t('timestamp(3) with time zone', '2001-08-22 03:04:05 UTC'), str('z')],
      'varchar',
      'UTC',
    ],
    ['format_datetime', [TS, str("'It''s' yy G C")], 'varchar', "It's 01 AD 20"],
    // parsing
    ['date_parse', [str('2022/10/20/05'), str('%Y/%m/%d/%H')], 'timestamp(3)', '2022-10-20 05:00:00.000'],
    [
      'date_parse',
      [str('2013-05-17 12:35:10.123'), str('%Y-%m-%d %H:%i:%s.%f')],
      'timestamp(3)',
      '2013-05-17 12:35:10.123',
    ],
    [
      'date_parse',
      [str('5/17/13 1:35 PM'), str('%c/%e/%y %l:%i %p')],
      'timestamp(3)',
      '2013-05-17 13:35:00.000',
    ],
    ['date_parse', [str('69'), str('%y')], 'timestamp(3)', '2069-01-01 00:00:00.000'],
    ['date_parse', [str('70'), str('%y')], 'timestamp(3)', '1970-01-01 00:00:00.000'],
    ['date_parse', [str('Jan 5 2001'), str('%b %e %Y')], 'timestamp(3)', '2001-01-05 00:00:00.000'],
    [
      'parse_datetime',
      [str('2020-05-11 11:15:05 +01:00'), str('yyyy-MM-dd HH:mm:ss ZZ')],
      'timestamp(3) with time zone',
      '2020-05-11 11:15:05.000 +01:00',
    ],
    [
      'parse_datetime',
      [str('2020-05-11 America/New_York'), str('yyyy-MM-dd ZZZ')],
      'timestamp(3) with time zone',
      '2020-05-11 00:00:00.000 America/New_York',
    ],
    [
      'parse_datetime',
      [str('20200511'), str('yyyyMMdd')],
      'timestamp(3) with time zone',
      '2020-05-11 00:00:00.000 UTC',
    ],
    [
      'parse_datetime',
      [str('11-May-2020 3:05 pm'), str('dd-MMM-yyyy h:mm a')],
      'timestamp(3) with time zone',
      '2020-05-11 15:05:00.000 UTC',
    ],
    // ISO 8601 (documentation)
    [
      'from_iso8601_timestamp',
      [str('2020-05-11')],
      'timestamp(3) with time zone',
      '2020-05-11 00:00:00.000 UTC',
    ],
    [
      'from_iso8601_timestamp',
      [str('2020-05-11T11:15:05')],
      'timestamp(3) with time zone',
      '2020-05-11 11:15:05.000 UTC',
    ],
    [
      'from_iso8601_timestamp',
      [str('2020-05-11T11:15:05.055+01:00')],
      'timestamp(3) with time zone',
      '2020-05-11 11:15:05.055 +01:00',
    ],
    [
      'from_iso8601_timestamp',
      [str('2020-05-11T11:15:05.0559Z')],
      'timestamp(3) with time zone',
      '2020-05-11 11:15:05.055 UTC',
    ],
    [
      'from_iso8601_timestamp_nanos',
      [str('2020-05-11T11:15:05.123456789+01:00')],
      'timestamp(9) with time zone',
      '2020-05-11 11:15:05.123456789 +01:00',
    ],
    ['from_iso8601_date', [str('2020-05-11')], 'date', '2020-05-11'],
    ['from_iso8601_date', [str('2020-W10')], 'date', '2020-03-02'],
    ['from_iso8601_date', [str('2020-123')], 'date', '2020-05-02'],
    ['to_iso8601', [DATE], 'varchar(16)', '2001-08-22'],
    ['to_iso8601', [TS], 'varchar', '2001-08-22T03:04:05.321'],
    ['to_iso8601', [t('timestamp(0)', '2001-08-22 03:04:05')], 'varchar', '2001-08-22T03:04:05'],
    ['to_iso8601', [TSTZ], 'varchar', '2001-08-22T03:04:05.321-07:00'],
    [
      'to_iso8601',
      [t('timestamp(6) with time zone', '2001-08-22 03:04:05.123456 UTC')],
      'varchar',
      '2001-08-22T03:04:05.123456Z',
    ],
    // unix time and zones
    ['from_unixtime', [dbl(1.5)], 'timestamp(3) with time zone', '1970-01-01 00:00:01.500 UTC'],
    ['from_unixtime', [dbl(-1.5)], 'timestamp(3) with time zone', '1969-12-31 23:59:58.500 UTC'],
    ['from_unixtime', [dbl(-0.0005)], 'timestamp(3) with time zone', '1970-01-01 00:00:00.000 UTC'], // Java Math.round: half up
    [
      'from_unixtime',
      [dbl(0), str('Asia/Tokyo')],
      'timestamp(3) with time zone',
      '1970-01-01 09:00:00.000 Asia/Tokyo',
    ],
    [
      'from_unixtime',
      [dbl(0), big(-5), big(-30)],
      'timestamp(3) with time zone',
      '1969-12-31 18:30:00.000 -05:30',
    ],
    [
      'from_unixtime_nanos',
      [big(1500000001)],
      'timestamp(9) with time zone',
      '1970-01-01 00:00:01.500000001 UTC',
    ],
    ['to_unixtime', [t('timestamp(3) with time zone', '1970-01-01 00:00:01.500 UTC')], 'double', '1.5'],
    [
      'with_timezone',
      [TS, str('America/Los_Angeles')],
      'timestamp(3) with time zone',
      '2001-08-22 03:04:05.321 America/Los_Angeles',
    ],
    [
      'at_timezone',
      [t('timestamp(3) with time zone', '2021-08-22 03:04:05.321 UTC'), str('America/Los_Angeles')],
      'timestamp(3) with time zone',
      '2021-08-21 20:04:05.321 America/Los_Angeles',
    ],
    ['timezone', [TSTZ], 'varchar', 'America/Los_Angeles'],
    ['last_day_of_month', [t('date', '2020-02-10')], 'date', '2020-02-29'],
    ['last_day_of_month', [TS], 'date', '2001-08-31'],
    ['human_readable_seconds', [dbl(96)], 'varchar', '1 minute, 36 seconds'],
    ['human_readable_seconds', [dbl(3762)], 'varchar', '1 hour, 2 minutes, 42 seconds'],
    ['human_readable_seconds', [dbl(56363463)], 'varchar', '93 weeks, 1 day, 8 hours, 31 minutes, 3 seconds'],
    ['human_readable_seconds', [dbl(0)], 'varchar', '0 seconds'],
    ['to_milliseconds', [v('interval day to second', 86400000)], 'bigint', '86400000'],
    ['parse_duration', [str('3.81 d')], 'interval day to second', '3 19:26:24.000'],
    ['parse_duration', [str('42.8ms')], 'interval day to second', '0 00:00:00.043'],
    ['date', [str('2001-08-22')], 'date', '2001-08-22'],
    ['date', [TSTZ], 'date', '2001-08-22'],
  ])('%s(%j) → %s %s', (name, args, type, expected) => {
    expect(typeOf(name, ...args)).toBe(type);
    expect(evaluate(name, ...args)).toBe(expected);
  });

  test('current date and time come from the query start in the session zone', () => {
    const ctx = { ...CTX, timeZone: 'America/New_York' }; // start: 2024-01-15 10:30:45.123 UTC
    const show = (name: string) => {
      const r = callIn(ctx, name);
      return formatValue(r.value, r.type);
    };
    expect(show('current_timestamp')).toBe('2024-01-15 05:30:45.123 America/New_York');
    expect(show('now')).toBe('2024-01-15 05:30:45.123 America/New_York');
    expect(show('localtimestamp')).toBe('2024-01-15 05:30:45.123');
    expect(show('current_date')).toBe('2024-01-15');
    expect(show('current_time')).toBe('05:30:45.123-05:00');
    expect(show('localtime')).toBe('05:30:45.123');
    expect(show('current_timezone')).toBe('America/New_York');
    expect(callIn(ctx, 'now').type).toEqual(parseType('timestamp(3) with time zone'));
    expect(formatValue(currentTimestamp(ctx, 6), parseType('timestamp(6) with time zone'))).toBe(
      '2024-01-15 05:30:45.123000 America/New_York',
    );
  });

  test('atTimeZone helper keeps the instant', () => {
    const r = atTimeZone({ epochMillis: 0, picosOfMilli: 0, timeZone: 'UTC' }, 'Asia/Tokyo');
    expect(formatValue(r, parseType('timestamp(3) with time zone'))).toBe(
      '1970-01-01 09:00:00.000 Asia/Tokyo',
    );
  });

  test.each<[string, Arg[], string, string]>([
    [
      'date_trunc',
      [str('fortnight'), TS],
      'INVALID_FUNCTION_ARGUMENT',
      "'fortnight' is not a valid Timestamp field",
    ],
    ['date_trunc', [str('hour'), DATE], 'INVALID_FUNCTION_ARGUMENT', "'hour' is not a valid DATE field"],
    ['date_trunc', [str('day'), TIME], 'INVALID_FUNCTION_ARGUMENT', "'day' is not a valid Time field"],
    [
      'date_add',
      [str('hour'), big(1), DATE],
      'INVALID_FUNCTION_ARGUMENT',
      "'hour' is not a valid DATE field",
    ],
    [
      'date_diff',
      [str('decade'), DATE, DATE],
      'INVALID_FUNCTION_ARGUMENT',
      "'decade' is not a valid DATE field",
    ],
    [
      'date_parse',
      [str('2013-02-31'), str('%Y-%m-%d')],
      'INVALID_FUNCTION_ARGUMENT',
      'Cannot parse "2013-02-31": Value 31 for dayOfMonth must be in the range [1,28]',
    ],
    [
      'date_parse',
      [str('2013-13-01'), str('%Y-%m-%d')],
      'INVALID_FUNCTION_ARGUMENT',
      'Cannot parse "2013-13-01": Value 13 for monthOfYear must be in the range [1,12]',
    ],
    [
      'date_parse',
      [str('2013-05-x'), str('%Y-%m-%d')],
      'INVALID_FUNCTION_ARGUMENT',
      'Invalid format: "2013-05-x" is malformed at "x"',
    ],
    [
      'date_parse',
      [str('2013-05'), str('%Y-%m-%d')],
      'INVALID_FUNCTION_ARGUMENT',
      'Invalid format: "2013-05" is too short',
    ],
    [
      'date_parse',
      [str('2013-05-17 extra'), str('%Y-%m-%d')],
      'INVALID_FUNCTION_ARGUMENT',
      'Invalid format: "2013-05-17 extra" is malformed at " extra"',
    ],
    [
      'date_parse',
      [str('2013'), str('%Y %D')],
      'INVALID_FUNCTION_ARGUMENT',
      '%D not supported in date format string',
    ],
    ['date_format', [TS, str('%U')], 'INVALID_FUNCTION_ARGUMENT', '%U not supported in date format string'],
    [
      'format_datetime',
      [TS, str('yyyy-MM-dd q')],
      'INVALID_FUNCTION_ARGUMENT',
      'Illegal pattern component: q',
    ],
    [
      'with_timezone',
      [TS, str('Mars/Olympus')],
      'INVALID_FUNCTION_ARGUMENT',
      "'Mars/Olympus' is not a valid time zone",
    ],
    ['at_timezone', [TSTZ, str('bogus')], 'INVALID_FUNCTION_ARGUMENT', "'bogus' is not a valid time zone"],
    [
      'from_iso8601_date',
      [str('2020-13-01')],
      'INVALID_FUNCTION_ARGUMENT',
      'Cannot parse "2020-13-01": Value 13 for monthOfYear must be in the range [1,12]',
    ],
    [
      'from_iso8601_timestamp',
      [str('not a date')],
      'INVALID_FUNCTION_ARGUMENT',
      'Invalid format: "not a date" is malformed at "not a date"',
    ],
    ['human_readable_seconds', [dbl(NaN)], 'INVALID_FUNCTION_ARGUMENT', 'Invalid argument found: NaN'],
  ])('%s(%j) fails with %s', (name, args, code, message) => {
    expectError(() => evaluate(name, ...args), code, message);
  });

  test('extraction and truncation work at every precision, before the epoch too', () => {
    for (const p of [1, 3, 6, 9, 12]) {
      const ts = t(`timestamp(${p})`, '1969-12-31 23:59:58.25');
      expect(evaluate('second', ts)).toBe('58');
      expect(evaluate('millisecond', ts)).toBe(p === 1 ? '300' : '250'); // CAST rounds .25 to .3 at p=1
      expect(typeOf('date_trunc', str('second'), ts)).toBe(`timestamp(${p})`);
      expect(evaluate('date_trunc', str('second'), ts)).toBe(`1969-12-31 23:59:58.${'0'.repeat(p)}`);
      expect(evaluate('date_add', str('second'), big(2), ts)).toBe(
        `1970-01-01 00:00:00.${p === 1 ? '3' : '25'.padEnd(p, '0')}`,
      );
    }
  });
});
