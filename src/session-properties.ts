/**
 * System session properties (`SET SESSION name = value`), with Trino's names, types and checks.
 * Only properties the engine honours are listed.
 */
import { parseDataSize } from './data-size';
import { parseDuration } from './duration';
import { TrinoError } from './errors';

export interface SessionPropertyDefinition {
  readonly name: string;
  readonly type: 'varchar' | 'bigint' | 'boolean';
  readonly defaultValue: string;
  readonly description: string;
  /** Throws INVALID_SESSION_PROPERTY for a bad value. */
  validate(value: string): void;
}

const dataSize = (name: string) => (value: string) => {
  try {
    parseDataSize(value);
  } catch (e) {
    throw new TrinoError('INVALID_SESSION_PROPERTY', `${name} is invalid: ${(e as Error).message}`);
  }
};

const duration = (name: string) => (value: string) => {
  try {
    parseDuration(value);
  } catch (e) {
    throw new TrinoError('INVALID_SESSION_PROPERTY', `${name} is invalid: ${(e as Error).message}`);
  }
};

export const SYSTEM_SESSION_PROPERTIES: readonly SessionPropertyDefinition[] = [
  {
    name: 'query_max_memory_per_node',
    type: 'varchar',
    defaultValue: '2GB',
    description: 'Maximum amount of memory a query can use on one node',
    validate: dataSize('query_max_memory_per_node'),
  },
  {
    name: 'query_max_execution_time',
    type: 'varchar',
    defaultValue: '100.00d',
    description: 'Maximum execution time of a query',
    validate: duration('query_max_execution_time'),
  },
  {
    name: 'max_recursion_depth',
    type: 'bigint',
    defaultValue: '10',
    description: 'Maximum recursion depth for recursive common table expression',
    validate: (value: string) => {
      if (!/^-?\d+$/.test(value.trim()))
        throw new TrinoError('INVALID_SESSION_PROPERTY', `max_recursion_depth is invalid: ${value}`);
      if (Number(value) < 1)
        throw new TrinoError(
          'INVALID_SESSION_PROPERTY',
          'max_recursion_depth must be equal or greater than 1',
        );
    },
  },
  // distribution (scheduler/, planner/optimizer/add-exchanges.ts)
  {
    name: 'hash_partition_count',
    type: 'bigint',
    // One: every task of the in-process scheduler shares this JavaScript thread, so more tasks per stage
    // only add exchange work and copies of broadcast build sides (measured on TPC-H sf1).
    defaultValue: '1',
    description: 'Number of partitions (tasks) for distributed joins and aggregations',
    validate: (value) => {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1000)
        throw new TrinoError(
          'INVALID_SESSION_PROPERTY',
          `hash_partition_count must be between 1 and 1000: ${value}`,
        );
    },
  },
  {
    name: 'join_distribution_type',
    type: 'varchar',
    defaultValue: 'AUTOMATIC',
    description: 'Join distribution type (AUTOMATIC, BROADCAST, PARTITIONED)',
    validate: (value) => {
      if (!['AUTOMATIC', 'BROADCAST', 'PARTITIONED'].includes(value.toUpperCase()))
        throw new TrinoError(
          'INVALID_SESSION_PROPERTY',
          `Invalid value [${value}]. Valid values: [AUTOMATIC, BROADCAST, PARTITIONED]`,
        );
    },
  },
  {
    name: 'join_max_broadcast_table_size',
    type: 'varchar',
    defaultValue: '100MB',
    description:
      'Maximum estimated size of a table that can be broadcast when using automatic join type selection',
    validate: dataSize('join_max_broadcast_table_size'),
  },
];

export function sessionProperty(name: string): SessionPropertyDefinition {
  const p = SYSTEM_SESSION_PROPERTIES.find((d) => d.name === name);
  if (!p) throw new TrinoError('INVALID_SESSION_PROPERTY', `Session property '${name}' does not exist`);
  return p;
}

/** The property's value for a session, or its default. */
export function sessionValue(properties: Readonly<Record<string, string>>, name: string): string {
  return properties[name] ?? sessionProperty(name).defaultValue;
}

/**
 * Checks properties that arrived with a request (the client protocol's X-Trino-Session header), as
 * Trino does when the query starts: an unknown name or a bad value fails the query.
 */
export function validateSessionProperties(
  system: Readonly<Record<string, string>>,
  catalogs: Readonly<Record<string, Readonly<Record<string, string>>>>,
): void {
  for (const [name, value] of Object.entries(system)) {
    const p = SYSTEM_SESSION_PROPERTIES.find((d) => d.name === name);
    if (!p) throw new TrinoError('INVALID_SESSION_PROPERTY', `Unknown session property ${name}`);
    p.validate(value);
  }
  // no connector declares session properties yet
  for (const [catalog, properties] of Object.entries(catalogs))
    for (const name of Object.keys(properties))
      throw new TrinoError('INVALID_SESSION_PROPERTY', `Unknown session property ${catalog}.${name}`);
}
