/**
 * Join reordering for trees of inner joins (as `FROM a, b, c WHERE …` produces), by greedy operator
 * ordering: of all pairs of relations (or already joined groups) that share an equality, join the
 * pair whose estimated result is smallest, and repeat; only when no pair shares an equality is a
 * cross join formed. Trees may be bushy. The smaller input of each join is its build (right) side.
 * Conditions attach to the first join that sees all their columns. A projection on top restores
 * the original column order.
 *
 * Cardinality: |A ⋈ B| = |A|·|B| / max(ndv(A's key), ndv(B's key)), where a key's ndv is the product
 * of its columns' distinct-value counts — from connector statistics when known (an explicit count,
 * or for integral columns the width of the min/max range) — but never more than its side's rows.
 */
import type { ColumnStatistics } from '../../catalog/spi';
import { BOOLEAN, type SqlType } from '../../types';
import { referencedSymbols, type RowExpression, type Symbol } from '../ir';
import type { JoinNode, PlanNode } from '../plan';
import { conjuncts } from '../predicates';

/** Row-count estimate of a subtree, or undefined when unknown. */
export type RowEstimator = (node: PlanNode) => number | undefined;
/** Distinct values of a symbol in its table (an upper bound), or undefined when unknown. */
export type DistinctEstimator = (symbol: string) => number | undefined;

const INTEGRAL_KINDS = new Set(['tinyint', 'smallint', 'integer', 'bigint', 'date', 'decimal']);

/**
 * An upper bound of a column's distinct values from its statistics: the connector's count, or for
 * a column of integral values (decimals by their unscaled integers) the size of its min..max range;
 * never more than the row count.
 */
export function distinctBound(
  stats: ColumnStatistics | undefined,
  type: SqlType,
  rowCount: number | undefined,
): number | undefined {
  if (stats === undefined) return undefined;
  let d = stats.distinctValuesCount;
  if (
    d === undefined &&
    INTEGRAL_KINDS.has(type.kind) &&
    typeof stats.min === 'number' &&
    typeof stats.max === 'number'
  )
    d = stats.max - stats.min + 1;
  if (d === undefined) return undefined;
  return rowCount === undefined ? d : Math.min(d, rowCount);
}

