/**
 * The SQL type model: one discriminated union, `SqlType`, for every type Tessera supports, with
 * constructors that validate parameters the way Trino's type factories do, structural equality,
 * and `formatType`, which prints Trino's *display name* (`Type.getDisplayName()`): the spelling
 * used in error messages, `typeof()`, `DESCRIBE` and `information_schema`.
 *
 * (The client protocol's column `type` string is spelled slightly differently, e.g.
 * `decimal(12, 2)`; see `formatProtocolType` in parse-type.ts.)
 */
import { TrinoError } from '../errors';

export interface BooleanType {
  readonly kind: 'boolean';
}
export interface TinyintType {
  readonly kind: 'tinyint';
}
export interface SmallintType {
  readonly kind: 'smallint';
}
export interface IntegerType {
  readonly kind: 'integer';
}
export interface BigintType {
  readonly kind: 'bigint';
}
export interface RealType {
  readonly kind: 'real';
}
export interface DoubleType {
  readonly kind: 'double';
}
export interface DecimalType {
  readonly kind: 'decimal';
  /** 1..38 */
  readonly precision: number;
  /** 0..precision */
  readonly scale: number;
}
export interface VarcharType {
  readonly kind: 'varchar';
  /** Maximum length in code points; `undefined` for unbounded `varchar`. */
  readonly length: number | undefined;
}
export interface CharType {
  readonly kind: 'char';
  /** Length in code points, 0..65536 (0 only arises from coercing NULL). */
  readonly length: number;
}
export interface VarbinaryType {
  readonly kind: 'varbinary';
}
export interface DateType {
  readonly kind: 'date';
}
export interface TimeType {
  readonly kind: 'time';
  /** Fractional-second digits, 0..12. */
  readonly precision: number;
}
export interface TimeWithTimeZoneType {
  readonly kind: 'time_tz';
  readonly precision: number;
}
export interface TimestampType {
  readonly kind: 'timestamp';
  readonly precision: number;
}
export interface TimestampWithTimeZoneType {
  readonly kind: 'timestamp_tz';
  readonly precision: number;
}
export interface IntervalYearToMonthType {
  readonly kind: 'interval_year_to_month';
}
export interface IntervalDayToSecondType {
  readonly kind: 'interval_day_to_second';
}
export interface ArrayType {
  readonly kind: 'array';
  readonly element: SqlType;
}
export interface MapType {
  readonly kind: 'map';
  readonly key: SqlType;
  readonly value: SqlType;
}
export interface RowField {
  /** Canonical field name (unquoted names are lower-cased by the parser); absent for anonymous fields. */
  readonly name?: string;
  readonly type: SqlType;
}
export interface RowType {
  readonly kind: 'row';
  readonly fields: readonly RowField[];
}
export interface JsonType {
  readonly kind: 'json';
}
export interface UuidType {
  readonly kind: 'uuid';
}
export interface IpAddressType {
  readonly kind: 'ipaddress';
}
/** The type of the NULL literal; coerces to every type. */
export interface UnknownType {
  readonly kind: 'unknown';
}

export type SqlType =
  | BooleanType
  | TinyintType
  | SmallintType
  | IntegerType
  | BigintType
  | RealType
  | DoubleType
  | DecimalType
  | VarcharType
  | CharType
  | VarbinaryType
  | DateType
  | TimeType
  | TimeWithTimeZoneType
  | TimestampType
  | TimestampWithTimeZoneType
  | IntervalYearToMonthType
  | IntervalDayToSecondType
  | ArrayType
  | MapType
  | RowType
  | JsonType
  | UuidType
  | IpAddressType
  | UnknownType;

export type SqlTypeKind = SqlType['kind'];

// ---------------------------------------------------------------------------------------------
// Limits (Trino's)

export const MAX_DECIMAL_PRECISION = 38;
/** Decimals up to this precision are held as JS numbers (see values.ts); above it as bigint. */
export const MAX_NUMBER_DECIMAL_PRECISION = 15;
export const MAX_DATETIME_PRECISION = 12;
/** Trino's default precision for `time`, `timestamp` and their `with time zone` forms. */
export const DEFAULT_DATETIME_PRECISION = 3;
/** VarcharType.MAX_LENGTH: the largest bounded varchar. */
export const MAX_VARCHAR_LENGTH = 2147483646;
/** VarcharType.UNBOUNDED_LENGTH: the length the protocol reports for unbounded varchar. */
export const UNBOUNDED_VARCHAR_LENGTH = 2147483647;
export const MAX_CHAR_LENGTH = 65536;

// ---------------------------------------------------------------------------------------------
// Singletons and constructors

