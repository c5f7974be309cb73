/** The memory connector: `memoryConnectorFactory` is what the catalog manager registers. */
export { memoryConnectorFactory } from './memory-connector';
export type { MemoryConnector } from './memory-connector';
export { MISSING_DATA, MEMORY_LIMIT_EXCEEDED } from './memory-errors';
export { parseDataSize } from './memory-config';
