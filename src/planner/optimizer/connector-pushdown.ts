/**
 * What the connector pushdown rules need from the catalogs: the SPI's applyFilter / applyLimit /
 * applyProjection for
 * a scan's catalog, bound to the query's session. The engine implements it over its catalog
 * manager, so the rules stay free of connectors and sessions.
 */
import type {
  ColumnHandle,
  FilterApplicationResult,
  ProjectionApplicationResult,
  LimitApplicationResult,
  TableHandle,
  TableStatistics,
  TupleDomain,
} from '../../catalog/spi';
import { TrinoError } from '../../errors';
import type { Metadata } from '../metadata';
import type { Session } from '../session';

export interface ConnectorPushdown {
  applyFilter(
    catalog: string,
    table: TableHandle,
    constraint: TupleDomain,
  ): Promise<FilterApplicationResult | undefined>;
  applyLimit(catalog: string, table: TableHandle, limit: number): Promise<LimitApplicationResult | undefined>;
  applyProjection(
    catalog: string,
    table: TableHandle,
    columns: readonly ColumnHandle[],
  ): Promise<ProjectionApplicationResult | undefined>;
  /** Statistics of a (possibly filtered) table handle, for the join distribution choice. */
  statistics(catalog: string, table: TableHandle): Promise<TableStatistics | undefined>;
}

/** The pushdown calls over the engine's catalogs, in the query's session. */
export function metadataPushdown(metadata: Metadata, session: Session): ConnectorPushdown {
  const connector = (catalog: string) => {
    const c = metadata.catalogs.getCatalog(catalog);
    if (!c) throw new TrinoError('CATALOG_NOT_FOUND', `Catalog '${catalog}' not found`);
    return { md: c.connector.metadata, cs: metadata.connectorSession(session, catalog) };
  };
  return {
    async applyFilter(catalog, table, constraint) {
      const { md, cs } = connector(catalog);
      return md.applyFilter ? md.applyFilter(cs, table, constraint) : undefined;
    },
    async applyLimit(catalog, table, limit) {
      const { md, cs } = connector(catalog);
      return md.applyLimit ? md.applyLimit(cs, table, limit) : undefined;
    },
    async applyProjection(catalog, table, columns) {
      const { md, cs } = connector(catalog);
      return md.applyProjection ? md.applyProjection(cs, table, columns) : undefined;
    },
    async statistics(catalog, table) {
      const { md, cs } = connector(catalog);
      return md.getTableStatistics ? md.getTableStatistics(cs, table) : undefined;
    },
  };
}
