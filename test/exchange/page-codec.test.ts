import {
  type Block,
  blockFromValues,
  booleanBlock,
  numberBlock,
  valueBlock,
} from '../../src/execution/block';
import { page, pageRows } from '../../src/execution/page';
import {
  deserializePage,
  framePages,
  serializePage,
  serializedPageTypes,
  unframePages,
} from '../../src/exchange/page-codec';
import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  INTEGER,
  INTERVAL_DAY_TO_SECOND,
  INTERVAL_YEAR_TO_MONTH,
  JSON_TYPE,
  REAL,
  SMALLINT,
  type SqlType,
  TINYINT,
  UNKNOWN,
  UUID,
  IPADDRESS,
  VARBINARY,
  VARCHAR,
  arrayType,
  charType,
  decimalType,
  mapType,
  namedRowType,
  rowType,
  timeType,
  timeWithTimeZoneType,
  timestampType,
  timestampWithTimeZoneType,
  typeEquals,
} from '../../src/types';

function roundTrip(blocks: Block[], types: SqlType[]) {
  const p = page(blocks);
  const serialized = serializePage(p, types);
  const back = deserializePage(serialized.bytes);
  expect(back.positionCount).toBe(p.positionCount);
  expect(serialized.positionCount).toBe(p.positionCount);
  return { original: p, back, serialized };
}

/** Asserts a value survives exactly, including number-vs-bigint and -0. */
function expectSame(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number' && Object.is(expected, -0)) expect(Object.is(actual, -0)).toBe(true);
  expect(typeof actual).toBe(typeof expected);
  expect(actual).toEqual(expected);
  if (Array.isArray(expected))
    (expected as unknown[]).forEach((e, i) => expectSame((actual as unknown[])[i], e));
}

const MAX_I64 = 2n ** 63n - 1n;
const MIN_I64 = -(2n ** 63n);

test('lone surrogates become U+FFFD each, never pairing with a neighbouring value', () => {
  const values = ['a\ud834', '\udd1e', null, '\udd1eb', 'plain'];
  const { back } = roundTrip([blockFromValues(values)], [VARCHAR]);
  expect(pageRows(back).map((r) => r[0])).toEqual(['a\ufffd', '\ufffd', null, '\ufffdb', 'plain']);
});

describe('page codec: every SQL type as a value column (with nulls and edge values)', () => {
  const cases: Array<[string, SqlType, unknown[]]> = [
    ['boolean', BOOLEAN, [true, false, null]],
    ['tinyint', TINYINT, [-128, 127, null, 0]],
    ['smallint', SMALLINT, [-32768, 32767, null]],
    ['integer', INTEGER, [-2147483648, 2147483647, null]],
    ['bigint', BIGINT, [MAX_I64, MIN_I64, 9007199254740991, -9007199254740991, 0, null, 2n ** 53n]],
    ['real', REAL, [Math.fround(1.1), -0, NaN, Infinity, -Infinity, null, Math.fround(3.4e38)]],
    ['double', DOUBLE, [1.1, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, null]],
    ['decimal(15,2)', decimalType(15, 2), [999999999999999, -999999999999999, 0, null]],
    [
      'decimal(38,10)',
      decimalType(38, 10),
      [10n ** 38n - 1n, -(10n ** 38n - 1n), 0n, -1n, 1n, 2n ** 64n, -(2n ** 64n), null],
    ],
    ['varchar', VARCHAR, ['', 'abc', 'ünïcödé ✓ 𝄞', null, 'x'.repeat(1000)]],
    ['varchar, all ASCII', VARCHAR, ['', 'abc', null, 'a longer ASCII value', '~\x7f\x00']],
    ['char(3)', charType(3), ['a', '', null]],
    ['varbinary', VARBINARY, [new Uint8Array([0, 255, 1]), new Uint8Array(0), null]],
    ['date', DATE, [-719528, 0, 2932896, null]],
    ['time(3)', timeType(3), [0, 86_399_999_000_000, null]],
    ['time(12)', timeType(12), [0n, 86_399_999_999_999_999n, null]],
    [
      'time(6) with time zone',
      timeWithTimeZoneType(6),
      [{ time: 3_600_000_000_000, offsetMinutes: -840 }, { time: 0, offsetMinutes: 840 }, null],
    ],
    [
      'time(12) with time zone',
      timeWithTimeZoneType(12),
      [{ time: 86_399_999_999_999_999n, offsetMinutes: 330 }, null],
    ],
    [
      'timestamp(6)',
      timestampType(6),
      [0, -62135596800000000n, 253402300799999999n, -9007199254740991, null],
    ],
    [
      'timestamp(12)',
      timestampType(12),
      [{ epochMicros: 1, picosOfMicro: 999_999 }, { epochMicros: MIN_I64, picosOfMicro: 0 }, null],
    ],
    [
      'timestamp(3) with time zone',
      timestampWithTimeZoneType(3),
      [
        { epochMillis: 0, picosOfMilli: 0, timeZone: 'UTC' },
        { epochMillis: -1, picosOfMilli: 0, timeZone: 'America/New_York' },
        null,
      ],
    ],
    [
      'timestamp(12) with time zone',
      timestampWithTimeZoneType(12),
      [{ epochMillis: 2 ** 51, picosOfMilli: 999_999_999, timeZone: '+05:30' }],
    ],
    ['interval year to month', INTERVAL_YEAR_TO_MONTH, [-2147483648, 12, null]],
    ['interval day to second', INTERVAL_DAY_TO_SECOND, [MAX_I64, -86400000, null]],
    ['json', JSON_TYPE, ['{"a":[1,2]}', 'null', null]],
    ['uuid', UUID, ['12151fd2-7586-11e9-8f9e-2a86e4085a59', null]],
    ['ipaddress', IPADDRESS, ['00000000000000000000ffff0a000001', null, '20010db8000000000000000000000001']],
    ['unknown', UNKNOWN, [null, null]],
    ['array(bigint)', arrayType(BIGINT), [[1, MAX_I64, null], [], null, [MIN_I64]]],
    ['array(array(varchar))', arrayType(arrayType(VARCHAR)), [[['a', null], [], null], null, [[]]]],
    [
      'map(varchar, decimal(20,2))',
      mapType(VARCHAR, decimalType(20, 2)),
      [
        [
          ['b', 1n],
          ['a', null],
        ],
        [],
        null,
      ],
    ],
    [
      'map(array(integer), row(x double))',
      mapType(arrayType(INTEGER), namedRowType(['x', DOUBLE])),
      [[[[1, 2], [-0]]], [[[], null]]],
    ],
    [
      'row(a bigint, b varchar, c array(boolean))',
      namedRowType(['a', BIGINT], ['b', VARCHAR], ['c', arrayType(BOOLEAN)]),
      [[MAX_I64, 'x', [true, null]], [null, null, null], null, [1, '', []]],
    ],
    [
      'row(timestamp(9), date)',
      rowType([timestampType(9), DATE]),
      [[{ epochMicros: 5, picosOfMicro: 7 }, 3]],
    ],
  ];

  test.each(cases)('%s', (_name, type, values) => {
    const { back, serialized } = roundTrip([valueBlock(values)], [type]);
    expect(back.blocks[0].kind).toBe('value');
    const decoded = pageRows(back).map((r) => r[0]);
    expect(decoded.length).toBe(values.length);
    values.forEach((v, i) => expectSame(decoded[i], v));
    expect(typeEquals(serializedPageTypes(serialized.bytes)[0], type)).toBe(true);
  });
});

