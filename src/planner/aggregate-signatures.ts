/**
 * Result types of the aggregate functions (Trino's): the planner needs them to type expressions
 * over aggregates; the accumulators live in execution/aggregation.
 */
import { TrinoError } from '../errors';
import type { NodeLocation } from '../sql';
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  REAL,
  decimalType,
  formatType,
  isNumericType,
  isOrderableType,
  type SqlType,
} from '../types';

export function aggregateResultType(name: string, args: readonly SqlType[], loc?: NodeLocation): SqlType {
  const arg = args[0];
  const mismatch = (): never => {
    throw new TrinoError(
      'FUNCTION_NOT_FOUND',
      `Unexpected parameters (${args.map(formatType).join(', ')}) for function ${name}`,
      loc,
    );
  };
  switch (name) {
    case 'count':
      if (args.length > 1) mismatch();
      return BIGINT;
    case 'count_if':
      if (args.length !== 1 || (arg.kind !== 'boolean' && arg.kind !== 'unknown')) mismatch();
      return BIGINT;
    case 'sum':
      if (args.length !== 1) mismatch();
      switch (arg.kind) {
        case 'tinyint':
        case 'smallint':
        case 'integer':
        case 'bigint':
          return BIGINT;
        case 'real':
          return REAL;
        case 'double':
          return DOUBLE;
        case 'decimal':
          return decimalType(38, arg.scale);
        case 'interval_day_to_second':
        case 'interval_year_to_month':
          return arg;
        case 'unknown':
          return BIGINT;
        default:
          return mismatch();
      }
    case 'avg':
      if (args.length !== 1) mismatch();
      switch (arg.kind) {
        case 'tinyint':
        case 'smallint':
        case 'integer':
        case 'bigint':
        case 'double':
        case 'unknown':
          return DOUBLE;
        case 'real':
          return REAL;
        case 'decimal':
          return arg;
        case 'interval_day_to_second':
        case 'interval_year_to_month':
          return arg;
        default:
          return mismatch();
      }
    case 'min':
    case 'max':
      if (args.length !== 1) mismatch();
      if (arg.kind !== 'unknown' && !isOrderableType(arg)) mismatch();
      return arg;
    case 'arbitrary':
    case 'any_value':
      if (args.length !== 1) mismatch();
      return arg;
    case 'bool_and':
    case 'bool_or':
    case 'every':
      if (args.length !== 1 || (arg.kind !== 'boolean' && arg.kind !== 'unknown')) mismatch();
      return BOOLEAN;
    case 'stddev':
    case 'stddev_samp':
    case 'stddev_pop':
    case 'variance':
    case 'var_samp':
    case 'var_pop':
      if (args.length !== 1 || !(isNumericType(arg) || arg.kind === 'unknown')) mismatch();
      return DOUBLE;
  }
  throw new TrinoError('NOT_SUPPORTED', `Aggregate function ${name} is not supported yet`, loc);
}
