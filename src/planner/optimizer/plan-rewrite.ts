/**
 * Generic plan rewriting for the optimizer rules that run after the logical plan is built:
 * rebuilding a node over new children, and bottom-up (possibly async) traversal.
 */
import type { PlanNode } from '../plan';

/** Every child plan of a node, Apply's subquery included (unlike `sources`). */
export function children(node: PlanNode): PlanNode[] {
  switch (node.kind) {
    case 'TableScan':
    case 'Values':
    case 'RemoteSource':
      return [];
    case 'Join':
      return [node.left, node.right];
    case 'Apply':
      return [node.input, node.subquery];
    case 'SemiJoin':
      return [node.input, node.source];
    case 'SetOperation':
      return [...node.inputs];
    default:
      return [node.source];
  }
}

/** `node` over new children, given in the order of `children(node)`. */
export function withChildren(node: PlanNode, next: readonly PlanNode[]): PlanNode {
  switch (node.kind) {
    case 'TableScan':
    case 'Values':
    case 'RemoteSource':
      return node;
    case 'Join':
      return { ...node, left: next[0], right: next[1] };
    case 'Apply':
      return { ...node, input: next[0], subquery: next[1] };
    case 'SemiJoin':
      return { ...node, input: next[0], source: next[1] };
    case 'SetOperation':
      return { ...node, inputs: [...next] };
    default:
      return { ...node, source: next[0] } as PlanNode;
  }
}

/** Rewrites children first, then the node itself. */
export async function rewriteBottomUp(
  node: PlanNode,
  rule: (node: PlanNode) => Promise<PlanNode>,
): Promise<PlanNode> {
  const kids = children(node);
  let current = node;
  if (kids.length > 0) {
    const next: PlanNode[] = [];
    for (const k of kids) next.push(await rewriteBottomUp(k, rule));
    if (next.some((n, i) => n !== kids[i])) current = withChildren(node, next);
  }
  return rule(current);
}

/** Largest node id in the plan, so rules can mint fresh ids. */
export function maxNodeId(node: PlanNode): number {
  let max = node.id;
  for (const k of children(node)) max = Math.max(max, maxNodeId(k));
  return max;
}

/**
 * The plan with every node id distinct (a rule may give a new node its source's id; EXPLAIN
 * ANALYZE statistics and remote-source links are keyed by id). Sources keep theirs.
 */
export function uniqueNodeIds(root: PlanNode): PlanNode {
  const seen = new Set<number>();
  let next = maxNodeId(root) + 1;
  const visit = (node: PlanNode): PlanNode => {
    const kids = children(node);
    const rebuilt = kids.length === 0 ? node : withChildren(node, kids.map(visit));
    if (!seen.has(node.id)) {
      seen.add(node.id);
      return rebuilt;
    }
    return { ...rebuilt, id: next++ } as PlanNode;
  };
  return visit(root);
}
