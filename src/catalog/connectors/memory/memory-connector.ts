/**
 * The `memory` connector (`connector.name=memory`): scratch tables kept in RAM, lost on restart,
 * after Trino's plugin/trino-memory.
 *
 * Each process that loads the catalog gets one connector instance. Its MemoryMetadata is what the
 * coordinator uses; its MemoryPagesStore holds the pages that this process's page sinks wrote,
 * and its page sources read them. The two halves talk only through JSON: insert handles,
 * fragments and splits.
 */
import type { Connector, ConnectorFactory } from '../../spi';
import { parseMemoryConfig } from './memory-config';
import { MemoryMetadata } from './memory-metadata';
import { MemoryPageSinkProvider } from './memory-page-sink';
import { MemoryPageSourceProvider } from './memory-page-source';
import { MemorySplitManager } from './memory-split-manager';
import { MemoryPagesStore } from './memory-store';

export interface MemoryConnector extends Connector {
  readonly metadata: MemoryMetadata;
  readonly pageSinkProvider: MemoryPageSinkProvider;
  /** This process's pages (exposed for tests and `system` tables). */
  readonly store: MemoryPagesStore;
}

export const memoryConnectorFactory = {
  name: 'memory',
  create(catalogName: string, config: Readonly<Record<string, string>>): MemoryConnector {
    const settings = parseMemoryConfig(config);
    const store = new MemoryPagesStore(settings.maxDataPerNode);
    const metadata = new MemoryMetadata(catalogName, store);
    return {
      metadata,
      store,
      splitManager: new MemorySplitManager(metadata, settings.splitsPerNode),
      pageSourceProvider: new MemoryPageSourceProvider(store),
      pageSinkProvider: new MemoryPageSinkProvider(store),
      coordinatorOnly: true,
      async shutdown(): Promise<void> {},
    };
  },
} satisfies ConnectorFactory;
