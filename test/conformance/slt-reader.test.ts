import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusFormatError } from '../../conformance/corpus-error';
import { corpusPath } from '../../conformance/corpus-paths';
import {
  compareStrcmp,
  detectSltFormat,
  expectedRows,
  expectedValues,
  formatFixed,
  hashLine,
  hashValues,
  listSltFiles,
  parseSlt,
  readSltFile,
  renderRow,
  renderValue,
  SltQueryRecord,
  SltRecord,
  SltStatementRecord,
  sortRows,
  sortValues,
} from '../../conformance/slt-reader';
import { expectReturnsOrFormatError, junk, mutate, prng } from './helpers';

const sqlite = (...p: string[]): string => corpusPath('sqllogictest', 'sqlite', ...p);
const duckdb = (...p: string[]): string => corpusPath('sqllogictest', 'duckdb', ...p);

function count(records: SltRecord[], kind: SltRecord['kind']): number {
  return records.filter((r) => r.kind === kind).length;
}

function asQuery(r: SltRecord | undefined): SltQueryRecord {
  if (r?.kind !== 'query') throw new Error(`expected a query record, got ${r?.kind}`);
  return r;
}

function asStatement(r: SltRecord | undefined): SltStatementRecord {
  if (r?.kind !== 'statement') throw new Error(`expected a statement record, got ${r?.kind}`);
  return r;
}

function recordAtLine(records: SltRecord[], line: number): SltRecord {
  const r = records.find((x) => x.line === line);
  if (!r) throw new Error(`no record at line ${line}`);
  return r;
}

describe('sqlite format: select1.test', () => {
  const file = readSltFile(sqlite('select1.test'));
  const records = file.records;

  test('format is detected from the path', () => {
    expect(file.format).toBe('sqlite');
  });

  test('record counts', () => {
    // `grep -c '^statement' select1.test` = 31, `grep -c '^query' select1.test` = 1000,
    // `grep -c 'values hashing to' select1.test` = 909, `grep -c '^hash-threshold'` = 0.
    expect(count(records, 'statement')).toBe(31);
    expect(count(records, 'query')).toBe(1000);
    expect(records).toHaveLength(1031);
    expect(records.filter((r) => r.kind === 'query' && 'hash' in r.expected)).toHaveLength(909);
    expect(count(records, 'hash-threshold')).toBe(0);
  });

  test('first record', () => {
    const first = asStatement(records[0]);
    expect(first).toEqual({
      kind: 'statement',
      expect: 'ok',
      sql: 'CREATE TABLE t1(a INTEGER, b INTEGER, c INTEGER, d INTEGER, e INTEGER)',
      line: 1,
      conditions: [],
    });
  });

  test('first query: multi-line SQL and a hash result (lines 94-99)', () => {
    const q = asQuery(records[31]);
    expect(q.line).toBe(94);
    expect(q.types).toBe('I');
    expect(q.sortMode).toBe('nosort');
    expect(q.label).toBeUndefined();
    expect(q.sql).toBe(
      'SELECT CASE WHEN c>(SELECT avg(c) FROM t1) THEN a*2 ELSE b*10 END\n  FROM t1\n ORDER BY 1',
    );
    expect(q.expected).toEqual({ hash: { count: 30, md5: '3c13dee48d9356ae19af2515e05e6b54' } });
  });

  test('first query with listed values (record 55, line 395: 1000 1180 1240)', () => {
    // awk 'BEGIN{RS=""} /^query/ && !/hashing/ && /----/ {print NR; exit}' select1.test → 55
    const q = asQuery(records[54]);
    expect(q.line).toBe(395);
    expect(q.expected).toEqual({ values: ['1000', '1180', '1240'] });
    expect(expectedValues(q)).toEqual(['1000', '1180', '1240']);
    expect(expectedRows(q)).toEqual([['1000'], ['1180'], ['1240']]);
  });

  test('hash helpers reproduce the corpus hash of query 2 (lines 101-107) from the inserted rows', () => {
    // Evaluate `SELECT a+b*2+c*3+d*4+e*5, (a+b+c+d+e)/5 FROM t1` by hand over the 30 INSERTs of the file.
    const rows: Record<string, number>[] = [];
    for (const r of records) {
      if (r.kind !== 'statement') continue;
      const m = /^INSERT INTO t1\(([a-e,]+)\) VALUES\(([\d,]+)\)$/.exec(r.sql);
      if (!m) continue;
      const cols = m[1].split(',');
      const vals = m[2].split(',').map(Number);
      rows.push(Object.fromEntries(cols.map((c, k) => [c, vals[k]])));
    }
    expect(rows).toHaveLength(30);
    const computed = rows.map(({ a, b, c, d, e }) => [
      a + b * 2 + c * 3 + d * 4 + e * 5,
      Math.trunc((a + b + c + d + e) / 5),
    ]);
    const rendered = computed.flatMap((row) => renderRow(row, 'II'));
    const q = asQuery(recordAtLine(records, 101));
    expect(q.types).toBe('II');
    expect(q.expected).toEqual({ hash: { count: 60, md5: '808146289313018fce25f1a280bd8c30' } });
    // The query has ORDER BY 1,2; all first-column values have 4 digits so rowsort (strcmp) gives the same order.
    const sorted = sortValues(rendered, 2, 'rowsort');
    expect(sorted).toHaveLength(60);
    expect(hashValues(sorted)).toBe('808146289313018fce25f1a280bd8c30');
    expect(hashLine(sorted)).toBe('60 values hashing to 808146289313018fce25f1a280bd8c30');
    // Each value is followed by '\n', the last one included: plain join('\n') gives a different digest.
    expect(hashValues(sorted)).not.toBe(createHash('md5').update(sorted.join('\n')).digest('hex'));
    // valuesort of the same values; digest computed independently with Python's hashlib over sorted(values).
    expect(hashValues(sortValues(rendered, 2, 'valuesort'))).toBe('208132e650f7e48f333abf2f63334a07');
  });
});

