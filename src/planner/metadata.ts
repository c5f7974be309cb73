/**
 * Metadata: the planner's view of the catalogs. Resolves qualified table names against the
 * session's catalog and schema with Trino's errors, and wraps connector metadata calls with the
 * connector session.
 */
import type { CatalogManager } from '../catalog/catalog-manager';
import type {
  ColumnHandle,
  ColumnMetadata,
  ConnectorMetadata,
  ConnectorSession,
  TableHandle,
  TableStatistics,
  ViewDefinition,
} from '../catalog/spi';
import { TrinoError } from '../errors';
import type { NodeLocation } from '../sql';
import type { Session } from './session';

export interface QualifiedObjectName {
  readonly catalog: string;
  readonly schema: string;
  readonly name: string;
}

export interface ResolvedTable {
  readonly name: QualifiedObjectName;
  readonly handle: TableHandle;
  readonly columns: readonly ColumnMetadata[];
  readonly columnHandles: readonly ColumnHandle[];
}

export function formatObjectName(n: QualifiedObjectName): string {
  return `${n.catalog}.${n.schema}.${n.name}`;
}

/** The catalog named, else the session's; MISSING_CATALOG_NAME when neither is set. */
export function catalogOrSession(session: Session, catalog: string | undefined, loc?: NodeLocation): string {
  const name = catalog ?? session.catalog;
  if (!name)
    throw new TrinoError(
      'MISSING_CATALOG_NAME',
      'Catalog must be specified when session catalog is not set',
      loc,
    );
  return name;
}

export class Metadata {
  constructor(readonly catalogs: CatalogManager) {}

  connectorSession(session: Session, catalog: string): ConnectorSession {
    return {
      queryId: session.queryId,
      user: session.user,
      timeZone: session.timeZone,
      startTime: session.startTime,
      properties: session.catalogProperties[catalog] ?? {},
    };
  }

  connectorMetadata(catalog: string, loc?: NodeLocation): ConnectorMetadata {
    const c = this.catalogs.getCatalog(catalog);
    if (!c) throw new TrinoError('CATALOG_NOT_FOUND', `Catalog '${catalog}' not found`, loc);
    return c.connector.metadata;
  }

  /** `t`, `s.t` or `c.s.t` → a full name, using the session's catalog and schema. */
  qualify(session: Session, parts: readonly string[], loc?: NodeLocation): QualifiedObjectName {
    if (parts.length > 3)
      throw new TrinoError('SYNTAX_ERROR', `Too many dots in table name: ${parts.join('.')}`, loc);
    const name = parts[parts.length - 1];
    const schema = parts.length >= 2 ? parts[parts.length - 2] : session.schema;
    const catalog = catalogOrSession(session, parts.length === 3 ? parts[0] : undefined, loc);
    if (!schema)
      throw new TrinoError(
        'MISSING_SCHEMA_NAME',
        'Schema must be specified when session schema is not set',
        loc,
      );
    return { catalog, schema, name };
  }

  async schemaExists(session: Session, catalog: string, schema: string): Promise<boolean> {
    const md = this.connectorMetadata(catalog);
    const schemas = await md.listSchemaNames(this.connectorSession(session, catalog));
    return schemas.includes(schema);
  }

  /** The view of that name, if the connector has views and one exists. */
  async getView(session: Session, name: QualifiedObjectName): Promise<ViewDefinition | undefined> {
    const md = this.connectorMetadata(name.catalog);
    if (!md.getView) return undefined;
    return md.getView(this.connectorSession(session, name.catalog), {
      schema: name.schema,
      table: name.name,
    });
  }

  /** The table's connector statistics, if it has any. */
  async tableStatistics(
    session: Session,
    catalog: string,
    table: TableHandle,
  ): Promise<TableStatistics | undefined> {
    const md = this.connectorMetadata(catalog);
    if (!md.getTableStatistics) return undefined;
    return md.getTableStatistics(this.connectorSession(session, catalog), table);
  }

  /** The table's row count from connector statistics, if it has any. */
  async rowCount(session: Session, catalog: string, table: TableHandle): Promise<number | undefined> {
    const md = this.connectorMetadata(catalog);
    if (!md.getTableStatistics) return undefined;
    const stats = await md.getTableStatistics(this.connectorSession(session, catalog), table);
    return stats.rowCount;
  }

  async resolveTable(
    session: Session,
    name: QualifiedObjectName,
    loc?: NodeLocation,
  ): Promise<ResolvedTable> {
    const md = this.connectorMetadata(name.catalog, loc);
    const cs = this.connectorSession(session, name.catalog);
    const handle = await md.getTableHandle(cs, { schema: name.schema, table: name.name });
    if (!handle) {
      if (!(await this.schemaExists(session, name.catalog, name.schema))) {
        throw new TrinoError('SCHEMA_NOT_FOUND', `Schema '${name.schema}' does not exist`, loc);
      }
      throw new TrinoError('TABLE_NOT_FOUND', `Table '${formatObjectName(name)}' does not exist`, loc);
    }
    const table = await md.getTableMetadata(cs, handle);
    const columnHandles = await md.getColumnHandles(cs, handle);
    // the row id column of connectors with row-level changes: hidden, read only by UPDATE/DELETE
    const rowId = md.getRowIdColumn?.(cs, handle);
    if (rowId)
      return {
        name,
        handle,
        columns: [...table.columns, rowId.metadata],
        columnHandles: [...columnHandles, rowId.handle],
      };
    return { name, handle, columns: table.columns, columnHandles };
  }
}
