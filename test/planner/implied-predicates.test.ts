/**
 * Predicate pushdown derives, from a disjunction over both sides of a join, the predicate each
 * side must satisfy (TPC-H q7's nation pair), and keeps the disjunction itself on the join.
 */
import { pushDownPredicates } from '../../src/planner/optimizer/predicate-pushdown';
import { impliedPredicate } from '../../src/planner/optimizer/implied-predicates';
import type { RowExpression } from '../../src/planner/ir';
import type { PlanNode } from '../../src/planner/plan';
import { BIGINT, BOOLEAN, VARCHAR } from '../../src/types';

const col = (name: string): RowExpression => ({ kind: 'symbol', name, type: VARCHAR });
const eq = (name: string, value: string): RowExpression => ({
  kind: 'comparison',
  op: 'eq',
  left: col(name),
  right: { kind: 'constant', value, type: VARCHAR },
  type: BOOLEAN,
});
const and = (...terms: RowExpression[]): RowExpression => ({
  kind: 'logical',
  op: 'and',
  terms,
  type: BOOLEAN,
});
const or = (...terms: RowExpression[]): RowExpression => ({
  kind: 'logical',
  op: 'or',
  terms,
  type: BOOLEAN,
});
const scan = (id: number, name: string): PlanNode => ({
  kind: 'TableScan',
  id,
  catalog: 'c',
  table: { name },
  columns: [{ name }],
  outputs: [{ name, type: VARCHAR }],
});

const q7 = or(and(eq('n1', 'FRANCE'), eq('n2', 'GERMANY')), and(eq('n1', 'GERMANY'), eq('n2', 'FRANCE')));

test('each branch contributes its conjuncts over the chosen columns', () => {
  expect(impliedPredicate(q7, new Set(['n1']))).toEqual(or(eq('n1', 'FRANCE'), eq('n1', 'GERMANY')));
  expect(impliedPredicate(q7, new Set(['n2']))).toEqual(or(eq('n2', 'GERMANY'), eq('n2', 'FRANCE')));
});

test('nothing is implied when some branch does not constrain the columns', () => {
  expect(impliedPredicate(or(eq('n1', 'FRANCE'), eq('n2', 'FRANCE')), new Set(['n1']))).toBeUndefined();
});

test('a nondeterministic conjunct is not duplicated', () => {
  const random: RowExpression = {
    kind: 'comparison',
    op: 'lt',
    left: { kind: 'call', function: 'random', arguments: [], type: BIGINT },
    right: { kind: 'constant', value: 1, type: BIGINT },
    type: BOOLEAN,
  };
  // without the check the column-free `random() < 1` would stand for the first branch
  expect(impliedPredicate(or(and(random, eq('n1', 'x')), eq('n2', 'y')), new Set(['n2']))).toBeUndefined();
});

test('pushdown filters both sides of an inner join and keeps the disjunction on the join', () => {
  const join: PlanNode = {
    kind: 'Join',
    id: 2,
    type: 'INNER',
    left: scan(0, 'n1'),
    right: scan(1, 'n2'),
    criteria: [],
    outputs: [...scan(0, 'n1').outputs, ...scan(1, 'n2').outputs],
  };
  const filtered: PlanNode = { kind: 'Filter', id: 3, source: join, predicate: q7, outputs: join.outputs };
  // twice, as the optimizer does: the derived filters must not pile up
  const result = pushDownPredicates(pushDownPredicates(filtered));
  expect(result.kind).toBe('Join');
  const j = result as Extract<PlanNode, { kind: 'Join' }>;
  expect(j.filter).toEqual(q7);
  expect(j.left).toMatchObject({ kind: 'Filter', predicate: or(eq('n1', 'FRANCE'), eq('n1', 'GERMANY')) });
  expect(j.right).toMatchObject({ kind: 'Filter', predicate: or(eq('n2', 'GERMANY'), eq('n2', 'FRANCE')) });
  expect((j.left as Extract<PlanNode, { kind: 'Filter' }>).source.kind).toBe('TableScan');
});

test('an outer join filters only its preserved side', () => {
  const join: PlanNode = {
    kind: 'Join',
    id: 2,
    type: 'LEFT',
    left: scan(0, 'n1'),
    right: scan(1, 'n2'),
    criteria: [],
    outputs: [...scan(0, 'n1').outputs, ...scan(1, 'n2').outputs],
  };
  const result = pushDownPredicates({
    kind: 'Filter',
    id: 3,
    source: join,
    predicate: q7,
    outputs: join.outputs,
  });
  expect(result).toMatchObject({ kind: 'Filter', predicate: q7 });
  const j = (result as Extract<PlanNode, { kind: 'Filter' }>).source as Extract<PlanNode, { kind: 'Join' }>;
  expect(j.left.kind).toBe('Filter');
  expect(j.right.kind).toBe('TableScan');
});
