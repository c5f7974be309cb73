/** Small helpers over boolean RowExpressions shared by the planner and its rules. */
import { BOOLEAN } from '../types';
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
