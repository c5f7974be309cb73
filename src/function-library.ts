/**
 * Connects the function registry (src/functions) to the planner and the expression compiler:
 * the planner's FunctionResolver binds a call and coerces its arguments; the compiler's
 * FunctionBinder finds the implementation again from the bound types. Date/time arithmetic
 * operators (`date + interval`, …) are resolved here, before the registry.
 */
import { TrinoError } from './errors';
import type { FunctionBinder } from './execution/expression-compiler';
import { addMonthsToDays, localToEpoch } from './functions/datetime-functions';
import { resolveScalarFunction, type ArgumentShape, type FunctionContext } from './functions/registry';
import type { FunctionLibrary } from './local-engine';
import type { FunctionResolver, LambdaArgument } from './planner/expression-analyzer';
import type { LambdaExpression, RowExpression } from './planner/ir';
import {
  bigFloorDiv,
  bigFloorMod,
  bigintAdd,
  canCoerce,
  castValue,
  formatType,
  normalizeInt64,
  PICOS_PER_DAY,
  PICOS_PER_MILLI,
  timeFromPicos,
  timestampFromEpochPicos,
  timestampToEpochPicos,
  timestampTzFromEpochPicos,
  timestampTzToEpochPicos,
  timeToPicos,
  typeEquals,
  zoneOffsetMillis,
  type Int64,
  type LongTimestamp,
  type SqlType,
  type TimeWithTimeZone,
  type TimestampWithTimeZone,
} from './types';

const MILLIS_PER_DAY = 86_400_000;

/**
 * The result type of `value ± interval`: the value's type. Times (with or without zone) take
 * only day-to-second intervals and wrap around midnight, as in Trino.
 */
