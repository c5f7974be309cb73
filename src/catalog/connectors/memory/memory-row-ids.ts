/**
 * Row ids of the memory connector, for DELETE … WHERE and UPDATE: a hidden `$row_id` column whose
 * value names a row by its place in the store, `group:page:position`. A rewrite replaces the
 * affected groups, so ids read before a change do not name rows after it.
 */
import { VARCHAR } from '../../../types';

export const ROW_ID_COLUMN_NAME = '$row_id';
/** Above any id `nextColumnId` hands out. */
export const ROW_ID_COLUMN_ID = 2 ** 31;
export const ROW_ID_TYPE = VARCHAR;

export function rowId(group: number, page: number, position: number): string {
  return `${group}:${page}:${position}`;
}

/** The group a row id belongs to, or undefined for a value that is not a row id. */
export function rowIdGroup(id: unknown): number | undefined {
  if (typeof id !== 'string') return undefined;
  const group = Number(id.slice(0, id.indexOf(':')));
  return Number.isSafeInteger(group) ? group : undefined;
}
