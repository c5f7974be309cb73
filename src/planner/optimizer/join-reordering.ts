/**
 * Join reordering for trees of inner joins (as `FROM a, b, c WHERE …` produces): the relations are
 * joined greedily, each step taking the relation that shares an equality with those already
 * joined, and among those the smallest by estimated row count, so that no cross join is formed
 * while a hash join is possible. Conditions attach to the first join that sees all their columns.
 * A projection on top restores the original column order.
 */
import { BOOLEAN } from '../../types';
import { referencedSymbols, type RowExpression, type Symbol } from '../ir';
import type { JoinNode, PlanNode } from '../plan';
import { conjuncts } from '../predicates';

/** Row-count estimate of a subtree, or undefined when unknown. */
export type RowEstimator = (node: PlanNode) => number | undefined;

export function reorderJoins(node: PlanNode, estimate: RowEstimator = () => undefined): PlanNode {
  if (node.kind === 'Join' && node.type === 'INNER') return reorderJoinTree(node, estimate);
  switch (node.kind) {
    case 'TableScan':
    case 'Values':
      return node;
    case 'Join':
      return { ...node, left: reorderJoins(node.left, estimate), right: reorderJoins(node.right, estimate) };
    case 'Apply':
      return {
        ...node,
        input: reorderJoins(node.input, estimate),
        subquery: reorderJoins(node.subquery, estimate),
      };
    case 'SetOperation':
      return { ...node, inputs: node.inputs.map((i) => reorderJoins(i, estimate)) };
    case 'SemiJoin':
      return {
        ...node,
        input: reorderJoins(node.input, estimate),
        source: reorderJoins(node.source, estimate),
      };
    default:
      return { ...node, source: reorderJoins(node.source, estimate) } as PlanNode;
  }
}

/** Collects the relations and conditions of a maximal inner-join subtree. */
function flatten(node: PlanNode, relations: PlanNode[], conditions: RowExpression[]): void {
  if (node.kind === 'Join' && node.type === 'INNER') {
    flatten(node.left, relations, conditions);
    flatten(node.right, relations, conditions);
    for (const c of node.criteria) {
      conditions.push({
        kind: 'comparison',
        op: 'eq',
        left: { kind: 'symbol', ...c.left },
        right: { kind: 'symbol', ...c.right },
        type: BOOLEAN,
      });
    }
    if (node.filter) conditions.push(...conjuncts(node.filter));
    return;
  }
  relations.push(node);
}

function reorderJoinTree(root: JoinNode, estimate: RowEstimator): PlanNode {
  const relations: PlanNode[] = [];
  const conditions: RowExpression[] = [];
  flatten(root, relations, conditions);
  const inputs = relations.map((r) => reorderJoins(r, estimate));
  if (inputs.length < 3) return rebuild(inputs, conditions, root.outputs, estimate, root.id);
  return rebuild(inputs, conditions, root.outputs, estimate, root.id);
}

function equiSides(c: RowExpression): [string, string] | undefined {
  if (c.kind !== 'comparison' || c.op !== 'eq' || c.left.kind !== 'symbol' || c.right.kind !== 'symbol')
    return undefined;
  return [c.left.name, c.right.name];
}

function rebuild(
  inputs: PlanNode[],
  conditions: RowExpression[],
  outputs: readonly Symbol[],
  estimate: RowEstimator,
  id: number,
): PlanNode {
  const remaining = inputs.map((node, index) => ({
    node,
    index,
    names: new Set(node.outputs.map((s) => s.name)),
  }));
  const pending = [...conditions];
  const size = (n: PlanNode) => estimate(n) ?? Number.MAX_SAFE_INTEGER;

  // start from the first relation, as written
  let current = remaining.shift()!;
  let tree = current.node;
  const joined = new Set(current.names);
  while (remaining.length > 0) {
    const connected = remaining.filter((r) =>
      pending.some((c) => {
        const sides = equiSides(c);
        return (
          sides !== undefined &&
          ((joined.has(sides[0]) && r.names.has(sides[1])) || (joined.has(sides[1]) && r.names.has(sides[0])))
        );
      }),
    );
    const candidates = connected.length > 0 ? connected : remaining.slice(0, 1);
    candidates.sort((a, b) => size(a.node) - size(b.node) || a.index - b.index);
    current = candidates[0];
    remaining.splice(remaining.indexOf(current), 1);

    const criteria: { left: Symbol; right: Symbol }[] = [];
    const filters: RowExpression[] = [];
    for (let i = 0; i < pending.length; i++) {
      const c = pending[i];
      const refs = referencedSymbols(c);
      const visible = [...refs].every((s) => joined.has(s) || current.names.has(s));
      if (!visible) continue;
      const sides = equiSides(c);
      const lhs = c.kind === 'comparison' ? c.left : undefined;
      const rhs = c.kind === 'comparison' ? c.right : undefined;
      if (
        sides &&
        lhs?.kind === 'symbol' &&
        rhs?.kind === 'symbol' &&
        joined.has(sides[0]) &&
        current.names.has(sides[1])
      ) {
        criteria.push({
          left: { name: lhs.name, type: lhs.type },
          right: { name: rhs.name, type: rhs.type },
        });
      } else if (
        sides &&
        lhs?.kind === 'symbol' &&
        rhs?.kind === 'symbol' &&
        joined.has(sides[1]) &&
        current.names.has(sides[0])
      ) {
        criteria.push({
          left: { name: rhs.name, type: rhs.type },
          right: { name: lhs.name, type: lhs.type },
        });
      } else {
        filters.push(c);
      }
      pending.splice(i--, 1);
    }
    const filter =
      filters.length === 0
        ? undefined
        : filters.length === 1
          ? filters[0]
          : ({ kind: 'logical', op: 'and', terms: filters, type: BOOLEAN } as RowExpression);
    // the hash table is built on the right: put the smaller side there
    const swap = size(current.node) > size(tree);
    tree = {
      kind: 'Join',
      id,
      type: 'INNER',
      left: swap ? current.node : tree,
      right: swap ? tree : current.node,
      criteria: swap ? criteria.map((c) => ({ left: c.right, right: c.left })) : criteria,
      ...(filter ? { filter } : {}),
      outputs: swap ? [...current.node.outputs, ...tree.outputs] : [...tree.outputs, ...current.node.outputs],
    };
    for (const n of current.names) joined.add(n);
  }
  if (pending.length > 0) {
    const predicate =
      pending.length === 1
        ? pending[0]
        : ({ kind: 'logical', op: 'and', terms: pending, type: BOOLEAN } as RowExpression);
    tree = { kind: 'Filter', id, source: tree, predicate, outputs: tree.outputs };
  }
  const same =
    tree.outputs.length === outputs.length && tree.outputs.every((s, i) => s.name === outputs[i].name);
  if (same) return tree;
  return {
    kind: 'Project',
    id,
    source: tree,
    assignments: outputs.map((s) => ({
      symbol: s,
      expression: { kind: 'symbol', name: s.name, type: s.type },
    })),
    outputs,
  };
}
