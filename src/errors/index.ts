export { errorCode, allErrorCodes } from './error-codes';
export type { ErrorCode, ErrorCodeName, ErrorType } from './error-codes';
export { TrinoError } from './trino-error';
export type { SourceLocation } from './trino-error';
