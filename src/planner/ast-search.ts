/**
 * Finding calls and subqueries inside AST expressions. The search never enters a nested query:
 * what a subquery contains is planned with that subquery.
 */
import type * as ast from '../sql';
import { isAggregateName } from './expression-analyzer';

const NESTED_QUERY = new Set(['Query', 'SubqueryExpression', 'Exists', 'InSubquery']);

/**
 * Nodes for which `match` returns true, outermost first. A matched node is not searched further
 * unless `descend` says so for it (an IN subquery's left side, say).
 */
export function findNodes<T>(
  expressions: readonly ast.Expression[],
  match: (node: ast.Expression) => node is ast.Expression & T,
  descend: (node: ast.Expression) => unknown[] = () => [],
): T[] {
  const out: T[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as ast.Expression;
    if (match(n)) {
      out.push(n);
      for (const d of descend(n)) visit(d);
      return;
    }
    if (NESTED_QUERY.has((n as { kind: string }).kind)) return;
    for (const [k, v] of Object.entries(n)) if (k !== 'loc') visit(v);
  };
  visit(expressions);
  return out;
}

const callName = (call: ast.FunctionCall) => call.name.parts.map((p) => p.value.toLowerCase()).join('.');

/** Aggregate calls (not window calls), not inside other aggregates or subqueries. */
export function collectAggregates(expressions: readonly ast.Expression[]): ast.FunctionCall[] {
  return findNodes(
    expressions,
    (n): n is ast.FunctionCall => n.kind === 'FunctionCall' && !n.window && isAggregateName(callName(n)),
  );
}

/** `grouping(…)` calls. */
export function collectGroupingCalls(expressions: readonly ast.Expression[]): ast.FunctionCall[] {
  return findNodes(
    expressions,
    (n): n is ast.FunctionCall => n.kind === 'FunctionCall' && callName(n) === 'grouping',
  );
}

/** Window function calls (any call with OVER). */
export function collectWindowCalls(expressions: readonly ast.Expression[]): ast.FunctionCall[] {
  return findNodes(
    expressions,
    (n): n is ast.FunctionCall => n.kind === 'FunctionCall' && n.window !== undefined,
  );
}

/** Subquery expressions (scalar, EXISTS, IN, quantified), outermost only. */
export function findSubqueries(expressions: readonly ast.Expression[]): ast.Expression[] {
  return findNodes(
    expressions,
    (n): n is ast.Expression =>
      n.kind === 'SubqueryExpression' ||
      n.kind === 'Exists' ||
      n.kind === 'InSubquery' ||
      (n.kind === 'QuantifiedComparison' && n.subject.kind === 'SubqueryExpression'),
    (n) => (n.kind === 'InSubquery' || n.kind === 'QuantifiedComparison' ? [n.value] : []),
  );
}
