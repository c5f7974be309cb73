/**
 * Engine values → the text a corpus file expects.
 *
 * Engine values come in the canonical representation of src/types/values.ts, so rendering needs the
 * column's SQL type (a decimal is its unscaled integer, a date its day number, …): callers parse
 * `QueryResult.columns[i].type` with {@link columnType}.
 *
 * SQLite sqllogictest (type characters I / R / T; about.wiki and the reference C runner):
 *   - NULL → `NULL` in every column.
 *   - I: integers as `%d`. A non-integer number in an I column is truncated toward zero, as the reference
 *     runner does (it reads the column with sqlite3_column_int64; the ODBC runner converts the same way):
 *     double 2.9 → `2`, -2.9 → `-2`; an exact decimal is truncated exactly (decimal 2.50 → `2`). Text is
 *     converted like SQLite's numeric cast (leading integer prefix, else 0). DuckDB's runner rounds instead
 *     (CAST(… AS BIGINT)); we follow the reference runner because the expected values were made by it.
 *   - R: `%.3f` of the value as a double (decimals are converted to double first, as the reference engine
 *     computed them in floating point; ties round away from zero on the exact binary value, as printf does).
 *   - T: text. `''` → `(empty)`; control / non-ASCII characters → `@` per UTF-8 byte. Numbers in a T column
 *     print as SQLite prints them (integer `%d`, double `%!.15g`: `1.5`, `100.0`, `1.0e+20`), decimals as
 *     their exact text, char(n) padded to n (what a Trino client receives), other types as Trino's CAST to
 *     varchar.
 *   - boolean: `1` / `0` (SQLite has no boolean type; its comparisons yield 1/0; DuckDB's runner does the
 *     same), `1.000` / `0.000` in R columns.
 *
 * DuckDB sqllogictest (type characters only give the column count):
 *   - NULL → `NULL`, `''` → `(empty)`, booleans `true` / `false`, decimals as their exact text (`1.50`),
 *     doubles in shortest round-trip form with `.0` on integral values (`1.0`, `0.1`, `2.5e-07`,
 *     `inf`, `nan`), timestamps with trailing zero fraction digits removed (`2020-01-01 00:00:00`),
 *     blobs with `\xNN` escapes, arrays `[1, 2]`, everything else as Trino's CAST to varchar.
 */
import {
  decimalToDouble,
  decimalToString,
  formatValue,
  padChar,
  parseType,
  type DecimalType,
  type DecimalValue,
  type SqlType,
} from '../../src/types';
import { formatFixed, renderValue } from '../slt-reader';

/** Parses a result column's type text (`decimal(10,2)`, `varchar`, …); unknown text becomes `unknown`. */
export function columnType(text: string): SqlType {
  try {
    return parseType(text);
  } catch {
    return { kind: 'unknown' };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Generic display text (nested values, error messages)

/** Trino-client-like text of any value: `NULL`, `true`, `[1, 2]`, `{a=1}`, hex bytes for varbinary. */
export function displayValue(value: unknown, type: SqlType): string {
  if (value === null || value === undefined) return 'NULL';
  try {
    switch (type.kind) {
      case 'array':
        return `[${(value as unknown[]).map((v) => displayValue(v, type.element)).join(', ')}]`;
      case 'map':
        return `{${(value as [unknown, unknown][])
          .map(([k, v]) => `${displayValue(k, type.key)}=${displayValue(v, type.value)}`)
          .join(', ')}}`;
      case 'row':
        return `{${(value as unknown[])
          .map((v, i) => {
            const field = type.fields[i];
            const text = displayValue(v, field?.type ?? { kind: 'unknown' });
            return field?.name !== undefined ? `${field.name}=${text}` : text;
          })
          .join(', ')}}`;
      case 'varbinary':
        return Array.from(value as Uint8Array, (b) => b.toString(16).padStart(2, '0')).join(' ');
      case 'unknown':
        return fallbackText(value);
      default:
        return formatValue(value, type);
    }
  } catch {
    return fallbackText(value);
  }
}

function fallbackText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

// ---------------------------------------------------------------------------------------------------------
// SQLite sqllogictest rendering

/** Renders one value for a SQLite-format query column with type character I, R or T. */
export function renderSqliteValue(value: unknown, typeChar: string, type: SqlType): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeChar !== 'I' && typeChar !== 'R' && typeChar !== 'T') {
    throw new Error(`unknown sqllogictest type character '${typeChar}' (expected I, R or T)`);
  }
  switch (type.kind) {
    case 'boolean': {
      const bit = value ? 1 : 0;
      return typeChar === 'R' ? formatFixed(bit, 3) : String(bit);
    }
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      if (typeChar === 'R') return formatFixed(Number(value), 3);
      return typeof value === 'bigint' ? value.toString() : renderValue(value, 'I');
    case 'real':
    case 'double': {
      const x = value as number;
      if (typeChar === 'T') return renderValue(sqliteRealText(x), 'T');
      return renderValue(x, typeChar);
    }
    case 'decimal': {
      const unscaled = value as DecimalValue;
      if (typeChar === 'I') return truncateDecimal(unscaled, type.scale);
      if (typeChar === 'R') return formatFixed(decimalToDouble(unscaled, type), 3);
      return decimalToString(unscaled, type.scale);
    }
    case 'varchar':
      return renderValue(value as string, typeChar);
    case 'char':
      return renderValue(padChar(value as string, type.length), typeChar);
    case 'varbinary':
      return renderValue(latin1(value as Uint8Array), typeChar);
    default:
      return renderValue(displayValue(value, type), typeChar);
  }
}

