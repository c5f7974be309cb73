/**
 * Binary, hashing, UUID and URL functions (Trino's VarbinaryFunctions, UuidOperators.uuid,
 * UrlFunctions; trino.io/docs functions/binary.html, functions/uuid.html, functions/url.html).
 * Hashes use node:crypto except xxhash64 and crc32, implemented here.
 */

import { UrlDecodeError, javaUrlDecode, javaUrlEncode as urlEncode } from './java-url-codec';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { formatType, type Int64 } from '../types';
import type { ScalarFunctionSpec } from './registry';
import { big, checkArgument, int64, invalidArgument, saturatedInt, toHexUpper, utf8Decode } from './util';

// ---------------------------------------------------------------------------------------------
// Hex, base64, big-endian, IEEE 754

function fromHex(s: string): Uint8Array {
  if (s.length % 2 !== 0) throw invalidArgument(`invalid input length ${s.length}`);
  const out = new Uint8Array(s.length / 2);
  const digit = (c: string): number => {
    const v = parseInt(c, 16);
    if (Number.isNaN(v) || !/[0-9a-fA-F]/.test(c)) throw invalidArgument(`invalid hex character: ${c}`);
    return v;
  };
  for (let i = 0; i < out.length; i++) out[i] = digit(s[2 * i]) * 16 + digit(s[2 * i + 1]);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64(bytes: Uint8Array, url: boolean): string {
  return Buffer.from(bytes)
    .toString(url ? 'base64url' : 'base64')
    .concat(url ? '='.repeat((4 - (Math.ceil((bytes.length * 4) / 3) % 4)) % 4) : '');
}

/** java.util.Base64 decoder (basic or URL alphabet), with its error messages. */
function fromBase64(text: string, url: boolean): Uint8Array {
  const alphabet = url ? B64URL : B64;
  let end = text.length;
  let padding = 0;
  while (end > 0 && text[end - 1] === '=' && padding < 2) {
    end--;
    padding++;
  }
  const values: number[] = [];
  for (let i = 0; i < end; i++) {
    const v = alphabet.indexOf(text[i]);
    if (v < 0) throw invalidArgument(`Illegal base64 character ${text.charCodeAt(i).toString(16)}`);
    values.push(v);
  }
  const rem = values.length % 4;
  if (rem === 1) throw invalidArgument('Last unit does not have enough valid bits');
  if (padding > 0 && rem === 0)
    throw invalidArgument('Input byte array has an incorrect ending byte at ' + end);
  if (padding > 0 && rem + padding !== 4)
    throw invalidArgument('Input byte array has wrong 4-byte ending unit');
  const out = new Uint8Array(Math.floor((values.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < values.length; i += 4) {
    const n = values.length - i;
    const chunk =
      (values[i] << 18) |
      (values[i + 1] << 12) |
      ((n > 2 ? values[i + 2] : 0) << 6) |
      (n > 3 ? values[i + 3] : 0);
    out[o++] = (chunk >> 16) & 0xff;
    if (n > 2) out[o++] = (chunk >> 8) & 0xff;
    if (n > 3) out[o++] = chunk & 0xff;
  }
  return out;
}

function toBigEndian64(v: Int64): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, big(v));
  return out;
}

function fromBigEndian64(b: Uint8Array): Int64 {
  if (b.length !== 8) throw invalidArgument(`expected 8-byte input, but got instead: ${b.length}`);
  return int64(new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0));
}

function toBigEndian32(v: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, v);
  return out;
}

function fromBigEndian32(b: Uint8Array): number {
  if (b.length !== 4) throw invalidArgument(`expected 4-byte input, but got instead: ${b.length}`);
  return new DataView(b.buffer, b.byteOffset, 4).getInt32(0);
}

function toIeee754(v: number, bytes: 4 | 8): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  if (bytes === 4) view.setFloat32(0, v);
  else view.setFloat64(0, v);
  return out;
}

function fromIeee754(b: Uint8Array, bytes: 4 | 8): number {
  if (b.length !== bytes)
    throw invalidArgument(`Input floating-point value must be exactly ${bytes} bytes long`);
  const view = new DataView(b.buffer, b.byteOffset, bytes);
  return bytes === 4 ? view.getFloat32(0) : view.getFloat64(0);
}

