/**
 * The result path's page encoder (pageEncoder) must write exactly the text of the reference
 * encoder (rowEncoders + encodePageRows), value for value: many seeded random values of every
 * type, the edge cases of each fast path, in every physical block form, with and without
 * PARAMETRIC_DATETIME.
 */
import {
  nullable,
  pageEncoder,
  valueEncoder,
  type EncodingOptions,
  type ValueEncoder,
} from '../../../src/protocol/trino/value-encoding';
import { castFromVarchar } from '../../../src/types/cast-varchar';
import { parseType, type SqlType } from '../../../src/types';
import { blockFromValues, valueAt, valueBlock, type Block } from '../../../src/execution/block';
import { page, type Page } from '../../../src/execution/page';

/** The reference: every value through its column's per-value encoder, rows joined plainly. */
function rowEncoders(types: readonly SqlType[], options: EncodingOptions): ValueEncoder[] {
  return types.map((t) => nullable(valueEncoder(t, options)));
}

function encodePageRows(p: Page, encoders: readonly ValueEncoder[], start: number, end: number): string {
  const rows: string[] = [];
  for (let r = start; r < end; r++)
    rows.push(`[${encoders.map((encode, c) => encode(valueAt(p.blocks[c], r))).join(',')}]`);
  return rows.join(',');
}

const OPTIONS: EncodingOptions[] = [{ parametricDateTime: true }, { parametricDateTime: false }];

/** mulberry32: a small seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(20240611);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
const times = <T>(n: number, f: (_: unknown, i: number) => T): T[] => Array.from({ length: n }, f);

function randomBitsDouble(): number {
  const u = new Uint32Array([int(0, 2 ** 32 - 1), int(0, 2 ** 32 - 1)]);
  return new Float64Array(u.buffer)[0];
}

const DOUBLE_EDGES = [
  0,
  -0,
  NaN,
  Infinity,
  -Infinity,
  1e-3,
  1e-4,
  9.999999999999998e-4,
  1e7,
  9999999.99,
  9999999.999999998,
  1e21,
  1e-7,
  5e-324,
  2.2250738585072014e-308,
  2.225073858507201e-308,
  Number.MAX_VALUE,
  0.1 + 0.2,
  1 / 3,
  100,
  1,
  0.5,
  0.01,
  0.07,
  0.1,
  123456.78,
  2 ** 53,
  2 ** 53 + 2,
  4.35,
  1.005,
  0.015,
  1e6 + 0.01,
];

function randomDouble(): number {
  switch (int(0, 5)) {
    case 0:
      return pick(DOUBLE_EDGES) * pick([1, -1]);
    case 1:
      return int(-1e9, 1e9) / 100;
    case 2:
      return int(-1e12, 1e12) / 10 ** int(0, 12);
    case 3:
      return (rnd() - 0.5) * 10 ** int(-10, 25);
    case 4:
      return int(-1e7, 1e7);
    default:
      return randomBitsDouble();
  }
}

const INTEGER_EDGES = [0, -0, 1, -1, 9, 10, 99, 100, 2 ** 31 - 1, -(2 ** 31), 2 ** 53 - 1, -(2 ** 53 - 1)];

function randomInteger(bits: number): number {
  if (rnd() < 0.1) return pick(INTEGER_EDGES.filter((x) => Math.abs(x) < 2 ** (bits - 1)));
  const limit = 2 ** Math.min(bits - 1, 53) - 1;
  return Math.round((rnd() * 2 - 1) * limit * rnd() ** 4);
}

const CHARS = [
  'a',
  'Z',
  '0',
  ' ',
  '~',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\u0000',
  '\u001f',
  '\u007f',
  'é',
  '中',
  '😀',
  '\ud800',
  '\udc00',
  '\u2028',
  '\ufeff',
];

function randomString(): string {
  const plain = rnd() < 0.5;
  return times(int(0, 30), () => (plain ? String.fromCharCode(int(0x20, 0x7e)) : pick(CHARS))).join('');
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function randomDays(): number {
  return rnd() < 0.8
    ? int(-800_000, 3_000_000)
    : pick([-719_163, -719_162, 2_932_896, 2_932_897, 0, -1]) + int(-1, 1);
}

/** Random timestamp(p) text. */
function timestampText(precision: number, wide = false): string {
  if (wide && rnd() < 0.3) {
    const edge = pick([
      '0001-01-01 00:00:00.000000',
      '9999-12-31 23:59:59.999999',
      '10000-01-01 00:00:00.000000',
      '1685-01-01 00:00:00.000001',
      '2255-12-31 23:59:59.999999',
    ]);
    return precision === 0 ? edge.slice(0, -7) : edge.slice(0, edge.length - 6 + precision);
  }
  // timestamp(p <= 6) values are numbers (typed arrays) within about 1685..2255, bigints beyond;
  // a block holding one bigint is boxed, so only the narrow range exercises the typed arrays
  const year = wide ? int(1, 12000) : int(1686, 2254);
  const fraction = precision === 0 ? '' : '.' + times(precision, () => int(0, 9)).join('');
  return `${pad(year, 4)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)} ${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}${fraction}`;
}

