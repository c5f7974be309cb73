/**
 * Per-query memory accounting on one node: operators that hold data (hash tables, sort and
 * window buffers, join build sides) reserve bytes here, and crossing the limit
 * (`query.max-memory-per-node`) fails the query with EXCEEDED_LOCAL_MEMORY_LIMIT, worded as
 * Trino words it. The sizes are estimates of what the JavaScript objects hold.
 */
import { formatDataSize } from '../data-size';
import { TrinoError } from '../errors';
import type { Block } from './block';
import type { Page } from './page';

export class QueryMemoryContext {
  private reserved = 0;
  private readonly byOperator = new Map<string, number>();

  constructor(readonly limit: number) {}

  get reservedBytes(): number {
    return this.reserved;
  }

  reserve(operator: string, bytes: number): void {
    if (bytes <= 0) return;
    this.reserved += bytes;
    this.byOperator.set(operator, (this.byOperator.get(operator) ?? 0) + bytes);
    if (this.reserved > this.limit) {
      const top = [...this.byOperator.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, n]) => `${name}=${formatDataSize(n)}`)
        .join(', ');
      throw new TrinoError(
        'EXCEEDED_LOCAL_MEMORY_LIMIT',
        `Query exceeded per-node memory limit of ${formatDataSize(this.limit)} [Allocated: ${formatDataSize(this.reserved)}, Delta: ${formatDataSize(bytes)}, Top Consumers: {${top}}]`,
      );
    }
  }

  free(operator: string, bytes: number): void {
    this.reserved = Math.max(0, this.reserved - bytes);
    this.byOperator.set(operator, Math.max(0, (this.byOperator.get(operator) ?? 0) - bytes));
  }
}

/** Estimated bytes a block holds. */
export function blockBytes(block: Block): number {
  switch (block.kind) {
    case 'number':
      return block.values.byteLength + (block.nulls ? block.nulls.byteLength : 0);
    case 'boolean':
      return block.values.byteLength + (block.nulls ? block.nulls.byteLength : 0);
    case 'value': {
      let bytes = 8 * block.values.length;
      for (const v of block.values) bytes += valueBytes(v);
      return bytes;
    }
  }
}

function valueBytes(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return 16 + 2 * v.length;
    case 'bigint':
      return 24;
    case 'object':
      return v === null ? 0 : v instanceof Uint8Array ? 64 + v.byteLength : 64;
    default:
      return 8;
  }
}

export function pageBytes(page: Page): number {
  let bytes = 0;
  for (const b of page.blocks) bytes += blockBytes(b);
  return bytes;
}
