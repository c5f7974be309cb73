/**
 * Moves an uncorrelated IN or quantified-comparison Apply down to the join input that holds the
 * value it tests (through identity projections), as Trino plans such a subquery as a semi join
 * next to the table it filters: TPC-H q18's `o_orderkey IN (…)` then filters orders before they
 * meet lineitem instead of after. Only into an inner join, or the preserved side of an outer one:
 * below the NULL-padding side, a padded row would test NULL where the original tests nothing.
 */
import { referencedSymbols, symbolReference } from '../ir';
import { appliedSymbols, type ApplyNode, type PlanNode } from '../plan';

export function sinkApply(node: ApplyNode): PlanNode | undefined {
  if (node.correlation.length > 0 || (node.mode.kind !== 'in' && node.mode.kind !== 'quantified'))
    return undefined;
  const reads = referencedSymbols(node.mode.value);
  if (reads.size === 0) return undefined;
  const applied = appliedSymbols(node);
  const input = node.input;
  const onto = (source: PlanNode): ApplyNode => ({
    ...node,
    input: source,
    outputs: [...source.outputs, ...applied],
  });
  const has = (n: PlanNode) => [...reads].every((r) => n.outputs.some((s) => s.name === r));
  if (input.kind === 'Project') {
    const identity = new Set(
      input.assignments
        .filter((a) => a.expression.kind === 'symbol' && a.expression.name === a.symbol.name)
        .map((a) => a.symbol.name),
    );
    if (![...reads].every((r) => identity.has(r))) return undefined;
    const below = onto(input.source);
    const assignments = [
      ...input.assignments,
      ...applied.map((s) => ({ symbol: s, expression: symbolReference(s) })),
    ];
    return {
      ...input,
      source: sinkApply(below) ?? below,
      assignments,
      outputs: assignments.map((a) => a.symbol),
    };
  }
  if (input.kind === 'Join') {
    const intoLeft = has(input.left) && (input.type === 'INNER' || input.type === 'LEFT');
    const intoRight = !intoLeft && has(input.right) && (input.type === 'INNER' || input.type === 'RIGHT');
    if (!intoLeft && !intoRight) return undefined;
    const side = onto(intoLeft ? input.left : input.right);
    const sunk = sinkApply(side) ?? side;
    const left = intoLeft ? sunk : input.left;
    const right = intoLeft ? input.right : sunk;
    return { ...input, left, right, outputs: [...left.outputs, ...right.outputs] };
  }
  return undefined;
}
