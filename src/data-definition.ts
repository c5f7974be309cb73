/**
 * Statements that change catalogs: CREATE/DROP SCHEMA, CREATE TABLE (columns or AS query),
 * DROP TABLE, INSERT, TRUNCATE and DELETE (whole table). Queries inside them are planned and run
 * by the engine through `runQuery`; this module talks to connector metadata and page sinks.
 */
import type { ColumnMetadata, InsertHandle, JsonValue } from './catalog/spi';
import { TrinoError } from './errors';
import type { Page } from './execution/page';
import type { PageStream } from './execution/operators/page-stream';
import type { QueryResult } from './local-engine';
import {
  catalogOrSession,
  formatObjectName,
  type Metadata,
  type QualifiedObjectName,
} from './planner/metadata';
import type { Session } from './planner/session';
import type { PlannedQuery } from './planner/query-planner';
import {
  formatDataType,
  formatExpression,
  formatStatement,
  parseStatement,
  type Query,
  type QualifiedName,
  type Statement,
} from './sql';
import { valueAt } from './execution/block';
import { canCoerce, commonSuperType, formatType, parseType, typeEquals, type SqlType } from './types';

export interface QueryRunner {
  plan(query: Query, session: Session): Promise<PlannedQuery>;
  /** Runs a planned query, casting output column i to `castTo[i]` when given. */
  pages(planned: PlannedQuery, session: Session, castTo?: readonly SqlType[]): PageStream;
}

const rowsResult = (count: number, updateType: string): QueryResult => ({
  columns: [{ name: 'rows', type: 'bigint' }],
  rows: [[count]],
  updateCount: count,
  updateType,
});

const done = (updateType: string): QueryResult => ({ columns: [], rows: [], updateType });

function nameOf(metadata: Metadata, session: Session, name: QualifiedName): QualifiedObjectName {
  return metadata.qualify(
    session,
    name.parts.map((p) => p.value.toLowerCase()),
    name.loc,
  );
}