export function reorderJoins(
  node: PlanNode,
  estimate: RowEstimator = () => undefined,
  distinct: DistinctEstimator = () => undefined,
): PlanNode {
  const recurse = (n: PlanNode): PlanNode => reorderJoins(n, estimate, distinct);
  if (node.kind === 'Join' && node.type === 'INNER') return reorderJoinTree(node, estimate, distinct);
  switch (node.kind) {
    case 'TableScan':
    case 'Values':
    case 'RemoteSource':
      return node;
    case 'Join':
      return { ...node, left: recurse(node.left), right: recurse(node.right) };
    case 'Apply':
      return {
        ...node,
        input: recurse(node.input),
        subquery: recurse(node.subquery),
      };
    case 'SetOperation':
      return { ...node, inputs: node.inputs.map((i) => recurse(i)) };
    case 'SemiJoin':
      return {
        ...node,
        input: recurse(node.input),
        source: recurse(node.source),
      };
    default:
      return { ...node, source: recurse(node.source) } as PlanNode;
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

function reorderJoinTree(root: JoinNode, estimate: RowEstimator, distinct: DistinctEstimator): PlanNode {
  const relations: PlanNode[] = [];
  const conditions: RowExpression[] = [];
  flatten(root, relations, conditions);
  const inputs = relations.map((r) => reorderJoins(r, estimate, distinct));
  return rebuild(inputs, conditions, root.outputs, estimate, distinct, root.id);
}

function equiSides(c: RowExpression): [string, string] | undefined {
  if (c.kind !== 'comparison' || c.op !== 'eq' || c.left.kind !== 'symbol' || c.right.kind !== 'symbol')
    return undefined;
  return [c.left.name, c.right.name];
}

/** A relation or a group of already joined relations. */
interface Component {
  readonly tree: PlanNode;
  readonly rows: number;
  readonly names: ReadonlySet<string>;
  /** Position of its first relation as written (ties go to the written order). */
  readonly order: number;
}

/** Rows assumed for a relation without an estimate. */
const UNKNOWN_ROWS = 1e6;

function rebuild(
  inputs: PlanNode[],
  conditions: RowExpression[],
  outputs: readonly Symbol[],
  estimate: RowEstimator,
  distinct: DistinctEstimator,
  id: number,
): PlanNode {
  let components: Component[] = inputs.map((node, order) => ({
    tree: node,
    rows: Math.max(1, estimate(node) ?? UNKNOWN_ROWS),
    names: new Set(node.outputs.map((s) => s.name)),
    order,
  }));
  const pending = [...conditions];
  const ndv = (symbol: string, c: Component) => Math.max(1, Math.min(distinct(symbol) ?? c.rows, c.rows));
  const classes = equivalenceClasses(conditions);

  /** Equalities between a and b (one per class of equal symbols), as [symbol of a, symbol of b]. */
  const equalities = (a: Component, b: Component): [string, string][] => {
    const out: [string, string][] = [];
    for (const members of classes) {
      const x = members.find((m) => a.names.has(m));
      const y = members.find((m) => b.names.has(m));
      if (x !== undefined && y !== undefined) out.push([x, y]);
    }
    return out;
  };
  // a key of several columns has at most as many distinct values as its side has rows
  const joinRows = (a: Component, b: Component, eqs: readonly [string, string][]): number => {
    let keysA = 1;
    let keysB = 1;
    for (const [x, y] of eqs) {
      keysA *= ndv(x, a);
      keysB *= ndv(y, b);
    }
    return Math.max(1, (a.rows * b.rows) / Math.max(Math.min(keysA, a.rows), Math.min(keysB, b.rows)));
  };

  while (components.length > 1) {
    // the connected pair with the smallest result; without one, the two smallest (a cross join)
    let best: { i: number; j: number; rows: number } | undefined;
    for (let i = 0; i < components.length; i++) {
      for (let j = i + 1; j < components.length; j++) {
        const eqs = equalities(components[i], components[j]);
        if (eqs.length === 0) continue;
        const rows = joinRows(components[i], components[j], eqs);
        if (best === undefined || rows < best.rows) best = { i, j, rows };
      }
    }
    if (best === undefined) {
      const bySize = components
        .map((_, k) => k)
        .sort((x, y) => components[x].rows - components[y].rows || x - y);
      const [i, j] = [Math.min(bySize[0], bySize[1]), Math.max(bySize[0], bySize[1])];
      best = { i, j, rows: components[i].rows * components[j].rows };
    }
    const a = components[best.i];
    const b = components[best.j];
    // the hash table is built on the right: put the smaller side there
    const [left, right] = b.rows > a.rows ? [b, a] : [a, b];
    const tree = joinNode(left, right, pending, classes, id);
    const joined: Component = {
      tree,
      rows: best.rows,
      names: new Set([...left.names, ...right.names]),
      order: Math.min(a.order, b.order),
    };
    components = components.filter((_, k) => k !== best.i && k !== best.j);
    components.push(joined);
    components.sort((x, y) => x.order - y.order);
  }
  let tree = components[0].tree;
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

/**
 * Joins two components with every pending condition they now see: equalities across them become
 * criteria, the rest the join's filter. Consumed conditions are removed from `pending`.
 */
function joinNode(
  left: Component,
  right: Component,
  pending: RowExpression[],
  classes: readonly (readonly string[])[],
  id: number,
): PlanNode {
  const criteria: { left: Symbol; right: Symbol }[] = [];
  const filters: RowExpression[] = [];
  // a class of equal symbols seen on both sides joins them even where no condition was written
  // between these two sides (a = b AND b = c implies a = c; `=` rejects NULLs, the join is inner)
  const types = new Map<string, Symbol>();
  for (const s of [...left.tree.outputs, ...right.tree.outputs]) types.set(s.name, s);
  for (const members of classes) {
    const x = members.find((m) => left.names.has(m));
    const y = members.find((m) => right.names.has(m));
    if (x !== undefined && y !== undefined) criteria.push({ left: types.get(x)!, right: types.get(y)! });
  }
  const implied = criteria.length;
  for (let i = 0; i < pending.length; i++) {
    const c = pending[i];
    const refs = referencedSymbols(c);
    if (![...refs].every((s) => left.names.has(s) || right.names.has(s))) continue;
    const lhs = c.kind === 'comparison' && c.op === 'eq' && c.left.kind === 'symbol' ? c.left : undefined;
    const rhs = c.kind === 'comparison' && c.op === 'eq' && c.right.kind === 'symbol' ? c.right : undefined;
    const across =
      lhs &&
      rhs &&
      ((left.names.has(lhs.name) && right.names.has(rhs.name)) ||
        (left.names.has(rhs.name) && right.names.has(lhs.name)));
    if (across) {
      // its class already put one equality between the sides: keep this one unless it is that one
      const [l, r] = left.names.has(lhs.name) ? [lhs, rhs] : [rhs, lhs];
      const dup = criteria.slice(0, implied).some((c) => c.left.name === l.name && c.right.name === r.name);
      if (!dup)
        criteria.push({ left: { name: l.name, type: l.type }, right: { name: r.name, type: r.type } });
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
  return {
    kind: 'Join',
    id,
    type: 'INNER',
    left: left.tree,
    right: right.tree,
    criteria,
    ...(filter ? { filter } : {}),
    outputs: [...left.tree.outputs, ...right.tree.outputs],
  };
}

/** Symbols made equal by the equality conditions, grouped (union-find over symbol names). */
function equivalenceClasses(conditions: readonly RowExpression[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const c of conditions) {
    const sides = equiSides(c);
    if (sides === undefined) continue;
    for (const x of sides) if (!parent.has(x)) parent.set(x, x);
    const a = find(sides[0]);
    const b = find(sides[1]);
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<string, string[]>();
  for (const x of parent.keys()) {
    const r = find(x);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(x);
  }
  return [...groups.values()];
}
