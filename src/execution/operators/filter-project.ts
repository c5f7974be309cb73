/** FilterAndProject: keeps the rows a compiled filter selects, then computes compiled projections. */
import type { CompiledFilter, CompiledProjection } from '../expression-compiler';
import { type Page, selectPositions } from '../page';
import type { PageStream } from './page-stream';

export async function* filterProject(
  source: PageStream,
  filter: CompiledFilter | undefined,
  projections: readonly CompiledProjection[] | undefined,
): PageStream {
  for await (const page of source) {
    let selected: Int32Array | undefined;
    let count = page.positionCount;
    if (filter) {
      const result = filter(page);
      if (result.count === 0) continue;
      if (result.count < page.positionCount) {
        selected = result.positions;
        count = result.count;
      }
    }
    if (projections) {
      // projections read the selected rows in place: the input page is never copied
      const blocks = projections.map((p) => (selected === undefined ? p(page) : p(page, selected, count)));
      const out: Page = { positionCount: count, blocks };
      yield out;
    } else {
      yield selected === undefined ? page : selectPositions(page, selected, count);
    }
  }
}