describe('sqlite format: other files', () => {
  test('record counts of every sqlite file match grep counts', () => {
    // grep -c '^statement' / '^query' / '^hash-threshold' / '^halt' on each file.
    const expected: Record<string, [number, number, number, number]> = {
      'select1.test': [31, 1000, 0, 0],
      'select2.test': [31, 1000, 1, 0],
      'select3.test': [31, 3320, 1, 0],
      'select4.test': [1025, 2832, 0, 0],
      'select5.test': [704, 732, 0, 0],
      'evidence/in1.test': [29, 187, 0, 2],
      'evidence/in2.test': [9, 45, 0, 0],
      'evidence/slt_lang_aggfunc.test': [13, 67, 1, 1],
      'evidence/slt_lang_createtrigger.test': [26, 0, 1, 1],
      'evidence/slt_lang_createview.test': [23, 2, 1, 0],
      'evidence/slt_lang_dropindex.test': [8, 0, 1, 0],
      'evidence/slt_lang_droptable.test': [12, 0, 1, 0],
      'evidence/slt_lang_droptrigger.test': [12, 0, 1, 1],
      'evidence/slt_lang_dropview.test': [11, 2, 1, 0],
      'evidence/slt_lang_reindex.test': [7, 0, 1, 3],
      'evidence/slt_lang_replace.test': [8, 6, 1, 2],
      'evidence/slt_lang_update.test': [18, 9, 1, 0],
      'random/groupby/slt_good_0.test': [12, 10547, 1, 0],
      'random/select/slt_good_0.test': [12, 11072, 1, 0],
    };
    const files = listSltFiles(corpusPath('sqllogictest', 'sqlite'));
    expect(files.map((f) => path.relative(sqlite(), f).split(path.sep).join('/')).sort()).toEqual(
      Object.keys(expected).sort(),
    );
    for (const [name, [st, q, ht, halt]] of Object.entries(expected)) {
      const { records, format } = readSltFile(sqlite(name));
      expect(format).toBe('sqlite');
      expect([
        name,
        count(records, 'statement'),
        count(records, 'query'),
        count(records, 'hash-threshold'),
        count(records, 'halt'),
      ]).toEqual([name, st, q, ht, halt]);
    }
  });

  test('statement error count and skipif/onlyif conditions (grep -c on each)', () => {
    // evidence/slt_lang_createview.test: grep -c '^statement error' = 10; grep -cE '^(skipif|onlyif)' = 12
    const { records } = readSltFile(sqlite('evidence', 'slt_lang_createview.test'));
    expect(records.filter((r) => r.kind === 'statement' && r.expect === 'error')).toHaveLength(10);
    expect(records.reduce((n, r) => n + r.conditions.length, 0)).toBe(12);
    // random/select/slt_good_0.test: 3014 condition lines, 1394 hashed results.
    const random = readSltFile(sqlite('random', 'select', 'slt_good_0.test')).records;
    expect(random.reduce((n, r) => n + r.conditions.length, 0)).toBe(3014);
    expect(random.filter((r) => r.kind === 'query' && 'hash' in r.expected)).toHaveLength(1394);
  });

  test('in1.test: conditional halt records and labelled queries with onlyif', () => {
    const { records } = readSltFile(sqlite('evidence', 'in1.test'));
    // Lines 4-5: `onlyif mssql` / `halt`; lines 8-9: `onlyif oracle` / `halt`.
    expect(records[0]).toEqual({
      kind: 'halt',
      line: 5,
      conditions: [{ kind: 'onlyif', engine: 'mssql', line: 4 }],
    });
    expect(records[1]).toEqual({
      kind: 'halt',
      line: 9,
      conditions: [{ kind: 'onlyif', engine: 'oracle', line: 8 }],
    });
    // Lines 80-84: onlyif sqlite / query I nosort label-2 / SELECT 1 NOT IN t1 / ---- / 1
    const q = asQuery(recordAtLine(records, 81));
    expect(q).toMatchObject({
      types: 'I',
      sortMode: 'nosort',
      label: 'label-2',
      sql: 'SELECT 1 NOT IN t1',
      expected: { values: ['1'] },
      conditions: [{ kind: 'onlyif', engine: 'sqlite', line: 80 }],
    });
    const next = asQuery(recordAtLine(records, 86));
    expect(next.label).toBe('label-2');
    expect(next.conditions).toEqual([]);
  });

  test('CRLF files parse (slt_lang_reindex.test uses CRLF line ends)', () => {
    const raw = fs.readFileSync(sqlite('evidence', 'slt_lang_reindex.test'), 'utf8');
    expect(raw.includes('\r\n')).toBe(true);
    const { records } = readSltFile(sqlite('evidence', 'slt_lang_reindex.test'));
    expect(records[0]).toEqual({ kind: 'hash-threshold', n: 8, line: 1, conditions: [] });
    expect(asStatement(records[1]).sql).toBe('CREATE TABLE t1( x INTEGER, y VARCHAR(8) )');
    for (const r of records)
      if (r.kind === 'statement' || r.kind === 'query') expect(r.sql).not.toMatch(/\r/);
  });

  test('slt_lang_aggfunc.test: R values are printed with 3 decimals', () => {
    const { records } = readSltFile(sqlite('evidence', 'slt_lang_aggfunc.test'));
    const q = asQuery(recordAtLine(records, 173));
    expect(q).toMatchObject({ types: 'R', sql: 'SELECT avg(x) FROM t1', expected: { values: ['1.250'] } });
    expect(renderValue(1.25, 'R')).toBe('1.250');
  });
});

