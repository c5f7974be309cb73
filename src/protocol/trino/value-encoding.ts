/**
 * Values in QueryResults `data`, encoded as Trino's JsonEncodingUtils writes them
 * (reference/trino-protocol.md §1.10). The output is JSON *text*, not JS values: doubles must keep
 * their decimal point (`1.0`; the Java client rejects an integer token for a double column) and
 * bigints beyond 2^53 must stay exact, neither of which JSON.stringify can do.
 *
 * An encoder is compiled once per column type, so the per-row work is a switch-free call chain.
 */
import { castValue } from '../../types/cast';
import { formatValue } from '../../types/cast-varchar';
import { formatIpAddress } from '../../types/ipaddress';
import {
  DATE,
  decimalToString,
  javaDoubleToString,
  javaFloatToString,
  padChar,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  type MapValue,
  type SqlType,
} from '../../types';
import type { DecimalValue } from '../../types';
import type { Block } from '../../execution/block';
import type { Page } from '../../execution/page';

export interface EncodingOptions {
  /**
   * The client sent the PARAMETRIC_DATETIME capability. Without it Trino reports time and
   * timestamp columns without precision and rounds their values to milliseconds.
   */
  readonly parametricDateTime: boolean;
}

/** Encodes one non-null value as JSON text. */
export type ValueEncoder = (value: unknown) => string;

const quote = (s: string): string => JSON.stringify(s);

