/** TableScan: reads each split through the connector's page source, in split order. */
import type { Connector, ConnectorSession, ColumnHandle, Split, TableHandle } from '../../catalog/spi';
import type { Page } from '../page';
import type { PageStream } from './page-stream';
import { yieldIfSliceSpent } from '../cooperative-yield';

export async function* scan(
  connector: Connector,
  session: ConnectorSession,
  table: TableHandle,
  columns: readonly ColumnHandle[],
  splits: readonly Split[],
  signal?: AbortSignal,
): PageStream {
  for (const split of splits) {
    const source = connector.pageSourceProvider.createPageSource(session, split, table, columns);
    try {
      for (;;) {
        const page: Page | null = await source.nextPage();
        if (page === null) break;
        if (page.positionCount > 0) yield page;
        const pause = yieldIfSliceSpent();
        if (pause) await pause;
        // a stopped task ends here, between pages, rather than after its whole input
        if (signal?.aborted) throw signal.reason;
      }
    } finally {
      await source.close();
    }
  }
}
