/** Shared assertions for the type-system tests. */
import { TrinoError } from '../../src/errors';

/** Runs `fn` and returns the TrinoError it throws; fails the test on success or any other exception. */
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

/** Asserts that `fn` throws a TrinoError with the given code (and message, when given). */
export function expectTrinoError(fn: () => unknown, code: string, message?: string | RegExp): void {
  const e = trinoErrorOf(fn);
  expect(e.errorName).toBe(code);
  if (typeof message === 'string') expect(e.rawMessage).toBe(message);
  else if (message) expect(e.rawMessage).toMatch(message);
}
