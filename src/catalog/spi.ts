/**
 * The connector SPI: the only part of the engine a connector imports (with the types and the
 * page/block definitions). Shapes follow Trino's io.trino.spi.connector, narrowed to what Tessera
 * uses. Connectors never see the planner, the coordinator or HTTP.
 *
 * Everything that crosses processes (table handles, column handles, splits, insert handles) is
 * plain JSON, because the coordinator sends it to workers inside task descriptions.
 */
import type { Page } from '../execution/page';
import type { SqlType } from '../types';

/** Data-size parsing for connector configuration (`memory.max-data-per-node=1GB`). */
export { parseDataSize } from '../data-size';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What a connector may know of the session that runs a query. */
export interface ConnectorSession {
  readonly queryId: string;
  readonly user: string;
  readonly timeZone: string;
  /** The query's start, epoch milliseconds. */
  readonly startTime: number;
  /** This catalog's session properties (`SET SESSION catalog.name = …`), as strings. */
  readonly properties: Readonly<Record<string, string>>;
}

export interface SchemaTableName {
  readonly schema: string;
  readonly table: string;
}

export interface ColumnMetadata {
  readonly name: string;
  readonly type: SqlType;
  readonly nullable?: boolean;
  readonly comment?: string;
  /** Hidden columns are not part of `SELECT *` (Trino's `row_number` in tpch, for instance). */
  readonly hidden?: boolean;
  readonly extraInfo?: string;
}

export interface TableMetadata {
  readonly name: SchemaTableName;
  readonly columns: readonly ColumnMetadata[];
  readonly comment?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** A connector's own description of a table; JSON so it can travel to workers. */
export type TableHandle = { readonly [key: string]: JsonValue };
/** A connector's own description of a column; JSON; `name` and `type` are for EXPLAIN and errors. */
export type ColumnHandle = { readonly name: string; readonly [key: string]: JsonValue };

// ---- statistics (feed join ordering and build-side choice) --------------------------------------

export interface ColumnStatistics {
  readonly distinctValuesCount?: number;
  readonly nullsFraction?: number;
  /** Total bytes of the column's values (varchar: sum of lengths). */
  readonly dataSize?: number;
  /** For orderable types: canonical values (src/types/values.ts). */
  readonly min?: unknown;
  readonly max?: unknown;
}

export interface TableStatistics {
  readonly rowCount?: number;
  readonly columns: Readonly<Record<string, ColumnStatistics>>;
}

// ---- pushdown ---------------------------------------------------------------------------------

export interface Bound {
  readonly value: unknown;
  readonly inclusive: boolean;
}
/** An interval of one column's values; an omitted bound is unbounded. */
export interface Range {
  readonly low?: Bound;
  readonly high?: Bound;
}
/**
 * The set of values a column may take: `ranges` (undefined = every non-null value; [] = none)
 * and whether NULL is allowed. A discrete value set is a list of single-value ranges.
 */
export interface Domain {
  readonly type: SqlType;
  readonly ranges?: readonly Range[];
  readonly nullAllowed: boolean;
}
/** A conjunction of per-column domains (Trino's TupleDomain); `none` means no row can match. */
export type TupleDomain =
  { readonly none: true } | { readonly none?: false; readonly domains: ReadonlyMap<string, Domain> };

export interface FilterApplicationResult {
  readonly handle: TableHandle;
  /** What the connector does not guarantee; the engine keeps filtering on it. */
  readonly remaining: TupleDomain;
}

export interface ProjectionApplicationResult {
  readonly handle: TableHandle;
}

export interface LimitApplicationResult {
  readonly handle: TableHandle;
  /** True when the connector returns at most `limit` rows in total, so the engine's limit can go. */
  readonly limitGuaranteed: boolean;
}

// ---- metadata ---------------------------------------------------------------------------------

export interface ViewDefinition {
  readonly originalSql: string;
  readonly catalog?: string;
  readonly schema?: string;
  readonly columns: readonly { readonly name: string; readonly type: SqlType }[];
  readonly comment?: string;
  readonly owner?: string;
}

export interface ConnectorMetadata {
  listSchemaNames(session: ConnectorSession): Promise<string[]>;
  /** Tables (and views) of one schema, or of all schemas. */
  listTables(session: ConnectorSession, schema?: string): Promise<SchemaTableName[]>;
  getTableHandle(session: ConnectorSession, name: SchemaTableName): Promise<TableHandle | undefined>;
  getTableMetadata(session: ConnectorSession, table: TableHandle): Promise<TableMetadata>;
  /** Column handles by column name, in table order. */
  getColumnHandles(session: ConnectorSession, table: TableHandle): Promise<ColumnHandle[]>;
  getTableStatistics?(session: ConnectorSession, table: TableHandle): Promise<TableStatistics>;

  applyFilter?(
    session: ConnectorSession,
    table: TableHandle,
    constraint: TupleDomain,
  ): Promise<FilterApplicationResult | undefined>;
  applyLimit?(
    session: ConnectorSession,
    table: TableHandle,
    limit: number,
  ): Promise<LimitApplicationResult | undefined>;
  /**
   * The columns a scan of `table` reads, once the plan is pruned: a connector may narrow its
   * handle to them (a remote database's select list). Undefined: the handle stays as it is.
   */
  applyProjection?(
    session: ConnectorSession,
    table: TableHandle,
    columns: readonly ColumnHandle[],
  ): Promise<ProjectionApplicationResult | undefined>;