describe('duckdb format', () => {
  test('format is detected from the path', () => {
    expect(
      detectSltFormat(duckdb('tier1', 'test', 'sql', 'aggregate', 'group', 'test_group_by_error.test')),
    ).toBe('duckdb');
    expect(detectSltFormat('/x/sqllogictest/sqlite/select1.test')).toBe('sqlite');
    expect(detectSltFormat('duckdb/a.test')).toBe('duckdb');
  });

  test('statement error with an expected message (test_group_by_error.test)', () => {
    const { records, format } = readSltFile(
      duckdb('tier1', 'test', 'sql', 'aggregate', 'group', 'test_group_by_error.test'),
    );
    expect(format).toBe('duckdb');
    expect(records).toHaveLength(5);
    expect(records[1]).toEqual({
      kind: 'statement',
      expect: 'error',
      sql: 'SELECT * FROM tbl GROUP BY DEFAULT',
      expectedError: 'cannot contain DEFAULT',
      line: 8,
      conditions: [],
    });
    const last = asStatement(records[4]);
    expect(last.sql.split('\n')).toHaveLength(10);
    expect(last.sql.startsWith('SELECT\n    v4,\n    TRY(v5 / v5) AS result')).toBe(true);
    expect(last.expectedError).toBe('must appear in the GROUP BY clause');
  });

  test('statement error followed by an empty ---- has no expected message (test_exponent_in_cast.test)', () => {
    const { records } = readSltFile(duckdb('tier1', 'test', 'sql', 'cast', 'test_exponent_in_cast.test'));
    const first = asStatement(records[0]);
    expect(first).toEqual({
      kind: 'statement',
      expect: 'error',
      sql: "SELECT CAST('e1' AS INTEGER);",
      line: 5,
      conditions: [],
    });
    expect(first.expectedError).toBeUndefined();
  });

  test('<REGEX>: messages are kept verbatim (test_scalar_window.test)', () => {
    const { records } = readSltFile(duckdb('tier1', 'test', 'sql', 'window', 'test_scalar_window.test'));
    const r = asStatement(records.find((x) => x.kind === 'statement' && x.sql === 'SELECT concat() OVER ()'));
    expect(r.expectedError).toBe('<REGEX>:.*Catalog Error.*concat is not an aggregate function.*');
  });

  test('TAB-separated rows (issue_5070.test) and value-per-line results (test_count.test)', () => {
    const issue = readSltFile(
      duckdb('tier1', 'test', 'sql', 'aggregate', 'distinct', 'grouped', 'issue_5070.test'),
    ).records;
    expect(issue).toHaveLength(2);
    expect(asStatement(issue[0]).sql).toBe('pragma verify_parallelism');
    const q = asQuery(issue[1]);
    expect(q.types).toBe('II');
    expect(q.expected).toEqual({ rows: [['1', '1']] });
    expect(expectedValues(q)).toEqual(['1', '1']);

    // test_count.test lines 6-13: `query IIIII` with five values on five lines.
    const counts = readSltFile(
      duckdb('tier1', 'test', 'sql', 'aggregate', 'aggregates', 'test_count.test'),
    ).records;
    const first = asQuery(counts[0]);
    expect(first.types).toBe('IIIII');
    expect(first.expected).toEqual({ rows: [['1'], ['1'], ['1'], ['0'], ['1']] });
    expect(expectedValues(first)).toEqual(['1', '1', '1', '0', '1']);
    expect(expectedRows(first)).toEqual([['1', '1', '1', '0', '1']]);
    const error = asStatement(counts.find((r) => r.kind === 'statement' && r.expect === 'error'));
    expect(error.expectedError).toBe('Binder Error: STAR expression is only allowed as the root element');
  });

  test('hash results, <FILE> results and labels (tier2 slow tests)', () => {
    const many = readSltFile(
      duckdb('tier2', 'test', 'sql', 'join', 'full_outer', 'test_full_outer_join_many_matches.test_slow'),
    ).records;
    const hashed = many.filter((r): r is SltQueryRecord => r.kind === 'query' && 'hash' in r.expected);
    // grep -c 'values hashing to' = 4
    expect(hashed).toHaveLength(4);
    expect(hashed[0].expected).toEqual({ hash: { count: 16000, md5: '8b9eab043624ff470b00a981c1d588d9' } });
    expect(expectedValues(hashed[0])).toBeUndefined();

    const distinct = readSltFile(
      duckdb('tier2', 'test', 'sql', 'aggregate', 'distinct', 'grouped', 'many_distinct_groups.test_slow'),
    ).records;
    const fileResult = asQuery(distinct.find((r) => r.kind === 'query' && 'file' in r.expected));
    expect(fileResult.expected).toEqual({
      file: 'test/sql/aggregate/distinct/grouped/results/all_valid.csv',
    });
    // Lines 47 and 51: `query I nosort q1` with `----` and no rows (the two results must match each other).
    const labelled = distinct.filter((r): r is SltQueryRecord => r.kind === 'query' && r.label === 'q1');
    expect(labelled.map((r) => r.line)).toEqual([47, 51]);
    expect(labelled[0].expected).toEqual({ rows: [] });
    expect(labelled[0].sortMode).toBe('nosort');
  });

  test('mode directives become control records (join_cross_product.test line 35)', () => {
    const { records } = readSltFile(
      duckdb('tier1', 'test', 'sql', 'join', 'inner', 'join_cross_product.test'),
    );
    expect(recordAtLine(records, 35)).toEqual({
      kind: 'control',
      directive: 'mode',
      args: ['skip', 'instable'],
      line: 35,
      conditions: [],
    });
  });

  test('every DuckDB file matches MANIFEST.json query and statement counts', () => {
    // MANIFEST.json's statement counts leave out the result-neutral statements SOURCES.md lists
    // (PRAGMA ..., SET debug_* / SET threads); `SET default_null_order` and the like are counted.
    const manifest = JSON.parse(fs.readFileSync(duckdb('MANIFEST.json'), 'utf8')) as {
      file: string;
      queries: number;
      statements: number;
    }[];
    const files = listSltFiles(duckdb());
    expect(files).toHaveLength(manifest.length);
    expect(manifest.length).toBe(198);
    for (const entry of manifest) {
      const { records, format } = readSltFile(duckdb(entry.file));
      expect(format).toBe('duckdb');
      const statements = records.filter(
        (r) => r.kind === 'statement' && !/^\s*(pragma\b|set\s+(debug_|threads\b))/i.test(r.sql),
      ).length;
      expect([entry.file, count(records, 'query'), statements]).toEqual([
        entry.file,
        entry.queries,
        entry.statements,
      ]);
    }
  });

  test('query without types and query without ---- (synthetic DuckDB input)', () => {
    const records = parseSlt('query\nSELECT 1\n\nquery I rowsort\nSELECT 2\n', { format: 'duckdb' });
    expect(records).toEqual([
      {
        kind: 'query',
        types: '',
        sortMode: 'nosort',
        sql: 'SELECT 1',
        expected: { rows: [] },
        line: 1,
        conditions: [],
      },
      {
        kind: 'query',
        types: 'I',
        sortMode: 'rowsort',
        sql: 'SELECT 2',
        expected: { rows: [] },
        line: 4,
        conditions: [],
      },
    ]);
  });

  test('DuckDB result lines that start with # are data, not comments', () => {
    const records = parseSlt("query T\nSELECT '#x'\n----\n#x\n", { format: 'duckdb' });
    expect(asQuery(records[0]).expected).toEqual({ rows: [['#x']] });
  });
});

