/** The tpch connector: register `tpchConnectorFactory` under `connector.name=tpch`. */
export { tpchConnectorFactory, TpchConnector } from './tpch-connector';
export type { TpchConfig, ColumnNaming, DoubleTypeMapping } from './tpch-config';
export { LISTED_SCHEMA_NAMES, schemaScaleFactor } from './schemas';
export { tpchTableStatistics, tableRowCount } from './tpch-statistics';
