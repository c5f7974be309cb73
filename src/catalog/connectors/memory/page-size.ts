/**
 * How much memory a stored page holds, for `memory.max-data-per-node` and for scan byte counts,
 * and the per-column numbers behind table statistics.
 *
 * The estimate is of the JavaScript heap a block keeps alive, not of a serialized form:
 * - NumberBlock: 8 bytes a position (Float64Array), plus 1 a position when it has a null mask.
 * - BooleanBlock: 1 byte a position, plus 1 a position for the null mask.
 * - ValueBlock: an 8-byte slot a position, plus each non-null value:
 *   number 8 (a boxed double) · boolean 0 (a shared singleton) · bigint 24 (header and a 64-bit
 *   digit, enough for every Int64 and decimal(38)) · string 16 + 1 byte a UTF-16 unit when every
 *   unit is Latin-1 (V8's one-byte strings), else 2 · Uint8Array 96 (typed array and ArrayBuffer
 *   objects) + its bytes · array (array, row, map entries) 16 + the elements as in a ValueBlock ·
 *   other objects (timestamps with precision > 6, with time zone) 16 + 8 a field + the fields.
 * The numbers are V8's object layouts rounded; they are meant to be within a small factor of the
 * truth for every shape of data, which is what a per-node safety limit needs.
 *
 * Statistics follow Trino: a column's `dataSize` is the sum of its values' lengths in bytes —
 * UTF-8 bytes for character types and json, bytes for varbinary — and is reported only for those
 * variable-width types.
 */
import { type Block, booleanBlock, numberBlock } from '../../../execution/block';
import type { Page } from '../../../execution/page';
import type { SqlType } from '../../../types';

const SLOT = 8;
const HEADER = 16;

function stringBytes(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) return HEADER + 2 * s.length;
  }
  return HEADER + s.length;
}

/** Retained bytes of one non-null canonical value (src/types/values.ts), excluding its slot. */
export function estimateValueBytes(v: unknown): number {
  switch (typeof v) {
    case 'number':
      return 8;
    case 'boolean':
      return 0;
    case 'bigint':
      return 24;
    case 'string':
      return stringBytes(v);
    case 'object': {
      if (v === null) return 0;
      if (v instanceof Uint8Array) return 96 + v.byteLength;
      if (Array.isArray(v)) {
        let n = HEADER + SLOT * v.length;
        for (const e of v) n += estimateValueBytes(e);
        return n;
      }
      let n = HEADER;
      for (const f of Object.values(v as Record<string, unknown>)) n += SLOT + estimateValueBytes(f);
      return n;
    }
    default:
      return SLOT;
  }
}

export function estimateBlockBytes(block: Block): number {
  switch (block.kind) {
    case 'number':
      return block.positionCount * 8 + (block.nulls ? block.positionCount : 0);
    case 'boolean':
      return block.positionCount + (block.nulls ? block.positionCount : 0);
    case 'value': {
      let n = SLOT * block.positionCount;
      const values = block.values;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== null) n += estimateValueBytes(v);
      }
      return n;
    }
  }
}

export function estimatePageBytes(page: Page): number {
  let n = 0;
  for (const b of page.blocks) n += estimateBlockBytes(b);
  return n;
}

/** True for the types whose statistics carry a `dataSize` (Trino's variable-width types). */
export function hasDataSizeStatistic(type: SqlType): boolean {
  return type.kind === 'varchar' || type.kind === 'char' || type.kind === 'varbinary' || type.kind === 'json';
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Nulls and logical data size (see above) of one block. */
export function blockStatistics(block: Block): { nulls: number; dataSize: number } {
  let nulls = 0;
  let dataSize = 0;
  if (block.kind === 'value') {
    for (const v of block.values) {
      if (v === null) nulls++;
      else if (typeof v === 'string') dataSize += utf8Length(v);
      else if (v instanceof Uint8Array) dataSize += v.byteLength;
    }
  } else if (block.nulls) {
    for (let i = 0; i < block.positionCount; i++) nulls += block.nulls[i];
  }
  return { nulls, dataSize };
}

/**
 * The least and greatest value of a block of plain numbers (NaN ignored), for min/max column
 * statistics; undefined when the block holds other values (bigints, strings, …) or only NULLs.
 */
/** Distinct strings tracked per column for statistics; a column with more has no count. */
export const MAX_TRACKED_DISTINCT = 256;

/**
 * Adds the block's strings to `seen`; false (and `seen` no longer meaningful) when the block
 * holds anything but strings and NULLs or the set grows past MAX_TRACKED_DISTINCT.
 */
export function addDistinctStrings(block: Block, seen: Set<string>): boolean {
  if (block.kind !== 'value') return block.kind === 'number' ? false : block.positionCount === 0;
  const values = block.values;
  let last: unknown = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // runs of one value (sorted or clustered columns) cost one comparison each
    if (v === null || v === last) continue;
    if (typeof v !== 'string') return false;
    last = v;
    if (seen.has(v)) continue;
    seen.add(v);
    if (seen.size > MAX_TRACKED_DISTINCT) return false;
  }
  return true;
}

export function numberRange(block: Block): { min: number; max: number } | undefined {
  if (block.kind !== 'number' || block.bigintValues) return undefined;
  let min = Infinity;
  let max = -Infinity;
  const values = block.values;
  const nulls = block.nulls;
  for (let i = 0; i < values.length; i++) {
    if (nulls !== null && nulls[i] !== 0) continue;
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max && Number.isFinite(min) && Number.isFinite(max) ? { min, max } : undefined;
}

function compactArray<T extends Float64Array | Uint8Array>(a: T): T {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : (a.slice() as T);
}

/**
 * A block that owns its memory: a typed array that is a view into a larger buffer (a slice of
 * some bigger page) is copied, so storing it does not keep the whole buffer alive. Trino's
 * `Page.compact()` does the same before the memory connector stores a page.
 */
export function compactBlock(block: Block): Block {
  switch (block.kind) {
    case 'number': {
      const values = compactArray(block.values);
      const nulls = block.nulls ? compactArray(block.nulls) : null;
      return values === block.values && nulls === block.nulls
        ? block
        : numberBlock(values, nulls, block.bigintValues === true);
    }
    case 'boolean': {
      const values = compactArray(block.values);
      const nulls = block.nulls ? compactArray(block.nulls) : null;
      return values === block.values && nulls === block.nulls ? block : booleanBlock(values, nulls);
    }
    case 'value':
      return block;
  }
}