  // DDL (connectors that support writes)
  createSchema?(
    session: ConnectorSession,
    schema: string,
    properties: Readonly<Record<string, unknown>>,
  ): Promise<void>;
  dropSchema?(session: ConnectorSession, schema: string, cascade: boolean): Promise<void>;
  createTable?(session: ConnectorSession, metadata: TableMetadata, ignoreExisting: boolean): Promise<void>;
  dropTable?(session: ConnectorSession, table: TableHandle): Promise<void>;
  renameTable?(session: ConnectorSession, table: TableHandle, newName: SchemaTableName): Promise<void>;
  addColumn?(session: ConnectorSession, table: TableHandle, column: ColumnMetadata): Promise<void>;
  dropColumn?(session: ConnectorSession, table: TableHandle, column: ColumnHandle): Promise<void>;
  renameColumn?(
    session: ConnectorSession,
    table: TableHandle,
    column: ColumnHandle,
    target: string,
  ): Promise<void>;

  // views
  createView?(
    session: ConnectorSession,
    name: SchemaTableName,
    definition: ViewDefinition,
    replace: boolean,
  ): Promise<void>;
  getView?(session: ConnectorSession, name: SchemaTableName): Promise<ViewDefinition | undefined>;
  listViews?(session: ConnectorSession, schema?: string): Promise<SchemaTableName[]>;
  dropView?(session: ConnectorSession, name: SchemaTableName): Promise<void>;

  // writes: begin returns a JSON handle for page sinks; finish commits what the sinks wrote
  beginInsert?(
    session: ConnectorSession,
    table: TableHandle,
    columns: readonly ColumnHandle[],
  ): Promise<InsertHandle>;
  finishInsert?(
    session: ConnectorSession,
    handle: InsertHandle,
    fragments: readonly JsonValue[],
  ): Promise<void>;
  /** Deletes the rows matching `constraint` (all rows when undefined); returns the count. */
  deleteRows?(
    session: ConnectorSession,
    table: TableHandle,
    constraint: TupleDomain | undefined,
  ): Promise<number>;
  truncateTable?(session: ConnectorSession, table: TableHandle): Promise<void>;

  /*
   * Row-level changes (DELETE … WHERE, UPDATE): a simpler shape of Trino's merge. A connector that
   * supports them has a hidden row id column (getRowIdColumn), which the engine adds to the
   * table's columns and page sources fill with values that identify rows; the engine runs an ordinary query over the table (any predicate, subqueries included) that
   * returns the ids of the affected rows, with the new values for UPDATE, and hands them back.
   * Ids are only valid for the table's state in which they were read.
   */
  getRowIdColumn?(
    session: ConnectorSession,
    table: TableHandle,
  ): { readonly metadata: ColumnMetadata; readonly handle: ColumnHandle } | undefined;
  /** Deletes the rows with these ids; returns how many were deleted. */
  deleteRowsById?(session: ConnectorSession, table: TableHandle, rowIds: readonly unknown[]): Promise<number>;
  /** Sets `columns` of row `rowIds[i]` to `values[i]` (canonical values); returns the row count. */
  updateRowsById?(
    session: ConnectorSession,
    table: TableHandle,
    columns: readonly ColumnHandle[],
    rowIds: readonly unknown[],
    values: readonly (readonly unknown[])[],
  ): Promise<number>;
}

export type InsertHandle = { readonly [key: string]: JsonValue };

// ---- data -------------------------------------------------------------------------------------

/** One unit of scan work; JSON so the scheduler can ship it to any worker. */
export interface Split {
  readonly info: JsonValue;
  /** Preferred hosts, if the data lives somewhere in particular. */
  readonly addresses?: readonly string[];
}

export interface ConnectorSplitManager {
  /** The splits of a table scan; `desiredCount` is a hint (e.g. workers × splits-per-node). */
  getSplits(session: ConnectorSession, table: TableHandle, desiredCount: number): Promise<Split[]>;
}

/** Produces the pages of one split, with only the requested columns, in that order. */
export interface ConnectorPageSource {
  /** The next page, or null when the split is exhausted. */
  nextPage(): Promise<Page | null>;
  /** Bytes read so far (for stats). */
  readonly completedBytes: number;
  close(): Promise<void>;
}

export interface ConnectorPageSourceProvider {
  createPageSource(
    session: ConnectorSession,
    split: Split,
    table: TableHandle,
    columns: readonly ColumnHandle[],
  ): ConnectorPageSource;
}

export interface ConnectorPageSink {
  appendPage(page: Page): Promise<void>;
  /** Returns fragments describing what was written, handed to `finishInsert`. */
  finish(): Promise<JsonValue[]>;
  abort(): Promise<void>;
}

export interface ConnectorPageSinkProvider {
  createPageSink(session: ConnectorSession, handle: InsertHandle): ConnectorPageSink;
}

// ---- the connector ----------------------------------------------------------------------------

export interface SessionPropertyMetadata {
  readonly name: string;
  readonly description: string;
  readonly type: SqlType;
  readonly defaultValue: string;
}

export interface Connector {
  readonly metadata: ConnectorMetadata;
  readonly splitManager: ConnectorSplitManager;
  readonly pageSourceProvider: ConnectorPageSourceProvider;
  readonly pageSinkProvider?: ConnectorPageSinkProvider;
  readonly sessionProperties?: readonly SessionPropertyMetadata[];
  /**
   * The connector's data lives in the coordinator's process (memory tables, runtime state): the
   * scheduler runs every task reading it on the coordinator, since a worker's instance of the
   * connector holds none of it.
   */
  readonly coordinatorOnly?: boolean;
  shutdown?(): Promise<void>;
}

/** Creates connectors of one kind (`connector.name=…` in etc/catalog/<catalog>.properties). */
export interface ConnectorFactory {
  readonly name: string;
  create(catalogName: string, config: Readonly<Record<string, string>>): Connector;
}
