/**
 * Predicates implied by a disjunction over a subset of its columns (what Trino's predicate
 * pushdown derives as the effective predicate of one side of a join): when every branch of
 * `B1 OR … OR Bn` has conjuncts over the columns of one join side only, then
 * `S1 OR … OR Sn`, with Si the conjunction of those conjuncts of Bi, holds wherever the
 * disjunction does, and can filter that side early. TPC-H q7's
 * `(n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')` gives
 * `n1 = 'FRANCE' OR n1 = 'GERMANY'` for n1's side and the same for n2's.
 */
import { BOOLEAN } from '../../types';
import { referencedSymbols, type RowExpression } from '../ir';
import { and, conjuncts } from '../predicates';

/**
 * Functions whose results differ between calls: evaluating them once more in a derived
 * predicate would not be implied by the original.
 */
const NONDETERMINISTIC = new Set(['random', 'rand', 'uuid', 'shuffle']);

/** True unless some call in the expression tree (at any depth: CASE clauses, lambdas) is nondeterministic. */
function deterministic(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return true;
  const node = e as { kind?: unknown; function?: unknown };
  if (node.kind === 'call' && NONDETERMINISTIC.has(node.function as string)) return false;
  return Object.values(e).every(deterministic);
}

/**
 * The predicate over `symbols` only that `e` (a disjunction) implies, or undefined when some
 * branch has no conjunct over those symbols alone (then nothing but TRUE is implied).
 */
export function impliedPredicate(e: RowExpression, symbols: ReadonlySet<string>): RowExpression | undefined {
  if (e.kind !== 'logical' || e.op !== 'or') return undefined;
  const branches: RowExpression[] = [];
  for (const branch of e.terms) {
    const local = conjuncts(branch).filter(
      (t) => [...referencedSymbols(t)].every((s) => symbols.has(s)) && deterministic(t),
    );
    if (local.length === 0) return undefined;
    branches.push(and(local));
  }
  return { kind: 'logical', op: 'or', terms: branches, type: BOOLEAN };
}
