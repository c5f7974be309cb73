/**
 * MemoryMetadata: schemas, tables, columns, views and committed writes of a memory catalog (the
 * coordinator side of the connector; Trino's MemoryMetadata).
 *
 * The rows themselves live in the MemoryPagesStore of the process whose page sink wrote them;
 * metadata holds, per table, the fragments that finishInsert committed (which group on which
 * node, how many rows in each page, per-column null counts and sizes). Splits are built from
 * those fragments, which is what makes an insert's rows visible all at once when it commits.
 *
 * Tables and views share one namespace per schema, as in Trino. Errors carry the codes and
 * messages a Trino user sees for the same statement (mostly those of Trino's DDL tasks, which
 * check before calling the connector; Tessera's engine may not, so the connector does).
 *
 * Every method runs to completion without awaiting, so each is atomic with respect to others.
 */
import { unpackPage } from './packed-strings';
import type {
  ColumnHandle,
  ColumnMetadata,
  ColumnStatistics,
  ConnectorMetadata,
  ConnectorSession,
  InsertHandle,
  JsonValue,
  LimitApplicationResult,
  SchemaTableName,
  TableHandle,
  TableMetadata,
  TableStatistics,
  TupleDomain,
  ViewDefinition,
} from '../../spi';
import { selectPositions, type Page } from '../../../execution/page';
import { formatType, type SqlType } from '../../../types';
import { TrinoError } from '../../../errors';
import { domainPredicate, narrowMatches, type ValuePredicate } from './domain-filter';
import {
  columnHandle,
  dataFragment,
  insertHandle,
  tableHandle,
  type MemoryColumnHandle,
  type MemoryDataFragment,
  type MemoryInsertHandle,
  type MemoryTableHandle,
} from './memory-handles';
import type { MemoryPagesStore } from './memory-store';
import { hasDataSizeStatistic, MAX_TRACKED_DISTINCT } from './page-size';
import { ROW_ID_COLUMN_ID, ROW_ID_COLUMN_NAME, ROW_ID_TYPE, rowId, rowIdGroup } from './memory-row-ids';
import { blockFromValues, valueAt } from '../../../execution/block';

export const DEFAULT_SCHEMA = 'default';

interface ColumnInfo {
  readonly id: number;
  readonly name: string;
  readonly type: SqlType;
  readonly nullable: boolean;
  readonly comment?: string;
}

interface TableInfo {
  readonly id: number;
  schema: string;
  name: string;
  columns: ColumnInfo[];
  nextColumnId: number;
  readonly comment?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
  /** Committed data, in commit order. */
  fragments: MemoryDataFragment[];
}

interface ViewInfo {
  readonly name: SchemaTableName;
  readonly definition: ViewDefinition;
}

function key(schema: string, table: string): string {
  return `${schema}\u0000${table}`;
}

function byName(a: SchemaTableName, b: SchemaTableName): number {
  return a.schema < b.schema
    ? -1
    : a.schema > b.schema
      ? 1
      : a.table < b.table
        ? -1
        : a.table > b.table
          ? 1
          : 0;
}

export class MemoryMetadata implements ConnectorMetadata {
  private readonly schemas = new Set<string>([DEFAULT_SCHEMA]);
  private readonly tables = new Map<number, TableInfo>();
  private readonly tableIds = new Map<string, number>();
  private readonly views = new Map<string, ViewInfo>();
  /** Inserts begun and not yet finished: write id → table id. */
  private readonly pendingWrites = new Map<number, number>();
  private nextTableId = 1;
  private nextWriteId = 1;

  /**
   * `store` is this process's page store; only DELETE reads it (see deleteRows), everything else
   * reaches data through fragments and splits.
   */
  constructor(
    private readonly catalogName: string,
    private readonly store: MemoryPagesStore,
  ) {}

  // ---- names and errors ------------------------------------------------------------------------

  private qualified(schema: string, table: string): string {
    return `${this.catalogName}.${schema}.${table}`;
  }

  private checkSchemaExists(schema: string): void {
    if (!this.schemas.has(schema)) throw new TrinoError('SCHEMA_NOT_FOUND', `Schema ${schema} not found`);
  }

