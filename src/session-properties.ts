/**
 * System session properties (`SET SESSION name = value`), with Trino's names, types and checks.
 * Only properties the engine honours are listed.
 */
import { parseDataSize } from './data-size';
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

export const SYSTEM_SESSION_PROPERTIES: readonly SessionPropertyDefinition[] = [
  {
    name: 'query_max_memory_per_node',
    type: 'varchar',
    defaultValue: '2GB',
    description: 'Maximum amount of memory a query can use on one node',
    validate: dataSize('query_max_memory_per_node'),
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
