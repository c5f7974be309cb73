/** Shared by the tpch connector tests: everything goes through the connector SPI. */

import * as fs from 'fs';
import * as path from 'path';
import type { ColumnHandle, Connector, ConnectorSession, Split, TableHandle } from '../../../src/catalog/spi';
import { tpchConnectorFactory } from '../../../src/catalog/connectors/tpch/connector';
import { valueAt } from '../../../src/execution/block';
import type { Page } from '../../../src/execution/page';

export const session: ConnectorSession = {
  queryId: 'test',
  user: 'test',
  timeZone: 'UTC',
  startTime: 0,
  properties: {},
};

export const STATISTICS_DIRECTORY = '/work/shared/conformance/tpch/trino-tpch-statistics';

export interface StatisticsFile {
  rowCount: number;
  columns: Record<
    string,
    { distinctValuesCount: number; min: number | string; max: number | string; dataSize: number | null }
  >;
}

/** A statistics file of Trino's tpch connector (`sf0.01/orders.json`, …), read by path. */
export function readStatisticsFile(scaleDirectory: string, name: string): StatisticsFile {
  return JSON.parse(
    fs.readFileSync(path.join(STATISTICS_DIRECTORY, scaleDirectory, `${name}.json`), 'utf8'),
  ) as StatisticsFile;
}

export function connector(config: Record<string, string> = {}): Connector {
  return tpchConnectorFactory.create('tpch', { 'connector.name': 'tpch', ...config });
}

export async function tableHandle(c: Connector, schema: string, table: string): Promise<TableHandle> {
  const handle = await c.metadata.getTableHandle(session, { schema, table });
  if (handle === undefined) throw new Error(`no table ${schema}.${table}`);
  return handle;
}

/** Column handles by name, in the order asked for. */
export async function columnHandles(
  c: Connector,
  table: TableHandle,
  names: readonly string[],
): Promise<ColumnHandle[]> {
  const all = await c.metadata.getColumnHandles(session, table);
  return names.map((name) => {
    const handle = all.find((h) => h.name === name);
    if (handle === undefined) throw new Error(`no column ${name}`);
    return handle;
  });
}

export async function readSplit(
  c: Connector,
  table: TableHandle,
  split: Split,
  columns: readonly ColumnHandle[],
): Promise<Page[]> {
  const source = c.pageSourceProvider.createPageSource(session, split, table, columns);
  const pages: Page[] = [];
  for (let p = await source.nextPage(); p !== null; p = await source.nextPage()) pages.push(p);
  await source.close();
  return pages;
}

export interface Scan {
  rowCount: number;
  /** One array of canonical values per requested column. */
  columns: unknown[][];
  pages: Page[];
}

export function collect(pages: readonly Page[], columnCount: number): Scan {
  const columns: unknown[][] = Array.from({ length: columnCount }, () => []);
  let rowCount = 0;
  for (const p of pages) {
    expect(p.blocks).toHaveLength(columnCount);
    for (let c = 0; c < columnCount; c++) {
      const block = p.blocks[c];
      expect(block.positionCount).toBe(p.positionCount);
      for (let i = 0; i < p.positionCount; i++) columns[c].push(valueAt(block, i));
    }
    rowCount += p.positionCount;
  }
  return { rowCount, columns, pages: [...pages] };
}

/** Reads columns of a table through splits of `splitCount` parts, splits in order. */
export async function scan(
  c: Connector,
  schema: string,
  table: string,
  names: readonly string[],
  splitCount = 1,
  handle?: TableHandle,
): Promise<Scan> {
  const t = handle ?? (await tableHandle(c, schema, table));
  const columns = await columnHandles(c, t, names);
  const splits = await c.splitManager.getSplits(session, t, splitCount);
  const pages: Page[] = [];
  for (const split of splits) pages.push(...(await readSplit(c, t, split, columns)));
  return collect(pages, names.length);
}
