/**
 * Window specifications for the planner: named WINDOW resolution, frames (with Trino's default),
 * and the result types of window functions.
 */
import { TrinoError } from '../errors';
import type * as ast from '../sql';
import { BIGINT, DOUBLE, type SqlType } from '../types';
import { aggregateResultType } from './aggregate-signatures';
import { isAggregateName } from './expression-analyzer';
import type { WindowFrameSpec } from './plan';

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

export function windowFrame(window: ast.WindowSpecification, call: ast.FunctionCall): WindowFrameSpec {
  const f = window.frame;
  if (!f) {
    // Trino's default: RANGE UNBOUNDED PRECEDING to CURRENT ROW with ORDER BY (peers included), else the partition
    return window.orderBy.length > 0
      ? { type: 'RANGE', start: { type: 'UNBOUNDED PRECEDING' }, end: { type: 'CURRENT ROW' } }
      : { type: 'RANGE', start: { type: 'UNBOUNDED PRECEDING' }, end: { type: 'UNBOUNDED FOLLOWING' } };
  }
  if (f.type === 'GROUPS')
    throw new TrinoError('NOT_SUPPORTED', 'GROUPS frames are not supported yet', call.loc);
  const bound = (b: ast.FrameBound): WindowFrameSpec['start'] => {
    if (!b.value) return { type: b.type };
    if (f.type === 'RANGE')
      throw new TrinoError('NOT_SUPPORTED', 'RANGE frames with offsets are not supported yet', call.loc);
    if (b.value.kind !== 'LongLiteral')
      throw new TrinoError(
        'NOT_SUPPORTED',
        'Window frame offsets must be integer literals',
        b.value.loc ?? call.loc,
      );
    return { type: b.type, offset: Number(b.value.value) };
  };
  const start = bound(f.start);
  const end = f.end ? bound(f.end) : { type: 'CURRENT ROW' as const };
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

const RANKING_FUNCTIONS = new Set(['row_number', 'rank', 'dense_rank', 'ntile']);

export function windowResultType(name: string, args: readonly SqlType[], loc?: ast.NodeLocation): SqlType {
  if (RANKING_FUNCTIONS.has(name)) return BIGINT;
  if (name === 'percent_rank' || name === 'cume_dist') return DOUBLE;
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
