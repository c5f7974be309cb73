/**
 * String functions (Trino's StringFunctions, ConcatFunction, ConcatWsFunction;
 * trino.io/docs functions/string.html). Strings are JS strings; every position and length is in
 * Unicode code points, as Trino counts them, so surrogate pairs count once. char(n) values are
 * stored without trailing spaces (values.ts) and padded where Trino pads them (length, substr,
 * reverse, lpad, to_utf8).
 */

import { TrinoError } from '../errors';
import { padChar, varcharType, type CharType, type Int64, type SqlType, type VarcharType } from '../types';
import type { ScalarFunctionSpec } from './registry';
import {
  big,
  checkArgument,
  codePoints,
  countCodePoints,
  fromCodePoints,
  invalidArgument,
  isAscii,
  offsetOfCodePoint,
  saturatedInt,
  utf8Decode,
  utf8Encode,
} from './util';

const MAX_VARCHAR = 2147483647;

// ---------------------------------------------------------------------------------------------
// Character classes and case mapping (Java's per-code-point semantics)

/** Java's Character.isWhitespace, which airlift's SliceUtf8.trim uses. */
export function isJavaWhitespace(cp: number): boolean {
  if (cp <= 0x20) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x2006) ||
    (cp >= 0x2008 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

const upperCache = new Map<number, string>();
const lowerCache = new Map<number, string>();

/** Character.toUpperCase(int): a simple (one code point) mapping; multi-character mappings are not applied. */
function upperCodePoint(cp: number): string {
  let r = upperCache.get(cp);
  if (r === undefined) {
    const ch = String.fromCodePoint(cp);
    const u = ch.toUpperCase();
    r = countCodePoints(u) === 1 ? u : ch;
    upperCache.set(cp, r);
  }
  return r;
}

function lowerCodePoint(cp: number): string {
  let r = lowerCache.get(cp);
  if (r === undefined) {
    const ch = String.fromCodePoint(cp);
    const l = cp === 0x130 ? 'i' : ch.toLowerCase();
    r = countCodePoints(l) === 1 ? l : ch;
    lowerCache.set(cp, r);
  }
  return r;
}

export function toUpperJava(s: string): string {
  if (isAscii(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) out += upperCodePoint(ch.codePointAt(0)!);
  return out;
}

export function toLowerJava(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += lowerCodePoint(ch.codePointAt(0)!);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Implementations

export function substring(s: string, start: Int64, length?: Int64): string {
  if (start === 0 || start === 0n || s.length === 0) return '';
  if (length !== undefined && big(length) <= 0n) return '';
  let startCp = saturatedInt(start);
  const lengthCp = length === undefined ? undefined : saturatedInt(length);
  if (startCp > 0) {
    const from = offsetOfCodePoint(s, startCp - 1);
    if (from < 0) return '';
    if (lengthCp === undefined) return s.slice(from);
    const to = offsetOfCodePoint(s, lengthCp, from);
    return to < 0 ? s.slice(from) : s.slice(from, to);
  }
  const total = countCodePoints(s);
  startCp += total;
  if (startCp < 0) return '';
  const from = offsetOfCodePoint(s, startCp);
  if (lengthCp === undefined || startCp + lengthCp >= total) return s.slice(from);
  return s.slice(from, offsetOfCodePoint(s, lengthCp, from));
}

function reverseString(s: string): string {
  if (isAscii(s)) {
    let out = '';
    for (let i = s.length - 1; i >= 0; i--) out += s[i];
    return out;
  }
  return Array.from(s).reverse().join('');
}

function strpos(s: string, sub: string, instance: Int64 = 1): Int64 {
  const n = big(instance);
  if (n === 0n) throw invalidArgument("'instance' must be a positive or negative number.");
  if (sub.length === 0) return 1;
  let found = 0n;
  const target = n < 0n ? -n : n;
  if (n > 0n) {
    let index = -1;
    do {
      index = s.indexOf(sub, index + 1);
      if (index < 0) return 0;
      found++;
    } while (found < target);
    return countCodePoints(s, 0, index) + 1;
  }
  let index = s.length;
  do {
    index = index - 1 < 0 ? -1 : s.lastIndexOf(sub, index - 1);
    if (index < 0) return 0;
    found++;
  } while (found < target);
  return countCodePoints(s, 0, index) + 1;
}

function replace(s: string, search: string, replacement = ''): string {
  if (search.length === 0) {
    let out = replacement;
    for (const ch of s) out += ch + replacement;
    return out;
  }
  return s.split(search).join(replacement);
}

function split(s: string, delimiter: string, limit?: Int64): string[] {
  if (limit !== undefined) {
    checkArgument(big(limit) > 0n, 'Limit must be positive');
    checkArgument(big(limit) <= 2147483647n, 'Limit is too large');
  }
  checkArgument(delimiter.length > 0, 'The delimiter may not be the empty string');
  const max = limit === undefined ? Infinity : Number(limit);
  if (max === 1) return [s];
  const parts: string[] = [];
  let index = 0;
  while (index < s.length) {
    const at = s.indexOf(delimiter, index);
    if (at < 0) break;
    parts.push(s.slice(index, at));
    index = at + delimiter.length;
    if (parts.length === max - 1) break;
  }
  parts.push(s.slice(index));
  return parts;
}

function splitPart(s: string, delimiter: string, index: Int64): string | null {
  const i = big(index);
  checkArgument(i > 0n, 'Index must be greater than zero');
  if (delimiter.length === 0) {
    if (i > 2147483647n) return null;
    const from = offsetOfCodePoint(s, Number(i) - 1);
    if (from < 0 || from >= s.length) return null;
    const cp = s.codePointAt(from)!;
    return String.fromCodePoint(cp);
  }
  let count = 0n;
  let previous = 0;
  while (previous < s.length) {
    const at = s.indexOf(delimiter, previous);
    if (at < 0) break;
    count++;
    if (count === i) return s.slice(previous, at);
    previous = at + delimiter.length;
  }
  if (count === i - 1n) return s.slice(previous);
  return null;
}

function trimWith(s: string, left: boolean, right: boolean, test: (cp: number) => boolean): string {
  let start = 0;
  let end = s.length;
  if (left) {
    while (start < end) {
      const cp = s.codePointAt(start)!;
      if (!test(cp)) break;
      start += cp > 0xffff ? 2 : 1;
    }
  }
  if (right) {
    while (end > start) {
      let i = end - 1;
      const c = s.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > start) {
        const h = s.charCodeAt(i - 1);
        if (h >= 0xd800 && h <= 0xdbff) i--;
      }
      if (!test(s.codePointAt(i)!)) break;
      end = i;
    }
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function trimChars(chars: string): (cp: number) => boolean {
  const set = new Set(codePoints(chars));
  return (cp) => set.has(cp);
}

function pad(text: string, targetLength: Int64, padString: string, left: boolean): string {
  const target = big(targetLength);
  checkArgument(target >= 0n && target <= 2147483647n, 'Target length must be in the range [0..2147483647]');
  checkArgument(padString.length > 0, 'Padding string must not be empty');
  const textLength = countCodePoints(text);
  const result = Number(target);
  if (textLength === result) return text;
  if (textLength > result) return text.slice(0, offsetOfCodePoint(text, result));
  const padCps = codePoints(padString);
  const needed = result - textLength;
  let padding = '';
  const whole = Math.floor(needed / padCps.length);
  padding = padString.repeat(whole) + fromCodePoints(padCps, 0, needed - whole * padCps.length);
  return left ? padding + text : text + padding;
}

function levenshtein(a: string, b: string): Int64 {
  let left = codePoints(a);
  let right = codePoints(b);
  if (left.length < right.length) [left, right] = [right, left];
  if (right.length === 0) return left.length;
  checkArgument(
    left.length * (right.length - 1) <= 1_000_000,
    'The combined inputs for Levenshtein distance are too large',
  );
  const distances = new Int32Array(right.length);
  for (let i = 0; i < right.length; i++) distances[i] = i + 1;
  for (let i = 0; i < left.length; i++) {
    let leftUp = distances[0];
    distances[0] = left[i] === right[0] ? i : Math.min(i, distances[0]) + 1;
    for (let j = 1; j < right.length; j++) {
      const next = distances[j];
      distances[j] =
        left[i] === right[j] ? leftUp : Math.min(distances[j - 1], Math.min(leftUp, distances[j])) + 1;
      leftUp = next;
    }
  }
  return distances[right.length - 1];
}

function hamming(a: string, b: string): Int64 {
  const x = codePoints(a);
  const y = codePoints(b);
  checkArgument(
    x.length === y.length,
    'The input strings to hamming_distance function must have the same length',
  );
  let d = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) d++;
  return d;
}

function translate(source: string, from: string, to: string): string {
  const fromCps = codePoints(from);
  const toCps = codePoints(to);
  const map = new Map<number, number>();
  for (let i = 0; i < fromCps.length; i++) {
    if (!map.has(fromCps[i])) map.set(fromCps[i], i < toCps.length ? toCps[i] : -1);
  }
  let out = '';
  for (const ch of source) {
    const cp = ch.codePointAt(0)!;
    const t = map.get(cp);
    if (t === undefined) out += ch;
    else if (t !== -1) out += String.fromCodePoint(t);
  }
  return out;
}

const NORMAL_FORMS = new Set(['NFD', 'NFC', 'NFKD', 'NFKC']);

function normalizeString(s: string, form: string): string {
  if (!NORMAL_FORMS.has(form))
    throw invalidArgument('Normalization form must be one of [NFD, NFC, NFKD, NFKC]');
  return s.normalize(form);
}

function chr(codepoint: Int64): string {
  const cp = big(codepoint);
  if (cp < 0n || cp > 0x10ffffn || (cp >= 0xd800n && cp <= 0xdfffn)) {
    throw invalidArgument(`Not a valid Unicode code point: ${codepoint}`);
  }
  return String.fromCodePoint(Number(cp));
}

function codepoint(s: string): number {
  checkArgument(countCodePoints(s) === 1, 'Input string must be a single character string');
  return s.codePointAt(0)!;
}

const MAX_OUTPUT_LENGTH = 1024 * 1024 * 1024;

function concatStrings(values: string[]): string {
  let length = 0;
  for (const v of values) {
    length += v.length;
    if (length > MAX_OUTPUT_LENGTH) throw invalidArgument('Concatenated string is too large');
  }
  return values.join('');
}

function concatBytes(values: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const v of values) length += v.length;
  if (length > MAX_OUTPUT_LENGTH) throw invalidArgument('Concatenated string is too large');
  const out = new Uint8Array(length);
  let at = 0;
  for (const v of values) {
    out.set(v, at);
    at += v.length;
  }
  return out;
}

/** American Soundex (Apache commons-codec Soundex.US_ENGLISH). */
function soundex(s: string): string {
  const MAP = '01230120022455012623010202';
  let letters = '';
  for (const ch of s) {
    const u = ch.toUpperCase();
    if (u.length === 1 && u >= 'A' && u <= 'Z') letters += u;
  }
  if (letters.length === 0) return '';
  let out = letters[0];
  let last = MAP[letters.charCodeAt(0) - 65];
  for (let i = 1; i < letters.length && out.length < 4; i++) {
    const c = letters[i];
    const code = MAP[c.charCodeAt(0) - 65];
    if (code !== '0') {
      if (code !== last) out += code;
    }
    // H and W do not separate letters with the same code; vowels do
    if (c !== 'H' && c !== 'W') last = code;
  }
  return out.padEnd(4, '0');
}

function luhnCheck(s: string): boolean {
  checkArgument(/^[0-9]*$/.test(s), 'Input string must contain only digits');
  if (s.length === 0) return false;
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    let d = s.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function fromUtf8WithReplacement(bytes: Uint8Array, replacement: string): string {
  const n = countCodePoints(replacement);
  if (n > 1) throw invalidArgument('Replacement character string must empty or a single character');
  return utf8Decode(bytes, n === 1 ? replacement.codePointAt(0)! : null);
}

function fromUtf8WithCodePoint(bytes: Uint8Array, cp: Int64): string {
  const c = big(cp);
  if (c < 0n || c > 0x10ffffn || (c >= 0xd800n && c <= 0xdfffn))
    throw invalidArgument('Invalid replacement character');
  return utf8Decode(bytes, Number(c));
}

// ---------------------------------------------------------------------------------------------
// Declarations

function charLength(t: SqlType): number {
  return (t as CharType).length;
}

export const stringFunctions: ScalarFunctionSpec[] = [
  {
    name: 'chr',
    arguments: ['bigint'],
    returns: 'varchar(1)',
    description: 'Convert Unicode code point to a string',
    invoke: (_c, cp: Int64) => chr(cp),
  },
  {
    name: 'codepoint',
    arguments: ['varchar(1)'],
    returns: 'integer',
    description: 'Returns Unicode code point of a single character string',
    invoke: (_c, s: string) => codepoint(s),
  },
  {
    name: 'length',
    arguments: ['varchar(x)'],
    returns: 'bigint',
    description: 'Count of code points of the given string',
    invoke: (_c, s: string) => countCodePoints(s),
  },
  {
    name: 'length',
    arguments: ['char(x)'],
    returns: 'bigint',
    description: 'Count of code points of the given string',
    specialize: (b) => {
      const n = charLength(b.argumentTypes[0]);
      return () => n;
    },
  },
  {
    name: 'replace',
    arguments: ['varchar(x)', 'varchar(y)'],
    returns: 'varchar(x)',
    description: 'Greedily removes occurrences of a pattern in a string',
    invoke: (_c, s: string, search: string) => replace(s, search),
  },
  {
    name: 'replace',
    arguments: ['varchar(x)', 'varchar(y)', 'varchar(z)'],
    returns: 'varchar(u)',
    literals: { u: (v) => Math.min(MAX_VARCHAR, v.x + v.z * (v.x + 1)) },
    description: 'Greedily replaces occurrences of a pattern with a string',
    invoke: (_c, s: string, search: string, r: string) => replace(s, search, r),
  },
  {
    name: 'reverse',
    arguments: ['varchar(x)'],
    returns: 'varchar(x)',
    description: 'Reverse all code points in a given string',
    invoke: (_c, s: string) => reverseString(s),
  },
  {
    name: 'reverse',
    arguments: ['char(x)'],
    returns: 'char(x)',
    description: 'Reverse all code points in a given string',
    specialize: (b) => {
      const n = charLength(b.argumentTypes[0]);
      // the padded value reversed starts with the padding; stored char values drop trailing spaces only
      return (_c, s: string) => reverseString(padChar(s, n)).replace(/ +$/, '');
    },
  },
  {
    name: 'strpos',
    arguments: ['varchar(x)', 'varchar(y)'],
    returns: 'bigint',
    description: 'Returns index of first occurrence of a substring (or 0 if not found)',
    invoke: (_c, s: string, sub: string) => strpos(s, sub),
  },
  {
    name: 'strpos',
    arguments: ['varchar(x)', 'varchar(y)', 'bigint'],
    returns: 'bigint',
    description: 'Returns index of n-th occurrence of a substring (or 0 if not found)',
    invoke: (_c, s: string, sub: string, n: Int64) => strpos(s, sub, n),
  },
  {
    name: 'substring',
    aliases: ['substr'],
    arguments: ['varchar(x)', 'bigint'],
    returns: 'varchar(x)',
    description: 'Suffix starting at given index',
    invoke: (_c, s: string, start: Int64) => substring(s, start),
  },
  {
    name: 'substring',
    aliases: ['substr'],
    arguments: ['char(x)', 'bigint'],
    returns: 'varchar(x)',
    description: 'Suffix starting at given index',
    specialize: (b) => {
      const n = charLength(b.argumentTypes[0]);
      return (_c, s: string, start: Int64) => substring(padChar(s, n), start);
    },
  },
  {
    name: 'substring',
    aliases: ['substr'],
    arguments: ['varchar(x)', 'bigint', 'bigint'],
    returns: 'varchar(x)',
    description: 'Substring of given length starting at an index',
    invoke: (_c, s: string, start: Int64, length: Int64) => substring(s, start, length),
  },
  {
    name: 'substring',
    aliases: ['substr'],
    arguments: ['char(x)', 'bigint', 'bigint'],
    returns: 'varchar(x)',
    description: 'Substring of given length starting at an index',
    specialize: (b) => {
      const n = charLength(b.argumentTypes[0]);
      return (_c, s: string, start: Int64, length: Int64) => substring(padChar(s, n), start, length);
    },
  },
  {
    name: 'split',
    arguments: ['varchar(x)', 'varchar(y)'],
    returns: 'array(varchar(x))',
    description: 'Splits a string by a delimiter',
    invoke: (_c, s: string, d: string) => split(s, d),
  },
  {
    name: 'split',
    arguments: ['varchar(x)', 'varchar(y)', 'bigint'],
    returns: 'array(varchar(x))',
    description: 'Splits a string by a delimiter, at most limit parts',
    invoke: (_c, s: string, d: string, limit: Int64) => split(s, d, limit),
  },
  {
    name: 'split_part',
    arguments: ['varchar(x)', 'varchar(y)', 'bigint'],
    returns: 'varchar(x)',
    description: 'Splits a string by a delimiter and returns the specified field (counting from one)',
    invoke: (_c, s: string, d: string, i: Int64) => splitPart(s, d, i),
  },
  ...(['ltrim', 'rtrim', 'trim'] as const).flatMap((name): ScalarFunctionSpec[] => {
    const left = name !== 'rtrim';
    const right = name !== 'ltrim';
    const what =
      name === 'ltrim' ? 'the beginning of' : name === 'rtrim' ? 'the end of' : 'the beginning and end of';
    const d1 = `Removes whitespace from ${what} a string`;
    const d2 = `Remove the longest string containing only given characters from ${what} a string`;
    return [
      {
        name,
        arguments: ['varchar(x)'],
        returns: 'varchar(x)',
        description: d1,
        invoke: (_c, s: string) => trimWith(s, left, right, isJavaWhitespace),
      },
      {
        name,
        arguments: ['char(x)'],
        returns: 'varchar(x)',
        description: d1,
        invoke: (_c, s: string) => trimWith(s, left, right, isJavaWhitespace),
      },
      {
        name,
        arguments: ['varchar(x)', 'codepoints'],
        returns: 'varchar(x)',
        description: d2,
        invoke: (_c, s: string, chars: string) => trimWith(s, left, right, trimChars(chars)),
      },
      {
        name,
        arguments: ['char(x)', 'codepoints'],
        returns: 'varchar(x)',
        description: d2,
        specialize: (b) => {
          const n = charLength(b.argumentTypes[0]);
          // Trino trims the padded value and drops trailing spaces of the result when trimming the right
          return (_c, s: string, chars: string) => {
            const r = trimWith(padChar(s, n), left, right, trimChars(chars));
            return right ? r.replace(/ +$/, '') : r;
          };
        },
      },
    ];
  }),
  {
    name: 'lower',
    arguments: ['varchar(x)'],
    returns: 'varchar(x)',
    description: 'Converts the string to lower case',
    invoke: (_c, s: string) => toLowerJava(s),
  },
  {
    name: 'lower',
    arguments: ['char(x)'],
    returns: 'char(x)',
    description: 'Converts the string to lower case',
    invoke: (_c, s: string) => toLowerJava(s),
  },
  {
    name: 'upper',
    arguments: ['varchar(x)'],
    returns: 'varchar(x)',
    description: 'Converts the string to upper case',
    invoke: (_c, s: string) => toUpperJava(s),
  },
  {
    name: 'upper',
    arguments: ['char(x)'],
    returns: 'char(x)',
    description: 'Converts the string to upper case',
    invoke: (_c, s: string) => toUpperJava(s),
  },
  {
    name: 'lpad',
    arguments: ['varchar(x)', 'bigint', 'varchar(y)'],
    returns: 'varchar',
    description: 'Pads a string on the left',
    invoke: (_c, s: string, n: Int64, p: string) => pad(s, n, p, true),
  },
  {
    name: 'lpad',
    arguments: ['char(x)', 'bigint', 'varchar(y)'],
    returns: 'varchar',
    description: 'Pads a string on the left',
    specialize: (b) => {
      const n = charLength(b.argumentTypes[0]);
      return (_c, s: string, len: Int64, p: string) => pad(padChar(s, n), len, p, true);
    },
  },
  {
    name: 'rpad',
    arguments: ['varchar(x)', 'bigint', 'varchar(y)'],
    returns: 'varchar',
    description: 'Pads a string on the right',
    invoke: (_c, s: string, n: Int64, p: string) => pad(s, n, p, false),
  },
  {
    name: 'levenshtein_distance',
    arguments: ['varchar(x)', 'varchar(y)'],
    returns: 'bigint',
    description: 'Computes Levenshtein distance between two strings',
    invoke: (_c, a: string, b: string) => levenshtein(a, b),
  },
  {
    name: 'hamming_distance',
    arguments: ['varchar(x)', 'varchar(y)'],
    returns: 'bigint',
    description: 'Computes Hamming distance between two strings',
    invoke: (_c, a: string, b: string) => hamming(a, b),
  },
  {
    name: 'normalize',
    arguments: ['varchar(x)'],
    returns: 'varchar',
    description: 'Transforms the string to normalized form',
    invoke: (_c, s: string) => s.normalize('NFC'),
  },
  {
    name: 'normalize',
    arguments: ['varchar(x)', 'varchar(y)'],
    returns: 'varchar',
    description: 'Transforms the string to normalized form',
    invoke: (_c, s: string, form: string) => normalizeString(s, form),
  },
  {
    name: 'from_utf8',
    arguments: ['varbinary'],
    returns: 'varchar',
    description: 'Decodes the UTF-8 encoded string',
    invoke: (_c, b: Uint8Array) => utf8Decode(b),
  },
  {
    name: 'from_utf8',
    arguments: ['varbinary', 'varchar(x)'],
    returns: 'varchar',
    description: 'Decodes the UTF-8 encoded string',
    invoke: (_c, b: Uint8Array, r: string) => fromUtf8WithReplacement(b, r),
  },
  {
    name: 'from_utf8',
    arguments: ['varbinary', 'bigint'],
    returns: 'varchar',
    description: 'Decodes the UTF-8 encoded string',
    invoke: (_c, b: Uint8Array, r: Int64) => fromUtf8WithCodePoint(b, r),
  },
  {
    name: 'to_utf8',
    arguments: ['varchar(x)'],
    returns: 'varbinary',
    description: 'Encodes the string to UTF-8',
    invoke: (_c, s: string) => utf8Encode(s),
  },
  {
    name: 'to_utf8',
    arguments: ['char(x)'],
    returns: 'varbinary',
    description: 'Encodes the string to UTF-8',
    specialize: (b) => {
      const n = charLength(b.argumentTypes[0]);
      return (_c, s: string) => utf8Encode(padChar(s, n));
    },
  },
  {
    name: 'concat',
    arguments: ['varchar'],
    variadic: true,
    returns: 'varchar',
    description: 'Concatenates given strings',
    check: (b) => {
      if (b.arity < 2) throw invalidArgument('There must be two or more concatenation arguments');
      if (b.arity > 254) throw new TrinoError('NOT_SUPPORTED', 'Too many arguments for string concatenation');
    },
    invoke: (_c, ...values: string[]) => concatStrings(values),
  },
  {
    name: 'concat',
    arguments: ['char(x)', 'char(y)'],
    returns: 'char(u)',
    literals: { u: (v) => v.x + v.y },
    description: 'Concatenates given character strings',
    specialize: (b) => {
      const n = charLength(b.argumentTypes[0]);
      return (_c, a: string, c: string) => (c.length === 0 ? a : padChar(a, n) + c);
    },
  },
  {
    name: 'concat',
    arguments: ['varbinary'],
    variadic: true,
    returns: 'varbinary',
    description: 'Concatenates given varbinary values',
    check: (b) => {
      if (b.arity < 2) throw invalidArgument('There must be two or more concatenation arguments');
    },
    invoke: (_c, ...values: Uint8Array[]) => concatBytes(values),
  },
  {
    name: 'concat_ws',
    arguments: ['varchar', 'varchar'],
    variadic: true,
    returns: 'varchar',
    nullOnNull: false,
    description: 'Concatenates elements using separator',
    check: (b) => {
      if (b.arity < 2) throw invalidArgument('There must be two or more arguments');
    },
    invoke: (_c, sep: string | null, ...values: (string | null)[]) =>
      sep === null ? null : concatStrings(joinSkippingNulls(values, sep)),
  },
  {
    name: 'concat_ws',
    arguments: ['varchar', 'array(varchar)'],
    returns: 'varchar',
    nullOnNull: false,
    description: 'Concatenates elements using separator',
    invoke: (_c, sep: string | null, values: (string | null)[] | null) =>
      sep === null || values === null ? null : concatStrings(joinSkippingNulls(values, sep)),
  },
  {
    name: 'starts_with',
    arguments: ['varchar(x)', 'varchar(y)'],
    returns: 'boolean',
    description: 'Determine whether source starts with prefix or not',
    invoke: (_c, s: string, prefix: string) => s.startsWith(prefix),
  },
  {
    name: 'translate',
    arguments: ['varchar(x)', 'varchar(y)', 'varchar(z)'],
    returns: 'varchar',
    description: 'Translate characters from the source string based on original and translations strings',
    invoke: (_c, s: string, from: string, to: string) => translate(s, from, to),
  },
  {
    name: 'soundex',
    arguments: ['varchar'],
    returns: 'varchar(4)',
    description: 'Encodes a string into a Soundex value',
    invoke: (_c, s: string) => soundex(s),
  },
  {
    name: 'luhn_check',
    arguments: ['varchar'],
    returns: 'boolean',
    description: 'Checks that a string of digits is valid according to the Luhn algorithm',
    invoke: (_c, s: string) => luhnCheck(s),
  },
];

function joinSkippingNulls(values: (string | null)[], sep: string): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (v === null) continue;
    if (out.length > 0) out.push(sep);
    out.push(v);
  }
  return out;
}

/** varchar(x) length helper for other families. */
export function varcharLength(t: SqlType): number {
  return (t as VarcharType).length ?? MAX_VARCHAR;
}

export { varcharType };
