/** Report formatting, baseline checks and the CLI (argument parsing, slices, a small in-process run). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusPath } from '../../../conformance/corpus-paths';
import { listSltFiles } from '../../../conformance/slt-reader';
import { main, parseArgs, planJobs, suiteOfSltFile, UsageError } from '../../../conformance/runner/main';
import {
  baselineFrom,
  checkBaseline,
  failureGroups,
  fileStatus,
  formatFileLine,
  readBaseline,
  summarize,
  total,
} from '../../../conformance/runner/report';
import {
  addOutcome,
  emptyFileResult,
  errorReason,
  type FileResult,
} from '../../../conformance/runner/results';

function fileResult(
  suite: string,
  file: string,
  statuses: ('passed' | 'failed' | 'skipped')[],
  unavailable = 0,
): FileResult {
  const r = emptyFileResult(suite, file);
  statuses.forEach((status, unit) =>
    addOutcome(r, {
      unit,
      group: file,
      line: unit + 1,
      status,
      ...(status === 'failed' ? { category: 'error' as const, reason: 'NOT_SUPPORTED: x' } : {}),
      ...(status === 'skipped' && unit < unavailable
        ? { unavailable: true, skipReason: 'data unavailable: t' }
        : {}),
    }),
  );
  return r;
}

describe('report', () => {
  test('file lines', () => {
    expect(formatFileLine(fileResult('s', 'a.test', ['passed', 'failed', 'skipped']))).toBe(
      'FAIL a.test 1/2 (1 skipped)',
    );
    expect(formatFileLine(fileResult('s', 'b.test', ['passed', 'passed']))).toBe(
      'PASS b.test 2/2 (0 skipped)',
    );
    expect(formatFileLine(fileResult('p', 'c.sql', ['skipped', 'skipped'], 2))).toBe(
      'SKIP c.sql 0/0 (2 skipped, 2 data unavailable)',
    );
    const broken = emptyFileResult('s', 'd.test');
    broken.error = 'cannot read file: x';
    expect(fileStatus(broken)).toBe('FAIL');
    expect(formatFileLine(broken)).toBe('FAIL d.test 0/0 (0 skipped) [error: cannot read file: x]');
  });

  test('suite summaries, total and failure groups', () => {
    const results = [
      fileResult('s1', 'a', ['passed', 'failed', 'skipped']),
      fileResult('s1', 'b', ['passed', 'passed']),
      fileResult('s2', 'c', ['failed']),
    ];
    const suites = summarize(results);
    expect(suites.map((s) => [s.suite, s.passed, s.applicable, s.skipped, s.files, s.filesPassed])).toEqual([
      ['s1', 3, 4, 1, 2, 1],
      ['s2', 0, 1, 0, 1, 0],
    ]);
    const t = total(suites);
    expect([t.passed, t.failed, t.skipped, t.applicable, t.records]).toEqual([3, 2, 1, 5, 6]);
    expect(t.passRate).toBeCloseTo(0.6);
    expect(failureGroups(results)).toEqual([
      { reason: 'NOT_SUPPORTED: x', category: 'error', count: 2, examples: ['a:2', 'c:1'] },
    ]);
  });

  test('error reasons group similar messages', () => {
    expect(
      errorReason({ code: 'SYNTAX_ERROR', message: "line 1:9: mismatched input ';'. Expecting: 'a', 'b'" }),
    ).toBe("SYNTAX_ERROR: mismatched input '…'");
    expect(
      errorReason({ code: 'TABLE_NOT_FOUND', message: "line 3:1: Table 'memory.default.t7' does not exist" }),
    ).toBe("TABLE_NOT_FOUND: Table '…' does not exist");
    expect(errorReason({ code: 'X', message: 'expected 12 got 3.5' })).toBe('X: expected N got N');
  });

  test('baseline check', () => {
    const suites = summarize([
      fileResult('s1', 'a', ['passed', 'passed', 'failed']),
      fileResult('s2', 'b', ['passed']),
    ]);
    const baseline = { suites: { s1: { passed: 3 }, s2: { passed: 0 }, s3: { passed: 1 } } };
    expect(checkBaseline(suites, baseline)).toEqual({
      regressions: [{ suite: 's1', baseline: 3, actual: 2 }],
      improvements: [{ suite: 's2', baseline: 0, actual: 1 }],
      notRun: ['s3'],
    });
    expect(baselineFrom(suites, 'n').suites).toEqual({
      s1: { passed: 2, applicable: 3, records: 3 },
      s2: { passed: 1, applicable: 1, records: 1 },
    });
  });

  test('the recorded baseline file is well-formed', () => {
    const b = readBaseline(path.join(__dirname, '..', '..', '..', 'conformance', 'baseline.json'));
    for (const suite of ['sqlite-select', 'sqlite-evidence', 'duckdb-tier1', 'tpch-tiny']) {
      expect(typeof b.suites[suite]?.passed).toBe('number');
    }
  });
});

describe('CLI', () => {
  test('argument parsing', () => {
    const d = parseArgs([]);
    expect([d.slice, d.timeoutMs, d.isolate, d.files]).toEqual(['full', 10_000, true, []]);
    const o = parseArgs([
      '--slice',
      'ci',
      '--json=out.json',
      '--timeout',
      '2.5',
      '--jobs',
      '3',
      '--tpch-mapping',
      'decimal',
      'x.test',
    ]);
    expect([o.slice, o.json, o.timeoutMs, o.jobs, o.tpchMappings, o.files]).toEqual([
      'ci',
      'out.json',
      2500,
      3,
      ['decimal'],
      ['x.test'],
    ]);
    expect(parseArgs(['--suite', 'tpch,duckdb-tier1']).suites).toEqual(['tpch', 'duckdb-tier1']);
    expect(() => parseArgs(['--slice', 'nope'])).toThrow(UsageError);
    expect(() => parseArgs(['--suite', 'nope'])).toThrow(UsageError);
    expect(() => parseArgs(['--timeout'])).toThrow(UsageError);
    expect(() => parseArgs(['--bogus'])).toThrow(UsageError);
  });

  test('the CI slice', () => {
    const jobs = planJobs(parseArgs(['--slice', 'ci']));
    const count = (suite: string) => jobs.filter((j) => j.job.suite === suite).length;
    expect(count('sqlite-select')).toBe(5);
    expect(count('sqlite-evidence')).toBe(
      listSltFiles(corpusPath('sqllogictest', 'sqlite', 'evidence')).length,
    );
    expect(count('duckdb-tier1')).toBe(listSltFiles(corpusPath('sqllogictest', 'duckdb', 'tier1')).length);
    expect(count('tpch-tiny')).toBe(1);
    expect(count('tpch-tiny-decimal')).toBe(1);
    expect(jobs).toHaveLength(5 + count('sqlite-evidence') + count('duckdb-tier1') + 2);
    expect(count('sqlite-random') + count('duckdb-tier2') + count('product-tests')).toBe(0);
    for (const j of jobs) expect(j.unitTimeoutMs).toBeGreaterThan(0);
  });

  test('suite of a file', () => {
    expect(suiteOfSltFile('sqllogictest/sqlite/select3.test')).toBe('sqlite-select');
    expect(suiteOfSltFile('sqllogictest/sqlite/random/groupby/slt_good_0.test')).toBe('sqlite-random');
    expect(suiteOfSltFile('sqllogictest/duckdb/tier2/test/sql/x.test')).toBe('duckdb-tier2');
    expect(suiteOfSltFile('/tmp/mine.test')).toBe('sqlite');
  });

  test('a run with --json, --write-baseline and --baseline', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-cli-'));
    try {
      const file = path.join(dir, 'mini.test');
      fs.writeFileSync(
        file,
        'query I nosort\nSELECT 1\n----\n1\n\nstatement error\nSELECT * FROM nowhere\n\nstatement ok\nNOT SQL AT ALL\n',
      );
      const lines: string[] = [];
      const json = path.join(dir, 'out.json');
      const baseline = path.join(dir, 'baseline.json');
      const code = await main([file, '--no-isolation', '--json', json, '--write-baseline', baseline], (l) =>
        lines.push(l),
      );
      expect(code).toBe(0);
      expect(lines[0]).toBe(`FAIL ${file} 2/3 (0 skipped)`);
      expect(lines).toContain('Suites:');
      expect(lines.some((l) => l.startsWith('TOTAL 2/3 passed'))).toBe(true);
      const report = JSON.parse(fs.readFileSync(json, 'utf8'));
      expect(report.total).toMatchObject({ passed: 2, failed: 1, records: 3 });
      expect(report.files[0].failures[0]).toMatchObject({ line: 9, category: 'error' });
      expect(JSON.parse(fs.readFileSync(baseline, 'utf8')).suites.sqlite.passed).toBe(2);

      // A baseline above this run's numbers is a regression: exit code 1.
      fs.writeFileSync(baseline, JSON.stringify({ suites: { sqlite: { passed: 3 } } }));
      const out: string[] = [];
      expect(
        await main([file, '--no-isolation', '--quiet', '--baseline', baseline], (l) => out.push(l)),
      ).toBe(1);
      expect(out).toContain('REGRESSION sqlite: 2 passed, baseline 3');
      expect(await main([file, '--no-isolation', '--quiet', '--strict'], () => undefined)).toBe(1);
      expect(await main(['--bogus'], () => undefined)).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
