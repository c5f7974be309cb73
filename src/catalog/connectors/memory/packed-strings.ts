/**
 * How the memory connector stores a column of mostly distinct strings: one string holding the
 * block's values end to end and their end offsets, instead of one JavaScript string per row.
 *
 * Why: V8's full collections mark every live object, and tables like TPC-H lineitem hold millions
 * of distinct strings (comments, names, addresses). With them live, each full GC took ~0.5 s at
 * sf1, and queries that allocate many typed arrays (V8 starts full GCs on external memory
 * pressure) ran 2-3x slower. Packed, a block is two objects. The scan cuts the values back out as
 * slices of the block's string: short-lived young objects, close together in memory (pattern
 * search over them is ~5x faster than over substrings scattered across the tpch text pool).
 *
 * Columns with few distinct values (flags, modes, types) keep their value blocks: their rows
 * share a handful of string objects, which cost the collector nothing per row.
 */
import { type Block, valueBlock } from '../../../execution/block';
import type { Page } from '../../../execution/page';

export interface PackedStrings {
  readonly kind: 'packed-strings';
  readonly positionCount: number;
  /** The non-null values concatenated in position order. */
  readonly text: string;
  /** End offset in `text` (UTF-16 units) of each position's value; a null ends where it starts. */
  readonly ends: Int32Array;
  readonly nulls: Uint8Array | null;
}

export type StoredBlock = Block | PackedStrings;

export interface StoredPage {
  readonly positionCount: number;
  readonly blocks: readonly StoredBlock[];
}

/** The block packed when it holds only strings and nulls, at least half of them distinct. */
export function packStrings(block: Block): StoredBlock {
  if (block.kind !== 'value' || block.positionCount === 0) return block;
  const values = block.values;
  const distinct = new Set<string>();
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) (nulls ??= new Uint8Array(values.length))[i] = 1;
    else if (typeof v === 'string') distinct.add(v);
    else return block;
  }
  if (distinct.size * 2 < values.length) return block;
  const ends = new Int32Array(values.length);
  let end = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null) end += (v as string).length;
    ends[i] = end;
  }
  // join copies the characters into one new string (rather than keeping substrings' parents)
  const text = (values as (string | null)[]).map((v) => v ?? '').join('');
  return { kind: 'packed-strings', positionCount: values.length, text, ends, nulls };
}

export function unpackBlock(block: StoredBlock): Block {
  if (block.kind !== 'packed-strings') return block;
  const { text, ends, nulls } = block;
  const values = new Array<string | null>(block.positionCount);
  let start = 0;
  for (let i = 0; i < values.length; i++) {
    const end = ends[i];
    values[i] = nulls !== null && nulls[i] === 1 ? null : text.slice(start, end);
    start = end;
  }
  return valueBlock(values);
}

export function unpackPage(page: StoredPage): Page {
  return { positionCount: page.positionCount, blocks: page.blocks.map(unpackBlock) };
}
