/**
 * Set operations. UNION ALL streams its inputs one after another; the others count each distinct
 * row (by its encoded key, NULLs equal) per input and emit:
 *   UNION: each distinct row once;  INTERSECT: rows in both (ALL: min of the counts);
 *   EXCEPT: rows of the first not in the second (ALL: the count difference).
 */
import { blockFromValues, valueAt } from '../block';
import { encodeKeyPart } from '../aggregation/group-by-hash';
import type { Page } from '../page';
import { type PageStream, TARGET_PAGE_ROWS } from './page-stream';

export async function* setOperation(
  operator: 'UNION' | 'INTERSECT' | 'EXCEPT',
  distinct: boolean,
  inputs: readonly PageStream[],
  width: number,
): PageStream {
  if (operator === 'UNION' && !distinct) {
    for (const input of inputs) yield* input;
    return;
  }
  const rows = new Map<string, { row: unknown[]; counts: number[] }>();
  for (let k = 0; k < inputs.length; k++) {
    for await (const page of inputs[k]) {
      for (let i = 0; i < page.positionCount; i++) {
        const row = new Array<unknown>(width);
        let key = '';
        for (let c = 0; c < width; c++) {
          row[c] = valueAt(page.blocks[c], i);
          key += encodeKeyPart(row[c]);
        }
        let entry = rows.get(key);
        if (!entry) {
          entry = { row, counts: new Array<number>(inputs.length).fill(0) };
          rows.set(key, entry);
        }
        entry.counts[k]++;
      }
    }
  }
  const out: unknown[][] = [];
  for (const { row, counts } of rows.values()) {
    let copies: number;
    if (operator === 'UNION') copies = 1;
    else if (operator === 'INTERSECT')
      copies = distinct ? (counts[0] > 0 && counts[1] > 0 ? 1 : 0) : Math.min(counts[0], counts[1]);
    else copies = distinct ? (counts[0] > 0 && counts[1] === 0 ? 1 : 0) : Math.max(0, counts[0] - counts[1]);
    for (let c = 0; c < copies; c++) out.push(row);
  }
  for (let start = 0; start < out.length; start += TARGET_PAGE_ROWS) {
    const chunk = out.slice(start, start + TARGET_PAGE_ROWS);
    const page: Page = {
      positionCount: chunk.length,
      blocks: Array.from({ length: width }, (_, c) => blockFromValues(chunk.map((r) => r[c]))),
    };
    yield page;
  }
}
