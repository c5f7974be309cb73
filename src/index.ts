/**
 * Tessera's public entry points for embedding: `createLocalEngine()` runs SQL in this process.
 */
import { memoryConnectorFactory } from './catalog/connectors/memory';
import { tpchConnectorFactory } from './catalog/connectors/tpch/connector';
import { functionLibrary } from './function-library';
import { LocalQueryEngine, type LocalEngine, type LocalEngineOptions } from './local-engine';

export type {
  LocalEngine,
  LocalEngineOptions,
  QueryResult,
  QueryColumn,
  CatalogConfig,
} from './local-engine';
export { TrinoError } from './errors';
export { SqlSyntaxError } from './sql';

export function createLocalEngine(options: LocalEngineOptions = {}): LocalEngine {
  return new LocalQueryEngine(
    { factories: [tpchConnectorFactory, memoryConnectorFactory], functions: functionLibrary },
    options,
  );
}
