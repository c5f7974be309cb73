/**
 * Blocks: one column of a page.
 *
 * Three physical forms, chosen by the values, not only by the SQL type (DESIGN.md, "Data in
 * memory"):
 * - NumberBlock: a Float64Array plus a null mask. Every type whose values are JS numbers
 *   (src/types/values.ts) lives here, and the Int64 types (bigint, timestamp(p<=6), interval day
 *   to second) too while all of a block's values are safe integers.
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

export function numberBlock(values: Float64Array, nulls: Uint8Array | null = null): NumberBlock {
  return {
    kind: 'number',
    positionCount: values.length,
    values,
    nulls: nulls && hasAnyNull(nulls) ? nulls : null,
  };
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
      return block.nulls !== null && block.nulls[position] !== 0 ? null : block.values[position];
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
      return numberBlock(values, block.nulls ? gatherMask(block.nulls, positions, count) : null);
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
