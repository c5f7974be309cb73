/**
 * Map functions (Trino's MapConstructor, MapFromEntries, MapConcatFunction, MapFilterFunction,
 * MapTransformKeys/ValuesFunction, MapZipWithFunction, MapSubscriptOperator;
 * trino.io/docs functions/map.html). A map is an array of [key, value] entries with distinct,
 * non-null keys (values.ts); key identity is IS NOT DISTINCT FROM of the key type.
 */

import {
  javaDoubleToString,
  javaFloatToString,
  decimalToString,
  formatValue,
  type MapType,
  type MapValue,
  type SqlType,
} from '../types';
import type { BoundFunction, FunctionContext, ScalarFunctionSpec } from './registry';
import { invalidArgument } from './util';
import { identityKeyFor } from './values-compare';

type Lambda = (...args: unknown[]) => unknown;

/** How Trino prints a key in error messages (Type.getObjectValue(...).toString()). */
export function objectValueText(v: unknown, t: SqlType): string {
  if (v === null) return 'null';
  switch (t.kind) {
    case 'double':
      return javaDoubleToString(v as number);
    case 'real':
      return javaFloatToString(v as number);
    case 'decimal':
      return decimalToString(v as number | bigint, t.scale);
    case 'array':
      return `[${(v as unknown[]).map((e) => objectValueText(e, t.element)).join(', ')}]`;
    case 'row':
      return `[${(v as unknown[]).map((e, i) => objectValueText(e, t.fields[i].type)).join(', ')}]`;
    case 'map':
      return `{${(v as MapValue).map(([k, w]) => `${objectValueText(k, t.key)}=${objectValueText(w, t.value)}`).join(', ')}}`;
    case 'varbinary':
      return Array.from(v as Uint8Array, (b) => b.toString(16).padStart(2, '0')).join(' ');
    default:
      try {
        return formatValue(v, t);
      } catch {
        return String(v);
      }
  }
}

function keyTypeOf(b: BoundFunction, index = 0): SqlType {
  return (b.argumentTypes[index] as MapType).key;
}

/** Builds a map from parallel key/value lists, rejecting NULL and duplicate keys. */
function buildMap(
  keyType: SqlType,
  keys: readonly unknown[],
  values: readonly unknown[],
  duplicateMessage: string,
): MapValue {
  const keyOf = identityKeyFor(keyType);
  const seen = new Set<unknown>();
  const out: MapValue = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null) throw invalidArgument('map key cannot be null');
    const id = keyOf(k);
    if (seen.has(id)) throw invalidArgument(duplicateMessage.replace('%s', objectValueText(k, keyType)));
    seen.add(id);
    out.push([k, values[i]]);
  }
  return out;
}

/** map[key]: Trino's MapSubscriptOperator (missing key is an error). */
export function mapSubscript(map: MapValue, key: unknown, keyType: SqlType): unknown {
  const keyOf = identityKeyFor(keyType);
  const k = keyOf(key);
  for (const [mk, v] of map) if (keyOf(mk) === k) return v;
  throw invalidArgument(`Key not present in map: ${objectValueText(key, keyType)}`);
}

function mapElementAt(keyType: SqlType) {
  const keyOf = identityKeyFor(keyType);
  return (_c: FunctionContext, map: MapValue, key: unknown): unknown => {
    const k = keyOf(key);
    for (const [mk, v] of map) {
      const x = keyOf(mk);
      if (x === k || (x !== x && k !== k)) return v;
    }
    return null;
  };
}

function mapConcat(keyType: SqlType) {
  const keyOf = identityKeyFor(keyType);
  return (_c: FunctionContext, ...maps: MapValue[]): MapValue => {
    // Trino writes the last map first, then keys not yet seen from the earlier maps, last to first
    const seen = new Set<unknown>();
    const out: MapValue = [];
    for (let m = maps.length - 1; m >= 0; m--) {
      for (const entry of maps[m]) {
        const id = keyOf(entry[0]);
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(entry);
      }
    }
    return out;
  };
}

function transformKeys(keyType: SqlType) {
  return (_c: FunctionContext, map: MapValue, fn: Lambda): MapValue => {
    const keys = map.map(([k, v]) => fn(k, v) ?? null);
    return buildMap(
      keyType,
      keys,
      map.map(([, v]) => v),
      'Duplicate keys (%s) are not allowed',
    );
  };
}

function mapZipWith(keyType: SqlType) {
  const keyOf = identityKeyFor(keyType);
  return (_c: FunctionContext, a: MapValue, b: MapValue, fn: Lambda): MapValue => {
    const right = new Map<unknown, unknown>();
    for (const [k, v] of b) right.set(keyOf(k), v);
    const out: MapValue = [];
    const done = new Set<unknown>();
    for (const [k, v] of a) {
      const id = keyOf(k);
      done.add(id);
      out.push([k, fn(k, v, right.has(id) ? right.get(id) : null) ?? null]);
    }
    for (const [k, v] of b) {
      if (done.has(keyOf(k))) continue;
      out.push([k, fn(k, null, v) ?? null]);
    }
    return out;
  };
}

