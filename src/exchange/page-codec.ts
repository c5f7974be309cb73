/**
 * The page codec: the one place where pages become bytes and back (HTTP exchange, spill).
 *
 * A serialized page is a complete Arrow IPC *stream* (schema message, one record batch, end
 * marker), so any Arrow reader can open it. Column `c<i>` holds block i. The schema's custom
 * metadata `tessera.columns` is a JSON array of `{type, form}` per column: the SQL type (our
 * SqlType as JSON) and the block's physical form, so a page decodes to the same block forms:
 * - form `number`: a NumberBlock, written as Float64 from its Float64Array (no per-value work
 *   beyond the null bitmap), whatever the SQL type (integers, dates, safe Int64 values…);
 * - form `boolean`: a BooleanBlock, written as Arrow Bool;
 * - form `value`: a ValueBlock, written per SQL type by arrow-values.ts.
 *
 * On the wire (Tessera's counterpart of Trino's `application/x-trino-pages`, content type
 * `application/x-tessera-pages`), a response body is a sequence of frames:
 *   uint32 LE byteLength, uint32 LE positionCount, then byteLength bytes of one Arrow IPC stream.
 * The 8-byte frame header keeps every stream 8-byte aligned in the body (Arrow pads its messages
 * to 8 bytes), so typed arrays are read in place.
 */
import {
  Bool,
  type Data,
  Field,
  Float64,
  RecordBatch,
  RecordBatchReader,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  makeData,
} from 'apache-arrow';
import { type Block, booleanBlock, numberBlock, valueBlock } from '../execution/block';
import { type Page, page as makePage } from '../execution/page';
import type { SqlType } from '../types';
import { TrinoError } from '../errors';
import { decodeValues, encodeValues } from './arrow-values';

export const PAGES_CONTENT_TYPE = 'application/x-tessera-pages';

/** A page in its wire form, with what the buffers account for without decoding it. */
export interface SerializedPage {
  readonly bytes: Uint8Array;
  readonly positionCount: number;
}

type BlockForm = 'number' | 'boolean' | 'value';
interface ColumnDescriptor {
  readonly type: SqlType;
  readonly form: BlockForm;
  /** A NumberBlock whose numbers stand for bigints (block.ts `bigintValues`). */
  readonly bigintValues?: true;
}

const COLUMNS_KEY = 'tessera.columns';

export function serializePage(p: Page, types: readonly SqlType[]): SerializedPage {
  if (types.length !== p.blocks.length)
    throw new TrinoError(
      'GENERIC_INTERNAL_ERROR',
      `Page has ${p.blocks.length} blocks but ${types.length} types were given`,
    );
  const fields: Field[] = [];
  const children: Data[] = [];
  const descriptors: ColumnDescriptor[] = [];
  p.blocks.forEach((block, i) => {
    const data = encodeBlock(block, types[i]);
    children.push(data);
    fields.push(new Field(`c${i}`, data.type, true));
    descriptors.push(
      block.kind === 'number' && block.bigintValues
        ? { type: types[i], form: block.kind, bigintValues: true }
        : { type: types[i], form: block.kind },
    );
  });
  const schema = new Schema(fields, new Map([[COLUMNS_KEY, JSON.stringify(descriptors)]]));
  const struct = makeData({ type: new Struct(fields), length: p.positionCount, nullCount: 0, children });
  const batch = new RecordBatch(schema, struct);
  const bytes = RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
  return { bytes, positionCount: p.positionCount };
}

function encodeBlock(block: Block, type: SqlType): Data {
  switch (block.kind) {
    case 'number':
      return makeData({
        type: new Float64(),
        length: block.positionCount,
        ...nullsToValidity(block.nulls, block.positionCount),
        data: block.values,
      });
    case 'boolean': {
      const n = block.positionCount;
      const bits = new Uint8Array((n + 7) >> 3);
      const values = block.values;
      for (let i = 0; i < n; i++) if (values[i] !== 0) bits[i >> 3] |= 1 << (i & 7);
      return makeData({ type: new Bool(), length: n, ...nullsToValidity(block.nulls, n), data: bits });
    }
    case 'value':
      return encodeValues(type, block.values);
  }
}