  /** The live table of a handle; a dropped table's handle fails as Trino's "does not exist". */
  private info(handle: TableHandle): TableInfo {
    const h = tableHandle(handle);
    const info = this.tables.get(h.id);
    if (info === undefined) {
      throw new TrinoError('TABLE_NOT_FOUND', `Table '${this.qualified(h.schema, h.table)}' does not exist`);
    }
    return info;
  }

  private column(info: TableInfo, handle: ColumnHandle): ColumnInfo {
    const h = columnHandle(handle);
    const column = info.columns.find((c) => c.id === h.id);
    if (column === undefined) throw new TrinoError('COLUMN_NOT_FOUND', `Column '${h.name}' does not exist`);
    return column;
  }

  private static columnHandleOf(c: ColumnInfo): MemoryColumnHandle {
    return { name: c.name, type: formatType(c.type), id: c.id, sqlType: c.type as unknown as JsonValue };
  }

  private static columnInfo(id: number, c: ColumnMetadata): ColumnInfo {
    return {
      id,
      name: c.name,
      type: c.type,
      nullable: c.nullable ?? true,
      ...(c.comment !== undefined ? { comment: c.comment } : {}),
    };
  }

  // ---- schemas -----------------------------------------------------------------------------------

  async listSchemaNames(_session: ConnectorSession): Promise<string[]> {
    return [...this.schemas].sort();
  }

  async createSchema(
    _session: ConnectorSession,
    schema: string,
    _properties: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    if (this.schemas.has(schema)) {
      throw new TrinoError('SCHEMA_ALREADY_EXISTS', `Schema '${this.catalogName}.${schema}' already exists`);
    }
    this.schemas.add(schema);
  }

  async dropSchema(_session: ConnectorSession, schema: string, cascade: boolean): Promise<void> {
    if (!this.schemas.has(schema)) {
      throw new TrinoError('SCHEMA_NOT_FOUND', `Schema '${this.catalogName}.${schema}' does not exist`);
    }
    const tables = [...this.tables.values()].filter((t) => t.schema === schema);
    const views = [...this.views.entries()].filter(([, v]) => v.name.schema === schema);
    if (tables.length + views.length > 0) {
      if (!cascade) throw new TrinoError('SCHEMA_NOT_EMPTY', `Cannot drop non-empty schema '${schema}'`);
      for (const t of tables) this.removeTable(t);
      for (const [k] of views) this.views.delete(k);
    }
    this.schemas.delete(schema);
  }

  // ---- tables ------------------------------------------------------------------------------------

  async listTables(_session: ConnectorSession, schema?: string): Promise<SchemaTableName[]> {
    const names: SchemaTableName[] = [];
    for (const t of this.tables.values()) {
      if (schema === undefined || t.schema === schema) names.push({ schema: t.schema, table: t.name });
    }
    for (const v of this.views.values()) {
      if (schema === undefined || v.name.schema === schema) names.push(v.name);
    }
    return names.sort(byName);
  }

  async getTableHandle(_session: ConnectorSession, name: SchemaTableName): Promise<TableHandle | undefined> {
    const id = this.tableIds.get(key(name.schema, name.table));
    if (id === undefined) return undefined;
    const handle: MemoryTableHandle = { schema: name.schema, table: name.table, id };
    return handle;
  }

  async getTableMetadata(_session: ConnectorSession, table: TableHandle): Promise<TableMetadata> {
    const info = this.info(table);
    return {
      name: { schema: info.schema, table: info.name },
      columns: info.columns.map((c): ColumnMetadata => ({
        name: c.name,
        type: c.type,
        nullable: c.nullable,
        ...(c.comment !== undefined ? { comment: c.comment } : {}),
      })),
      ...(info.comment !== undefined ? { comment: info.comment } : {}),
      ...(info.properties !== undefined ? { properties: info.properties } : {}),
    };
  }

  async getColumnHandles(_session: ConnectorSession, table: TableHandle): Promise<ColumnHandle[]> {
    return this.info(table).columns.map(MemoryMetadata.columnHandleOf);
  }

