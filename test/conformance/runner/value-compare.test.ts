/** Comparing engine values with expected corpus text. */
import { parseType } from '../../../src/types';
import {
  duckdbValueMatches,
  exactEquals,
  parseExactDecimal,
  relativelyClose,
  roundHalfUp,
  temptoValueMatches,
  tpchValueMatches,
} from '../../../conformance/runner/value-compare';

const t = (text: string) => parseType(text);

test('exact decimal parsing and rounding', () => {
  expect(parseExactDecimal('-12.50')).toEqual({ unscaled: -1250n, scale: 2 });
  expect(parseExactDecimal('1e3')).toEqual({ unscaled: 1000n, scale: 0 });
  expect(parseExactDecimal('.5')).toEqual({ unscaled: 5n, scale: 1 });
  expect(parseExactDecimal('1.5E-2')).toEqual({ unscaled: 15n, scale: 3 });
  expect(parseExactDecimal('abc')).toBeUndefined();
  expect(parseExactDecimal('')).toBeUndefined();
  expect(exactEquals({ unscaled: 150n, scale: 2 }, { unscaled: 15n, scale: 1 })).toBe(true);
  expect(roundHalfUp({ unscaled: 25575n, scale: 3 }, 2)).toEqual({ unscaled: 2558n, scale: 2 });
  expect(roundHalfUp({ unscaled: -25n, scale: 1 }, 0)).toEqual({ unscaled: -3n, scale: 0 });
  expect(relativelyClose(1, 1 + 1e-12, 1e-9)).toBe(true);
  expect(relativelyClose(1, 1.001, 1e-9)).toBe(false);
  expect(relativelyClose(NaN, NaN, 1e-9)).toBe(true);
});

test("DuckDB's fallback comparison", () => {
  expect(duckdbValueMatches(2, t('integer'), '2.0')).toBe(true);
  expect(duckdbValueMatches(2, t('integer'), '3')).toBe(false);
  expect(duckdbValueMatches(150, t('decimal(3,2)'), '1.5')).toBe(true);
  // doubles: |a - e| <= |e| * 1% + 1e-8
  expect(duckdbValueMatches(100.5, t('double'), '100')).toBe(true);
  expect(duckdbValueMatches(100, t('double'), '102')).toBe(false);
  expect(duckdbValueMatches(NaN, t('double'), 'nan')).toBe(true);
  expect(duckdbValueMatches(true, t('boolean'), '1')).toBe(true);
  expect(duckdbValueMatches(false, t('boolean'), 'true')).toBe(false);
  expect(duckdbValueMatches(null, t('integer'), 'NULL')).toBe(true);
  expect(duckdbValueMatches('a', t('varchar'), 'b')).toBe(false);
});

test('TPC-H answer comparison', () => {
  // Trino's avg over decimal(12,2) is a decimal(…,2) rounded half-up; the answer is a full double.
  expect(tpchValueMatches(2558, t('decimal(12,2)'), '25.575154611454693')).toBe(true);
  expect(tpchValueMatches(2557, t('decimal(12,2)'), '25.575154611454693')).toBe(false);
  expect(tpchValueMatches(38045600n, t('decimal(38,2)'), '380456.00')).toBe(true);
  expect(tpchValueMatches(38045600n, t('decimal(38,2)'), '380456')).toBe(true);
  expect(tpchValueMatches(1 / 3, t('double'), '0.3333333333333333')).toBe(true);
  expect(tpchValueMatches(1 / 3, t('double'), '0.3333')).toBe(false);
  expect(tpchValueMatches(14876, t('bigint'), '14876')).toBe(true);
  expect(tpchValueMatches(10520, t('date'), '1998-10-21')).toBe(true);
  expect(tpchValueMatches('ab', t('char(4)'), 'ab')).toBe(true);
  expect(tpchValueMatches(null, t('varchar'), null)).toBe(true);
  expect(tpchValueMatches(null, t('varchar'), 'x')).toBe(false);
});

test('tempto (product test) comparison', () => {
  expect(temptoValueMatches(null, t('bigint'), 'null')).toBe(true);
  expect(temptoValueMatches(5, t('bigint'), 'null')).toBe(false);
  expect(temptoValueMatches(150, t('decimal(5,2)'), '1.5')).toBe(true);
  expect(temptoValueMatches(929.570625, t('double'), '929.570625')).toBe(true);
  expect(temptoValueMatches(true, t('boolean'), 'TRUE')).toBe(true);
  expect(temptoValueMatches('ALGERIA', t('varchar(25)'), 'ALGERIA')).toBe(true);
  expect(temptoValueMatches('ab', t('char(4)'), 'ab  ')).toBe(true);
  expect(temptoValueMatches('ab', t('char(4)'), 'ab', { trimValues: true })).toBe(true);
  expect(temptoValueMatches(' x ', t('varchar'), 'x')).toBe(false);
  expect(temptoValueMatches(' x ', t('varchar'), 'x', { trimValues: true })).toBe(true);
  expect(temptoValueMatches(1577836800000000, t('timestamp(3)'), '2020-01-01 00:00:00.0')).toBe(true);
});
