/**
 * Implicit coercion and explicit cast rules, after Trino's io.trino.type.TypeCoercion and the set
 * of CAST operators Trino registers.
 *
 * Implicit coercions (what the analyzer may insert on its own):
 *   unknown → anything
 *   tinyint → smallint → integer → bigint, each also → real, double, decimal(3|5|10|19, 0)
 *   decimal → real, double;  real → double;  decimal(p,s) → decimal with room for it
 *   varchar(n) → varchar(m >= n) → varchar;  char(n) → varchar(n) (and on);  char(n) → char(m >= n)
 *   date → timestamp(0) → timestamp(p);  timestamp(p) → timestamp(q >= p) → timestamp(q) with time zone
 *   time(p) → time(q >= p) → time with time zone
 *   array / map element-wise; row field-wise (field names ignored)
 * `commonSuperType(a, b)` is the type both sides coerce to — including the cases where neither
 * coerces to the other (integer and decimal(5,2) meet at decimal(12,2)).
 */

import {
  arrayType,
  charType,
  decimalType,
  DOUBLE,
  isNumericType,
  mapType,
  MAX_DECIMAL_PRECISION,
  REAL,
  rowType,
  SMALLINT,
  INTEGER,
  BIGINT,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  typeEquals,
  VARCHAR,
  varcharType,
  type DecimalType,
  type RowField,
  type SqlType,
  type SqlTypeKind,
} from './type';

interface Compatibility {
  /** The common super type, when the types are compatible. */
  readonly superType: SqlType | undefined;
  /** Whether `from` coerces to `to` (then superType equals `to`). */
  readonly coercible: boolean;
}

const INCOMPATIBLE: Compatibility = { superType: undefined, coercible: false };

function compatible(superType: SqlType, coercible: boolean): Compatibility {
  return { superType, coercible };
}

/** Trino's getCommonSuperTypeForDecimal (precision capped at 38; overflow is checked at run time). */
function commonDecimal(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  const precision = Math.min(
    MAX_DECIMAL_PRECISION,
    Math.max(a.precision - a.scale, b.precision - b.scale) + scale,
  );
  return decimalType(precision, scale);
}

/** Trino's coerceTypeBase: the type `source` becomes when coerced to a type of kind `target`. */
function coerceTypeBase(source: SqlType, target: SqlTypeKind): SqlType | undefined {
  if (source.kind === target) return source;
  switch (source.kind) {
    case 'tinyint':
      return integralTo(target, 3, ['smallint', 'integer', 'bigint']);
    case 'smallint':
      return integralTo(target, 5, ['integer', 'bigint']);
    case 'integer':
      return integralTo(target, 10, ['bigint']);
    case 'bigint':
      return integralTo(target, 19, []);
    case 'decimal':
      return target === 'real' ? REAL : target === 'double' ? DOUBLE : undefined;
    case 'real':
      return target === 'double' ? DOUBLE : undefined;
    case 'date':
      if (target === 'timestamp') return timestampType(0);
      if (target === 'timestamp_tz') return timestampWithTimeZoneType(0);
      return undefined;
    case 'time':
      return target === 'time_tz' ? timeWithTimeZoneType(source.precision) : undefined;
    case 'timestamp':
      return target === 'timestamp_tz' ? timestampWithTimeZoneType(source.precision) : undefined;
    case 'char':
      return target === 'varchar' ? varcharType(source.length) : undefined;
    default:
      return undefined;
  }
}

function integralTo(
  target: SqlTypeKind,
  decimalPrecision: number,
  wider: SqlTypeKind[],
): SqlType | undefined {
  if (wider.includes(target)) {
    return target === 'smallint' ? SMALLINT : target === 'integer' ? INTEGER : BIGINT;
  }
  if (target === 'real') return REAL;
  if (target === 'double') return DOUBLE;
  if (target === 'decimal') return decimalType(decimalPrecision, 0);
  return undefined;
}

