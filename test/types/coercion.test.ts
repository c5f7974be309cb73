import {
  anonymousRowType,
  arrayType,
  BIGINT,
  BOOLEAN,
  canCast,
  canCoerce,
  charType,
  commonSuperType,
  commonSuperTypeOf,
  DATE,
  decimalType,
  DOUBLE,
  formatType,
  INTEGER,
  INTERVAL_DAY_TO_SECOND,
  INTERVAL_YEAR_TO_MONTH,
  isTypeOnlyCoercion,
  JSON_TYPE,
  mapType,
  namedRowType,
  REAL,
  rowType,
  SMALLINT,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  TINYINT,
  UNKNOWN,
  UUID,
  VARBINARY,
  VARCHAR,
  varcharType,
  type SqlType,
} from '../../src/types';

type Direction = 'both' | 'first' | 'second' | 'neither';

/**
 * From Trino's TestTypeCoercion.testTypeCompatibility (char/varchar rows follow current Trino,
 * where char(n) coerces to varchar(n) and varchar never coerces to char).
 */
const compatibility: [SqlType, SqlType, SqlType | undefined, Direction][] = [
  [UNKNOWN, UNKNOWN, UNKNOWN, 'both'],
  [BIGINT, BIGINT, BIGINT, 'both'],
  [UNKNOWN, BIGINT, BIGINT, 'first'],
  [BIGINT, DOUBLE, DOUBLE, 'first'],
  [DATE, timestampType(3), timestampType(3), 'first'],
  [DATE, timestampWithTimeZoneType(3), timestampWithTimeZoneType(3), 'first'],
  [timeType(3), timeWithTimeZoneType(3), timeWithTimeZoneType(3), 'first'],
  [timestampType(3), timestampWithTimeZoneType(3), timestampWithTimeZoneType(3), 'first'],
  [timestampType(6), timestampWithTimeZoneType(3), timestampWithTimeZoneType(6), 'neither'],
  [timestampType(3), timestampType(9), timestampType(9), 'first'],
  [REAL, DOUBLE, DOUBLE, 'first'],
  [REAL, TINYINT, REAL, 'second'],
  [REAL, SMALLINT, REAL, 'second'],
  [REAL, INTEGER, REAL, 'second'],
  [REAL, BIGINT, REAL, 'second'],
  [TINYINT, SMALLINT, SMALLINT, 'first'],
  [SMALLINT, INTEGER, INTEGER, 'first'],
  [INTEGER, BIGINT, BIGINT, 'first'],
  [timestampType(3), timeWithTimeZoneType(3), undefined, 'neither'],
  [VARBINARY, VARCHAR, undefined, 'neither'],
  [BOOLEAN, INTEGER, undefined, 'neither'],
  [VARCHAR, BIGINT, undefined, 'neither'],
  [DATE, timeType(3), undefined, 'neither'],
  [INTERVAL_DAY_TO_SECOND, INTERVAL_YEAR_TO_MONTH, undefined, 'neither'],
  [UNKNOWN, arrayType(BIGINT), arrayType(BIGINT), 'first'],
  [arrayType(BIGINT), arrayType(DOUBLE), arrayType(DOUBLE), 'first'],
  [arrayType(BIGINT), arrayType(UNKNOWN), arrayType(BIGINT), 'second'],
  [mapType(BIGINT, DOUBLE), mapType(BIGINT, DOUBLE), mapType(BIGINT, DOUBLE), 'both'],
  [mapType(BIGINT, DOUBLE), mapType(DOUBLE, DOUBLE), mapType(DOUBLE, DOUBLE), 'first'],
  [
    namedRowType(['a', BIGINT], ['b', DOUBLE], ['c', VARCHAR]),
    namedRowType(['a', BIGINT], ['b', DOUBLE], ['c', VARCHAR]),
    namedRowType(['a', BIGINT], ['b', DOUBLE], ['c', VARCHAR]),
    'both',
  ],
  [decimalType(22, 1), decimalType(23, 1), decimalType(23, 1), 'first'],
  [BIGINT, decimalType(23, 1), decimalType(23, 1), 'first'],
  [BIGINT, decimalType(18, 0), decimalType(19, 0), 'neither'],
  [BIGINT, decimalType(19, 0), decimalType(19, 0), 'first'],
  [BIGINT, decimalType(37, 1), decimalType(37, 1), 'first'],
  [REAL, decimalType(37, 1), REAL, 'second'],
  [arrayType(decimalType(23, 1)), arrayType(decimalType(22, 1)), arrayType(decimalType(23, 1)), 'second'],
  [arrayType(BIGINT), arrayType(decimalType(2, 1)), arrayType(decimalType(20, 1)), 'neither'],
  [arrayType(BIGINT), arrayType(decimalType(20, 1)), arrayType(decimalType(20, 1)), 'first'],
  [decimalType(3, 2), DOUBLE, DOUBLE, 'first'],
  [decimalType(22, 1), DOUBLE, DOUBLE, 'first'],
  [decimalType(37, 37), DOUBLE, DOUBLE, 'first'],
  [decimalType(22, 1), REAL, REAL, 'first'],
  [INTEGER, decimalType(23, 1), decimalType(23, 1), 'first'],
  [INTEGER, decimalType(9, 0), decimalType(10, 0), 'neither'],
  [INTEGER, decimalType(10, 0), decimalType(10, 0), 'first'],
  [INTEGER, decimalType(12, 2), decimalType(12, 2), 'first'],
  [INTEGER, decimalType(5, 2), decimalType(12, 2), 'neither'],
  [TINYINT, decimalType(2, 0), decimalType(3, 0), 'neither'],
  [TINYINT, decimalType(2, 1), decimalType(4, 1), 'neither'],
  [TINYINT, decimalType(3, 0), decimalType(3, 0), 'first'],
  [SMALLINT, decimalType(4, 0), decimalType(5, 0), 'neither'],
  [SMALLINT, decimalType(2, 1), decimalType(6, 1), 'neither'],
  // precision is capped at 38: Trino accepts the potential overflow (checked at run time)
  [decimalType(38, 10), decimalType(38, 20), decimalType(38, 20), 'first'],
  [charType(42), charType(40), charType(42), 'second'],
  [charType(42), charType(44), charType(44), 'first'],
  [varcharType(42), varcharType(42), varcharType(42), 'both'],
  [varcharType(42), varcharType(44), varcharType(44), 'first'],
  [varcharType(3), VARCHAR, VARCHAR, 'first'],
  [charType(40), varcharType(42), varcharType(42), 'first'],
  [charType(42), varcharType(42), varcharType(42), 'first'],
  [charType(44), varcharType(42), varcharType(44), 'neither'],
  [charType(3), VARCHAR, VARCHAR, 'first'],
  [
    anonymousRowType(varcharType(2)),
    anonymousRowType(varcharType(5)),
    anonymousRowType(varcharType(5)),
    'first',
  ],
  [namedRowType(['a', INTEGER]), namedRowType(['a', BIGINT]), namedRowType(['a', BIGINT]), 'first'],
  [namedRowType(['a', INTEGER]), namedRowType(['b', BIGINT]), anonymousRowType(BIGINT), 'first'],
  [anonymousRowType(INTEGER), namedRowType(['b', BIGINT]), anonymousRowType(BIGINT), 'first'],
  [namedRowType(['a', INTEGER]), namedRowType(['a', varcharType(2)]), undefined, 'neither'],
  [namedRowType(['a', INTEGER]), namedRowType(['a', INTEGER], ['b', varcharType(2)]), undefined, 'neither'],
  [
    namedRowType(['a', INTEGER], ['b', varcharType(2)]),
    rowType([BIGINT, { name: 'b', type: varcharType(5) }]),
    rowType([BIGINT, { name: 'b', type: varcharType(5) }]),
    'first',
  ],
  [
    namedRowType(['a', INTEGER], ['b', varcharType(5)]),
    namedRowType(['c', BIGINT], ['d', varcharType(2)]),
    anonymousRowType(BIGINT, varcharType(5)),
    'neither',
  ],
  [
    namedRowType(['a', namedRowType(['c', INTEGER], ['e', varcharType(5)])]),
    namedRowType(['d', namedRowType(['f', INTEGER], ['e', varcharType(5)])]),
    rowType([rowType([INTEGER, { name: 'e', type: varcharType(5) }])]),
    'both',
  ],
  [JSON_TYPE, VARCHAR, undefined, 'neither'],
  [UUID, VARCHAR, undefined, 'neither'],
];

