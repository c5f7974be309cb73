/** FilterAndProject: keeps the rows a compiled filter selects, then computes compiled projections. */
import type { CompiledFilter, CompiledProjection } from '../expression-compiler';
import { type Page, selectPositions } from '../page';
import type { PageStream } from './page-stream';

export async function* filterProject(
  source: PageStream,
  filter: CompiledFilter | undefined,
  projections: readonly CompiledProjection[] | undefined,
): PageStream {
  for await (let page of source) {
    if (filter) {
      const { positions, count } = filter(page);
      if (count === 0) continue;
      if (count < page.positionCount) page = selectPositions(page, positions, count);
    }
    if (projections) {
      const blocks = projections.map((p) => p(page));
      const out: Page = { positionCount: page.positionCount, blocks };
      yield out;
    } else {
      yield page;
    }
  }
}
