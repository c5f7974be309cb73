import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusFormatError } from '../../conformance/corpus-error';
import { conformanceDir, corpusPath } from '../../conformance/corpus-paths';
import {
  isTrinoDatabase,
  listProductTestCases,
  listProductTestDatasets,
  parseProductTestFile,
  parsePropertyLine,
  parseResultText,
  ProductTestCase,
  productTestsDir,
  readProductTestDataset,
  readProductTestFile,
  splitResultRow,
} from '../../conformance/product-tests-reader';
import { expectReturnsOrFormatError, junk, mutate, prng } from './helpers';

const testcases = (...p: string[]): string =>
  corpusPath('trino-product-tests', 'sql-tests', 'testcases', ...p);
const datasets = (...p: string[]): string => corpusPath('trino-product-tests', 'sql-tests', 'datasets', ...p);

function byName(cases: ProductTestCase[], name: string): ProductTestCase {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c;
}

describe('listProductTestCases', () => {
  const cases = listProductTestCases();

  test('case count', () => {
    // 234 .sql files (find testcases -name '*.sql' | wc -l); 38 of them hold `--!` sections, with 108 `--!`
    // lines = 54 (query, result) pairs: 234 - 38 + 54 = 250 cases.
    expect(cases).toHaveLength(250);
    expect(new Set(cases.map((c) => c.name)).size).toBe(250);
    // grep -h '^--! name' → 22 named sections.
    expect(cases.filter((c) => c.sectionName !== undefined)).toHaveLength(22);
  });

  test('every case has expected results, and all are Trino queries', () => {
    // 196 .result files + 54 inline results; every header says `database: trino` or `database: trino_tpcds`.
    expect(cases.filter((c) => c.resultPath !== undefined)).toHaveLength(196);
    expect(cases.every((c) => c.expected !== undefined)).toBe(true);
    expect(cases.every((c) => c.isTrinoQuery)).toBe(true);
    // find -name '*.sql' | xargs head -qn1 | grep -c trino_tpcds → 103
    expect(cases.filter((c) => c.header.database === 'trino_tpcds')).toHaveLength(103);
  });

  test('the same list is found from the corpus root, the product-tests folder or sql-tests', () => {
    const dir = productTestsDir();
    expect(productTestsDir(conformanceDir())).toBe(dir);
    expect(productTestsDir(path.dirname(dir))).toBe(dir);
    expect(listProductTestCases(dir)).toHaveLength(250);
    expect(() => productTestsDir('/nonexistent-dir')).toThrow('/nonexistent-dir');
  });

  test('single-query file with a .result (tpch_connector/countNationTiny)', () => {
    const c = byName(cases, 'tpch_connector/countNationTiny');
    expect(c.relativePath).toBe('tpch_connector/countNationTiny.sql');
    expect(c.header).toEqual({
      database: 'trino',
      groups: ['tpch_connector'],
      tables: [],
      requires: [],
      mutableTables: [],
      queryType: undefined,
      properties: { database: 'trino', groups: 'tpch_connector' },
    });
    expect(c.sql).toBe('select count(*) FROM tpch.tiny.nation');
    expect(c.statements).toEqual(['select count(*) FROM tpch.tiny.nation']);
    expect(c.line).toBe(2);
    expect(c.resultPath).toBe(testcases('tpch_connector', 'countNationTiny.result'));
    // countNationTiny.result: `-- delimiter: |; types: BIGINT` then `25|`
    expect(c.expected?.options).toMatchObject({
      delimiter: '|',
      types: ['BIGINT'],
      ignoreOrder: false,
      trimValues: false,
    });
    expect(c.expected?.rows).toEqual([['25']]);
    expect(c.expected?.rowLines).toEqual([2]);
  });

  test('sectioned file with inline results (set_operation/except)', () => {
    const sections = cases.filter((c) => c.relativePath === 'set_operation/except.sql');
    expect(sections.map((c) => c.name)).toEqual([
      'set_operation/except#except_union_intersect',
      'set_operation/except#except_union_all_intersect',
      'set_operation/except#except_null',
    ]);
    const last = sections[2];
    expect(last.sectionIndex).toBe(2);
    expect(last.header.tables).toEqual(['nation', 'workers']);
    expect(last.sql).toBe(
      'SELECT id_employee FROM workers\nEXCEPT\nSELECT department FROM workers where department IS NOT NULL',
    );
    expect(last.line).toBe(28);
    // The file-level `-- delimiter: |; ignoreOrder: true;` applies to each section.
    expect(last.expected?.options.ignoreOrder).toBe(true);
    expect(last.expected?.path).toBe(testcases('set_operation', 'except.sql'));
    expect(last.expected?.rows).toEqual([['null'], ['3'], ['6'], ['10'], ['1']]);
    expect(last.expected?.rowLines).toEqual([32, 33, 34, 35, 36]);
  });

  test('a section with several statements and an empty inline result', () => {
    const like = byName(cases, 'csv_table#create table like');
    expect(like.statements).toEqual([
      'DROP TABLE IF EXISTS like_csv_table',
      'CREATE TABLE like_csv_table (LIKE csv_table INCLUDING PROPERTIES)',
      'SHOW CREATE TABLE like_csv_table',
    ]);
    expect(like.expected?.rows).toHaveLength(1);
    // tables_with_header_and_footer.sql: "filter with header" has `--!` followed directly by the next section.
    expect(byName(cases, 'tables_with_header_and_footer#filter with header').expected?.rows).toEqual([]);
    expect(byName(cases, 'tables_with_header_and_footer#simple_scan with header').expected?.rows).toEqual([
      ['34816'],
    ]);
  });

  test('bare `--!` sections and per-section result options (connectors/postgresql/show_schemas)', () => {
    const c = byName(cases, 'connectors/postgresql/show_schemas');
    expect(c.sectionName).toBeUndefined();
    expect(c.header.queryType).toBe('SELECT');
    expect(c.header.groups).toEqual(['postgresql', 'profile_specific_tests']);
    expect(c.sql).toBe('show schemas from postgresql');
    expect(c.expected?.options).toMatchObject({ trimValues: true, ignoreOrder: true });
    expect(c.expected?.rows).toEqual([['information_schema'], ['pg_catalog'], ['public']]);
  });

  test('insert tests keep tempto placeholders and split into statements', () => {
    const c = byName(cases, 'insert/insert_values_all_types');
    expect(c.header.mutableTables).toEqual(['datatype|created']);
    expect(c.statements).toHaveLength(2);
    expect(c.statements[1]).toBe('select * from ${mutableTables.hive.datatype}');
    expect(c.expected?.rows[0]).toHaveLength(8);
  });

  test('result files: types, trimValues, rows without a trailing delimiter, odd option lines', () => {
    // hive_tpch/q01.result: SF1 answer, 4 rows of 10 columns.
    const q1 = byName(cases, 'hive_tpch/q01');
    expect(q1.expected?.rows).toHaveLength(4);
    expect(q1.expected?.rows.every((r) => r.length === 10)).toBe(true);
    // window_functions/noOrderAllRowsPeers.result: `--delimiter:|;ignoreOrder:true;`, rows without trailing '|'.
    const peers = byName(cases, 'window_functions/noOrderAllRowsPeers');
    expect(peers.expected?.options.ignoreOrder).toBe(true);
    expect(peers.expected?.rows[0]).toEqual(['27014', '27', '0.02', '1']);
    // math_functions/checkMathOperatorsAccessible.result: `4 | 3 | 9 | 4 | 2 |` with trimValues:true
    expect(byName(cases, 'math_functions/checkMathOperatorsAccessible').expected?.rows).toEqual([
      ['4', '3', '9', '4', '2'],
    ]);
    // tpcds/q44.result opens with `--|delimiter:|` (not a usable key); values keep their CHAR padding.
    const q44 = byName(cases, 'tpcds/q44');
    expect(q44.expected?.options.delimiter).toBe('|');
    expect(q44.expected?.options.properties).toEqual({ '|delimiter': '|' });
    expect(q44.expected?.rows[0][1]).toBe('oughtantiprin st' + ' '.repeat(34));
    // order_by/orderByExpression.result has no option line at all.
    expect(byName(cases, 'order_by/orderByExpression').expected?.rows[0]).toEqual(['929.570625', '334']);
    // empty_table/selectStar.result is an empty file.
    expect(byName(cases, 'empty_table/selectStar').expected?.rows).toEqual([]);
    // horology_functions/dateTimeOperatorsAccessible.result: options line + a `--- todo` comment, no rows.
    expect(byName(cases, 'horology_functions/dateTimeOperatorsAccessible').expected?.rows).toEqual([]);
    // every typed result has rows as wide as its type list
    for (const c of cases) {
      const types = c.expected?.options.types;
      if (types)
        for (const row of c.expected!.rows) expect([c.name, row.length]).toEqual([c.name, types.length]);
    }
  });

  test('tpcds/q06 header: a `--- comment` line after the properties is ignored', () => {
    const c = byName(cases, 'tpcds/q06');
    expect(c.header.database).toBe('trino_tpcds');
    expect(c.header.requires).toEqual([
      'io.trino.tempto.fulfillment.table.hive.tpcds.ImmutableTpcdsTablesRequirements',
    ]);
    expect(c.sql.startsWith('SELECT\n  "a"."ca_state" "STATE"')).toBe(true);
    expect(c.line).toBe(3);
  });
});