export async function executeDataDefinition(
  statement: Statement,
  session: Session,
  metadata: Metadata,
  runner: QueryRunner,
): Promise<QueryResult | undefined> {
  switch (statement.kind) {
    case 'CreateSchema': {
      const { catalog, schema } = schemaNameOf(session, statement.name);
      if (await metadata.schemaExists(session, catalog, schema)) {
        if (statement.notExists) return done('CREATE SCHEMA');
        throw new TrinoError(
          'SCHEMA_ALREADY_EXISTS',
          `Schema '${catalog}.${schema}' already exists`,
          statement.loc,
        );
      }
      const md = metadata.connectorMetadata(catalog, statement.loc);
      if (!md.createSchema)
        throw new TrinoError(
          'NOT_SUPPORTED',
          'This connector does not support creating schemas',
          statement.loc,
        );
      await md.createSchema(metadata.connectorSession(session, catalog), schema, {});
      return done('CREATE SCHEMA');
    }
    case 'DropSchema': {
      const { catalog, schema } = schemaNameOf(session, statement.name);
      if (!(await metadata.schemaExists(session, catalog, schema))) {
        if (statement.exists) return done('DROP SCHEMA');
        throw new TrinoError(
          'SCHEMA_NOT_FOUND',
          `Schema '${catalog}.${schema}' does not exist`,
          statement.loc,
        );
      }
      const md = metadata.connectorMetadata(catalog, statement.loc);
      if (!md.dropSchema)
        throw new TrinoError(
          'NOT_SUPPORTED',
          'This connector does not support dropping schemas',
          statement.loc,
        );
      await md.dropSchema(metadata.connectorSession(session, catalog), schema, statement.cascade);
      return done('DROP SCHEMA');
    }
    case 'CreateTable': {
      const name = nameOf(metadata, session, statement.name);
      const columns: ColumnMetadata[] = [];
      for (const e of statement.elements) {
        if (e.kind !== 'ColumnDefinition')
          throw new TrinoError(
            'NOT_SUPPORTED',
            `${e.kind === 'LikeClause' ? 'LIKE' : 'Table constraints'} in CREATE TABLE is not supported`,
            e.loc,
          );
        const columnName = e.name.value.toLowerCase();
        if (columns.some((c) => c.name === columnName))
          throw new TrinoError(
            'DUPLICATE_COLUMN_NAME',
            `Column name '${columnName}' specified more than once`,
            e.loc,
          );
        columns.push({
          name: columnName,
          type: typeOf(formatDataType(e.type), e.type.loc),
          nullable: e.nullable,
          ...(e.comment !== undefined ? { comment: e.comment } : {}),
        });
      }
      const created = await createTable(
        metadata,
        session,
        name,
        columns,
        statement.notExists,
        statement.comment,
        statement.loc,
      );
      return created ? done('CREATE TABLE') : done('CREATE TABLE');
    }
    case 'CreateTableAsSelect': {
      const name = nameOf(metadata, session, statement.name);
      const planned = await runner.plan(statement.query, session);
      const names = statement.columnAliases
        ? statement.columnAliases.map((c) => c.value.toLowerCase())
        : planned.columnNames.map((n) => n.toLowerCase());
      if (names.length !== planned.columnTypes.length) {
        throw new TrinoError(
          'MISMATCHED_COLUMN_ALIASES',
          'Column alias list has a different number of columns than the query',
          statement.loc,
        );
      }
      names.forEach((n, i) => {
        if (/^_col\d+$/.test(n) && !statement.columnAliases)
          throw new TrinoError(
            'MISSING_COLUMN_NAME',
            `Column name not specified at position ${i + 1}`,
            statement.query.loc,
          );
      });
      const types = planned.columnTypes.map((t) => (t.kind === 'unknown' ? parseType('varchar') : t));
      const created = await createTable(
        metadata,
        session,
        name,
        names.map((n, i) => ({ name: n, type: types[i] })),
        statement.notExists,
        statement.comment,
        statement.loc,
      );
      if (!created) return rowsResult(0, 'CREATE TABLE');
      if (!statement.withData) return rowsResult(0, 'CREATE TABLE');
      const count = await insertInto(
        metadata,
        session,
        name,
        runner.pages(planned, session, types),
        undefined,
        statement.loc,
      );
      return rowsResult(count, 'CREATE TABLE');
    }
    case 'Insert': {
      const name = nameOf(metadata, session, statement.target);
      const table = await metadata.resolveTable(session, name, statement.target.loc);
      const planned = await runner.plan(statement.query, session);
      const targetColumns = statement.columns
        ? statement.columns.map((c) => c.value.toLowerCase())
        : table.columns.filter((c) => !c.hidden).map((c) => c.name);
      for (const c of targetColumns) {
        if (!table.columns.some((t) => t.name === c))
          throw new TrinoError(
            'COLUMN_NOT_FOUND',
            `Insert column name does not exist in target table: ${c}`,
            statement.loc,
          );
      }
      if (targetColumns.length !== planned.columnTypes.length) {
        throw new TrinoError(
          'TYPE_MISMATCH',
          `Insert query has ${planned.columnTypes.length} columns but table has ${targetColumns.length} columns to insert into`,
          statement.query.loc ?? statement.loc,
        );
      }
      const targetTypes = targetColumns.map((c) => table.columns.find((t) => t.name === c)!.type);
      planned.columnTypes.forEach((t, i) => {
        if (!typeEquals(t, targetTypes[i]) && !insertCompatible(t, targetTypes[i])) {
          throw new TrinoError(
            'TYPE_MISMATCH',
            `Insert query has mismatched column types: Table: [${targetTypes.map(formatType).join(', ')}], Query: [${planned.columnTypes.map(formatType).join(', ')}]`,
            statement.loc,
          );
        }
      });
      const count = await insertInto(
        metadata,
        session,
        name,
        runner.pages(planned, session, targetTypes),
        targetColumns,
        statement.loc,
      );
      return rowsResult(count, 'INSERT');
    }
    case 'CreateView': {
      const name = nameOf(metadata, session, statement.name);
      const md = metadata.connectorMetadata(name.catalog, statement.loc);
      if (!md.createView)
        throw new TrinoError(
          'NOT_SUPPORTED',
          'This connector does not support creating views',
          statement.loc,
        );
      if (!(await metadata.schemaExists(session, name.catalog, name.schema))) {
        throw new TrinoError('SCHEMA_NOT_FOUND', `Schema '${name.schema}' does not exist`, statement.loc);
      }
      const planned = await runner.plan(statement.query, session);
      const names = statement.columns
        ? statement.columns.map((c) => c.value.toLowerCase())
        : planned.columnNames;
      if (names.length !== planned.columnTypes.length) {
        throw new TrinoError(
          'MISMATCHED_COLUMN_ALIASES',
          'Column alias list has a different number of columns than the view query',
          statement.loc,
        );
      }
      await md.createView(
        metadata.connectorSession(session, name.catalog),
        { schema: name.schema, table: name.name },
        {
          originalSql: formatStatement(statement.query),
          ...(session.catalog ? { catalog: session.catalog } : {}),
          ...(session.schema ? { schema: session.schema } : {}),
          columns: names.map((n, i) => ({ name: n, type: planned.columnTypes[i] })),
          ...(statement.comment !== undefined ? { comment: statement.comment } : {}),
          owner: session.user,
        },
        statement.replace,
      );
      return done('CREATE VIEW');
    }
    case 'DropView': {
      const name = nameOf(metadata, session, statement.name);
      const md = metadata.connectorMetadata(name.catalog, statement.loc);
      const view = await metadata.getView(session, name);
      if (!view) {
        if (statement.exists) return done('DROP VIEW');
        throw new TrinoError(
          'TABLE_NOT_FOUND',
          `View '${formatObjectName(name)}' does not exist`,
          statement.name.loc,
        );
      }
      await md.dropView!(metadata.connectorSession(session, name.catalog), {
        schema: name.schema,
        table: name.name,
      });
      return done('DROP VIEW');
    }
    case 'DropTable': {
      const name = nameOf(metadata, session, statement.name);
      const md = metadata.connectorMetadata(name.catalog, statement.loc);
      const cs = metadata.connectorSession(session, name.catalog);
      const handle = await md.getTableHandle(cs, { schema: name.schema, table: name.name });
      if (!handle) {
        if (statement.exists) return done('DROP TABLE');
        throw new TrinoError(
          'TABLE_NOT_FOUND',
          `Table '${formatObjectName(name)}' does not exist`,
          statement.name.loc,
        );
      }
      if (!md.dropTable)
        throw new TrinoError(
          'NOT_SUPPORTED',
          'This connector does not support dropping tables',
          statement.loc,
        );
      await md.dropTable(cs, handle);
      return done('DROP TABLE');
    }
    case 'Truncate':
    case 'Delete': {
      const name = nameOf(metadata, session, statement.table);
      const table = await metadata.resolveTable(session, name, statement.table.loc);
      const md = metadata.connectorMetadata(name.catalog);
      const cs = metadata.connectorSession(session, name.catalog);
      if (statement.kind === 'Delete' && statement.where) {
        if (!md.getRowIdColumn || !md.deleteRowsById)
          throw new TrinoError('NOT_SUPPORTED', 'This connector does not support deletes', statement.loc);
        const rowIdColumn = md.getRowIdColumn(cs, table.handle)?.metadata.name;
        if (!rowIdColumn)
          throw new TrinoError('NOT_SUPPORTED', 'This connector does not support deletes', statement.loc);
        const { rowIds } = await readChangedRows(runner, session, statement, [], rowIdColumn);
        return rowsResult(await md.deleteRowsById(cs, table.handle, rowIds), 'DELETE');
      }
      if (statement.kind === 'Truncate') {
        if (!md.truncateTable)
          throw new TrinoError(
            'NOT_SUPPORTED',
            'This connector does not support truncating tables',
            statement.loc,
          );
        await md.truncateTable(cs, table.handle);
        return done('TRUNCATE TABLE');
      }
      if (!md.deleteRows)
        throw new TrinoError('NOT_SUPPORTED', 'This connector does not support deletes', statement.loc);
      return rowsResult(await md.deleteRows(cs, table.handle, undefined), 'DELETE');
    }
    case 'Update': {
      const name = nameOf(metadata, session, statement.table);
      const table = await metadata.resolveTable(session, name, statement.table.loc);
      const md = metadata.connectorMetadata(name.catalog);
      if (!md.getRowIdColumn || !md.updateRowsById)
        throw new TrinoError('NOT_SUPPORTED', 'This connector does not support updates', statement.loc);
      const cs = metadata.connectorSession(session, name.catalog);
      const rowIdColumn = md.getRowIdColumn(cs, table.handle)?.metadata.name;
      if (!rowIdColumn)
        throw new TrinoError('NOT_SUPPORTED', 'This connector does not support updates', statement.loc);
      const targets = statement.assignments.map((a) => {
        const column = a.name.value.toLowerCase();
        const index = table.columns.findIndex((c) => c.name === column && !c.hidden);
        if (index < 0)
          throw new TrinoError(
            'COLUMN_NOT_FOUND',
            `The UPDATE SET target column ${column} doesn't exist`,
            a.name.loc ?? statement.loc,
          );
        return index;
      });
      const { rowIds, values } = await readChangedRows(
        runner,
        session,
        statement,
        targets.map((i) => table.columns[i].type),
        rowIdColumn,
      );
      const handles = targets.map((i) => table.columnHandles[i]);
      return rowsResult(await md.updateRowsById(cs, table.handle, handles, rowIds, values), 'UPDATE');
    }
  }
  return undefined;
}

