/**
 * The JSON the tpch connector hands the engine and gets back: table handles, column handles and
 * split infos. They travel from the coordinator to workers, so every decode checks its input.
 */

import { TrinoError } from '../../../../errors';
import type { ColumnHandle, JsonValue, Split, TableHandle } from '../../../spi';
import type { TpchTableName } from '../index';
import { MAX_SCALE_FACTOR, MIN_SCALE_FACTOR } from './schemas';
import { ROW_NUMBER_COLUMN, findStandardColumn, isTpchTableName } from './tpch-tables';

/**
 * Columns whose values the handle restricts (after applyFilter), by TPC-H column name, each
 * with the sorted list of values it may still take. A column that is absent is unrestricted; an
 * empty list means no row qualifies.
 */
export type TpchConstraint = ReadonlyMap<string, readonly string[]>;

export interface TpchTable {
  readonly schema: string;
  readonly table: TpchTableName;
  readonly scaleFactor: number;
  readonly constraint: TpchConstraint;
}

export interface TpchColumnRef {
  /** The SQL name (`orderkey` or `o_orderkey`, or `row_number`). */
  readonly name: string;
  /** The SQL type as text (`bigint`, `double`, `decimal(12,2)`, `varchar(25)`, …). */
  readonly type: string;
  /** The TPC-H column name (`o_orderkey`), or `row_number`. */
  readonly column: string;
}

export interface TpchSplitInfo {
  readonly table: TpchTableName;
  readonly scaleFactor: number;
  /** 1-based part number, as `generateTpch` takes it. */
  readonly part: number;
  readonly partCount: number;
}

function malformed(what: string, value: unknown): TrinoError {
  return new TrinoError('GENERIC_INTERNAL_ERROR', `Malformed tpch ${what}: ${JSON.stringify(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScaleFactor(value: unknown): value is number {
  return typeof value === 'number' && value >= MIN_SCALE_FACTOR && value <= MAX_SCALE_FACTOR;
}

export function encodeTableHandle(table: TpchTable): TableHandle {
  const handle: Record<string, JsonValue> = {
    schema: table.schema,
    table: table.table,
    scaleFactor: table.scaleFactor,
  };
  if (table.constraint.size > 0) {
    const constraint: Record<string, JsonValue> = {};
    for (const [column, values] of [...table.constraint].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      constraint[column] = [...values];
    }
    handle.constraint = constraint;
  }
  return handle;
}

export function decodeTableHandle(handle: TableHandle): TpchTable {
  const { schema, table, scaleFactor, constraint } = handle as Record<string, unknown>;
  if (
    typeof schema !== 'string' ||
    typeof table !== 'string' ||
    !isTpchTableName(table) ||
    !isScaleFactor(scaleFactor)
  ) {
    throw malformed('table handle', handle);
  }
  const restrictions = new Map<string, readonly string[]>();
  if (constraint !== undefined) {
    if (!isRecord(constraint)) throw malformed('table handle', handle);
    for (const [column, values] of Object.entries(constraint)) {
      if (findStandardColumn(table, column) === undefined) throw malformed('table handle', handle);
      if (!Array.isArray(values) || !values.every((v) => typeof v === 'string'))
        throw malformed('table handle', handle);
      restrictions.set(column, values as string[]);
    }
  }
  return { schema, table, scaleFactor, constraint: restrictions };
}

export function encodeColumnHandle(column: TpchColumnRef): ColumnHandle {
  return { name: column.name, type: column.type, column: column.column };
}

export function decodeColumnHandle(table: TpchTableName, handle: ColumnHandle): TpchColumnRef {
  const { name, type, column } = handle as Record<string, unknown>;
  if (typeof name !== 'string' || typeof type !== 'string' || typeof column !== 'string') {
    throw malformed('column handle', handle);
  }
  if (column !== ROW_NUMBER_COLUMN && findStandardColumn(table, column) === undefined) {
    throw malformed('column handle', handle);
  }
  return { name, type, column };
}

export function encodeSplit(info: TpchSplitInfo): Split {
  return {
    info: { table: info.table, scaleFactor: info.scaleFactor, part: info.part, partCount: info.partCount },
  };
}

export function decodeSplit(split: Split): TpchSplitInfo {
  const info = split.info;
  if (!isRecord(info)) throw malformed('split', info);
  const { table, scaleFactor, part, partCount } = info;
  if (
    typeof table !== 'string' ||
    !isTpchTableName(table) ||
    !isScaleFactor(scaleFactor) ||
    !Number.isSafeInteger(partCount) ||
    !Number.isSafeInteger(part) ||
    (partCount as number) < 1 ||
    (part as number) < 1 ||
    (part as number) > (partCount as number)
  ) {
    throw malformed('split', info);
  }
  return { table, scaleFactor, part: part as number, partCount: partCount as number };
}
