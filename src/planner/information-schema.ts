/**
 * information_schema, present in every catalog: schemata, tables, columns and views, computed from
 * connector metadata when a query reads them (Trino's InformationSchemaMetadata, without
 * predicate pushdown).
 */
import { TrinoError } from '../errors';
import type { NodeLocation } from '../sql';
import { BIGINT, VARCHAR, formatType, type SqlType } from '../types';
import type { Metadata } from './metadata';
import type { Session } from './session';

export const INFORMATION_SCHEMA = 'information_schema';

interface InformationSchemaTable {
  readonly columns: readonly { readonly name: string; readonly type: SqlType }[];
  rows(metadata: Metadata, session: Session, catalog: string): Promise<unknown[][]>;
}

const v = (name: string) => ({ name, type: VARCHAR });

async function schemas(metadata: Metadata, session: Session, catalog: string): Promise<string[]> {
  const md = metadata.connectorMetadata(catalog);
  const names = await md.listSchemaNames(metadata.connectorSession(session, catalog));
  return [...new Set([...names, INFORMATION_SCHEMA])].sort();
}

const TABLES: Record<string, InformationSchemaTable> = {
  schemata: {
    columns: [v('catalog_name'), v('schema_name')],
    rows: async (metadata, session, catalog) =>
      (await schemas(metadata, session, catalog)).map((s) => [catalog, s]),
  },
  tables: {
    columns: [v('table_catalog'), v('table_schema'), v('table_name'), v('table_type'), v('table_comment')],
    rows: async (metadata, session, catalog) => {
      const md = metadata.connectorMetadata(catalog);
      const cs = metadata.connectorSession(session, catalog);
      const views = new Set(
        (md.listViews ? await md.listViews(cs) : []).map((t) => `${t.schema}.${t.table}`),
      );
      const rows: unknown[][] = (await md.listTables(cs)).map((t) => [
        catalog,
        t.schema,
        t.table,
        views.has(`${t.schema}.${t.table}`) ? 'VIEW' : 'BASE TABLE',
        null,
      ]);
      for (const name of Object.keys(TABLES))
        rows.push([catalog, INFORMATION_SCHEMA, name, 'BASE TABLE', null]);
      return rows.sort((a, b) => compare(`${a[1]}.${a[2]}`, `${b[1]}.${b[2]}`));
    },
  },
  columns: {
    columns: [
      v('table_catalog'),
      v('table_schema'),
      v('table_name'),
      v('column_name'),
      { name: 'ordinal_position', type: BIGINT },
      v('column_default'),
      v('is_nullable'),
      v('data_type'),
      v('comment'),
    ],
    rows: async (metadata, session, catalog) => {
      const md = metadata.connectorMetadata(catalog);
      const cs = metadata.connectorSession(session, catalog);
      const rows: unknown[][] = [];
      for (const t of await md.listTables(cs)) {
        const handle = await md.getTableHandle(cs, t);
        let columns: readonly {
          name: string;
          type: SqlType;
          nullable?: boolean;
          hidden?: boolean;
          comment?: string;
        }[];
        if (handle) columns = (await md.getTableMetadata(cs, handle)).columns;
        else if (md.getView) columns = (await md.getView(cs, t))?.columns ?? [];
        else continue;
        let ordinal = 0;
        for (const c of columns) {
          if (c.hidden) continue;
          rows.push([
            catalog,
            t.schema,
            t.table,
            c.name,
            ++ordinal,
            null,
            c.nullable === false ? 'NO' : 'YES',
            formatType(c.type),
            c.comment ?? null,
          ]);
        }
      }
      for (const [name, table] of Object.entries(TABLES)) {
        table.columns.forEach((c, i) =>
          rows.push([
            catalog,
            INFORMATION_SCHEMA,
            name,
            c.name,
            i + 1,
            null,
            'YES',
            formatType(c.type),
            null,
          ]),
        );
      }
      return rows;
    },
  },
  views: {
    columns: [v('table_catalog'), v('table_schema'), v('table_name'), v('view_definition')],
    rows: async (metadata, session, catalog) => {
      const md = metadata.connectorMetadata(catalog);
      const cs = metadata.connectorSession(session, catalog);
      if (!md.listViews || !md.getView) return [];
      const rows: unknown[][] = [];
      for (const t of await md.listViews(cs)) {
        const view = await md.getView(cs, t);
        if (view) rows.push([catalog, t.schema, t.table, view.originalSql]);
      }
      return rows;
    },
  },
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function informationSchemaTableNames(): string[] {
  return Object.keys(TABLES).sort();
}

export async function readInformationSchema(
  metadata: Metadata,
  session: Session,
  catalog: string,
  table: string,
  loc?: NodeLocation,
) {
  metadata.connectorMetadata(catalog, loc);
  const t = TABLES[table];
  if (!t)
    throw new TrinoError(
      'TABLE_NOT_FOUND',
      `Table '${catalog}.${INFORMATION_SCHEMA}.${table}' does not exist`,
      loc,
    );
  return { columns: t.columns, rows: await t.rows(metadata, session, catalog) };
}
