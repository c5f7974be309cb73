/**
 * EXPLAIN in Trino's shapes: DISTRIBUTED (the default) prints fragments with their partitioning,
 * output layout and remote sources; LOGICAL one tree with remote exchanges; JSON, GRAPHVIZ,
 * VALIDATE and IO; EXPLAIN ANALYZE runs the query and reports true row counts per node and stage.
 */
import { createLocalEngine, type LocalEngine } from '../../src';

const Q3 = `SELECT l.orderkey, sum(l.extendedprice * (1 - l.discount)) AS revenue, o.orderdate, o.shippriority
FROM customer c, orders o, lineitem l
WHERE c.mktsegment = 'BUILDING' AND c.custkey = o.custkey AND l.orderkey = o.orderkey
  AND o.orderdate < DATE '1995-03-15' AND l.shipdate > DATE '1995-03-15'
GROUP BY l.orderkey, o.orderdate, o.shippriority ORDER BY revenue DESC LIMIT 10`;

let engine: LocalEngine;
beforeAll(() => {
  engine = createLocalEngine({ session: { catalog: 'tpch', schema: 'tiny' } });
});
afterAll(() => engine.close());

async function plan(sql: string, properties: Record<string, string> = {}): Promise<string> {
  // four tasks per stage by default here, so the per-task statistics have something to show
  const result = await engine.query(sql, { systemProperties: { hash_partition_count: '4', ...properties } });
  expect(result.columns).toEqual([{ name: 'Query Plan', type: 'varchar' }]);
  return result.rows[0][0] as string;
}

/** The output rows EXPLAIN ANALYZE reports for the first node whose line matches `node`. */
function outputRows(text: string, node: RegExp): number | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => node.test(l));
  const stats = at < 0 ? undefined : /Output: (\d+) rows/.exec(lines[at + 2]);
  return stats ? Number(stats[1]) : undefined;
}

/** Fragment headers in order: "0 SINGLE", "1 HASH", … */
function fragments(text: string): string[] {
  return [...text.matchAll(/^Fragment (\d+) \[(\w+)\]$/gm)].map((m) => `${m[1]} ${m[2]}`);
}

test('EXPLAIN of q3 with partitioned joins: SOURCE, HASH and SINGLE fragments', async () => {
  const text = await plan(`EXPLAIN ${Q3}`, { join_distribution_type: 'PARTITIONED' });
  const headers = fragments(text);
  expect(headers[0]).toBe('0 SINGLE');
  expect(headers.filter((h) => h.endsWith('SOURCE'))).toHaveLength(3);
  expect(headers.filter((h) => h.endsWith('HASH')).length).toBeGreaterThanOrEqual(2);
  expect(text).toMatch(/Output partitioning: HASH \[orderkey_\d+\]/);
  expect(text).toContain('Output partitioning: SINGLE []');
  expect(text).toMatch(/Output layout: \[orderkey_\d+, sum_\d+, orderdate_\d+, shippriority_\d+\]/);
  expect(text).toMatch(/RemoteSource\[sourceFragmentIds = \[\d+\]\]/);
  // the join output already is partitioned on orderkey, a grouping key: no split, no exchange
  expect(text).toContain('Aggregate[type = SINGLE, keys = [orderkey');
  expect(text).toContain('TopNPartial[count = 10');
  // every fragment but the root feeds some remote source
  const referenced = [...text.matchAll(/sourceFragmentIds = \[(\d+)\]/g)].map((m) => Number(m[1])).sort();
  expect(referenced).toEqual(
    headers
      .slice(1)
      .map((h) => Number(h.split(' ')[0]))
      .sort(),
  );
});

test('EXPLAIN of q3 by default broadcasts the small build sides', async () => {
  const text = await plan(`EXPLAIN (TYPE DISTRIBUTED) ${Q3}`);
  expect(text).toContain('Output partitioning: BROADCAST []');
  expect(text).toBe(await plan(`EXPLAIN ${Q3}`));
});