/** Our null mask (1 = null) as an Arrow validity bitmap (bit set = present). */
function nullsToValidity(
  nulls: Uint8Array | null,
  n: number,
): { nullCount: number; nullBitmap: Uint8Array | undefined } {
  if (nulls === null) return { nullCount: 0, nullBitmap: undefined };
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    if (nulls[i] !== 0) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullCount, nullBitmap: nullCount === 0 ? undefined : bitmap };
}

function validityToNulls(data: Data): Uint8Array | null {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || !bitmap || bitmap.length === 0) return null;
  const n = data.length;
  const nulls = new Uint8Array(n);
  const off = data.offset;
  for (let i = 0; i < n; i++) if ((bitmap[(off + i) >> 3] & (1 << ((off + i) & 7))) === 0) nulls[i] = 1;
  return nulls;
}

export function deserializePage(bytes: Uint8Array): Page {
  return decodeStream(bytes).page;
}

/** The SQL types a serialized page was written with. */
export function serializedPageTypes(bytes: Uint8Array): SqlType[] {
  return decodeStream(bytes).types;
}

function decodeStream(bytes: Uint8Array): { page: Page; types: SqlType[] } {
  const reader = RecordBatchReader.from(bytes);
  const batches = [...reader] as RecordBatch[];
  if (batches.length !== 1)
    throw new TrinoError('PAGE_TRANSPORT_ERROR', `Expected one record batch per page, got ${batches.length}`);
  const batch = batches[0];
  const json = batch.schema.metadata.get(COLUMNS_KEY);
  if (json === undefined)
    throw new TrinoError('PAGE_TRANSPORT_ERROR', 'Serialized page has no column metadata');
  const descriptors = JSON.parse(json) as ColumnDescriptor[];
  const blocks = descriptors.map((d, i) => decodeBlock(d, batch.data.children[i]));
  return { page: makePage(blocks, batch.numRows), types: descriptors.map((d) => d.type) };
}

function decodeBlock(descriptor: ColumnDescriptor, data: Data): Block {
  switch (descriptor.form) {
    case 'number': {
      const values = data.values as Float64Array;
      return numberBlock(
        values.subarray(data.offset, data.offset + data.length),
        validityToNulls(data),
        descriptor.bigintValues === true,
      );
    }
    case 'boolean': {
      const n = data.length;
      const bits = data.values as Uint8Array;
      const out = new Uint8Array(n);
      const off = data.offset;
      for (let i = 0; i < n; i++) out[i] = (bits[(off + i) >> 3] >> ((off + i) & 7)) & 1;
      return booleanBlock(out, validityToNulls(data));
    }
    case 'value':
      return valueBlock(decodeValues(descriptor.type, data));
  }
}

// ---------------------------------------------------------------------------------------------
// Framing of several pages in one body

const FRAME_HEADER = 8;

export function framePages(pages: readonly SerializedPage[]): Buffer {
  let total = 0;
  for (const p of pages) total += FRAME_HEADER + p.bytes.byteLength;
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const p of pages) {
    out.writeUInt32LE(p.bytes.byteLength, at);
    out.writeUInt32LE(p.positionCount, at + 4);
    out.set(p.bytes, at + FRAME_HEADER);
    at += FRAME_HEADER + p.bytes.byteLength;
  }
  return out;
}

/** The pages of a framed body, as views into it (no copy when the body is 8-byte aligned). */
export function unframePages(body: Uint8Array): SerializedPage[] {
  const aligned = body.byteOffset % 8 === 0 ? body : body.slice();
  const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  const pages: SerializedPage[] = [];
  let at = 0;
  while (at < aligned.byteLength) {
    if (at + FRAME_HEADER > aligned.byteLength)
      throw new TrinoError('PAGE_TRANSPORT_ERROR', 'Truncated page frame header');
    const length = view.getUint32(at, true);
    const positionCount = view.getUint32(at + 4, true);
    if (at + FRAME_HEADER + length > aligned.byteLength)
      throw new TrinoError('PAGE_TRANSPORT_ERROR', 'Truncated page frame');
    pages.push({ bytes: aligned.subarray(at + FRAME_HEADER, at + FRAME_HEADER + length), positionCount });
    at += FRAME_HEADER + length;
  }
  return pages;
}