function compatibility(from: SqlType, to: SqlType): Compatibility {
  if (typeEquals(from, to)) return compatible(to, true);
  if (from.kind === 'unknown') return compatible(to, true);
  if (to.kind === 'unknown') return compatible(from, false);

  if (from.kind === to.kind) {
    let superType: SqlType;
    switch (from.kind) {
      case 'decimal':
        superType = commonDecimal(from, to as DecimalType);
        break;
      case 'varchar': {
        const other = to as typeof from;
        superType =
          from.length === undefined || other.length === undefined
            ? VARCHAR
            : varcharType(Math.max(from.length, other.length));
        break;
      }
      case 'char':
        superType = charType(Math.max(from.length, (to as typeof from).length));
        break;
      case 'time':
        superType = timeType(Math.max(from.precision, (to as typeof from).precision));
        break;
      case 'time_tz':
        superType = timeWithTimeZoneType(Math.max(from.precision, (to as typeof from).precision));
        break;
      case 'timestamp':
        superType = timestampType(Math.max(from.precision, (to as typeof from).precision));
        break;
      case 'timestamp_tz':
        superType = timestampWithTimeZoneType(Math.max(from.precision, (to as typeof from).precision));
        break;
      case 'row':
        return rowCompatibility(from.fields, (to as typeof from).fields);
      case 'array': {
        const c = compatibility(from.element, (to as typeof from).element);
        return c.superType === undefined ? INCOMPATIBLE : compatible(arrayType(c.superType), c.coercible);
      }
      case 'map': {
        const other = to as typeof from;
        const k = compatibility(from.key, other.key);
        const v = compatibility(from.value, other.value);
        if (k.superType === undefined || v.superType === undefined) return INCOMPATIBLE;
        return compatible(mapType(k.superType, v.superType), k.coercible && v.coercible);
      }
      default:
        return INCOMPATIBLE;
    }
    return compatible(superType, typeEquals(superType, to));
  }

  const coercedFrom = coerceTypeBase(from, to.kind);
  if (coercedFrom !== undefined) return compatibility(coercedFrom, to);

  const coercedTo = coerceTypeBase(to, from.kind);
  if (coercedTo !== undefined) {
    const c = compatibility(from, coercedTo);
    return c.superType === undefined ? INCOMPATIBLE : compatible(c.superType, false);
  }
  return INCOMPATIBLE;
}

function rowCompatibility(a: readonly RowField[], b: readonly RowField[]): Compatibility {
  if (a.length !== b.length) return INCOMPATIBLE;
  const fields: RowField[] = [];
  let coercible = true;
  for (let i = 0; i < a.length; i++) {
    const c = compatibility(a[i].type, b[i].type);
    if (c.superType === undefined) return INCOMPATIBLE;
    coercible &&= c.coercible;
    const name = a[i].name === b[i].name ? a[i].name : undefined;
    fields.push(name === undefined ? { type: c.superType } : { name, type: c.superType });
  }
  return compatible(rowType(fields), coercible);
}

/** Whether a value of type `from` may be used where `to` is expected without an explicit CAST. */
export function canCoerce(from: SqlType, to: SqlType): boolean {
  return compatibility(from, to).coercible;
}

/** The narrowest type both `a` and `b` coerce to, or undefined when there is none. */
export function commonSuperType(a: SqlType, b: SqlType): SqlType | undefined {
  return compatibility(a, b).superType;
}

/** The common super type of several types (CASE branches, IN lists, ARRAY[...] elements). */
export function commonSuperTypeOf(types: readonly SqlType[]): SqlType | undefined {
  if (types.length === 0) return undefined;
  let result: SqlType | undefined = types[0];
  for (let i = 1; i < types.length && result !== undefined; i++) result = commonSuperType(result, types[i]);
  return result;
}

/**
 * Whether coercing `from` to `to` changes only the type, not the stored value (Trino's
 * isTypeOnlyCoercion) — with Tessera's value representation: varchar→varchar; decimal→decimal with
 * the same scale, not narrower and in the same JS representation; element-wise for containers.
 */
