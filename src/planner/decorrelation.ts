/**
 * Subquery decorrelation: rewrites of Apply candidates into joins, used when the planner wraps
 * a clause's subqueries. A subquery that does not fit a rewrite stays an Apply.
 */
import { freeSymbols } from './plan-walk';
import { referencedSymbols, symbolReference, type RowExpression, type Symbol } from './ir';
import type { PlanNode } from './plan';
import { and, conjuncts } from './predicates';

/** A scalar subquery's aggregation without GROUP BY, correlated only by `inner = outer` equalities. */
interface CorrelatedAggregate {
  /** Projections above the aggregation, outermost first. */
  readonly projects: readonly Extract<PlanNode, { kind: 'Project' }>[];
  readonly aggregation: Extract<PlanNode, { kind: 'Aggregation' }>;
  /** The projection feeding the aggregation. */
  readonly pre: Extract<PlanNode, { kind: 'Project' }>;
  /** The uncorrelated source, filtered by the WHERE clause's uncorrelated conjuncts. */
  readonly filtered: PlanNode;
  readonly keys: readonly { readonly input: Symbol; readonly source: Symbol }[];
}

function correlatedAggregate(
  subquery: PlanNode,
  outer: ReadonlyMap<string, Symbol>,
  nextId: () => number,
): CorrelatedAggregate | undefined {
  const projects: Extract<PlanNode, { kind: 'Project' }>[] = [];
  let node = subquery;
  while (node.kind === 'Project') {
    projects.push(node);
    node = node.source;
  }
  if (node.kind !== 'Aggregation' || node.groupingKeys.length !== 0 || node.step !== 'SINGLE')
    return undefined;
  const aggregation = node;
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
  const filtered: PlanNode =
    local.length === 0
      ? source
      : { kind: 'Filter', id: nextId(), source, predicate: and(local), outputs: source.outputs };
  return { projects, aggregation, pre, filtered, keys };
}

const pass = (list: readonly Symbol[]) => list.map((s) => ({ symbol: s, expression: symbolReference(s) }));

/** The pre-aggregation projection over `filtered`, passing the inner join keys through. */
function preProjection(c: CorrelatedAggregate): PlanNode {
  const innerKeys = c.keys.map((k) => k.source);
  const assignments = [
    ...c.pre.assignments.filter((a) => !innerKeys.some((k) => k.name === a.symbol.name)),
    ...pass(innerKeys),
  ];
  return { ...c.pre, source: c.filtered, assignments, outputs: assignments.map((a) => a.symbol) };
}

/** The projections above the aggregation rebuilt over `top`, also passing `through`. */
function projectionsOver(c: CorrelatedAggregate, top: PlanNode, through: readonly Symbol[]): PlanNode {
  for (let i = c.projects.length - 1; i >= 0; i--) {
    const assignments = [...c.projects[i].assignments, ...pass(through)];
    top = { ...c.projects[i], source: top, assignments, outputs: assignments.map((a) => a.symbol) };
  }
  return top;
}

/** The subquery's value column: its outermost projection's, or the aggregate's. */
function valueOf(c: CorrelatedAggregate): Symbol {
  return c.projects.length > 0 ? c.projects[0].outputs[0] : c.aggregation.aggregates[0].symbol;
}

/**
 * A scalar subquery that aggregates without GROUP BY and is correlated only through
 * `inner = outer` equalities in its WHERE clause (TPC-H q2, q17, q20) becomes a join. Which join
 * depends on whether `estimate` expects the input to have more rows than the source:
 * - no (or unknown, Trino's only plan): as Trino's TransformCorrelatedGlobalAggregation, each
 *   input row gets a unique id,
 *   the source rows are outer-joined to the input rows (the input is the hash side, so the source
 *   only streams past it), and the aggregation groups by the input row; an input row without a
 *   match keeps one row of NULLs, which the aggregates skip (count(x) gives 0, as it should);
 * - yes: the aggregation is grouped by the inner keys and LEFT JOINed to the input, one row per
 *   key, NULL when no row matches (0 for count, as the subquery would give). Joining first would
 *   multiply a large input by the source rows per key.
 */
