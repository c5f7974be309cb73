/**
 * The semi join marks the same input rows whichever side it hashes: the source (default) or the
 * input (the smaller side), with and without a filter over both sides' columns.
 */
import { numberBlock, valueAt } from '../../src/execution/block';
import type { CompiledFilter } from '../../src/execution/expression-compiler';
import type { Page } from '../../src/execution/page';
import { semiJoin } from '../../src/execution/operators/semi-join';
import { collectPages, type PageStream } from '../../src/execution/operators/page-stream';

function page(...columns: (number | null)[][]): Page {
  return {
    positionCount: columns[0].length,
    blocks: columns.map((c) =>
      numberBlock(
        Float64Array.from(c, (v) => v ?? 0),
        Uint8Array.from(c, (v) => (v === null ? 1 : 0)),
      ),
    ),
  };
}
async function* stream(...pages: Page[]): PageStream {
  for (const p of pages) yield p;
}
/** Marks, as (key, other, mark) rows in input order. */
async function marks(buildInput: boolean, filter?: CompiledFilter): Promise<unknown[][]> {
  // input (orderkey, suppkey) in two pages; source (orderkey, suppkey)
  const input = stream(page([1, 2, null], [10, 20, 30]), page([3, 1], [30, 11]));
  const source = stream(page([1, 1, 3, null], [10, 12, 30, 30]), page([4], [40]));
  const out = await collectPages(
    semiJoin(input, source, {
      inputKeys: [0],
      sourceKeys: [0],
      inputWidth: 2,
      sourceWidth: 2,
      ...(filter ? { filter } : {}),
      buildInput,
    }),
  );
  return out.flatMap((p) =>
    Array.from({ length: p.positionCount }, (_, r) => p.blocks.map((b) => valueAt(b, r))),
  );
}
/** suppkey of the source row <> suppkey of the input row, over a pairs page laid out as given. */
function suppkeysDiffer(inputFirst: boolean): CompiledFilter {
  return (p: Page) => {
    const [inputSupp, sourceSupp] = inputFirst ? [1, 3] : [3, 1];
    const positions = new Int32Array(p.positionCount);
    let count = 0;
    for (let i = 0; i < p.positionCount; i++)
      if (valueAt(p.blocks[inputSupp], i) !== valueAt(p.blocks[sourceSupp], i)) positions[count++] = i;
    return { positions, count };
  };
}

test('keys alone: a NULL key never matches', async () => {
  const expected = [
    [1, 10, true],
    [2, 20, false],
    [null, 30, false],
    [3, 30, true],
    [1, 11, true],
  ];
  expect(await marks(false)).toEqual(expected);
  expect(await marks(true)).toEqual(expected);
});

test('a filter over both sides (TPC-H q21: another supplier of the same order)', async () => {
  const expected = [
    [1, 10, true], // source (1, 12)
    [2, 20, false],
    [null, 30, false],
    [3, 30, false], // the only source row of order 3 has the same supplier
    [1, 11, true],
  ];
  expect(await marks(false, suppkeysDiffer(true))).toEqual(expected);
  expect(await marks(true, suppkeysDiffer(false))).toEqual(expected);
});