describe('sqlite format: synthetic inputs', () => {
  test('comments inside records are dropped; missing ---- means an empty result', () => {
    const text = [
      '# leading comment',
      'hash-threshold 10',
      '',
      'skipif mysql',
      '# comment between condition and record',
      'onlyif sqlite',
      'query IT rowsort my-label',
      'SELECT 1,',
      '# comment inside SQL',
      "  'a'",
      '----',
      '1',
      'a',
      '',
      'query I valuesort',
      'SELECT 1 WHERE 0',
      '',
      'statement error',
      'DROP TABLE nope',
      '',
      'halt',
    ].join('\n');
    expect(parseSlt(text, { path: 'x.test' })).toEqual([
      { kind: 'hash-threshold', n: 10, line: 2, conditions: [] },
      {
        kind: 'query',
        types: 'IT',
        sortMode: 'rowsort',
        label: 'my-label',
        sql: "SELECT 1,\n  'a'",
        expected: { values: ['1', 'a'] },
        line: 7,
        conditions: [
          { kind: 'skipif', engine: 'mysql', line: 4 },
          { kind: 'onlyif', engine: 'sqlite', line: 6 },
        ],
      },
      {
        kind: 'query',
        types: 'I',
        sortMode: 'valuesort',
        sql: 'SELECT 1 WHERE 0',
        expected: { values: [] },
        line: 15,
        conditions: [],
      },
      { kind: 'statement', expect: 'error', sql: 'DROP TABLE nope', line: 18, conditions: [] },
      { kind: 'halt', line: 21, conditions: [] },
    ]);
  });

  test('empty and comment-only files have no records', () => {
    expect(parseSlt('')).toEqual([]);
    expect(parseSlt('\n\n   \n')).toEqual([]);
    expect(parseSlt('# only\n# comments\n')).toEqual([]);
    expect(parseSlt('\ufeffstatement ok\nSELECT 1\n')).toHaveLength(1);
  });

  test.each([
    [
      'unknown record',
      'statement ok\nSELECT 1\n\nfrobnicate\n',
      4,
      /unknown sqlite sqllogictest record 'frobnicate'/,
    ],
    ['statement without SQL', 'statement ok\n', 1, /no SQL/],
    ['truncated query (header only)', 'query I nosort\n', 1, /no SQL/],
    ['query with ---- but no SQL', 'query I nosort\n----\n1\n', 1, /no SQL/],
    ['bad statement verb', 'statement maybe\nSELECT 1\n', 1, /statement ok/],
    ['bad type string', 'query IX nosort\nSELECT 1\n', 1, /type string/],
    ['missing type string', 'query\nSELECT 1\n', 1, /type string/],
    ['bad sort mode', 'query I sideways\nSELECT 1\n', 1, /sort mode/],
    ['bad hash-threshold', 'hash-threshold many\n', 1, /hash-threshold/],
    [
      'dangling condition before a blank line',
      'skipif mysql\n\nstatement ok\nSELECT 1\n',
      1,
      /not followed by a record/,
    ],
    [
      'dangling condition at end of file',
      'statement ok\nSELECT 1\n\nonlyif mysql\n',
      4,
      /not followed by a record/,
    ],
    ['condition without engine', 'skipif\nstatement ok\nSELECT 1\n', 1, /engine/],
    ['DuckDB directive in a sqlite file', 'require tpch\n', 1, /unknown/],
    ['SQL without a record header', 'SELECT 1\n', 1, /unknown/],
    ['statement ok with an expected error', 'statement ok\nSELECT 1\n----\noops\n', 1, /must not have/],
  ])('%s → CorpusFormatError with file:line', (_name, text, line, message) => {
    let error: unknown;
    try {
      parseSlt(text, { path: 'bad.test', format: 'sqlite' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CorpusFormatError);
    const e = error as CorpusFormatError;
    expect(e.line).toBe(line);
    expect(e.message.startsWith(`bad.test:${line}: `)).toBe(true);
    expect(e.message).toMatch(message);
  });

  test('binary junk fails with a file:line error, never a TypeError', () => {
    const random = prng(1);
    let errors = 0;
    for (let k = 0; k < 200; k++) {
      const text = junk(random, 1 + Math.floor(random() * 300));
      for (const format of ['sqlite', 'duckdb'] as const) {
        if (
          expectReturnsOrFormatError(() => parseSlt(text, { path: 'junk.test', format }), 'junk.test') ===
          'error'
        )
          errors++;
      }
    }
    expect(errors).toBeGreaterThan(300);
  });

  test('mutated corpus files parse or fail with file:line, never crash', () => {
    const sources = [
      sqlite('evidence', 'in1.test'),
      sqlite('evidence', 'slt_lang_aggfunc.test'),
      duckdb('tier1', 'test', 'sql', 'aggregate', 'group', 'test_group_by_error.test'),
      duckdb('tier1', 'test', 'sql', 'aggregate', 'aggregates', 'test_count.test'),
    ];
    const random = prng(2);
    for (const source of sources) {
      const text = fs.readFileSync(source, 'utf8');
      for (let k = 0; k < 100; k++) {
        const mutated = mutate(text, random);
        expectReturnsOrFormatError(() => parseSlt(mutated, { path: source }), source);
      }
    }
  });
});

describe('rendering, sorting, hashing', () => {
  test('renderValue per about.wiki', () => {
    expect(renderValue(null, 'I')).toBe('NULL');
    expect(renderValue(undefined, 'T')).toBe('NULL');
    expect(renderValue(42, 'I')).toBe('42');
    expect(renderValue(-7.9, 'I')).toBe('-7');
    expect(renderValue(-0.5, 'I')).toBe('0');
    expect(renderValue(12345678901234567890n, 'I')).toBe('12345678901234567890');
    expect(renderValue(2 ** 60, 'I')).toBe('1152921504606846976');
    expect(renderValue('17', 'I')).toBe('17');
    expect(renderValue('12abc', 'I')).toBe('12');
    expect(renderValue('abc', 'I')).toBe('0');
    expect(renderValue(true, 'I')).toBe('1');
    expect(renderValue(1, 'R')).toBe('1.000');
    expect(renderValue(2 / 3, 'R')).toBe('0.667');
    expect(renderValue(-1.25, 'R')).toBe('-1.250');
    expect(renderValue(3n, 'R')).toBe('3.000');
    expect(renderValue('2.5', 'R')).toBe('2.500');
    expect(renderValue('', 'T')).toBe('(empty)');
    expect(renderValue('hello world', 'T')).toBe('hello world');
    expect(renderValue('a\tb\nc\x7f', 'T')).toBe('a@b@c@');
    expect(renderValue('é', 'T')).toBe('@@'); // two UTF-8 bytes
    expect(renderValue(5, 'T')).toBe('5');
    expect(() => renderValue(1, 'X')).toThrow(/type character/);
    expect(() => renderRow([1, 2], 'I')).toThrow(/2 values/);
  });

  test('formatFixed is exact printf %.3f', () => {
    expect(formatFixed(0, 3)).toBe('0.000');
    expect(formatFixed(-0, 3)).toBe('-0.000');
    expect(formatFixed(-0.0001, 3)).toBe('-0.000');
    expect(formatFixed(0.0625, 3)).toBe('0.063'); // exact tie: away from zero
    expect(formatFixed(1.0005, 3)).toBe('1.000'); // 1.0005 is 1.000499999... in binary
    expect(formatFixed(2.675, 2)).toBe('2.67'); // 2.67499999...
    expect(formatFixed(1e21, 3)).toBe('1000000000000000000000.000');
    expect(formatFixed(5e-324, 3)).toBe('0.000');
    expect(formatFixed(123.456, 0)).toBe('123');
    expect(formatFixed(Infinity, 3)).toBe('Inf');
    expect(formatFixed(NaN, 3)).toBe('NaN');
  });

  test('sort modes use strcmp order ("9" sorts after "10")', () => {
    const values = ['9', 'b', '10', 'a', '9', 'a'];
    expect(sortValues(values, 2, 'nosort')).toEqual(values);
    expect(sortValues(values, 2, 'rowsort')).toEqual(['10', 'a', '9', 'a', '9', 'b']);
    expect(sortValues(values, 2, 'valuesort')).toEqual(['10', '9', '9', 'a', 'a', 'b']);
    expect(
      sortRows(
        [
          ['9', 'b'],
          ['10', 'a'],
        ],
        'rowsort',
      ),
    ).toEqual([
      ['10', 'a'],
      ['9', 'b'],
    ]);
    expect(() => sortValues(['1', '2', '3'], 2, 'rowsort')).toThrow(/cannot rowsort/);
    expect(sortValues(['NULL', '-1', '(empty)'], 1, 'valuesort')).toEqual(['(empty)', '-1', 'NULL']);
  });

  test('compareStrcmp orders by code point (UTF-8 byte order), not UTF-16', () => {
    expect(compareStrcmp('a', 'b')).toBeLessThan(0);
    expect(compareStrcmp('ab', 'a')).toBeGreaterThan(0);
    expect(compareStrcmp('x', 'x')).toBe(0);
    // U+FF5E (3 UTF-8 bytes, 0xEF...) sorts before U+1F600 (4 bytes, 0xF0...); UTF-16 order says the opposite.
    expect(compareStrcmp('\uff5e', '\u{1f600}')).toBeLessThan(0);
  });

  test('hashValues of an empty list is the md5 of the empty string', () => {
    expect(hashValues([])).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });
});
