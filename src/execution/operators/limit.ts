/** Limit with offset: skips `offset` rows, then passes at most `count` rows and stops pulling. */
import { slicePage } from '../page';
import type { PageStream } from './page-stream';

export async function* limit(source: PageStream, count: number, offset: number): PageStream {
  let toSkip = offset;
  let remaining = count;
  if (remaining <= 0) return;
  for await (let page of source) {
    if (toSkip > 0) {
      if (page.positionCount <= toSkip) {
        toSkip -= page.positionCount;
        continue;
      }
      page = slicePage(page, toSkip, page.positionCount - toSkip);
      toSkip = 0;
    }
    if (page.positionCount > remaining) page = slicePage(page, 0, remaining);
    remaining -= page.positionCount;
    yield page;
    if (remaining === 0) return;
  }
}
