/**
 * HashAggregation: groups rows by key columns (GroupByHash) and feeds each aggregate's grouped
 * accumulator; emits one row per group (keys, then aggregates) when the input ends. A global
 * aggregation (no keys) emits exactly one row, even for empty input.
 */
import type { SqlType } from '../../types';
import type { QueryMemoryContext } from '../memory-context';
import type { Block } from '../block';
import { type AggregateOrdering, createAccumulator } from '../aggregation/accumulators';
import { GroupByHash } from '../aggregation/group-by-hash';
import { accumulatorForStep, type AggregationStep } from '../aggregation/aggregation-step';
import type { Page } from '../page';
import { type PageStream, TARGET_PAGE_ROWS } from './page-stream';
import { slicePage } from '../page';

export interface AggregateSpec {
  readonly function: string;
  readonly argumentChannels: readonly number[];
  readonly argumentTypes: readonly SqlType[];
  readonly resultType: SqlType;
  readonly distinct: boolean;
  readonly maskChannel?: number;
  /** ORDER BY inside the call; the sort key channels follow the argument channels. */
  readonly ordering?: readonly AggregateOrdering[];
  /** PARTIAL emits intermediate state; FINAL reads it (argument 0); absent means SINGLE. */
  readonly step?: AggregationStep;
}

export async function* hashAggregation(
  source: PageStream,
  keyChannels: readonly number[],
  aggregates: readonly AggregateSpec[],
  memory?: QueryMemoryContext,
): PageStream {
  const hash = new GroupByHash(keyChannels.length);
  const accumulators = aggregates.map((a) =>
    accumulatorForStep(
      createAccumulator(a.function, a.argumentTypes, a.resultType, a.distinct, a.ordering),
      a.step ?? 'SINGLE',
      a.function,
    ),
  );
  let accounted = 0;
  for await (const page of source) {
    const ids = hash.groupIds(
      keyChannels.map((c) => page.blocks[c]),
      page.positionCount,
    );
    for (let a = 0; a < aggregates.length; a++) {
      const spec = aggregates[a];
      const args = spec.argumentChannels.map((c) => page.blocks[c]);
      accumulators[a].add(
        ids,
        args,
        page.positionCount,
        spec.maskChannel === undefined ? null : maskOf(page.blocks[spec.maskChannel], page.positionCount),
      );
    }
    // each group holds its key values and one state per aggregate: about 32 bytes apiece
    const bytes = hash.groupCount * 32 * (keyChannels.length + aggregates.length + 1);
    memory?.reserve('HashAggregationOperator', bytes - accounted);
    accounted = bytes;
  }
  if (keyChannels.length === 0 && hash.groupCount === 0) hash.groupCount = 1;
  const groups = hash.groupCount;
  if (groups === 0) return;
  const blocks: Block[] = [...hash.keyBlocks(), ...accumulators.map((acc) => acc.result(groups))];
  const all: Page = { positionCount: groups, blocks };
  for (let start = 0; start < groups; start += TARGET_PAGE_ROWS) {
    yield start === 0 && groups <= TARGET_PAGE_ROWS
      ? all
      : slicePage(all, start, Math.min(TARGET_PAGE_ROWS, groups - start));
  }
}

/** 1 where a boolean mask block is true. */
function maskOf(block: Block, count: number): Uint8Array {
  const out = new Uint8Array(count);
  if (block.kind === 'boolean') {
    for (let i = 0; i < count; i++)
      out[i] = block.values[i] === 1 && (block.nulls === null || block.nulls[i] === 0) ? 1 : 0;
  } else if (block.kind === 'value') {
    for (let i = 0; i < count; i++) out[i] = block.values[i] === true ? 1 : 0;
  }
  return out;
}
