/**
 * The SQL face of the generator's tables: names in Trino's order, column names under either
 * naming, SQL types under either money mapping, and the hidden `row_number` column.
 */

import { BIGINT, DATE, DOUBLE, INTEGER, type SqlType, decimalType, varcharType } from '../../../../types';
import { TPCH_TABLES, type TpchColumn, type TpchTableName } from '../index';
import type { ColumnNaming, DoubleTypeMapping } from './tpch-config';

/** Table names in the order Trino lists them (io.trino.tpch.TpchTable.getTables()). */
export const TABLE_NAMES_IN_TRINO_ORDER: readonly TpchTableName[] = Object.freeze([
  'customer',
  'orders',
  'lineitem',
  'part',
  'partsupp',
  'supplier',
  'nation',
  'region',
]);

export function isTpchTableName(name: string): name is TpchTableName {
  return Object.prototype.hasOwnProperty.call(TPCH_TABLES, name);
}

/** Trino's hidden BIGINT column: the generator's row index (see `rowNumbers` in tpch-page-source). */
export const ROW_NUMBER_COLUMN = 'row_number';

export const MONEY_DECIMAL_TYPE = decimalType(12, 2);

export function columnName(column: TpchColumn, naming: ColumnNaming): string {
  return naming === 'STANDARD' ? column.standardName : column.name;
}

export function columnType(column: TpchColumn, mapping: DoubleTypeMapping): SqlType {
  switch (column.kind) {
    case 'identifier':
      return BIGINT;
    case 'integer':
      return INTEGER;
    case 'date':
      return DATE;
    case 'money':
      return mapping === 'DECIMAL' ? MONEY_DECIMAL_TYPE : DOUBLE;
    case 'varchar':
      return varcharType(column.varcharLength);
  }
}

/** The generator's column with this SQL name (under `naming`), or undefined. */
export function findColumn(table: TpchTableName, name: string, naming: ColumnNaming): TpchColumn | undefined {
  return TPCH_TABLES[table].columns.find((c) => columnName(c, naming) === name);
}

/** The generator's column with this TPC-H (standard) name, or undefined. */
export function findStandardColumn(table: TpchTableName, standardName: string): TpchColumn | undefined {
  return TPCH_TABLES[table].columns.find((c) => c.standardName === standardName);
}
