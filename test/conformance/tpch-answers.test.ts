import * as fs from 'node:fs';
import { CorpusFormatError } from '../../conformance/corpus-error';
import { corpusPath } from '../../conformance/corpus-paths';
import {
  listTpchQueries,
  parseTpchAnswerCsv,
  readTpchAnswer,
  readTpchQuery,
  readTrinodbTpchResult,
  scaleFactorDir,
  substituteBenchmarkPlaceholders,
  TPCH_QUERY_NUMBERS,
} from '../../conformance/tpch-answers';
import { expectReturnsOrFormatError, junk, mutate, prng } from './helpers';

// Data rows per query (`wc -l tpch/dbgen-answers/sf0.01/qNN.csv` minus the header row).
const SF001_ROWS = [4, 4, 10, 5, 5, 1, 4, 2, 173, 20, 359, 2, 33, 1, 1, 296, 1, 2, 1, 1, 1, 7];

describe('TPC-H answers', () => {
  test('q01 at sf0.01: header and 4 rows', () => {
    const a = readTpchAnswer(1, '0.01');
    expect(a.path).toBe(corpusPath('tpch', 'dbgen-answers', 'sf0.01', 'q01.csv'));
    expect(a.columns).toEqual([
      'l_returnflag',
      'l_linestatus',
      'sum_qty',
      'sum_base_price',
      'sum_disc_price',
      'sum_charge',
      'avg_qty',
      'avg_price',
      'avg_disc',
      'count_order',
    ]);
    expect(a.rows).toHaveLength(4);
    expect(a.rows[0]).toEqual([
      'A',
      'F',
      '380456.00',
      '532348211.65',
      '505822441.4861',
      '526165934.000839',
      '25.575154611454693',
      '35785.70930693735',
      '0.05008133906964238',
      '14876',
    ]);
    expect(a.rows.map((r) => `${r[0]}${r[1]}`)).toEqual(['AF', 'NF', 'NO', 'RF']);
  });

  test('row counts of all 22 answers at sf0.01, and numeric scale factors', () => {
    expect(TPCH_QUERY_NUMBERS.map((q) => readTpchAnswer(q, 0.01).rows.length)).toEqual(SF001_ROWS);
    // wc -l sf1/q18.csv = 58 → 57 rows; sf0.1/q11.csv = 2542 → 2541 rows
    expect(readTpchAnswer(18, 1).rows).toHaveLength(57);
    expect(readTpchAnswer(11, '0.1').rows).toHaveLength(2541);
  });

  test('NULL becomes null (q17 at sf0.01 is a single NULL avg_yearly)', () => {
    expect(readTpchAnswer(17, '0.01')).toMatchObject({ columns: ['avg_yearly'], rows: [[null]] });
  });

  test('DuckDB-generated answers are available as a separate source', () => {
    const a = readTpchAnswer(1, '0.01', { source: 'duckdb' });
    expect(a.path).toBe(corpusPath('tpch', 'duckdb', 'answers', 'sf0.01', 'q01.csv'));
    expect(a.rows[0].slice(0, 4)).toEqual(['A', 'F', '380456', '532348211.65']);
  });

  test('trinodb/tpch qN.result (tempto format) agrees with the dbgen row counts at SF 0.01', () => {
    expect(TPCH_QUERY_NUMBERS.map((q) => readTrinodbTpchResult(q).rows.length)).toEqual(SF001_ROWS);
    const q6 = readTrinodbTpchResult(6);
    expect(q6.options.types).toEqual(['DECIMAL']);
    expect(q6.rows).toEqual([['1193053.2253']]);
    expect(readTpchAnswer(6, '0.01').rows).toEqual([['1193053.2253']]);
    // q1.result: `-- delimiter: |; ignoreOrder: false;`; its first row has no trailing '|', the others do.
    const q1 = readTrinodbTpchResult(1);
    expect(q1.options.ignoreOrder).toBe(false);
    expect(q1.rows.every((r) => r.length === 10)).toBe(true);
    expect(q1.rows[0].slice(0, 4)).toEqual(['A', 'F', '380456', '532348211.65']);
  });

  test('bad arguments throw clear errors', () => {
    expect(() => readTpchAnswer(23, '0.01')).toThrow(/1 to 22/);
    expect(() => readTpchAnswer(0, '0.01')).toThrow(/1 to 22/);
    expect(() => readTpchAnswer(1.5, '0.01')).toThrow(/1 to 22/);
    expect(() => scaleFactorDir(10)).toThrow(/0.01, 0.1 and 1/);
    expect(scaleFactorDir(1)).toBe('sf1');
    expect(() => readTpchAnswer(1, '0.01', { root: '/nonexistent-corpus' })).toThrow('/nonexistent-corpus');
  });

  test('parseTpchAnswerCsv: malformed input', () => {
    expect(() => parseTpchAnswerCsv('', 'a.csv')).toThrow(/^a\.csv:1: answer file is empty/);
    expect(() => parseTpchAnswerCsv('a|b\n1|2\n3\n', 'a.csv')).toThrow(
      /^a\.csv:3: row has 1 values, header has 2$/,
    );
    expect(() => parseTpchAnswerCsv('a||b\n', 'a.csv')).toThrow(
      /^a\.csv:1: header row has an empty column name/,
    );
    expect(parseTpchAnswerCsv('a|b\r\n1|NULL\r\n\r\n', 'a.csv')).toEqual({
      path: 'a.csv',
      columns: ['a', 'b'],
      rows: [['1', null]],
    });
    const random = prng(5);
    const real = fs.readFileSync(corpusPath('tpch', 'dbgen-answers', 'sf0.01', 'q03.csv'), 'utf8');
    for (let k = 0; k < 300; k++) {
      expectReturnsOrFormatError(
        () => parseTpchAnswerCsv(junk(random, Math.floor(random() * 200)), 'j.csv'),
        'j.csv',
      );
      expectReturnsOrFormatError(() => parseTpchAnswerCsv(mutate(real, random), 'm.csv'), 'm.csv');
    }
    expect(() => parseTpchAnswerCsv('x|y\n1\n', 'e.csv')).toThrow(CorpusFormatError);
  });
});

