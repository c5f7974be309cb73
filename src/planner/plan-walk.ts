/**
 * Whole-plan expression utilities: rewriting every expression of a plan (binding correlated
 * symbols to constants for Apply), and finding a plan's free symbols (its correlation).
 */
import { referencedSymbols, type RowExpression } from './ir';
import type { PlanNode } from './plan';

/** Rewrites each expression of every node (nested subqueries included) with `f`. */
export function mapPlanExpressions(node: PlanNode, f: (e: RowExpression) => RowExpression): PlanNode {
  switch (node.kind) {
    case 'TableScan':
      return node;
    case 'Values':
      return { ...node, rows: node.rows.map((r) => r.map(f)) };
    case 'Filter':
      return { ...node, source: mapPlanExpressions(node.source, f), predicate: f(node.predicate) };
    case 'Project':
      return {
        ...node,
        source: mapPlanExpressions(node.source, f),
        assignments: node.assignments.map((a) => ({ symbol: a.symbol, expression: f(a.expression) })),
      };
    case 'Join':
      return {
        ...node,
        left: mapPlanExpressions(node.left, f),
        right: mapPlanExpressions(node.right, f),
        ...(node.filter ? { filter: f(node.filter) } : {}),
      };
    case 'Apply': {
      const mode =
        node.mode.kind === 'in' || node.mode.kind === 'quantified'
          ? { ...node.mode, value: f(node.mode.value) }
          : node.mode;
      return {
        ...node,
        input: mapPlanExpressions(node.input, f),
        subquery: mapPlanExpressions(node.subquery, f),
        mode,
      };
    }
    case 'SetOperation':
      return { ...node, inputs: node.inputs.map((i) => mapPlanExpressions(i, f)) };
    case 'SemiJoin':
      return {
        ...node,
        input: mapPlanExpressions(node.input, f),
        source: mapPlanExpressions(node.source, f),
        ...(node.filter ? { filter: f(node.filter) } : {}),
      };
    case 'Aggregation':
    case 'GroupId':
    case 'Window':
    case 'Sort':
    case 'TopN':
    case 'Limit':
    case 'Output':
      return { ...node, source: mapPlanExpressions(node.source, f) } as PlanNode;
  }
}

/** Replaces references to the given symbols by constants. */
export function bindSymbols(e: RowExpression, values: ReadonlyMap<string, unknown>): RowExpression {
  if (e.kind === 'symbol') {
    return values.has(e.name) ? { kind: 'constant', value: values.get(e.name), type: e.type } : e;
  }
  if (e.kind === 'constant') return e;
  const out: Record<string, unknown> = { ...e };
  for (const [k, v] of Object.entries(e)) {
    if (k === 'type') continue;
    if (Array.isArray(v)) {
      out[k] = v.map((x) =>
        isExpression(x)
          ? bindSymbols(x, values)
          : isWhen(x)
            ? { condition: bindSymbols(x.condition, values), result: bindSymbols(x.result, values) }
            : x,
      );
    } else if (isExpression(v)) {
      out[k] = bindSymbols(v, values);
    }
  }
  return out as unknown as RowExpression;
}

function isExpression(x: unknown): x is RowExpression {
  return typeof x === 'object' && x !== null && 'kind' in x && 'type' in x;
}

function isWhen(x: unknown): x is { condition: RowExpression; result: RowExpression } {
  return typeof x === 'object' && x !== null && 'condition' in x && 'result' in x;
}

/** Symbols a plan reads but does not produce: its references to enclosing queries. */
export function freeSymbols(node: PlanNode): Set<string> {
  const produced = new Set<string>();
  const read = new Set<string>();
  const visit = (n: PlanNode): void => {
    for (const s of n.outputs) produced.add(s.name);
    switch (n.kind) {
      case 'Values':
        for (const r of n.rows) for (const e of r) referencedSymbols(e, read);
        break;
      case 'Filter':
        referencedSymbols(n.predicate, read);
        visit(n.source);
        break;
      case 'Project':
        for (const a of n.assignments) referencedSymbols(a.expression, read);
        visit(n.source);
        break;
      case 'Join':
        if (n.filter) referencedSymbols(n.filter, read);
        for (const c of n.criteria) read.add(c.left.name).add(c.right.name);
        visit(n.left);
        visit(n.right);
        break;
      case 'Apply':
        if (n.mode.kind === 'in' || n.mode.kind === 'quantified') referencedSymbols(n.mode.value, read);
        for (const c of n.correlation) read.add(c.name);
        visit(n.input);
        visit(n.subquery);
        break;
      case 'Aggregation':
        for (const k of n.groupingKeys) read.add(k.name);
        for (const a of n.aggregates)
          for (const x of [...a.arguments, ...(a.mask ? [a.mask] : [])]) read.add(x.name);
        visit(n.source);
        break;
      case 'Sort':
      case 'TopN':
        for (const o of n.orderBy) read.add(o.symbol.name);
        visit(n.source);
        break;
      case 'GroupId':
        for (const k of n.keys) read.add(k.name);
        visit(n.source);
        break;
      case 'Window':
        for (const o of n.orderBy) read.add(o.symbol.name);
        for (const p of n.partitionBy) read.add(p.name);
        for (const f of n.functions) for (const a of f.arguments) read.add(a.name);
        visit(n.source);
        break;
      case 'Limit':
      case 'Output':
        visit(n.source);
        break;
      case 'SetOperation':
        for (const i of n.inputs) visit(i);
        break;
      case 'SemiJoin':
        if (n.filter) referencedSymbols(n.filter, read);
        for (const c of n.criteria) read.add(c.input.name).add(c.source.name);
        visit(n.input);
        visit(n.source);
        break;
      case 'TableScan':
        break;
    }
  };
  visit(node);
  for (const s of produced) read.delete(s);
  return read;
}
