import { corpusPath } from '../../conformance/corpus-paths';
import { CorpusSqlSource, listCorpusSql } from '../../conformance/corpus-sql';

describe('listCorpusSql', () => {
  const all = listCorpusSql();
  const bySource = (s: CorpusSqlSource) => all.filter((x) => x.source === s);

  test('statement counts per source', () => {
    // `grep -cE '^(statement|query)'` over the sqlite files = 32843 records; 14 of them hold two statements
    // (slt_lang_aggfunc.test:476 and thirteen `CREATE TRIGGER ... BEGIN SELECT 1; END;`, whose body is split).
    expect(bySource('sqlite-slt')).toHaveLength(32843 + 14);
    // duckdb files: 2261 records; not_between_is_null.test:5 holds two CREATE TABLEs.
    expect(bySource('duckdb-slt')).toHaveLength(2261 + 1);
    // 250 product-test cases; 15 insert tests have 2 statements, multiple_inserts_one_table 4,
    // hive_tpch/q15 2, the two "create table like" sections 3 each: 250 + 15 + 3 + 1 + 2 + 2 = 273.
    expect(bySource('product-test')).toHaveLength(273);
    expect(bySource('tpch-duckdb')).toHaveLength(22);
    expect(bySource('tpch-trinodb')).toHaveLength(23);
    expect(bySource('tpch-benchmark')).toHaveLength(22);
  });

  test('no empty statements, no trailing semicolons, no unsubstituted benchmark placeholders', () => {
    for (const s of all) {
      expect(s.sql.trim()).not.toBe('');
      expect(s.sql.endsWith(';')).toBe(false);
    }
    for (const s of bySource('tpch-benchmark')) expect(s.sql).not.toContain('${');
    for (const s of bySource('tpch-trinodb')) expect(s.sql.startsWith('--')).toBe(false);
  });

  test('positions and flags', () => {
    const first = all[0];
    expect(first.source).toBe('duckdb-slt'); // files are walked in sorted order: duckdb/ before sqlite/
    const select1 = bySource('sqlite-slt').filter(
      (s) => s.file === corpusPath('sqllogictest', 'sqlite', 'select1.test'),
    );
    expect(select1).toHaveLength(1031);
    expect(select1[0]).toMatchObject({
      line: 2,
      sql: 'CREATE TABLE t1(a INTEGER, b INTEGER, c INTEGER, d INTEGER, e INTEGER)',
      expectError: false,
      conditions: [],
    });
    const errors = bySource('duckdb-slt').filter((s) => s.expectError);
    // grep -c '^statement error' over the duckdb files = 188
    expect(errors).toHaveLength(188);
    const q15 = bySource('tpch-trinodb').filter((s) => s.file.endsWith('q15.sql'));
    expect(q15.map((s) => s.line)).toEqual([2, 14]);
    const tiny = listCorpusSql({
      sources: ['tpch-benchmark'],
      benchmark: { catalog: 'c', schema: 's', scale: 1 },
    });
    expect(tiny).toHaveLength(22);
    expect(tiny[0].sql).toContain('"c"."s"."lineitem"');
  });
});
