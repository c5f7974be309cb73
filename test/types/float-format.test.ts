import { doubleToVarchar, javaDoubleToString, javaFloatToString, realToVarchar } from '../../src/types';

describe("Java's Double.toString", () => {
  test.each<[number, string]>([
    [0, '0.0'],
    [-0, '-0.0'],
    [1, '1.0'],
    [-1.5, '-1.5'],
    [1200, '1200.0'],
    [37.7, '37.7'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1e7, '1.0E7'],
    [9999999, '9999999.0'],
    [12345678.9, '1.23456789E7'],
    [2147483648, '2.147483648E9'],
    [9.2e18, '9.2E18'],
    [1e23, '1.0E23'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [Number.MIN_VALUE, '4.9E-324'], // Java prints at least two digits
    [0.1 + 0.2, '0.30000000000000004'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('%s → %s', (x, expected) => {
    expect(javaDoubleToString(x)).toBe(expected);
  });
});

describe("Java's Float.toString", () => {
  test.each<[number, string]>([
    [Math.fround(1.1), '1.1'],
    [Math.fround(754.1985), '754.1985'],
    [Math.fround(12345678.9), '1.2345679E7'],
    [Math.fround(0.1), '0.1'],
    [Math.fround(1e-5), '1.0E-5'],
    [Math.fround(3.4028235e38), '3.4028235E38'],
    [1, '1.0'],
    [NaN, 'NaN'],
  ])('%s → %s', (x, expected) => {
    expect(javaFloatToString(x)).toBe(expected);
  });
});

describe('CAST(double AS varchar) — TestDoubleOperators.testCastToVarchar', () => {
  test.each<[number, string]>([
    [37.7, '3.77E1'],
    [17.1, '1.71E1'],
    [NaN, 'NaN'],
    [1200, '1.2E3'],
    [12345678.9, '1.23456789E7'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [0, '0E0'],
    [-0, '-0E0'],
    [1, '1.0E0'],
    [-1.5, '-1.5E0'],
    [0.001, '1.0E-3'],
    [1e-7, '1.0E-7'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
  ])('%s → %s', (x, expected) => {
    expect(doubleToVarchar(x)).toBe(expected);
  });
});

describe('CAST(real AS varchar) — TestRealOperators.testCastToVarchar', () => {
  test.each<[number, string]>([
    [754.1985, '7.541985E2'],
    [-754.2008, '-7.542008E2'],
    [1200, '1.2E3'],
    [12345678.9, '1.234568E7'],
    [0, '0E0'],
    [-0, '-0E0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [1.1, '1.1E0'],
    [0.1, '1.0E-1'],
  ])('%s → %s', (x, expected) => {
    expect(realToVarchar(x)).toBe(expected);
  });
});
