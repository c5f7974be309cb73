/**
 * CatalogManager: the catalogs of a node, by name, each backed by a connector created from its
 * properties (etc/catalog/<name>.properties: `connector.name=…` plus the connector's keys).
 */
import { TrinoError } from '../errors';
import type { Connector, ConnectorFactory } from './spi';

export interface Catalog {
  readonly name: string;
  readonly connectorName: string;
  readonly connector: Connector;
  readonly properties: Readonly<Record<string, string>>;
}

export class CatalogManager {
  private readonly factories = new Map<string, ConnectorFactory>();
  private readonly catalogs = new Map<string, Catalog>();

  registerFactory(factory: ConnectorFactory): void {
    this.factories.set(factory.name, factory);
  }

  /** Creates a catalog from its properties; `connector.name` picks the factory. */
  createCatalog(name: string, properties: Readonly<Record<string, string>>): Catalog {
    if (this.catalogs.has(name)) throw new TrinoError('ALREADY_EXISTS', `Catalog '${name}' already exists`);
    const connectorName = properties['connector.name'];
    if (!connectorName)
      throw new TrinoError('CONFIGURATION_INVALID', `Catalog '${name}' has no connector.name property`);
    const factory = this.factories.get(connectorName);
    if (!factory)
      throw new TrinoError('CONFIGURATION_INVALID', `No factory for connector '${connectorName}'`);
    const config: Record<string, string> = {};
    for (const [k, v] of Object.entries(properties)) if (k !== 'connector.name') config[k] = v;
    const catalog: Catalog = {
      name,
      connectorName,
      connector: factory.create(name, config),
      properties: config,
    };
    this.catalogs.set(name, catalog);
    return catalog;
  }

  async dropCatalog(name: string): Promise<void> {
    const catalog = this.catalogs.get(name);
    if (!catalog) throw new TrinoError('CATALOG_NOT_FOUND', `Catalog '${name}' not found`);
    this.catalogs.delete(name);
    await catalog.connector.shutdown?.();
  }

  getCatalog(name: string): Catalog | undefined {
    return this.catalogs.get(name);
  }

  listCatalogs(): Catalog[] {
    return [...this.catalogs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async shutdown(): Promise<void> {
    for (const c of this.catalogs.values()) await c.connector.shutdown?.();
    this.catalogs.clear();
  }
}

/** Parses Java-style .properties text (`key=value`, `key: value`, `#`/`!` comments). */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
    if (!m) throw new TrinoError('CONFIGURATION_INVALID', `Invalid property line: ${line}`);
    out[m[1]] = m[2];
  }
  return out;
}
