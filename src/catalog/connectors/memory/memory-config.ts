/**
 * `etc/catalog/<name>.properties` keys of the memory connector (Trino's MemoryConfig), and the
 * data-size syntax they use (airlift's DataSize: `128MB`, `1.5GB`, `512kB`; binary multiples,
 * case-sensitive unit names).
 */
import { availableParallelism } from 'os';
import { TrinoError } from '../../../errors';
import { parseDataSize } from '../../spi';

export { parseDataSize };

export interface MemoryConfig {
  /** Bytes of table data one node may hold (`memory.max-data-per-node`, default 128MB). */
  readonly maxDataPerNode: number;
  /** Splits per node when the engine gives no hint (`memory.splits-per-node`, default: CPU count). */
  readonly splitsPerNode: number;
  /** Accepted for compatibility with Trino catalogs; Tessera has no lazy dynamic filters yet. */
  readonly enableLazyDynamicFiltering: boolean;
}

const DEFAULTS: MemoryConfig = {
  maxDataPerNode: 128 * 2 ** 20,
  splitsPerNode: Math.max(1, availableParallelism()),
  enableLazyDynamicFiltering: true,
};

/** Keys every catalog file may carry that are not the connector's own. */
const IGNORED_KEYS = new Set(['connector.name']);

function invalid(key: string, message: string): TrinoError {
  return new TrinoError('CONFIGURATION_INVALID', `Invalid configuration property ${key}: ${message}`);
}

/** Reads the connector's keys; an unknown key fails as Trino's bootstrap does. */
export function parseMemoryConfig(config: Readonly<Record<string, string>>): MemoryConfig {
  let { maxDataPerNode, splitsPerNode, enableLazyDynamicFiltering } = DEFAULTS;
  for (const [key, raw] of Object.entries(config)) {
    const value = raw.trim();
    switch (key) {
      case 'memory.max-data-per-node':
        try {
          maxDataPerNode = parseDataSize(value);
        } catch (e) {
          throw invalid(key, (e as Error).message);
        }
        break;
      case 'memory.splits-per-node': {
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(n) || n < 1) throw invalid(key, `must be a positive integer: ${raw}`);
        splitsPerNode = n;
        break;
      }
      case 'memory.enable-lazy-dynamic-filtering':
        if (value !== 'true' && value !== 'false') throw invalid(key, `must be true or false: ${raw}`);
        enableLazyDynamicFiltering = value === 'true';
        break;
      default:
        if (!IGNORED_KEYS.has(key)) {
          throw new TrinoError('CONFIGURATION_INVALID', `Configuration property '${key}' was not used`);
        }
    }
  }
  return { maxDataPerNode, splitsPerNode, enableLazyDynamicFiltering };
}
