/**
 * The scalar function registry: every built-in function's declared signatures, and resolution of
 * a call site to one of them with Trino's rules (io.trino.metadata.FunctionResolver /
 * FunctionBinder):
 *
 *   1. an exact match among the non-generic signatures, then among the generic ones;
 *   2. otherwise every signature the arguments reach by implicit coercion, keeping the most
 *      specific ones (a candidate whose bound argument types also bind to the other's declared
 *      signature is more specific); with NULL (unknown) arguments, candidates that only cast the
 *      unknown arguments win, and if all remaining ones return the same type any of them does;
 *   3. no candidate: FUNCTION_NOT_FOUND `Function 'foo' not registered`, or
 *      `Unexpected parameters (varchar(3), integer) for function substr. Expected: …`;
 *      several: AMBIGUOUS_FUNCTION_CALL.
 *
 * The planner codes against `resolveScalarFunction` / `ResolvedFunction`; the families
 * (math.ts, string.ts, …) declare `ScalarFunctionSpec`s.
 */

import { TrinoError } from '../errors';
import { castValue, typeEquals, type SqlType } from '../types';
import { builtinScalarFunctions } from './builtins';
import {
  bindSignature,
  compareDeclaredSpecificity,
  formatDeclaredSignature,
  formatTypeSig,
  formatTypeSignature,
  isGenericSignature,
  parseTypeSig,
  parseTypeVariable,
  type ArgumentShape,
  type BoundSignature,
  type DeclaredSignature,
  type LambdaBinding,
} from './signature';

export type { ArgumentShape, BoundSignature, LambdaBinding } from './signature';

/** Per-query facts functions may read. */
export interface FunctionContext {
  /** Session time zone key id (`UTC`, `America/New_York`, `+05:30`). */
  readonly timeZone: string;
  /** Query start, epoch milliseconds (current_timestamp and friends). */
  readonly startTime: number;
  readonly user: string;
}

/**
 * A function body: canonical values in and out (src/types/values.ts); lambda arguments arrive as
 * JS functions `(value, ...) => value`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScalarImplementation = (ctx: FunctionContext, ...args: any[]) => unknown;

export interface ResolvedFunction {
  /** Canonical function name (an alias resolves to its function's name, e.g. `substr` → `substring`). */
  name: string;
  /** The types the arguments must be coerced to; for a lambda argument, the type its body must produce. */
  argumentTypes: SqlType[];
  returnType: SqlType;
  deterministic: boolean;
  /** true: the engine returns NULL without calling `invoke` when any argument is NULL. */
  nullOnNull: boolean;
  invoke: ScalarImplementation;
  /** Per argument: for a lambda, its parameter types and return type; undefined for values. */
  lambdas: (LambdaBinding | undefined)[];
  /** The bound signature, Trino style: `substring(varchar(3),bigint):varchar(3)`. */
  signature: string;
}

/** What an implementation factory learns about the call it serves. */
export interface BoundFunction extends BoundSignature {
  readonly name: string;
  readonly arity: number;
}

/** A declared function signature with its implementation. */
export interface ScalarFunctionSpec {
  name: string;
  aliases?: string[];
  /** `T`, `T:comparable`, `T:orderable` */
  typeVariables?: string[];
  /** Argument types in signature syntax: `varchar(x)`, `array(T)`, `function(T,U)`, `decimal(p,s)`. */
  arguments: string[];
  /** The last argument repeats (zero or more times beyond the fixed ones). */
  variadic?: boolean;
  /** Return type in signature syntax; literal variables may be computed by `literals`. */
  returns: string;
  /** Computed literal variables: `{ rp: (v) => Math.min(38, v.p + 1) }`. */
  literals?: Record<string, (v: Readonly<Record<string, number>>) => number>;
  /** Computes the return type when the signature cannot express it (zip, concat of varchar(x)…). */
  returnTypeOf?: (b: BoundSignature) => SqlType;
  deterministic?: boolean;
  nullOnNull?: boolean;
  description?: string;
  hidden?: boolean;
  /** A fixed implementation … */
  invoke?: ScalarImplementation;
  /** … or one specialized on the bound types (decimal scales, element comparators). */
  specialize?: (b: BoundFunction) => ScalarImplementation;
  /** Resolution-time validation (Trino throws some errors while specializing). */
  check?: (b: BoundFunction) => void;
}

interface FunctionEntry {
  readonly spec: ScalarFunctionSpec;
  readonly signature: DeclaredSignature;
  readonly generic: boolean;
}

const registry = new Map<string, FunctionEntry[]>();
let builtinsLoaded = false;

/** Registers the built-in functions on first use (the families only import types from here). */
function ensureBuiltins(): void {
  if (builtinsLoaded) return;
  builtinsLoaded = true;
  registerScalarFunctions(builtinScalarFunctions());
}