  async getTableStatistics(_session: ConnectorSession, table: TableHandle): Promise<TableStatistics> {
    const info = this.info(table);
    let rowCount = 0;
    for (const f of info.fragments) rowCount += f.rows;
    const columns: Record<string, ColumnStatistics> = {};
    if (rowCount > 0) {
      for (const c of info.columns) {
        let nulls = 0;
        let dataSize = 0;
        let min: number | undefined = Infinity;
        let max: number | undefined = -Infinity;
        let strings: Set<string> | undefined = new Set<string>();
        for (const f of info.fragments) {
          const i = f.columnIds.indexOf(c.id);
          if (i < 0) {
            nulls += f.rows; // written before the column was added: NULL
          } else {
            nulls += f.nulls[i];
            dataSize += f.dataSizes[i];
            const lo = f.mins?.[i];
            const hi = f.maxs?.[i];
            if (typeof lo === 'number' && typeof hi === 'number' && min !== undefined && max !== undefined) {
              min = Math.min(min, lo);
              max = Math.max(max, hi);
            } else if (f.nulls[i] < f.rows) min = max = undefined;
            const fragmentStrings = f.distinctStrings?.[i];
            if (fragmentStrings === undefined || fragmentStrings === null) strings = undefined;
            else if (strings !== undefined) for (const v of fragmentStrings) strings.add(v);
          }
        }
        const range = min !== undefined && max !== undefined && min <= max ? { min, max } : {};
        columns[c.name] = {
          nullsFraction: nulls / rowCount,
          ...(hasDataSizeStatistic(c.type) ? { dataSize } : {}),
          ...range,
          ...(strings !== undefined && strings.size > 0 && strings.size <= MAX_TRACKED_DISTINCT
            ? { distinctValuesCount: strings.size }
            : {}),
        };
      }
    }
    return { rowCount, columns };
  }

  async applyLimit(
    _session: ConnectorSession,
    table: TableHandle,
    limit: number,
  ): Promise<LimitApplicationResult | undefined> {
    const h = tableHandle(table);
    if (h.limit !== undefined && h.limit <= limit) return undefined;
    const handle: MemoryTableHandle = { ...h, limit };
    return { handle, limitGuaranteed: true };
  }

  async createTable(
    _session: ConnectorSession,
    metadata: TableMetadata,
    ignoreExisting: boolean,
  ): Promise<void> {
    const { schema, table } = metadata.name;
    this.checkSchemaExists(schema);
    const k = key(schema, table);
    if (this.tableIds.has(k) || this.views.has(k)) {
      if (ignoreExisting) return;
      throw new TrinoError('TABLE_ALREADY_EXISTS', `Table '${this.qualified(schema, table)}' already exists`);
    }
    const seen = new Set<string>();
    for (const c of metadata.columns) {
      if (seen.has(c.name)) {
        throw new TrinoError('DUPLICATE_COLUMN_NAME', `Column name '${c.name}' specified more than once`);
      }
      seen.add(c.name);
    }
    const id = this.nextTableId++;
    this.tables.set(id, {
      id,
      schema,
      name: table,
      columns: metadata.columns.map((c, i) => MemoryMetadata.columnInfo(i, c)),
      nextColumnId: metadata.columns.length,
      ...(metadata.comment !== undefined ? { comment: metadata.comment } : {}),
      ...(metadata.properties !== undefined ? { properties: metadata.properties } : {}),
      fragments: [],
    });
    this.tableIds.set(k, id);
  }

  private removeTable(info: TableInfo): void {
    this.tables.delete(info.id);
    this.tableIds.delete(key(info.schema, info.name));
    this.releaseLocal(info.fragments);
  }

  /** Frees at once what this process holds of dropped data; other nodes free theirs at their next write. */
  private releaseLocal(fragments: readonly MemoryDataFragment[]): void {
    for (const f of fragments) if (f.node === this.store.nodeId) this.store.release(f.group);
  }

  async dropTable(_session: ConnectorSession, table: TableHandle): Promise<void> {
    this.removeTable(this.info(table));
  }

  async renameTable(_session: ConnectorSession, table: TableHandle, newName: SchemaTableName): Promise<void> {
    const info = this.info(table);
    this.checkSchemaExists(newName.schema);
    const k = key(newName.schema, newName.table);
    if (this.tableIds.has(k) || this.views.has(k)) {
      throw new TrinoError(
        'TABLE_ALREADY_EXISTS',
        `Target table '${this.qualified(newName.schema, newName.table)}' already exists`,
      );
    }
    this.tableIds.delete(key(info.schema, info.name));
    info.schema = newName.schema;
    info.name = newName.table;
    this.tableIds.set(k, info.id);
  }

