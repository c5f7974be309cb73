/**
 * Realistic exchange input: every page of a TPC-H table as the tpch connector's page source
 * produces it (the pages a scan stage sends downstream), read once up front so that generating
 * the data is not part of what the exchange benchmarks time.
 */
import type { ConnectorSession } from '../../src/catalog/spi';
import { tpchConnectorFactory } from '../../src/catalog/connectors/tpch/connector';
import type { Page } from '../../src/execution/page';
import type { SqlType } from '../../src/types';

export interface TablePages {
  readonly types: SqlType[];
  readonly pages: Page[];
  readonly rows: number;
}

const SESSION: ConnectorSession = {
  queryId: 'exchange_bench',
  user: 'bench',
  timeZone: 'UTC',
  startTime: Date.now(),
  properties: {},
};

export async function tpchPages(table: string, scaleFactor: number): Promise<TablePages> {
  const connector = tpchConnectorFactory.create('tpch', {});
  const handle = await connector.metadata.getTableHandle(SESSION, { schema: `sf${scaleFactor}`, table });
  if (!handle) throw new Error(`no table tpch.sf${scaleFactor}.${table}`);
  // the columns of `SELECT *`: the hidden row_number is no part of what a scan usually ships
  // (getColumnHandles lists the columns in getTableMetadata's order)
  const metadata = (await connector.metadata.getTableMetadata(SESSION, handle)).columns;
  const visible = metadata.map((c, i) => (c.hidden ? -1 : i)).filter((i) => i >= 0);
  const handles = await connector.metadata.getColumnHandles(SESSION, handle);
  const columns = visible.map((i) => handles[i]);
  const pages: Page[] = [];
  let rows = 0;
  for (const split of await connector.splitManager.getSplits(SESSION, handle, 1)) {
    const source = connector.pageSourceProvider.createPageSource(SESSION, split, handle, columns);
    for (let p = await source.nextPage(); p !== null; p = await source.nextPage()) {
      pages.push(p);
      rows += p.positionCount;
    }
    await source.close();
  }
  return { types: visible.map((i) => metadata[i].type), pages, rows };
}