describe('TPC-H query texts', () => {
  test('duckdb queries: 22 single statements', () => {
    const qs = listTpchQueries('duckdb');
    expect(qs).toHaveLength(22);
    expect(qs.every((q) => q.statements.length === 1)).toBe(true);
    expect(qs[0].path).toBe(corpusPath('tpch', 'duckdb', 'queries', 'q01.sql'));
    expect(qs[0].statements[0].startsWith('SELECT\n    l_returnflag,')).toBe(true);
    expect(qs[0].statements[0].endsWith('l_linestatus')).toBe(true);
  });

  test('trinodb-tpch queries: tempto header parsed, q15 has a view and a select', () => {
    const q1 = readTpchQuery('trinodb-tpch', 1);
    expect(q1.properties).toEqual({ database: 'presto', groups: 'tpch', tables: 'lineitem' });
    expect(q1.statements).toHaveLength(1);
    expect(q1.statements[0].startsWith('SELECT\n  l_returnflag,')).toBe(true);
    const q15 = readTpchQuery('trinodb-tpch', 15);
    expect(q15.statements).toHaveLength(2);
    expect(q15.statements[0].startsWith('CREATE OR REPLACE VIEW revenue AS')).toBe(true);
    expect(listTpchQueries('trinodb-tpch').map((q) => q.statements.length)).toEqual(
      TPCH_QUERY_NUMBERS.map((q) => (q === 15 ? 2 : 1)),
    );
  });

  test('trino benchmark queries: placeholders substituted', () => {
    const q6 = readTpchQuery('trino-benchmark', 6);
    expect(q6.statements).toHaveLength(1);
    expect(q6.text).toContain('"${database}"."${schema}"."${prefix}lineitem" l');
    const sql = substituteBenchmarkPlaceholders(q6.statements[0], { catalog: 'tpch', schema: 'tiny' });
    expect(sql).toContain('"tpch"."tiny"."lineitem" l');
    expect(
      substituteBenchmarkPlaceholders(q6.statements[0], { catalog: 'c', schema: 's', prefix: 'p_' }),
    ).toContain('"c"."s"."p_lineitem" l');
    // q11 also uses ${scale}
    const q11 = readTpchQuery('trino-benchmark', 11).statements[0];
    expect(() => substituteBenchmarkPlaceholders(q11, { catalog: 'tpch', schema: 'tiny' })).toThrow(
      '${scale}',
    );
    expect(substituteBenchmarkPlaceholders(q11, { catalog: 'tpch', schema: 'tiny', scale: 0.01 })).toContain(
      '0.0001000000 / 0.01',
    );
    for (const q of listTpchQueries('trino-benchmark')) {
      const s = substituteBenchmarkPlaceholders(q.statements[0], {
        catalog: 'tpch',
        schema: 'sf1',
        scale: 1,
      });
      expect(s).not.toContain('${');
    }
    expect(() => substituteBenchmarkPlaceholders('${other}', { catalog: 'a', schema: 'b' })).toThrow(
      '${other}',
    );
  });

  test('qgen templates: raw text only', () => {
    const t = readTpchQuery('qgen-template', 1);
    expect(t.path).toBe(corpusPath('tpch', 'trino-parser-qgen-templates', '1.sql'));
    expect(t.statements).toEqual([]);
    expect(t.text.startsWith('-- $ID$\n-- TPC-H/TPC-R Pricing Summary Report Query (Q1)')).toBe(true);
    expect(t.text).toContain("interval ':1' day (3)");
    expect(listTpchQueries('qgen-template')).toHaveLength(22);
  });
});