function shiftResultType([t, i]: readonly SqlType[]): SqlType | undefined {
  if (i.kind !== 'interval_day_to_second' && i.kind !== 'interval_year_to_month') return undefined;
  if (t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp_tz') return t;
  if ((t.kind === 'time' || t.kind === 'time_tz') && i.kind === 'interval_day_to_second') return t;
  return undefined;
}

/** Implementations by (value kind, interval kind), bound once the types are known. */
function shiftImplementation(
  sign: 1 | -1,
  value: SqlType,
  interval: SqlType,
): (ctx: FunctionContext, v: unknown, i: unknown) => unknown {
  const picosOf = (i: unknown) => BigInt(sign) * BigInt(i as Int64) * PICOS_PER_MILLI;
  const months = (i: unknown) => sign * (i as number);
  if (value.kind === 'date' && interval.kind === 'interval_day_to_second') {
    return (_ctx, v, i) => {
      const ms = Number(i);
      if (ms % MILLIS_PER_DAY !== 0)
        throw new TrinoError('INVALID_FUNCTION_ARGUMENT', 'Cannot add hour, minutes or seconds to a date');
      return (v as number) + (sign * ms) / MILLIS_PER_DAY;
    };
  }
  if (value.kind === 'date' && interval.kind === 'interval_year_to_month') {
    return (_ctx, v, i) => addMonthsToDays(v as number, months(i));
  }
  if (value.kind === 'timestamp' && interval.kind === 'interval_day_to_second') {
    if (value.precision <= 6)
      return (_ctx, v, i) => bigintAdd(v as Int64, normalizeInt64(BigInt(sign) * BigInt(i as Int64) * 1000n));
    return (_ctx, v, i) =>
      timestampFromEpochPicos(
        timestampToEpochPicos(v as LongTimestamp, value.precision) + picosOf(i),
        value.precision,
      );
  }
  if (value.kind === 'timestamp' && interval.kind === 'interval_year_to_month') {
    // the date moves by months, the time of day stays
    return (_ctx, v, i) => {
      const picos = timestampToEpochPicos(v as Int64 | LongTimestamp, value.precision);
      const day = bigFloorDiv(picos, PICOS_PER_DAY);
      const shifted = BigInt(addMonthsToDays(Number(day), months(i)));
      return timestampFromEpochPicos(
        shifted * PICOS_PER_DAY + (picos - day * PICOS_PER_DAY),
        value.precision,
      );
    };
  }
  if (value.kind === 'timestamp_tz' && interval.kind === 'interval_day_to_second') {
    // a duration: the instant moves, the zone stays (the wall clock may move by more over a DST change)
    return (_ctx, v, i) => {
      const t = v as TimestampWithTimeZone;
      return timestampTzFromEpochPicos(timestampTzToEpochPicos(t) + picosOf(i), t.timeZone);
    };
  }
  if (value.kind === 'timestamp_tz' && interval.kind === 'interval_year_to_month') {
    // months move the wall-clock date in the value's zone (Joda's zoned monthOfYear().add)
    return (_ctx, v, i) => {
      const t = v as TimestampWithTimeZone;
      const local = t.epochMillis + zoneOffsetMillis(t.timeZone, t.epochMillis);
      const day = Math.floor(local / MILLIS_PER_DAY);
      const shiftedLocal = addMonthsToDays(day, months(i)) * MILLIS_PER_DAY + (local - day * MILLIS_PER_DAY);
      const epochMillis = localToEpoch(t.timeZone, shiftedLocal, t.epochMillis);
      return { epochMillis, picosOfMilli: t.picosOfMilli, timeZone: t.timeZone };
    };
  }
  if (value.kind === 'time' && interval.kind === 'interval_day_to_second') {
    return (_ctx, v, i) =>
      timeFromPicos(
        bigFloorMod(timeToPicos(v as number | bigint, value.precision) + picosOf(i), PICOS_PER_DAY),
        value.precision,
      );
  }
  if (value.kind === 'time_tz' && interval.kind === 'interval_day_to_second') {
    return (_ctx, v, i) => {
      const t = v as TimeWithTimeZone;
      const picos = bigFloorMod(timeToPicos(t.time, value.precision) + picosOf(i), PICOS_PER_DAY);
      return { time: timeFromPicos(picos, value.precision), offsetMinutes: t.offsetMinutes };
    };
  }
  throw new TrinoError('NOT_SUPPORTED', `Cannot add ${formatType(interval)} to ${formatType(value)}`);
}

/** `date/timestamp ± interval`, which the analyzer turns into these calls. */
const OPERATORS: Record<string, { sign: 1 | -1 }> = {
  $temporal_plus_interval: { sign: 1 },
  $temporal_minus_interval: { sign: -1 },
};

function coerceArgument(arg: RowExpression, to: SqlType): RowExpression {
  if (typeEquals(arg.type, to)) return arg;
  if (!canCoerce(arg.type, to)) return { kind: 'cast', value: arg, safe: false, type: to };
  if (arg.kind === 'constant')
    return {
      kind: 'constant',
      value: arg.value === null ? null : castValue(arg.value, arg.type, to),
      type: to,
    };
  return { kind: 'cast', value: arg, safe: false, type: to };
}

/**
 * A call with lambda arguments: the registry binds the other arguments first, asks each lambda
 * for its body type under the parameter types it inferred, and the body is then coerced to the
 * type the signature wants (`reduce`'s state, for instance).
 */
function resolveWithLambdas(name: string, args: readonly (RowExpression | LambdaArgument)[]): RowExpression {
  const analyzed = new Map<string, LambdaExpression>();
  const bindLambda = (i: number, a: LambdaArgument, types: readonly SqlType[]): LambdaExpression => {
    const key = `${i}|${types.map(formatType).join('|')}`;
    let lambda = analyzed.get(key);
    if (!lambda) analyzed.set(key, (lambda = a.bind(types)));
    return lambda;
  };
  const shapes = args.map((a, i): ArgumentShape => {
    if (a.kind !== 'lambdaArgument') return { kind: 'value', type: a.type };
    return { kind: 'lambda', arity: a.arity, bodyType: (types) => bindLambda(i, a, types).type };
  });
  const resolved = resolveScalarFunction(name, shapes);
  return {
    kind: 'call',
    function: resolved.name,
    arguments: args.map((a, i) => {
      if (a.kind !== 'lambdaArgument') return coerceArgument(a, resolved.argumentTypes[i]);
      const binding = resolved.lambdas[i]!;
      const lambda = bindLambda(i, a, binding.parameterTypes);
      const body = coerceArgument(lambda.body, binding.returnType);
      return { ...lambda, body, type: body.type };
    }),
    type: resolved.returnType,
  };
}

const resolver: FunctionResolver = (name, args, loc) => {
  const operator = OPERATORS[name];
  try {
    if (args.some((a) => a.kind === 'lambdaArgument')) return resolveWithLambdas(name, args);
    const values = args as readonly RowExpression[];
    if (operator) {
      const type = shiftResultType(values.map((a) => a.type));
      if (!type) {
        throw new TrinoError(
          'TYPE_MISMATCH',
          `Cannot apply operator: ${formatType(values[0].type)} ${operator.sign > 0 ? '+' : '-'} ${formatType(values[1].type)}`,
          loc,
        );
      }
      return { kind: 'call', function: name, arguments: values, type };
    }
    const resolved = resolveScalarFunction(
      name,
      values.map((a) => ({ kind: 'value' as const, type: a.type })),
    );
    return {
      kind: 'call',
      function: resolved.name,
      arguments: values.map((a, i) => coerceArgument(a, resolved.argumentTypes[i])),
      type: resolved.returnType,
    };
  } catch (err) {
    if (err instanceof TrinoError && !err.location && loc)
      throw new TrinoError(err.errorCode, err.rawMessage, loc);
    throw err;
  }
};

const binder: FunctionBinder = (name, argumentTypes, _returnType, lambdas) => {
  const operator = OPERATORS[name];
  if (operator) {
    return {
      nullOnNull: true,
      deterministic: true,
      invoke: shiftImplementation(operator.sign, argumentTypes[0], argumentTypes[1]) as (
        ...args: unknown[]
      ) => unknown,
    };
  }
  const resolved = resolveScalarFunction(
    name,
    argumentTypes.map((type, i): ArgumentShape => {
      const lambda = lambdas?.[i];
      return lambda
        ? { kind: 'lambda', arity: lambda.parameterTypes.length, bodyType: () => lambda.returnType }
        : { kind: 'value', type };
    }),
  );
  return {
    nullOnNull: resolved.nullOnNull,
    deterministic: resolved.deterministic,
    invoke: resolved.invoke as (...args: unknown[]) => unknown,
  };
};

export const functionLibrary: FunctionLibrary = { resolver, binder };
