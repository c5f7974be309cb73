/**
 * Subquery decorrelation: rewrites of Apply candidates into joins, used when the planner wraps
 * a clause's subqueries. A subquery that does not fit a rewrite stays an Apply.
 */
import { freeSymbols } from './plan-walk';
import { referencedSymbols, symbolReference, type RowExpression, type Symbol } from './ir';
import type { PlanNode } from './plan';
import { and, conjuncts } from './predicates';

/**
 * A scalar subquery that aggregates without GROUP BY and is correlated only through
 * `inner = outer` equalities in its WHERE clause (TPC-H q2, q17, q20) becomes a LEFT JOIN with
 * the aggregation grouped by the inner keys: one row per key, so each input row still gets
 * exactly one value, NULL when no row matches (0 for count, as the subquery would give).
 */
export function decorrelateScalarAggregate(
  input: PlanNode,
  subquery: PlanNode,
  outer: ReadonlyMap<string, Symbol>,
  output: Symbol,
  nextId: () => number,
): PlanNode | undefined {
  const projects: Extract<PlanNode, { kind: 'Project' }>[] = [];
  let node = subquery;
  while (node.kind === 'Project') {
    projects.push(node);
    node = node.source;
  }
  if (node.kind !== 'Aggregation' || node.groupingKeys.length !== 0 || node.step !== 'SINGLE')
    return undefined;
  const aggregation = node;
  // count over no rows is 0, but the join gives NULL: a count under a projection stays an Apply
  const counts = new Set(
    aggregation.aggregates
      .filter((a) => a.function === 'count' || a.function === 'count_if')
      .map((a) => a.symbol.name),
  );
  if (counts.size > 0 && projects.length > 0) return undefined;
  const pre = aggregation.source;
  if (pre.kind !== 'Project' || pre.source.kind !== 'Filter') return undefined;
  const filter = pre.source;
  const source = filter.source;
  if ([...freeSymbols(source)].length > 0) return undefined;
  // above the filter nothing else may be correlated
  for (const p of [...projects, pre])
    for (const a of p.assignments)
      if ([...referencedSymbols(a.expression)].some((r) => outer.has(r))) return undefined;
  const inner = new Set(source.outputs.map((s) => s.name));
  const local: RowExpression[] = [];
  const keys: { input: Symbol; source: Symbol }[] = [];
  for (const term of conjuncts(filter.predicate)) {
    const refs = [...referencedSymbols(term)];
    if (!refs.some((r) => outer.has(r))) {
      if (!refs.every((r) => inner.has(r))) return undefined;
      local.push(term);
      continue;
    }
    if (
      term.kind !== 'comparison' ||
      term.op !== 'eq' ||
      term.left.kind !== 'symbol' ||
      term.right.kind !== 'symbol'
    )
      return undefined;
    const [a, b] = [term.left, term.right];
    if (outer.has(a.name) && inner.has(b.name))
      keys.push({ input: outer.get(a.name)!, source: { name: b.name, type: b.type } });
    else if (outer.has(b.name) && inner.has(a.name))
      keys.push({ input: outer.get(b.name)!, source: { name: a.name, type: a.type } });
    else return undefined;
  }
  if (keys.length === 0) return undefined;
  const innerKeys = keys.map((k) => k.source);
  const pass = (list: readonly Symbol[]) => list.map((s) => ({ symbol: s, expression: symbolReference(s) }));
  const filtered: PlanNode =
    local.length === 0
      ? source
      : { kind: 'Filter', id: nextId(), source, predicate: and(local), outputs: source.outputs };
  const preAssignments = [
    ...pre.assignments.filter((a) => !innerKeys.some((k) => k.name === a.symbol.name)),
    ...pass(innerKeys),
  ];
  const newPre: PlanNode = {
    ...pre,
    source: filtered,
    assignments: preAssignments,
    outputs: preAssignments.map((a) => a.symbol),
  };
  const grouped: PlanNode = {
    ...aggregation,
    source: newPre,
    groupingKeys: innerKeys,
    outputs: [...innerKeys, ...aggregation.aggregates.map((a) => a.symbol)],
  };
  let top: PlanNode = grouped;
  for (let i = projects.length - 1; i >= 0; i--) {
    const assignments = [...projects[i].assignments, ...pass(innerKeys)];
    top = { ...projects[i], source: top, assignments, outputs: assignments.map((a) => a.symbol) };
  }
  const value = projects.length > 0 ? projects[0].outputs[0] : aggregation.aggregates[0].symbol;
  const join: PlanNode = {
    kind: 'Join',
    id: nextId(),
    type: 'LEFT',
    left: input,
    right: top,
    criteria: keys.map((k) => ({ left: k.input, right: k.source })),
    outputs: [...input.outputs, ...top.outputs],
  };
  const fixCounts = (e: RowExpression): RowExpression =>
    e.kind === 'symbol' && counts.has(e.name)
      ? { kind: 'coalesce', operands: [e, { kind: 'constant', value: 0, type: e.type }], type: e.type }
      : e;
  const result: RowExpression =
    counts.size > 0 && projects.length === 0 ? fixCounts(symbolReference(value)) : symbolReference(value);
  const assignments = [...pass(input.outputs), { symbol: output, expression: result }];
  return {
    kind: 'Project',
    id: nextId(),
    source: join,
    assignments,
    outputs: assignments.map((a) => a.symbol),
  };
}

