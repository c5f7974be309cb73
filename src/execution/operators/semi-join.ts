/**
 * SemiJoin (decorrelated EXISTS): marks each input row with whether a source row matches its keys
 * (NULL keys never match) and passes the filter. It hashes the source and streams the input, or,
 * with `buildInput`, hashes the input and streams the source past it, when the input is the much
 * smaller side (then nothing comes out until the source is read).
 */
import { booleanBlock } from '../block';
import type { QueryMemoryContext } from '../memory-context';
import { build, matchPairs, PairBuffer, PairList } from './hash-join';
import type { CompiledFilter } from '../expression-compiler';
import type { PageStream } from './page-stream';

export interface SemiJoinSpec {
  readonly inputKeys: readonly number[];
  readonly sourceKeys: readonly number[];
  readonly inputWidth: number;
  readonly sourceWidth: number;
  /** Over (input columns, source columns); with `buildInput`, over (source columns, input columns). */
  readonly filter?: CompiledFilter;
  readonly buildInput?: boolean;
}

export function semiJoin(
  input: PageStream,
  source: PageStream,
  spec: SemiJoinSpec,
  memory?: QueryMemoryContext,
): PageStream {
  return spec.buildInput
    ? semiJoinBuildingInput(input, source, spec, memory)
    : semiJoinBuildingSource(input, source, spec, memory);
}

async function* semiJoinBuildingSource(
  input: PageStream,
  source: PageStream,
  spec: SemiJoinSpec,
  memory?: QueryMemoryContext,
): PageStream {
  // the build side and candidate-pair pages are the hash join's
  const side = await build(source, spec.sourceKeys, memory);
  const buffer = new PairBuffer(spec.inputWidth, spec.sourceWidth, side);
  const pairs = new PairList();
  for await (const page of input) {
    const n = page.positionCount;
    const marks = new Uint8Array(n);
    const ids = side.probe(
      spec.inputKeys.map((c) => page.blocks[c]),
      n,
    );
    if (!spec.filter) {
      // a key id exists only for keys some source row has
      for (let i = 0; i < n; i++) if (ids[i] >= 0) marks[i] = 1;
    } else {
      pairs.clear();
      matchPairs(side, ids, n, pairs);
      if (pairs.count > 0) {
        const { positions, count } = spec.filter(
          buffer.pairsPage(page, pairs.left, pairs.right, pairs.count),
        );
        for (let p = 0; p < count; p++) marks[pairs.left[positions[p]]] = 1;
      }
    }
    yield { positionCount: n, blocks: [...page.blocks, booleanBlock(marks)] };
  }
}

async function* semiJoinBuildingInput(
  input: PageStream,
  source: PageStream,
  spec: SemiJoinSpec,
  memory?: QueryMemoryContext,
): PageStream {
  const side = await build(input, spec.inputKeys, memory);
  const marks = new Uint8Array(side.rowCount);
  const buffer = new PairBuffer(spec.sourceWidth, spec.inputWidth, side);
  const pairs = new PairList();
  // without a filter a key is settled by its first source match: its rows are marked once
  const settled = spec.filter ? null : new Uint8Array(side.keyCount);
  for await (const page of source) {
    const n = page.positionCount;
    const ids = side.probe(
      spec.sourceKeys.map((c) => page.blocks[c]),
      n,
    );
    if (settled !== null) {
      for (let i = 0; i < n; i++) {
        const k = ids[i];
        if (k < 0 || settled[k] !== 0) continue;
        settled[k] = 1;
        const end = side.matchEnd(k);
        for (let j = side.matchStart(k); j < end; j++) marks[side.rowAt(j)] = 1;
      }
    } else {
      pairs.clear();
      matchPairs(side, ids, n, pairs);
      if (pairs.count > 0) {
        const { positions, count } = spec.filter!(
          buffer.pairsPage(page, pairs.left, pairs.right, pairs.count),
        );
        for (let p = 0; p < count; p++) marks[pairs.right[positions[p]]] = 1;
      }
    }
  }
  let row = 0;
  for (const page of side.pages) {
    const n = page.positionCount;
    yield { positionCount: n, blocks: [...page.blocks, booleanBlock(marks.slice(row, row + n))] };
    row += n;
  }
}
