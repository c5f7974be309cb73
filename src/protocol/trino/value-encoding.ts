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
import {
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

/** Compiled encoders for a result's columns. */
export function rowEncoders(types: readonly SqlType[], options: EncodingOptions): ValueEncoder[] {
  return types.map((t) => nullable(valueEncoder(t, options)));
}

/** Reads one value from a block without allocating (numbers and booleans stay unboxed). */
function blockValue(block: Block, position: number): unknown {
  switch (block.kind) {
    case 'number':
      return block.nulls !== null && block.nulls[position] !== 0 ? null : block.values[position];
    case 'boolean':
      return block.nulls !== null && block.nulls[position] !== 0 ? null : block.values[position] === 1;
    case 'value':
      return block.values[position];
  }
}

/** JSON text of rows `start` (inclusive) to `end` (exclusive) of a page, without brackets around the list. */
export function encodePageRows(
  page: Page,
  encoders: readonly ValueEncoder[],
  start: number,
  end: number,
): string {
  const blocks = page.blocks;
  const parts: string[] = [];
  for (let r = start; r < end; r++) {
    let row = '[';
    for (let c = 0; c < encoders.length; c++)
      row += (c === 0 ? '' : ',') + encoders[c](blockValue(blocks[c], r));
    parts.push(row + ']');
  }
  return parts.join(',');
}
