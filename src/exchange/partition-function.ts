/**
 * Hash partitioning for PARTITIONED output buffers: which downstream partition each row of a
 * page goes to, by a hash of the partitioning channels. Every producer of one exchange uses this
 * function, so equal keys meet in the same partition. The hash follows SQL equality, not the JS
 * representation: 0 and -0 hash alike, every NaN alike, timestamp with time zone by instant
 * (the zone is not part of equality), time with time zone by its UTC time, map by its entries in
 * any order. Flat number and boolean blocks hash from their typed arrays without allocating.
 */
import type { Block } from '../execution/block';
import { type Page, selectPositions } from '../execution/page';
import type { SqlType } from '../types';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, k: number): number {
  // murmur3 32-bit mixing step
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashNumber(h: number, v: number): number {
  if (v === 0) v = 0; // -0 equals 0
  f64[0] = Number.isNaN(v) ? NaN : v;
  return mix(mix(h, u32[0]), u32[1]);
}

function hashString(h: number, s: string): number {
  h = mix(h, s.length);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

const NULL_HASH = 0x5bd1e995;
const NANOS_PER_DAY = 86_400_000_000_000;
const PICOS_PER_DAY = 86_400_000_000_000_000n;

/** Hash of one canonical value of `type` (src/types/values.ts), folded into `h`. */
export function hashValue(h: number, type: SqlType, v: unknown): number {
  if (v === null) return mix(h, NULL_HASH);
  switch (type.kind) {
    case 'boolean':
      return mix(h, v ? 1 : 2);
    case 'varchar':
    case 'char':
    case 'json':
    case 'ipaddress':
    case 'uuid':
      return hashString(h, v as string);
    case 'varbinary': {
      const bytes = v as Uint8Array;
      h = mix(h, bytes.length);
      for (let i = 0; i < bytes.length; i++) h = mix(h, bytes[i]);
      return h;
    }
    case 'timestamp_tz': {
      const t = v as { epochMillis: number; picosOfMilli: number };
      return mix(hashNumber(h, t.epochMillis), t.picosOfMilli);
    }
    case 'time_tz': {
      const t = v as { time: number | bigint; offsetMinutes: number };
      if (typeof t.time === 'bigint') {
        const utc =
          (((t.time - BigInt(t.offsetMinutes) * 60_000_000_000_000n) % PICOS_PER_DAY) + PICOS_PER_DAY) %
          PICOS_PER_DAY;
        return hashString(h, utc.toString());
      }
      const utc =
        (((t.time - t.offsetMinutes * 60_000_000_000) % NANOS_PER_DAY) + NANOS_PER_DAY) % NANOS_PER_DAY;
      return hashNumber(h, utc);
    }
    case 'timestamp': {
      if (typeof v !== 'object') return hashInt64(h, v as number | bigint);
      const t = v as { epochMicros: number | bigint; picosOfMicro: number };
      return mix(hashInt64(h, t.epochMicros), t.picosOfMicro);
    }
    case 'array': {
      const a = v as unknown[];
      h = mix(h, a.length);
      for (const e of a) h = hashValue(h, type.element, e);
      return h;
    }
    case 'row': {
      const r = v as unknown[];
      type.fields.forEach((f, i) => (h = hashValue(h, f.type, r[i])));
      return h;
    }
    case 'map': {
      // entry order is not part of map equality: combine entry hashes commutatively
      let sum = 0;
      for (const [k, val] of v as Array<[unknown, unknown]>)
        sum = (sum + finish(hashValue(hashValue(0, type.key, k), type.value, val))) | 0;
      return mix(h, sum);
    }
    default:
      return typeof v === 'bigint' ? hashInt64(h, v) : hashNumber(h, v as number);
  }
}

/**
 * A safe integer hashes as a number whether it arrives as number or bigint (long decimals are
 * bigints in ValueBlocks but numbers in NumberBlocks with `bigintValues`).
 */
function hashInt64(h: number, v: number | bigint): number {
  if (typeof v === 'number') return hashNumber(h, v);
  if (v >= -9007199254740991n && v <= 9007199254740991n) return hashNumber(h, Number(v));
  return hashString(mix(h, 0x7f4a7c15), v.toString());
}

function hashBlockInto(block: Block, type: SqlType, hashes: Int32Array): void {
  const n = block.positionCount;
  switch (block.kind) {
    case 'number': {
      const values = block.values;
      const nulls = block.nulls;
      for (let i = 0; i < n; i++)
        hashes[i] =
          nulls !== null && nulls[i] !== 0 ? mix(hashes[i], NULL_HASH) : hashNumber(hashes[i], values[i]);
      return;
    }
    case 'boolean': {
      const values = block.values;
      const nulls = block.nulls;
      for (let i = 0; i < n; i++)
        hashes[i] =
          nulls !== null && nulls[i] !== 0 ? mix(hashes[i], NULL_HASH) : mix(hashes[i], values[i] ? 1 : 2);
      return;
    }
    case 'value':
      for (let i = 0; i < n; i++) hashes[i] = hashValue(hashes[i], type, block.values[i]);
  }
}

/** The partition (0..partitionCount-1) of every row of `page`. */
export function partitionOf(
  page: Page,
  types: readonly SqlType[],
  channels: readonly number[],
  partitionCount: number,
): Int32Array {
  const hashes = new Int32Array(page.positionCount);
  for (const c of channels) hashBlockInto(page.blocks[c], types[c], hashes);
  for (let i = 0; i < hashes.length; i++) hashes[i] = finish(hashes[i]) % partitionCount;
  return hashes;
}

/** Splits a page into one page per partition (an empty partition gets no page: undefined). */
export function partitionPage(
  page: Page,
  types: readonly SqlType[],
  channels: readonly number[],
  partitionCount: number,
): Array<Page | undefined> {
  const partitions = partitionOf(page, types, channels, partitionCount);
  const counts = new Int32Array(partitionCount);
  for (let i = 0; i < partitions.length; i++) counts[partitions[i]]++;
  const positions = Array.from({ length: partitionCount }, (_, p) => new Int32Array(counts[p]));
  const fill = new Int32Array(partitionCount);
  for (let i = 0; i < partitions.length; i++) {
    const p = partitions[i];
    positions[p][fill[p]++] = i;
  }
  return positions.map((pos) => (pos.length === 0 ? undefined : selectPositions(page, pos)));
}
