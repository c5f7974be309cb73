/**
 * JSON functions (Trino's JsonFunctions, JsonExtract, JsonPathTokenizer;
 * trino.io/docs functions/json.html). `json` values are canonical JSON text (values.ts);
 * the varchar overloads accept any JSON text and return NULL when it does not parse (except
 * is_json_scalar, which raises INVALID_FUNCTION_ARGUMENT as Trino does).
 *
 * JSON paths are Trino's legacy subset: `$`, `.key`, `["key"]` (with `\"` and `\\` escapes),
 * `[n]` (array index; on an object it is the key "n"). Anything else raises
 * INVALID_FUNCTION_ARGUMENT `Invalid JSON path: '...'`. Duplicate keys resolve to the first one,
 * as Trino's streaming extractor does.
 */

import {
  javaDoubleToString,
  jsonParse,
  JsonSyntaxError,
  parseJson,
  type Int64,
  type JsonNode,
} from '../types';
import type { ScalarFunctionSpec } from './registry';
import { big, invalidArgument } from './util';

// ---------------------------------------------------------------------------------------------
// JSON path

const pathCache = new Map<string, string[]>();

function isLetterOrDigit(c: string): boolean {
  return /[\p{L}\p{Nd}]/u.test(c);
}

/** Tokenizes a JSON path (Trino's JsonPathTokenizer). */
export function compileJsonPath(path: string): string[] {
  const cached = pathCache.get(path);
  if (cached) return cached;
  const invalid = () => invalidArgument(`Invalid JSON path: '${path}'`);
  if (path.length === 0 || path[0] !== '$') throw invalid();
  const tokens: string[] = [];
  let i = 1;
  const unquotedSubscriptChar = (c: string) => c === '_' || isLetterOrDigit(c);
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
      const start = i;
      while (i < path.length && (path[i] === ':' || unquotedSubscriptChar(path[i]))) i++;
      if (i === start) throw invalid();
      tokens.push(path.slice(start, i));
    } else if (c === '[') {
      i++;
      if (path[i] === '"') {
        i++;
        let token = '';
        let escaped = false;
        while (i < path.length && (escaped || path[i] !== '"')) {
          if (escaped) {
            if (path[i] !== '"' && path[i] !== '\\') throw invalid();
            token += path[i];
            escaped = false;
          } else if (path[i] === '\\') {
            escaped = true;
          } else {
            token += path[i];
          }
          i++;
        }
        if (escaped || path[i] !== '"') throw invalid();
        i++;
        tokens.push(token);
      } else {
        const start = i;
        while (i < path.length && unquotedSubscriptChar(path[i])) i++;
        if (i === start) throw invalid();
        tokens.push(path.slice(start, i));
      }
      if (path[i] !== ']') throw invalid();
      i++;
    } else {
      throw invalid();
    }
  }
  if (pathCache.size > 1000) pathCache.clear();
  pathCache.set(path, tokens);
  return tokens;
}

function tryParse(text: string): JsonNode | undefined {
  try {
    return parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return undefined;
    throw e;
  }
}

