/**
 * Values as the CLI holds them after decoding the protocol's JSON `data` (Trino's
 * JsonDecodingUtils): each value is decoded by its column's typeSignature, so a double prints the
 * Java way, varbinary arrives as bytes, a row keeps its field names and a map its typed keys. The
 * printers only ever see these shapes.
 */
import { javaDoubleToString, javaFloatToString } from '../types';

/** A number already in the text Java's toString would give (`1.0E10`, `NaN`, `9007199254740993`). */
export class JavaNumber {
  constructor(
    readonly text: string,
    /** false for NaN and the infinities, which JSON output writes as strings */
    readonly finite = true,
  ) {}
  toString(): string {
    return this.text;
  }
}

export class ClientRow {
  constructor(readonly fields: readonly { readonly name?: string; readonly value: ClientValue }[]) {}
}

/** Entries in the order the server sent them. */
export class ClientMap {
  constructor(readonly entries: readonly (readonly [ClientValue, ClientValue])[]) {}
}

export type ClientValue =
  null | string | boolean | JavaNumber | Uint8Array | ClientValue[] | ClientMap | ClientRow;

export interface ClientTypeSignature {
  readonly rawType: string;
  readonly arguments: readonly { readonly kind: string; readonly value: unknown }[];
}

export interface ClientColumn {
  readonly name: string;
  readonly type: string;
  readonly typeSignature?: ClientTypeSignature;
}

type Decoder = (json: unknown) => ClientValue;

const INTEGERS = new Set(['bigint', 'integer', 'smallint', 'tinyint']);
/** Types the server sends as base64 (varbinary and the sketch types that are varbinary underneath). */
const BINARY = new Set(['varbinary', 'hyperloglog', 'p4hyperloglog', 'qdigest', 'tdigest', 'setdigest']);

function integer(json: unknown): ClientValue {
  return json === null ? null : new JavaNumber(String(json));
}

function floating(toText: (x: number) => string): Decoder {
  return (json) => {
    if (json === null) return null;
    if (typeof json === 'string') {
      // "NaN", "Infinity" and "-Infinity" arrive as strings; Number() reads all three
      const x = Number(json);
      return new JavaNumber(toText(x), Number.isFinite(x));
    }
    return new JavaNumber(toText(Number(json)));
  };
}

const base64: Decoder = (json) =>
  json === null ? null : new Uint8Array(Buffer.from(String(json), 'base64'));

/** Values of unknown types pass through as text or numbers. */
const passthrough: Decoder = (json) => {
  if (json === null) return null;
  if (typeof json === 'string' || typeof json === 'boolean') return json;
  if (typeof json === 'number' || typeof json === 'bigint') return new JavaNumber(String(json));
  return JSON.stringify(json, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
};

function typeArguments(signature: ClientTypeSignature): ClientTypeSignature[] {
  return signature.arguments.map((a) => a.value as ClientTypeSignature);
}

/** A decoder per type, built once per column so decoding rows does no type dispatch per value. */
export function createDecoder(signature: ClientTypeSignature | undefined): Decoder {
  const raw = signature?.rawType.toLowerCase() ?? '';
  if (!signature) return passthrough;
  if (INTEGERS.has(raw)) return integer;
  if (raw === 'double') return floating(javaDoubleToString);
  if (raw === 'real') return floating((x) => javaFloatToString(Math.fround(x)));
  if (raw === 'boolean') return (json) => (json === null ? null : json === true || json === 'true');
  if (BINARY.has(raw)) return base64;
  if (raw === 'unknown') return () => null;
  if (raw === 'array') {
    const element = createDecoder(typeArguments(signature)[0]);
    return (json) =>
      json === null ? null : (json as unknown[]).map((v) => (v === null ? null : element(v)));
  }
  if (raw === 'map') {
    const [keyType, valueType] = typeArguments(signature);
    const key = mapKeyDecoder(keyType);
    const value = createDecoder(valueType);
    return (json) =>
      json === null
        ? null
        : new ClientMap(
            Object.entries(json as Record<string, unknown>).map(([k, v]) => [
              key(k),
              v === null ? null : value(v),
            ]),
          );
  }
  if (raw === 'row') {
    const fields = signature.arguments.map((a) => {
      const named = a.value as { fieldName?: { name: string }; typeSignature: ClientTypeSignature };
      return { name: named.fieldName?.name, decode: createDecoder(named.typeSignature) };
    });
    return (json) => {
      if (json === null) return null;
      const values = json as unknown[];
      return new ClientRow(
        fields.map((f, i) => {
          const v = values[i] ?? null;
          const value = v === null ? null : f.decode(v);
          return f.name === undefined ? { value } : { name: f.name, value };
        }),
      );
    };
  }
  // varchar, char, json, date, time*, timestamp*, interval*, decimal, uuid, ipaddress, geometry
  return (json) => (json === null ? null : typeof json === 'string' ? json : passthrough(json));
}

/** Map keys arrive as JSON object keys (strings); numbers and booleans are parsed back like Java's. */
function mapKeyDecoder(signature: ClientTypeSignature | undefined): (key: string) => ClientValue {
  const raw = signature?.rawType.toLowerCase() ?? '';
  if (INTEGERS.has(raw)) return (k) => new JavaNumber(BigInt(k).toString());
  if (raw === 'double') return floating(javaDoubleToString) as (k: string) => ClientValue;
  if (raw === 'real') return floating((x) => javaFloatToString(Math.fround(x))) as (k: string) => ClientValue;
  if (raw === 'boolean') return (k) => k.toLowerCase() === 'true';
  if (BINARY.has(raw)) return (k) => new Uint8Array(Buffer.from(k, 'base64'));
  return (k) => k;
}

/** Decodes the rows of one `data` batch by the query's columns. */
export function rowDecoder(
  columns: readonly ClientColumn[],
): (rows: readonly unknown[][]) => ClientValue[][] {
  const decoders = columns.map((c) => createDecoder(c.typeSignature));
  return (rows) =>
    rows.map((row) => {
      const out = new Array<ClientValue>(decoders.length);
      for (let i = 0; i < decoders.length; i++) {
        const v = row[i] ?? null;
        out[i] = v === null ? null : decoders[i](v);
      }
      return out;
    });
}
