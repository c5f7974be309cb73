/**
 * The aggregate and window functions as SHOW FUNCTIONS lists them, in Trino's signature notation
 * (`T`, `decimal(p,s)`, …). Their result types are computed by aggregate-signatures.ts and windows.ts;
 * this table only describes them, so a function added there must also be listed here (a test checks that
 * every aggregate the planner accepts appears).
 */
export interface FunctionListingRow {
  name: string;
  returnType: string;
  argumentTypes: string;
  functionType: 'aggregate' | 'window';
  deterministic: boolean;
  description: string;
}

type Entry = readonly [name: string, returns: string, args: string, description?: string];

const MAX_DESCRIPTION = 'Returns the maximum value of the argument';
const MIN_DESCRIPTION = 'Returns the minimum value of the argument';
const SAMPLE_STDDEV = 'Returns the sample standard deviation of the argument';
const SAMPLE_VARIANCE = 'Returns the sample variance of the argument';

const AGGREGATES: readonly Entry[] = [
  ['approx_distinct', 'bigint', 'T'],
  ['approx_distinct', 'bigint', 'T, double'],
  ['approx_percentile', 'bigint', 'bigint, double'],
  ['approx_percentile', 'bigint', 'bigint, double, double'],
  ['approx_percentile', 'double', 'double, double'],
  ['approx_percentile', 'double', 'double, double, double'],
  ['approx_percentile', 'array(bigint)', 'bigint, array(double)'],
  ['approx_percentile', 'array(double)', 'double, array(double)'],
  ['arbitrary', 'T', 'T', 'Return an arbitrary non-null input value'],
  ['any_value', 'T', 'T', 'Return an arbitrary non-null input value'],
  ['array_agg', 'array(T)', 'T', 'return an array of values'],
  ['avg', 'double', 'bigint'],
  ['avg', 'double', 'double'],
  ['avg', 'real', 'real'],
  ['avg', 'decimal(p,s)', 'decimal(p,s)', 'Calculates the average value'],
  ['avg', 'interval day to second', 'interval day to second'],
  ['avg', 'interval year to month', 'interval year to month'],
  ['bool_and', 'boolean', 'boolean'],
  ['bool_or', 'boolean', 'boolean'],
  ['corr', 'double', 'double, double'],
  ['corr', 'real', 'real, real'],
  ['count', 'bigint', ''],
  ['count', 'bigint', 'T', 'Counts the non-null values'],
  ['count_if', 'bigint', 'boolean'],
  ['covar_pop', 'double', 'double, double'],
  ['covar_pop', 'real', 'real, real'],
  ['covar_samp', 'double', 'double, double'],
  ['covar_samp', 'real', 'real, real'],
  ['every', 'boolean', 'boolean'],
  ['geometric_mean', 'double', 'bigint'],
  ['geometric_mean', 'double', 'double'],
  ['geometric_mean', 'real', 'real'],
  [
    'listagg',
    'varchar',
    'varchar, varchar, boolean, varchar, boolean',
    'concatenates the input values with the specified separator',
  ],
  ['histogram', 'map(T,bigint)', 'T', 'Count the number of times each value occurs'],
  ['map_agg', 'map(K,V)', 'K, V', 'Aggregates all the rows (key/value pairs) into a single map'],
  ['max', 'T', 'T', MAX_DESCRIPTION],
  ['max', 'array(E)', 'E, bigint', 'Returns the maximum values of the argument'],
  [
    'max_by',
    'V',
    'V, K',
    'Returns the value of the first argument, associated with the maximum value of the second argument',
  ],
  [
    'max_by',
    'array(V)',
    'V, K, bigint',
    'Returns the values of the first argument associated with the maximum values of the second argument',
  ],
  ['min', 'T', 'T', MIN_DESCRIPTION],
  ['min', 'array(E)', 'E, bigint', 'Returns the minimum values of the argument'],
  [
    'min_by',
    'V',
    'V, K',
    'Returns the value of the first argument, associated with the minimum value of the second argument',
  ],
  [
    'min_by',
    'array(V)',
    'V, K, bigint',
    'Returns the values of the first argument associated with the minimum values of the second argument',
  ],
  [
    'multimap_agg',
    'map(K,array(V))',
    'K, V',
    'Aggregates all the rows (key/value pairs) into a single multimap',
  ],
  ['regr_intercept', 'double', 'double, double'],
  ['regr_intercept', 'real', 'real, real'],
  ['regr_slope', 'double', 'double, double'],
  ['regr_slope', 'real', 'real, real'],
  ['stddev', 'double', 'bigint', SAMPLE_STDDEV],
  ['stddev', 'double', 'double', SAMPLE_STDDEV],
  ['stddev_pop', 'double', 'bigint', 'Returns the population standard deviation of the argument'],
  ['stddev_pop', 'double', 'double', 'Returns the population standard deviation of the argument'],
  ['stddev_samp', 'double', 'bigint', SAMPLE_STDDEV],
  ['stddev_samp', 'double', 'double', SAMPLE_STDDEV],
  ['sum', 'bigint', 'bigint'],
  ['sum', 'double', 'double'],
  ['sum', 'real', 'real'],
  ['sum', 'decimal(38,s)', 'decimal(p,s)', 'Calculates the sum over the input values'],
  ['sum', 'interval day to second', 'interval day to second'],
  ['sum', 'interval year to month', 'interval year to month'],
  ['var_pop', 'double', 'bigint', 'Returns the population variance of the argument'],
  ['var_pop', 'double', 'double', 'Returns the population variance of the argument'],
  ['var_samp', 'double', 'bigint', SAMPLE_VARIANCE],
  ['var_samp', 'double', 'double', SAMPLE_VARIANCE],
  ['variance', 'double', 'bigint', SAMPLE_VARIANCE],
  ['variance', 'double', 'double', SAMPLE_VARIANCE],
];

const WINDOW_FUNCTIONS: readonly Entry[] = [
  ['cume_dist', 'double', ''],
  ['dense_rank', 'bigint', ''],
  ['first_value', 'T', 'T'],
  ['lag', 'T', 'T'],
  ['lag', 'T', 'T, bigint'],
  ['lag', 'T', 'T, bigint, T'],
  ['last_value', 'T', 'T'],
  ['lead', 'T', 'T'],
  ['lead', 'T', 'T, bigint'],
  ['lead', 'T', 'T, bigint, T'],
  ['nth_value', 'T', 'T, bigint'],
  ['ntile', 'bigint', 'bigint'],
  ['percent_rank', 'double', ''],
  ['rank', 'bigint', ''],
  ['row_number', 'bigint', ''],
];

const row =
  (functionType: 'aggregate' | 'window') =>
  ([name, returnType, argumentTypes, description = '']: Entry): FunctionListingRow => ({
    name,
    returnType,
    argumentTypes,
    functionType,
    deterministic: true,
    description,
  });

/** Every aggregate and window function signature, for SHOW FUNCTIONS. */
export function listAggregateAndWindowFunctions(): FunctionListingRow[] {
  return [...AGGREGATES.map(row('aggregate')), ...WINDOW_FUNCTIONS.map(row('window'))];
}
