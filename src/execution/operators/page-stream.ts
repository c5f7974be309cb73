/**
 * PageStream: the pull interface between operators in one process. An operator is an async
 * generator over its sources' pages; the driver pulls the root. (The cluster issue moves stages
 * across processes behind the same interface, with exchanges between them.)
 */
import type { Page } from '../page';

export type PageStream = AsyncIterable<Page>;

/** Rows per page that operators aim for when they build pages. */
export const TARGET_PAGE_ROWS = 8192;

export async function collectPages(stream: PageStream): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const p of stream) pages.push(p);
  return pages;
}