function decimalText(precision: number, scale: number): string {
  const digits = times(int(1, precision), () => int(0, 9)).join('');
  const whole = digits.slice(0, Math.max(1, digits.length - scale)).slice(0, precision - scale) || '0';
  const fraction = digits.slice(0, scale);
  return `${pick(['', '-'])}${whole}${scale > 0 ? '.' + fraction : ''}`;
}

/** Per type: random canonical values (nulls are added by the test). */
const GENERATORS: Record<string, () => unknown> = {
  boolean: () => rnd() < 0.5,
  tinyint: () => randomInteger(8),
  smallint: () => randomInteger(16),
  integer: () => randomInteger(32),
  bigint: () => (rnd() < 0.05 ? BigInt(int(-1e9, 1e9)) * 10n ** 12n : randomInteger(64)),
  double: randomDouble,
  real: () => Math.fround(randomDouble()),
  'decimal(10,2)': () => castFromVarchar(decimalText(10, 2), parseType('decimal(10,2)')),
  'decimal(38,10)': () => castFromVarchar(decimalText(38, 10), parseType('decimal(38,10)')),
  varchar: randomString,
  'varchar(5)': randomString,
  'char(5)': () => randomString().slice(0, 5),
  date: randomDays,
  'timestamp(0)': () => castFromVarchar(timestampText(0), parseType('timestamp(0)')),
  'timestamp(1)': () => castFromVarchar(timestampText(1), parseType('timestamp(1)')),
  'timestamp(3)': () => castFromVarchar(timestampText(3), parseType('timestamp(3)')),
  'timestamp(6)': () => castFromVarchar(timestampText(6), parseType('timestamp(6)')),
  'timestamp(9)': () => castFromVarchar(timestampText(9), parseType('timestamp(9)')),
  'timestamp(3) with time zone': () =>
    castFromVarchar(
      `${timestampText(3)} ${pick(['UTC', 'Europe/Berlin', '+05:30'])}`,
      parseType('timestamp(3) with time zone'),
    ),
  'time(3)': () => castFromVarchar(timestampText(3).slice(11), parseType('time(3)')),
  'array(double)': () => times(int(0, 3), () => (rnd() < 0.2 ? null : randomDouble())),
  'map(varchar,bigint)': () => times(int(0, 3), (_, i) => [`k${i}${randomString()}`, randomInteger(64)]),
  'row(a integer,b varchar)': () => [randomInteger(32), rnd() < 0.2 ? null : randomString()],
  json: () => JSON.stringify({ k: randomString() }),
  'timestamp(0) wide': () => castFromVarchar(timestampText(0, true), parseType('timestamp(0)')),
  'timestamp(6) wide': () => castFromVarchar(timestampText(6, true), parseType('timestamp(6)')),
};

/** The values in every block form the engine may hand over: typed arrays when possible, and boxed. */
function blockForms(values: unknown[]): Block[] {
  return [blockFromValues(values), valueBlock(values)];
}

describe('pageEncoder writes the reference encoder text', () => {
  test.each(Object.keys(GENERATORS))('%s', (typeText) => {
    const type = parseType(typeText.replace(/ wide$/, ''));
    const generate = GENERATORS[typeText];
    for (let round = 0; round < 20; round++) {
      const withNulls = round % 2 === 1;
      const values = times(250, () => (withNulls && rnd() < 0.1 ? null : generate()));
      for (const options of OPTIONS) {
        const reference = rowEncoders([type], options);
        for (const block of blockForms(values)) {
          const p = page([block]);
          const expected = encodePageRows(p, reference, 0, p.positionCount);
          const actual = pageEncoder([type], options)(p);
          if (actual !== expected) {
            // the first differing value, for a readable failure
            for (let r = 0; r < p.positionCount; r++) {
              const one = page([blockFromValues([values[r]])]);
              expect([values[r], pageEncoder([type], options)(one)]).toEqual([
                values[r],
                encodePageRows(one, reference, 0, 1),
              ]);
            }
          }
          expect(actual).toBe(expected);
        }
      }
    }
  });

  test('rows of many columns, the encoder reused across pages', () => {
    const typeTexts = Object.keys(GENERATORS);
    const types = typeTexts.map((t) => parseType(t.replace(/ wide$/, '')));
    for (const options of OPTIONS) {
      const encode = pageEncoder(types, options);
      const reference = rowEncoders(types, options);
      for (let round = 0; round < 5; round++) {
        const count = round === 0 ? 0 : int(1, 400);
        const columns = typeTexts.map((t) => times(count, () => (rnd() < 0.1 ? null : GENERATORS[t]())));
        const p = page(
          columns.map((c) => blockFromValues(c)),
          count,
        );
        expect(encode(p)).toBe(encodePageRows(p, reference, 0, count));
      }
    }
  });

  test('a page wider than the writer buffer', () => {
    const type = parseType('varchar');
    const big = 'x'.repeat(3 << 20);
    const p = page([blockFromValues([big, 'é'.repeat(1 << 20), null])]);
    expect(pageEncoder([type], OPTIONS[0])(p)).toBe(encodePageRows(p, rowEncoders([type], OPTIONS[0]), 0, 3));
  });

  test('no columns', () => {
    const p = page([], 3);
    expect(pageEncoder([], OPTIONS[0])(p)).toBe(encodePageRows(p, [], 0, 3));
  });
});
