import {
  arrayType,
  BIGINT,
  charType,
  DATE,
  decimalType,
  DOUBLE,
  formatProtocolType,
  formatType,
  INTEGER,
  INTERVAL_DAY_TO_SECOND,
  INTERVAL_YEAR_TO_MONTH,
  JSON_TYPE,
  mapType,
  namedRowType,
  parseType,
  rowType,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  typeFromDataType,
  typeFromSignature,
  typeSignature,
  UNKNOWN,
  UUID,
  VARBINARY,
  VARCHAR,
  varcharType,
  REAL,
  BOOLEAN,
  TINYINT,
  SMALLINT,
  type SqlType,
} from '../../src/types';
import { expectTrinoError } from './helpers';

describe('parseType', () => {
  const cases: [string, SqlType][] = [
    ['bigint', BIGINT],
    ['BIGINT', BIGINT],
    ['int', INTEGER], // TypeRegistry alias
    ['Integer', INTEGER],
    ['"bigint"', BIGINT], // delimited names are kept as written
    ['tinyint', TINYINT],
    ['smallint', SMALLINT],
    ['real', REAL],
    ['double', DOUBLE],
    ['double precision', DOUBLE],
    ['DOUBLE   PRECISION', DOUBLE],
    ['boolean', BOOLEAN],
    ['varchar', VARCHAR],
    ['varchar(25)', varcharType(25)],
    ['VARCHAR(2147483647)', VARCHAR],
    ['char', charType(1)],
    ['char(3)', charType(3)],
    ['decimal', decimalType(38, 0)],
    ['decimal(10)', decimalType(10, 0)],
    ['DECIMAL(12, 2)', decimalType(12, 2)],
    ['decimal(12,2)', decimalType(12, 2)],
    ['varbinary', VARBINARY],
    ['date', DATE],
    ['time', timeType(3)],
    ['time(6)', timeType(6)],
    ['time without time zone', timeType(3)],
    ['time(9) with time zone', timeWithTimeZoneType(9)],
    ['timestamp', timestampType(3)],
    ['timestamp(0)', timestampType(0)],
    ['timestamp(6) without time zone', timestampType(6)],
    ['timestamp(6) with time zone', timestampWithTimeZoneType(6)],
    ['TIMESTAMP WITH TIME ZONE', timestampWithTimeZoneType(3)],
    ['interval year to month', INTERVAL_YEAR_TO_MONTH],
    ['INTERVAL DAY TO SECOND', INTERVAL_DAY_TO_SECOND],
    ['json', JSON_TYPE],
    ['uuid', UUID],
    ['unknown', UNKNOWN],
    ['array(bigint)', arrayType(BIGINT)],
    ['array<bigint>', arrayType(BIGINT)],
    ['bigint array', arrayType(BIGINT)],
    ['bigint array[3]', arrayType(BIGINT)],
    ['bigint array array', arrayType(arrayType(BIGINT))],
    ['map(varchar, bigint)', mapType(VARCHAR, BIGINT)],
    ['map(varchar,array(int))', mapType(VARCHAR, arrayType(INTEGER))],
    ['map<varchar, map<bigint, double>>', mapType(VARCHAR, mapType(BIGINT, DOUBLE))],
    ['row(x int, "y z" varchar)', namedRowType(['x', INTEGER], ['y z', VARCHAR])],
    ['ROW(X INT)', namedRowType(['x', INTEGER])], // unquoted field names are lower-cased
    ['row("X" int)', namedRowType(['X', INTEGER])],
    ['row(bigint, double)', rowType([BIGINT, DOUBLE])],
    ['row(double precision)', rowType([DOUBLE])],
    [
      'row(time time, timestamp timestamp(6) with time zone)',
      namedRowType(['time', timeType(3)], ['timestamp', timestampWithTimeZoneType(6)]),
    ],
    [
      'row(a row(b array(decimal(5,2))))',
      namedRowType(['a', namedRowType(['b', arrayType(decimalType(5, 2))])]),
    ],
    ['row("a""b" int)', namedRowType(['a"b', INTEGER])],
  ];
  test.each(cases)('%s', (text, expected) => {
    expect(parseType(text)).toEqual(expected);
  });

  test('display names and protocol type strings parse back (plain lower-case field names)', () => {
    const plain = (t: SqlType): boolean =>
      t.kind === 'row'
        ? t.fields.every((f) => (f.name === undefined || /^[a-z_][a-z0-9_]*$/.test(f.name)) && plain(f.type))
        : t.kind === 'array'
          ? plain(t.element)
          : t.kind === 'map'
            ? plain(t.key) && plain(t.value)
            : true;
    for (const [, t] of cases) {
      if (plain(t)) expect(parseType(formatType(t))).toEqual(t);
      expect(parseType(formatProtocolType(t)).kind).toBe(t.kind);
    }
  });

  test.each([
    ['foo', 'TYPE_NOT_FOUND', 'Unknown type: foo'],
    ['bigint(10)', 'TYPE_NOT_FOUND', 'Unknown type: bigint(10)'],
    ['array(10)', 'TYPE_NOT_FOUND', 'Unknown type: array(10)'],
    ['map(bigint)', 'TYPE_NOT_FOUND', 'Unknown type: map(bigint)'],
    ['decimal(bigint)', 'TYPE_NOT_FOUND', 'Unknown type: decimal(bigint)'],
    ['varchar(2147483648)', 'TYPE_NOT_FOUND', 'Unknown type: varchar(2147483648)'],
    ['char(65537)', 'TYPE_NOT_FOUND', 'Unknown type: char(65537)'],
    ['"BIGINT"', 'TYPE_NOT_FOUND', 'Unknown type: BIGINT'],
    ['row', 'TYPE_NOT_FOUND', 'Unknown type: row'],
    ['array(foo)', 'TYPE_NOT_FOUND', 'Unknown type: foo'],
    ['decimal(39)', 'INVALID_FUNCTION_ARGUMENT', 'DECIMAL precision must be in range [1, 38]: 39'],
    [
      'decimal(10, 11)',
      'INVALID_FUNCTION_ARGUMENT',
      'DECIMAL scale must be in range [0, precision (10)]: 11',
    ],
    ['timestamp(13)', 'NUMERIC_VALUE_OUT_OF_RANGE', 'TIMESTAMP precision must be in range [0, 12]: 13'],
    ['interval day to hour', 'NOT_SUPPORTED', 'INTERVAL DAY TO HOUR type not supported'],
    ['interval year', 'NOT_SUPPORTED', 'INTERVAL YEAR TO YEAR type not supported'],
    ['decimal(99999999999999999999)', 'TYPE_MISMATCH', 'Invalid type parameter: 99999999999999999999'],
  ])('%s → %s', (text, code, message) => {
    expectTrinoError(() => parseType(text), code, message);
  });

  test.each([
    '',
    '   ',
    'array(',
    'array<bigint',
    'map<bigint>',
    'varchar(',
    'varchar(10',
    'varchar(-1)',
    'decimal(1.5)',
    'bigint bigint',
    'row()',
    'row(a)',
    'row(a,)',
    'timestamp with zone',
    'time(3) with time',
    'interval foo to bar',
    '"unterminated',
    '""',
    'bigint;',
    '(bigint)',
    'bigint array[',
    'int4x(',
    '1bigint',
  ])('malformed %j → SYNTAX_ERROR or TYPE_NOT_FOUND', (text) => {
    let code: string | undefined;
    try {
      parseType(text);
    } catch (e) {
      code = (e as { errorName?: string }).errorName;
    }
    expect(['SYNTAX_ERROR', 'TYPE_NOT_FOUND']).toContain(code);
  });
});