export function isTypeOnlyCoercion(from: SqlType, to: SqlType): boolean {
  if (typeEquals(from, to)) return true;
  if (!canCoerce(from, to)) return false;
  if (from.kind === 'varchar' && to.kind === 'varchar') return true;
  if (from.kind === 'decimal' && to.kind === 'decimal') {
    return (
      from.scale === to.scale && from.precision <= to.precision && from.precision <= 15 === to.precision <= 15
    );
  }
  if (from.kind === 'array' && to.kind === 'array') return isTypeOnlyCoercion(from.element, to.element);
  if (from.kind === 'map' && to.kind === 'map')
    return isTypeOnlyCoercion(from.key, to.key) && isTypeOnlyCoercion(from.value, to.value);
  if (from.kind === 'row' && to.kind === 'row') {
    return (
      from.fields.length === to.fields.length &&
      from.fields.every((f, i) => isTypeOnlyCoercion(f.type, to.fields[i].type))
    );
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Explicit CAST

const STRING_CASTABLE: ReadonlySet<SqlTypeKind> = new Set<SqlTypeKind>([
  'boolean',
  'tinyint',
  'smallint',
  'integer',
  'bigint',
  'real',
  'double',
  'decimal',
  'date',
  'time',
  'time_tz',
  'timestamp',
  'timestamp_tz',
  'json',
  'uuid',
  'ipaddress',
  'varchar',
  'char',
]);

const DATETIME_CASTS: Record<string, ReadonlySet<SqlTypeKind>> = {
  date: new Set<SqlTypeKind>(['timestamp', 'timestamp_tz']),
  time: new Set<SqlTypeKind>(['time', 'time_tz', 'timestamp', 'timestamp_tz']),
  time_tz: new Set<SqlTypeKind>(['time', 'time_tz', 'timestamp', 'timestamp_tz']),
  timestamp: new Set<SqlTypeKind>(['date', 'time', 'time_tz', 'timestamp', 'timestamp_tz']),
  timestamp_tz: new Set<SqlTypeKind>(['date', 'time', 'time_tz', 'timestamp', 'timestamp_tz']),
};

/** Types whose values cast to and from JSON (Trino's JSON functions documentation + decimal). */
function jsonCastable(t: SqlType, toJson: boolean): boolean {
  switch (t.kind) {
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'real':
    case 'double':
    case 'decimal':
    case 'varchar':
    case 'json':
    case 'unknown':
      return true;
    case 'array':
      return jsonCastable(t.element, toJson);
    case 'map':
      return (
        (t.key.kind === 'varchar' || (toJson && (isNumericType(t.key) || t.key.kind === 'boolean'))) &&
        jsonCastable(t.value, toJson)
      );
    case 'row':
      return t.fields.every((f) => jsonCastable(f.type, toJson));
    default:
      return false;
  }
}

/** Whether `CAST(x AS to)` exists for x of type `from`. */
export function canCast(from: SqlType, to: SqlType): boolean {
  if (typeEquals(from, to) || from.kind === 'unknown') return true;
  if (canCoerce(from, to)) return true;
  const f = from.kind;
  const t = to.kind;
  if ((isNumericType(from) || f === 'boolean') && (isNumericType(to) || t === 'boolean')) return true;
  if (t === 'varchar')
    return STRING_CASTABLE.has(f) || f === 'interval_year_to_month' || f === 'interval_day_to_second';
  if (f === 'varchar') return STRING_CASTABLE.has(t) || t === 'varbinary';
  if (f === 'char' && t === 'char') return true;
  if (DATETIME_CASTS[f]?.has(t)) return true;
  if (f === 'uuid' && t === 'varbinary') return true;
  if (f === 'varbinary' && t === 'uuid') return true;
  if (f === 'ipaddress' && t === 'varbinary') return true;
  if (f === 'varbinary' && t === 'ipaddress') return true;
  if (t === 'json') return jsonCastable(from, true);
  if (f === 'json') return jsonCastable(to, false);
  if (f === 'array' && t === 'array') return canCast(from.element, to.element);
  if (f === 'map' && t === 'map') return canCast(from.key, to.key) && canCast(from.value, to.value);
  if (f === 'row' && t === 'row') {
    return (
      from.fields.length === to.fields.length &&
      from.fields.every((fld, i) => canCast(fld.type, to.fields[i].type))
    );
  }
  return false;
}
