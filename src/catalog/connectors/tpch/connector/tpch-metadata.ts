/**
 * Metadata of the tpch connector (Trino's TpchMetadata): schemas named after scale factors,
 * the eight TPC-H tables in each, their columns under the configured naming and money mapping,
 * statistics at any scale factor, and Trino's predicate pushdown of orders.orderstatus and
 * part.type / part.container.
 */

import { BIGINT, type SqlType, formatType } from '../../../../types';
import type {
  ColumnHandle,
  ColumnMetadata,
  ColumnStatistics,
  ConnectorMetadata,
  ConnectorSession,
  Domain,
  FilterApplicationResult,
  SchemaTableName,
  TableHandle,
  TableMetadata,
  TableStatistics,
  TupleDomain,
} from '../../../spi';
import { DISTRIBUTIONS } from '../dists';
import { TPCH_TABLES, type TpchTableName } from '../index';
import { LISTED_SCHEMA_NAMES, schemaScaleFactor } from './schemas';
import type { TpchConfig } from './tpch-config';
import { type TpchTable, decodeTableHandle, encodeColumnHandle, encodeTableHandle } from './tpch-handles';
import { type RawColumnStatistics, tpchTableStatistics } from './tpch-statistics';
import { ORDER_STATUSES, type OrderStatus } from './statistics/order-dates';
import {
  ROW_NUMBER_COLUMN,
  TABLE_NAMES_IN_TRINO_ORDER,
  columnName,
  columnType,
  findStandardColumn,
  isTpchTableName,
} from './tpch-tables';

/**
 * The columns whose values a table handle can restrict, with every value they take (Trino's
 * TpchMetadata pushes down exactly these).
 */
const FILTERABLE_COLUMNS: Partial<Record<TpchTableName, Readonly<Record<string, readonly string[]>>>> = {
  orders: { o_orderstatus: ORDER_STATUSES },
  part: { p_container: DISTRIBUTIONS.partContainers.values, p_type: DISTRIBUTIONS.partTypes.values },
};

interface ColumnInfo {
  readonly metadata: ColumnMetadata;
  /** TPC-H name, or `row_number`. */
  readonly column: string;
}

export class TpchMetadata implements ConnectorMetadata {
  constructor(private readonly config: TpchConfig) {}

  async listSchemaNames(_session: ConnectorSession): Promise<string[]> {
    return [...LISTED_SCHEMA_NAMES];
  }

  async listTables(_session: ConnectorSession, schema?: string): Promise<SchemaTableName[]> {
    const schemas =
      schema === undefined ? LISTED_SCHEMA_NAMES : schemaScaleFactor(schema) === undefined ? [] : [schema];
    return schemas.flatMap((s) => TABLE_NAMES_IN_TRINO_ORDER.map((table) => ({ schema: s, table })));
  }

  async getTableHandle(_session: ConnectorSession, name: SchemaTableName): Promise<TableHandle | undefined> {
    const scaleFactor = schemaScaleFactor(name.schema);
    if (scaleFactor === undefined || !isTpchTableName(name.table)) return undefined;
    return encodeTableHandle({ schema: name.schema, table: name.table, scaleFactor, constraint: new Map() });
  }

  async getTableMetadata(_session: ConnectorSession, table: TableHandle): Promise<TableMetadata> {
    const handle = decodeTableHandle(table);
    return {
      name: { schema: handle.schema, table: handle.table },
      columns: this.columns(handle.table).map((c) => c.metadata),
    };
  }

  async getColumnHandles(_session: ConnectorSession, table: TableHandle): Promise<ColumnHandle[]> {
    const handle = decodeTableHandle(table);
    return this.columns(handle.table).map((c) =>
      encodeColumnHandle({ name: c.metadata.name, type: formatType(c.metadata.type), column: c.column }),
    );
  }

  /** Trino's order: the hidden `row_number` first, then the TPC-H columns (all NOT NULL). */
  private columns(table: TpchTableName): ColumnInfo[] {
    const columns: ColumnInfo[] = [
      { metadata: { name: ROW_NUMBER_COLUMN, type: BIGINT, hidden: true }, column: ROW_NUMBER_COLUMN },
    ];
    for (const column of TPCH_TABLES[table].columns) {
      columns.push({
        metadata: {
          name: columnName(column, this.config.columnNaming),
          type: columnType(column, this.config.doubleTypeMapping),
          nullable: false,
        },
        column: column.standardName,
      });
    }
    return columns;
  }

