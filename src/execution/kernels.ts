/**
 * Small kernels the generated code calls by reference: code-point string comparison and LIKE
 * pattern matching (compiled to a RegExp once per distinct pattern).
 */
import { TrinoError } from '../errors';

/**
 * Compares strings by code point, as Trino orders varchar (by UTF-8 bytes, which is code point
 * order). JS `<` compares UTF-16 units, which differs only when a surrogate pair meets a character
 * in U+E000–U+FFFF, so the plain comparison is used unless that happens.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      const cx = a.codePointAt(i)!;
      const cy = b.codePointAt(i)!;
      return cx < cy ? -1 : cx > cy ? 1 : 0;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

const likeCache = new Map<string, RegExp>();
const LIKE_CACHE_LIMIT = 1000;

/** The matcher of a LIKE pattern with an optional one-character escape. */
export function likeMatcher(pattern: string, escape?: string): RegExp {
  const key = escape === undefined ? pattern : `${escape}\u0000${pattern}`;
  let re = likeCache.get(key);
  if (re) return re;
  if (escape !== undefined && [...escape].length !== 1) {
    throw new TrinoError('INVALID_FUNCTION_ARGUMENT', 'Escape string must be a single character');
  }
  let source = '^';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (escape !== undefined && c === escape) {
      const next = chars[++i];
      if (next !== '%' && next !== '_' && next !== escape) {
        throw new TrinoError(
          'INVALID_FUNCTION_ARGUMENT',
          "Escape character must be followed by '%', '_' or the escape character itself",
        );
      }
      source += escapeRegExp(next);
    } else if (c === '%') source += '[^]*';
    else if (c === '_') source += '[^]';
    else source += escapeRegExp(c);
  }
  re = new RegExp(`${source}$`, 'u');
  if (likeCache.size >= LIKE_CACHE_LIMIT) likeCache.delete(likeCache.keys().next().value!);
  likeCache.set(key, re);
  return re;
}

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}