export const mapFunctions: ScalarFunctionSpec[] = [
  {
    name: 'map',
    arguments: [],
    returns: 'map(unknown,unknown)',
    description: 'Creates an empty map',
    invoke: () => [],
  },
  {
    name: 'map',
    typeVariables: ['K:comparable', 'V'],
    arguments: ['array(K)', 'array(V)'],
    returns: 'map(K,V)',
    description: 'Constructs a map from the given key/value arrays',
    specialize: (b) => {
      const keyType = (b.returnType as MapType).key;
      return (_c, keys: unknown[], values: unknown[]) => {
        if (keys.length !== values.length)
          throw invalidArgument('Key and value arrays must be the same length');
        return buildMap(keyType, keys, values, 'Duplicate map keys (%s) are not allowed');
      };
    },
  },
  {
    name: 'map_from_entries',
    typeVariables: ['K:comparable', 'V'],
    arguments: ['array(row(K,V))'],
    returns: 'map(K,V)',
    description: 'Construct a map from an array of entries',
    specialize: (b) => {
      const keyType = (b.returnType as MapType).key;
      return (_c, entries: (unknown[] | null)[]) => {
        const keys: unknown[] = [];
        const values: unknown[] = [];
        for (const e of entries) {
          if (e === null) throw invalidArgument('map entry cannot be null');
          keys.push(e[0]);
          values.push(e[1]);
        }
        return buildMap(keyType, keys, values, 'Duplicate map keys (%s) are not allowed');
      };
    },
  },
  {
    name: 'multimap_from_entries',
    typeVariables: ['K:comparable', 'V'],
    arguments: ['array(row(K,V))'],
    returns: 'map(K,array(V))',
    description: 'Construct a multimap from an array of entries',
    specialize: (b) => {
      const keyOf = identityKeyFor((b.returnType as MapType).key);
      return (_c, entries: (unknown[] | null)[]) => {
        const index = new Map<unknown, [unknown, unknown[]]>();
        for (const e of entries) {
          if (e === null) throw invalidArgument('map entry cannot be null');
          if (e[0] === null) throw invalidArgument('map key cannot be null');
          const id = keyOf(e[0]);
          let entry = index.get(id);
          if (!entry) {
            entry = [e[0], []];
            index.set(id, entry);
          }
          entry[1].push(e[1]);
        }
        return [...index.values()];
      };
    },
  },
  {
    name: 'map_entries',
    typeVariables: ['K', 'V'],
    arguments: ['map(K,V)'],
    returns: 'array(row(K,V))',
    description: 'Construct an array of entries from a given map',
    invoke: (_c, m: MapValue) => m.map(([k, v]) => [k, v]),
  },
  {
    name: 'map_keys',
    typeVariables: ['K', 'V'],
    arguments: ['map(K,V)'],
    returns: 'array(K)',
    description: 'Returns the keys of the given map(K,V) as an array',
    invoke: (_c, m: MapValue) => m.map(([k]) => k),
  },
  {
    name: 'map_values',
    typeVariables: ['K', 'V'],
    arguments: ['map(K,V)'],
    returns: 'array(V)',
    description: 'Returns the values of the given map(K,V) as an array',
    invoke: (_c, m: MapValue) => m.map(([, v]) => v),
  },
  {
    name: 'map_concat',
    typeVariables: ['K', 'V'],
    arguments: ['map(K,V)'],
    variadic: true,
    returns: 'map(K,V)',
    description: 'Concatenates given maps',
    check: (b) => {
      if (b.arity < 1) throw invalidArgument('There must be at least one argument to map_concat');
    },
    specialize: (b) => mapConcat(keyTypeOf(b)),
  },
  {
    name: 'element_at',
    typeVariables: ['K', 'V'],
    arguments: ['map(K,V)', 'K'],
    returns: 'V',
    description: 'Get value for the given key, or null if it does not exist',
    specialize: (b) => mapElementAt(keyTypeOf(b)),
  },
  {
    name: 'cardinality',
    typeVariables: ['K', 'V'],
    arguments: ['map(K,V)'],
    returns: 'bigint',
    description: 'Returns the cardinality (the number of key-value pairs) of the map',
    invoke: (_c, m: MapValue) => m.length,
  },
  {
    name: 'map_filter',
    typeVariables: ['K', 'V'],
    arguments: ['map(K,V)', 'function(K,V,boolean)'],
    returns: 'map(K,V)',
    description: 'Return map containing entries that match the given predicate',
    invoke: (_c, m: MapValue, fn: Lambda) => m.filter(([k, v]) => fn(k, v) === true),
  },
  {
    name: 'transform_keys',
    typeVariables: ['K1', 'K2', 'V'],
    arguments: ['map(K1,V)', 'function(K1,V,K2)'],
    returns: 'map(K2,V)',
    description: 'Apply lambda to each entry of the map and transform the key',
    specialize: (b) => transformKeys((b.returnType as MapType).key),
  },
  {
    name: 'transform_values',
    typeVariables: ['K', 'V1', 'V2'],
    arguments: ['map(K,V1)', 'function(K,V1,V2)'],
    returns: 'map(K,V2)',
    description: 'Apply lambda to each entry of the map and transform the value',
    invoke: (_c, m: MapValue, fn: Lambda) => m.map(([k, v]) => [k, fn(k, v) ?? null]),
  },
  {
    name: 'map_zip_with',
    typeVariables: ['K', 'V1', 'V2', 'V3'],
    arguments: ['map(K,V1)', 'map(K,V2)', 'function(K,V1,V2,V3)'],
    returns: 'map(K,V3)',
    description:
      'Merge two maps into a single map by applying the lambda function to the pair of values with the same key',
    specialize: (b) => mapZipWith(keyTypeOf(b)),
  },
];
