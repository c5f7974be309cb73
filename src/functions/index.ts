/**
 * The scalar function library: the registry and resolution (registry.ts, signature.ts), SQL value
 * comparison (values-compare.ts), and every built-in function family. Importing this module
 * installs the built-ins; the registry loads them on first use.
 *
 * Planner-facing entry points: resolveScalarFunction, isScalarFunction, listScalarFunctions.
 * Helpers for special forms and operators the planner compiles itself: tryEvaluate (TRY),
 * subscript / mapSubscript (`a[i]`, `m[k]`), atTimeZone (AT TIME ZONE), currentTimestamp & co
 * (CURRENT_TIMESTAMP(p), LOCALTIMESTAMP(p), …).
 */

export { builtinScalarFunctions } from './builtins';
export {
  callScalarFunction,
  declaredSignatures,
  isScalarFunction,
  listScalarFunctions,
  registerScalarFunctions,
  resolveScalarFunction,
  scalarFunctionNames,
} from './registry';
export type {
  ArgumentShape,
  BoundFunction,
  BoundSignature,
  FunctionContext,
  FunctionListing,
  LambdaBinding,
  ResolvedFunction,
  ScalarFunctionSpec,
  ScalarImplementation,
} from './registry';
export * from './values-compare';
export { elementAt, subscript } from './array-functions';
export { mapSubscript } from './map-functions';
export { isTryCatchable, tryEvaluate } from './conditional';
export {
  atTimeZone,
  currentDate,
  currentTime,
  currentTimestamp,
  localTime,
  localTimestamp,
  zoneKey,
} from './datetime-functions';
export { compilePattern, regexpLike } from './regexp';
export { compileJsonPath } from './json-functions';
export { formatTypeSignature } from './signature';