/**
 * EXISTS whose correlation is only in its WHERE clause, with at least one `inner = outer`
 * equality, becomes a semi join on those equalities; the other correlated conjuncts become the
 * semi join's filter. Anything else stays an Apply.
 */
export function decorrelateExists(
  input: PlanNode,
  subquery: PlanNode,
  outer: ReadonlyMap<string, Symbol>,
  output: Symbol,
  nextId: () => number,
): PlanNode | undefined {
  let node = subquery;
  while (node.kind === 'Project') node = node.source;
  if (node.kind !== 'Filter') return undefined;
  const source = node.source;
  if ([...freeSymbols(source)].length > 0) return undefined;
  const inner = new Set(source.outputs.map((s) => s.name));
  const local: RowExpression[] = [];
  const correlated: RowExpression[] = [];
  const criteria: { input: Symbol; source: Symbol }[] = [];
  for (const term of conjuncts(node.predicate)) {
    const refs = referencedSymbols(term);
    const outerRefs = [...refs].filter((r) => outer.has(r));
    if (outerRefs.length === 0) {
      if ([...refs].every((r) => inner.has(r))) local.push(term);
      else return undefined;
      continue;
    }
    if (![...refs].every((r) => inner.has(r) || outer.has(r))) return undefined;
    if (
      term.kind === 'comparison' &&
      term.op === 'eq' &&
      term.left.kind === 'symbol' &&
      term.right.kind === 'symbol'
    ) {
      const [a, b] = [term.left, term.right];
      if (outer.has(a.name) && inner.has(b.name)) {
        criteria.push({ input: outer.get(a.name)!, source: { name: b.name, type: b.type } });
        continue;
      }
      if (outer.has(b.name) && inner.has(a.name)) {
        criteria.push({ input: outer.get(b.name)!, source: { name: a.name, type: a.type } });
        continue;
      }
    }
    correlated.push(term);
  }
  if (criteria.length === 0) return undefined;
  const filteredSource: PlanNode =
    local.length === 0
      ? source
      : { kind: 'Filter', id: nextId(), source, predicate: and(local), outputs: source.outputs };
  return {
    kind: 'SemiJoin',
    id: nextId(),
    input,
    source: filteredSource,
    criteria,
    ...(correlated.length > 0 ? { filter: and(correlated) } : {}),
    output,
    outputs: [...input.outputs, output],
  };
}