/**
 * Finds the rows an UPDATE or DELETE changes with an ordinary query over the target table, so
 * WHERE and SET may hold any expression, subqueries (correlated too) included:
 * `SELECT $row_id, <set values…> FROM t [alias] WHERE <where>`. Returns the row ids and, for
 * UPDATE, the new values cast to the column types.
 */
async function readChangedRows(
  runner: QueryRunner,
  session: Session,
  statement: Extract<Statement, { kind: 'Update' | 'Delete' }>,
  columnTypes: readonly SqlType[],
  rowIdColumn: string,
): Promise<{ rowIds: unknown[]; values: unknown[][] }> {
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const assignments = statement.kind === 'Update' ? statement.assignments : [];
  const alias = statement.kind === 'Delete' && statement.alias ? ` ${quote(statement.alias.value)}` : '';
  const sql =
    `SELECT ${[quote(rowIdColumn), ...assignments.map((a) => formatExpression(a.value))].join(', ')}` +
    ` FROM ${statement.table.parts.map((p) => quote(p.value)).join('.')}${alias}` +
    (statement.where ? ` WHERE ${formatExpression(statement.where)}` : '');
  const query = parseStatement(sql);
  if (query.kind !== 'Query') throw new TrinoError('GENERIC_INTERNAL_ERROR', `Not a query: ${sql}`);
  const planned = await runner.plan(query, session);
  const valueTypes = planned.columnTypes.slice(1);
  valueTypes.forEach((t, i) => {
    if (!typeEquals(t, columnTypes[i]) && !insertCompatible(t, columnTypes[i]))
      throw new TrinoError(
        'TYPE_MISMATCH',
        `UPDATE table column types don't match SET expressions: Table: [${columnTypes.map(formatType).join(', ')}], Expressions: [${valueTypes.map(formatType).join(', ')}]`,
        statement.loc,
      );
  });
  const rowIds: unknown[] = [];
  const values: unknown[][] = [];
  for await (const page of runner.pages(planned, session, [planned.columnTypes[0], ...columnTypes])) {
    for (let r = 0; r < page.positionCount; r++) {
      rowIds.push(valueAt(page.blocks[0], r));
      values.push(page.blocks.slice(1).map((b) => valueAt(b, r)));
    }
  }
  return { rowIds, values };
}

