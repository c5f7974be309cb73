/** Small helpers over boolean RowExpressions shared by the planner and its rules. */
import { TrinoError } from '../errors';
import type { NodeLocation } from '../sql';
import { BOOLEAN, formatType } from '../types';
import type { RowExpression, Symbol } from './ir';

export function conjuncts(e: RowExpression): RowExpression[] {
  return e.kind === 'logical' && e.op === 'and' ? e.terms.flatMap(conjuncts) : [e];
}

export function and(terms: RowExpression[]): RowExpression {
  return terms.length === 1 ? terms[0] : { kind: 'logical', op: 'and', terms, type: BOOLEAN };
}

/** `a = b` with `a` from one side and `b` from the other, as (left symbol, right symbol). */
export function equiPair(
  term: RowExpression,
  left: Set<string>,
  right: Set<string>,
): { left: Symbol; right: Symbol } | undefined {
  if (term.kind !== 'comparison' || term.op !== 'eq') return undefined;
  const a = term.left;
  const b = term.right;
  if (a.kind !== 'symbol' || b.kind !== 'symbol') return undefined;
  if (left.has(a.name) && right.has(b.name))
    return { left: { name: a.name, type: a.type }, right: { name: b.name, type: b.type } };
  if (left.has(b.name) && right.has(a.name))
    return { left: { name: b.name, type: b.type }, right: { name: a.name, type: a.type } };
  return undefined;
}

/** A clause (WHERE, ON, HAVING …) must be boolean; NULL's unknown type is allowed. */
export function requireBoolean(e: RowExpression, clause: string, loc?: NodeLocation): void {
  if (e.type.kind !== 'boolean' && e.type.kind !== 'unknown') {
    throw new TrinoError(
      'TYPE_MISMATCH',
      `${clause} must evaluate to a boolean: actual type ${formatType(e.type)}`,
      loc,
    );
  }
}
