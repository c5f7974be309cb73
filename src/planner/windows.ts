/**
 * Window specifications for the planner: named WINDOW resolution, frames (with Trino's default),
 * and the result types of window functions.
 */
import { TrinoError } from '../errors';
import type * as ast from '../sql';
import { BIGINT, DOUBLE, canCoerce, castValue, formatType, isNumericType, type SqlType } from '../types';
import type { RowExpression } from './ir';
import { aggregateResultType } from './aggregate-signatures';
import { isAggregateName } from './expression-analyzer';
import type { WindowFrameSpec } from './plan';

/** A query's WINDOW clause names each window once (checked whether or not a function uses it). */
export function checkWindowDefinitions(spec: ast.QuerySpecification): void {
  const seen = new Set<string>();
  for (const w of spec.windows) {
    const name = w.name.value.toLowerCase();
    if (seen.has(name))
      throw new TrinoError(
        'DUPLICATE_WINDOW_NAME',
        `WINDOW name '${w.name.value}' specified more than once`,
        w.loc ?? w.name.loc,
      );
    seen.add(name);
  }
}

/** The call's window: its own specification, or a named WINDOW definition it refers to or extends. */
export function resolveWindow(call: ast.FunctionCall, spec: ast.QuerySpecification): ast.WindowSpecification {
  const lookup = (name: ast.Identifier): ast.WindowSpecification => {
    const def = spec.windows.find((w) => w.name.value.toLowerCase() === name.value.toLowerCase());
    if (!def)
      throw new TrinoError('INVALID_WINDOW_REFERENCE', `Cannot resolve WINDOW name ${name.value}`, name.loc);
    return def.window.existingName
      ? { ...lookup(def.window.existingName), ...stripEmpty(def.window) }
      : def.window;
  };
  const w = call.window!;
  if (w.kind === 'WindowReference') return lookup(w.name);
  if (!w.existingName) return w;
  const base = lookup(w.existingName);
  return { ...base, ...stripEmpty(w), partitionBy: base.partitionBy };
}

/**
 * The call's frame. Offsets must be constants (Trino also allows per-row expressions): ROWS
 * offsets exact integers, RANGE offsets numbers (or day-to-second intervals for date and
 * timestamp keys) measured on the single ORDER BY key, whose type `orderTypes` gives.
 */
export function windowFrame(
  window: ast.WindowSpecification,
  call: ast.FunctionCall,
  orderTypes: readonly SqlType[] = [],
  analyzeOffset: (e: ast.Expression) => RowExpression = () => {
    throw new TrinoError('NOT_SUPPORTED', 'Window frame offsets are not supported here', call.loc);
  },
): WindowFrameSpec {
  const f = window.frame;
  if (!f) {
    // Trino's default: RANGE UNBOUNDED PRECEDING to CURRENT ROW with ORDER BY (peers included), else the partition
    return window.orderBy.length > 0
      ? { type: 'RANGE', start: { type: 'UNBOUNDED PRECEDING' }, end: { type: 'CURRENT ROW' } }
      : { type: 'RANGE', start: { type: 'UNBOUNDED PRECEDING' }, end: { type: 'UNBOUNDED FOLLOWING' } };
  }
  const bound = (b: ast.FrameBound, which: 'start' | 'end'): WindowFrameSpec['start'] => {
    if (!b.value) return { type: b.type };
    const value = analyzeOffset(b.value);
    const loc = b.value.loc ?? call.loc;
    if (f.type === 'GROUPS' && orderTypes.length === 0)
      throw new TrinoError(
        'MISSING_ORDER_BY',
        'Window frame of type GROUPS PRECEDING or FOLLOWING requires ORDER BY',
        loc,
      );
    if (f.type === 'ROWS' || f.type === 'GROUPS') {
      // ROWS counts rows, GROUPS counts peer groups
      if (!isExactInteger(value.type))
        throw new TrinoError(
          'TYPE_MISMATCH',
          `Window frame ${f.type} ${which} value type must be exact numeric type with scale 0 (actual ${formatType(value.type)})`,
          loc,
        );
      return { type: b.type, offset: Number(constantOffset(value, loc)) };
    }
    return { type: b.type, range: rangeOffset(value, orderTypes, window, loc) };
  };
  const start = bound(f.start, 'start');
  const end = f.end ? bound(f.end, 'end') : { type: 'CURRENT ROW' as const };
  const rank = {
    'UNBOUNDED PRECEDING': 0,
    PRECEDING: 1,
    'CURRENT ROW': 2,
    FOLLOWING: 3,
    'UNBOUNDED FOLLOWING': 4,
  };
  if (
    rank[start.type] > rank[end.type] &&
    start.type !== 'UNBOUNDED FOLLOWING' &&
    end.type !== 'UNBOUNDED PRECEDING'
  )
    throw new TrinoError(
      'INVALID_WINDOW_FRAME',
      `Window frame starting from ${start.type} cannot end with ${end.type}`,
      call.loc,
    );
  if (start.type === 'UNBOUNDED FOLLOWING')
    throw new TrinoError(
      'INVALID_WINDOW_FRAME',
      'Window frame start cannot be UNBOUNDED FOLLOWING',
      call.loc,
    );
  if (end.type === 'UNBOUNDED PRECEDING')
    throw new TrinoError('INVALID_WINDOW_FRAME', 'Window frame end cannot be UNBOUNDED PRECEDING', call.loc);
  return { type: f.type, start, end };
}