/** `s` or `c.s` as a catalog and schema, using the session's catalog. */
function schemaNameOf(session: Session, name: QualifiedName): { catalog: string; schema: string } {
  const parts = name.parts.map((p) => p.value.toLowerCase());
  const catalog = catalogOrSession(session, parts.length === 2 ? parts[0] : undefined, name.loc);
  return { catalog, schema: parts[parts.length - 1] };
}

function typeOf(text: string, loc?: { line: number; column: number }): SqlType {
  try {
    return parseType(text);
  } catch (e) {
    if (e instanceof TrinoError) throw new TrinoError(e.errorCode, e.rawMessage, loc);
    throw e;
  }
}

/** Creates a table; false when it exists and IF NOT EXISTS was given. */
async function createTable(
  metadata: Metadata,
  session: Session,
  name: QualifiedObjectName,
  columns: ColumnMetadata[],
  ignoreExisting: boolean,
  comment: string | undefined,
  loc?: { line: number; column: number },
): Promise<boolean> {
  const md = metadata.connectorMetadata(name.catalog, loc);
  const cs = metadata.connectorSession(session, name.catalog);
  if (!(await metadata.schemaExists(session, name.catalog, name.schema))) {
    throw new TrinoError('SCHEMA_NOT_FOUND', `Schema '${name.schema}' does not exist`, loc);
  }
  if (await md.getTableHandle(cs, { schema: name.schema, table: name.name })) {
    if (ignoreExisting) return false;
    throw new TrinoError('TABLE_ALREADY_EXISTS', `Table '${formatObjectName(name)}' already exists`, loc);
  }
  if (!md.createTable)
    throw new TrinoError('NOT_SUPPORTED', 'This connector does not support creating tables', loc);
  await md.createTable(
    cs,
    {
      name: { schema: name.schema, table: name.name },
      columns,
      ...(comment !== undefined ? { comment } : {}),
    },
    false,
  );
  return true;
}