function declare(spec: ScalarFunctionSpec): DeclaredSignature {
  return {
    name: spec.name,
    typeVariables: (spec.typeVariables ?? []).map(parseTypeVariable),
    argumentTypes: spec.arguments.map(parseTypeSig),
    returnType: parseTypeSig(spec.returns),
    variadic: spec.variadic ?? false,
    longConstraints: Object.entries(spec.literals ?? {}).map(([name, compute]) => ({ name, compute })),
  };
}

/** Adds functions (and their aliases) to the registry. */
export function registerScalarFunctions(specs: readonly ScalarFunctionSpec[]): void {
  if (!builtinsLoaded && specs.length > 0) ensureBuiltins();
  for (const spec of specs) {
    if (spec.invoke === undefined && spec.specialize === undefined) {
      throw new Error(`function ${spec.name} has no implementation`);
    }
    const signature = declare(spec);
    const entry: FunctionEntry = { spec, signature, generic: isGenericSignature(signature) };
    for (const n of [spec.name, ...(spec.aliases ?? [])]) {
      const key = n.toLowerCase();
      let list = registry.get(key);
      if (!list) {
        list = [];
        registry.set(key, list);
      }
      list.push(entry);
    }
  }
}

export function isScalarFunction(name: string): boolean {
  ensureBuiltins();
  return registry.has(name.toLowerCase());
}

interface Applicable {
  readonly entry: FunctionEntry;
  readonly bound: BoundSignature;
}

function shapeText(shape: ArgumentShape): string {
  return shape.kind === 'value' ? formatTypeSignature(shape.type) : 'function';
}

function boundText(name: string, b: BoundSignature): string {
  return `${name}(${b.argumentTypes.map(formatTypeSignature).join(',')}):${formatTypeSignature(b.returnType)}`;
}

function applicable(
  entries: readonly FunctionEntry[],
  shapes: readonly ArgumentShape[],
  coercion: boolean,
): Applicable[] {
  const out: Applicable[] = [];
  for (const entry of entries) {
    const bound = bindSignature(entry.signature, shapes, coercion);
    if (bound !== undefined) out.push({ entry, bound });
  }
  return out;
}

/** Whether `a`'s bound call also binds to `b`'s declaration (a is at least as specific). */
function bindsTo(a: Applicable, b: Applicable, shapes: readonly ArgumentShape[]): boolean {
  const boundShapes: ArgumentShape[] = shapes.map((s, i) =>
    s.kind === 'value' ? { kind: 'value', type: a.bound.argumentTypes[i] } : s,
  );
  return bindSignature(b.entry.signature, boundShapes, true) !== undefined;
}

function moreSpecific(a: Applicable, b: Applicable, shapes: readonly ArgumentShape[]): boolean {
  const ab = bindsTo(a, b, shapes);
  const ba = bindsTo(b, a, shapes);
  if (ab && !ba) return true;
  if (!ab) return false;
  return compareDeclaredSpecificity(a.entry.signature, b.entry.signature, shapes.length) === 1;
}

function selectMostSpecific(candidates: Applicable[], shapes: readonly ArgumentShape[]): Applicable[] {
  let best = candidates.filter((c, i) => !candidates.some((o, j) => i !== j && moreSpecific(o, c, shapes)));
  if (best.length <= 1) return best;
  const unknownArgs = shapes.map((s) => s.kind === 'value' && s.type.kind === 'unknown');
  if (!unknownArgs.some((u) => u)) return best;
  // functions that only cast the unknown arguments
  const onlyUnknown = candidates.filter((c) =>
    shapes.every(
      (s, i) =>
        s.kind !== 'value' || s.type.kind === 'unknown' || typeEquals(c.bound.argumentTypes[i], s.type),
    ),
  );
  if (onlyUnknown.length > 0) {
    best = onlyUnknown;
    if (best.length === 1) return best;
  }
  // Same return type and NULL in a null-on-null argument: all of them return NULL.
  const returnType = best[0].bound.returnType;
  if (
    best.every((c) => typeEquals(c.bound.returnType, returnType)) &&
    best.every((c) => c.entry.spec.nullOnNull !== false)
  ) {
    const sorted = [...best].sort((x, y) => {
      const a = boundText(x.entry.spec.name, x.bound);
      const b = boundText(y.entry.spec.name, y.bound);
      return a < b ? 1 : a > b ? -1 : 0;
    });
    return [sorted[0]];
  }
  return best;
}

function chooseOne(name: string, candidates: Applicable[]): Applicable | undefined {
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  const lines = candidates.map((c) => `\t * ${boundText(name, c.bound)}`).join('\n');
  throw new TrinoError(
    'AMBIGUOUS_FUNCTION_CALL',
    `Could not choose a best candidate operator. Explicit type casts must be added.\nCandidates are:\n${lines}\n`,
  );
}

function notFound(
  name: string,
  shapes: readonly ArgumentShape[],
  entries: readonly FunctionEntry[],
): TrinoError {
  const expected = [...new Set(entries.map((e) => formatDeclaredSignature(name, e.signature)))].sort();
  return new TrinoError(
    'FUNCTION_NOT_FOUND',
    `Unexpected parameters (${shapes.map(shapeText).join(', ')}) for function ${name}. Expected: ${expected.join(', ')}`,
  );
}

