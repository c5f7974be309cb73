/** Small helpers shared by the function families. */

import { TrinoError } from '../errors';
import { normalizeInt64, type Int64 } from '../types';

export function invalidArgument(message: string): TrinoError {
  return new TrinoError('INVALID_FUNCTION_ARGUMENT', message);
}

export function checkArgument(condition: boolean, message: string | (() => string)): void {
  if (!condition) throw invalidArgument(typeof message === 'string' ? message : message());
}

export function outOfRange(message: string): TrinoError {
  return new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', message);
}

export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

export function big(v: Int64 | number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** A bigint result as a normalized Int64 (no range check). */
export function int64(v: bigint): Int64 {
  return normalizeInt64(v);
}

/** An Int64 argument as a JS number when it fits an int (Java's toIntExact), else undefined. */
export function asInt32(v: Int64): number | undefined {
  if (typeof v === 'bigint') return undefined;
  return v >= -2147483648 && v <= 2147483647 ? v : undefined;
}

/** Java's Ints.saturatedCast. */
export function saturatedInt(v: Int64): number {
  if (typeof v === 'bigint') return v > 0n ? 2147483647 : -2147483648;
  return v > 2147483647 ? 2147483647 : v < -2147483648 ? -2147483648 : v;
}

/** Int64 as a JS number (may lose precision beyond 2^53; for counts and indexes). */
export function toNumber(v: Int64): number {
  return typeof v === 'bigint' ? Number(v) : v;
}

// ---------------------------------------------------------------------------------------------
// Code points

/** The code points of a string. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

export function fromCodePoints(cps: readonly number[], start = 0, end = cps.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCodePoint(cps[i]);
  return s;
}

/** Whether the string is pure ASCII (then UTF-16 index = code point index). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Whether the string has no surrogate code units (then UTF-16 index = code point index). */
export function isBmp(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return false;
  }
  return true;
}

/** UTF-16 index of code point number `n` (0-based) in `s`, or -1 when beyond the end. */
export function offsetOfCodePoint(s: string, n: number, from = 0): number {
  let i = from;
  let count = 0;
  while (count < n) {
    if (i >= s.length) return -1;
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    count++;
  }
  return i > s.length ? -1 : i;
}

/** Number of code points in s[start, end). */
export function countCodePoints(s: string, start = 0, end = s.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// UTF-8

const encoder = new TextEncoder();

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Decodes UTF-8, replacing each invalid sequence by `replacement` (a code point, or null to
 * drop it) as airlift's SliceUtf8.fixInvalidUtf8 does (one replacement per invalid byte run start).
 */
export function utf8Decode(bytes: Uint8Array, replacement: number | null = 0xfffd): string {
  let out = '';
  let i = 0;
  const n = bytes.length;
  const rep = replacement === null ? '' : String.fromCodePoint(replacement);
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      // fast ASCII run
      let j = i;
      while (j < n && bytes[j] < 0x80) j++;
      out += String.fromCharCode(...bytes.subarray(i, Math.min(j, i + 8192)));
      i = Math.min(j, i + 8192);
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      min = 0x10000;
    } else {
      out += rep;
      i++;
      continue;
    }
    let ok = true;
    let j = 1;
    for (; ok && j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += rep;
      i += Math.max(1, j);
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Hex

const HEX = '0123456789ABCDEF';

export function toHexUpper(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return s;
}
