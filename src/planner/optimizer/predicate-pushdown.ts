/**
 * Predicate pushdown: moves each conjunct of a filter as close to the scans as it can go. Through
 * inner joins, a conjunct over one side moves into that side, an equality between a column of
 * each side becomes a join key (turning `FROM a, b WHERE a.k = b.k` into a hash join), and any
 * other two-sided conjunct becomes the join's filter. Outer joins keep conditions above them,
 * except conjuncts on their preserved side.
 */
import { BOOLEAN } from '../../types';
import { referencedSymbols, symbolReference, type RowExpression } from '../ir';
import { equiPair } from '../predicates';
import { impliedPredicate } from './implied-predicates';
import { sinkApply } from './sink-uncorrelated-apply';
import { substituteSymbols } from '../plan-walk';
import { appliedSymbols, sources, type AggregationNode, type JoinNode, type PlanNode } from '../plan';

export function pushDownPredicates(node: PlanNode): PlanNode {
  return push(node, []);
}

function and(terms: RowExpression[]): RowExpression | undefined {
  if (terms.length === 0) return undefined;
  return terms.length === 1 ? terms[0] : { kind: 'logical', op: 'and', terms, type: BOOLEAN };
}

/**
 * The conjuncts of a predicate. A disjunction whose every branch shares some conjuncts also
 * yields those shared conjuncts ((a AND b) OR (a AND c) implies a), so a join key repeated in
 * every branch of an OR (TPC-H Q19) still becomes a hash-join key.
 */
function conjuncts(e: RowExpression): RowExpression[] {
  if (e.kind === 'logical' && e.op === 'and') return e.terms.flatMap(conjuncts);
  if (e.kind === 'logical' && e.op === 'or') {
    const branches = e.terms.map((t) => conjuncts(t));
    const keyed = branches.map((b) => new Set(b.map(expressionKey)));
    const common = branches[0].filter((t) => keyed.every((k) => k.has(expressionKey(t))));
    return [...common, e];
  }
  return [e];
}

