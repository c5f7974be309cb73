/**
 * The JSON that the memory connector hands out and gets back: table, column and insert handles,
 * the fragments page sinks return for finishInsert, and split descriptions. All of it crosses
 * processes (coordinator → worker in task descriptions, worker → coordinator in write results),
 * so it is plain JSON, validated on the way in.
 */
import type { ColumnHandle, InsertHandle, JsonValue, TableHandle } from '../../spi';
import type { SqlType } from '../../../types';
import { TrinoError } from '../../../errors';

/**
 * A table by its id, as in Trino: ids are never reused, so a handle stays valid across renames
 * and a handle to a dropped table can never reach a newer table of the same name. `schema` and
 * `table` are the name when the handle was made, for messages and EXPLAIN.
 */
export type MemoryTableHandle = {
  readonly schema: string;
  readonly table: string;
  readonly id: number;
  /** Set by applyLimit: scans return at most this many rows in total. */
  readonly limit?: number;
};

/** A column by its id within the table: stable across renames, never reused after a drop. */
export type MemoryColumnHandle = {
  readonly name: string;
  /** Display name of the type (for EXPLAIN and errors). */
  readonly type: string;
  readonly id: number;
  /** The SqlType itself; SqlType values are plain JSON objects. */
  readonly sqlType: JsonValue;
};

export type MemoryInsertHandle = {
  readonly tableId: number;
  readonly writeId: number;
  /** Column ids of the blocks of each appended page, in order. */
  readonly columnIds: number[];
  /**
   * Every write id the coordinator still needs (committed data of live tables, and writes in
   * progress), so a worker can drop what dropped, truncated or aborted writes left behind
   * before it stores more ("memory freed by DROP or TRUNCATE is reclaimed at the next write").
   */
  readonly live: number[];
};

/** What one page sink stored on its node: a group of pages, invisible until finishInsert. */
export type MemoryDataFragment = {
  /** The storing connector instance (a worker process), so a reader elsewhere fails clearly. */
  readonly node: string;
  readonly group: number;
  readonly writeId: number;
  readonly rows: number;
  readonly bytes: number;
  readonly pageRows: number[];
  readonly columnIds: number[];
  /** Per column (as columnIds): null count and data size (page-size.ts). */
  readonly nulls: number[];
  readonly dataSizes: number[];
  /** Per column: least and greatest value of a numeric column (null: unknown or all NULL). */
  readonly mins?: (number | null)[];
  readonly maxs?: (number | null)[];
  /**
   * Per column: the distinct strings of a varchar column with few of them (at most
   * MAX_TRACKED_DISTINCT), else null; the count becomes the column's distinct-values statistic.
   */
  readonly distinctStrings?: (string[] | null)[];
};

export type MemorySplitItem = {
  readonly group: number;
  /** Pages [from, to) of the group. */
  readonly from: number;
  readonly to: number;
  /** Read at most this many rows of those pages (a pushed-down limit). */
  readonly limit?: number;
};

export type MemorySplitInfo = {
  readonly node: string;
  readonly tableId: number;
  readonly items: MemorySplitItem[];
};

// ---- validation --------------------------------------------------------------------------------

function bad(what: string, value: unknown): TrinoError {
  return new TrinoError(
    'GENERIC_INTERNAL_ERROR',
    `Invalid memory connector ${what}: ${JSON.stringify(value)}`,
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
function isIntArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every(isInt);
}

export function tableHandle(h: TableHandle): MemoryTableHandle {
  const o = h as Record<string, unknown>;
  if (!isObject(o) || typeof o.schema !== 'string' || typeof o.table !== 'string' || !isInt(o.id)) {
    throw bad('table handle', h);
  }
  if (o.limit !== undefined && !isInt(o.limit)) throw bad('table handle', h);
  return o as MemoryTableHandle;
}

export function columnHandle(h: ColumnHandle): MemoryColumnHandle & { readonly sqlTypeValue: SqlType } {
  const o = h as Record<string, unknown>;
  if (!isObject(o) || typeof o.name !== 'string' || !isInt(o.id) || !isObject(o.sqlType)) {
    throw bad('column handle', h);
  }
  return { ...(o as MemoryColumnHandle), sqlTypeValue: o.sqlType as unknown as SqlType };
}

export function insertHandle(h: InsertHandle): MemoryInsertHandle {
  const o = h as Record<string, unknown>;
  if (
    !isObject(o) ||
    !isInt(o.tableId) ||
    !isInt(o.writeId) ||
    !isIntArray(o.columnIds) ||
    !isIntArray(o.live)
  ) {
    throw bad('insert handle', h);
  }
  return o as MemoryInsertHandle;
}

export function dataFragment(f: JsonValue): MemoryDataFragment {
  const o = f as Record<string, unknown>;
  if (
    !isObject(o) ||
    typeof o.node !== 'string' ||
    !isInt(o.group) ||
    !isInt(o.writeId) ||
    !isInt(o.rows) ||
    !isInt(o.bytes) ||
    !isIntArray(o.pageRows) ||
    !isIntArray(o.columnIds) ||
    !isIntArray(o.nulls) ||
    !isIntArray(o.dataSizes) ||
    o.nulls.length !== o.columnIds.length ||
    o.dataSizes.length !== o.columnIds.length
  ) {
    throw bad('data fragment', f);
  }
  return o as MemoryDataFragment;
}

export function splitInfo(info: JsonValue): MemorySplitInfo {
  const o = info as Record<string, unknown>;
  if (!isObject(o) || typeof o.node !== 'string' || !isInt(o.tableId) || !Array.isArray(o.items)) {
    throw bad('split', info);
  }
  for (const item of o.items as unknown[]) {
    const i = item as Record<string, unknown>;
    if (!isObject(i) || !isInt(i.group) || !isInt(i.from) || !isInt(i.to) || i.from > i.to)
      throw bad('split', info);
    if (i.limit !== undefined && !isInt(i.limit)) throw bad('split', info);
  }
  return o as MemorySplitInfo;
}
