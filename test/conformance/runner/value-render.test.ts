/** Rendering engine values as sqllogictest text (hand-checked values). */
import { parseType } from '../../../src/types';
import {
  columnType,
  displayValue,
  duckdbDoubleText,
  renderDuckdbValue,
  renderSqliteValue,
  sqliteRealText,
  truncateDecimal,
} from '../../../conformance/runner/value-render';

const t = (text: string) => parseType(text);
const sq = (value: unknown, char: string, type: string) => renderSqliteValue(value, char, t(type));

describe('SQLite format, type character I', () => {
  test('integers print as %d', () => {
    expect(sq(42, 'I', 'integer')).toBe('42');
    expect(sq(-7, 'I', 'smallint')).toBe('-7');
    expect(sq(2n ** 60n, 'I', 'bigint')).toBe('1152921504606846976');
  });
  test('doubles truncate toward zero, like the reference runner', () => {
    expect(sq(2.9, 'I', 'double')).toBe('2');
    expect(sq(-2.9, 'I', 'double')).toBe('-2');
    expect(sq(0.4, 'I', 'real')).toBe('0');
  });
  test('decimals truncate exactly (the value is unscaled)', () => {
    expect(sq(250, 'I', 'decimal(4,2)')).toBe('2'); // 2.50
    expect(sq(-250, 'I', 'decimal(4,2)')).toBe('-2');
    expect(sq(12345678901234567890123n, 'I', 'decimal(30,3)')).toBe('12345678901234567890');
    expect(truncateDecimal(-5, 1)).toBe('0'); // -0.5
  });
  test('booleans are 1 / 0, text follows SQLite numeric conversion', () => {
    expect(sq(true, 'I', 'boolean')).toBe('1');
    expect(sq(false, 'I', 'boolean')).toBe('0');
    expect(sq('12abc', 'I', 'varchar')).toBe('12');
    expect(sq('abc', 'I', 'varchar')).toBe('0');
  });
  test('NULL is NULL in every column', () => {
    for (const c of ['I', 'R', 'T']) expect(sq(null, c, 'integer')).toBe('NULL');
  });
});

describe('SQLite format, type character R (%.3f)', () => {
  test('integers and doubles', () => {
    expect(sq(1, 'R', 'integer')).toBe('1.000');
    expect(sq(2 / 3, 'R', 'double')).toBe('0.667');
    expect(sq(-0.0001, 'R', 'double')).toBe('-0.000');
  });
  test('rounding uses the exact binary value', () => {
    // 0.0005 is 0.000500000000000000010408… in binary: above the tie, rounds up.
    expect(sq(0.0005, 'R', 'double')).toBe('0.001');
    // 1.0005 is 1.000499999999999989341… : below the tie, rounds down.
    expect(sq(1.0005, 'R', 'double')).toBe('1.000');
  });
  test('decimals and booleans', () => {
    expect(sq(1234, 'R', 'decimal(6,2)')).toBe('12.340');
    expect(sq(100, 'R', 'decimal(5,3)')).toBe('0.100');
    expect(sq(true, 'R', 'boolean')).toBe('1.000');
  });
});

describe('SQLite format, type character T', () => {
  test('strings', () => {
    expect(sq('', 'T', 'varchar')).toBe('(empty)');
    expect(sq('a\tb', 'T', 'varchar')).toBe('a@b');
    expect(sq('é', 'T', 'varchar')).toBe('@@'); // two UTF-8 bytes
    expect(sq('a', 'T', 'char(3)')).toBe('a  ');
  });
  test('numbers print as SQLite prints them', () => {
    expect(sq(7, 'T', 'integer')).toBe('7');
    expect(sq(1.5, 'T', 'double')).toBe('1.5');
    expect(sq(100, 'T', 'double')).toBe('100.0');
    expect(sq(1e20, 'T', 'double')).toBe('1.0e+20');
    expect(sq(150, 'T', 'decimal(5,2)')).toBe('1.50');
    expect(sq(false, 'T', 'boolean')).toBe('0');
  });
  test('other types use their SQL text', () => {
    expect(sq(18263, 'T', 'date')).toBe('2020-01-02');
  });
  test('unknown type characters are rejected', () => {
    expect(() => sq(1, 'X', 'integer')).toThrow(/type character/);
  });
});

test("sqliteRealText is printf('%!.15g')", () => {
  expect(sqliteRealText(1 / 3)).toBe('0.333333333333333');
  expect(sqliteRealText(1e-5)).toBe('1.0e-05');
  expect(sqliteRealText(123456789012345680000)).toBe('1.23456789012346e+20');
  expect(sqliteRealText(-2.5)).toBe('-2.5');
  expect(sqliteRealText(1e14)).toBe('100000000000000.0');
  expect(sqliteRealText(1e15)).toBe('1.0e+15');
  expect(sqliteRealText(0)).toBe('0.0');
});

describe('DuckDB format', () => {
  const dk = (value: unknown, type: string) => renderDuckdbValue(value, t(type));
  test('NULL, booleans, empty strings', () => {
    expect(dk(null, 'integer')).toBe('NULL');
    expect(dk(true, 'boolean')).toBe('true');
    expect(dk(false, 'boolean')).toBe('false');
    expect(dk('', 'varchar')).toBe('(empty)');
  });
  test('decimals keep their scale, doubles print shortest with .0', () => {
    expect(dk(150, 'decimal(5,2)')).toBe('1.50');
    expect(dk(-5n, 'decimal(20,1)')).toBe('-0.5');
    expect(dk(1, 'double')).toBe('1.0');
    expect(dk(0.1, 'double')).toBe('0.1');
    expect(dk(NaN, 'double')).toBe('nan');
    expect(dk(-Infinity, 'double')).toBe('-inf');
    expect(duckdbDoubleText(2.5e-7)).toBe('2.5e-07');
    expect(duckdbDoubleText(1e21)).toBe('1e+21');
  });
  test('timestamps drop zero fractions; arrays and blobs', () => {
    expect(dk(1577836800000000, 'timestamp(3)')).toBe('2020-01-01 00:00:00');
    expect(dk(1577836800123000, 'timestamp(3)')).toBe('2020-01-01 00:00:00.123');
    expect(dk([1, 2], 'array(integer)')).toBe('[1, 2]');
    expect(dk(new Uint8Array([0x61, 0x00]), 'varbinary')).toBe('a\\x00');
  });
});

test('displayValue and columnType', () => {
  expect(displayValue([[1, 'x']], t('map(integer, varchar)'))).toBe('{1=x}');
  expect(displayValue(null, t('integer'))).toBe('NULL');
  expect(columnType('no such type(').kind).toBe('unknown');
  expect(columnType('decimal(10,2)')).toEqual(t('decimal(10,2)'));
});