describe('typeSignature (trino-protocol.md §1.7)', () => {
  test('scalar types have no arguments', () => {
    for (const t of [
      BOOLEAN,
      TINYINT,
      SMALLINT,
      INTEGER,
      BIGINT,
      REAL,
      DOUBLE,
      DATE,
      JSON_TYPE,
      UUID,
      VARBINARY,
    ]) {
      expect(typeSignature(t)).toEqual({ rawType: formatType(t), arguments: [] });
    }
  });

  test.each<[SqlType, object]>([
    [VARCHAR, { rawType: 'varchar', arguments: [{ kind: 'LONG', value: 2147483647 }] }],
    [varcharType(25), { rawType: 'varchar', arguments: [{ kind: 'LONG', value: 25 }] }],
    [charType(3), { rawType: 'char', arguments: [{ kind: 'LONG', value: 3 }] }],
    [
      decimalType(10, 2),
      {
        rawType: 'decimal',
        arguments: [
          { kind: 'LONG', value: 10 },
          { kind: 'LONG', value: 2 },
        ],
      },
    ],
    [timestampType(6), { rawType: 'timestamp', arguments: [{ kind: 'LONG', value: 6 }] }],
    [
      timestampWithTimeZoneType(3),
      { rawType: 'timestamp with time zone', arguments: [{ kind: 'LONG', value: 3 }] },
    ],
    [timeType(0), { rawType: 'time', arguments: [{ kind: 'LONG', value: 0 }] }],
    [timeWithTimeZoneType(9), { rawType: 'time with time zone', arguments: [{ kind: 'LONG', value: 9 }] }],
    [INTERVAL_YEAR_TO_MONTH, { rawType: 'interval year to month', arguments: [] }],
    [INTERVAL_DAY_TO_SECOND, { rawType: 'interval day to second', arguments: [] }],
    [
      arrayType(INTEGER),
      { rawType: 'array', arguments: [{ kind: 'TYPE', value: { rawType: 'integer', arguments: [] } }] },
    ],
    [
      mapType(VARCHAR, BIGINT),
      {
        rawType: 'map',
        arguments: [
          { kind: 'TYPE', value: { rawType: 'varchar', arguments: [{ kind: 'LONG', value: 2147483647 }] } },
          { kind: 'TYPE', value: { rawType: 'bigint', arguments: [] } },
        ],
      },
    ],
    [
      rowType([{ name: 'a', type: INTEGER }, { type: VARCHAR }]),
      {
        rawType: 'row',
        arguments: [
          {
            kind: 'NAMED_TYPE',
            value: { fieldName: { name: 'a' }, typeSignature: { rawType: 'integer', arguments: [] } },
          },
          {
            kind: 'NAMED_TYPE',
            value: {
              typeSignature: { rawType: 'varchar', arguments: [{ kind: 'LONG', value: 2147483647 }] },
            },
          },
        ],
      },
    ],
  ])('%j', (type, expected) => {
    expect(typeSignature(type)).toEqual(expected);
    expect(typeFromSignature(typeSignature(type))).toEqual(type);
  });

  test('without PARAMETRIC_DATETIME, time/timestamp lose their precision', () => {
    const opts = { parametricDateTime: false };
    expect(typeSignature(timestampType(6), opts)).toEqual({ rawType: 'timestamp', arguments: [] });
    expect(typeSignature(timestampWithTimeZoneType(3), opts)).toEqual({
      rawType: 'timestamp with time zone',
      arguments: [],
    });
    expect(typeSignature(arrayType(timeType(6)), opts)).toEqual({
      rawType: 'array',
      arguments: [{ kind: 'TYPE', value: { rawType: 'time', arguments: [] } }],
    });
    expect(formatProtocolType(timestampType(6), opts)).toBe('timestamp');
    expect(formatProtocolType(timeWithTimeZoneType(6), opts)).toBe('time with time zone');
  });

  test('typeFromSignature rejects unknown raw types', () => {
    expectTrinoError(() => typeFromSignature({ rawType: 'ipaddressx', arguments: [] }), 'TYPE_NOT_FOUND');
    expectTrinoError(() => typeFromSignature({ rawType: 'array', arguments: [] }), 'TYPE_NOT_FOUND');
  });
});

