import {
  pageEncoder,
  valueEncoder,
  nullable,
  type EncodingOptions,
} from '../../../src/protocol/trino/value-encoding';
import { castFromVarchar } from '../../../src/types/cast-varchar';
import { parseType, type SqlType } from '../../../src/types';
import { blockFromValues, sliceBlock } from '../../../src/execution/block';
import { page } from '../../../src/execution/page';

const PARAMETRIC: EncodingOptions = { parametricDateTime: true };
const LEGACY: EncodingOptions = { parametricDateTime: false };

function encode(typeText: string, value: unknown, options = PARAMETRIC): string {
  return nullable(valueEncoder(parseType(typeText), options))(value);
}

/** The value CAST('text' AS type) gives, so tests do not hand-build internal representations. */
function fromText(typeText: string, text: string): unknown {
  return castFromVarchar(text, parseType(typeText));
}

describe('numbers', () => {
  test.each<[string, unknown, string]>([
    ['boolean', true, 'true'],
    ['boolean', false, 'false'],
    ['tinyint', -128, '-128'],
    ['smallint', 32767, '32767'],
    ['integer', 42, '42'],
    ['bigint', 9007199254740991, '9007199254740991'],
    ['bigint', 9223372036854775807n, '9223372036854775807'],
    ['bigint', -9223372036854775808n, '-9223372036854775808'],
    ['double', 1, '1.0'],
    ['double', -0, '-0.0'],
    ['double', 2.11, '2.11'],
    ['double', 1e10, '1.0E10'],
    ['double', 1e-5, '1.0E-5'],
    ['double', NaN, '"NaN"'],
    ['double', Infinity, '"Infinity"'],
    ['double', -Infinity, '"-Infinity"'],
    ['real', Math.fround(1.1), '1.1'],
    ['real', 3, '3.0'],
    ['real', NaN, '"NaN"'],
  ])('%s %p → %s', (type, value, expected) => {
    expect(encode(type, value)).toBe(expected);
  });

  test('every double is a JSON float token the Java client accepts', () => {
    for (const x of [0, 1, -7, 123456789, 2 ** 60, 0.5, 1e300, 5e-324]) {
      const text = encode('double', x);
      expect(text).toMatch(/[.E]/);
      expect(JSON.parse(text)).toBe(x === 0 ? 0 : x);
    }
  });
});

describe('decimal', () => {
  test.each<[string, string, string]>([
    ['decimal(5,2)', '123.45', '"123.45"'],
    ['decimal(3,2)', '-0.5', '"-0.50"'],
    ['decimal(10,0)', '10', '"10"'],
    ['decimal(38,10)', '12345678901234567890.0123456789', '"12345678901234567890.0123456789"'],
    ['decimal(38,0)', '-99999999999999999999999999999999999999', '"-99999999999999999999999999999999999999"'],
  ])('%s %s → %s', (type, text, expected) => {
    expect(encode(type, fromText(type, text))).toBe(expected);
  });
});

describe('strings and binaries', () => {
  test('varchar is a JSON string with escapes', () => {
    expect(encode('varchar', 'a"b\\c\n€😀')).toBe(JSON.stringify('a"b\\c\n€😀'));
    expect(encode('varchar(3)', 'abc')).toBe('"abc"');
  });
  test('char is right-padded to its length', () => {
    expect(encode('char(3)', 'ab')).toBe('"ab "');
    expect(encode('char(5)', '')).toBe('"     "');
  });
  test('varbinary is standard base64 with padding', () => {
    expect(encode('varbinary', new Uint8Array([0, 1, 2]))).toBe('"AAEC"');
    expect(encode('varbinary', new Uint8Array([0xff]))).toBe('"/w=="');
    expect(encode('varbinary', new Uint8Array(new ArrayBuffer(8), 2, 2))).toBe('"AAA="');
  });
  test('json is a string holding the JSON text', () => {
    expect(encode('json', '{"a":1}')).toBe('"{\\"a\\":1}"');
  });
  test('uuid is the canonical lowercase text', () => {
    expect(encode('uuid', '123e4567-e89b-12d3-a456-426614174000')).toBe(
      '"123e4567-e89b-12d3-a456-426614174000"',
    );
  });
});

