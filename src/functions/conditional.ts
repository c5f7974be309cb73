/**
 * Conditional expressions and comparison functions (trino.io/docs functions/conditional.html,
 * functions/comparison.html): coalesce, if, nullif, greatest, least, and the TRY helper.
 *
 * coalesce / if / nullif / try are special forms in Trino: their arguments are evaluated lazily.
 * The registry entries here give the planner the types (common super type of the branches) and an
 * eager implementation usable for constant folding; a compiled expression should short-circuit.
 */

import { TrinoError } from '../errors';
import { castValue, commonSuperType, formatType, isComparableType, type SqlType } from '../types';
import type { BoundFunction, FunctionContext, ScalarFunctionSpec } from './registry';
import { comparatorFor, equalityFor } from './values-compare';

/** The error codes TRY turns into NULL (Trino's TryFunction.propagateIfUnhandled). */
const TRY_CATCHABLE = new Set([
  'DIVISION_BY_ZERO',
  'INVALID_CAST_ARGUMENT',
  'INVALID_FUNCTION_ARGUMENT',
  'NUMERIC_VALUE_OUT_OF_RANGE',
]);

/** Whether TRY(...) swallows this error. */
export function isTryCatchable(e: unknown): boolean {
  return e instanceof TrinoError && TRY_CATCHABLE.has(e.errorCode.name);
}

/** TRY(expr): evaluates `thunk`, returning NULL for the errors TRY catches and rethrowing others. */
export function tryEvaluate<T>(thunk: () => T): T | null {
  try {
    return thunk();
  } catch (e) {
    if (isTryCatchable(e)) return null;
    throw e;
  }
}

function greatestLeast(type: SqlType, greatest: boolean) {
  // Trino's MinMaxCompare: max uses COMPARISON_UNORDERED_FIRST (NaN loses), min UNORDERED_LAST
  const compare = comparatorFor(type, greatest);
  return (_c: FunctionContext, ...values: unknown[]): unknown => {
    let best: unknown = null;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) return null;
      if (i === 0) best = v;
      else {
        const c = compare(v, best);
        if (greatest ? c > 0 : c < 0) best = v;
      }
    }
    return best;
  };
}

function nullifCheck(b: BoundFunction): void {
  const [first, second] = b.argumentTypes;
  const common = commonSuperType(first, second);
  if (common === undefined || !isComparableType(common)) {
    throw new TrinoError(
      'TYPE_MISMATCH',
      `Types are not comparable with NULLIF: ${formatType(first)} vs ${formatType(second)}`,
    );
  }
}

export const conditionalFunctions: ScalarFunctionSpec[] = [
  {
    name: 'coalesce',
    typeVariables: ['T'],
    arguments: ['T'],
    variadic: true,
    returns: 'T',
    nullOnNull: false,
    description: 'Returns the first non-null argument',
    invoke: (_c, ...values: unknown[]) => {
      for (const v of values) if (v !== null && v !== undefined) return v;
      return null;
    },
  },
  {
    name: 'if',
    typeVariables: ['T'],
    arguments: ['boolean', 'T'],
    returns: 'T',
    nullOnNull: false,
    description: 'Returns the second argument when the condition is true, else NULL',
    invoke: (_c, condition: boolean | null, value: unknown) => (condition === true ? value : null),
  },
  {
    name: 'if',
    typeVariables: ['T'],
    arguments: ['boolean', 'T', 'T'],
    returns: 'T',
    nullOnNull: false,
    description: 'Returns the second argument when the condition is true, else the third',
    invoke: (_c, condition: boolean | null, a: unknown, b: unknown) => (condition === true ? a : b),
  },
  {
    name: 'nullif',
    typeVariables: ['T', 'U'],
    arguments: ['T', 'U'],
    returns: 'T',
    nullOnNull: false,
    description: 'Returns NULL if the arguments are equal, else the first argument',
    check: nullifCheck,
    specialize: (b) => {
      const [first, second] = b.argumentTypes;
      const common = commonSuperType(first, second)!;
      const eq = equalityFor(common);
      return (_c, a: unknown, x: unknown) => {
        if (a === null) return null;
        if (x === null) return a;
        return eq(castValue(a, first, common), castValue(x, second, common)) === true ? null : a;
      };
    },
  },
  {
    name: 'greatest',
    typeVariables: ['E:orderable'],
    arguments: ['E'],
    variadic: true,
    returns: 'E',
    description: 'Get the largest of the given values',
    specialize: (b) => greatestLeast(b.returnType, true),
  },
  {
    name: 'least',
    typeVariables: ['E:orderable'],
    arguments: ['E'],
    variadic: true,
    returns: 'E',
    description: 'Get the smallest of the given values',
    specialize: (b) => greatestLeast(b.returnType, false),
  },
];
