/**
 * Small kernels the generated code calls by reference: code-point string comparison and LIKE
 * pattern matching (compiled to a RegExp once per distinct pattern).
 */
import { TrinoError } from '../errors';

/** Code-point string order (Trino orders varchar by UTF-8 bytes, which is code point order). */
export { compareStrings } from '../functions/values-compare';

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

/**
 * The LIKE test of one constant pattern, compiled once per expression. A pattern whose only
 * wildcard is `%` (most real ones: `'%green%'`, `'PROMO%'`, `'%special%requests%'`) becomes
 * prefix/suffix checks and left-to-right `indexOf` of the pieces between the `%`s, which is exact
 * for such patterns (the leftmost place of each piece leaves the most room for the rest);
 * anything else uses the RegExp.
 */
export function likePredicate(pattern: string, escape?: string): (value: string) => boolean {
  const re = likeMatcher(pattern, escape); // validates the escape as the generic path does
  if (escape !== undefined || pattern.includes('_')) return (value) => re.test(value);
  const parts = pattern.split('%');
  if (parts.length === 1) return (value) => value === pattern;
  const prefix = parts[0];
  const suffix = parts[parts.length - 1];
  const middle = parts.slice(1, -1).filter((p) => p.length > 0);
  const fixed = prefix.length + suffix.length;
  return (value) => {
    if (value.length < fixed || !value.startsWith(prefix) || !value.endsWith(suffix)) return false;
    let at = prefix.length;
    const end = value.length - suffix.length;
    for (const part of middle) {
      const found = value.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}