export const BOOLEAN: BooleanType = Object.freeze({ kind: 'boolean' });
export const TINYINT: TinyintType = Object.freeze({ kind: 'tinyint' });
export const SMALLINT: SmallintType = Object.freeze({ kind: 'smallint' });
export const INTEGER: IntegerType = Object.freeze({ kind: 'integer' });
export const BIGINT: BigintType = Object.freeze({ kind: 'bigint' });
export const REAL: RealType = Object.freeze({ kind: 'real' });
export const DOUBLE: DoubleType = Object.freeze({ kind: 'double' });
export const VARCHAR: VarcharType = Object.freeze({ kind: 'varchar', length: undefined });
export const VARBINARY: VarbinaryType = Object.freeze({ kind: 'varbinary' });
export const DATE: DateType = Object.freeze({ kind: 'date' });
export const INTERVAL_YEAR_TO_MONTH: IntervalYearToMonthType = Object.freeze({
  kind: 'interval_year_to_month',
});
export const INTERVAL_DAY_TO_SECOND: IntervalDayToSecondType = Object.freeze({
  kind: 'interval_day_to_second',
});
export const JSON_TYPE: JsonType = Object.freeze({ kind: 'json' });
export const UUID: UuidType = Object.freeze({ kind: 'uuid' });
export const IPADDRESS: IpAddressType = Object.freeze({ kind: 'ipaddress' });
export const UNKNOWN: UnknownType = Object.freeze({ kind: 'unknown' });

function checkInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) {
    throw new TrinoError('INVALID_FUNCTION_ARGUMENT', `${what} must be an integer: ${value}`);
  }
}

/** decimal(p, s); Trino's DecimalType.createDecimalType checks and messages. */
export function decimalType(precision: number = MAX_DECIMAL_PRECISION, scale = 0): DecimalType {
  checkInteger(precision, 'DECIMAL precision');
  checkInteger(scale, 'DECIMAL scale');
  if (precision <= 0 || precision > MAX_DECIMAL_PRECISION) {
    throw new TrinoError(
      'INVALID_FUNCTION_ARGUMENT',
      `DECIMAL precision must be in range [1, ${MAX_DECIMAL_PRECISION}]: ${precision}`,
    );
  }
  if (scale < 0 || scale > precision) {
    throw new TrinoError(
      'INVALID_FUNCTION_ARGUMENT',
      `DECIMAL scale must be in range [0, precision (${precision})]: ${scale}`,
    );
  }
  return { kind: 'decimal', precision, scale };
}

/** varchar(n), or unbounded varchar when `length` is undefined or 2147483647 (Trino's magic length). */
export function varcharType(length?: number): VarcharType {
  if (length === undefined || length === UNBOUNDED_VARCHAR_LENGTH) return VARCHAR;
  checkInteger(length, 'VARCHAR length');
  if (length < 0 || length > MAX_VARCHAR_LENGTH) {
    throw new TrinoError('INVALID_FUNCTION_ARGUMENT', `Invalid VARCHAR length ${length}`);
  }
  return { kind: 'varchar', length };
}

export function charType(length = 1): CharType {
  checkInteger(length, 'CHAR length');
  if (length < 0 || length > MAX_CHAR_LENGTH) {
    throw new TrinoError(
      'INVALID_FUNCTION_ARGUMENT',
      `CHAR length must be in range [0, ${MAX_CHAR_LENGTH}], got ${length}`,
    );
  }
  return { kind: 'char', length };
}

function checkDateTimePrecision(precision: number, name: string): void {
  checkInteger(precision, `${name} precision`);
  if (precision < 0 || precision > MAX_DATETIME_PRECISION) {
    throw new TrinoError(
      'NUMERIC_VALUE_OUT_OF_RANGE',
      `${name} precision must be in range [0, ${MAX_DATETIME_PRECISION}]: ${precision}`,
    );
  }
}

export function timeType(precision = DEFAULT_DATETIME_PRECISION): TimeType {
  checkDateTimePrecision(precision, 'TIME');
  return { kind: 'time', precision };
}

export function timeWithTimeZoneType(precision = DEFAULT_DATETIME_PRECISION): TimeWithTimeZoneType {
  checkDateTimePrecision(precision, 'TIME WITH TIME ZONE');
  return { kind: 'time_tz', precision };
}

export function timestampType(precision = DEFAULT_DATETIME_PRECISION): TimestampType {
  checkDateTimePrecision(precision, 'TIMESTAMP');
  return { kind: 'timestamp', precision };
}

export function timestampWithTimeZoneType(precision = DEFAULT_DATETIME_PRECISION): TimestampWithTimeZoneType {
  checkDateTimePrecision(precision, 'TIMESTAMP WITH TIME ZONE');
  return { kind: 'timestamp_tz', precision };
}

export function arrayType(element: SqlType): ArrayType {
  return { kind: 'array', element };
}

export function mapType(key: SqlType, value: SqlType): MapType {
  return { kind: 'map', key, value };
}

/** row(...) from fields; a field given as a bare type is anonymous. */
export function rowType(fields: readonly (RowField | SqlType)[]): RowType {
  if (fields.length === 0) {
    throw new TrinoError('INVALID_FUNCTION_ARGUMENT', 'Row type must have at least 1 field');
  }
  return {
    kind: 'row',
    fields: fields.map((f) =>
      'kind' in f ? { type: f } : f.name === undefined ? { type: f.type } : { name: f.name, type: f.type },
    ),
  };
}

