/**
 * TPC-H queries computed by hand over generated data, checked against answers nobody here
 * wrote: `dbgen-answers` (DuckDB over official dbgen 2.14 data) and trinodb/tpch's own
 * `queries/qN.result` (Trino's tpch.tiny). Q2, Q10, Q13 and Q16 compare text columns, so they
 * also prove the text pool, addresses, phones and the supplier complaint comments.
 */

import { normalizeDecimalText, readAnswer } from './helpers';
import { TpchData, q1, q10, q13, q16, q2, q3, q6 } from './tpch-queries';

/** Q1's averages are full-precision doubles in the answers; the rest must match exactly. */
function expectQ1(actual: string[][], expected: string[][]): void {
  expect(actual.map((row) => [...row.slice(0, 6), row[9]])).toEqual(
    expected.map((row) => [...row.slice(0, 6), row[9]]),
  );
  actual.forEach((row, r) => {
    for (const c of [6, 7, 8]) expect(Number(row[c])).toBeCloseTo(Number(expected[r][c]), 9);
  });
}

describe.each([
  ['sf0.01', 0.01],
  ['sf0.1', 0.1],
])('TPC-H answers at %s', (directory, scaleFactor) => {
  const data = new TpchData(scaleFactor);

  test('Q1 pricing summary', () => {
    expectQ1(q1(scaleFactor), readAnswer(`dbgen-answers/${directory}/q01.csv`));
  });

  test('Q6 forecast revenue change', () => {
    expect(q6(scaleFactor)).toEqual(readAnswer(`dbgen-answers/${directory}/q06.csv`));
  });

  test('Q3 shipping priority', () => {
    expect(q3(data)).toEqual(readAnswer(`dbgen-answers/${directory}/q03.csv`));
  });

  test('Q2 minimum cost supplier (supplier names, addresses, phones, comments)', () => {
    expect(q2(data)).toEqual(readAnswer(`dbgen-answers/${directory}/q02.csv`));
  });

  test('Q10 returned item reporting (customer names, addresses, phones, comments)', () => {
    expect(q10(data)).toEqual(readAnswer(`dbgen-answers/${directory}/q10.csv`));
  });

  test('Q13 customer distribution (every order comment)', () => {
    expect(q13(data)).toEqual(readAnswer(`dbgen-answers/${directory}/q13.csv`));
  });

  test('Q16 parts/supplier relationship (supplier complaint comments)', () => {
    expect(q16(data)).toEqual(readAnswer(`dbgen-answers/${directory}/q16.csv`));
  });
});

describe("trinodb/tpch's own tiny results", () => {
  const data = new TpchData(0.01);
  const normalize = (rows: string[][]): string[][] => rows.map((row) => row.map(normalizeDecimalText));

  test.each([
    ['q2.result', () => q2(data)],
    ['q3.result', () => q3(data)],
    ['q6.result', () => q6(0.01)],
    ['q10.result', () => q10(data)],
    ['q13.result', () => q13(data)],
  ])('%s', (file, query) => {
    expect(normalize(query())).toEqual(normalize(readAnswer(`trinodb-tpch/queries/${file}`)));
  });
});