/** Renders a whole result row-major for a SQLite-format type string. */
export function renderSqliteRows(
  rows: readonly unknown[][],
  types: string,
  columnTypes: readonly SqlType[],
): string[] {
  const out: string[] = [];
  for (const row of rows) {
    for (let c = 0; c < types.length; c++) out.push(renderSqliteValue(row[c], types[c], columnTypes[c]));
  }
  return out;
}

/** unscaled / 10^scale truncated toward zero, as integer text. */
export function truncateDecimal(unscaled: DecimalValue, scale: number): string {
  const u = typeof unscaled === 'bigint' ? unscaled : BigInt(unscaled);
  return (u / 10n ** BigInt(scale)).toString();
}

/**
 * SQLite's text for a REAL value: printf `%!.15g` (15 significant digits, trailing zeros dropped, but always
 * a decimal point: `1.0`, `100.0`, `0.1`, `1.0e+20`, `1.5e-07`). Infinities are `Inf` / `-Inf`, NaN `NaN`.
 */
export function sqliteRealText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const exp = x.toExponential(14); // d.dddddddddddddde±X: 15 significant digits
  const m = /^(-?)(\d)\.(\d+)e([+-]\d+)$/.exec(exp)!;
  const sign = m[1];
  const digits = (m[2] + m[3]).replace(/0+$/, '') || '0';
  const e = Number(m[4]);
  if (e < -4 || e >= 15) {
    const frac = digits.length > 1 ? digits.slice(1) : '0';
    const ee = Math.abs(e) < 10 ? `0${Math.abs(e)}` : String(Math.abs(e));
    return `${sign}${digits[0]}.${frac}e${e < 0 ? '-' : '+'}${ee}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const intPart = digits.length > e + 1 ? digits.slice(0, e + 1) : digits.padEnd(e + 1, '0');
  const fracPart = digits.length > e + 1 ? digits.slice(e + 1) : '0';
  return `${sign}${intPart}.${fracPart}`;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

// ---------------------------------------------------------------------------------------------------------
// DuckDB sqllogictest rendering

/** Renders one value the way DuckDB's sqllogictest runner prints it (see the module comment). */
export function renderDuckdbValue(value: unknown, type: SqlType): string {
  if (value === null || value === undefined) return 'NULL';
  let text: string;
  switch (type.kind) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'real':
    case 'double':
      return duckdbDoubleText(value as number);
    case 'decimal':
      text = decimalToString(value as DecimalValue, (type as DecimalType).scale);
      break;
    case 'timestamp':
    case 'timestamp_tz':
    case 'time':
    case 'time_tz':
      text = displayValue(value, type).replace(
        /(\d\d:\d\d:\d\d)\.(\d*?)0+(?=$|\D)/,
        (_m, hms: string, frac: string) => (frac === '' ? hms : `${hms}.${frac}`),
      );
      break;
    case 'varbinary':
      text = Array.from(value as Uint8Array, (b) =>
        b >= 0x20 && b <= 0x7e && b !== 0x5c
          ? String.fromCharCode(b)
          : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`,
      ).join('');
      break;
    case 'varchar':
      text = value as string;
      break;
    default:
      text = displayValue(value, type);
  }
  return text === '' ? '(empty)' : text.replace(/\0/g, '\\0');
}

/** Shortest round-trip text of a double, DuckDB style: `1.0`, `0.5`, `1e+21`, `2.5e-07`, `inf`, `-inf`, `nan`. */
export function duckdbDoubleText(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const s = String(x);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m) return `${m[1]}e${m[2]}${m[3].padStart(2, '0')}`;
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** Renders a whole result row-major, DuckDB style. */
export function renderDuckdbRows(rows: readonly unknown[][], columnTypes: readonly SqlType[]): string[] {
  const out: string[] = [];
  for (const row of rows)
    for (let c = 0; c < columnTypes.length; c++) out.push(renderDuckdbValue(row[c], columnTypes[c]));
  return out;
}
