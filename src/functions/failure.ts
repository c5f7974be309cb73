/**
 * fail(): Trino's hidden FailureFunction, which raises an error when evaluated. The planner uses
 * it for checks that can only happen at run time (a recursive query that did not converge).
 */
import { TrinoError, allErrorCodes } from '../errors';
import type { ScalarFunctionSpec } from './registry';

export const failureFunctions: ScalarFunctionSpec[] = [
  {
    name: 'fail',
    arguments: ['varchar(x)'],
    returns: 'unknown',
    deterministic: false,
    hidden: true,
    description: 'Throws an exception with a given message',
    invoke: (_c, message: string) => {
      throw new TrinoError('GENERIC_USER_ERROR', message);
    },
  },
  {
    name: 'fail',
    arguments: ['integer', 'varchar(x)'],
    returns: 'unknown',
    deterministic: false,
    hidden: true,
    description: 'Throws an exception with a given error code and message',
    invoke: (_c, code: number, message: string) => {
      const known = allErrorCodes().find((e) => e.code === code);
      throw new TrinoError(known ?? 'GENERIC_USER_ERROR', message);
    },
  },
];