describe('tempto parsing helpers', () => {
  test('parsePropertyLine', () => {
    expect(parsePropertyLine('-- database: trino; groups: a, b; tables: x')).toEqual({
      database: 'trino',
      groups: 'a, b',
      tables: 'x',
    });
    expect(parsePropertyLine('-- delimiter: |; types: BIGINT|VARCHAR;')).toEqual({
      delimiter: '|',
      types: 'BIGINT|VARCHAR',
    });
    expect(parsePropertyLine('--- takes over 30 minutes on travis to complete')).toBeUndefined();
    expect(parsePropertyLine('SELECT 1')).toBeUndefined();
    expect(parsePropertyLine('--! name: x')).toBeUndefined();
  });

  test('splitResultRow', () => {
    expect(splitResultRow('a|b|', { delimiter: '|', trimValues: false })).toEqual(['a', 'b']);
    expect(splitResultRow('a|b', { delimiter: '|', trimValues: false })).toEqual(['a', 'b']);
    expect(splitResultRow('|', { delimiter: '|', trimValues: false })).toEqual(['']);
    expect(splitResultRow('a||', { delimiter: '|', trimValues: false })).toEqual(['a', '']);
    expect(splitResultRow(' a | b |', { delimiter: '|', trimValues: true })).toEqual(['a', 'b']);
    expect(splitResultRow('a::b::', { delimiter: '::', trimValues: false })).toEqual(['a', 'b']);
  });

  test('isTrinoDatabase', () => {
    expect(isTrinoDatabase('trino')).toBe(true);
    expect(isTrinoDatabase('presto')).toBe(true);
    expect(isTrinoDatabase('trino_tpcds')).toBe(true);
    expect(isTrinoDatabase('hive')).toBe(false);
    expect(isTrinoDatabase('trinosaur')).toBe(false);
    expect(isTrinoDatabase(undefined)).toBe(false);
  });

  test('parseResultText: bad boolean option is a file:line error', () => {
    expect(() => parseResultText('-- delimiter: |; ignoreOrder: maybe\n1|\n', { path: 'r.result' })).toThrow(
      /^r\.result:1: expected true or false, got 'maybe'$/,
    );
  });

  test('parseProductTestFile: malformed files', () => {
    const cases: [string, string, number, RegExp][] = [
      ['empty file', '', 1, /no query/],
      ['header only', '-- database: trino; groups: x\n', 1, /no query/],
      [
        'query section without result section',
        '-- database: trino\n--! name: a\nSELECT 1\n',
        2,
        /no '--!' result section/,
      ],
      ['section without query', '-- database: trino\n--! name: a\n--!\n1|\n', 2, /no query/],
      [
        'text before the first section',
        '-- database: trino\nSELECT 0\n--!\nSELECT 1\n--!\n1|\n',
        2,
        /before the first/,
      ],
      ['named result marker', '-- database: trino\n--!\nSELECT 1\n--! name: b\n1|\n', 4, /bare/],
    ];
    for (const [name, text, line, message] of cases) {
      let error: unknown;
      try {
        parseProductTestFile(text, { sqlPath: 'bad.sql' });
      } catch (e) {
        error = e;
      }
      expect([name, error instanceof CorpusFormatError]).toEqual([name, true]);
      expect([name, (error as Error).message.startsWith(`bad.sql:${line}: `)]).toEqual([name, true]);
      expect((error as Error).message).toMatch(message);
    }
  });

  test('parseProductTestFile: a hive-only header is not a Trino query', () => {
    const [c] = parseProductTestFile('-- database: hive; groups: x\nSELECT 1\n', { sqlPath: 'h.sql' });
    expect(c.isTrinoQuery).toBe(false);
    expect(c.expected).toBeUndefined();
  });

  test('binary junk and mutated files parse or fail with file:line, never crash', () => {
    const random = prng(3);
    for (let k = 0; k < 200; k++) {
      const text = junk(random, Math.floor(random() * 300));
      expectReturnsOrFormatError(
        () => parseProductTestFile(text, { sqlPath: 'j.sql', resultText: text }),
        'j.sql',
      );
      expectReturnsOrFormatError(() => parseResultText(text, { path: 'j.result' }), 'j.result');
    }
    const sources = [
      testcases('set_operation', 'intersect.sql'),
      testcases('csv_table.sql'),
      testcases('hive_tpch', 'q15.sql'),
    ];
    for (const source of sources) {
      const text = fs.readFileSync(source, 'utf8');
      for (let k = 0; k < 100; k++) {
        expectReturnsOrFormatError(
          () => parseProductTestFile(mutate(text, random), { sqlPath: source }),
          source,
        );
      }
    }
  });

  test('readProductTestFile reads one file with its .result', () => {
    const [c] = readProductTestFile(testcases('hive_tpch', 'q15.sql'));
    expect(c.name).toBe('q15');
    expect(c.statements).toHaveLength(2);
    expect(c.statements[0].startsWith('CREATE OR REPLACE VIEW revenue AS')).toBe(true);
    expect(c.expected?.rows).toHaveLength(1);
  });
});