/** Follows path tokens from a node; undefined when a step does not exist. */
function navigate(node: JsonNode, tokens: readonly string[]): JsonNode | undefined {
  let current: JsonNode = node;
  for (const token of tokens) {
    if (current.kind === 'object') {
      const entry = current.entries.find(([k]) => k === token);
      if (entry === undefined) return undefined;
      current = entry[1];
    } else if (current.kind === 'array') {
      if (!/^\d+$/.test(token)) return undefined;
      const index = Number(token);
      if (index >= current.items.length) return undefined;
      current = current.items[index];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Serializes a node as Jackson copies it: keys in document order, numbers as Java prints them. */
export function serializeJson(node: JsonNode): string {
  switch (node.kind) {
    case 'null':
      return 'null';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'number':
      return /[.eE]/.test(node.text) ? javaDoubleToString(Number(node.text)) : BigInt(node.text).toString();
    case 'string':
      return JSON.stringify(node.value);
    case 'array':
      return `[${node.items.map(serializeJson).join(',')}]`;
    case 'object':
      return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${serializeJson(v)}`).join(',')}}`;
  }
}

function extractJson(text: string, path: string): string | null {
  const tokens = compileJsonPath(path);
  const root = tryParse(text);
  if (root === undefined) return null;
  const node = navigate(root, tokens);
  return node === undefined ? null : serializeJson(node);
}

function scalarText(node: JsonNode): string | null {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return node.text;
    case 'boolean':
      return node.value ? 'true' : 'false';
    default:
      return null;
  }
}

function extractScalar(text: string, path: string): string | null {
  const tokens = compileJsonPath(path);
  const root = tryParse(text);
  if (root === undefined) return null;
  const node = navigate(root, tokens);
  return node === undefined ? null : scalarText(node);
}

function jsonSize(text: string, path: string): Int64 | null {
  const tokens = compileJsonPath(path);
  const root = tryParse(text);
  if (root === undefined) return null;
  const node = navigate(root, tokens);
  if (node === undefined) return null;
  return node.kind === 'array' ? node.items.length : node.kind === 'object' ? node.entries.length : 0;
}

function arrayItems(text: string): JsonNode[] | null {
  const node = tryParse(text);
  return node !== undefined && node.kind === 'array' ? node.items : null;
}

function arrayLength(text: string): Int64 | null {
  const items = arrayItems(text);
  return items === null ? null : items.length;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function containsBoolean(text: string, value: boolean): boolean | null {
  const items = arrayItems(text);
  return items === null ? null : items.some((n) => n.kind === 'boolean' && n.value === value);
}

function containsBigint(text: string, value: Int64): boolean | null {
  const items = arrayItems(text);
  if (items === null) return null;
  const v = big(value);
  return items.some((n) => {
    if (n.kind !== 'number' || /[.eE]/.test(n.text)) return false;
    const x = BigInt(n.text);
    return x >= LONG_MIN && x <= LONG_MAX && x === v;
  });
}

function containsDouble(text: string, value: number): boolean | null {
  if (!Number.isFinite(value)) return false;
  const items = arrayItems(text);
  if (items === null) return null;
  return items.some((n) => n.kind === 'number' && /[.eE]/.test(n.text) && Number(n.text) === value);
}

function containsString(text: string, value: string): boolean | null {
  const items = arrayItems(text);
  return items === null ? null : items.some((n) => n.kind === 'string' && n.value === value);
}

function arrayGet(text: string, index: Int64): string | null {
  const items = arrayItems(text);
  if (items === null) return null;
  const i = big(index);
  if (i === LONG_MIN) return null;
  const resolved = i < 0n ? BigInt(items.length) + i : i;
  if (resolved < 0n || resolved >= BigInt(items.length)) return null;
  const node = items[Number(resolved)];
  switch (node.kind) {
    case 'null':
      return null;
    case 'number':
      return node.text;
    case 'boolean':
      return node.value ? 'true' : 'false';
    default:
      return serializeJson(node);
  }
}

function isJsonScalar(text: string): boolean {
  const node = tryParse(text);
  if (node === undefined) throw invalidArgument(`Invalid JSON value: ${text}`);
  return node.kind !== 'array' && node.kind !== 'object';
}

function parse(text: string): string {
  try {
    return jsonParse(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw invalidArgument(`Cannot convert value to JSON: '${text}'`);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------

const both = (fn: (input: string) => ScalarFunctionSpec): ScalarFunctionSpec[] => [
  fn('varchar(x)'),
  fn('json'),
];

export const jsonFunctions: ScalarFunctionSpec[] = [
  {
    name: 'json_parse',
    arguments: ['varchar(x)'],
    returns: 'json',
    description: 'Parses the string as JSON',
    invoke: (_c, s: string) => parse(s),
  },
  {
    name: 'json_format',
    arguments: ['json'],
    returns: 'varchar',
    description: 'Serializes the JSON value as text',
    invoke: (_c, j: string) => j,
  },
  ...both((input) => ({
    name: 'is_json_scalar',
    arguments: [input],
    returns: 'boolean',
    description: 'Whether the JSON value is a scalar (not an array or object)',
    invoke: (_c, s: string) => isJsonScalar(s),
  })),
  ...both((input) => ({
    name: 'json_array_length',
    arguments: [input],
    returns: 'bigint',
    description: 'Length of the JSON array',
    invoke: (_c, s: string) => arrayLength(s),
  })),
  ...both((input) => ({
    name: 'json_array_contains',
    arguments: [input, 'boolean'],
    returns: 'boolean',
    description: 'Whether the JSON array contains the value',
    invoke: (_c, s: string, v: boolean) => containsBoolean(s, v),
  })),
  ...both((input) => ({
    name: 'json_array_contains',
    arguments: [input, 'bigint'],
    returns: 'boolean',
    description: 'Whether the JSON array contains the value',
    invoke: (_c, s: string, v: Int64) => containsBigint(s, v),
  })),
  ...both((input) => ({
    name: 'json_array_contains',
    arguments: [input, 'double'],
    returns: 'boolean',
    description: 'Whether the JSON array contains the value',
    invoke: (_c, s: string, v: number) => containsDouble(s, v),
  })),
  ...both((input) => ({
    name: 'json_array_contains',
    arguments: [input, 'varchar(y)'],
    returns: 'boolean',
    description: 'Whether the JSON array contains the value',
    invoke: (_c, s: string, v: string) => containsString(s, v),
  })),
  ...both((input) => ({
    name: 'json_array_get',
    arguments: [input, 'bigint'],
    returns: 'json',
    description: 'The element of the JSON array at the index (negative: from the end)',
    invoke: (_c, s: string, i: Int64) => arrayGet(s, i),
  })),
  ...both((input) => ({
    name: 'json_extract',
    arguments: [input, 'JsonPath'],
    returns: 'json',
    description: 'Extracts the JSON value at the path',
    invoke: (_c, s: string, p: string) => extractJson(s, p),
  })),
  {
    name: 'json_extract_scalar',
    arguments: ['varchar(x)', 'JsonPath'],
    returns: 'varchar(x)',
    description: 'Extracts the scalar value at the path as a string',
    invoke: (_c, s: string, p: string) => extractScalar(s, p),
  },
  {
    name: 'json_extract_scalar',
    arguments: ['json', 'JsonPath'],
    returns: 'varchar',
    description: 'Extracts the scalar value at the path as a string',
    invoke: (_c, s: string, p: string) => extractScalar(s, p),
  },
  ...both((input) => ({
    name: 'json_size',
    arguments: [input, 'JsonPath'],
    returns: 'bigint',
    description: 'Size of the JSON array or object at the path (0 for scalars)',
    invoke: (_c, s: string, p: string) => jsonSize(s, p),
  })),
];
