import {
  anonymousRowType,
  arrayType,
  BIGINT,
  BOOLEAN,
  charType,
  DATE,
  decimalType,
  DOUBLE,
  formatType,
  INTEGER,
  INTERVAL_DAY_TO_SECOND,
  INTERVAL_YEAR_TO_MONTH,
  isComparableType,
  isOrderableType,
  JSON_TYPE,
  mapType,
  namedRowType,
  REAL,
  SMALLINT,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  TINYINT,
  typeEquals,
  UNKNOWN,
  UUID,
  VARBINARY,
  VARCHAR,
  varcharType,
  type SqlType,
} from '../../src/types';
import { expectTrinoError } from './helpers';

describe('formatType: Trino display names (Type.getDisplayName)', () => {
  const cases: [SqlType, string][] = [
    [BOOLEAN, 'boolean'],
    [TINYINT, 'tinyint'],
    [SMALLINT, 'smallint'],
    [INTEGER, 'integer'],
    [BIGINT, 'bigint'],
    [REAL, 'real'],
    [DOUBLE, 'double'],
    // DecimalType's signature prints without a space: decimal(12,2)
    [decimalType(12, 2), 'decimal(12,2)'],
    [decimalType(), 'decimal(38,0)'],
    [VARCHAR, 'varchar'],
    [varcharType(25), 'varchar(25)'],
    [varcharType(2147483647), 'varchar'],
    [charType(3), 'char(3)'],
    [charType(), 'char(1)'],
    [VARBINARY, 'varbinary'],
    [DATE, 'date'],
    [timeType(), 'time(3)'],
    [timeType(9), 'time(9)'],
    [timeWithTimeZoneType(6), 'time(6) with time zone'],
    [timestampType(0), 'timestamp(0)'],
    [timestampWithTimeZoneType(3), 'timestamp(3) with time zone'],
    [INTERVAL_YEAR_TO_MONTH, 'interval year to month'],
    [INTERVAL_DAY_TO_SECOND, 'interval day to second'],
    [arrayType(INTEGER), 'array(integer)'],
    [mapType(VARCHAR, BIGINT), 'map(varchar, bigint)'],
    [namedRowType(['a', BIGINT], ['b', VARCHAR]), 'row(a bigint, b varchar)'],
    [anonymousRowType(BIGINT, DOUBLE), 'row(bigint, double)'],
    [
      arrayType(mapType(VARCHAR, namedRowType(['x', decimalType(10, 2)]))),
      'array(map(varchar, row(x decimal(10,2))))',
    ],
    [JSON_TYPE, 'json'],
    [UUID, 'uuid'],
    [UNKNOWN, 'unknown'],
  ];
  test.each(cases)('%j → %s', (type, expected) => {
    expect(formatType(type)).toBe(expected);
  });
});

describe('type constructors validate like Trino', () => {
  test.each([
    [() => decimalType(0, 0), 'INVALID_FUNCTION_ARGUMENT', 'DECIMAL precision must be in range [1, 38]: 0'],
    [() => decimalType(39, 0), 'INVALID_FUNCTION_ARGUMENT', 'DECIMAL precision must be in range [1, 38]: 39'],
    // TestDecimalOperators: scale beyond precision
    [
      () => decimalType(38, 39),
      'INVALID_FUNCTION_ARGUMENT',
      'DECIMAL scale must be in range [0, precision (38)]: 39',
    ],
    [
      () => decimalType(5, -1),
      'INVALID_FUNCTION_ARGUMENT',
      'DECIMAL scale must be in range [0, precision (5)]: -1',
    ],
    [
      () => timestampType(13),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'TIMESTAMP precision must be in range [0, 12]: 13',
    ],
    // TestTimeWithTimeZone.testLiterals
    [
      () => timeWithTimeZoneType(13),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'TIME WITH TIME ZONE precision must be in range [0, 12]: 13',
    ],
    [() => timeType(-1), 'NUMERIC_VALUE_OUT_OF_RANGE', 'TIME precision must be in range [0, 12]: -1'],
    [
      () => timestampWithTimeZoneType(13),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'TIMESTAMP WITH TIME ZONE precision must be in range [0, 12]: 13',
    ],
    [
      () => charType(65537),
      'INVALID_FUNCTION_ARGUMENT',
      'CHAR length must be in range [0, 65536], got 65537',
    ],
    [() => varcharType(-1), 'INVALID_FUNCTION_ARGUMENT', 'Invalid VARCHAR length -1'],
    [() => decimalType(1.5, 0), 'INVALID_FUNCTION_ARGUMENT', undefined],
    [() => anonymousRowType(), 'INVALID_FUNCTION_ARGUMENT', 'Row type must have at least 1 field'],
  ] as [() => unknown, string, string | undefined][])('%#', (fn, code, message) => {
    expectTrinoError(fn, code, message);
  });

  test('boundaries are accepted', () => {
    expect(decimalType(38, 38)).toEqual({ kind: 'decimal', precision: 38, scale: 38 });
    expect(decimalType(1, 0)).toEqual({ kind: 'decimal', precision: 1, scale: 0 });
    expect(timestampType(12).precision).toBe(12);
    expect(timeType(0).precision).toBe(0);
    expect(charType(0).length).toBe(0);
    expect(charType(65536).length).toBe(65536);
    expect(varcharType(0).length).toBe(0);
    expect(varcharType(2147483646).length).toBe(2147483646);
  });
});

describe('typeEquals', () => {
  test.each([
    [decimalType(10, 2), decimalType(10, 2), true],
    [decimalType(10, 2), decimalType(10, 3), false],
    [varcharType(3), varcharType(3), true],
    [varcharType(3), VARCHAR, false],
    [charType(3), varcharType(3), false],
    [timestampType(3), timestampType(3), true],
    [timestampType(3), timestampWithTimeZoneType(3), false],
    [arrayType(INTEGER), arrayType(INTEGER), true],
    [arrayType(INTEGER), arrayType(BIGINT), false],
    [mapType(VARCHAR, INTEGER), mapType(VARCHAR, INTEGER), true],
    [namedRowType(['a', INTEGER]), namedRowType(['a', INTEGER]), true],
    [namedRowType(['a', INTEGER]), namedRowType(['b', INTEGER]), false],
    [namedRowType(['a', INTEGER]), anonymousRowType(INTEGER), false],
    [anonymousRowType(INTEGER, BIGINT), anonymousRowType(INTEGER), false],
    [BIGINT, BIGINT, true],
    [BIGINT, INTEGER, false],
  ] as [SqlType, SqlType, boolean][])('%j = %j → %s', (a, b, expected) => {
    expect(typeEquals(a, b)).toBe(expected);
    expect(typeEquals(b, a)).toBe(expected);
  });
});

describe('comparable / orderable', () => {
  test('maps are comparable but not orderable; json is not orderable', () => {
    expect(isComparableType(mapType(VARCHAR, BIGINT))).toBe(true);
    expect(isOrderableType(mapType(VARCHAR, BIGINT))).toBe(false);
    expect(isOrderableType(arrayType(mapType(VARCHAR, BIGINT)))).toBe(false);
    expect(isOrderableType(namedRowType(['a', BIGINT], ['b', VARCHAR]))).toBe(true);
    expect(isOrderableType(JSON_TYPE)).toBe(false);
    expect(isOrderableType(timestampWithTimeZoneType(3))).toBe(true);
  });
});
