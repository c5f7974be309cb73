/** Catalog metadata through SQL: information_schema, the system catalog, views, SHOW statements. */
import { aggregateNames } from '../../src/planner/expression-analyzer';
import { createLocalEngine } from '../../src';
import { TrinoError } from '../../src/errors';

const engine = createLocalEngine({ session: { catalog: 'memory', schema: 'default' } });
afterAll(() => engine.close());
const rows = async (sql: string) => (await engine.query(sql)).rows;

test('SHOW CATALOGS lists the system catalog too', async () => {
  expect(await rows('SHOW CATALOGS')).toEqual([['memory'], ['system'], ['tpch']]);
  expect(await rows('SELECT catalog_name, connector_name FROM system.metadata.catalogs ORDER BY 1')).toEqual([
    ['memory', 'memory'],
    ['system', 'system'],
    ['tpch', 'tpch'],
  ]);
});

test('information_schema in every catalog', async () => {
  expect(
    await rows(
      "SELECT table_name FROM tpch.information_schema.tables WHERE table_schema = 'tiny' ORDER BY 1",
    ),
  ).toEqual(
    ['customer', 'lineitem', 'nation', 'orders', 'part', 'partsupp', 'region', 'supplier'].map((t) => [t]),
  );
  // tpch.tiny.region's columns, in table order (Trino's tpch connector hides row_number)
  expect(
    await rows(
      "SELECT column_name, ordinal_position, data_type FROM tpch.information_schema.columns WHERE table_schema = 'tiny' AND table_name = 'region' ORDER BY 2",
    ),
  ).toEqual([
    ['regionkey', 1, 'bigint'],
    ['name', 2, 'varchar(25)'],
    ['comment', 3, 'varchar(152)'],
  ]);
  expect(await rows('SELECT schema_name FROM memory.information_schema.schemata ORDER BY 1')).toEqual([
    ['default'],
    ['information_schema'],
  ]);
  expect(await rows('SHOW TABLES FROM tpch.information_schema')).toEqual([
    ['columns'],
    ['schemata'],
    ['tables'],
    ['views'],
  ]);
});

test('views: create, query, describe, show create, drop', async () => {
  await engine.query('CREATE TABLE base (k integer, v varchar)');
  await engine.query("INSERT INTO base VALUES (1, 'one'), (2, 'two')");
  await engine.query('CREATE VIEW big (key, label) AS SELECT k, upper(v) FROM base WHERE k > 1');
  expect(await rows('SELECT key, label FROM big')).toEqual([[2, 'TWO']]);
  expect(await rows("SELECT table_type FROM information_schema.tables WHERE table_name = 'big'")).toEqual([
    ['VIEW'],
  ]);
  expect((await rows('SHOW CREATE VIEW big'))[0][0]).toContain('CREATE VIEW memory.default.big');
  expect((await rows('SHOW CREATE TABLE base'))[0][0]).toBe(
    'CREATE TABLE memory.default.base (\n   k integer,\n   v varchar\n)',
  );
  await engine.query('DROP VIEW big');
  await expect(engine.query('SELECT * FROM big')).rejects.toBeInstanceOf(TrinoError);
  await engine.query('DROP TABLE base');
});

test('system.runtime tables see this engine and its queries', async () => {
  expect(await rows('SELECT coordinator, state FROM system.runtime.nodes')).toEqual([[true, 'active']]);
  await engine.query('SELECT 42').catch(() => undefined);
  await engine.query('SELECT nope FROM tpch.tiny.nation').catch(() => undefined);
  const queries = await rows(
    "SELECT query, state, error_code FROM system.runtime.queries WHERE query IN ('SELECT 42', 'SELECT nope FROM tpch.tiny.nation') ORDER BY query",
  );
  expect(queries).toEqual([
    ['SELECT 42', 'FINISHED', null],
    ['SELECT nope FROM tpch.tiny.nation', 'FAILED', 'COLUMN_NOT_FOUND'],
  ]);
});

test('SHOW FUNCTIONS lists the registry', async () => {
  const fns = await rows("SHOW FUNCTIONS LIKE 'substr%'");
  expect(fns.map((r) => r[0])).toContain('substring');
  expect(fns.every((r) => r[3] === 'scalar')).toBe(true);
});

test('SHOW FUNCTIONS lists aggregate and window functions with Trino signatures', async () => {
  const all = await rows('SHOW FUNCTIONS');
  const has = (name: string, returns: string, args: string, type: string) =>
    all.some((r) => r[0] === name && r[1] === returns && r[2] === args && r[3] === type);
  expect(has('approx_distinct', 'bigint', 'T, double', 'aggregate')).toBe(true);
  expect(has('max_by', 'V', 'V, K', 'aggregate')).toBe(true);
  expect(has('count', 'bigint', '', 'aggregate')).toBe(true);
  expect(has('row_number', 'bigint', '', 'window')).toBe(true);
  expect(has('lag', 'T', 'T, bigint, T', 'window')).toBe(true);
  // every aggregate the planner accepts is listed
  const listed = new Set(all.filter((r) => r[3] === 'aggregate').map((r) => r[0]));
  expect(aggregateNames().filter((n) => !listed.has(n))).toEqual([]);
  // sorted by name
  const names = all.map((r) => r[0] as string);
  expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
});

describe('session properties and the per-node memory limit', () => {
  test('SET SESSION validates, SHOW SESSION reports, RESET SESSION restores', async () => {
    await expect(engine.query("SET SESSION no_such_thing = '1'")).rejects.toMatchObject({
      errorCode: { name: 'INVALID_SESSION_PROPERTY' },
    });
    await expect(engine.query("SET SESSION query_max_memory_per_node = 'lots'")).rejects.toMatchObject({
      errorCode: { name: 'INVALID_SESSION_PROPERTY' },
    });
    await engine.query("SET SESSION query_max_memory_per_node = '64kB'");
    expect((await rows('SHOW SESSION')).find((r) => r[0] === 'query_max_memory_per_node')?.[1]).toBe('64kB');
    // sorting the 1,500 customer comments (about 110 bytes each) needs far more than 64kB
    const failure = await engine
      .query('SELECT comment FROM tpch.tiny.customer ORDER BY comment')
      .catch((e: TrinoError) => e);
    expect(failure).toBeInstanceOf(TrinoError);
    expect((failure as TrinoError).errorCode.name).toBe('EXCEEDED_LOCAL_MEMORY_LIMIT');
    expect((failure as TrinoError).message).toMatch(
      /^Query exceeded per-node memory limit of 64.00kB \[Allocated: .*Top Consumers: \{SortOperator=/,
    );
    await engine.query('RESET SESSION query_max_memory_per_node');
    expect(
      (await rows('SELECT count(*) FROM (SELECT comment FROM tpch.tiny.customer ORDER BY comment) t'))[0][0],
    ).toBe(1500);
  });
});
