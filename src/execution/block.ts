/**
 * Blocks: one column of a page.
 *
 * Three physical forms, chosen by the values, not only by the SQL type (DESIGN.md, "Data in
 * memory"):
 * - NumberBlock: a Float64Array plus a null mask. Every type whose values are JS numbers
 *   (src/types/values.ts) lives here, and the Int64 types (bigint, timestamp(p<=6), interval day
 *   to second) too while all of a block's values are safe integers. Long decimals (p > 15, whose
 *   canonical values are bigints) live here too while every unscaled value is a safe integer: such
 *   a block has `bigintValues` set, and `valueAt` turns its numbers back into bigints.
 * - BooleanBlock: a Uint8Array of 0/1 plus a null mask.
 * - ValueBlock: an array of canonical values with `null` for NULL: strings, Int64 values beyond
 *   ±2^53 (bigint), long decimals, varbinary, arrays, maps, rows, timestamps with time zone.
 * Generated code specializes on the form, so hot loops read typed arrays directly.
 *
 * A null mask is a Uint8Array with 1 at null positions, or null when the block has no nulls.
 * Blocks are immutable once built.
 */

export interface NumberBlock {
  readonly kind: 'number';
  readonly positionCount: number;
  readonly values: Float64Array;
  readonly nulls: Uint8Array | null;
  /**
   * The values are safe integers standing for bigints (long decimals): the canonical value at a
   * position is `BigInt(values[i])`. Readers of `values` must honour this; copies keep it.
   */
  readonly bigintValues?: true;
}

export interface BooleanBlock {
  readonly kind: 'boolean';
  readonly positionCount: number;
  readonly values: Uint8Array;
  readonly nulls: Uint8Array | null;
}

export interface ValueBlock {
  readonly kind: 'value';
  readonly positionCount: number;
  readonly values: readonly unknown[];
}

export type Block = NumberBlock | BooleanBlock | ValueBlock;

export function numberBlock(
  values: Float64Array,
  nulls: Uint8Array | null = null,
  bigintValues = false,
): NumberBlock {
  const block = {
    kind: 'number' as const,
    positionCount: values.length,
    values,
    nulls: nulls && hasAnyNull(nulls) ? nulls : null,
  };
  return bigintValues ? { ...block, bigintValues: true } : block;
}

/**
 * A block of bigint-canonical values (long decimals) given as safe-integer numbers or bigints:
 * a NumberBlock with `bigintValues` when every value is a safe integer, else a ValueBlock of
 * bigints.
 */
export function bigintValuesBlock(values: readonly (number | bigint | null)[]): Block {
  const n = values.length;
  const out = new Float64Array(n);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) (nulls ??= new Uint8Array(n))[i] = 1;
    else if (typeof v === 'number') out[i] = v;
    else if (v >= -9007199254740991n && v <= 9007199254740991n) out[i] = Number(v);
    else return valueBlock(values.map((x) => (typeof x === 'number' ? BigInt(x) : x)));
  }
  return numberBlock(out, nulls, true);
}

export function booleanBlock(values: Uint8Array, nulls: Uint8Array | null = null): BooleanBlock {
  return {
    kind: 'boolean',
    positionCount: values.length,
    values,
    nulls: nulls && hasAnyNull(nulls) ? nulls : null,
  };
}

export function valueBlock(values: readonly unknown[]): ValueBlock {
  return { kind: 'value', positionCount: values.length, values };
}

function hasAnyNull(nulls: Uint8Array): boolean {
  for (let i = 0; i < nulls.length; i++) if (nulls[i] !== 0) return true;
  return false;
}

export function isNullAt(block: Block, position: number): boolean {
  if (block.kind === 'value') return block.values[position] === null;
  return block.nulls !== null && block.nulls[position] !== 0;
}

/** The canonical value at a position (src/types/values.ts), or null. Not for hot loops. */
export function valueAt(block: Block, position: number): unknown {
  switch (block.kind) {
    case 'number':
      if (block.nulls !== null && block.nulls[position] !== 0) return null;
      return block.bigintValues ? BigInt(block.values[position]) : block.values[position];
    case 'boolean':
      return block.nulls !== null && block.nulls[position] !== 0 ? null : block.values[position] === 1;
    case 'value':
      return block.values[position];
  }
}

/**
 * Builds a block from canonical values, picking the densest form that holds them exactly:
 * all numbers (or nulls) → NumberBlock, all booleans → BooleanBlock, anything else → ValueBlock.
 */
export function blockFromValues(values: readonly unknown[]): Block {
  let numbers = true;
  let booleans = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    if (typeof v !== 'number') numbers = false;
    if (typeof v !== 'boolean') booleans = false;
    if (!numbers && !booleans) return valueBlock(values);
  }
  if (numbers && !booleans) {
    const out = new Float64Array(values.length);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) (nulls ??= new Uint8Array(values.length))[i] = 1;
      else out[i] = v as number;
    }
    return numberBlock(out, nulls);
  }
  if (booleans && !numbers) {
    const out = new Uint8Array(values.length);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) (nulls ??= new Uint8Array(values.length))[i] = 1;
      else out[i] = v ? 1 : 0;
    }
    return booleanBlock(out, nulls);
  }
  // every value is null
  return valueBlock(values);
}

