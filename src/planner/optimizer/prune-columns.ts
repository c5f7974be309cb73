/**
 * Column pruning: every node keeps only the outputs something above it reads, so scans ask the
 * connector for fewer columns and joins, sorts and aggregations carry narrower rows.
 */
import { referencedSymbols, symbolReference, type RowExpression } from '../ir';
import { appliedSymbols, type PlanNode } from '../plan';

export function pruneColumns(root: PlanNode): PlanNode {
  return prune(root, new Set(root.outputs.map((s) => s.name)));
}

function refs(e: RowExpression, into: Set<string>): Set<string> {
  return referencedSymbols(e, into);
}

function prune(node: PlanNode, required: Set<string>): PlanNode {
  switch (node.kind) {
    case 'Output': {
      const need = new Set(node.outputs.map((s) => s.name));
      return { ...node, source: prune(node.source, need) };
    }
    case 'TableScan': {
      const indexes = node.outputs.map((s, i) => (required.has(s.name) ? i : -1)).filter((i) => i >= 0);
      return {
        ...node,
        columns: indexes.map((i) => node.columns[i]),
        outputs: indexes.map((i) => node.outputs[i]),
      };
    }
    case 'Values': {
      const indexes = node.outputs.map((s, i) => (required.has(s.name) ? i : -1)).filter((i) => i >= 0);
      return {
        ...node,
        rows: node.rows.map((r) => indexes.map((i) => r[i])),
        outputs: indexes.map((i) => node.outputs[i]),
      };
    }
    case 'Filter': {
      const need = refs(node.predicate, new Set(required));
      const source = prune(node.source, need);
      // a filter passes its source's pages through unchanged
      const filtered: PlanNode = { ...node, source, outputs: source.outputs };
      // columns only the predicate reads: a projection above lets the filter copy just the rest
      const kept = source.outputs.filter((s) => required.has(s.name));
      if (kept.length === source.outputs.length) return filtered;
      const assignments = kept.map((s) => ({ symbol: s, expression: symbolReference(s) }));
      return { kind: 'Project', id: node.id, source: filtered, assignments, outputs: kept };
    }
    case 'Project': {
      const assignments = node.assignments.filter((a) => required.has(a.symbol.name));
      const need = new Set<string>();
      for (const a of assignments) refs(a.expression, need);
      return {
        ...node,
        source: prune(node.source, need),
        assignments,
        outputs: assignments.map((a) => a.symbol),
      };
    }
    case 'Aggregation': {
      const aggregates = node.aggregates.filter((a) => required.has(a.symbol.name));
      const need = new Set(node.groupingKeys.map((k) => k.name));
      for (const a of aggregates) {
        for (const x of a.arguments) need.add(x.name);
        if (a.mask) need.add(a.mask.name);
        for (const o of a.orderBy ?? []) need.add(o.symbol.name);
      }
      return {
        ...node,
        source: prune(node.source, need),
        aggregates,
        outputs: [...node.groupingKeys, ...aggregates.map((a) => a.symbol)],
      };
    }
    case 'Unnest': {
      // every mapping stays (its elements decide the row count); unread replicated columns go
      const replicate = node.replicate.filter((s) => required.has(s.name));
      const need = new Set([...replicate.map((s) => s.name), ...node.mappings.map((m) => m.input.name)]);
      const source = prune(node.source, need);
      const outputs = [
        ...replicate,
        ...node.mappings.flatMap((m) => m.outputs),
        ...(node.ordinality ? [node.ordinality] : []),
      ];
      return { ...node, source, replicate, outputs };
    }
    case 'AssignUniqueId': {
      const source = prune(node.source, new Set([...required].filter((n) => n !== node.idSymbol.name)));
      return { ...node, source, outputs: [...source.outputs, node.idSymbol] };
    }
    case 'GroupId': {
      const need = new Set(
        [...required].filter((n) => !node.groupKeys.some((k) => k.name === n) && n !== node.groupId.name),
      );
      for (const k of node.keys) need.add(k.name);
      const source = prune(node.source, need);
      return { ...node, source, outputs: [...source.outputs, ...node.groupKeys, node.groupId] };
    }
    case 'Sort':
    case 'TopN': {
      const need = new Set(required);
      for (const o of node.orderBy) need.add(o.symbol.name);
      const source = prune(node.source, need);
      return { ...node, source, outputs: source.outputs } as PlanNode;
    }
    case 'Limit': {
      const source = prune(node.source, required);
      return { ...node, source, outputs: source.outputs };
    }
    case 'Window': {
      const functions = node.functions.filter((f) => required.has(f.symbol.name));
      if (functions.length === 0) return prune(node.source, required);
      const need = new Set([...required].filter((n) => !node.functions.some((f) => f.symbol.name === n)));
      for (const p of node.partitionBy) need.add(p.name);
      for (const o of node.orderBy) need.add(o.symbol.name);
      for (const f of functions)
        for (const a of [...f.arguments, ...(f.mask ? [f.mask] : [])]) need.add(a.name);
      const source = prune(node.source, need);
      return { ...node, source, functions, outputs: [...source.outputs, ...functions.map((f) => f.symbol)] };
    }
    case 'Join': {
      const need = new Set(required);
      for (const c of node.criteria) need.add(c.left.name).add(c.right.name);
      if (node.filter) refs(node.filter, need);
      const left = prune(node.left, need);
      const right = prune(node.right, need);
      return { ...node, left, right, outputs: [...left.outputs, ...right.outputs] };
    }
    case 'SemiJoin': {
      const need = new Set([...required].filter((n) => n !== node.output.name));
      for (const c of node.criteria) need.add(c.input.name).add(c.source.name);
      if (node.filter) refs(node.filter, need);
      const input = prune(node.input, need);
      const source = prune(node.source, need);
      return { ...node, input, source, outputs: [...input.outputs, node.output] };
    }
    case 'Apply': {
      const applied = appliedSymbols(node);
      const need = new Set([...required].filter((n) => !applied.some((s) => s.name === n)));
      for (const c of node.correlation) need.add(c.name);
      if (node.mode.kind === 'in' || node.mode.kind === 'quantified') refs(node.mode.value, need);
      if (node.mode.kind === 'lateral' && node.mode.filter) refs(node.mode.filter, need);
      const input = prune(node.input, need);
      // the subquery keeps its own outputs (its first column is the result, or all are appended)
      const subquery = prune(node.subquery, new Set(node.subquery.outputs.map((s) => s.name)));
      return { ...node, input, subquery, outputs: [...input.outputs, ...applied] };
    }
    case 'RemoteSource':
      return node;
    case 'Exchange': {
      // runs before exchanges are added; kept total for plans that already have them
      const need = new Set(required);
      for (const c of node.partitioning.columns) need.add(c.name);
      const source = prune(node.source, need);
      return { ...node, source, outputs: source.outputs };
    }
    case 'SetOperation':
      // positional: every column of every input is part of the result
      return { ...node, inputs: node.inputs.map((i) => prune(i, new Set(i.outputs.map((s) => s.name)))) };
  }
}
