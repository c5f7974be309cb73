/**
 * The memory connector's own error codes (Trino's MemoryErrorCode): connector codes live in the
 * 0x0502_0000 block that Trino reserves for plugin/trino-memory, and both are EXTERNAL.
 */
import type { ErrorCode } from '../../../errors';

/** A split names data that this process does not hold (its worker restarted, or it ran elsewhere). */
export const MISSING_DATA: ErrorCode = Object.freeze({
  name: 'MISSING_DATA',
  code: 0x0502_0000,
  type: 'EXTERNAL',
});

/** Committing a write would take the node's tables past `memory.max-data-per-node`. */
export const MEMORY_LIMIT_EXCEEDED: ErrorCode = Object.freeze({
  name: 'MEMORY_LIMIT_EXCEEDED',
  code: 0x0502_0001,
  type: 'EXTERNAL',
});
