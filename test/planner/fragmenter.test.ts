/**
 * The fragmenter cuts at REMOTE exchanges: fragment partitioning (SOURCE / HASH / SINGLE), output
 * partitioning, RemoteSource links; fragments are JSON that runs identically after a round trip.
 */
import { fragmentFromJson, fragmentToJson, type SubPlan } from '../../src/planner/fragmenter';
import { executeSubPlan } from '../../src/scheduler/in-process-scheduler';
import { functionLibrary } from '../../src/function-library';
import { pageRows } from '../../src/execution/page';
import { QueryMemoryContext } from '../../src/execution/memory-context';
import { PlanHarness, find } from './distribution-harness';

const h = new PlanHarness();

const Q3 = `SELECT l.orderkey, sum(l.extendedprice * (1 - l.discount)) AS revenue, o.orderdate, o.shippriority
FROM customer c, orders o, lineitem l
WHERE c.mktsegment = 'BUILDING' AND c.custkey = o.custkey AND l.orderkey = o.orderkey
  AND o.orderdate < DATE '1995-03-15' AND l.shipdate > DATE '1995-03-15'
GROUP BY l.orderkey, o.orderdate, o.shippriority ORDER BY revenue DESC LIMIT 10`;

async function run(plan: SubPlan, hashPartitionCount = 3): Promise<unknown[][]> {
  const execution = executeSubPlan(plan, {
    queryId: 'q',
    context: {
      catalogs: h.catalogs,
      connectorSession: (catalog) => h.metadata.connectorSession(h.session, catalog),
      evaluation: { timeZone: 'UTC', startTime: h.session.startTime, user: 'test' },
      functions: functionLibrary.binder,
      splitsPerScan: 4,
      memory: new QueryMemoryContext(1e9),
    },
    hashPartitionCount,
    splitsPerScan: 4,
  });
  const rows: unknown[][] = [];
  for await (const page of execution.pages) rows.push(...pageRows(page));
  return rows;
}

test('q3 with partitioned joins: source, hash and single fragments linked by remote sources', async () => {
  const plan = await h.fragments(Q3, 'PARTITIONED');
  const byId = new Map(plan.fragments.map((f) => [f.id, f]));
  const root = byId.get(plan.rootFragmentId)!;
  expect(root.partitioning).toBe('SINGLE');
  expect(root.outputPartitioning.handle).toBe('SINGLE');
  const kinds = plan.fragments.map((f) => f.partitioning).sort();
  expect(kinds.filter((k) => k === 'SOURCE')).toHaveLength(3); // customer, orders, lineitem
  expect(kinds).toContain('FIXED_HASH');
  for (const f of plan.fragments) {
    // every remote source names fragments that exist, and each fragment feeds exactly one consumer
    for (const r of find(f.root, 'RemoteSource'))
      for (const id of r.sourceFragmentIds) expect(byId.get(id)!.outputLayout).toEqual(r.outputs);
    expect(find(f.root, 'Exchange')).toEqual([]);
    if (f.partitioning === 'SOURCE') expect(f.partitionedSources).toHaveLength(1);
  }
  const consumers = plan.fragments.flatMap((f) => f.remoteSourceFragments).sort();
  expect(consumers).toEqual(
    plan.fragments
      .filter((f) => f.id !== 0)
      .map((f) => f.id)
      .sort(),
  );
  const hashed = plan.fragments.filter((f) => f.outputPartitioning.handle === 'FIXED_HASH');
  expect(hashed.length).toBeGreaterThanOrEqual(3);
  for (const f of hashed)
    for (const c of f.outputPartitioning.columns) expect(f.outputLayout.map((s) => s.name)).toContain(c.name);
});

test('fragments survive a JSON round trip and run identically', async () => {
  const plan = await h.fragments(Q3, 'PARTITIONED');
  const copy: SubPlan = JSON.parse(JSON.stringify(plan)) as SubPlan;
  expect(copy).toEqual(plan);
  const expected = await run(plan);
  expect(expected).toHaveLength(10);
  expect(await run(copy)).toEqual(expected);
  // the same answer in one task per stage
  expect(await run(copy, 1)).toEqual(expected);
});

test('the fragment codec keeps values plain JSON cannot hold', async () => {
  const plan = await h.fragments(
    "SELECT count(*) FROM nation WHERE CAST(nationkey AS decimal(38, 1)) < DECIMAL '12345678901234567890.5'",
  );
  const text = plan.fragments.map(fragmentToJson);
  const back = text.map(fragmentFromJson);
  expect(back).toEqual(plan.fragments);
  expect(text.join('')).toContain('$bigint');
  expect(await run({ fragments: back, rootFragmentId: 0 })).toEqual([[25]]);
  // doubles JSON has no literal for, and varbinary, come back exact
  const values = [NaN, -0, Infinity, new Uint8Array([1, 2, 255]), 2n ** 70n];
  const fragment = {
    ...plan.fragments[0],
    root: {
      kind: 'Values' as const,
      id: 1,
      rows: [
        values.map((value) => ({ kind: 'constant' as const, value, type: { kind: 'unknown' as const } })),
      ],
      outputs: [],
    },
  };
  const restored = fragmentFromJson(fragmentToJson(fragment));
  const row = (restored.root as typeof fragment.root).rows[0].map((c) => c.value);
  expect(Object.is(row[0], NaN) && Object.is(row[1], -0) && row[2] === Infinity).toBe(true);
  expect(row[3]).toEqual(new Uint8Array([1, 2, 255]));
  expect(row[4]).toBe(2n ** 70n);
});