/** row(a bigint, b varchar) from name/type pairs. */
export function namedRowType(...fields: [string, SqlType][]): RowType {
  return rowType(fields.map(([name, type]) => ({ name, type })));
}

export function anonymousRowType(...types: SqlType[]): RowType {
  return rowType(types);
}

// ---------------------------------------------------------------------------------------------
// Equality and predicates

export function typeEquals(a: SqlType, b: SqlType): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'decimal': {
      const o = b as DecimalType;
      return a.precision === o.precision && a.scale === o.scale;
    }
    case 'varchar':
      return a.length === (b as VarcharType).length;
    case 'char':
      return a.length === (b as CharType).length;
    case 'time':
    case 'time_tz':
    case 'timestamp':
    case 'timestamp_tz':
      return a.precision === (b as TimeType).precision;
    case 'array':
      return typeEquals(a.element, (b as ArrayType).element);
    case 'map': {
      const o = b as MapType;
      return typeEquals(a.key, o.key) && typeEquals(a.value, o.value);
    }
    case 'row': {
      const o = b as RowType;
      if (a.fields.length !== o.fields.length) return false;
      for (let i = 0; i < a.fields.length; i++) {
        if (a.fields[i].name !== o.fields[i].name || !typeEquals(a.fields[i].type, o.fields[i].type))
          return false;
      }
      return true;
    }
    default:
      return true;
  }
}

/** Trino's `getBaseName()`: the raw type name without parameters. */
export function baseName(t: SqlType): string {
  switch (t.kind) {
    case 'time_tz':
      return 'time with time zone';
    case 'timestamp_tz':
      return 'timestamp with time zone';
    case 'interval_year_to_month':
      return 'interval year to month';
    case 'interval_day_to_second':
      return 'interval day to second';
    default:
      return t.kind;
  }
}

export function isIntegralType(t: SqlType): boolean {
  return t.kind === 'tinyint' || t.kind === 'smallint' || t.kind === 'integer' || t.kind === 'bigint';
}

/** Exact or approximate numeric: the integer types, decimal, real, double. */
export function isNumericType(t: SqlType): boolean {
  return isIntegralType(t) || t.kind === 'decimal' || t.kind === 'real' || t.kind === 'double';
}

export function isCharacterType(t: SqlType): t is VarcharType | CharType {
  return t.kind === 'varchar' || t.kind === 'char';
}

export function isDateTimeType(t: SqlType): boolean {
  return (
    t.kind === 'date' ||
    t.kind === 'time' ||
    t.kind === 'time_tz' ||
    t.kind === 'timestamp' ||
    t.kind === 'timestamp_tz'
  );
}

/** Values are JS arrays compared element by element, so `=` can be NULL for two non-null values. */
export function isStructuralType(t: SqlType): boolean {
  return t.kind === 'row' || t.kind === 'array' || t.kind === 'map';
}

/** Values of this type can be tested with `=` (Trino's Type.isComparable). */
export function isComparableType(t: SqlType): boolean {
  switch (t.kind) {
    case 'array':
      return isComparableType(t.element);
    case 'map':
      return isComparableType(t.key) && isComparableType(t.value);
    case 'row':
      return t.fields.every((f) => isComparableType(f.type));
    default:
      return true;
  }
}

/** Values of this type can be sorted (Trino's Type.isOrderable). */
export function isOrderableType(t: SqlType): boolean {
  switch (t.kind) {
    case 'map':
    case 'json':
      return false;
    case 'array':
      return isOrderableType(t.element);
    case 'row':
      return t.fields.every((f) => isOrderableType(f.type));
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Display names

/**
 * Trino's display name: `varchar(25)`, `varchar`, `decimal(12,2)`, `char(3)`, `time(3)`,
 * `timestamp(3) with time zone`, `interval day to second`, `array(integer)`,
 * `map(varchar, bigint)`, `row(a bigint, b varchar)`, `unknown`.
 */
export function formatType(t: SqlType): string {
  switch (t.kind) {
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'varchar':
      return t.length === undefined ? 'varchar' : `varchar(${t.length})`;
    case 'char':
      return `char(${t.length})`;
    case 'time':
      return `time(${t.precision})`;
    case 'time_tz':
      return `time(${t.precision}) with time zone`;
    case 'timestamp':
      return `timestamp(${t.precision})`;
    case 'timestamp_tz':
      return `timestamp(${t.precision}) with time zone`;
    case 'array':
      return `array(${formatType(t.element)})`;
    case 'map':
      return `map(${formatType(t.key)}, ${formatType(t.value)})`;
    case 'row':
      return `row(${t.fields.map((f) => (f.name === undefined ? formatType(f.type) : `${f.name} ${formatType(f.type)}`)).join(', ')})`;
    default:
      return baseName(t);
  }
}
