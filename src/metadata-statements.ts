/**
 * Metadata-only statements (SHOW CATALOGS / SCHEMAS / TABLES / COLUMNS, DESCRIBE): answered from
 * connector metadata without running a query, with Trino's column names and ordering.
 */
import { listAggregateAndWindowFunctions } from './planner/aggregate-listing';
import { TrinoError } from './errors';
import { likeMatcher } from './execution/kernels';
import type { QueryResult } from './local-engine';
import type { Metadata } from './planner/metadata';
import type { Session } from './planner/session';
import type { LikeFilter, Statement } from './sql';
import { formatType } from './types';
import { listScalarFunctions } from './functions/registry';
import { catalogOrSession, formatObjectName } from './planner/metadata';
import { INFORMATION_SCHEMA, informationSchemaTableNames } from './planner/information-schema';

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function filterLike(names: string[], like: LikeFilter | undefined): string[] {
  if (!like) return names;
  const re = likeMatcher(like.pattern, like.escape);
  return names.filter((n) => re.test(n));
}

const varcharColumns = (...names: string[]) => names.map((name) => ({ name, type: 'varchar' }));

export async function executeMetadataStatement(
  statement: Statement,
  session: Session,
  metadata: Metadata,
): Promise<QueryResult | undefined> {
  switch (statement.kind) {
    case 'ShowCatalogs': {
      const names = filterLike(
        metadata.catalogs.listCatalogs().map((c) => c.name),
        statement.like,
      );
      return { columns: varcharColumns('Catalog'), rows: names.sort(byCodePoint).map((n) => [n]) };
    }
    case 'ShowSchemas': {
      const catalog = catalogOrSession(session, statement.catalog?.value.toLowerCase(), statement.loc);
      const md = metadata.connectorMetadata(catalog, statement.catalog?.loc ?? statement.loc);
      const schemas = await md.listSchemaNames(metadata.connectorSession(session, catalog));
      const names = filterLike([...new Set([...schemas, 'information_schema'])], statement.like);
      return { columns: varcharColumns('Schema'), rows: names.sort(byCodePoint).map((n) => [n]) };
    }
    case 'ShowTables': {
      const parts = statement.schema?.parts.map((p) => p.value.toLowerCase()) ?? [];
      const catalog = catalogOrSession(session, parts.length === 2 ? parts[0] : undefined, statement.loc);
      const schema = parts.length >= 1 ? parts[parts.length - 1] : session.schema;
      if (!schema)
        throw new TrinoError(
          'MISSING_SCHEMA_NAME',
          'Schema must be specified when session schema is not set',
          statement.loc,
        );
      if (schema === INFORMATION_SCHEMA) {
        metadata.connectorMetadata(catalog, statement.loc);
        const names = filterLike(informationSchemaTableNames(), statement.like);
        return { columns: varcharColumns('Table'), rows: names.map((n) => [n]) };
      }
      if (!(await metadata.schemaExists(session, catalog, schema))) {
        throw new TrinoError(
          'SCHEMA_NOT_FOUND',
          `Schema '${schema}' does not exist`,
          statement.schema?.loc ?? statement.loc,
        );
      }
      const md = metadata.connectorMetadata(catalog);
      const tables = await md.listTables(metadata.connectorSession(session, catalog), schema);
      const names = filterLike(
        tables.map((t) => t.table),
        statement.like,
      );
      return { columns: varcharColumns('Table'), rows: names.sort(byCodePoint).map((n) => [n]) };
    }
    case 'ShowColumns': {
      const name = metadata.qualify(
        session,
        statement.table.parts.map((p) => p.value.toLowerCase()),
        statement.table.loc,
      );
      const table = await metadata.resolveTable(session, name, statement.table.loc);
      const visible = table.columns.filter(
        (c) =>
          !c.hidden &&
          (!statement.like || likeMatcher(statement.like.pattern, statement.like.escape).test(c.name)),
      );
      return {
        columns: varcharColumns('Column', 'Type', 'Extra', 'Comment'),
        rows: visible.map((c) => [c.name, formatType(c.type), c.extraInfo ?? '', c.comment ?? '']),
      };
    }
    case 'ShowFunctions': {
      const like = statement.like;
      const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
      const all = [...listScalarFunctions(), ...listAggregateAndWindowFunctions()]
        .filter((f) => !like || likeMatcher(like.pattern, like.escape).test(f.name))
        .sort((a, b) => cmp(a.name, b.name) || cmp(a.argumentTypes, b.argumentTypes));
      return {
        columns: [
          ...varcharColumns('Function', 'Return Type', 'Argument Types', 'Function Type'),
          { name: 'Deterministic', type: 'boolean' },
          ...varcharColumns('Description'),
        ],
        rows: all.map((f) => [
          f.name,
          f.returnType,
          f.argumentTypes,
          f.functionType,
          f.deterministic,
          f.description,
        ]),
      };
    }
    case 'ShowCreate': {
      const name = metadata.qualify(
        session,
        statement.name.parts.map((p) => p.value.toLowerCase()),
        statement.name.loc,
      );
      if (statement.type === 'VIEW') {
        const view = await metadata.getView(session, name);
        if (!view)
          throw new TrinoError(
            'TABLE_NOT_FOUND',
            `View '${formatObjectName(name)}' does not exist`,
            statement.name.loc,
          );
        return {
          columns: varcharColumns('Create View'),
          rows: [[`CREATE VIEW ${formatObjectName(name)} SECURITY DEFINER AS\n${view.originalSql}`]],
        };
      }
      if (statement.type !== 'TABLE')
        throw new TrinoError(
          'NOT_SUPPORTED',
          `SHOW CREATE ${statement.type} is not supported yet`,
          statement.loc,
        );
      const table = await metadata.resolveTable(session, name, statement.name.loc);
      const columns = table.columns
        .filter((c) => !c.hidden)
        .map(
          (c) =>
            `   ${quote(c.name)} ${formatType(c.type)}${c.nullable === false ? ' NOT NULL' : ''}${c.comment ? ` COMMENT '${c.comment.replace(/'/g, "''")}'` : ''}`,
        );
      return {
        columns: varcharColumns('Create Table'),
        rows: [[`CREATE TABLE ${formatObjectName(name)} (\n${columns.join(',\n')}\n)`]],
      };
    }
  }
  return undefined;
}

/** Trino quotes a column name in SHOW CREATE TABLE only when it needs quotes. */
function quote(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
