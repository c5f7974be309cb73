/** Values: constant rows (already evaluated) as one page. */
import { blockFromValues } from '../block';
import type { PageStream } from './page-stream';

export async function* values(rows: readonly (readonly unknown[])[], width: number): PageStream {
  if (rows.length === 0) return;
  const blocks = [];
  for (let c = 0; c < width; c++) blocks.push(blockFromValues(rows.map((r) => r[c])));
  yield { positionCount: rows.length, blocks };
}
