/**
 * Intermediate (partial aggregation) state types of the aggregate functions, as Trino declares
 * them per function: a PARTIAL aggregation emits one value of this type per group and aggregate,
 * the FINAL one merges them (accumulators' `intermediate` / `addIntermediate`). A function without
 * an entry here is not split: it runs as a SINGLE step after its input is exchanged, which is
 * always correct — the default for newly added aggregates.
 */
import { BIGINT, BOOLEAN, DOUBLE, anonymousRowType, decimalType, type SqlType } from '../types';

export function aggregateIntermediateType(
  name: string,
  args: readonly SqlType[],
  result: SqlType,
): SqlType | undefined {
  const arg = args[0];
  switch (name) {
    case 'count':
    case 'count_if':
      return BIGINT;
    case 'sum':
      // floating sums keep double precision between the steps (real rounds once, at the end)
      return result.kind === 'real' ? DOUBLE : result;
    case 'avg': {
      // (sum, count): the sum is exact for integers and decimals, and unbounded in memory
      const sum =
        arg.kind === 'double' || arg.kind === 'real'
          ? DOUBLE
          : arg.kind === 'decimal'
            ? decimalType(38, arg.scale)
            : arg.kind === 'unknown'
              ? BIGINT
              : arg.kind.startsWith('interval')
                ? arg
                : BIGINT;
      return anonymousRowType(sum, BIGINT);
    }
    case 'min':
    case 'max':
    case 'arbitrary':
    case 'any_value':
      return arg;
    case 'bool_and':
    case 'bool_or':
    case 'every':
      return BOOLEAN;
    case 'stddev':
    case 'stddev_samp':
    case 'stddev_pop':
    case 'variance':
    case 'var_samp':
    case 'var_pop':
      // (count, mean, m2) of Welford's algorithm, merged with Chan's formula
      return anonymousRowType(BIGINT, DOUBLE, DOUBLE);
    default:
      return undefined;
  }
}