// ---------------------------------------------------------------------------------------------
// Hashes

function digest(algorithm: string) {
  return (_c: unknown, b: Uint8Array) => new Uint8Array(createHash(algorithm).update(b).digest());
}

function hmac(algorithm: string) {
  return (_c: unknown, b: Uint8Array, key: Uint8Array) =>
    new Uint8Array(createHmac(algorithm, key).update(b).digest());
}

const MASK64 = (1n << 64n) - 1n;
const P1 = 11400714785074694791n;
const P2 = 14029467366897019727n;
const P3 = 1609587929392839161n;
const P4 = 9650029242287828579n;
const P5 = 2870177450012600261n;

const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & MASK64;
const round = (acc: bigint, input: bigint) => (rotl((acc + input * P2) & MASK64, 31n) * P1) & MASK64;
const mergeRound = (acc: bigint, val: bigint) => ((((acc ^ round(0n, val)) * P1) & MASK64) + P4) & MASK64;

/** XXH64 with seed 0 (what Trino's xxhash64 computes), as an unsigned 64-bit bigint. */
export function xxhash64(data: Uint8Array, seed = 0n): bigint {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const len = data.length;
  let p = 0;
  let h: bigint;
  if (len >= 32) {
    let v1 = (seed + P1 + P2) & MASK64;
    let v2 = (seed + P2) & MASK64;
    let v3 = seed & MASK64;
    let v4 = (seed - P1) & MASK64;
    while (p <= len - 32) {
      v1 = round(v1, view.getBigUint64(p, true));
      v2 = round(v2, view.getBigUint64(p + 8, true));
      v3 = round(v3, view.getBigUint64(p + 16, true));
      v4 = round(v4, view.getBigUint64(p + 24, true));
      p += 32;
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & MASK64;
    h = mergeRound(h, v1);
    h = mergeRound(h, v2);
    h = mergeRound(h, v3);
    h = mergeRound(h, v4);
  } else {
    h = (seed + P5) & MASK64;
  }
  h = (h + BigInt(len)) & MASK64;
  while (p + 8 <= len) {
    h ^= round(0n, view.getBigUint64(p, true));
    h = (((rotl(h, 27n) * P1) & MASK64) + P4) & MASK64;
    p += 8;
  }
  if (p + 4 <= len) {
    h ^= (BigInt(view.getUint32(p, true)) * P1) & MASK64;
    h = (((rotl(h, 23n) * P2) & MASK64) + P3) & MASK64;
    p += 4;
  }
  while (p < len) {
    h ^= (BigInt(data[p]) * P5) & MASK64;
    h = (rotl(h, 11n) * P1) & MASK64;
    p++;
  }
  h ^= h >> 33n;
  h = (h * P2) & MASK64;
  h ^= h >> 29n;
  h = (h * P3) & MASK64;
  h ^= h >> 32n;
  return h;
}

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// varbinary string-like functions

function binarySubstring(b: Uint8Array, start: Int64, length?: Int64): Uint8Array {
  const s = big(start);
  if (s === 0n || b.length === 0) return new Uint8Array(0);
  if (length !== undefined && big(length) <= 0n) return new Uint8Array(0);
  let from = saturatedInt(start);
  if (from > 0) from -= 1;
  else from += b.length;
  if (from < 0 || from >= b.length) return new Uint8Array(0);
  const to =
    length === undefined ? b.length : Math.min(b.length, from + Math.min(saturatedInt(length), b.length));
  return b.slice(from, to);
}

function binaryPad(b: Uint8Array, target: Int64, pad: Uint8Array, left: boolean): Uint8Array {
  const t = big(target);
  checkArgument(t >= 0n && t <= 2147483647n, 'Target length must be in the range [0..2147483647]');
  checkArgument(pad.length > 0, 'Padding bytes must not be empty');
  const n = Number(t);
  if (b.length >= n) return b.slice(0, n);
  const out = new Uint8Array(n);
  const fill = n - b.length;
  for (let i = 0; i < fill; i++) out[(left ? 0 : b.length) + i] = pad[i % pad.length];
  out.set(b, left ? fill : 0);
  return out;
}

// ---------------------------------------------------------------------------------------------
// URLs (java.net.URI semantics, as Trino's UrlFunctions)

interface ParsedUrl {
  scheme: string | null;
  host: string | null;
  port: number;
  rawPath: string | null;
  rawQuery: string | null;
  rawFragment: string | null;
}

const URI_REGEX = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;
// eslint-disable-next-line no-control-regex
const ILLEGAL_URI_CHAR = /[\s"<>\\^`{|}\u0000-\u001f\u007f]|%(?![0-9A-Fa-f]{2})/;

function parseUrl(url: string): ParsedUrl | null {
  if (ILLEGAL_URI_CHAR.test(url) || url.indexOf('#') !== url.lastIndexOf('#')) return null;
  const m = URI_REGEX.exec(url);
  if (!m) return null;
  const scheme = m[1] ?? null;
  const authority = m[2];
  let host: string | null = null;
  let port = -1;
  if (authority !== undefined) {
    const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
    const hm = /^(\[[0-9A-Fa-f:.]+\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
    if (!hm) return null;
    host = hm[1] === '' ? null : hm[1];
    if (hm[2] !== undefined && hm[2] !== '') port = Number(hm[2]);
  }
  const opaque = scheme !== null && authority === undefined && !m[3].startsWith('/');
  return {
    scheme,
    host,
    port,
    rawPath: opaque ? null : m[3],
    rawQuery: opaque ? null : (m[4] ?? null),
    rawFragment: m[5] ?? null,
  };
}

/** java.net.URI's decoding of %XX escapes (as UTF-8). */
function uriDecode(s: string | null): string | null {
  if (s === null || !s.includes('%')) return s;
  const bytes: number[] = [];
  let out = '';
  const flush = () => {
    if (bytes.length > 0) {
      out += utf8Decode(new Uint8Array(bytes));
      bytes.length = 0;
    }
  };
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      flush();
      out += s[i];
    }
  }
  flush();
  return out;
}

function urlExtractParameter(url: string, name: string): string | null {
  const u = parseUrl(url);
  if (u === null || u.rawQuery === null) return null;
  for (const arg of u.rawQuery.split('&')) {
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    if (key === name) return eq < 0 ? '' : arg.slice(eq + 1);
  }
  return null;
}

/** java.net.URLDecoder.decode(s, UTF-8), its IllegalArgumentException as INVALID_FUNCTION_ARGUMENT. */
function urlDecode(s: string): string {
  try {
    return javaUrlDecode(s);
  } catch (e) {
    if (e instanceof UrlDecodeError) throw invalidArgument(e.message);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------

const urlPart = (
  name: string,
  pick: (u: ParsedUrl) => string | null,
  description: string,
): ScalarFunctionSpec => ({
  name,
  arguments: ['varchar(x)'],
  returns: 'varchar(x)',
  description,
  invoke: (_c, url: string) => {
    const u = parseUrl(url);
    return u === null ? null : pick(u);
  },
});

export const miscFunctions: ScalarFunctionSpec[] = [
  {
    name: 'typeof',
    typeVariables: ['T'],
    arguments: ['T'],
    returns: 'varchar',
    nullOnNull: false,
    description: 'textual representation of expression type',
    specialize: (b) => {
      const name = formatType(b.argumentTypes[0]);
      return () => name;
    },
  },
  {
    name: 'uuid',
    arguments: [],
    returns: 'uuid',
    deterministic: false,
    description: 'Generates a random UUID',
    invoke: () => randomUUID(),
  },
  {
    name: 'to_hex',
    arguments: ['varbinary'],
    returns: 'varchar',
    description: 'Encode binary data as hex',
    invoke: (_c, b: Uint8Array) => toHexUpper(b),
  },
  {
    name: 'from_hex',
    arguments: ['varchar(x)'],
    returns: 'varbinary',
    description: 'Decode hex encoded binary data',
    invoke: (_c, s: string) => fromHex(s),
  },
  {
    name: 'to_base64',
    arguments: ['varbinary'],
    returns: 'varchar',
    description: 'Encode binary data as base64',
    invoke: (_c, b: Uint8Array) => toBase64(b, false),
  },
  {
    name: 'from_base64',
    arguments: ['varchar(x)'],
    returns: 'varbinary',
    description: 'Decode base64 encoded binary data',
    invoke: (_c, s: string) => fromBase64(s, false),
  },
  {
    name: 'from_base64',
    arguments: ['varbinary'],
    returns: 'varbinary',
    description: 'Decode base64 encoded binary data',
    invoke: (_c, b: Uint8Array) => fromBase64(utf8Decode(b), false),
  },
  {
    name: 'to_base64url',
    arguments: ['varbinary'],
    returns: 'varchar',
    description: 'Encode binary data as base64 using the URL safe alphabet',
    invoke: (_c, b: Uint8Array) => toBase64(b, true),
  },
  {
    name: 'from_base64url',
    arguments: ['varchar(x)'],
    returns: 'varbinary',
    description: 'Decode URL safe base64 encoded binary data',
    invoke: (_c, s: string) => fromBase64(s, true),
  },
  {
    name: 'from_base64url',
    arguments: ['varbinary'],
    returns: 'varbinary',
    description: 'Decode URL safe base64 encoded binary data',
    invoke: (_c, b: Uint8Array) => fromBase64(utf8Decode(b), true),
  },
  {
    name: 'to_big_endian_64',
    arguments: ['bigint'],
    returns: 'varbinary',
    description: 'Encode value as a 64-bit 2s complement big endian varbinary',
    invoke: (_c, v: Int64) => toBigEndian64(v),
  },
  {
    name: 'from_big_endian_64',
    arguments: ['varbinary'],
    returns: 'bigint',
    description: 'Decode bigint value from a 64-bit 2s complement big endian varbinary',
    invoke: (_c, b: Uint8Array) => fromBigEndian64(b),
  },
  {
    name: 'to_big_endian_32',
    arguments: ['integer'],
    returns: 'varbinary',
    description: 'Encode value as a 32-bit 2s complement big endian varbinary',
    invoke: (_c, v: number) => toBigEndian32(v),
  },
  {
    name: 'from_big_endian_32',
    arguments: ['varbinary'],
    returns: 'integer',
    description: 'Decode integer value from a 32-bit 2s complement big endian varbinary',
    invoke: (_c, b: Uint8Array) => fromBigEndian32(b),
  },
  {
    name: 'to_ieee754_32',
    arguments: ['real'],
    returns: 'varbinary',
    description:
      'Encode value as a big endian varbinary according to IEEE 754 single-precision floating-point format',
    invoke: (_c, v: number) => toIeee754(v, 4),
  },
  {
    name: 'from_ieee754_32',
    arguments: ['varbinary'],
    returns: 'real',
    description: 'Decode the 32-bit big-endian binary in IEEE 754 single-precision floating-point format',
    invoke: (_c, b: Uint8Array) => fromIeee754(b, 4),
  },
  {
    name: 'to_ieee754_64',
    arguments: ['double'],
    returns: 'varbinary',
    description:
      'Encode value as a big endian varbinary according to IEEE 754 double-precision floating-point format',
    invoke: (_c, v: number) => toIeee754(v, 8),
  },
  {
    name: 'from_ieee754_64',
    arguments: ['varbinary'],
    returns: 'double',
    description: 'Decode the 64-bit big-endian binary in IEEE 754 double-precision floating-point format',
    invoke: (_c, b: Uint8Array) => fromIeee754(b, 8),
  },
  {
    name: 'md5',
    arguments: ['varbinary'],
    returns: 'varbinary',
    description: 'Compute md5 hash',
    invoke: digest('md5'),
  },
  {
    name: 'sha1',
    arguments: ['varbinary'],
    returns: 'varbinary',
    description: 'Compute sha1 hash',
    invoke: digest('sha1'),
  },
  {
    name: 'sha256',
    arguments: ['varbinary'],
    returns: 'varbinary',
    description: 'Compute sha256 hash',
    invoke: digest('sha256'),
  },
  {
    name: 'sha512',
    arguments: ['varbinary'],
    returns: 'varbinary',
    description: 'Compute sha512 hash',
    invoke: digest('sha512'),
  },
  {
    name: 'hmac_md5',
    arguments: ['varbinary', 'varbinary'],
    returns: 'varbinary',
    description: 'Compute HMAC with MD5',
    invoke: hmac('md5'),
  },
  {
    name: 'hmac_sha1',
    arguments: ['varbinary', 'varbinary'],
    returns: 'varbinary',
    description: 'Compute HMAC with SHA1',
    invoke: hmac('sha1'),
  },
  {
    name: 'hmac_sha256',
    arguments: ['varbinary', 'varbinary'],
    returns: 'varbinary',
    description: 'Compute HMAC with SHA256',
    invoke: hmac('sha256'),
  },
  {
    name: 'hmac_sha512',
    arguments: ['varbinary', 'varbinary'],
    returns: 'varbinary',
    description: 'Compute HMAC with SHA512',
    invoke: hmac('sha512'),
  },
  {
    name: 'xxhash64',
    arguments: ['varbinary'],
    returns: 'varbinary',
    description: 'Compute xxhash64 hash',
    invoke: (_c, b: Uint8Array) => {
      const out = new Uint8Array(8);
      new DataView(out.buffer).setBigUint64(0, xxhash64(b));
      return out;
    },
  },
  {
    name: 'crc32',
    arguments: ['varbinary'],
    returns: 'bigint',
    description: 'Compute CRC-32',
    invoke: (_c, b: Uint8Array) => crc32(b),
  },
  {
    name: 'length',
    arguments: ['varbinary'],
    returns: 'bigint',
    description: 'Length of the given binary',
    invoke: (_c, b: Uint8Array) => b.length,
  },
  {
    name: 'substring',
    aliases: ['substr'],
    arguments: ['varbinary', 'bigint'],
    returns: 'varbinary',
    description: 'Suffix starting at given index',
    invoke: (_c, b: Uint8Array, start: Int64) => binarySubstring(b, start),
  },
  {
    name: 'substring',
    aliases: ['substr'],
    arguments: ['varbinary', 'bigint', 'bigint'],
    returns: 'varbinary',
    description: 'Substring of given length starting at an index',
    invoke: (_c, b: Uint8Array, start: Int64, length: Int64) => binarySubstring(b, start, length),
  },
  {
    name: 'reverse',
    arguments: ['varbinary'],
    returns: 'varbinary',
    description: 'Reverse a given varbinary',
    invoke: (_c, b: Uint8Array) => b.slice().reverse(),
  },
  {
    name: 'lpad',
    arguments: ['varbinary', 'bigint', 'varbinary'],
    returns: 'varbinary',
    description: 'Pads a varbinary on the left',
    invoke: (_c, b: Uint8Array, n: Int64, p: Uint8Array) => binaryPad(b, n, p, true),
  },
  {
    name: 'rpad',
    arguments: ['varbinary', 'bigint', 'varbinary'],
    returns: 'varbinary',
    description: 'Pads a varbinary on the right',
    invoke: (_c, b: Uint8Array, n: Int64, p: Uint8Array) => binaryPad(b, n, p, false),
  },
  urlPart('url_extract_protocol', (u) => u.scheme, 'Extract protocol from url'),
  urlPart('url_extract_host', (u) => u.host, 'Extract host from url'),
  urlPart('url_extract_path', (u) => uriDecode(u.rawPath), 'Extract part from url'),
  urlPart('url_extract_query', (u) => uriDecode(u.rawQuery), 'Extract query from url'),
  urlPart('url_extract_fragment', (u) => uriDecode(u.rawFragment), 'Extract fragment from url'),
  {
    name: 'url_extract_port',
    arguments: ['varchar(x)'],
    returns: 'bigint',
    description: 'Extract port from url',
    invoke: (_c, url: string) => {
      const u = parseUrl(url);
      return u === null || u.port < 0 ? null : u.port;
    },
  },
  {
    name: 'url_extract_parameter',
    arguments: ['varchar(x)', 'varchar(y)'],
    returns: 'varchar(x)',
    description: 'Extract query parameter from url',
    invoke: (_c, url: string, name: string) => urlExtractParameter(url, name),
  },
  {
    name: 'url_encode',
    arguments: ['varchar(x)'],
    returns: 'varchar(y)',
    literals: { y: (v) => Math.min(2147483647, v.x * 12) },
    description: 'Escape a string for use in URL query parameter names and values',
    invoke: (_c, s: string) => urlEncode(s),
  },
  {
    name: 'url_decode',
    arguments: ['varchar(x)'],
    returns: 'varchar(x)',
    description: 'Unescape a URL-encoded string',
    invoke: (_c, s: string) => urlDecode(s),
  },
];
