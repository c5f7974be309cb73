/**
 * AssignUniqueId: appends a BIGINT column whose value no other row of the query has. Ids are
 * `process tag · 2^32 + n` with n counting rows in this process, so ids of tasks in one process
 * never meet, and those of different processes only if their random 20-bit tags are equal; the
 * result stays a safe integer (52 bits), so it lives in a NumberBlock.
 */
import { numberBlock } from '../block';
import type { PageStream } from './page-stream';

const PROCESS_TAG = Math.floor(Math.random() * 2 ** 20) * 2 ** 32;
let nextRow = 0;

export async function* assignUniqueId(source: PageStream): PageStream {
  for await (const page of source) {
    const n = page.positionCount;
    const ids = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      ids[i] = PROCESS_TAG + nextRow;
      nextRow = (nextRow + 1) % 2 ** 32;
    }
    yield { positionCount: n, blocks: [...page.blocks, numberBlock(ids)] };
  }
}
