/**
 * Join reordering: greedy operator ordering by estimated join size, with distinct-value bounds
 * from statistics, implied equalities, and the smaller input on the build (right) side.
 */
import { distinctBound, reorderJoins } from '../../src/planner/optimizer/join-reordering';
import type { RowExpression, Symbol } from '../../src/planner/ir';
import type { PlanNode } from '../../src/planner/plan';
import { BIGINT, BOOLEAN, DOUBLE, VARCHAR } from '../../src/types';

let nextId = 0;
function scan(table: string, columns: string[]): PlanNode {
  return {
    kind: 'TableScan',
    id: nextId++,
    catalog: 'c',
    table: { table },
    columns: columns.map((name) => ({ name })),
    outputs: columns.map((c) => ({ name: `${table}_${c}`, type: BIGINT })),
  };
}
const sym = (name: string): Symbol => ({ name, type: BIGINT });
function cross(left: PlanNode, right: PlanNode, criteria: [string, string][] = []): PlanNode {
  return {
    kind: 'Join',
    id: nextId++,
    type: 'INNER',
    left,
    right,
    criteria: criteria.map(([l, r]) => ({ left: sym(l), right: sym(r) })),
    outputs: [...left.outputs, ...right.outputs],
  };
}
/** The join tree as nested [left, right] of table names, with each join's criteria. */
function shape(n: PlanNode): unknown {
  if (n.kind === 'Project' || n.kind === 'Filter') return shape(n.source);
  if (n.kind === 'TableScan') return (n.table as { table: string }).table;
  if (n.kind === 'Join')
    return {
      on: n.criteria.map((c) => `${c.left.name}=${c.right.name}`),
      left: shape(n.left),
      right: shape(n.right),
    };
  return n.kind;
}

test('a foreign-key-to-foreign-key pair is not joined first (TPC-H q5 shape)', () => {
  // customer and supplier share only nationkey (25 values): joining them first multiplies rows
  const customer = scan('customer', ['custkey', 'nationkey']);
  const orders = scan('orders', ['orderkey', 'custkey']);
  const supplier = scan('supplier', ['suppkey', 'nationkey']);
  const nation = scan('nation', ['nationkey']);
  const tree = cross(
    cross(cross(customer, supplier, [['customer_nationkey', 'supplier_nationkey']]), orders, [
      ['customer_custkey', 'orders_custkey'],
    ]),
    nation,
    [['supplier_nationkey', 'nation_nationkey']],
  );
  const rows: Record<string, number> = { customer: 15000, orders: 150000, supplier: 1000, nation: 25 };
  const distinct: Record<string, number> = {
    customer_custkey: 15000,
    customer_nationkey: 25,
    orders_orderkey: 150000,
    orders_custkey: 10000,
    supplier_suppkey: 1000,
    supplier_nationkey: 25,
    nation_nationkey: 25,
  };
  const out = reorderJoins(
    tree,
    (n) => (n.kind === 'TableScan' ? rows[(n.table as { table: string }).table] : undefined),
    (s) => distinct[s],
  );
  expect(shape(out)).toEqual({
    on: ['customer_nationkey=supplier_nationkey'],
    left: { on: ['orders_custkey=customer_custkey'], left: 'orders', right: 'customer' },
    right: { on: ['supplier_nationkey=nation_nationkey'], left: 'supplier', right: 'nation' },
  });
  // the original column order is restored on top
  expect(out.outputs.map((s) => s.name)).toEqual(tree.outputs.map((s) => s.name));
});

test('equalities through a shared column connect relations no condition names together', () => {
  // a.k = b.k AND b.k = c.k: a and c may join directly on a.k = c.k
  const a = scan('a', ['k']);
  const b = scan('b', ['k']);
  const c = scan('c', ['k']);
  const tree = cross(cross(a, b, [['a_k', 'b_k']]), c, [['b_k', 'c_k']]);
  // b is big with few distinct keys: a ⋈ b or b ⋈ c would be large, a ⋈ c (implied) is small
  const rows: Record<string, number> = { a: 10, b: 1_000_000, c: 20 };
  const out = reorderJoins(
    tree,
    (n) => (n.kind === 'TableScan' ? rows[(n.table as { table: string }).table] : undefined),
    (s) => (s === 'b_k' ? 100 : undefined),
  );
  expect(shape(out)).toMatchObject({
    left: 'b',
    right: { on: ['c_k=a_k'], left: 'c', right: 'a' },
  });
  expect((shape(out) as { on: string[] }).on).toContain('b_k=c_k');
});

test('non-equi conditions become the filter of the first join that sees their columns', () => {
  const a = scan('a', ['k', 'v']);
  const b = scan('b', ['k', 'v']);
  const lt: RowExpression = {
    kind: 'comparison',
    op: 'lt',
    left: { kind: 'symbol', ...sym('a_v') },
    right: { kind: 'symbol', ...sym('b_v') },
    type: BOOLEAN,
  };
  const join = { ...(cross(a, b, [['a_k', 'b_k']]) as Extract<PlanNode, { kind: 'Join' }>), filter: lt };
  const third = scan('c', ['k']);
  const out = reorderJoins(cross(join, third, [['a_k', 'c_k']]), () => 100);
  const find = (n: PlanNode): Extract<PlanNode, { kind: 'Join' }>[] =>
    n.kind === 'Join' ? [n, ...find(n.left), ...find(n.right)] : 'source' in n ? find(n.source) : [];
  const joins = find(out);
  expect(joins.filter((j) => j.filter === lt)).toHaveLength(1);
});

test('distinct bounds: a statistic, else the width of an integral range, never above the rows', () => {
  expect(distinctBound({ distinctValuesCount: 7 }, BIGINT, 100)).toBe(7);
  expect(distinctBound({ min: 0, max: 24 }, BIGINT, 1000)).toBe(25);
  expect(distinctBound({ min: 1, max: 1e9 }, BIGINT, 1000)).toBe(1000);
  expect(distinctBound({ min: 0.5, max: 2.5 }, DOUBLE, 1000)).toBeUndefined();
  expect(distinctBound({ nullsFraction: 0 }, VARCHAR, 10)).toBeUndefined();
  expect(distinctBound(undefined, BIGINT, 10)).toBeUndefined();
});
