/** Product test selection / comparison and TPC-H comparison. */
import {
  classifyCase,
  compareTempto,
  jdbcTypeName,
  listProductTests,
  runProductTestCases,
} from '../../../conformance/runner/product-test-runner';
import {
  compareTpch,
  runTpchQueries,
  tpchQueryCases,
  tpchSuiteName,
} from '../../../conformance/runner/tpch-runner';
import { parseResultText } from '../../../conformance/product-tests-reader';
import { parseType } from '../../../src/types';

const all = listProductTests();
const byName = (name: string) => {
  const c = all.find((s) => s.testCase.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c.testCase;
};

describe('product test selection', () => {
  test('cases on tpch.tiny and on the fixed hive TPC-H tables run', () => {
    expect(classifyCase(byName('tpch_connector/countNationTiny'))).toEqual({ runnable: true });
    expect(classifyCase(byName('tpch_connector/showSchemas'))).toEqual({ runnable: true });
    expect(classifyCase(byName('catalog/describe'))).toEqual({ runnable: true }); // tables: nation
    expect(classifyCase(byName('order_by/orderByExpression'))).toEqual({ runnable: true }); // tpch.tiny.orders in the SQL
    expect(classifyCase(byName('system/showSystemSchemas'))).toEqual({ runnable: true }); // Trino's system catalog
    expect(classifyCase(byName('catalog/showColumns'))).toEqual({ runnable: true }); // system.runtime.nodes
    expect(classifyCase(byName('catalog/showFunctions'))).toEqual({ runnable: true });
  });
  test('SF1 hive tables only with --product-sf1', () => {
    expect(classifyCase(byName('hive_tpch/q01'))).toMatchObject({ runnable: false, unavailable: true });
    expect(classifyCase(byName('hive_tpch/q01'), { sf1: true })).toEqual({ runnable: true });
  });
  test('other data is unavailable, not failing', () => {
    const tpcds = all.find((s) => s.testCase.relativePath.startsWith('tpcds/'))!.testCase;
    for (const c of [
      tpcds,
      byName('catalog/showCatalogs'),
      byName('catalog/showSchemas'),
      byName('set_operation/except#except_null'),
    ]) {
      expect(classifyCase(c)).toMatchObject({ runnable: false, unavailable: true });
    }
    const insert = all.find((s) => s.testCase.relativePath.startsWith('insert/'))!.testCase;
    expect(classifyCase(insert)).toMatchObject({ runnable: false, unavailable: true });
  });
  test('every case is classified', () => {
    expect(all.length).toBeGreaterThan(200);
    for (const s of all) expect(typeof s.availability.runnable).toBe('boolean');
  });
});

describe('tempto comparison', () => {
  const base = { unit: 0, group: 'g' };
  const cols = (...types: string[]) => types.map((type, i) => ({ name: `c${i}`, type }));
  const expected = (text: string) => ({ expected: parseResultText(text) });

  test('ordered rows, types, excess rows', () => {
    const e = expected('-- delimiter: |; types: BIGINT|VARCHAR\n1|a|\n2|b|\n');
    expect(
      compareTempto(
        cols('bigint', 'varchar'),
        [
          [1, 'a'],
          [2, 'b'],
        ],
        e,
        base,
      ).status,
    ).toBe('passed');
    expect(
      compareTempto(
        cols('bigint', 'varchar'),
        [
          [2, 'b'],
          [1, 'a'],
        ],
        e,
        base,
      ).category,
    ).toBe('wrong-result');
    expect(
      compareTempto(
        cols('integer', 'varchar'),
        [
          [1, 'a'],
          [2, 'b'],
        ],
        e,
        base,
      ).category,
    ).toBe('type-mismatch');
    expect(compareTempto(cols('bigint', 'varchar'), [[1, 'a']], e, base).category).toBe('wrong-row-count');
    const excess = expected('-- delimiter: |; ignoreOrder: true; ignoreExcessRows: true\ntiny|\n');
    expect(compareTempto(cols('varchar'), [['sf1'], ['tiny']], excess, base).status).toBe('passed');
  });
  test('ignoreOrder is a multiset comparison; trimValues trims', () => {
    const e = expected('-- delimiter: |; ignoreOrder: true; trimValues: true\n 1 | x \n 1 | x \n 2 | y \n');
    expect(
      compareTempto(
        cols('bigint', 'char(3)'),
        [
          [2, 'y'],
          [1, 'x'],
          [1, 'x'],
        ],
        e,
        base,
      ).status,
    ).toBe('passed');
    expect(
      compareTempto(
        cols('bigint', 'char(3)'),
        [
          [2, 'y'],
          [1, 'x'],
          [2, 'y'],
        ],
        e,
        base,
      ).category,
    ).toBe('wrong-result');
  });
  test('JDBC type names', () => {
    expect(jdbcTypeName(parseType('decimal(12,2)'))).toBe('DECIMAL');
    expect(jdbcTypeName(parseType('varchar(25)'))).toBe('VARCHAR');
    expect(jdbcTypeName(parseType('map(varchar, bigint)'))).toBe('JAVA_OBJECT');
  });
  test('runnable cases run on the real engine, one outcome each', async () => {
    const cases = [byName('tpch_connector/countRegionTiny'), byName('catalog/describe')];
    const outcomes = await runProductTestCases(cases, { timeoutMs: 20_000 });
    expect(outcomes.map((o) => o.group)).toEqual([
      'trino-product-tests/tpch_connector/countRegionTiny.sql',
      'trino-product-tests/catalog/describe.sql',
    ]);
    for (const o of outcomes) expect(o.status === 'passed' || o.category !== undefined).toBe(true);
  }, 30_000);
});

describe('TPC-H', () => {
  test('query texts: Trino benchmark queries against tpch.tiny, q11 with FRACTION 0.0001', () => {
    const cases = tpchQueryCases();
    expect(cases).toHaveLength(22);
    expect(cases[0].statements.join(' ')).toContain('"tpch"."tiny"."lineitem"');
    expect(cases[10].statements.join(' ')).toMatch(/0\.0001000000 \/ 1\b/);
    expect(tpchQueryCases({ queries: 'trinodb', only: [15] })[0].statements).toHaveLength(2);
    expect(tpchSuiteName({})).toBe('tpch-tiny');
    expect(tpchSuiteName({ scaleFactor: '0.1', mapping: 'decimal' })).toBe('tpch-sf0.1-decimal');
  });

  test('answer comparison', () => {
    const base = { unit: 0, group: 'q' };
    const res = (type: string, rows: unknown[][]) => ({
      columns: [
        { name: 'x', type },
        { name: 'n', type: 'bigint' },
      ],
      rows,
    });
    const answer = [
      ['25.575154611454693', '3'],
      ['0.5', '4'],
    ];
    expect(
      compareTpch(
        res('decimal(12,2)', [
          [2558, 3],
          [50, 4],
        ]),
        ['avg', 'n'],
        answer,
        base,
      ).status,
    ).toBe('passed');
    expect(
      compareTpch(
        res('double', [
          [25.575154611454693, 3],
          [0.5, 4],
        ]),
        ['avg', 'n'],
        answer,
        base,
      ).status,
    ).toBe('passed');
    expect(
      compareTpch(
        res('double', [
          [25.58, 3],
          [0.5, 4],
        ]),
        ['avg', 'n'],
        answer,
        base,
      ).category,
    ).toBe('wrong-result');
    expect(compareTpch(res('double', [[25.58, 3]]), ['avg', 'n'], answer, base).category).toBe(
      'wrong-row-count',
    );
    expect(compareTpch(res('double', [[1, 2]]), ['only'], [['1']], base).category).toBe('column-count');
  });

  test('a query runs on the real engine with one outcome', async () => {
    const outcomes = await runTpchQueries({ only: [6], timeoutMs: 25_000 });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].group).toBe('tpch/trino-benchmark-queries/q06.sql');
    expect(outcomes[0].status === 'passed' || outcomes[0].category !== undefined).toBe(true);
  }, 30_000);
});
