/**
 * Sort and TopN: materialize the input, order row references by the sort keys, and emit pages.
 * TopN keeps only the first `count` rows of the order.
 */
import type { SqlType } from '../../types';
import { pageBytes, type QueryMemoryContext } from '../memory-context';
import { blockFromValues, valueAt } from '../block';
import { type Page, selectPositions } from '../page';
import { sortKeyComparator } from '../value-order';
import { type PageStream, TARGET_PAGE_ROWS } from './page-stream';

export interface SortKey {
  readonly channel: number;
  readonly type: SqlType;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

export async function* sort(
  source: PageStream,
  keys: readonly SortKey[],
  count = Number.MAX_SAFE_INTEGER,
  memory?: QueryMemoryContext,
): PageStream {
  const pages: Page[] = [];
  for await (const p of source) {
    memory?.reserve('SortOperator', pageBytes(p));
    pages.push(p);
  }
  const total = pages.reduce((n, p) => n + p.positionCount, 0);
  if (total === 0 || count === 0) return;

  // key values by row (canonical values), and each row's page and position
  const pageOf = new Int32Array(total);
  const positionOf = new Int32Array(total);
  const keyValues = keys.map(() => new Array<unknown>(total));
  let r = 0;
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p];
    for (let i = 0; i < page.positionCount; i++, r++) {
      pageOf[r] = p;
      positionOf[r] = i;
      for (let k = 0; k < keys.length; k++) keyValues[k][r] = valueAt(page.blocks[keys[k].channel], i);
    }
  }
  const comparators = keys.map((k) => sortKeyComparator(k.type, k.ascending, k.nullsFirst));
  const order = new Int32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  const byKeys = (a: number, b: number): number => {
    for (let k = 0; k < comparators.length; k++) {
      const c = comparators[k](keyValues[k][a], keyValues[k][b]);
      if (c !== 0) return c;
    }
    return a - b; // stable
  };
  order.sort(byKeys);
  const limit = Math.min(count, total);

  // emit in order, gathering runs that come from one page
  for (let start = 0; start < limit; start += TARGET_PAGE_ROWS) {
    const end = Math.min(limit, start + TARGET_PAGE_ROWS);
    yield gather(pages, pageOf, positionOf, order, start, end);
  }
}

function gather(
  pages: Page[],
  pageOf: Int32Array,
  positionOf: Int32Array,
  order: Int32Array,
  start: number,
  end: number,
): Page {
  if (pages.length === 1) {
    const positions = new Int32Array(end - start);
    for (let i = start; i < end; i++) positions[i - start] = positionOf[order[i]];
    return selectPositions(pages[0], positions);
  }
  // rows from several pages: build each column from canonical values
  const width = pages[0].blocks.length;
  const columns: unknown[][] = [];
  for (let c = 0; c < width; c++) {
    const col = new Array<unknown>(end - start);
    for (let i = start; i < end; i++)
      col[i - start] = valueAt(pages[pageOf[order[i]]].blocks[c], positionOf[order[i]]);
    columns.push(col);
  }
  return rowsToPage(columns, end - start);
}

function rowsToPage(columns: unknown[][], count: number): Page {
  return { positionCount: count, blocks: columns.map((c) => blockFromValues(c)) };
}