test('EXPLAIN (TYPE LOGICAL) is one tree with remote exchanges', async () => {
  const text = await plan(`EXPLAIN (TYPE LOGICAL) SELECT orderstatus, count(*) FROM orders GROUP BY 1`);
  expect(fragments(text)).toEqual([]);
  expect(text.split('\n')[0]).toMatch(/^Output\[columnNames = \[orderstatus, _col1\]\]$/);
  expect(text).toContain('RemoteExchange[partitioning = SINGLE, type = GATHER]');
  expect(text).toContain(
    'RemoteExchange[partitioning = FIXED_HASH, type = REPARTITION, hashColumns = [orderstatus',
  );
  expect(text).toMatch(/└─ TableScan\[table = tpch:/);
  // the statistics the distribution choice used, per node
  expect(text).toMatch(/└─ TableScan\[[^\n]*\n[^\n]*\n\s*Estimates: \{rows: 15000 \([^)]+\), cpu: \?/);
  expect(text).toMatch(/Output\[[^\n]*\n[^\n]*\n│\s+Estimates: \{rows: 15000 /);
});

test('EXPLAIN (FORMAT JSON) renders each fragment as Trino JSON nodes', async () => {
  const json = JSON.parse(
    await plan('EXPLAIN (FORMAT JSON) SELECT regionkey, count(*) FROM nation GROUP BY 1'),
  );
  expect(Object.keys(json).sort()).toEqual(['0', '1', '2']);
  expect(json['0']).toMatchObject({ name: 'Output', descriptor: { columnNames: '[regionkey, _col1]' } });
  const names = (n: { name: string; children: unknown[] }): string[] => [
    n.name,
    ...n.children.flatMap((c) => names(c as { name: string; children: unknown[] })),
  ];
  expect(names(json['2'])).toEqual(['Aggregate', 'Project', 'TableScan']);
  expect(json['2'].descriptor).toMatchObject({ type: 'PARTIAL' });
  const logical = JSON.parse(await plan('EXPLAIN (TYPE LOGICAL, FORMAT JSON) SELECT 1'));
  expect(logical).toMatchObject({ name: 'Output', outputs: [{ type: 'integer' }] });
});

test('EXPLAIN VALIDATE, IO and GRAPHVIZ', async () => {
  const valid = await engine.query('EXPLAIN (TYPE VALIDATE) SELECT * FROM nation');
  expect(valid).toEqual({ columns: [{ name: 'Valid', type: 'boolean' }], rows: [[true]] });
  await expect(engine.query('EXPLAIN (TYPE VALIDATE) SELECT nope FROM nation')).rejects.toMatchObject({
    errorCode: { name: 'COLUMN_NOT_FOUND' },
  });
  const io = JSON.parse(await plan('EXPLAIN (TYPE IO, FORMAT JSON) SELECT n.name FROM nation n, region r'));
  expect(io.inputTableColumnInfos.map((t: { table: unknown }) => t.table)).toEqual(
    expect.arrayContaining([
      { catalog: 'tpch', schemaTable: { schema: 'tiny', table: 'nation' } },
      { catalog: 'tpch', schemaTable: { schema: 'tiny', table: 'region' } },
    ]),
  );
  const dot = await plan('EXPLAIN (FORMAT GRAPHVIZ) SELECT count(*) FROM nation');
  expect(dot).toMatch(/^digraph/);
  expect(dot).toContain('subgraph cluster_1');
});

describe('EXPLAIN ANALYZE', () => {
  test('counts the rows each node really produced', async () => {
    const text = await plan('EXPLAIN ANALYZE SELECT count(*) FROM lineitem');
    expect(text).toMatch(/^Planning: [\d.]+ms, Execution: [\d.]+ms, Output: 1 rows/);
    expect(outputRows(text, /TableScan\[/)).toBe(60175);
    expect(text).toMatch(/Fragment 1 \[SOURCE\]\n\s*CPU: [^,]+, Input: 60175 rows; Output: 4 rows/);
    expect(text).toMatch(/Peak Memory: [^,]+, Tasks count: 4, Splits: 4/);
    expect(outputRows(text, /Aggregate\[type = FINAL/)).toBe(1);
    expect(outputRows(text, /Aggregate\[type = PARTIAL/)).toBe(4);
    expect(text).toMatch(
      /RemoteSource\[sourceFragmentIds = \[1\]\]\n[^\n]*\n\s*Blocked: [\d.]+m?s, Output: 4 rows/,
    );
  });

  test('reports a filter and a join with their true counts', async () => {
    const text = await plan(
      "EXPLAIN ANALYZE SELECT count(*) FROM orders o JOIN customer c ON o.custkey = c.custkey WHERE c.mktsegment = 'BUILDING'",
      { join_distribution_type: 'PARTITIONED' },
    );
    const truth = await engine.query(
      "SELECT count(*) FROM orders o JOIN customer c ON o.custkey = c.custkey WHERE c.mktsegment = 'BUILDING'",
    );
    // the join reports the joined rows, or the projection above it when the operators fuse the two
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /INNERJoin\[/.test(l));
    const joined = outputRows(text, /INNERJoin\[/) ?? Number(/Output: (\d+) rows/.exec(lines[at - 1])?.[1]);
    expect(joined).toBe(truth.rows[0][0]);
    const building = await engine.query("SELECT count(*) FROM customer WHERE mktsegment = 'BUILDING'");
    expect(outputRows(text, /Filter\[filterPredicate = \(mktsegment/)).toBe(building.rows[0][0]);
    expect(outputRows(text, /"table":"customer"/)).toBe(1500);
    expect(outputRows(text, /"table":"orders"/)).toBe(15000);
    expect(fragments(text).filter((f) => f.endsWith('HASH'))).toHaveLength(1);
    expect(text).toMatch(/Fragment \d \[HASH\]\n\s*CPU: [^\n]*\n\s*Peak Memory: [^,]+, Tasks count: 4/);
  });

  test('VERBOSE adds the output of each task per node', async () => {
    const text = await plan('EXPLAIN ANALYZE VERBOSE SELECT orderstatus, count(*) FROM orders GROUP BY 1');
    // the source stage's 4 tasks read 15000 orders between them
    expect(text).toMatch(
      /TableScan\[[^\n]*\n[^\n]*\n[^\n]*Output: 15000 rows[^\n]*\n\s*Output per task: avg\.: 3750\.00 rows, std\.dev\.: [\d.]+%, tasks: 4/,
    );
    expect(await plan('EXPLAIN ANALYZE SELECT orderstatus, count(*) FROM orders GROUP BY 1')).not.toContain(
      'Output per task',
    );
  });
});
