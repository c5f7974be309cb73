/**
 * The `tpch` connector (`connector.name=tpch`): TPC-H tables generated on the fly at any scale
 * factor, row for row what Trino's tpch connector serves. Read-only; no page sink.
 */

import type { Connector, ConnectorFactory } from '../../../spi';
import { type TpchConfig, parseTpchConfig } from './tpch-config';
import { TpchMetadata } from './tpch-metadata';
import { TpchPageSourceProvider } from './tpch-page-source';
import { TpchSplitManager } from './tpch-splits';

export class TpchConnector implements Connector {
  readonly metadata: TpchMetadata;
  readonly splitManager: TpchSplitManager;
  readonly pageSourceProvider: TpchPageSourceProvider;

  constructor(
    readonly catalogName: string,
    readonly config: TpchConfig,
  ) {
    this.metadata = new TpchMetadata(config);
    this.splitManager = new TpchSplitManager();
    this.pageSourceProvider = new TpchPageSourceProvider(config);
  }

  /**
   * `tpch.splits-per-node` (default: processors): the splits a scan should have per worker.
   * The SPI gives the connector no worker count, so the engine multiplies this by its workers
   * and passes the product to getSplits as `desiredCount`.
   */
  get splitsPerNode(): number {
    return this.config.splitsPerNode;
  }
}

export const tpchConnectorFactory: ConnectorFactory = {
  name: 'tpch',
  create(catalogName: string, config: Readonly<Record<string, string>>): Connector {
    return new TpchConnector(catalogName, parseTpchConfig(config));
  },
};
