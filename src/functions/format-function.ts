/**
 * Trino's `format(format, args...)`: the analyzer passes the arguments as one row (Trino's
 * `$format(varchar, row)`), each field becomes the Java object Trino's FormatFunction makes of
 * it, and java-format.ts prints them as `String.format` would.
 */
import { TrinoError } from '../errors';
import {
  bigFloorDiv,
  canCast,
  castToVarchar,
  formatType,
  padChar,
  timeToPicos,
  timestampToEpochPicos,
  timestampTzToEpochPicos,
  toBigInt,
  VARCHAR,
  zoneOffsetMillis,
  type Int64,
  type LongTimestamp,
  type SqlType,
  type TimestampWithTimeZone,
} from '../types';
import { javaFormat, JavaFormatError, splitEpochNanos, type JavaValue } from './java-format';
import type { ScalarFunctionSpec } from './registry';

/** Picoseconds to nanoseconds, half up (Trino's roundDiv). */
const picosToNanos = (picos: bigint) => bigFloorDiv(picos + 500n, 1000n);

/** How a value of `type` becomes the Java argument Trino formats; throws for types without one. */
function converter(type: SqlType): (value: unknown) => JavaValue {
  switch (type.kind) {
    case 'unknown':
      return () => null;
    case 'boolean':
      return (v) => ({ kind: 'Boolean', value: v as boolean });
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return (v) => ({ kind: 'Long', value: toBigInt(v as Int64) });
    case 'real':
      return (v) => ({ kind: 'Float', value: v as number });
    case 'double':
      return (v) => ({ kind: 'Double', value: v as number });
    case 'decimal':
      return (v) => ({ kind: 'BigDecimal', unscaled: toBigInt(v as Int64), scale: type.scale });
    case 'varchar':
      return (v) => ({ kind: 'String', value: v as string });
    case 'char':
      return (v) => ({ kind: 'String', value: padChar(v as string, type.length) });
    case 'date':
      return (v) => ({ kind: 'LocalDate', days: v as number });
    case 'time':
      return (v) => ({
        kind: 'LocalTime',
        nanoOfDay: splitEpochNanos(picosToNanos(timeToPicos(v as number | bigint, type.precision))).nanoOfDay,
      });
    case 'timestamp':
      return (v) => ({
        kind: 'LocalDateTime',
        ...splitEpochNanos(picosToNanos(timestampToEpochPicos(v as Int64 | LongTimestamp, type.precision))),
      });
    case 'timestamp_tz':
      return (v) => {
        const t = v as TimestampWithTimeZone;
        const epochNanos = picosToNanos(timestampTzToEpochPicos(t));
        const offsetSeconds = Math.trunc(zoneOffsetMillis(t.timeZone, t.epochMillis) / 1000);
        return {
          kind: 'ZonedDateTime',
          ...splitEpochNanos(epochNanos + BigInt(offsetSeconds) * 1_000_000_000n),
          offsetSeconds,
          zone: t.timeZone,
          epochNanos,
        };
      };
    default:
      // json prints through json_format, which is its text; other types through CAST to varchar
      if (type.kind !== 'json' && !canCast(type, VARCHAR))
        throw new TrinoError('NOT_SUPPORTED', `Type not supported for formatting: ${formatType(type)}`);
      return (v) => ({
        kind: 'String',
        value: type.kind === 'json' ? (v as string) : castToVarchar(v, type),
      });
  }
}

export const formatFunctions: ScalarFunctionSpec[] = [
  {
    name: 'format',
    typeVariables: ['T'],
    arguments: ['varchar', 'T'],
    returns: 'varchar',
    description: 'formats the input arguments using a format string',
    specialize: (b) => {
      // the analyzer always passes a row; a bare value (a direct call of this signature) is one argument
      const row = b.argumentTypes[1];
      const types = row.kind === 'row' ? row.fields.map((f) => f.type) : [row];
      const converters = types.map(converter);
      return (_c, format: string, values: unknown) => {
        const list = row.kind === 'row' ? (values as readonly unknown[]) : [values];
        const args = converters.map((convert, i) => (list[i] === null ? null : convert(list[i])));
        try {
          return javaFormat(format, args);
        } catch (e) {
          if (!(e instanceof JavaFormatError)) throw e;
          throw new TrinoError(
            'INVALID_FUNCTION_ARGUMENT',
            `Invalid format string: ${format} (${e.message})`,
          );
        }
      };
    },
  },
];