  async truncateTable(_session: ConnectorSession, table: TableHandle): Promise<void> {
    const info = this.info(table);
    this.releaseLocal(info.fragments);
    info.fragments = [];
  }

  // ---- columns -----------------------------------------------------------------------------------

  async addColumn(_session: ConnectorSession, table: TableHandle, column: ColumnMetadata): Promise<void> {
    const info = this.info(table);
    if (info.columns.some((c) => c.name === column.name)) {
      throw new TrinoError('COLUMN_ALREADY_EXISTS', `Column '${column.name}' already exists`);
    }
    if (column.nullable === false && info.fragments.some((f) => f.rows > 0)) {
      throw new TrinoError(
        'NOT_SUPPORTED',
        `Unable to add NOT NULL column '${column.name}' for non-empty table: ${info.schema}.${info.name}`,
      );
    }
    // Stored pages have no block for the new id, so their rows read it as NULL.
    info.columns = [...info.columns, MemoryMetadata.columnInfo(info.nextColumnId++, column)];
  }

  async dropColumn(_session: ConnectorSession, table: TableHandle, column: ColumnHandle): Promise<void> {
    const info = this.info(table);
    const target = this.column(info, column);
    if (info.columns.length <= 1)
      throw new TrinoError('NOT_SUPPORTED', 'Cannot drop the only column in a table');
    // The id is never reused, so the dropped column's stored blocks are simply never read again.
    info.columns = info.columns.filter((c) => c.id !== target.id);
  }

  async renameColumn(
    _session: ConnectorSession,
    table: TableHandle,
    column: ColumnHandle,
    target: string,
  ): Promise<void> {
    const info = this.info(table);
    const source = this.column(info, column);
    if (info.columns.some((c) => c.name === target)) {
      throw new TrinoError('COLUMN_ALREADY_EXISTS', `Column '${target}' already exists`);
    }
    info.columns = info.columns.map((c) => (c.id === source.id ? { ...c, name: target } : c));
  }

  // ---- views -------------------------------------------------------------------------------------

  async createView(
    _session: ConnectorSession,
    name: SchemaTableName,
    definition: ViewDefinition,
    replace: boolean,
  ): Promise<void> {
    this.checkSchemaExists(name.schema);
    const k = key(name.schema, name.table);
    const q = this.qualified(name.schema, name.table);
    if (this.tableIds.has(k)) throw new TrinoError('TABLE_ALREADY_EXISTS', `Table already exists: '${q}'`);
    if (this.views.has(k) && !replace)
      throw new TrinoError('TABLE_ALREADY_EXISTS', `View already exists: '${q}'`);
    this.views.set(k, { name: { schema: name.schema, table: name.table }, definition });
  }

  async getView(_session: ConnectorSession, name: SchemaTableName): Promise<ViewDefinition | undefined> {
    return this.views.get(key(name.schema, name.table))?.definition;
  }

  async listViews(_session: ConnectorSession, schema?: string): Promise<SchemaTableName[]> {
    return [...this.views.values()]
      .filter((v) => schema === undefined || v.name.schema === schema)
      .map((v) => v.name)
      .sort(byName);
  }

  async dropView(_session: ConnectorSession, name: SchemaTableName): Promise<void> {
    const k = key(name.schema, name.table);
    if (!this.views.delete(k)) {
      const q = this.qualified(name.schema, name.table);
      throw new TrinoError(
        'TABLE_NOT_FOUND',
        this.tableIds.has(k)
          ? `View '${q}' does not exist, but a table with that name exists. Did you mean DROP TABLE ${q}?`
          : `View '${q}' does not exist`,
      );
    }
  }

  // ---- writes ------------------------------------------------------------------------------------

  /** Write ids whose data must survive a worker's clean-up: committed and in progress. */
  private liveWriteIds(): number[] {
    const live = new Set<number>(this.pendingWrites.keys());
    for (const t of this.tables.values()) for (const f of t.fragments) live.add(f.writeId);
    return [...live].sort((a, b) => a - b);
  }

  async beginInsert(
    _session: ConnectorSession,
    table: TableHandle,
    columns: readonly ColumnHandle[],
  ): Promise<InsertHandle> {
    const info = this.info(table);
    const columnIds = columns.map((c) => this.column(info, c).id);
    if (new Set(columnIds).size !== columnIds.length) {
      throw new TrinoError('GENERIC_INTERNAL_ERROR', 'An insert names the same column twice');
    }
    const writeId = this.nextWriteId++;
    this.pendingWrites.set(writeId, info.id);
    const handle: MemoryInsertHandle = { tableId: info.id, writeId, columnIds, live: this.liveWriteIds() };
    return handle;
  }

