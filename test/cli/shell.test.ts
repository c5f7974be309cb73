/** The CLI's statement buffer, caret rendering, and the built `bin/tessera` run for real in batch mode. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { renderErrorLocation } from '../../src/cli/error-caret';
import { StatementBuffer } from '../../src/cli/statement-buffer';

const BIN = path.resolve(__dirname, '../../bin/tessera');

describe('StatementBuffer', () => {
  test('statements complete at a top-level semicolon, across lines', () => {
    const b = new StatementBuffer();
    expect(b.push('SELECT')).toEqual([]);
    expect(b.pending).toBe(true);
    expect(b.push("  'a;b' -- c;")).toEqual([]);
    expect(b.push('; SELECT 2; SELECT')).toEqual(["SELECT\n  'a;b' -- c;", 'SELECT 2']);
    expect(b.push('3;')).toEqual(['SELECT\n3']);
    expect(b.pending).toBe(false);
  });

  test('an open block comment keeps the statement open', () => {
    const b = new StatementBuffer();
    expect(b.push('SELECT 1 /* ;')).toEqual([]);
    expect(b.push('*/ ;')).toEqual(['SELECT 1 /* ;\n*/']);
  });
});

test('caret under the failing column', () => {
  expect(renderErrorLocation('SELECT 1\nFORM t', 2, 1)).toBe('FORM t\n^');
  expect(renderErrorLocation('SELECT * FORM t', 1, 10)).toBe('SELECT * FORM t\n         ^');
  expect(renderErrorLocation('\tSELECT x', 1, 3)).toBe('\tSELECT x\n\t ^');
  expect(renderErrorLocation('x', 5, 1)).toBe('');
});

describe('bin/tessera (built)', () => {
  beforeAll(() => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: 'pipe',
    });
  });

  test('--check --execute prints the canonical statement', () => {
    const r = spawnSync(BIN, ['--check', '--execute', 'select a from t where b in (1,2)'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('SELECT a FROM t WHERE (b IN (1, 2))\n');
  });

  test('--execute runs on the embedded coordinator; batch output is CSV by default, ALIGNED on request', () => {
    const sql = 'SELECT name, regionkey FROM nation WHERE nationkey < 2 ORDER BY nationkey';
    const csv = spawnSync(BIN, ['--execute', sql], { encoding: 'utf8' });
    expect(csv.status).toBe(0);
    // tpch.tiny.nation rows 0 and 1 (dbgen): ALGERIA in region 0, ARGENTINA in region 1
    expect(csv.stdout).toBe('"ALGERIA","0"\n"ARGENTINA","1"\n');
    const aligned = spawnSync(BIN, ['--output-format', 'ALIGNED', '--execute', sql], { encoding: 'utf8' });
    expect(aligned.stdout).toBe(
      [
        '   name    | regionkey ',
        '-----------+-----------',
        ' ALGERIA   |         0 ',
        ' ARGENTINA |         1 ',
        '(2 rows)',
        '',
      ].join('\n'),
    );
  });

  test('a failing query reports the error with a caret on stderr and exits 1; --ignore-errors goes on', () => {
    const r = spawnSync(BIN, ['--execute', 'SELECT nope FROM nation; SELECT 1'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^Query \d{8}_\d{6}_\d{5}_\w{5} failed: line 1:8: Column 'nope' cannot be resolved\nSELECT nope FROM nation\n {7}\^\n/,
    );
    const ignored = spawnSync(BIN, ['--ignore-errors', '--execute', 'SELECT nope FROM nation; SELECT 1'], {
      encoding: 'utf8',
    });
    expect(ignored.status).toBe(0);
    expect(ignored.stdout).toBe('"1"\n');
  });

  test('update statements report on stderr; the session follows USE', () => {
    const r = spawnSync(BIN, ['--execute', 'USE tpch.sf1; SELECT count(*) FROM region'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('USE\n');
    expect(r.stdout).toBe('"5"\n');
  });

  test('a syntax error prints the message and a caret, and exits 1', () => {
    const r = spawnSync(BIN, ['--check', '-e', 'SELECT * FORM t'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("Query failed: line 1:10: mismatched input 'FORM'");
    expect(r.stdout).toContain('SELECT * FORM t\n         ^\n');
  });

  test('statements piped on stdin, the last one without a semicolon', () => {
    const r = spawnSync(BIN, ['--check'], { input: 'SELECT 1;\nSHOW\nSCHEMAS FROM tpch', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('SELECT 1\nSHOW SCHEMAS FROM tpch\n');
  });

  test('bad options are reported', () => {
    const r = spawnSync(BIN, ['--bogus'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option: --bogus');
  });
});
