/**
 * The `system` connector: tables whose rows come from the engine's own state (catalogs, nodes,
 * queries), read when a query scans them. The engine supplies the tables; this module only
 * exposes them through the SPI.
 */
import { TrinoError } from '../../../errors';
import { blockFromValues } from '../../../execution/block';
import type { Page } from '../../../execution/page';
import type {
  ColumnHandle,
  ColumnMetadata,
  Connector,
  ConnectorFactory,
  ConnectorPageSource,
  ConnectorSession,
  SchemaTableName,
  TableHandle,
} from '../../spi';

export interface SystemTable {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ColumnMetadata[];
  rows(session: ConnectorSession): unknown[][];
}

export function createSystemConnector(tables: readonly SystemTable[]): Connector {
  const find = (schema: string, table: string) => tables.find((t) => t.schema === schema && t.name === table);
  const tableOf = (handle: TableHandle): SystemTable => {
    const t = find(String(handle.schema), String(handle.table));
    if (!t)
      throw new TrinoError(
        'TABLE_NOT_FOUND',
        `System table ${String(handle.schema)}.${String(handle.table)} not found`,
      );
    return t;
  };
  return {
    coordinatorOnly: true,
    metadata: {
      async listSchemaNames() {
        return [...new Set(tables.map((t) => t.schema))].sort();
      },
      async listTables(_session, schema) {
        return tables
          .filter((t) => schema === undefined || t.schema === schema)
          .map((t): SchemaTableName => ({ schema: t.schema, table: t.name }));
      },
      async getTableHandle(_session, name) {
        return find(name.schema, name.table) ? { schema: name.schema, table: name.table } : undefined;
      },
      async getTableMetadata(_session, handle) {
        const t = tableOf(handle);
        return { name: { schema: t.schema, table: t.name }, columns: t.columns };
      },
      async getColumnHandles(_session, handle) {
        return tableOf(handle).columns.map((c, i): ColumnHandle => ({ name: c.name, index: i }));
      },
    },
    splitManager: {
      async getSplits(_session, handle) {
        return [{ info: { schema: handle.schema ?? null, table: handle.table ?? null } }];
      },
    },
    pageSourceProvider: {
      createPageSource(session, _split, handle, columns): ConnectorPageSource {
        let done = false;
        return {
          completedBytes: 0,
          async nextPage(): Promise<Page | null> {
            if (done) return null;
            done = true;
            const rows = tableOf(handle).rows(session);
            const blocks = columns.map((c) => blockFromValues(rows.map((r) => r[Number(c.index)])));
            return { positionCount: rows.length, blocks };
          },
          async close() {},
        };
      },
    },
  };
}

/** A factory bound to the engine's tables; the catalog manager creates the `system` catalog with it. */
export function systemConnectorFactory(tables: readonly SystemTable[]): ConnectorFactory {
  return { name: 'system', create: () => createSystemConnector(tables) };
}