export function decorrelateScalarAggregate(
  input: PlanNode,
  subquery: PlanNode,
  outer: ReadonlyMap<string, Symbol>,
  output: Symbol,
  nextId: () => number,
  uniqueId: () => Symbol,
  estimate: (node: PlanNode) => number | undefined,
  /** A new symbol of the same type (for the input columns carried through the regrouping). */
  copy: (symbol: Symbol) => Symbol,
): PlanNode | undefined {
  const c = correlatedAggregate(subquery, outer, nextId);
  if (c === undefined) return undefined;
  const inputRows = estimate(input);
  const sourceRows = estimate(c.filtered);
  const inputIsLarger = inputRows !== undefined && sourceRows !== undefined && inputRows > sourceRows;
  if (!inputIsLarger && regroupable(c)) return joinThenAggregate(c, input, output, nextId, uniqueId, copy);
  return aggregateThenJoin(c, input, output, nextId);
}

/** Regrouping by input row needs aggregates that skip the NULL row of an unmatched input row. */
function regroupable(c: CorrelatedAggregate): boolean {
  return c.aggregation.aggregates.every((a) => a.arguments.length > 0);
}

function joinThenAggregate(
  c: CorrelatedAggregate,
  input: PlanNode,
  output: Symbol,
  nextId: () => number,
  uniqueId: () => Symbol,
  copy: (symbol: Symbol) => Symbol,
): PlanNode {
  const rowId = uniqueId();
  const numbered: PlanNode = {
    kind: 'AssignUniqueId',
    id: nextId(),
    source: input,
    idSymbol: rowId,
    outputs: [...input.outputs, rowId],
  };
  const pre = preProjection(c);
  const join: PlanNode = {
    kind: 'Join',
    id: nextId(),
    type: 'RIGHT',
    left: pre,
    right: numbered,
    criteria: c.keys.map((k) => ({ left: k.source, right: k.input })),
    outputs: [...pre.outputs, ...numbered.outputs],
  };
  // grouped by the row id alone; the input's columns ride along (pruned when unused)
  const carried = input.outputs.map((s) => ({ column: s, symbol: copy(s) }));
  const aggregates = [
    ...c.aggregation.aggregates,
    ...carried.map((x) => ({
      symbol: x.symbol,
      function: 'arbitrary',
      arguments: [x.column],
      distinct: false,
    })),
  ];
  const grouped: PlanNode = {
    ...c.aggregation,
    source: join,
    groupingKeys: [rowId],
    aggregates,
    outputs: [rowId, ...aggregates.map((a) => a.symbol)],
  };
  const top = projectionsOver(
    c,
    grouped,
    carried.map((x) => x.symbol),
  );
  const assignments = [
    ...carried.map((x) => ({ symbol: x.column, expression: symbolReference(x.symbol) })),
    { symbol: output, expression: symbolReference(valueOf(c)) },
  ];
  return {
    kind: 'Project',
    id: nextId(),
    source: top,
    assignments,
    outputs: assignments.map((a) => a.symbol),
  };
}

function aggregateThenJoin(
  c: CorrelatedAggregate,
  input: PlanNode,
  output: Symbol,
  nextId: () => number,
): PlanNode | undefined {
  const { aggregation, projects } = c;
  // count over no rows is 0, but the join gives NULL: a count under a projection stays an Apply
  const counts = new Set(
    aggregation.aggregates
      .filter((a) => a.function === 'count' || a.function === 'count_if')
      .map((a) => a.symbol.name),
  );
  if (counts.size > 0 && projects.length > 0) return undefined;
  const innerKeys = c.keys.map((k) => k.source);
  const grouped: PlanNode = {
    ...aggregation,
    source: preProjection(c),
    groupingKeys: innerKeys,
    outputs: [...innerKeys, ...aggregation.aggregates.map((a) => a.symbol)],
  };
  const top = projectionsOver(c, grouped, innerKeys);
  const value = valueOf(c);
  const join: PlanNode = {
    kind: 'Join',
    id: nextId(),
    type: 'LEFT',
    left: input,
    right: top,
    criteria: c.keys.map((k) => ({ left: k.input, right: k.source })),
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