/** A copy of the positions listed in `positions` (for filters, joins and exchanges). */
export function takePositions(
  block: Block,
  positions: Int32Array | readonly number[],
  count = positions.length,
): Block {
  switch (block.kind) {
    case 'number': {
      const values = new Float64Array(count);
      const src = block.values;
      for (let i = 0; i < count; i++) values[i] = src[positions[i]];
      return numberBlock(
        values,
        block.nulls ? gatherMask(block.nulls, positions, count) : null,
        block.bigintValues === true,
      );
    }
    case 'boolean': {
      const values = new Uint8Array(count);
      const src = block.values;
      for (let i = 0; i < count; i++) values[i] = src[positions[i]];
      return booleanBlock(values, block.nulls ? gatherMask(block.nulls, positions, count) : null);
    }
    case 'value': {
      const values = new Array<unknown>(count);
      const src = block.values;
      for (let i = 0; i < count; i++) values[i] = src[positions[i]];
      return valueBlock(values);
    }
  }
}

function gatherMask(mask: Uint8Array, positions: Int32Array | readonly number[], count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = mask[positions[i]];
  return out;
}

/** Positions [start, start + length) without copying typed arrays. */
export function sliceBlock(block: Block, start: number, length: number): Block {
  switch (block.kind) {
    case 'number':
      return numberBlock(
        block.values.subarray(start, start + length),
        block.nulls ? block.nulls.subarray(start, start + length) : null,
        block.bigintValues === true,
      );
    case 'boolean':
      return booleanBlock(
        block.values.subarray(start, start + length),
        block.nulls ? block.nulls.subarray(start, start + length) : null,
      );
    case 'value':
      return valueBlock(block.values.slice(start, start + length));
  }
}

/**
 * One block holding the rows of `blocks` one after another. Blocks of one typed form are copied
 * array to array; mixed forms (an Int64 column that left the safe range in one page) go through
 * canonical values.
 */
export function concatBlocks(blocks: readonly Block[]): Block {
  if (blocks.length === 1) return blocks[0];
  let total = 0;
  for (const b of blocks) total += b.positionCount;
  const first = blocks[0];
  if (first !== undefined && first.kind !== 'value') {
    const big = first.kind === 'number' && first.bigintValues === true;
    const same = blocks.every(
      (b) => b.kind === first.kind && (b.kind !== 'number' || (b.bigintValues === true) === big),
    );
    if (same) {
      const values = first.kind === 'number' ? new Float64Array(total) : new Uint8Array(total);
      let nulls: Uint8Array | null = null;
      let at = 0;
      for (const b of blocks as readonly (NumberBlock | BooleanBlock)[]) {
        values.set(b.values, at);
        if (b.nulls !== null) (nulls ??= new Uint8Array(total)).set(b.nulls, at);
        at += b.positionCount;
      }
      return first.kind === 'number'
        ? numberBlock(values as Float64Array, nulls, big)
        : booleanBlock(values as Uint8Array, nulls);
    }
  }
  const values = new Array<unknown>(total);
  let at = 0;
  if (blocks.every((b) => b.kind === 'value')) {
    // already canonical values: copy them as they are
    for (const b of blocks as readonly ValueBlock[]) {
      const src = b.values;
      for (let i = 0; i < src.length; i++) values[at++] = src[i];
    }
    return valueBlock(values);
  }
  for (const b of blocks) for (let i = 0; i < b.positionCount; i++) values[at++] = valueAt(b, i);
  return blockFromValues(values);
}

/** Like takePositions, but a negative position gives NULL (outer-join padding). */
export function takePositionsOrNull(block: Block, positions: Int32Array, count: number): Block {
  let anyNull = false;
  for (let i = 0; i < count; i++) {
    if (positions[i] < 0) {
      anyNull = true;
      break;
    }
  }
  if (!anyNull) return takePositions(block, positions, count);
  switch (block.kind) {
    case 'number':
    case 'boolean': {
      const values = block.kind === 'number' ? new Float64Array(count) : new Uint8Array(count);
      const nulls = new Uint8Array(count);
      const src = block.values;
      const srcNulls = block.nulls;
      for (let i = 0; i < count; i++) {
        const p = positions[i];
        if (p < 0 || (srcNulls !== null && srcNulls[p] !== 0)) nulls[i] = 1;
        else values[i] = src[p];
      }
      return block.kind === 'number'
        ? numberBlock(values as Float64Array, nulls, block.bigintValues === true)
        : booleanBlock(values as Uint8Array, nulls);
    }
    case 'value': {
      const values = new Array<unknown>(count);
      const src = block.values;
      for (let i = 0; i < count; i++) values[i] = positions[i] < 0 ? null : src[positions[i]];
      return valueBlock(values);
    }
  }
}