describe('coercion — TestTypeCoercion.testTypeCompatibility', () => {
  test.each(
    compatibility.map(
      ([a, b, s, d]) => [formatType(a), formatType(b), s && formatType(s), d, a, b, s] as const,
    ),
  )('%s / %s → %s (%s)', (_a, _b, _s, direction, a, b, superType) => {
    const st = commonSuperType(a, b);
    if (superType === undefined) expect(st).toBeUndefined();
    else expect(st).toEqual(superType);
    expect(commonSuperType(b, a)).toEqual(st);
    expect(canCoerce(a, b)).toBe(direction === 'both' || direction === 'first');
    expect(canCoerce(b, a)).toBe(direction === 'both' || direction === 'second');
  });

  test('every implicit coercion has a CAST, and coercion is transitive over primitive types', () => {
    const types: SqlType[] = [
      BOOLEAN,
      TINYINT,
      SMALLINT,
      INTEGER,
      BIGINT,
      REAL,
      DOUBLE,
      decimalType(10, 2),
      decimalType(38, 0),
      decimalType(3, 0),
      VARCHAR,
      varcharType(5),
      charType(5),
      VARBINARY,
      DATE,
      timeType(3),
      timeType(9),
      timeWithTimeZoneType(3),
      timestampType(0),
      timestampType(6),
      timestampWithTimeZoneType(3),
      INTERVAL_YEAR_TO_MONTH,
      INTERVAL_DAY_TO_SECOND,
      JSON_TYPE,
      UUID,
      UNKNOWN,
    ];
    for (const a of types) {
      for (const b of types) {
        if (canCoerce(a, b)) {
          expect(canCast(a, b)).toBe(true);
          for (const c of types) {
            if (canCoerce(b, c))
              expect([formatType(a), formatType(c), canCoerce(a, c)]).toEqual([
                formatType(a),
                formatType(c),
                true,
              ]);
          }
        }
      }
    }
  });

  test('commonSuperTypeOf folds a list', () => {
    expect(commonSuperTypeOf([INTEGER, decimalType(5, 2), UNKNOWN])).toEqual(decimalType(12, 2));
    expect(commonSuperTypeOf([varcharType(3), varcharType(5), charType(7)])).toEqual(varcharType(7));
    expect(commonSuperTypeOf([BIGINT, VARCHAR])).toBeUndefined();
    expect(commonSuperTypeOf([])).toBeUndefined();
  });

  test('isTypeOnlyCoercion (TestTypeCoercion.testIsTypeOnlyCoercion, for Tessera values)', () => {
    expect(isTypeOnlyCoercion(BIGINT, BIGINT)).toBe(true);
    expect(isTypeOnlyCoercion(varcharType(42), varcharType(44))).toBe(true);
    expect(isTypeOnlyCoercion(varcharType(44), varcharType(42))).toBe(false);
    expect(isTypeOnlyCoercion(charType(42), varcharType(42))).toBe(false);
    expect(isTypeOnlyCoercion(arrayType(varcharType(42)), arrayType(varcharType(44)))).toBe(true);
    expect(isTypeOnlyCoercion(decimalType(22, 1), decimalType(23, 1))).toBe(true);
    expect(isTypeOnlyCoercion(decimalType(2, 1), decimalType(3, 1))).toBe(true);
    expect(isTypeOnlyCoercion(decimalType(23, 1), decimalType(22, 1))).toBe(false);
    expect(isTypeOnlyCoercion(decimalType(3, 1), decimalType(22, 1))).toBe(false);
    expect(
      isTypeOnlyCoercion(
        mapType(decimalType(2, 1), decimalType(2, 1)),
        mapType(decimalType(2, 1), decimalType(3, 1)),
      ),
    ).toBe(true);
    expect(
      isTypeOnlyCoercion(
        mapType(decimalType(2, 1), decimalType(2, 1)),
        mapType(decimalType(2, 1), decimalType(3, 2)),
      ),
    ).toBe(false);
    expect(isTypeOnlyCoercion(INTEGER, BIGINT)).toBe(false);
  });
});