  async getTableStatistics(_session: ConnectorSession, table: TableHandle): Promise<TableStatistics> {
    const handle = decodeTableHandle(table);
    const statuses = this.config.predicatePushdownEnabled
      ? handle.constraint.get('o_orderstatus')
      : undefined;
    const raw = tpchTableStatistics(
      handle.table,
      handle.scaleFactor,
      statuses === undefined ? ORDER_STATUSES : (statuses as OrderStatus[]),
    );
    const columns: Record<string, ColumnStatistics> = {};
    for (const column of TPCH_TABLES[handle.table].columns) {
      const stats = raw.columns[column.standardName];
      if (stats === undefined) continue;
      columns[columnName(column, this.config.columnNaming)] = toColumnStatistics(
        stats,
        columnType(column, this.config.doubleTypeMapping),
        raw.rowCount,
      );
    }
    return { rowCount: raw.rowCount, columns };
  }

  /**
   * Trino's pushdown: on ORDERS the handle keeps the order statuses the filter allows, on PART
   * the containers and types; the page source drops the other rows, and those columns leave
   * `remaining`. Other tables and columns are left to the engine.
   */
  async applyFilter(
    _session: ConnectorSession,
    table: TableHandle,
    constraint: TupleDomain,
  ): Promise<FilterApplicationResult | undefined> {
    if (!this.config.predicatePushdownEnabled) return undefined;
    const handle = decodeTableHandle(table);
    const filterable = FILTERABLE_COLUMNS[handle.table];
    if (filterable === undefined) return undefined;

    const restricted = new Map(handle.constraint);
    const enforced = new Set<string>();
    for (const [standardName, allValues] of Object.entries(filterable)) {
      const spec = findStandardColumn(handle.table, standardName);
      if (spec === undefined) continue;
      const name = columnName(spec, this.config.columnNaming);
      const domain = constraint.none === true ? undefined : constraint.domains.get(name);
      const passing =
        constraint.none === true ? [] : domain === undefined ? allValues : domainValues(domain, allValues);
      if (passing === undefined) continue; // a domain over values we cannot compare: leave it to the engine
      enforced.add(name);
      const previous = restricted.get(standardName);
      const allowed = previous === undefined ? [...passing] : passing.filter((v) => previous.includes(v));
      // a restriction every value passes is no restriction
      if (allowed.length === allValues.length) restricted.delete(standardName);
      else restricted.set(standardName, allowed.sort());
    }
    const newHandle: TpchTable = { ...handle, constraint: restricted };
    if (sameConstraint(handle, newHandle)) return undefined;

    let remaining: TupleDomain;
    if (constraint.none === true) remaining = constraint;
    else {
      const domains = new Map<string, Domain>();
      for (const [name, domain] of constraint.domains) if (!enforced.has(name)) domains.set(name, domain);
      remaining = { domains };
    }
    return { handle: encodeTableHandle(newHandle), remaining };
  }
}

function sameConstraint(a: TpchTable, b: TpchTable): boolean {
  if (a.constraint.size !== b.constraint.size) return false;
  for (const [column, values] of a.constraint) {
    const other = b.constraint.get(column);
    if (other === undefined || other.length !== values.length) return false;
    const set = new Set(other);
    if (!values.every((v) => set.has(v))) return false;
  }
  return true;
}

/** The values a domain admits among `values`, or undefined when its bounds are not strings. */
function domainValues(domain: Domain, values: readonly string[]): string[] | undefined {
  if (domain.ranges === undefined) return [...values];
  for (const range of domain.ranges) {
    if (range.low !== undefined && typeof range.low.value !== 'string') return undefined;
    if (range.high !== undefined && typeof range.high.value !== 'string') return undefined;
  }
  return values.filter((value) =>
    domain.ranges!.some((range) => {
      const low = range.low;
      const high = range.high;
      if (low !== undefined) {
        const bound = low.value as string;
        if (low.inclusive ? value < bound : value <= bound) return false;
      }
      if (high !== undefined) {
        const bound = high.value as string;
        if (high.inclusive ? value > bound : value >= bound) return false;
      }
      return true;
    }),
  );
}

/** Raw statistics in the column's SQL representation: money as DOUBLE dollars or DECIMAL cents. */
function toColumnStatistics(stats: RawColumnStatistics, type: SqlType, rowCount: number): ColumnStatistics {
  const distinctValuesCount = Math.min(Math.round(stats.distinct), rowCount);
  const out: { -readonly [K in keyof ColumnStatistics]: ColumnStatistics[K] } = {
    distinctValuesCount,
    nullsFraction: 0,
  };
  if (type.kind === 'varchar') {
    // Trino reports no range for varchar columns
    if (stats.dataSize !== undefined) out.dataSize = Math.round(stats.dataSize);
    return out;
  }
  if (stats.min !== undefined && stats.max !== undefined && distinctValuesCount > 0) {
    const scale = type.kind === 'double' ? 100 : 1;
    out.min = stats.min / scale;
    out.max = stats.max / scale;
  }
  return out;
}