describe('datasets', () => {
  test('every .ddl is read; data kinds', () => {
    const all = listProductTestDatasets();
    // ls datasets/*.ddl | wc -l → 16
    expect(all).toHaveLength(16);
    const kinds = Object.fromEntries(all.map((d) => [d.name, d.dataKind]));
    expect(kinds).toMatchObject({
      workers: 'text',
      datatype: 'text',
      empty: 'text',
      workers_psql: 'result',
      orc_varchar_dictionary: 'binary',
      table_with_header: 'generator',
      csv_table: 'text',
    });
  });

  test('hive text data: workers (14 rows, \\N is NULL)', () => {
    const d = readProductTestDataset(datasets('workers.ddl'));
    expect(d.type).toBe('hive');
    expect(d.fieldDelimiter).toBe('|');
    expect(d.ddl.startsWith('CREATE TABLE %NAME%\n(\n  id_employee INT,')).toBe(true);
    // wc -l workers.data → 14
    expect(d.rows).toHaveLength(14);
    expect(d.rows?.[0]).toEqual([null, null, null, null, null, '1', 'Marketing', '4000']);
    expect(d.rows?.[1]).toEqual(['2', 'Ann', 'Turner', '2000-05-28', '2', '2', 'R&D', '5000']);
  });

  test('jdbc data in tempto result format: workers_psql', () => {
    const d = readProductTestDataset(datasets('workers_psql.ddl'));
    expect(d.type).toBe('jdbc');
    expect(d.result?.options.types).toEqual([
      'INTEGER',
      'VARCHAR',
      'VARCHAR',
      'DATE',
      'INTEGER',
      'INTEGER',
      'VARCHAR',
      'INTEGER',
    ]);
    expect(d.rows?.[0]).toEqual([null, null, null, null, null, '1', 'Marketing', '4000']);
  });

  test('binary and generator datasets', () => {
    const orc = readProductTestDataset(datasets('orc_varchar_dictionary.ddl'));
    expect(orc.byteLength).toBe(fs.statSync(datasets('orc_varchar_dictionary.data')).size);
    const gen = readProductTestDataset(datasets('table_with_header.ddl'));
    expect(gen.generatorScript?.startsWith('#!/bin/bash')).toBe(true);
  });
});