/**
 * Resolves a call of `name` with the given argument shapes. Throws FUNCTION_NOT_FOUND (unknown
 * name, or no signature accepts the arguments) or AMBIGUOUS_FUNCTION_CALL.
 */
export function resolveScalarFunction(name: string, args: ArgumentShape[]): ResolvedFunction {
  ensureBuiltins();
  const lower = name.toLowerCase();
  const entries = registry.get(lower);
  if (entries === undefined) throw new TrinoError('FUNCTION_NOT_FOUND', `Function '${lower}' not registered`);

  let chosen =
    chooseOne(
      lower,
      applicable(
        entries.filter((e) => !e.generic),
        args,
        false,
      ),
    ) ??
    chooseOne(
      lower,
      applicable(
        entries.filter((e) => e.generic),
        args,
        false,
      ),
    );
  if (chosen === undefined) {
    const candidates = applicable(entries, args, true);
    chosen = chooseOne(lower, candidates.length <= 1 ? candidates : selectMostSpecific(candidates, args));
  }
  if (chosen === undefined) throw notFound(lower, args, entries);
  return specialize(chosen, args.length);
}

function specialize(chosen: Applicable, arity: number): ResolvedFunction {
  const { spec } = chosen.entry;
  let bound = chosen.bound;
  if (spec.returnTypeOf) bound = { ...bound, returnType: spec.returnTypeOf(bound) };
  const b: BoundFunction = { ...bound, name: spec.name, arity };
  spec.check?.(b);
  const invoke = spec.specialize ? spec.specialize(b) : spec.invoke!;
  return {
    name: spec.name,
    argumentTypes: bound.argumentTypes,
    returnType: bound.returnType,
    deterministic: spec.deterministic ?? true,
    nullOnNull: spec.nullOnNull ?? true,
    invoke,
    lambdas: bound.lambdas,
    signature: boundText(spec.name, bound),
  };
}

/** One row of SHOW FUNCTIONS (Trino's column formats). */
export interface FunctionListing {
  name: string;
  returnType: string;
  argumentTypes: string;
  functionType: 'scalar';
  deterministic: boolean;
  description: string;
}

/** Every visible scalar function signature, aliases included, sorted, without duplicates. */
export function listScalarFunctions(): FunctionListing[] {
  ensureBuiltins();
  const rows = new Map<string, FunctionListing>();
  for (const [name, entries] of registry) {
    for (const e of entries) {
      if (e.spec.hidden) continue;
      const row: FunctionListing = {
        name,
        returnType: formatTypeSig(e.signature.returnType),
        argumentTypes: e.signature.argumentTypes.map(formatTypeSig).join(', '),
        functionType: 'scalar',
        deterministic: e.spec.deterministic ?? true,
        description: e.spec.description ?? '',
      };
      const key = `${row.name}\u0000${row.argumentTypes}\u0000${row.returnType}`;
      if (!rows.has(key)) rows.set(key, row);
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows.values()].sort(
    (a, b) => cmp(a.name, b.name) || cmp(a.argumentTypes, b.argumentTypes) || cmp(a.returnType, b.returnType),
  );
}

/** Names of every registered function (aliases included), sorted. */
export function scalarFunctionNames(): string[] {
  ensureBuiltins();
  return [...registry.keys()].sort();
}

/** The declared signatures registered under a name (for tests and documentation). */
export function declaredSignatures(
  name: string,
): { arguments: string[]; returns: string; variadic: boolean }[] {
  ensureBuiltins();
  return (registry.get(name.toLowerCase()) ?? []).map((e) => ({
    arguments: e.spec.arguments,
    returns: e.spec.returns,
    variadic: e.spec.variadic ?? false,
  }));
}

/**
 * Resolves and calls a function on values of the given types: coerces each argument to its bound
 * type (castValue), applies null-on-null, then invokes. For constant folding and tests; lambda
 * arguments are passed as `{ lambda, bodyType }`.
 */
export function callScalarFunction(
  ctx: FunctionContext,
  name: string,
  args: readonly (
    | { type: SqlType; value: unknown }
    | { lambda: (...xs: never[]) => unknown; bodyType: (p: SqlType[]) => SqlType }
  )[],
): { type: SqlType; value: unknown } {
  const shapes: ArgumentShape[] = args.map((a) =>
    'lambda' in a
      ? { kind: 'lambda', arity: a.lambda.length, bodyType: a.bodyType }
      : { kind: 'value', type: a.type },
  );
  const f = resolveScalarFunction(name, shapes);
  const values = args.map((a, i) =>
    'lambda' in a
      ? a.lambda
      : castValue(a.value, a.type, f.argumentTypes[i], {
          timeZone: ctx.timeZone,
          startEpochMillis: ctx.startTime,
        }),
  );
  if (f.nullOnNull && values.some((v) => v === null || v === undefined))
    return { type: f.returnType, value: null };
  const value = f.invoke(ctx, ...values);
  return { type: f.returnType, value: value === undefined ? null : value };
}
