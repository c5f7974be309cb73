/**
 * SQL values ↔ Arrow arrays, driven by the SQL type (src/types/values.ts is the contract).
 *
 * This is the generic path of the page codec: it handles ValueBlocks (strings, Int64 values beyond
 * ±2^53, long decimals, datetimes with parts, nested array/map/row) and the children of nested
 * values. Flat NumberBlocks and BooleanBlocks never come here (page-codec.ts writes their typed
 * arrays directly).
 *
 * Arrow layout per type, chosen so every value comes back exactly as it went in:
 * - tinyint, smallint, integer, date, interval year to month → Int32
 * - real → Float32 (values are already `Math.fround`-ed); double → Float64
 * - decimal(p ≤ 15), time(p ≤ 9) → Float64 (their numbers are integers below 2^53)
 * - bigint, timestamp(p ≤ 6), interval day to second → Int64, normalized back to number/bigint
 * - decimal(p > 15) → Decimal128(p, s) (two's complement, little-endian), always bigint again
 * - time(p > 9) → Int64, always bigint again
 * - varchar, char, json, uuid → Utf8; varbinary → Binary
 * - time with time zone → Struct{time, offsetMinutes}; timestamp(p > 6) → Struct{epochMicros,
 *   picosOfMicro}; timestamp with time zone → Struct{epochMillis, picosOfMilli, timeZone}
 * - array(T) → List<T>; map(K, V) → List<Struct{key, value}> (keeps entry order, any key type);
 *   row(...) → Struct{f0..fn}; unknown → Null
 * Null positions carry a placeholder in the value buffers and a cleared validity bit.
 */
import {
  Binary,
  Bool,
  type Data,
  type DataType,
  Decimal,
  Field,
  Float32,
  Float64,
  Int32,
  Int64,
  List,
  Null,
  Struct,
  Utf8,
  makeData,
} from 'apache-arrow';
import { type Int64 as Int64Value, type SqlType, normalizeInt64 } from '../types';

/** The Arrow type that holds values of `type` in the generic path. */
export function arrowTypeOf(type: SqlType): DataType {
  switch (type.kind) {
    case 'boolean':
      return new Bool();
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'date':
    case 'interval_year_to_month':
      return new Int32();
    case 'real':
      return new Float32();
    case 'double':
      return new Float64();
    case 'decimal':
      return type.precision <= 15 ? new Float64() : new Decimal(type.scale, type.precision, 128);
    case 'time':
      return type.precision <= 9 ? new Float64() : new Int64();
    case 'bigint':
    case 'interval_day_to_second':
      return new Int64();
    case 'timestamp':
      return type.precision <= 6 ? new Int64() : new Struct(childFields(type));
    case 'time_tz':
    case 'timestamp_tz':
    case 'row':
      return new Struct(childFields(type));
    case 'varchar':
    case 'char':
    case 'json':
    case 'ipaddress':
    case 'uuid':
      return new Utf8();
    case 'varbinary':
      return new Binary();
    case 'array':
      return new List(new Field('item', arrowTypeOf(type.element), true));
    case 'map':
      return new List(new Field('entry', new Struct(childFields(type)), true));
    case 'unknown':
      return new Null();
  }
}

const PICOS_INT32 = new Int32();

/** Struct children of the composite representations, with the SQL types of their values. */
function childSqlTypes(type: SqlType): readonly SqlType[] {
  switch (type.kind) {
    case 'time_tz':
      return [{ kind: 'time', precision: type.precision }, { kind: 'integer' }];
    case 'timestamp':
      return [{ kind: 'bigint' }, { kind: 'integer' }];
    case 'timestamp_tz':
      return [{ kind: 'double' }, { kind: 'integer' }, { kind: 'varchar', length: undefined }];
    case 'row':
      return type.fields.map((f) => f.type);
    case 'map':
      return [type.key, type.value];
    default:
      throw new Error(`not a composite type: ${type.kind}`);
  }
}

const CHILD_NAMES: Readonly<Record<string, readonly string[]>> = {
  time_tz: ['time', 'offsetMinutes'],
  timestamp: ['epochMicros', 'picosOfMicro'],
  timestamp_tz: ['epochMillis', 'picosOfMilli', 'timeZone'],
  map: ['key', 'value'],
};

