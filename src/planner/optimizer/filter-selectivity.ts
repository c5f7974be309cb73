/**
 * The fraction of rows a filter is expected to keep, for join ordering and build-side choices.
 * A conjunct `column = constant` keeps 1/ndv of the rows and `column IN (constants)` k/ndv when
 * the column's distinct-value count is known (Trino's filter stats rule for equality); every other
 * conjunct together counts as one unknown filter keeping half.
 */
import type { RowExpression } from '../ir';
import { conjuncts } from '../predicates';

const UNKNOWN_FILTER = 0.5;

export function filterSelectivity(
  predicate: RowExpression,
  distinct: (symbol: string) => number | undefined,
): number {
  let selectivity = 1;
  let unknown = false;
  for (const term of conjuncts(predicate)) {
    const known = termSelectivity(term, distinct);
    if (known === undefined) unknown = true;
    else selectivity *= known;
  }
  return unknown ? selectivity * UNKNOWN_FILTER : selectivity;
}

function termSelectivity(
  term: RowExpression,
  distinct: (symbol: string) => number | undefined,
): number | undefined {
  if (term.kind === 'comparison' && term.op === 'eq') {
    const column =
      term.left.kind === 'symbol' && term.right.kind === 'constant'
        ? term.left.name
        : term.right.kind === 'symbol' && term.left.kind === 'constant'
          ? term.right.name
          : undefined;
    const ndv = column === undefined ? undefined : distinct(column);
    return ndv === undefined || ndv < 1 ? undefined : 1 / ndv;
  }
  if (term.kind === 'in' && term.value.kind === 'symbol' && term.list.every((e) => e.kind === 'constant')) {
    const ndv = distinct(term.value.name);
    return ndv === undefined || ndv < 1 ? undefined : Math.min(1, term.list.length / ndv);
  }
  return undefined;
}
