/**
 * Whole-plan expression utilities: rewriting every expression of a plan (binding correlated
 * symbols to constants for Apply), and finding a plan's free symbols (its correlation).
 */
import { referencedSymbols, type RowExpression, type SymbolReference } from './ir';
import type { PlanNode } from './plan';

/** Rewrites each expression of every node (nested subqueries included) with `f`. */
export function mapPlanExpressions(node: PlanNode, f: (e: RowExpression) => RowExpression): PlanNode {
  switch (node.kind) {
    case 'TableScan':
    case 'RemoteSource':
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
          : node.mode.kind === 'lateral' && node.mode.filter
            ? { ...node.mode, filter: f(node.mode.filter) }
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
    case 'AssignUniqueId':
    case 'Unnest':
    case 'Window':
    case 'Sort':
    case 'TopN':
    case 'Limit':
    case 'Output':
    case 'Exchange':
      return { ...node, source: mapPlanExpressions(node.source, f) } as PlanNode;
  }
}

/** Replaces references to the given symbols by constants. */
export function bindSymbols(e: RowExpression, values: ReadonlyMap<string, unknown>): RowExpression {
  return mapSymbols(e, (ref) =>
    values.has(ref.name) ? { kind: 'constant', value: values.get(ref.name), type: ref.type } : ref,
  );
}

/** Replaces references to the given symbols by expressions. */
export function substituteSymbols(
  e: RowExpression,
  replacements: ReadonlyMap<string, RowExpression>,
): RowExpression {
  return mapSymbols(e, (ref) => replacements.get(ref.name) ?? ref);
}

/** `e` with each symbol reference replaced by `f` of it. */
function mapSymbols(e: RowExpression, f: (ref: SymbolReference) => RowExpression): RowExpression {
  if (e.kind === 'symbol') return f(e);
  if (e.kind === 'constant') return e;
  const out: Record<string, unknown> = { ...e };
  const sub = (x: RowExpression) => mapSymbols(x, f);
  for (const [k, v] of Object.entries(e)) {
    if (k === 'type') continue;
    if (Array.isArray(v)) {
      out[k] = v.map((x) =>
        isExpression(x) ? sub(x) : isWhen(x) ? { condition: sub(x.condition), result: sub(x.result) } : x,
      );
    } else if (isExpression(v)) {
      out[k] = sub(v);
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

/**
 * Symbols a plan reads but does not produce: its references to enclosing queries. Computed per
 * node, because a projection may pass an outer symbol through under its own name (`SELECT t1.c`
 * in a subquery outputs the outer `c`): what a node outputs does not make it bound below.
 */
export function freeSymbols(node: PlanNode): Set<string> {
  const visit = (n: PlanNode): Set<string> => {
    const read = new Set<string>();
    let children: PlanNode[] = [];
    switch (n.kind) {
      case 'Values':
        for (const r of n.rows) for (const e of r) referencedSymbols(e, read);
        break;
      case 'Filter':
        referencedSymbols(n.predicate, read);
        children = [n.source];
        break;
      case 'Project':
        for (const a of n.assignments) referencedSymbols(a.expression, read);
        children = [n.source];
        break;
      case 'Join':
        if (n.filter) referencedSymbols(n.filter, read);
        for (const c of n.criteria) read.add(c.left.name).add(c.right.name);
        children = [n.left, n.right];
        break;
      case 'Apply':
        if (n.mode.kind === 'in' || n.mode.kind === 'quantified') referencedSymbols(n.mode.value, read);
        if (n.mode.kind === 'lateral' && n.mode.filter) referencedSymbols(n.mode.filter, read);
        for (const c of n.correlation) read.add(c.name);
        children = [n.input, n.subquery];
        break;
      case 'Aggregation':
        for (const k of n.groupingKeys) read.add(k.name);
        for (const a of n.aggregates)
          for (const x of [
            ...a.arguments,
            ...(a.mask ? [a.mask] : []),
            ...(a.orderBy ?? []).map((o) => o.symbol),
          ])
            read.add(x.name);
        children = [n.source];
        break;
      case 'Sort':
      case 'TopN':
        for (const o of n.orderBy) read.add(o.symbol.name);
        children = [n.source];
        break;
      case 'GroupId':
        for (const k of n.keys) read.add(k.name);
        children = [n.source];
        break;
      case 'Unnest':
        for (const s of n.replicate) read.add(s.name);
        for (const m of n.mappings) read.add(m.input.name);
        children = [n.source];
        break;
      case 'Window':
        for (const o of n.orderBy) read.add(o.symbol.name);
        for (const p of n.partitionBy) read.add(p.name);
        for (const f of n.functions)
          for (const a of [...f.arguments, ...(f.mask ? [f.mask] : [])]) read.add(a.name);
        children = [n.source];
        break;
      case 'SetOperation':
        children = [...n.inputs];
        break;
      case 'SemiJoin':
        if (n.filter) referencedSymbols(n.filter, read);
        for (const c of n.criteria) read.add(c.input.name).add(c.source.name);
        children = [n.input, n.source];
        break;
      case 'TableScan':
        break;
      default:
        // Limit, Output and any single-source node that reads no symbols of its own
        if ('source' in n) children = [(n as { source: PlanNode }).source];
    }
    const outputs = children.map((c) => new Set(c.outputs.map((s) => s.name)));
    const free = new Set<string>();
    for (const r of read) if (!outputs.some((o) => o.has(r))) free.add(r);
    // a child's free symbol is bound only by a sibling's output (Apply's input for its subquery)
    children.forEach((c, i) => {
      for (const f of visit(c)) if (!outputs.some((o, j) => j !== i && o.has(f))) free.add(f);
    });
    return free;
  };
  return visit(node);
}
