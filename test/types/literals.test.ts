import {
  BIGINT,
  DOUBLE,
  formatType,
  INTEGER,
  JSON_TYPE,
  parseBinaryLiteral,
  parseCharLiteral,
  parseDoubleLiteral,
  parseIntegerLiteral,
  parseTypedLiteral,
  stringLiteral,
  castToVarchar,
  VARBINARY,
} from '../../src/types';
import { expectTrinoError } from './helpers';

describe('numeric literal typing (ExpressionAnalyzer.visitLongLiteral / LongLiteral)', () => {
  test.each<[string, boolean, string, number | bigint]>([
    ['0', false, 'integer', 0],
    ['2147483647', false, 'integer', 2147483647],
    ['2147483648', false, 'bigint', 2147483648],
    ['2147483648', true, 'integer', -2147483648],
    ['9223372036854775807', false, 'bigint', 9223372036854775807n],
    ['9223372036854775808', true, 'bigint', -9223372036854775808n],
    ['1_000_000', false, 'integer', 1000000],
    ['0x1F', false, 'integer', 31],
    ['0XFF_FF', false, 'integer', 65535],
    ['0b101', false, 'integer', 5],
    ['0o17', false, 'integer', 15],
    ['0x7FFFFFFFFFFFFFFF', false, 'bigint', 9223372036854775807n],
    ['007', false, 'integer', 7],
  ])('%s (negative: %s) → %s %s', (text, negative, type, value) => {
    const r = parseIntegerLiteral(text, negative);
    expect(formatType(r.type)).toBe(type);
    expect(r.value).toBe(value);
  });

  test.each([
    '9223372036854775808',
    '0x8000000000000000',
    '99999999999999999999',
    '',
    'abc',
    '1_',
    '_1',
    '1__0',
    '0x',
    '0b2',
    '1.5',
    '-1',
  ])('invalid %j → SYNTAX_ERROR', (text) => {
    expectTrinoError(() => parseIntegerLiteral(text), 'SYNTAX_ERROR', `Invalid numeric literal: ${text}`);
  });

  test('double literals', () => {
    expect(parseDoubleLiteral('1.5e0')).toEqual({ type: DOUBLE, value: 1.5 });
    expect(parseDoubleLiteral('37.7E0').value).toBe(37.7);
    expect(parseDoubleLiteral('.5E-2').value).toBe(0.005);
    expect(parseDoubleLiteral('1E400').value).toBe(Infinity);
    expectTrinoError(() => parseDoubleLiteral('1.5'), 'SYNTAX_ERROR');
    expectTrinoError(() => parseDoubleLiteral('e5'), 'SYNTAX_ERROR');
  });

  test('string, char and binary literals', () => {
    expect(formatType(stringLiteral('abc').type)).toBe('varchar(3)');
    expect(formatType(stringLiteral('😀').type)).toBe('varchar(1)');
    expect(formatType(stringLiteral('').type)).toBe('varchar(0)');
    const c = parseCharLiteral('ab  ');
    expect(formatType(c.type)).toBe('char(4)');
    expect(c.value).toBe('ab');
    expect(parseBinaryLiteral('0A 1b')).toEqual({ type: VARBINARY, value: new Uint8Array([10, 27]) });
    expect(parseBinaryLiteral('').value).toEqual(new Uint8Array(0));
    expectTrinoError(
      () => parseBinaryLiteral('0G'),
      'SYNTAX_ERROR',
      'Binary literal can only contain hexadecimal digits',
    );
    expectTrinoError(
      () => parseBinaryLiteral('ABC'),
      'SYNTAX_ERROR',
      'Binary literal must contain an even number of digits',
    );
  });
});