describe('formatProtocolType (ProtocolUtil.formatType; trino-protocol.md §1.7)', () => {
  test.each<[SqlType, string]>([
    [decimalType(10, 2), 'decimal(10, 2)'],
    [decimalType(38, 0), 'decimal(38, 0)'],
    [varcharType(25), 'varchar(25)'],
    [VARCHAR, 'varchar'],
    [charType(3), 'char(3)'],
    [timestampType(6), 'timestamp(6)'],
    [timestampWithTimeZoneType(3), 'timestamp(3) with time zone'],
    [INTERVAL_YEAR_TO_MONTH, 'INTERVAL YEAR TO MONTH'],
    [INTERVAL_DAY_TO_SECOND, 'INTERVAL DAY TO SECOND'],
    [arrayType(INTEGER), 'array(integer)'],
    [mapType(VARCHAR, BIGINT), 'map(varchar, bigint)'],
    [namedRowType(['a', INTEGER], ['b', VARCHAR]), 'row(a integer, b varchar)'],
    [
      namedRowType(['y z', INTEGER], ['from', VARCHAR], ['Upper', BIGINT]),
      'row("y z" integer, "from" varchar, Upper bigint)',
    ],
    [rowType([BIGINT, decimalType(5, 1)]), 'row(bigint, decimal(5, 1))'],
    [UNKNOWN, 'unknown'],
  ])('%j → %s', (type, expected) => {
    expect(formatProtocolType(type)).toBe(expected);
  });
});

describe('typeFromDataType (SQL AST nodes)', () => {
  test('generic, row, datetime and interval nodes', () => {
    expect(
      typeFromDataType({
        kind: 'GenericDataType',
        name: { value: 'MAP', quoted: false },
        arguments: [
          {
            kind: 'TypeParameter',
            type: { kind: 'GenericDataType', name: { value: 'varchar', quoted: false }, arguments: [] },
          },
          {
            kind: 'TypeParameter',
            type: {
              kind: 'GenericDataType',
              name: { value: 'decimal', quoted: false },
              arguments: [
                { kind: 'NumericParameter', value: '12' },
                { kind: 'NumericParameter', value: '2' },
              ],
            },
          },
        ],
      }),
    ).toEqual(mapType(VARCHAR, decimalType(12, 2)));
    expect(
      typeFromDataType({
        kind: 'RowDataType',
        fields: [
          {
            name: { value: 'A', quoted: false },
            type: { kind: 'DateTimeDataType', type: 'TIMESTAMP', withTimeZone: true, precision: '6' },
          },
          {
            name: { value: 'B c', quoted: true },
            type: { kind: 'IntervalDataType', from: 'DAY', to: 'SECOND' },
          },
        ],
      }),
    ).toEqual(namedRowType(['a', timestampWithTimeZoneType(6)], ['B c', INTERVAL_DAY_TO_SECOND]));
    expectTrinoError(
      () =>
        typeFromDataType({ kind: 'GenericDataType', name: { value: 'nope', quoted: false }, arguments: [] }),
      'TYPE_NOT_FOUND',
      'Unknown type: nope',
    );
  });
});
