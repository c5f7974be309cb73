/**
 * IPADDRESS values: Trino stores an address as 16 bytes, IPv4 as an IPv4-mapped IPv6 address
 * (::ffff:a.b.c.d), and orders addresses by those bytes. Here a value is the 32 lower-case hex
 * digits of the 16 bytes, so string equality, hashing and ordering are the bytes' own.
 *
 * Text follows Guava's InetAddresses, which Trino uses: parsing accepts dotted-quad IPv4 (no
 * leading zeros) and IPv6 with one `::` and an optional trailing dotted quad; printing gives
 * IPv4-mapped addresses as dotted quads and other addresses in RFC 5952 form (lower case, no
 * leading zeros, the longest run of two or more zero groups as `::`).
 */

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    bytes.push(v);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | undefined {
  let head = text;
  let tail: number[] = [];
  // a trailing dotted quad stands for the last two groups
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  if (left === undefined || right === undefined) return undefined;
  const given = left.length + right.length + tail.length;
  let all: number[];
  if (halves.length === 2) {
    if (given > 7) return undefined;
    all = [...left, ...new Array<number>(8 - given).fill(0), ...right, ...tail];
  } else {
    if (given !== 8) return undefined;
    all = [...left, ...tail];
  }
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
const MAPPED_PREFIX_HEX = Buffer.from(MAPPED_PREFIX).toString('hex');

/** The IPv4-mapped IPv6 address (::ffff:a.b.c.d) of 4 IPv4 bytes. */
export function ipv4MappedBytes(v4: ArrayLike<number>): Uint8Array {
  return Uint8Array.from([...MAPPED_PREFIX, ...Array.from(v4)]);
}

/** The 4 IPv4 bytes of an IPv4-mapped address, else undefined (Java's Inet4Address or not). */
export function ipv4Of(bytes: Uint8Array): Uint8Array | undefined {
  return MAPPED_PREFIX.every((b, i) => bytes[i] === b) ? bytes.subarray(12) : undefined;
}

/** The 16 bytes of an address in text, or undefined when it is not one. */
export function parseIpAddressBytes(text: string): Uint8Array | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return ipv4MappedBytes(v4);
  if (!text.includes(':')) return undefined;
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : Uint8Array.from(v6);
}

export function ipAddressFromBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function ipAddressToBytes(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, 'hex'));
}

/** The canonical text of an IPADDRESS value (32 hex digits). */
export function formatIpAddress(value: string): string {
  if (value.startsWith(MAPPED_PREFIX_HEX)) {
    const v4 = value.slice(24);
    return [0, 2, 4, 6].map((i) => parseInt(v4.slice(i, i + 2), 16)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) => parseInt(value.slice(i * 4, i * 4 + 4), 16));
  // the longest run of zero groups (at least two), the first of equal runs
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (list: number[]) => list.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}
