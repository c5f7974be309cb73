/** Worker isolation: hard per-statement timeouts, replay after a restart, job budgets, broken inputs. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runJobIsolated, runPool } from '../../../conformance/runner/isolation';
import { runJobInProcess } from '../../../conformance/runner/jobs';
import { corpusPath } from '../../../conformance/corpus-paths';
import { parseSlt } from '../../../conformance/slt-reader';
import { prng } from '../helpers';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-conformance-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const HANG = `
statement ok
CREATE TABLE t(x INTEGER)

statement ok
INSERT INTO t VALUES (1), (2)

query I nosort
SELECT count(*) FROM tpch.tiny.lineitem a, tpch.tiny.lineitem b WHERE (a.orderkey * 7 + b.orderkey * 13) % 1000003 = 17
----
0

query I rowsort
SELECT x FROM t
----
1
2
`;

test('a statement over the time limit fails as a timeout; the file continues with its tables rebuilt', async () => {
  const file = fixture('hang.test', HANG);
  const [r] = await runJobIsolated(
    { kind: 'slt', suite: 'sqlite', path: file, display: 'hang.test' },
    { unitTimeoutMs: 1500, jobBudgetMs: 60_000 },
  );
  expect(r.error).toBeUndefined();
  expect(r.records).toBe(4);
  expect(r.failures).toHaveLength(1);
  expect(r.failures[0]).toMatchObject({ line: 8, category: 'timeout', status: 'failed' });
  // The last query needs the table created before the worker was replaced.
  expect(r.passed).toBe(3);
}, 30_000);

test('a spent budget fails the remaining records without running them', async () => {
  const file = fixture('budget.test', HANG);
  const [r] = await runJobInProcess(
    { kind: 'slt', suite: 'sqlite', path: file, display: 'budget.test' },
    { deadline: Date.now() - 1 },
  );
  expect(r.records).toBe(4);
  expect(r.failures.every((f) => f.category === 'budget')).toBe(true);
});

test('unreadable files become file-level errors, not crashes', async () => {
  const missing = path.join(dir, 'missing.test');
  const [isolated] = await runJobIsolated(
    { kind: 'slt', suite: 'sqlite', path: missing, display: 'missing.test' },
    { unitTimeoutMs: 5000, jobBudgetMs: 10_000 },
  );
  expect(isolated.error).toMatch(/cannot read file/);
  const bad = fixture('bad.test', 'query\nSELECT 1\n');
  const [inProcess] = await runJobInProcess({ kind: 'slt', suite: 'sqlite', path: bad, display: 'bad.test' });
  expect(inProcess.error).toMatch(/bad query type string/);
  expect(inProcess.records).toBe(0);
}, 30_000);

test('runPool keeps input order and bounds concurrency', async () => {
  let running = 0;
  let peak = 0;
  const out = await runPool([30, 10, 20, 0], 2, async (ms, i) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    return i;
  });
  expect(out).toEqual([0, 1, 2, 3]);
  expect(peak).toBe(2);
});

test('garbled SQL never crashes the runner: every record is counted', async () => {
  // The first records of a real corpus file with characters of their SQL deleted, duplicated or replaced.
  const source = fs
    .readFileSync(corpusPath('sqllogictest', 'sqlite', 'select1.test'), 'utf8')
    .split(/\n\n+/)
    .slice(0, 80);
  const random = prng(20261124);
  const noise = '(),\'*+-/%<>=;0123456789 abcdeSELECTFROMWHERE"\\\u00e9\u0000';
  const garbled = source.map((record) => {
    const lines = record.split('\n');
    const head = lines.findIndex((l) => l.startsWith('statement') || l.startsWith('query'));
    if (head < 0) return record;
    const sep = lines.indexOf('----');
    const end = sep < 0 ? lines.length : sep;
    for (let k = head + 1; k < end; k++) {
      let s = lines[k];
      for (let n = 0; n < 2; n++) {
        const at = Math.floor(random() * (s.length + 1));
        const op = random();
        if (op < 0.33) s = s.slice(0, at) + s.slice(at + 1);
        else if (op < 0.66) s = s.slice(0, at) + noise[Math.floor(random() * noise.length)] + s.slice(at);
        else s = s.slice(0, at) + s.slice(at, at + 5) + s.slice(at);
      }
      lines[k] = s.trim() === '' || s.startsWith('#') ? 'x' : s;
    }
    return lines.join('\n');
  });
  const text = garbled.join('\n\n') + '\n';
  const units = parseSlt(text).filter((r) => r.kind === 'statement' || r.kind === 'query').length;
  const file = fixture('garbled.test', text);
  const [r] = await runJobIsolated(
    { kind: 'slt', suite: 'sqlite', path: file, display: 'garbled.test' },
    { unitTimeoutMs: 5000, jobBudgetMs: 60_000 },
  );
  expect(r.error).toBeUndefined();
  expect(r.records).toBe(units);
  expect(r.passed + r.failed + r.skipped).toBe(units);
  for (const f of r.failures)
    expect([
      'error',
      'internal-error',
      'wrong-result',
      'wrong-row-count',
      'column-count',
      'hash-mismatch',
      'unexpected-success',
      'timeout',
    ]).toContain(f.category);
}, 60_000);
