/**
 * The PARTIAL and FINAL steps of a split aggregation over an ordinary accumulator: a PARTIAL
 * accumulator emits intermediate state instead of results, a FINAL one consumes intermediate
 * state instead of arguments (its single argument is the PARTIAL step's output column).
 */
import { TrinoError } from '../../errors';
import type { Block } from '../block';
import type { GroupedAccumulator } from './accumulators';

export type AggregationStep = 'SINGLE' | 'PARTIAL' | 'FINAL';

export function accumulatorForStep(
  accumulator: GroupedAccumulator,
  step: AggregationStep,
  functionName: string,
): GroupedAccumulator {
  if (step === 'SINGLE') return accumulator;
  const { intermediate, addIntermediate } = accumulator;
  if (!intermediate || !addIntermediate)
    throw new TrinoError(
      'GENERIC_INTERNAL_ERROR',
      `Aggregate function ${functionName} has no intermediate state for a ${step} step`,
    );
  if (step === 'PARTIAL')
    return {
      add: (groupIds, args, count, mask) => accumulator.add(groupIds, args, count, mask),
      result: (groupCount) => intermediate.call(accumulator, groupCount),
    };
  return {
    add: (groupIds: Int32Array, args: readonly Block[], count: number) =>
      addIntermediate.call(accumulator, groupIds, args[0], count),
    result: (groupCount) => accumulator.result(groupCount),
  };
}