describe('dates, times and intervals', () => {
  test.each<[string, string, string]>([
    ['date', '2024-02-29', '"2024-02-29"'],
    ['date', '1900-01-01', '"1900-01-01"'],
    ['time(0)', '01:02:03', '"01:02:03"'],
    ['time(3)', '01:02:03.456', '"01:02:03.456"'],
    ['time(9)', '23:59:59.123456789', '"23:59:59.123456789"'],
    ['time(3) with time zone', '01:02:03.456 +05:30', '"01:02:03.456+05:30"'],
    ['timestamp(0)', '2020-01-02 03:04:05', '"2020-01-02 03:04:05"'],
    ['timestamp(6)', '2020-01-02 03:04:05.123456', '"2020-01-02 03:04:05.123456"'],
    ['timestamp(12)', '2020-01-02 03:04:05.123456789012', '"2020-01-02 03:04:05.123456789012"'],
    ['timestamp(3) with time zone', '2020-01-02 03:04:05.123 UTC', '"2020-01-02 03:04:05.123 UTC"'],
    [
      'timestamp(3) with time zone',
      '2020-07-02 03:04:05.123 America/Los_Angeles',
      '"2020-07-02 03:04:05.123 America/Los_Angeles"',
    ],
    ['timestamp(0) with time zone', '2020-01-02 03:04:05 +05:30', '"2020-01-02 03:04:05 +05:30"'],
  ])('%s %s → %s', (type, text, expected) => {
    expect(encode(type, fromText(type, text))).toBe(expected);
  });

  test('intervals', () => {
    expect(encode('interval year to month', 14)).toBe('"1-2"');
    expect(encode('interval year to month', -3)).toBe('"-0-3"');
    expect(encode('interval day to second', 93784005)).toBe('"1 02:03:04.005"');
  });

  test('without PARAMETRIC_DATETIME, times and timestamps are rounded to milliseconds', () => {
    expect(encode('timestamp(6)', fromText('timestamp(6)', '2020-01-02 03:04:05.123456'), LEGACY)).toBe(
      '"2020-01-02 03:04:05.123"',
    );
    expect(encode('timestamp(6)', fromText('timestamp(6)', '2020-01-02 03:04:05.999999'), LEGACY)).toBe(
      '"2020-01-02 03:04:06.000"',
    );
    expect(encode('timestamp(0)', fromText('timestamp(0)', '2020-01-02 03:04:05'), LEGACY)).toBe(
      '"2020-01-02 03:04:05.000"',
    );
    expect(encode('time(9)', fromText('time(9)', '01:02:03.123456789'), LEGACY)).toBe('"01:02:03.123"');
  });
});

describe('nested types', () => {
  test('array elements are encoded by element type, NULL inside stays null', () => {
    expect(encode('array(integer)', [1, 2, null])).toBe('[1,2,null]');
    expect(encode('array(double)', [1, NaN])).toBe('[1.0,"NaN"]');
    expect(encode('array(array(varchar))', [['a'], [], null])).toBe('[["a"],[],null]');
  });
  test('maps are objects with string keys', () => {
    expect(
      encode('map(varchar, integer)', [
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('{"a":1,"b":null}');
    expect(encode('map(integer, double)', [[1, 2]])).toBe('{"1":2.0}');
    expect(encode('map(double, boolean)', [[1, true]])).toBe('{"1.0":true}');
    expect(encode('map(date, varchar)', [[0, 'x']])).toBe('{"1970-01-01":"x"}');
    expect(encode('map(decimal(4,2), varchar)', [[150, 'x']])).toBe('{"1.50":"x"}');
    expect(encode('map(varbinary, integer)', [[new Uint8Array([0, 1, 2]), 1]])).toBe('{"AAEC":1}');
  });
  test('rows are arrays of field values', () => {
    expect(encode('row(a integer, b varchar, c boolean)', [1, 'ala', true])).toBe('[1,"ala",true]');
    expect(encode('row(x row(y double))', [[[2]]])).toBe('[[2.0]]');
    expect(encode('row(a integer, b varchar)', [null, null])).toBe('[null,null]');
  });
  test('SQL NULL is null at the top level', () => {
    for (const t of ['integer', 'double', 'varchar', 'array(integer)', 'map(varchar,integer)', 'row(a int)'])
      expect(encode(t, null)).toBe('null');
  });
  test('unknown (the type of NULL) is always null', () => {
    expect(encode('unknown', null)).toBe('null');
  });
});

describe('pages', () => {
  test('pageEncoder writes the rows of a page as JSON arrays', () => {
    const types: SqlType[] = [
      parseType('bigint'),
      parseType('double'),
      parseType('varchar'),
      parseType('boolean'),
    ];
    const p = page([
      blockFromValues([1, 2, null]),
      blockFromValues([1, 0.5, null]),
      blockFromValues(['a', null, 'c']),
      blockFromValues([true, false, null]),
    ]);
    const encode = pageEncoder(types, PARAMETRIC);
    expect(encode(p)).toBe('[1,1.0,"a",true],[2,0.5,null,false],[null,null,"c",null]');
    const middle = page(p.blocks.map((b) => sliceBlock(b, 1, 1)));
    expect(encode(middle)).toBe('[2,0.5,null,false]');
    expect(JSON.parse(`[${encode(p)}]`)).toHaveLength(3);
  });
});