function childFields(type: SqlType): Field[] {
  const names = CHILD_NAMES[type.kind];
  return childSqlTypes(type).map(
    (t, i) =>
      new Field(names ? names[i] : `f${i}`, t.kind === 'integer' ? PICOS_INT32 : arrowTypeOf(t), true),
  );
}

/** Splits composite values into per-child value arrays (null parent → null children). */
function childValues(type: SqlType, values: readonly unknown[]): unknown[][] {
  const n = values.length;
  const width = childSqlTypes(type).length;
  const out: unknown[][] = [];
  for (let c = 0; c < width; c++) out.push(new Array<unknown>(n).fill(null));
  for (let i = 0; i < n; i++) {
    const v = values[i] as Record<string, unknown> | unknown[] | null;
    if (v === null) continue;
    switch (type.kind) {
      case 'time_tz': {
        const t = v as { time: number | bigint; offsetMinutes: number };
        out[0][i] = t.time;
        out[1][i] = t.offsetMinutes;
        break;
      }
      case 'timestamp': {
        const t = v as { epochMicros: Int64Value; picosOfMicro: number };
        out[0][i] = t.epochMicros;
        out[1][i] = t.picosOfMicro;
        break;
      }
      case 'timestamp_tz': {
        const t = v as { epochMillis: number; picosOfMilli: number; timeZone: string };
        out[0][i] = t.epochMillis;
        out[1][i] = t.picosOfMilli;
        out[2][i] = t.timeZone;
        break;
      }
      default: {
        const fields = v as unknown[];
        for (let c = 0; c < width; c++) out[c][i] = fields[c];
      }
    }
  }
  return out;
}

/** Validity bitmap (bit set = value present) and null count, or no bitmap when nothing is null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === null) nullCount++;
  if (nullCount === 0) return { nullBitmap: undefined, nullCount };
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] !== null) bitmap[i >> 3] |= 1 << (i & 7);
  return { nullBitmap: bitmap, nullCount };
}

/** An Arrow array holding `values` (canonical values of `type`, null for NULL). */
export function encodeValues(type: SqlType, values: readonly unknown[]): Data {
  const length = values.length;
  const { nullBitmap, nullCount } = validity(values);
  const arrowType = arrowTypeOf(type);
  const base = { length, nullCount, nullBitmap };
  switch (type.kind) {
    case 'unknown':
      return makeData({ type: new Null(), length, nullCount: length });
    case 'boolean': {
      const bits = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++) if (values[i] === true) bits[i >> 3] |= 1 << (i & 7);
      return makeData({ ...base, type: arrowType as Bool, data: bits });
    }
    case 'array':
    case 'map': {
      const offsets = new Int32Array(length + 1);
      const flat: unknown[] = [];
      for (let i = 0; i < length; i++) {
        const v = values[i] as unknown[] | null;
        if (v !== null) for (let j = 0; j < v.length; j++) flat.push(v[j]);
        offsets[i + 1] = flat.length;
      }
      const childType: SqlType =
        type.kind === 'array'
          ? type.element
          : { kind: 'row', fields: [{ type: type.key }, { type: type.value }] };
      const child = encodeValues(childType, flat);
      return makeData({ ...base, type: arrowType as List, valueOffsets: offsets, child });
    }
    case 'time_tz':
    case 'row':
    case 'timestamp_tz':
      return encodeStruct(type, values, arrowType as Struct, base);
    case 'timestamp':
      if (type.precision > 6) return encodeStruct(type, values, arrowType as Struct, base);
      return makeData({ ...base, type: arrowType as Int64, data: int64Array(values) });
    case 'bigint':
    case 'interval_day_to_second':
      return makeData({ ...base, type: arrowType as Int64, data: int64Array(values) });
    case 'time':
      if (type.precision > 9)
        return makeData({ ...base, type: arrowType as Int64, data: int64Array(values) });
      return makeData({ ...base, type: arrowType as Float64, data: float64Array(values) });
    case 'decimal':
      if (type.precision > 15)
        return makeData({ ...base, type: arrowType as Decimal, data: decimal128Array(values) });
      return makeData({ ...base, type: arrowType as Float64, data: float64Array(values) });
    case 'double':
      return makeData({ ...base, type: arrowType as Float64, data: float64Array(values) });
    case 'real': {
      const data = new Float32Array(length);
      for (let i = 0; i < length; i++) if (values[i] !== null) data[i] = values[i] as number;
      return makeData({ ...base, type: arrowType as Float32, data });
    }
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'date':
    case 'interval_year_to_month': {
      const data = new Int32Array(length);
      for (let i = 0; i < length; i++) if (values[i] !== null) data[i] = values[i] as number;
      return makeData({ ...base, type: arrowType as Int32, data });
    }
    case 'varchar':
    case 'char':
    case 'json':
    case 'ipaddress':
    case 'uuid': {
      const { data, offsets } = encodeStrings(values);
      return makeData({ ...base, type: arrowType as Utf8, data, valueOffsets: offsets });
    }
    case 'varbinary': {
      let bytes = 0;
      for (let i = 0; i < length; i++) if (values[i] !== null) bytes += (values[i] as Uint8Array).length;
      const data = new Uint8Array(bytes);
      const offsets = new Int32Array(length + 1);
      let at = 0;
      for (let i = 0; i < length; i++) {
        const v = values[i] as Uint8Array | null;
        if (v !== null) {
          data.set(v, at);
          at += v.length;
        }
        offsets[i + 1] = at;
      }
      return makeData({ ...base, type: arrowType as Binary, data, valueOffsets: offsets });
    }
  }
}

