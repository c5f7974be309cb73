/**
 * Build-side choice for semi joins: hash the input instead of the source when the input is
 * estimated to have fewer rows (TPC-H q4, q21, q22: a filtered outer relation probed against a
 * whole fact table). Hashing the larger side costs its rows in memory and time; streaming it past
 * the smaller side's table costs one lookup per row. Unknown estimates keep the default.
 */
import type { PlanNode } from '../plan';
import type { RowEstimator } from './join-reordering';
import { children, withChildren } from './plan-rewrite';

export function chooseSemiJoinBuildSides(node: PlanNode, estimate: RowEstimator): PlanNode {
  const kids = children(node);
  const next = kids.map((k) => chooseSemiJoinBuildSides(k, estimate));
  const current = next.some((n, i) => n !== kids[i]) ? withChildren(node, next) : node;
  if (current.kind !== 'SemiJoin' || current.buildSide !== undefined) return current;
  const input = estimate(current.input);
  const source = estimate(current.source);
  if (input === undefined || source === undefined || input >= source) return current;
  return { ...current, buildSide: 'input' };
}