/** JSON text of a finite or non-finite float written the Java way (`1.0`, `1.0E10`, `"NaN"`). */
function floatText(text: string): string {
  return text === 'NaN' || text === 'Infinity' || text === '-Infinity' ? `"${text}"` : text;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The type values are printed in: without PARAMETRIC_DATETIME, datetimes at precision 3. */
export function clientVisibleType(type: SqlType, options: EncodingOptions): SqlType {
  if (options.parametricDateTime) return type;
  switch (type.kind) {
    case 'time':
      return timeType(3);
    case 'time_tz':
      return timeWithTimeZoneType(3);
    case 'timestamp':
      return timestampType(3);
    case 'timestamp_tz':
      return timestampWithTimeZoneType(3);
    default:
      return type;
  }
}

/** A compiled encoder for non-null values of `type`. */
export function valueEncoder(type: SqlType, options: EncodingOptions): ValueEncoder {
  switch (type.kind) {
    case 'boolean':
      return (v) => (v ? 'true' : 'false');
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      // a bigint beyond 2^53 is a JS bigint; String() keeps every digit
      return (v) => String(v);
    case 'double':
      return (v) => floatText(javaDoubleToString(v as number));
    case 'real':
      return (v) => floatText(javaFloatToString(v as number));
    case 'decimal': {
      const scale = type.scale;
      return (v) => quote(decimalToString(v as DecimalValue, scale));
    }
    case 'char': {
      const length = type.length;
      return (v) => quote(padChar(v as string, length));
    }
    case 'varchar':
    case 'json':
    case 'uuid':
      return (v) => quote(v as string);
    case 'ipaddress':
      return (v) => quote(formatIpAddress(v as string));
    case 'varbinary':
      return (v) => quote(base64(v as Uint8Array));
    case 'time':
    case 'time_tz':
    case 'timestamp':
    case 'timestamp_tz': {
      const visible = clientVisibleType(type, options);
      if (visible === type) return (v) => quote(formatValue(v, type));
      return (v) => quote(formatValue(castValue(v, type, visible), visible));
    }
    case 'date':
    case 'interval_year_to_month':
    case 'interval_day_to_second':
      return (v) => quote(formatValue(v, type));
    case 'array': {
      const element = nullable(valueEncoder(type.element, options));
      return (v) => {
        const items = v as readonly unknown[];
        let out = '[';
        for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + element(items[i]);
        return out + ']';
      };
    }
    case 'map': {
      const key = mapKeyText(type.key, options);
      const value = nullable(valueEncoder(type.value, options));
      return (v) => {
        const entries = v as MapValue;
        let out = '{';
        for (let i = 0; i < entries.length; i++)
          out += `${i === 0 ? '' : ','}${quote(key(entries[i][0]))}:${value(entries[i][1])}`;
        return out + '}';
      };
    }
    case 'row': {
      const fields = type.fields.map((f) => nullable(valueEncoder(f.type, options)));
      return (v) => {
        const values = v as readonly unknown[];
        let out = '[';
        for (let i = 0; i < fields.length; i++) out += (i === 0 ? '' : ',') + fields[i](values[i]);
        return out + ']';
      };
    }
    case 'unknown':
      return () => 'null';
  }
}

/** Wraps an encoder so that SQL NULL becomes JSON null (at any nesting level). */
export function nullable(encoder: ValueEncoder): ValueEncoder {
  return (v) => (v === null || v === undefined ? 'null' : encoder(v));
}

/**
 * Map keys are JSON object member names: Trino writes `toString()` of the key's Java object value
 * (`"1"`, `"1.0"`, `"true"`, `"2024-01-02"`), and base64 for varbinary.
 */
function mapKeyText(type: SqlType, options: EncodingOptions): (v: unknown) => string {
  switch (type.kind) {
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return (v) => String(v);
    case 'double':
      return (v) => javaDoubleToString(v as number);
    case 'real':
      return (v) => javaFloatToString(v as number);
    case 'varbinary':
      return (v) => base64(v as Uint8Array);
    case 'array': {
      // Java's List.toString: `[a, b]`
      const element = mapKeyText(type.element, options);
      return (v) => `[${(v as unknown[]).map((x) => (x === null ? 'null' : element(x))).join(', ')}]`;
    }
    case 'row': {
      const fields = type.fields.map((f) => mapKeyText(f.type, options));
      return (v) => `[${(v as unknown[]).map((x, i) => (x === null ? 'null' : fields[i](x))).join(', ')}]`;
    }
    default: {
      const encode = valueEncoder(type, options);
      // every other key type encodes as a JSON string; its content is the key text
      return (v) => {
        const json = encode(v);
        return json.startsWith('"') ? (JSON.parse(json) as string) : json;
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The result path: whole pages to JSON text

/**
 * A growing byte buffer that JSON text is written into. Writing bytes, not concatenating strings,
 * is what makes the result path fast: a page's rows would otherwise be a rope of a few hundred
 * thousand string fragments, each allocated, kept alive until the page is done and then copied.
 */
class JsonWriter {
  buf = Buffer.allocUnsafe(1 << 20);
  pos = 0;

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.pos++] = b;
  }

  /** Text known to be ASCII (numbers, dates, cached literals). */
  ascii(s: string): void {
    this.reserve(s.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** Any JSON text, written as UTF-8. */
  text(s: string): void {
    this.reserve(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** A safe integer in decimal. */
  integer(v: number): void {
    this.reserve(24);
    const buf = this.buf;
    let pos = this.pos;
    if (v < 0) {
      buf[pos++] = 45;
      v = -v;
    }
    let digits = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
    const end = pos + digits;
    for (let i = end - 1; i >= pos; i--) {
      buf[i] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.pos = end;
  }

  /** A JSON string of `s`: printable ASCII without `"` or `\` is copied, the rest escaped by JSON.stringify. */
  string(s: string): void {
    const n = s.length;
    this.reserve(n + 2);
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return this.text(JSON.stringify(s));
      buf[pos++] = c;
    }
    buf[pos++] = 34;
    this.pos = pos;
  }

  /** The text written since the last call; the buffer is reused. */
  take(): string {
    const text = this.buf.toString('utf8', 0, this.pos);
    this.pos = 0;
    return text;
  }
}

/** Writes the value at a position of one block (bound per page), `null` for SQL NULL. */
type PositionWriter = (position: number) => void;
/** Binds a column's writer to one page's block (once per page and column, not per value). */
type ColumnWriter = (block: Block) => PositionWriter;
/** Writes a non-null value. */
type ValueWriter = (w: JsonWriter, value: unknown) => void;

/**
 * Encodes whole pages as the rows of QueryResults `data` (without the brackets around the list),
 * byte for byte as the per-value encoders (`valueEncoder`) would, but several times faster: each column's
 * writer is chosen once per query by type and bound once per page to its block, numbers are read
 * straight from typed arrays and written as digits, and the common values (doubles in Java's
 * plain range, dates, timestamps, plain strings) skip the general formatting.
 */
export function pageEncoder(types: readonly SqlType[], options: EncodingOptions): (page: Page) => string {
  const w = new JsonWriter();
  const columns = types.map((t) => columnWriter(w, t, options));
  const rows = rowsFunction(columns.length);
  return (page) => {
    rows(
      w,
      columns.map((c, i) => c(page.blocks[i])),
      page.positionCount,
    );
    return w.take();
  };
}

type RowsFunction = (w: JsonWriter, cells: readonly PositionWriter[], count: number) => void;

/** The row loop for `n` columns, generated so that each column's call site sees one writer. */
function rowsFunction(n: number): RowsFunction {
  const names = Array.from({ length: n }, (_, c) => `c${c}`);
  const source = `
    ${names.map((c, i) => `const ${c} = cells[${i}];`).join('\n')}
    for (let r = 0; r < count; r++) {
      if (r > 0) w.byte(44);
      w.byte(91);
      ${names.map((c, i) => `${i > 0 ? 'w.byte(44); ' : ''}${c}(r);`).join('\n')}
      w.byte(93);
    }`;
  return new Function('w', 'cells', 'count', source) as RowsFunction;
}

function columnWriter(w: JsonWriter, type: SqlType, options: EncodingOptions): ColumnWriter {
  const encode = valueEncoder(type, options);
  const general: ValueWriter = (out, v) => out.text(encode(v));
  const fromNumber = numberWriter(type, options, encode) ?? general;
  const fromValue: ValueWriter = type.kind === 'varchar' ? (out, v) => out.string(v as string) : general;
  const nullText = (): void => w.ascii('null');
  return (block) => {
    switch (block.kind) {
      case 'number': {
        const values = block.values;
        const nulls = block.nulls;
        if (nulls === null) return (p) => fromNumber(w, values[p]);
        return (p) => (nulls[p] !== 0 ? nullText() : fromNumber(w, values[p]));
      }
      case 'boolean': {
        const values = block.values;
        const nulls = block.nulls;
        return (p) => w.ascii(nulls !== null && nulls[p] !== 0 ? 'null' : values[p] === 1 ? 'true' : 'false');
      }
      case 'value': {
        const values = block.values;
        return (p) => {
          const v = values[p];
          if (v === null || v === undefined) nullText();
          else fromValue(w, v);
        };
      }
    }
  };
}

/** A faster writer than `valueEncoder` for the types whose values are numbers, when there is one. */
function numberWriter(
  type: SqlType,
  options: EncodingOptions,
  encode: ValueEncoder,
): ValueWriter | undefined {
  switch (type.kind) {
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return (w, v) => (Number.isSafeInteger(v) ? w.integer(v as number) : w.ascii(String(v)));
    case 'double':
      return (w, v) => writeDouble(w, v as number);
    case 'date':
      return (w, v) => w.ascii(dateText(v as number, encode));
    case 'timestamp': {
      // without PARAMETRIC_DATETIME values print at precision 3: a value of precision <= 3 exactly
      const precision = options.parametricDateTime ? type.precision : 3;
      if (type.precision > (options.parametricDateTime ? 6 : 3)) return undefined;
      return (w, v) => w.ascii(timestampText(v as number, precision, encode));
    }
    default:
      return undefined;
  }
}

/** `.0`, `.01` … `.99`: the fraction of a double with at most two decimals, as Java prints it. */
const CENTS = Array.from({ length: 100 }, (_, i) =>
  i === 0 ? '.0' : i % 10 === 0 ? `.${i / 10}` : `.${String(i).padStart(2, '0')}`,
);

/**
 * A double as Java's Double.toString writes it. For 1e-3 <= |x| < 1e7 Java writes plain notation
 * with the shortest round-tripping digits, as JavaScript does, except that an integral value keeps
 * `.0`. A value there that is exactly the double nearest some n/100 prints as that decimal (no
 * other decimal of at most two fraction digits is within its ulp), written without formatting the
 * double; everything else there is String(x), and outside the range (zero, exponent notation,
 * NaN, infinities) the general path.
 */
function writeDouble(w: JsonWriter, x: number): void {
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e7) {
    const cents = Math.round(a * 100);
    if (cents / 100 === a) {
      if (x < 0) w.byte(45);
      const units = Math.floor(cents / 100);
      w.integer(units);
      w.ascii(CENTS[cents - units * 100]);
      return;
    }
    const s = String(x);
    w.ascii(Math.floor(x) === x ? s + '.0' : s);
    return;
  }
  w.ascii(floatText(javaDoubleToString(x)));
}

/** `"yyyy-MM-dd"` of days since the epoch, cached: a result has few distinct dates. */
const dateCache = new Map<number, string>();

function dateText(days: number, encode: ValueEncoder): string {
  let text = dateCache.get(days);
  if (text === undefined) {
    text = encode(days);
    if (dateCache.size >= 1 << 16) dateCache.clear();
    dateCache.set(days, text);
  }
  return text;
}

const MICROS_PER_DAY = 86_400_000_000;
/** 0001-01-01 and 10000-01-01 in epoch days: years printed with exactly four digits. */
const FIRST_PLAIN_DAY = -719_162;
const END_PLAIN_DAY = 2_932_897;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dateEncoder = valueEncoder(DATE, { parametricDateTime: true });

/**
 * `"yyyy-MM-dd HH:mm:ss[.fff]"` of a timestamp(p <= 6) held as epoch microseconds in a number,
 * for years 1 to 9999 (a safe integer spans about 1685 to 2255 anyway; bigints take the general
 * path).
 */
function timestampText(micros: number, precision: number, encode: ValueEncoder): string {
  const days = Math.floor(micros / MICROS_PER_DAY);
  if (days < FIRST_PLAIN_DAY || days >= END_PLAIN_DAY) return encode(micros);
  const date = dateText(days, dateEncoder);
  const ofDay = micros - days * MICROS_PER_DAY;
  const seconds = Math.floor(ofDay / 1e6);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  let out = `${date.slice(0, -1)} ${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[seconds % 60]}`;
  if (precision > 0) {
    const fraction = String(Math.floor((ofDay - seconds * 1e6) / 10 ** (6 - precision)));
    out += '.' + '0'.repeat(precision - fraction.length) + fraction;
  }
  return out + '"';
}
