/**
 * AssignUniqueId: appends a BIGINT column whose value no other row of the query has. Ids are
 * `task tag · 2^32 + n`: the tag (below 2^20) tells the query's tasks apart, wherever they run,
 * and n counts rows in this process, so rows of one process never meet either. The result stays
 * a safe integer (52 bits), so it lives in a NumberBlock.
 */
import { TrinoError } from '../../errors';
import { numberBlock } from '../block';
import type { PageStream } from './page-stream';

let nextRow = 0;

export async function* assignUniqueId(source: PageStream, taskTag = 0): PageStream {
  if (!Number.isInteger(taskTag) || taskTag < 0 || taskTag >= 2 ** 20)
    throw new TrinoError('GENERIC_INTERNAL_ERROR', `Task tag out of range: ${taskTag}`);
  const base = taskTag * 2 ** 32;
  for await (const page of source) {
    const n = page.positionCount;
    const ids = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      ids[i] = base + nextRow;
      nextRow = (nextRow + 1) % 2 ** 32;
    }
    yield { positionCount: n, blocks: [...page.blocks, numberBlock(ids)] };
  }
}