/** Streams pages into a table through its page sink and commits; returns the row count. */
async function insertInto(
  metadata: Metadata,
  session: Session,
  name: QualifiedObjectName,
  pages: PageStream,
  targetColumns: readonly string[] | undefined,
  loc?: { line: number; column: number },
): Promise<number> {
  const table = await metadata.resolveTable(session, name, loc);
  const catalog = metadata.catalogs.getCatalog(name.catalog)!;
  const md = catalog.connector.metadata;
  const cs = metadata.connectorSession(session, name.catalog);
  if (!md.beginInsert || !md.finishInsert || !catalog.connector.pageSinkProvider) {
    throw new TrinoError('NOT_SUPPORTED', 'This connector does not support inserts', loc);
  }
  const visible = table.columns.filter((c) => !c.hidden);
  const handles = visible.map((c) => table.columnHandles[table.columns.indexOf(c)]);
  const handle: InsertHandle = await md.beginInsert(cs, table.handle, handles);
  const sink = catalog.connector.pageSinkProvider.createPageSink(cs, handle);
  let count = 0;
  try {
    for await (const page of pages) {
      count += page.positionCount;
      await sink.appendPage(
        targetColumns
          ? widen(
              page,
              targetColumns,
              visible.map((c) => c.name),
            )
          : page,
      );
    }
    const fragments: JsonValue[] = await sink.finish();
    await md.finishInsert(cs, handle, fragments);
  } catch (e) {
    await sink.abort();
    throw e;
  }
  return count;
}

/** Places the inserted columns at their table positions; the others are NULL. */
function widen(page: Page, inserted: readonly string[], all: readonly string[]): Page {
  const blocks = all.map((name) => {
    const i = inserted.indexOf(name);
    if (i >= 0) return page.blocks[i];
    return {
      kind: 'value' as const,
      positionCount: page.positionCount,
      values: new Array<unknown>(page.positionCount).fill(null),
    };
  });
  return { positionCount: page.positionCount, blocks };
}

/**
 * Trino's rule for INSERT (StatementAnalyzer.typesMatchForInsert): a value fits a column when the two types
 * have a common super type, and it is cast on the way in (integer into decimal(3,1), decimal(5,3) into
 * decimal(4,2) with rounding). Bounded character types may not be narrowed: their values must coerce.
 * Trino lets a wider varchar in and fails only the rows that would lose characters; we refuse it up front.
 */
function insertCompatible(from: SqlType, to: SqlType): boolean {
  if (canCoerce(from, to)) return true;
  if (hasBoundedCharacterType(to)) return false;
  return commonSuperType(from, to) !== undefined;
}

function hasBoundedCharacterType(type: SqlType): boolean {
  switch (type.kind) {
    case 'char':
      return true;
    case 'varchar':
      return type.length !== undefined;
    case 'array':
      return hasBoundedCharacterType(type.element);
    case 'map':
      return hasBoundedCharacterType(type.key) || hasBoundedCharacterType(type.value);
    case 'row':
      return type.fields.some((f) => hasBoundedCharacterType(f.type));
    default:
      return false;
  }
}
