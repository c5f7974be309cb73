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
  VARCHAR,
  arrayType,
  decimalType,
  isComparableType,
  mapType,
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
      if (args.length === 2) break;
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
  return collectionOrApproximateType(name, args, mismatch) ?? notSupported(name, loc);
}

function notSupported(name: string, loc?: NodeLocation): never {
  throw new TrinoError('NOT_SUPPORTED', `Aggregate function ${name} is not supported yet`, loc);
}

const isIntegral = (t: SqlType): boolean =>
  t.kind === 'tinyint' || t.kind === 'smallint' || t.kind === 'integer' || t.kind === 'bigint';
const isNumberOrNull = (t: SqlType): boolean => isNumericType(t) || t.kind === 'unknown';
const orderable = (t: SqlType): boolean => t.kind === 'unknown' || isOrderableType(t);

/** The aggregates beyond the SQL-standard core, Trino's signatures. */
function collectionOrApproximateType(
  name: string,
  args: readonly SqlType[],
  mismatch: () => never,
): SqlType | undefined {
  const [a, b, c] = args;
  switch (name) {
    case 'min':
    case 'max':
      // the n-form: min(x, n) / max(x, n) → array(x)
      if (args.length !== 2 || !orderable(a) || !(isIntegral(b) || b.kind === 'unknown')) mismatch();
      return arrayType(a);
    case 'array_agg':
      if (args.length !== 1) mismatch();
      return arrayType(a);
    case 'map_agg':
      if (args.length !== 2 || !(a.kind === 'unknown' || isComparableType(a))) mismatch();
      return mapType(a, b);
    case 'histogram':
      if (args.length !== 1 || !(a.kind === 'unknown' || isComparableType(a))) mismatch();
      return mapType(a, BIGINT);
    case 'multimap_agg':
      if (args.length !== 2 || !(a.kind === 'unknown' || isComparableType(a))) mismatch();
      return mapType(a, arrayType(b));
    case 'listagg':
      // value, separator, then the parser's ON OVERFLOW encoding
      if (args.length < 1 || args.length > 5 || !(a.kind === 'varchar' || a.kind === 'unknown')) mismatch();
      if (b && b.kind !== 'varchar' && b.kind !== 'unknown') mismatch();
      return VARCHAR;
    case 'max_by':
    case 'min_by':
      if (args.length < 2 || args.length > 3 || !orderable(b)) mismatch();
      if (args.length === 3) {
        if (!(isIntegral(c) || c.kind === 'unknown')) mismatch();
        return arrayType(a);
      }
      return a;
    case 'corr':
    case 'covar_samp':
    case 'covar_pop':
    case 'regr_slope':
    case 'regr_intercept':
      if (args.length !== 2 || !isNumberOrNull(a) || !isNumberOrNull(b)) mismatch();
      return a.kind === 'real' && b.kind === 'real' ? REAL : DOUBLE;
    case 'geometric_mean':
      if (args.length !== 1 || !isNumberOrNull(a)) mismatch();
      return a.kind === 'real' ? REAL : DOUBLE;
    case 'approx_distinct':
      if (args.length < 1 || args.length > 2) mismatch();
      if (b && !isNumberOrNull(b)) mismatch();
      return BIGINT;
    case 'approx_percentile': {
      if (args.length < 2 || args.length > 3 || !isNumberOrNull(a)) mismatch();
      if (args.length === 3 && !(isIntegral(b) || b.kind === 'double' || b.kind === 'unknown')) mismatch();
      const p = args[args.length - 1];
      const valueType = isIntegral(a) ? BIGINT : a.kind === 'real' ? REAL : DOUBLE;
      if (p.kind === 'array' && isNumberOrNull(p.element)) return arrayType(valueType);
      if (!isNumberOrNull(p)) mismatch();
      return valueType;
    }
  }
  return undefined;
}
