/**
 * What every output format implements (Trino's OutputPrinter): rows arrive in batches as they are
 * fetched, `complete` says whether this batch is the last, and finish() writes any footer.
 */
import type { ClientValue } from '../client-values';

export type Write = (text: string) => void;

export interface OutputPrinter {
  printRows(rows: readonly (readonly ClientValue[])[], complete: boolean): void;
  finish(): void;
}

/** Raw types printed right-aligned in ALIGNED and MARKDOWN. */
export const NUMERIC_TYPES = new Set([
  'tinyint',
  'smallint',
  'integer',
  'bigint',
  'real',
  'double',
  'decimal',
]);