describe('typed literals <type> ‘text’', () => {
  test.each<[string, string, string, string]>([
    ['DATE', '2020-01-01', 'date', '2020-01-01'],
    ['date', '13-2-2', 'date', '0013-02-02'],
    ['TIME', '01:02:03.456', 'time(3)', '01:02:03.456'],
    ['TIMESTAMP', '2020-01-01 00:00:00.123456', 'timestamp(6)', '2020-01-01 00:00:00.123456'],
    [
      'TIMESTAMP',
      '2020-01-01 00:00:00 America/New_York',
      'timestamp(0) with time zone',
      '2020-01-01 00:00:00 America/New_York',
    ],
    [
      'TIMESTAMP',
      '2020-01-01 00:00:00.1 +01:00',
      'timestamp(1) with time zone',
      '2020-01-01 00:00:00.1 +01:00',
    ],
    ['DECIMAL', '1.50', 'decimal(3,2)', '1.50'],
    ['decimal', '-.5', 'decimal(1,1)', '-0.5'],
    ['CHAR', 'ab ', 'char(3)', 'ab '],
    ['DOUBLE', '12.34', 'double', '1.234E1'],
    ['DOUBLE PRECISION', '-17.6', 'double', '-1.76E1'],
    ['DOUBLE', '+754', 'double', '7.54E2'],
    ['DOUBLE', 'NaN', 'double', 'NaN'],
    ['REAL', '754.1985', 'real', '7.541985E2'],
    ['BIGINT', ' 12 ', 'bigint', '12'],
    ['INTEGER', '-7', 'integer', '-7'],
    ['int', '7', 'integer', '7'],
    ['SMALLINT', '7', 'smallint', '7'],
    ['TINYINT', '7', 'tinyint', '7'],
    ['BOOLEAN', 'true', 'boolean', 'true'],
    ['VARCHAR', 'abc', 'varchar', 'abc'],
    ['UUID', '12151FD2-7586-11E9-8F9E-2A86E4085A59', 'uuid', '12151fd2-7586-11e9-8f9e-2a86e4085a59'],
  ])("%s '%s'", (typeName, text, type, printed) => {
    const r = parseTypedLiteral(typeName, text, { timeZone: 'UTC' });
    expect(formatType(r.type)).toBe(type);
    expect(castToVarchar(r.value, r.type)).toBe(printed);
  });

  test('JSON literals are json_parse-d into canonical text', () => {
    expect(parseTypedLiteral('JSON', ' {"b": [1, 2.50, "x"], "a": null} ')).toEqual({
      type: JSON_TYPE,
      value: '{"a":null,"b":[1,2.5,"x"]}',
    });
    expect(parseTypedLiteral('JSON', '1e2').value).toBe('100.0');
    expectTrinoError(
      () => parseTypedLiteral('JSON', '{'),
      'INVALID_LITERAL',
      "'{' is not a valid json literal",
    );
  });

  test('VARBINARY literal is the UTF-8 bytes', () => {
    expect(parseTypedLiteral('VARBINARY', 'ab').value).toEqual(new Uint8Array([97, 98]));
  });

  test.each<[string, string, string, string]>([
    // TestDate.testDateCastFromVarchar
    ['DATE', '5881580-07-12', 'INVALID_LITERAL', "'5881580-07-12' is not a valid date literal"],
    ['DATE', '392251590-07-12', 'INVALID_LITERAL', "'392251590-07-12' is not a valid date literal"],
    ['DATE', 'x', 'INVALID_LITERAL', "'x' is not a valid date literal"],
    ['BIGINT', 'abc', 'INVALID_LITERAL', "'abc' is not a valid bigint literal"],
    ['INTEGER', '2147483648', 'INVALID_LITERAL', "'2147483648' is not a valid integer literal"],
    ['DOUBLE', 'one', 'INVALID_LITERAL', "'one' is not a valid double literal"],
    ['BOOLEAN', 'yes', 'INVALID_LITERAL', "'yes' is not a valid boolean literal"],
    ['UUID', 'nope', 'INVALID_LITERAL', "'nope' is not a valid uuid literal"],
    ['TIMESTAMP', '2020-13-01', 'INVALID_LITERAL', "'2020-13-01' is not a valid timestamp literal"],
    ['TIME', '24:00', 'INVALID_LITERAL', "'24:00' is not a valid time literal"],
    ['DECIMAL', '1e5', 'INVALID_LITERAL', "'1e5' is not a valid decimal literal"],
    ['FOO', '1', 'TYPE_NOT_FOUND', 'Unknown type: FOO'],
    ['VARCHAR(', '1', 'TYPE_NOT_FOUND', 'Unknown type: VARCHAR('],
    ['INTERVAL YEAR TO MONTH', '1-2', 'INVALID_LITERAL', 'No literal form for type interval year to month'],
    ['ARRAY(BIGINT)', '[1]', 'INVALID_LITERAL', 'No literal form for type array(bigint)'],
  ])("%s '%s' → %s", (typeName, text, code, message) => {
    expectTrinoError(() => parseTypedLiteral(typeName, text), code, message);
  });

  test('literal integer types', () => {
    expect(parseIntegerLiteral('1').type).toBe(INTEGER);
    expect(parseIntegerLiteral('3000000000').type).toBe(BIGINT);
  });
});