/**
 * UTF-8 bytes and offsets of a string column. Buffer#write costs more per call than a short
 * string takes to copy, so ASCII strings (byte length = length) are copied char by char and only
 * the others go through the UTF-8 encoder.
 */
function encodeStrings(values: readonly unknown[]): { data: Buffer; offsets: Int32Array } {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  // one native UTF-8 encoding of the whole column: when it is as long in bytes as in UTF-16
  // units, every value is ASCII and its byte offsets are its character offsets
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as string | null;
    if (v !== null) chars += v.length;
    offsets[i + 1] = chars;
  }
  const joined = Buffer.from((values as (string | null)[]).join(''), 'utf8');
  if (joined.length === chars) return { data: joined, offsets };
  // some value is not ASCII: byte lengths value by value (no joining, so no surrogate halves of
  // neighbouring values can pair up)
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as string | null;
    if (v !== null) bytes += Buffer.byteLength(v, 'utf8');
    offsets[i + 1] = bytes;
  }
  const data = Buffer.allocUnsafe(bytes);
  for (let i = 0; i < n; i++) {
    const v = values[i] as string | null;
    if (v !== null) data.write(v, offsets[i], 'utf8');
  }
  return { data, offsets };
}

function encodeStruct(
  type: SqlType,
  values: readonly unknown[],
  arrowType: Struct,
  base: { length: number; nullCount: number; nullBitmap: Uint8Array | undefined },
): Data {
  const types = childSqlTypes(type);
  const columns = childValues(type, values);
  const children = types.map((t, i) => encodeValues(t, columns[i]));
  return makeData({ ...base, type: arrowType, children });
}

function float64Array(values: readonly unknown[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (values[i] !== null) out[i] = values[i] as number;
  return out;
}

function int64Array(values: readonly unknown[]): BigInt64Array {
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as Int64Value | null;
    if (v !== null) out[i] = typeof v === 'bigint' ? v : BigInt(v);
  }
  return out;
}

/** 128-bit two's complement, little-endian: the low 64 bits then the high 64 bits. */
function decimal128Array(values: readonly unknown[]): Uint32Array {
  const words = new BigInt64Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as bigint | number | null;
    if (v === null) continue;
    const b = typeof v === 'bigint' ? v : BigInt(v);
    words[2 * i] = BigInt.asIntN(64, b);
    words[2 * i + 1] = BigInt.asIntN(64, b >> 64n);
  }
  return new Uint32Array(words.buffer);
}

// ---------------------------------------------------------------------------------------------
// Decoding

function isValid(data: Data, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || !bitmap || bitmap.length === 0) return true;
  const bit = data.offset + i;
  return (bitmap[bit >> 3] & (1 << (bit & 7))) !== 0;
}

