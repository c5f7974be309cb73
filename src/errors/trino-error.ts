/**
 * TrinoError: the one exception type the engine throws for failures a client should see.
 * It carries a standard error code and, where known, the 1-based source location, so both front
 * doors can render it (Trino's `line L:C: message` convention; a SQLSTATE on the pg door).
 */
import { ErrorCode, ErrorCodeName, errorCode } from './error-codes';

export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

export class TrinoError extends Error {
  readonly errorCode: ErrorCode;
  readonly location: SourceLocation | undefined;
  /** The message without the `line L:C: ` prefix. */
  readonly rawMessage: string;

  constructor(
    code: ErrorCodeName | ErrorCode,
    message: string,
    location?: SourceLocation,
    options?: { cause?: unknown },
  ) {
    super(location ? `line ${location.line}:${location.column}: ${message}` : message, options);
    this.name = 'TrinoError';
    this.errorCode = typeof code === 'string' ? errorCode(code) : code;
    this.location = location;
    this.rawMessage = message;
  }

  get errorName(): string {
    return this.errorCode.name;
  }
  get errorType(): string {
    return this.errorCode.type;
  }
}
