/**
 * The `tpch` catalog's configuration: the keys of Trino's TpchConfig, parsed and checked once
 * when the catalog is created. A bad value, an unknown key or a key Trino has retired fails the
 * catalog with CONFIGURATION_INVALID (Trino's configuration layer refuses the same things).
 */

import { availableParallelism } from 'os';
import { TrinoError } from '../../../../errors';

export type ColumnNaming = 'SIMPLIFIED' | 'STANDARD';
export type DoubleTypeMapping = 'DOUBLE' | 'DECIMAL';

export interface TpchConfig {
  /** `tpch.column-naming`: `orderkey` (SIMPLIFIED, the default) or `o_orderkey` (STANDARD). */
  readonly columnNaming: ColumnNaming;
  /** `tpch.double-type-mapping`: money and quantities as DOUBLE (default) or DECIMAL(12,2). */
  readonly doubleTypeMapping: DoubleTypeMapping;
  /** `tpch.max-rows-per-page` (default 1,000,000). */
  readonly maxRowsPerPage: number;
  /**
   * `tpch.splits-per-node` (default: this machine's processors). The engine multiplies it by the
   * number of workers when it asks for splits; see TpchSplitManager.
   */
  readonly splitsPerNode: number;
  /** True when `tpch.splits-per-node` was set in the catalog file. */
  readonly splitsPerNodeConfigured: boolean;
  /** `tpch.partitioning-enabled` (default true). Accepted; the SPI has no table partitioning yet. */
  readonly partitioningEnabled: boolean;
  /** `tpch.predicate-pushdown-enabled` (default true): applyFilter and filtered statistics. */
  readonly predicatePushdownEnabled: boolean;
}

export const COLUMN_NAMING_PROPERTY = 'tpch.column-naming';
export const DOUBLE_TYPE_MAPPING_PROPERTY = 'tpch.double-type-mapping';
export const MAX_ROWS_PER_PAGE_PROPERTY = 'tpch.max-rows-per-page';
export const SPLITS_PER_NODE_PROPERTY = 'tpch.splits-per-node';
export const PARTITIONING_ENABLED_PROPERTY = 'tpch.partitioning-enabled';
export const PREDICATE_PUSHDOWN_ENABLED_PROPERTY = 'tpch.predicate-pushdown-enabled';
const TABLE_SCAN_REDIRECTION_CATALOG_PROPERTY = 'tpch.table-scan-redirection-catalog';
const TABLE_SCAN_REDIRECTION_SCHEMA_PROPERTY = 'tpch.table-scan-redirection-schema';
/** Removed from Trino (`@DefunctConfig`): setting it is an error there too. */
const DEFUNCT_PROPERTIES = ['tpch.produce-pages'];
/** Keys the engine itself reads from a catalog file and may pass along. */
const ENGINE_PROPERTIES = ['connector.name'];

const DEFAULT_MAX_ROWS_PER_PAGE = 1_000_000;

function invalid(message: string): TrinoError {
  return new TrinoError('CONFIGURATION_INVALID', message);
}

function parseEnum<T extends string>(
  config: Readonly<Record<string, string>>,
  key: string,
  values: readonly T[],
  fallback: T,
): T {
  const raw = config[key];
  if (raw === undefined) return fallback;
  const value = raw.trim().toUpperCase();
  const match = values.find((v) => v === value);
  if (match === undefined) {
    throw invalid(`Invalid value '${raw}' for property '${key}': expected one of ${values.join(', ')}`);
  }
  return match;
}

function parsePositiveInt(config: Readonly<Record<string, string>>, key: string, fallback: number): number {
  const raw = config[key];
  if (raw === undefined) return fallback;
  const text = raw.trim();
  const value = Number(text);
  if (!/^[+]?\d+$/.test(text) || !Number.isSafeInteger(value) || value > 2147483647) {
    throw invalid(`Invalid value '${raw}' for property '${key}': expected an integer`);
  }
  if (value < 1) throw invalid(`Invalid value '${raw}' for property '${key}': must be at least 1`);
  return value;
}

function parseBoolean(config: Readonly<Record<string, string>>, key: string, fallback: boolean): boolean {
  const raw = config[key];
  if (raw === undefined) return fallback;
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalid(`Invalid value '${raw}' for property '${key}': expected true or false`);
}

/** Parses a catalog's properties (everything of `etc/catalog/<name>.properties`). */
export function parseTpchConfig(config: Readonly<Record<string, string>>): TpchConfig {
  const known = new Set<string>([
    COLUMN_NAMING_PROPERTY,
    DOUBLE_TYPE_MAPPING_PROPERTY,
    MAX_ROWS_PER_PAGE_PROPERTY,
    SPLITS_PER_NODE_PROPERTY,
    PARTITIONING_ENABLED_PROPERTY,
    PREDICATE_PUSHDOWN_ENABLED_PROPERTY,
    ...ENGINE_PROPERTIES,
  ]);
  for (const key of Object.keys(config)) {
    if (DEFUNCT_PROPERTIES.includes(key)) {
      throw invalid(`Defunct property '${key}' of the tpch connector cannot be configured`);
    }
    if (key === TABLE_SCAN_REDIRECTION_CATALOG_PROPERTY || key === TABLE_SCAN_REDIRECTION_SCHEMA_PROPERTY) {
      throw invalid(`Property '${key}' is not supported: Tessera has no table scan redirection`);
    }
    if (!known.has(key))
      throw invalid(`Configuration property '${key}' was not used (unknown to the tpch connector)`);
  }
  const splitsPerNodeConfigured = config[SPLITS_PER_NODE_PROPERTY] !== undefined;
  return {
    columnNaming: parseEnum(
      config,
      COLUMN_NAMING_PROPERTY,
      ['SIMPLIFIED', 'STANDARD'] as const,
      'SIMPLIFIED',
    ),
    doubleTypeMapping: parseEnum(
      config,
      DOUBLE_TYPE_MAPPING_PROPERTY,
      ['DOUBLE', 'DECIMAL'] as const,
      'DOUBLE',
    ),
    maxRowsPerPage: parsePositiveInt(config, MAX_ROWS_PER_PAGE_PROPERTY, DEFAULT_MAX_ROWS_PER_PAGE),
    splitsPerNode: parsePositiveInt(config, SPLITS_PER_NODE_PROPERTY, Math.max(1, availableParallelism())),
    splitsPerNodeConfigured,
    partitioningEnabled: parseBoolean(config, PARTITIONING_ENABLED_PROPERTY, true),
    predicatePushdownEnabled: parseBoolean(config, PREDICATE_PUSHDOWN_ENABLED_PROPERTY, true),
  };
}