describe('canCast (explicit CAST)', () => {
  test.each<[SqlType, SqlType, boolean]>([
    [VARCHAR, BIGINT, true],
    [BIGINT, VARCHAR, true],
    [DOUBLE, INTEGER, true],
    [decimalType(10, 2), TINYINT, true],
    [BOOLEAN, decimalType(3, 1), true],
    [VARCHAR, DATE, true],
    [VARCHAR, timestampWithTimeZoneType(6), true],
    [VARCHAR, VARBINARY, true],
    [VARBINARY, VARCHAR, false],
    [VARCHAR, charType(3), true],
    [BIGINT, charType(3), false],
    [INTERVAL_DAY_TO_SECOND, VARCHAR, true],
    [VARCHAR, INTERVAL_DAY_TO_SECOND, false],
    [timestampWithTimeZoneType(3), DATE, true],
    [timestampType(3), timeType(6), true],
    [DATE, timeType(3), false],
    [timeType(3), DATE, false],
    [timeType(3), timestampType(3), true],
    [UUID, VARBINARY, true],
    [VARBINARY, UUID, true],
    [UUID, VARCHAR, true],
    [BIGINT, DATE, false],
    [BOOLEAN, DATE, false],
    [JSON_TYPE, BIGINT, true],
    [JSON_TYPE, arrayType(BIGINT), true],
    [mapType(VARCHAR, arrayType(DOUBLE)), JSON_TYPE, true],
    [mapType(DATE, BIGINT), JSON_TYPE, false],
    [JSON_TYPE, DATE, false],
    [arrayType(VARCHAR), arrayType(BIGINT), true],
    [arrayType(VARBINARY), arrayType(BIGINT), false],
    [mapType(VARCHAR, VARCHAR), mapType(BIGINT, DATE), true],
    [namedRowType(['a', VARCHAR]), anonymousRowType(BIGINT), true],
    [namedRowType(['a', VARCHAR]), anonymousRowType(BIGINT, BIGINT), false],
    [arrayType(BIGINT), VARCHAR, false],
    [UNKNOWN, arrayType(BIGINT), true],
  ])('CAST(%j AS %j) → %s', (from, to, expected) => {
    expect(canCast(from, to)).toBe(expected);
  });
});