/** The canonical values of `type` held in `data`. */
export function decodeValues(type: SqlType, data: Data): unknown[] {
  const n = data.length;
  const out = new Array<unknown>(n).fill(null);
  const off = data.offset;
  switch (type.kind) {
    case 'unknown':
      return out;
    case 'boolean': {
      const bits = data.values as Uint8Array;
      for (let i = 0; i < n; i++)
        if (isValid(data, i)) out[i] = (bits[(off + i) >> 3] & (1 << ((off + i) & 7))) !== 0;
      return out;
    }
    case 'array':
    case 'map': {
      const offsets = data.valueOffsets as Int32Array;
      const childType: SqlType =
        type.kind === 'array'
          ? type.element
          : { kind: 'row', fields: [{ type: type.key }, { type: type.value }] };
      const child = decodeValues(childType, data.children[0]);
      for (let i = 0; i < n; i++) {
        if (!isValid(data, i)) continue;
        out[i] = child.slice(offsets[off + i], offsets[off + i + 1]);
      }
      return out;
    }
    case 'row':
    case 'time_tz':
    case 'timestamp_tz':
      return decodeStruct(type, data, out);
    case 'timestamp':
      if (type.precision > 6) return decodeStruct(type, data, out);
      return decodeInt64(data, out, true);
    case 'bigint':
    case 'interval_day_to_second':
      return decodeInt64(data, out, true);
    case 'time':
      return type.precision > 9 ? decodeInt64(data, out, false) : decodeNumbers(data, out);
    case 'decimal': {
      if (type.precision <= 15) return decodeNumbers(data, out);
      const words = int64View(data.values as Uint32Array);
      const low = new BigUint64Array(words.buffer, words.byteOffset, words.length);
      for (let i = 0; i < n; i++)
        if (isValid(data, i)) out[i] = (words[2 * (off + i) + 1] << 64n) | low[2 * (off + i)];
      return out;
    }
    case 'varchar':
    case 'char':
    case 'json':
    case 'ipaddress':
    case 'uuid': {
      const bytes = data.values as Uint8Array;
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const offsets = data.valueOffsets as Int32Array;
      // the column's bytes as one string: when all ASCII, byte offsets are character offsets and
      // each value is a substring (no native call per value)
      const whole = text.toString('utf8');
      if (whole.length === text.length) {
        for (let i = 0; i < n; i++)
          if (isValid(data, i)) out[i] = whole.substring(offsets[off + i], offsets[off + i + 1]);
        return out;
      }
      for (let i = 0; i < n; i++)
        if (isValid(data, i)) out[i] = text.toString('utf8', offsets[off + i], offsets[off + i + 1]);
      return out;
    }
    case 'varbinary': {
      const bytes = data.values as Uint8Array;
      const offsets = data.valueOffsets as Int32Array;
      // copies, so a value does not keep the whole response body alive
      for (let i = 0; i < n; i++)
        if (isValid(data, i)) out[i] = bytes.slice(offsets[off + i], offsets[off + i + 1]);
      return out;
    }
    default:
      return decodeNumbers(data, out);
  }
}

function decodeNumbers(data: Data, out: unknown[]): unknown[] {
  const values = data.values as Float64Array | Float32Array | Int32Array;
  for (let i = 0; i < out.length; i++) if (isValid(data, i)) out[i] = values[data.offset + i];
  return out;
}

function decodeInt64(data: Data, out: unknown[], normalize: boolean): unknown[] {
  const values = data.values as BigInt64Array;
  for (let i = 0; i < out.length; i++) {
    if (!isValid(data, i)) continue;
    const v = values[data.offset + i];
    out[i] = normalize ? normalizeInt64(v) : v;
  }
  return out;
}

function decodeStruct(type: SqlType, data: Data, out: unknown[]): unknown[] {
  const columns = childSqlTypes(type).map((t, c) => decodeValues(t, data.children[c]));
  for (let i = 0; i < out.length; i++) {
    if (!isValid(data, i)) continue;
    // arrow slices a struct's children together with it, so child positions match ours
    const o = i;
    switch (type.kind) {
      case 'time_tz':
        out[i] = { time: columns[0][o], offsetMinutes: columns[1][o] };
        break;
      case 'timestamp':
        out[i] = { epochMicros: columns[0][o], picosOfMicro: columns[1][o] };
        break;
      case 'timestamp_tz':
        out[i] = { epochMillis: columns[0][o], picosOfMilli: columns[1][o], timeZone: columns[2][o] };
        break;
      default:
        out[i] = columns.map((col) => col[o]);
    }
  }
  return out;
}

/** A BigInt64Array over the same bytes (copied when the IPC buffer is not 8-byte aligned). */
function int64View(words: Uint32Array): BigInt64Array {
  if (words.byteOffset % 8 === 0) return new BigInt64Array(words.buffer, words.byteOffset, words.length / 2);
  return new BigInt64Array(words.slice().buffer);
}
