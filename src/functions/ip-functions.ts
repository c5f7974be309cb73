/** IPADDRESS functions (Trino's IpAddressFunctions). */
import { ipAddressToBytes, ipv4Of, parseIpAddressBytes } from '../types';
import type { ScalarFunctionSpec } from './registry';
import { invalidArgument } from './util';

/** Java's InetAddress bytes: 4 for an IPv4(-mapped) address, else 16. */
function javaAddressBytes(bytes: Uint8Array): Uint8Array {
  return ipv4Of(bytes) ?? bytes;
}

/** Whether the first `bits` bits of a and b (of equal length) are equal. */
function samePrefix(a: Uint8Array, b: Uint8Array, bits: number): boolean {
  const whole = bits >> 3;
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = bits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (a[whole] & mask) === (b[whole] & mask);
}

function contains(cidr: string, address: string): boolean {
  const separator = cidr.indexOf('/');
  if (separator < 0) throw invalidArgument('Invalid CIDR');
  const parsed = parseIpAddressBytes(cidr.slice(0, separator));
  if (parsed === undefined) throw invalidArgument('Invalid network IP address');
  const base = javaAddressBytes(parsed);
  const lengthText = cidr.slice(separator + 1);
  if (!/^[+-]?\d+$/.test(lengthText)) throw invalidArgument('Invalid prefix length');
  const prefixLength = Number(lengthText);
  if (prefixLength < 0) throw invalidArgument('Invalid prefix length');
  if (prefixLength > base.length * 8) throw invalidArgument('Prefix length exceeds address length');
  // an IPv4 network must have no bits set past its prefix
  if (base.length === 4 && prefixLength < 32) {
    if (base.some((b, i) => (b & hostMask(i, prefixLength)) !== 0)) throw invalidArgument('Invalid CIDR');
  }
  const ip = javaAddressBytes(ipAddressToBytes(address));
  if (ip.length !== base.length) return false;
  return samePrefix(base, ip, prefixLength);
}

/** The bits of byte i that lie past the first `prefix` bits. */
function hostMask(i: number, prefix: number): number {
  const covered = Math.min(8, Math.max(0, prefix - 8 * i));
  return 0xff >> covered;
}

export const ipFunctions: ScalarFunctionSpec[] = [
  {
    name: 'contains',
    arguments: ['varchar', 'ipaddress'],
    returns: 'boolean',
    description: 'Determines whether given IP address exists in the CIDR',
    invoke: (_c, cidr: string, address: string) => contains(cidr, address),
  },
];
