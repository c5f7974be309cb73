/** Shared by the memory connector tests: everything goes through the connector SPI. */
import type {
  ColumnHandle,
  ColumnMetadata,
  ConnectorSession,
  InsertHandle,
  JsonValue,
  SchemaTableName,
  TableHandle,
} from '../../../src/catalog/spi';
import { memoryConnectorFactory, type MemoryConnector } from '../../../src/catalog/connectors/memory';
import { blockFromValues } from '../../../src/execution/block';
import { type Page, page, pageRows } from '../../../src/execution/page';
import { TrinoError } from '../../../src/errors';

export const session: ConnectorSession = {
  queryId: 'test',
  user: 'test',
  timeZone: 'UTC',
  startTime: 0,
  properties: {},
};

export function newConnector(config: Record<string, string> = {}): MemoryConnector {
  return memoryConnectorFactory.create('memory', config);
}

export function col(
  name: string,
  type: ColumnMetadata['type'],
  extra: Partial<ColumnMetadata> = {},
): ColumnMetadata {
  return { name, type, ...extra };
}

export async function createTable(
  c: MemoryConnector,
  name: string,
  columns: ColumnMetadata[],
  schema = 'default',
): Promise<TableHandle> {
  await c.metadata.createTable(session, { name: { schema, table: name }, columns }, false);
  return handle(c, name, schema);
}

export async function handle(c: MemoryConnector, table: string, schema = 'default'): Promise<TableHandle> {
  const h = await c.metadata.getTableHandle(session, { schema, table });
  if (h === undefined) throw new Error(`no table ${schema}.${table}`);
  return h;
}

/** A page from rows of canonical values (one block per column, densest form). */
export function rowsPage(rows: unknown[][], columnCount = rows[0]?.length ?? 0): Page {
  const blocks = [];
  for (let c = 0; c < columnCount; c++) blocks.push(blockFromValues(rows.map((r) => r[c])));
  return page(blocks, rows.length);
}

/** Begins an insert of every column (or `columns`), appends `pages`, returns what commit needs. */
export async function write(
  c: MemoryConnector,
  table: TableHandle,
  pages: Page[],
  columns?: ColumnHandle[],
): Promise<{ handle: InsertHandle; fragments: JsonValue[] }> {
  const cols = columns ?? (await c.metadata.getColumnHandles(session, table));
  const h = await c.metadata.beginInsert(session, table, cols);
  const sink = c.pageSinkProvider.createPageSink(session, h);
  for (const p of pages) await sink.appendPage(p);
  return { handle: h, fragments: await sink.finish() };
}

/** A whole insert: begin, one sink, commit. */
export async function insert(
  c: MemoryConnector,
  table: TableHandle,
  rows: unknown[][],
  columns?: ColumnHandle[],
): Promise<void> {
  const { handle: h, fragments } = await write(c, table, [rowsPage(rows, columns?.length)], columns);
  await c.metadata.finishInsert(session, h, fragments);
}

/** Every row of a scan of `columns` (all columns by default), split by split. */
export async function scanSplits(
  c: MemoryConnector,
  table: TableHandle,
  options: { columns?: string[]; desiredCount?: number } = {},
): Promise<unknown[][][]> {
  const all = await c.metadata.getColumnHandles(session, table);
  const cols =
    options.columns === undefined
      ? all
      : options.columns.map((n) => {
          const h = all.find((x) => x.name === n);
          if (h === undefined) throw new Error(`no column ${n}`);
          return h;
        });
  const splits = await c.splitManager.getSplits(session, table, options.desiredCount ?? 4);
  const out: unknown[][][] = [];
  for (const split of splits) {
    const json = JSON.parse(JSON.stringify(split)); // splits travel as JSON
    const source = c.pageSourceProvider.createPageSource(session, json, table, cols);
    const rows: unknown[][] = [];
    for (let p = await source.nextPage(); p !== null; p = await source.nextPage()) {
      expect(p.blocks).toHaveLength(cols.length);
      for (const b of p.blocks) expect(b.positionCount).toBe(p.positionCount);
      rows.push(...pageRows(p));
    }
    await source.close();
    out.push(rows);
  }
  return out;
}

export async function scan(
  c: MemoryConnector,
  table: TableHandle,
  options: { columns?: string[]; desiredCount?: number } = {},
): Promise<unknown[][]> {
  return (await scanSplits(c, table, options)).flat();
}

/** Asserts that `action` fails with a TrinoError of this name (and message, when given). */
export async function expectError(
  action: () => Promise<unknown> | unknown,
  errorName: string,
  message?: string | RegExp,
): Promise<TrinoError> {
  let error: unknown;
  try {
    await action();
  } catch (e) {
    error = e;
  }
  if (!(error instanceof TrinoError)) throw new Error(`expected ${errorName}, got ${String(error)}`);
  expect(error.errorName).toBe(errorName);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}

export function names(list: SchemaTableName[]): string[] {
  return list.map((n) => `${n.schema}.${n.table}`);
}

export function byFirst(rows: unknown[][]): unknown[][] {
  return [...rows].sort((a, b) => {
    const x = a[0] as number;
    const y = b[0] as number;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