  async finishInsert(
    _session: ConnectorSession,
    handle: InsertHandle,
    fragments: readonly JsonValue[],
  ): Promise<void> {
    const h = insertHandle(handle);
    if (this.pendingWrites.get(h.writeId) !== h.tableId) {
      throw new TrinoError('GENERIC_INTERNAL_ERROR', `Insert ${h.writeId} is not in progress`);
    }
    this.pendingWrites.delete(h.writeId);
    const parsed = fragments.map(dataFragment);
    const info = this.tables.get(h.tableId);
    if (info === undefined) {
      throw new TrinoError(
        'TABLE_NOT_FOUND',
        `Table with id ${h.tableId} was dropped while rows were inserted`,
      );
    }
    for (const f of parsed) {
      if (f.writeId !== h.writeId) {
        throw new TrinoError(
          'GENERIC_INTERNAL_ERROR',
          `Fragment of write ${f.writeId} given to write ${h.writeId}`,
        );
      }
    }
    // One assignment: every fragment of the insert becomes visible at the same moment.
    info.fragments = [...info.fragments, ...parsed.filter((f) => f.rows > 0)];
  }

  /**
   * Deletes the rows matching `constraint` (keys are column names). Deleting every row needs no
   * data; otherwise the rows are filtered here, so every group must be in this process's store
   * (true when the coordinator and its workers share a process, as in LocalQueryEngine). A
   * distributed DELETE needs an SPI path that runs on workers (Trino's merge: a page source that
   * yields row ids and a merge sink); until the SPI has one, deleting some rows of data held by
   * another process fails with NOT_SUPPORTED rather than returning a wrong count.
   * Each affected group is replaced by a group of its surviving rows, all at once.
   */
  async deleteRows(
    _session: ConnectorSession,
    table: TableHandle,
    constraint: TupleDomain | undefined,
  ): Promise<number> {
    const info = this.info(table);
    if (constraint !== undefined && constraint.none === true) return 0;
    const domains = constraint === undefined ? undefined : constraint.domains;
    if (domains === undefined || domains.size === 0) {
      let count = 0;
      for (const f of info.fragments) count += f.rows;
      this.releaseLocal(info.fragments);
      info.fragments = [];
      return count;
    }
    const predicates: { id: number; test: ValuePredicate }[] = [];
    for (const [name, domain] of domains) {
      const c = info.columns.find((col) => col.name === name);
      if (c === undefined) throw new TrinoError('COLUMN_NOT_FOUND', `Column '${name}' does not exist`);
      predicates.push({ id: c.id, test: domainPredicate(domain) });
    }

    // Evaluate everything before changing anything, so a failure leaves the table as it was.
    const plans: { fragment: MemoryDataFragment; survivors: Page[] | undefined }[] = [];
    let count = 0;
    for (const f of info.fragments) {
      if (f.node !== this.store.nodeId) {
        throw new TrinoError(
          'NOT_SUPPORTED',
          'Deleting some rows of a memory table whose data lives in another process',
        );
      }
      const group = this.store.group(f.group, info.id);
      const indexes = predicates.map((p) => group.columnIds.indexOf(p.id));
      let deletedHere = 0;
      const survivors: Page[] = [];
      for (const stored of group.pages) {
        const page = unpackPage(stored);
        const matches = new Uint8Array(page.positionCount).fill(1);
        predicates.forEach((p, i) =>
          narrowMatches(matches, indexes[i] < 0 ? undefined : page.blocks[indexes[i]], p.test),
        );
        const keep: number[] = [];
        for (let r = 0; r < matches.length; r++) if (matches[r] === 0) keep.push(r);
        deletedHere += page.positionCount - keep.length;
        if (keep.length === page.positionCount) survivors.push(page);
        else if (keep.length > 0) survivors.push(selectPositions(page, keep));
      }
      count += deletedHere;
      plans.push({ fragment: f, survivors: deletedHere === 0 ? undefined : survivors });
    }
    if (count === 0) return 0;
    const next: MemoryDataFragment[] = [];
    for (const { fragment, survivors } of plans) {
      if (survivors === undefined) {
        next.push(fragment);
        continue;
      }
      const group = this.store.group(fragment.group, info.id);
      if (survivors.length > 0) {
        next.push(this.store.store(info.id, fragment.writeId, group.columnIds, survivors, false));
      }
      this.store.release(fragment.group);
    }
    info.fragments = next;
    return count;
  }

