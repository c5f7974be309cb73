/**
 * Shared helpers for the function tests: build typed arguments, call a function through the
 * registry (resolution + coercion + null-on-null, as the engine does), and render results the way
 * the Trino CLI prints them (doubles as Java's Double.toString, arrays `[1, 2]`, maps `{a=1}`,
 * rows `{1, a}`, varbinary as hex, NULL as `NULL`).
 */
import { TrinoError } from '../../src/errors';
import { callScalarFunction, type FunctionContext } from '../../src/functions';
import {
  castFromVarchar,
  formatType,
  formatValue,
  javaDoubleToString,
  javaFloatToString,
  parseType,
  type SqlType,
} from '../../src/types';

export const CTX: FunctionContext = {
  timeZone: 'UTC',
  startTime: Date.UTC(2024, 0, 15, 10, 30, 45, 123),
  user: 'test',
};

export interface Arg {
  type: SqlType;
  value: unknown;
}

export interface LambdaArg {
  lambda: (...xs: never[]) => unknown;
  bodyType: (p: SqlType[]) => SqlType;
}

/** A value of the given type, as is. */
export function v(type: string, value: unknown): Arg {
  return { type: parseType(type), value };
}

/** A value parsed from its SQL text (CAST(text AS type)). */
export function t(type: string, text: string): Arg {
  const ty = parseType(type);
  return { type: ty, value: castFromVarchar(text, ty, { timeZone: CTX.timeZone }) };
}

export const NULL: Arg = v('unknown', null);

export function str(s: string): Arg {
  return v(`varchar(${[...s].length})`, s);
}

export function int(n: number): Arg {
  return v('integer', n);
}

export function big(n: number | bigint): Arg {
  return v('bigint', n);
}

export function dbl(n: number): Arg {
  return v('double', n);
}

/** A lambda whose body has a fixed type, or a type computed from the parameter types. */
export function lambda(
  fn: (...xs: never[]) => unknown,
  body: string | ((p: SqlType[]) => SqlType),
): LambdaArg {
  return { lambda: fn, bodyType: typeof body === 'string' ? () => parseType(body) : body };
}

export function call(name: string, ...args: (Arg | LambdaArg)[]): { type: SqlType; value: unknown } {
  return callScalarFunction(CTX, name, args);
}

export function callIn(ctx: FunctionContext, name: string, ...args: (Arg | LambdaArg)[]) {
  return callScalarFunction(ctx, name, args);
}

/** Renders a value of a type as the Trino CLI prints it. */
export function render(value: unknown, type: SqlType): string {
  if (value === null || value === undefined) return 'NULL';
  switch (type.kind) {
    case 'double':
      return javaDoubleToString(value as number);
    case 'real':
      return javaFloatToString(value as number);
    case 'varbinary':
      return Array.from(value as Uint8Array, (b) => b.toString(16).padStart(2, '0')).join(' ');
    case 'array':
      return `[${(value as unknown[]).map((e) => render(e, type.element)).join(', ')}]`;
    case 'map':
      return `{${(value as [unknown, unknown][]).map(([k, w]) => `${render(k, type.key)}=${render(w, type.value)}`).join(', ')}}`;
    case 'row':
      return `{${(value as unknown[]).map((e, i) => render(e, type.fields[i].type)).join(', ')}}`;
    default:
      return formatValue(value, type);
  }
}

/** Calls and renders: `evaluate('abs', int(-5))` → `'5'`. */
export function evaluate(name: string, ...args: (Arg | LambdaArg)[]): string {
  const r = call(name, ...args);
  return render(r.value, r.type);
}

/** The result type's display name. */
export function typeOf(name: string, ...args: (Arg | LambdaArg)[]): string {
  return formatType(call(name, ...args).type);
}

export function trinoErrorOf(fn: () => unknown): TrinoError {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (e instanceof TrinoError) return e;
    throw new Error(`expected a TrinoError, got ${String(e)}`, { cause: e });
  }
  throw new Error(`expected a TrinoError, got result ${String(result)}`);
}

export function expectError(fn: () => unknown, code: string, message?: string | RegExp): void {
  const e = trinoErrorOf(fn);
  expect(e.errorName).toBe(code);
  if (typeof message === 'string') expect(e.rawMessage).toBe(message);
  else if (message) expect(e.rawMessage).toMatch(message);
}
