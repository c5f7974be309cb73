/**
 * AddExchanges: where REMOTE exchanges go and how aggregations, joins, TopN and LIMIT are split
 * around them (plan shapes over tpch tiny statistics).
 */
import { splitAggregation } from '../../src/planner/optimizer/add-exchanges';
import type { AggregationNode, PlanNode } from '../../src/planner/plan';
import { PlanHarness, find, nodes } from './distribution-harness';

const h = new PlanHarness();

/** The plan as nested kinds, exchanges with their type, to compare shapes. */
function shape(n: PlanNode): string {
  const kids = n.kind === 'Join' ? [n.left, n.right] : nodes(n).slice(1, 2);
  const label =
    n.kind === 'Exchange'
      ? `Exchange(${n.type})`
      : n.kind === 'Aggregation'
        ? `Aggregation(${n.step})`
        : n.kind === 'TopN'
          ? `TopN(${n.step ?? 'SINGLE'})`
          : n.kind;
  if (n.kind === 'Project' || n.kind === 'Filter') return shape(n.source);
  if (kids.length === 0) return label;
  return `${label}(${(n.kind === 'Join' ? [n.left, n.right] : [kids[0]]).map(shape).join(', ')})`;
}

test('a grouped aggregation splits into PARTIAL, REPARTITION on the keys, FINAL', async () => {
  const plan = await h.distributed('SELECT orderstatus, count(*), avg(totalprice) FROM orders GROUP BY 1');
  expect(shape(plan)).toBe(
    'Output(Exchange(GATHER)(Aggregation(FINAL)(Exchange(REPARTITION)(Aggregation(PARTIAL)(TableScan)))))',
  );
  const [repartition] = find(plan, 'Exchange').filter((e) => e.type === 'REPARTITION');
  expect(repartition.partitioning.handle).toBe('FIXED_HASH');
  expect(repartition.partitioning.columns.map((c) => c.name)).toEqual([
    find(plan, 'Aggregation')[0].groupingKeys[0].name,
  ]);
  const partial = find(plan, 'Aggregation').find((a) => a.step === 'PARTIAL')!;
  expect(partial.aggregates.map((a) => a.symbol.type.kind)).toEqual(['bigint', 'row']);
});

test('a global aggregation gathers its partial results', async () => {
  const plan = await h.distributed('SELECT count(*), max(totalprice) FROM orders');
  expect(shape(plan)).toBe('Output(Aggregation(FINAL)(Exchange(GATHER)(Aggregation(PARTIAL)(TableScan))))');
});

test('DISTINCT aggregates are not split: rows are repartitioned to a SINGLE step', async () => {
  const plan = await h.distributed('SELECT orderstatus, count(DISTINCT custkey) FROM orders GROUP BY 1');
  expect(find(plan, 'Aggregation').map((a) => a.step)).toEqual(['SINGLE']);
  expect(find(plan, 'Exchange').map((e) => e.type)).toEqual(['GATHER', 'REPARTITION']);
});

test('splitAggregation declines functions without an intermediate state', () => {
  const node: AggregationNode = {
    kind: 'Aggregation',
    id: 1,
    source: { kind: 'Values', id: 0, rows: [], outputs: [] },
    groupingKeys: [],
    aggregates: [
      {
        symbol: { name: 'x', type: { kind: 'bigint' } },
        function: 'no_such_agg',
        arguments: [],
        distinct: false,
      },
    ],
    step: 'SINGLE',
    outputs: [{ name: 'x', type: { kind: 'bigint' } }],
  };
  expect(splitAggregation(node, 2)).toBeUndefined();
});

describe('join distribution', () => {
  const sql = 'SELECT c.name, o.totalprice FROM orders o JOIN customer c ON o.custkey = c.custkey';

  test('AUTOMATIC broadcasts a build side small by statistics', async () => {
    const plan = await h.distributed(sql, 'AUTOMATIC');
    expect(shape(plan)).toBe('Output(Exchange(GATHER)(Join(TableScan, Exchange(REPLICATE)(TableScan))))');
  });

  test('AUTOMATIC partitions when the build side exceeds the broadcast limit', async () => {
    const plan = await h.distributed(sql, 'AUTOMATIC', 1000);
    expect(shape(plan)).toBe(
      'Output(Exchange(GATHER)(Join(Exchange(REPARTITION)(TableScan), Exchange(REPARTITION)(TableScan))))',
    );
    const [left, right] = find(plan, 'Exchange').filter((e) => e.type === 'REPARTITION');
    const join = find(plan, 'Join')[0];
    expect(left.partitioning.columns).toEqual([join.criteria[0].left]);
    expect(right.partitioning.columns).toEqual([join.criteria[0].right]);
  });

  test('PARTITIONED never broadcasts; BROADCAST always does', async () => {
    expect(find(await h.distributed(sql, 'PARTITIONED'), 'Exchange').map((e) => e.type)).toEqual([
      'GATHER',
      'REPARTITION',
      'REPARTITION',
    ]);
    expect(find(await h.distributed(sql, 'BROADCAST'), 'Exchange').map((e) => e.type)).toEqual([
      'GATHER',
      'REPLICATE',
    ]);
  });

  test('a RIGHT join is never broadcast', async () => {
    const plan = await h.distributed(
      'SELECT c.name, o.totalprice FROM orders o RIGHT JOIN customer c ON o.custkey = c.custkey',
      'BROADCAST',
    );
    expect(find(plan, 'Exchange').filter((e) => e.type === 'REPARTITION')).toHaveLength(2);
  });

  test('an aggregation over a join partitioned on its keys needs no second exchange', async () => {
    const plan = await h.distributed(
      'SELECT o.orderkey, count(*) FROM orders o JOIN lineitem l ON o.orderkey = l.orderkey GROUP BY o.orderkey',
      'PARTITIONED',
    );
    expect(find(plan, 'Exchange').map((e) => e.type)).toEqual(['GATHER', 'REPARTITION', 'REPARTITION']);
    expect(find(plan, 'Aggregation').map((a) => a.step)).toEqual(['SINGLE']);
  });
});

test('TopN and LIMIT run partially below the gathering exchange', async () => {
  const topN = await h.distributed('SELECT orderkey FROM orders ORDER BY totalprice DESC LIMIT 5');
  expect(shape(topN)).toBe('Output(Limit(TopN(FINAL)(Exchange(GATHER)(TopN(PARTIAL)(TableScan)))))');
  const limit = await h.distributed('SELECT orderkey FROM orders OFFSET 3 LIMIT 5');
  const limits = find(limit, 'Limit');
  expect(limits.map((l) => [l.count, l.offset, l.partial ?? false])).toEqual([
    [5, 3, false],
    [8, 0, true],
  ]);
});

test('ORDER BY gathers before sorting; a window repartitions on PARTITION BY', async () => {
  expect(shape(await h.distributed('SELECT orderkey FROM orders ORDER BY orderkey'))).toBe(
    'Output(Sort(Exchange(GATHER)(TableScan)))',
  );
  const window = await h.distributed(
    'SELECT orderkey, rank() OVER (PARTITION BY custkey ORDER BY totalprice) FROM orders',
  );
  expect(find(window, 'Exchange').map((e) => [e.type, e.partitioning.columns.map((c) => c.name)])).toEqual([
    ['GATHER', []],
    ['REPARTITION', [find(window, 'Window')[0].partitionBy[0].name]],
  ]);
});