  // ---- row-level changes -------------------------------------------------------------------------

  getRowIdColumn(): { metadata: ColumnMetadata; handle: ColumnHandle } {
    const metadata = { name: ROW_ID_COLUMN_NAME, type: ROW_ID_TYPE, nullable: false, hidden: true };
    return { metadata, handle: MemoryMetadata.columnHandleOf({ ...metadata, id: ROW_ID_COLUMN_ID }) };
  }

  async deleteRowsById(
    _session: ConnectorSession,
    table: TableHandle,
    rowIds: readonly unknown[],
  ): Promise<number> {
    return this.rewriteRows(this.info(table), new Map(rowIds.map((id) => [id, null])), []);
  }

  async updateRowsById(
    _session: ConnectorSession,
    table: TableHandle,
    columns: readonly ColumnHandle[],
    rowIds: readonly unknown[],
    values: readonly (readonly unknown[])[],
  ): Promise<number> {
    const info = this.info(table);
    const ids = columns.map((c) => this.column(info, c).id);
    return this.rewriteRows(info, new Map(rowIds.map((id, i) => [id, values[i]])), ids);
  }

  /**
   * Replaces each group holding a changed row by a group without the deleted rows (value null)
   * and with the new values of `columnIds` in the updated ones. Everything is computed before
   * the table changes, so a failure leaves it as it was.
   */
  private rewriteRows(
    info: TableInfo,
    changes: ReadonlyMap<unknown, readonly unknown[] | null>,
    columnIds: readonly number[],
  ): number {
    const groups = new Set<number>();
    for (const id of changes.keys()) {
      const g = rowIdGroup(id);
      if (g !== undefined) groups.add(g);
    }
    const plans: { fragment: MemoryDataFragment; pages: Page[] | undefined; ids: number[] }[] = [];
    let count = 0;
    for (const f of info.fragments) {
      if (!groups.has(f.group)) {
        plans.push({ fragment: f, pages: undefined, ids: [] });
        continue;
      }
      if (f.node !== this.store.nodeId) {
        throw new TrinoError(
          'NOT_SUPPORTED',
          'Changing rows of a memory table whose data lives in another process',
        );
      }
      const group = this.store.group(f.group, info.id);
      const ids = [...group.columnIds, ...columnIds.filter((c) => !group.columnIds.includes(c))];
      const targets = columnIds.map((c) => ids.indexOf(c));
      const pages: Page[] = [];
      group.pages.forEach((stored, p) => {
        const page = unpackPage(stored);
        const columns = ids.map(() => [] as unknown[]);
        for (let r = 0; r < page.positionCount; r++) {
          const change = changes.get(rowId(group.id, p, r));
          if (change === null) {
            count++;
            continue;
          }
          ids.forEach((_, c) =>
            columns[c].push(c < group.columnIds.length ? valueAt(page.blocks[c], r) : null),
          );
          if (change !== undefined) {
            count++;
            targets.forEach((t, k) => (columns[t][columns[t].length - 1] = change[k]));
          }
        }
        if (columns.length > 0 && columns[0].length > 0)
          pages.push({ positionCount: columns[0].length, blocks: columns.map((v) => blockFromValues(v)) });
      });
      plans.push({ fragment: f, pages, ids });
    }
    if (count === 0) return 0;
    const next: MemoryDataFragment[] = [];
    for (const { fragment, pages, ids } of plans) {
      if (pages === undefined) {
        next.push(fragment);
        continue;
      }
      if (pages.length > 0) next.push(this.store.store(info.id, fragment.writeId, ids, pages, false));
      this.store.release(fragment.group);
    }
    info.fragments = next;
    return count;
  }

  // ---- for the split manager ---------------------------------------------------------------------

  /** The committed fragments of a table, as a scan starting now sees them. */
  committedFragments(table: TableHandle): { id: number; fragments: readonly MemoryDataFragment[] } {
    const info = this.info(table);
    return { id: info.id, fragments: info.fragments };
  }
}
