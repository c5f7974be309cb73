/**
 * Unnest: repeats each input row once per element of its arrays and maps, zipped to the longest
 * (shorter ones and NULL ones give NULLs), with the elements as new columns: an array's element,
 * an array of rows' fields (a NULL row gives NULL fields), a map's key and value. Ordinality
 * counts a row's elements from 1. `outer` keeps an input row without elements once, with NULLs
 * (ordinality included). Output pages hold about TARGET_PAGE_ROWS rows whatever the arrays' sizes.
 */
import { blockFromValues, takePositions, valueAt, numberBlock, type Block } from '../block';
import type { Page } from '../page';
import { type PageStream, TARGET_PAGE_ROWS } from './page-stream';

export interface UnnestArgument {
  readonly channel: number;
  /** 'rows': an array of rows, `width` fields each; 'array': width 1; 'map': width 2. */
  readonly kind: 'array' | 'rows' | 'map';
  readonly width: number;
}

export interface UnnestSpec {
  /** Input channels copied to every output row. */
  readonly replicate: readonly number[];
  readonly arguments: readonly UnnestArgument[];
  readonly ordinality: boolean;
  readonly outer: boolean;
}

export async function* unnest(source: PageStream, spec: UnnestSpec): PageStream {
  for await (const page of source) {
    const n = page.positionCount;
    const values = spec.arguments.map((a) => {
      const block = page.blocks[a.channel];
      const out = new Array<readonly unknown[] | null>(n);
      for (let r = 0; r < n; r++) out[r] = valueAt(block, r) as readonly unknown[] | null;
      return out;
    });
    // output rows of each input row
    const counts = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      let longest = 0;
      for (const v of values) longest = Math.max(longest, v[r]?.length ?? 0);
      counts[r] = longest === 0 && spec.outer ? 1 : longest;
    }
    let from = 0;
    while (from < n) {
      let to = from;
      let rows = 0;
      while (to < n && (rows === 0 || rows + counts[to] <= TARGET_PAGE_ROWS)) rows += counts[to++];
      if (rows > 0) yield expand(page, values, counts, from, to, rows, spec);
      from = to;
    }
  }
}

function expand(
  page: Page,
  values: readonly (readonly (readonly unknown[] | null)[])[],
  counts: Int32Array,
  from: number,
  to: number,
  rows: number,
  spec: UnnestSpec,
): Page {
  const positions = new Int32Array(rows);
  const columns = spec.arguments.map((a) => Array.from({ length: a.width }, () => new Array<unknown>(rows)));
  const ordinality = spec.ordinality ? new Float64Array(rows) : null;
  const ordinalityNulls = spec.ordinality ? new Uint8Array(rows) : null;
  const args = spec.arguments;
  let at = 0;
  for (let r = from; r < to; r++) {
    // an outer row without elements: one row of NULLs
    let padded = true;
    for (let k = 0; k < args.length; k++) if ((values[k][r]?.length ?? 0) > 0) padded = false;
    for (let j = 0; j < counts[r]; j++, at++) {
      positions[at] = r;
      if (ordinality !== null) {
        if (padded) ordinalityNulls![at] = 1;
        else ordinality[at] = j + 1;
      }
      for (let k = 0; k < args.length; k++) {
        const list = values[k][r];
        const element = list !== null && j < list.length ? list[j] : null;
        const out = columns[k];
        if (args[k].kind === 'array') out[0][at] = element;
        else {
          // a row's fields, or a map entry's key and value: both are arrays by position
          const fields = element as readonly unknown[] | null;
          for (let f = 0; f < args[k].width; f++) out[f][at] = fields === null ? null : fields[f];
        }
      }
    }
  }
  const blocks: Block[] = spec.replicate.map((c) => takePositions(page.blocks[c], positions, rows));
  for (const column of columns) for (const v of column) blocks.push(blockFromValues(v));
  if (ordinality !== null) blocks.push(numberBlock(ordinality, ordinalityNulls));
  return { positionCount: rows, blocks };
}
