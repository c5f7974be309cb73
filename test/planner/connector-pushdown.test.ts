/**
 * Connector pushdown rules: filters become TupleDomains in the tpch table handle (the connector
 * enforces orders.orderstatus and part.container/type), the rest of the filter stays, and
 * LIMIT goes into the memory connector's handle. Answers are checked against the engine with
 * pushdown disabled in the connector.
 */
import type { TableHandle, TupleDomain } from '../../src/catalog/spi';
import { createLocalEngine } from '../../src';
import { pushIntoConnectors } from '../../src/planner/distributed-planner';
import { pushFilterIntoTableScan } from '../../src/planner/optimizer/push-filter-into-table-scan';
import type { ConnectorPushdown } from '../../src/planner/optimizer/connector-pushdown';
import { PlanHarness, find } from './distribution-harness';

describe('filter pushdown into tpch', () => {
  const h = new PlanHarness();

  test('an enforced equality leaves the plan and reaches the table handle', async () => {
    const plan = await h.distributed("SELECT orderkey FROM orders WHERE orderstatus = 'F'");
    const [scan] = find(plan, 'TableScan');
    expect(scan.table).toMatchObject({ table: 'orders', constraint: { o_orderstatus: ['F'] } });
    expect(find(plan, 'Filter')).toEqual([]);
    // orderstatus is no longer read: the connector guarantees it
    expect(scan.columns.map((c) => c.name)).toEqual(['orderkey']);
  });

  test('conjuncts the connector does not enforce stay in the filter', async () => {
    const plan = await h.distributed(
      "SELECT orderkey FROM orders WHERE orderstatus IN ('F', 'O') AND totalprice > 1000",
    );
    const [scan] = find(plan, 'TableScan');
    expect(scan.table).toMatchObject({ constraint: { o_orderstatus: ['F', 'O'] } });
    const filters = find(plan, 'Filter');
    expect(filters).toHaveLength(1);
    expect(JSON.stringify(filters[0].predicate)).toContain('totalprice');
    expect(JSON.stringify(filters[0].predicate)).not.toContain('orderstatus');
  });

  test('the connector receives the translated TupleDomain', async () => {
    const received: TupleDomain[] = [];
    const spy: ConnectorPushdown = {
      applyFilter: async (_catalog, table: TableHandle, constraint) => {
        received.push(constraint);
        return { handle: { ...table, seen: true }, remaining: constraint };
      },
      applyLimit: async () => undefined,
      applyProjection: async () => undefined,
      statistics: async () => undefined,
    };
    const logical = await h.logical(
      "SELECT name FROM part WHERE size BETWEEN 5 AND 10 AND brand IS NOT NULL AND name LIKE '%x%'",
    );
    const plan = await pushFilterIntoTableScan(logical, spy);
    expect(received).toHaveLength(1);
    const domains = received[0].none ? new Map() : received[0].domains;
    expect([...domains.keys()].sort()).toEqual(['brand', 'size']);
    expect(domains.get('size')).toMatchObject({
      ranges: [{ low: { value: 5, inclusive: true }, high: { value: 10, inclusive: true } }],
      nullAllowed: false,
    });
    expect(domains.get('brand')).toMatchObject({ nullAllowed: false });
    expect(domains.get('brand').ranges).toBeUndefined();
    // everything stays in the filter: the connector kept every domain in `remaining`
    const [filter] = find(plan, 'Filter');
    expect(JSON.stringify(filter.predicate)).toContain('size');
    expect(find(plan, 'TableScan')[0].table).toMatchObject({ seen: true });
  });

  test('answers with pushdown equal answers without it', async () => {
    const on = createLocalEngine();
    const off = createLocalEngine({
      catalogs: [
        {
          name: 'tpch',
          properties: { 'connector.name': 'tpch', 'tpch.predicate-pushdown-enabled': 'false' },
        },
      ],
    });
    try {
      for (const sql of [
        "SELECT orderstatus, count(*), sum(totalprice) FROM tpch.tiny.orders WHERE orderstatus <> 'O' GROUP BY 1 ORDER BY 1",
        "SELECT count(*) FROM tpch.tiny.part WHERE container IN ('SM BOX', 'LG CASE') AND size < 20",
        "SELECT count(*) FROM tpch.tiny.part WHERE type = 'ECONOMY ANODIZED STEEL'",
      ]) {
        const a = await on.query(sql);
        const b = await off.query(sql);
        expect(a.rows).toEqual(b.rows);
        expect(Number(a.rows[0][a.rows[0].length - 1])).toBeGreaterThan(0);
      }
    } finally {
      await on.close();
      await off.close();
    }
  });
});

test('projection pushdown offers each scan the columns the pruned plan reads', async () => {
  const h = new PlanHarness();
  const offered: { table: string; columns: string[] }[] = [];
  const spy: ConnectorPushdown = {
    // no filter pushdown: the filter still reads orderstatus, so the scan offers it too
    applyFilter: async () => undefined,
    applyLimit: async () => undefined,
    applyProjection: async (_catalog, table, columns) => {
      offered.push({ table: String(table.table), columns: columns.map((c) => c.name) });
      return { handle: { ...table, columns: columns.map((c) => c.name) } };
    },
    statistics: async () => undefined,
  };
  const plan = await pushIntoConnectors(
    await h.logical(
      "SELECT o.orderkey, c.name FROM orders o JOIN customer c ON o.custkey = c.custkey WHERE o.orderstatus = 'F'",
    ),
    spy,
  );
  expect(offered.sort((a, b) => a.table.localeCompare(b.table))).toEqual([
    { table: 'customer', columns: ['custkey', 'name'] },
    { table: 'orders', columns: ['orderkey', 'custkey', 'orderstatus'] },
  ]);
  for (const scan of find(plan, 'TableScan'))
    expect(scan.table.columns).toEqual(scan.columns.map((c) => c.name));
});

describe('limit pushdown into memory', () => {
  test('a guaranteed limit moves into the handle and the Limit node goes', async () => {
    const engine = createLocalEngine();
    try {
      await engine.query('CREATE TABLE memory.default.numbers AS SELECT * FROM tpch.tiny.nation');
      const explain = (await engine.query('EXPLAIN SELECT name FROM memory.default.numbers LIMIT 3'))
        .rows[0][0];
      expect(explain).toContain('"limit":3');
      expect(explain).not.toMatch(/\bLimit\[/);
      expect((await engine.query('SELECT name FROM memory.default.numbers LIMIT 3')).rows).toHaveLength(3);
      // with OFFSET the engine keeps its limit over count + offset rows from the connector
      const offset = (await engine.query('EXPLAIN SELECT name FROM memory.default.numbers OFFSET 2 LIMIT 3'))
        .rows[0][0];
      expect(offset).toContain('"limit":5');
      expect(
        (await engine.query('SELECT name FROM memory.default.numbers OFFSET 2 LIMIT 3')).rows,
      ).toHaveLength(3);
    } finally {
      await engine.close();
    }
  });
});