describe('page codec: block forms', () => {
  test('a NumberBlock stays a NumberBlock with its nulls, -0 and NaN', () => {
    const values = new Float64Array([1.5, -0, NaN, 0, 9007199254740991, -1e308]);
    const nulls = new Uint8Array([0, 0, 0, 1, 0, 0]);
    const { back } = roundTrip([numberBlock(values, nulls)], [DOUBLE]);
    const b = back.blocks[0];
    expect(b.kind).toBe('number');
    if (b.kind !== 'number') return;
    expect(Object.is(b.values[1], -0)).toBe(true);
    expect(Number.isNaN(b.values[2])).toBe(true);
    expect(Array.from(b.nulls ?? [])).toEqual([0, 0, 0, 1, 0, 0]);
    expect(b.values[4]).toBe(9007199254740991);
  });

  test('a BooleanBlock stays a BooleanBlock; blocks of any length', () => {
    for (const n of [0, 1, 7, 8, 9, 1025]) {
      const values = new Uint8Array(n).map((_, i) => (i % 3 === 0 ? 1 : 0));
      const nulls = new Uint8Array(n).map((_, i) => (i % 5 === 0 ? 1 : 0));
      const { back, original } = roundTrip([booleanBlock(values, nulls)], [BOOLEAN]);
      expect(back.blocks[0].kind).toBe('boolean');
      expect(pageRows(back)).toEqual(pageRows(original));
    }
  });

  test('several columns of mixed forms, and a page with no columns', () => {
    const ints = blockFromValues([1, 2, null]);
    const strs = valueBlock(['a', null, 'c']);
    const big = valueBlock([MAX_I64, 1, null]);
    const { back, original } = roundTrip([ints, strs, big], [INTEGER, VARCHAR, BIGINT]);
    expect(back.blocks.map((b) => b.kind)).toEqual(['number', 'value', 'value']);
    expect(pageRows(back)).toEqual(pageRows(original));
    const empty = serializePage({ positionCount: 42, blocks: [] }, []);
    expect(deserializePage(empty.bytes).positionCount).toBe(42);
  });

  test('a long-decimal NumberBlock (bigintValues) keeps its form and its bigint values', () => {
    const block = numberBlock(new Float64Array([150, -1, 0]), new Uint8Array([0, 0, 1]), true);
    const { back } = roundTrip([block], [decimalType(20, 2)]);
    const b = back.blocks[0];
    expect(b.kind === 'number' && b.bigintValues).toBe(true);
    expect(pageRows(back)).toEqual([[150n], [-1n], [null]]);
  });

  test('type count must match the page', () => {
    expect(() => serializePage(page([valueBlock(['a'])]), [])).toThrow(/1 blocks but 0 types/);
  });
});

describe('page framing', () => {
  test('several pages in one body, read back in order', () => {
    const pages = [1, 2, 3].map((k) =>
      serializePage(page([valueBlock(Array.from({ length: k * 10 }, (_, i) => `${k}:${i}`))]), [VARCHAR]),
    );
    const body = framePages(pages);
    const frames = unframePages(new Uint8Array(body));
    expect(frames.map((f) => f.positionCount)).toEqual([10, 20, 30]);
    expect(pageRows(deserializePage(frames[2].bytes))[29]).toEqual(['3:29']);
  });

  test('an unaligned body is still read; a truncated one is a PAGE_TRANSPORT_ERROR', () => {
    const body = framePages([serializePage(page([blockFromValues([1, 2])]), [BIGINT])]);
    const shifted = new Uint8Array(body.length + 1).subarray(1);
    shifted.set(body);
    expect(pageRows(deserializePage(unframePages(shifted)[0].bytes))).toEqual([[1], [2]]);
    expect(() => unframePages(body.subarray(0, body.length - 3))).toThrow(/Truncated page frame/);
    expect(() => unframePages(body.subarray(0, 5))).toThrow(/Truncated page frame header/);
  });
});