/** A frame offset's value: a non-negative, non-NULL constant. */
function constantOffset(value: RowExpression, loc?: ast.NodeLocation): unknown {
  if (value.kind !== 'constant')
    throw new TrinoError('NOT_SUPPORTED', 'Window frame offsets must be constants', loc);
  const v = value.value;
  if (
    v === null ||
    (typeof v === 'number' && (v < 0 || Number.isNaN(v))) ||
    (typeof v === 'bigint' && v < 0n)
  )
    throw new TrinoError(
      'INVALID_WINDOW_FRAME',
      'Window frame offset value must not be negative or null',
      loc,
    );
  return v;
}

function isExactInteger(t: SqlType): boolean {
  return (
    t.kind === 'tinyint' ||
    t.kind === 'smallint' ||
    t.kind === 'integer' ||
    t.kind === 'bigint' ||
    (t.kind === 'decimal' && t.scale === 0)
  );
}

/**
 * A RANGE offset as a constant the window operator adds to (subtracts from) the sort key: in the
 * key's own representation when the offset converts to the key type exactly (`exact`), else as a
 * double compared with the key read as a double.
 */
function rangeOffset(
  value: RowExpression,
  orderTypes: readonly SqlType[],
  window: ast.WindowSpecification,
  loc?: ast.NodeLocation,
): { value: unknown; exact: boolean } {
  if (orderTypes.length === 0)
    throw new TrinoError(
      'MISSING_ORDER_BY',
      'Window frame of type RANGE PRECEDING or FOLLOWING requires ORDER BY',
      loc,
    );
  if (orderTypes.length !== 1)
    throw new TrinoError(
      'INVALID_ORDER_BY',
      `Window frame of type RANGE PRECEDING or FOLLOWING requires single sort item in ORDER BY (actual: ${orderTypes.length})`,
      window.loc ?? loc,
    );
  const key = orderTypes[0];
  const offsetType = value.type;
  const incompatible = () =>
    new TrinoError(
      'TYPE_MISMATCH',
      `Window frame RANGE value type (${formatType(offsetType)}) not compatible with sort item type (${formatType(key)})`,
      loc,
    );
  if (isNumericType(key)) {
    if (!isNumericType(offsetType)) throw incompatible();
    const v = constantOffset(value, loc);
    if (canCoerce(offsetType, key)) return { value: castValue(v, offsetType, key), exact: true };
    return { value: castValue(v, offsetType, DOUBLE), exact: false };
  }
  if (key.kind === 'interval_day_to_second' || key.kind === 'interval_year_to_month') {
    // an interval key moves by an interval of its own kind (milliseconds or months)
    if (offsetType.kind !== key.kind) throw incompatible();
    return { value: constantOffset(value, loc), exact: true };
  }
  if (key.kind === 'date' || (key.kind === 'timestamp' && key.precision <= 6)) {
    if (offsetType.kind !== 'interval_day_to_second') throw incompatible();
    const millis = Number(constantOffset(value, loc));
    // dates count days, short timestamps microseconds
    if (key.kind === 'timestamp') return { value: millis * 1000, exact: true };
    if (millis % 86_400_000 === 0) return { value: millis / 86_400_000, exact: true };
    throw new TrinoError(
      'NOT_SUPPORTED',
      'RANGE offsets of part of a day over a date key are not supported yet',
      loc,
    );
  }
  if (isDateTimeKind(key))
    throw new TrinoError(
      'NOT_SUPPORTED',
      `RANGE offsets over ${formatType(key)} keys are not supported yet`,
      loc,
    );
  throw new TrinoError(
    'TYPE_MISMATCH',
    `Window frame of type RANGE PRECEDING or FOLLOWING requires that sort item type be numeric, datetime or interval (actual: ${formatType(key)})`,
    loc,
  );
}

function isDateTimeKind(t: SqlType): boolean {
  return ['date', 'time', 'time_tz', 'timestamp', 'timestamp_tz'].includes(t.kind);
}

const RANKING_FUNCTIONS = new Set(['row_number', 'rank', 'dense_rank', 'ntile']);

export function windowResultType(name: string, args: readonly SqlType[], loc?: ast.NodeLocation): SqlType {
  if (RANKING_FUNCTIONS.has(name) || name === 'percent_rank' || name === 'cume_dist') {
    // ntile(bigint); the others take no arguments
    const expected = name === 'ntile' ? [BIGINT] : [];
    if (
      args.length !== expected.length ||
      args.some((t, i) => t.kind !== 'unknown' && !canCoerce(t, expected[i]))
    ) {
      throw new TrinoError(
        'FUNCTION_NOT_FOUND',
        `Unexpected parameters (${args.map(formatType).join(', ')}) for function ${name}. Expected: ${name}(${expected.map(formatType).join(', ')})`,
        loc,
      );
    }
    return name === 'percent_rank' || name === 'cume_dist' ? DOUBLE : BIGINT;
  }
  if (['lag', 'lead', 'first_value', 'last_value', 'nth_value'].includes(name)) {
    if (args.length === 0)
      throw new TrinoError('FUNCTION_NOT_FOUND', `Unexpected parameters () for function ${name}`, loc);
    return args[0];
  }
  if (isAggregateName(name)) return aggregateResultType(name, args, loc);
  throw new TrinoError('FUNCTION_NOT_FOUND', `Not a window function: ${name}`, loc);
}

function stripEmpty(w: ast.WindowSpecification): Partial<ast.WindowSpecification> {
  const out: Partial<ast.WindowSpecification> = {};
  if (w.partitionBy.length > 0) out.partitionBy = w.partitionBy;
  if (w.orderBy.length > 0) out.orderBy = w.orderBy;
  if (w.frame) out.frame = w.frame;
  return out;
}