function expressionKey(e: RowExpression): string {
  return JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** Wraps `node` in a filter of the remaining conjuncts. */
function withFilter(node: PlanNode, terms: RowExpression[]): PlanNode {
  // implied predicates are derived again on every pass: keep one copy of each
  const seen = new Set<string>();
  const predicate = and(
    terms.filter((t) => {
      const key = expressionKey(t);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
  if (!predicate) return node;
  return { kind: 'Filter', id: node.id, source: node, predicate, outputs: node.outputs };
}

function covers(node: PlanNode, symbols: Set<string>): boolean {
  const names = new Set(node.outputs.map((s) => s.name));
  for (const s of symbols) if (!names.has(s)) return false;
  return true;
}

/** Pushes `pending` conjuncts (over node's outputs) into `node`. */
function push(node: PlanNode, pending: RowExpression[]): PlanNode {
  switch (node.kind) {
    case 'Filter':
      return push(node.source, [...pending, ...conjuncts(node.predicate)]);
    case 'Join':
      return pushIntoJoin(node, pending);
    case 'Project': {
      // conjuncts over symbols the projection passes through, perhaps renamed, can move below it
      const renames = new Map<string, RowExpression>();
      for (const a of node.assignments)
        if (a.expression.kind === 'symbol') renames.set(a.symbol.name, a.expression);
      const down: RowExpression[] = [];
      const stay: RowExpression[] = [];
      for (const t of pending) {
        const refs = referencedSymbols(t);
        if ([...refs].every((s) => renames.has(s))) down.push(substituteSymbols(t, renames));
        else stay.push(t);
      }
      return withFilter({ ...node, source: push(node.source, down) }, stay);
    }
    case 'TableScan':
    case 'Values':
      return withFilter(node, pending);
    case 'SemiJoin': {
      const down = pending.filter((t) => !referencedSymbols(t).has(node.output.name));
      const stay = pending.filter((t) => referencedSymbols(t).has(node.output.name));
      return withFilter({ ...node, input: push(node.input, down), source: push(node.source, []) }, stay);
    }
    case 'Apply': {
      const sunk = sinkApply(node);
      if (sunk) return push(sunk, pending);
      // conjuncts not reading the subquery's result (or a lateral subquery's columns) can run before it
      const applied = appliedSymbols(node);
      const reads = (t: RowExpression) => applied.some((s) => referencedSymbols(t).has(s.name));
      const down = pending.filter((t) => !reads(t));
      const stay = pending.filter(reads);
      return withFilter({ ...node, input: push(node.input, down), subquery: push(node.subquery, []) }, stay);
    }
    case 'Unnest': {
      // a condition on replicated columns alone holds for all of a source row's output rows or none
      const replicated = new Set(node.replicate.map((s) => s.name));
      const onSource = (t: RowExpression) => [...referencedSymbols(t)].every((s) => replicated.has(s));
      const down = pending.filter(onSource);
      const stay = pending.filter((t) => !onSource(t));
      return withFilter({ ...node, source: push(node.source, down) }, stay);
    }
    case 'AssignUniqueId': {
      // the ids are not reproducible: only conjuncts that do not read them move below
      const down = pending.filter((t) => !referencedSymbols(t).has(node.idSymbol.name));
      const stay = pending.filter((t) => referencedSymbols(t).has(node.idSymbol.name));
      return withFilter({ ...node, source: push(node.source, down) }, stay);
    }
    case 'Aggregation': {
      // conjuncts over grouping keys only can be evaluated before grouping
      const keys = new Set(node.groupingKeys.map((k) => k.name));
      const perRow = valuesFixedPerGroup(node);
      const down: RowExpression[] = [];
      const stay: RowExpression[] = [];
      for (const t of pending) {
        const refs = referencedSymbols(t);
        if (node.groupingKeys.length > 0 && [...refs].every((s) => keys.has(s) || perRow.has(s)))
          down.push(substituteSymbols(t, perRow));
        else stay.push(t);
      }
      return withFilter({ ...node, source: push(node.source, down) }, stay);
    }
    default: {
      // Sort, TopN, Limit, Output: limits change meaning under filters, so stop here
      const rebuilt = rebuildSources(node);
      return withFilter(rebuilt, pending);
    }
  }
}

/**
 * `arbitrary(x)` aggregates whose group holds a single value of x: grouped by a row id that
 * AssignUniqueId gave the rows x comes from (a decorrelated subquery regrouped by input row; the
 * join may repeat a row, never mix two). A condition on such an aggregate is one on x, so it can
 * filter the rows before they are grouped. Maps the aggregate's symbol to x.
 */
function valuesFixedPerGroup(node: AggregationNode): Map<string, RowExpression> {
  const fixed = new Map<string, RowExpression>();
  const keys = new Set(node.groupingKeys.map((k) => k.name));
  const perId = new Set<string>();
  const visit = (n: PlanNode): void => {
    if (n.kind === 'AssignUniqueId' && keys.has(n.idSymbol.name))
      for (const s of n.source.outputs) perId.add(s.name);
    for (const c of sources(n)) visit(c);
  };
  visit(node.source);
  for (const a of node.aggregates) {
    const x = a.arguments[0];
    if (a.function === 'arbitrary' && a.arguments.length === 1 && !a.mask && perId.has(x.name))
      fixed.set(a.symbol.name, symbolReference(x));
  }
  return fixed;
}

function rebuildSources(node: PlanNode): PlanNode {
  switch (node.kind) {
    case 'Sort':
    case 'TopN':
    case 'Limit':
    case 'Window':
    case 'GroupId':
    case 'Output':
      return { ...node, source: push(node.source, []) } as PlanNode;
    case 'SetOperation':
      return { ...node, inputs: node.inputs.map((i) => push(i, [])) };
    default:
      return node;
  }
}

function pushIntoJoin(join: JoinNode, pending: RowExpression[]): PlanNode {
  const all = [...pending, ...(join.type === 'INNER' && join.filter ? conjuncts(join.filter) : [])];
  const left: RowExpression[] = [];
  const right: RowExpression[] = [];
  const criteria = [...join.criteria];
  const joinFilter: RowExpression[] = [];
  const above: RowExpression[] = [];
  const leftNames = new Set(join.left.outputs.map((s) => s.name));
  const rightNames = new Set(join.right.outputs.map((s) => s.name));
  // an outer join's ON condition on the other side alone only decides which of its rows can
  // match, so it filters that side's input (TPC-H q13's o_comment NOT LIKE)
  if (join.type !== 'INNER' && join.filter)
    for (const t of conjuncts(join.filter)) {
      const refs = referencedSymbols(t);
      if (join.type === 'LEFT' && refs.size > 0 && covers(join.right, refs)) right.push(t);
      else if (join.type === 'RIGHT' && refs.size > 0 && covers(join.left, refs)) left.push(t);
      else joinFilter.push(t);
    }
  // a disjunction over both sides still implies a filter on each side it constrains in every branch
  for (const t of all) {
    if (t.kind !== 'logical' || t.op !== 'or') continue;
    const refs = referencedSymbols(t);
    if (covers(join.left, refs) || covers(join.right, refs)) continue;
    const onLeft = join.type === 'INNER' || join.type === 'LEFT' ? impliedPredicate(t, leftNames) : undefined;
    const onRight =
      join.type === 'INNER' || join.type === 'RIGHT' ? impliedPredicate(t, rightNames) : undefined;
    if (onLeft) left.push(onLeft);
    if (onRight) right.push(onRight);
  }
  for (const t of all) {
    const refs = referencedSymbols(t);
    const onLeft = covers(join.left, refs);
    const onRight = covers(join.right, refs);
    if (onLeft && (join.type === 'INNER' || join.type === 'LEFT')) left.push(t);
    else if (onRight && (join.type === 'INNER' || join.type === 'RIGHT')) right.push(t);
    else if (join.type === 'INNER') {
      const pair = equiPair(t, leftNames, rightNames);
      if (pair) criteria.push(pair);
      else if (refs.size > 0) joinFilter.push(t);
      else above.push(t);
    } else above.push(t);
  }
  const filter = and(joinFilter);
  const rebuilt: JoinNode = {
    ...join,
    left: push(join.left, left),
    right: push(join.right, right),
    criteria,
    ...(filter ? { filter } : {}),
  };
  if (!filter) delete (rebuilt as { filter?: RowExpression }).filter;
  return withFilter(rebuilt, above);
}
