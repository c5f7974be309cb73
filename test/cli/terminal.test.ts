/**
 * The interactive CLI in a real pseudo-terminal (tmux) against a coordinator in another process:
 * a query and its table, the live progress line of a long query, Ctrl-C cancelling it and
 * returning to the prompt, another query, history, quit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SESSION = `tessera-cli-test-${process.pid}`;
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-cli-'));
const historyFile = path.join(tmpDir, 'history');
let coordinator: ChildProcess | undefined;

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', args, { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const screen = () => tmux('capture-pane', '-p', '-t', SESSION);

/** Types text literally (tmux would read a trailing `;` as its own command separator), then Enter. */
function type(text: string): void {
  tmux('send-keys', '-t', SESSION, '-l', text.replace(/;$/, '\\;'));
  tmux('send-keys', '-t', SESSION, 'Enter');
}

async function waitFor(what: string, test: (s: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let s = '';
  while (Date.now() < deadline) {
    s = screen();
    if (test(s)) return s;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
}

beforeAll(async () => {
  const probe = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new Error(
      'tmux is required for the terminal test: install the "tmux" package (apt-get install tmux)',
    );
  coordinator = spawn(
    process.execPath,
    ['-r', './conformance/runner/register.js', 'test/cli/fixtures/coordinator.ts'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('coordinator did not start in 60 s')), 60_000);
    let out = '';
    coordinator!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/\S+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
  });
  const command =
    `cd ${ROOT} && TESSERA_HISTORY_FILE=${historyFile} TESSERA_PAGER= ${process.execPath} ` +
    `-r ./conformance/runner/register.js src/cli/main.ts --server ${url} --catalog tpch --schema tiny`;
  tmux('new-session', '-d', '-s', SESSION, '-x', '200', '-y', '50', command);
}, 90_000);

afterAll(() => {
  spawnSync('tmux', ['kill-session', '-t', SESSION]);
  coordinator?.kill();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

test('query, progress, Ctrl-C cancel, another query, quit', async () => {
  await waitFor('the prompt', (s) => s.includes('tessera:tiny>'), 60_000);

  type('SELECT count(*) AS n');
  await waitFor('the continuation prompt', (s) => /^ {11}->/m.test(s), 10_000);
  type('FROM nation;');
  await waitFor('the first result', (s) => /^ +25 *$/m.test(s) && s.includes('(1 row)'), 60_000);

  type('SELECT sum(extendedprice * discount) FROM tpch.sf1.lineitem;');
  const progress = await waitFor(
    'the progress line',
    (s) =>
      /Query \d{8}_\d{6}_\d{5}_\w{5}, [A-Z]+, /.test(s) &&
      /\d+:\d\d \[ *[\d.]+[KMB]? rows, .*rows\/s.*\[.*\]/.test(s),
    60_000,
  );
  expect(progress).toMatch(/Splits: +\d+ queued, \d+ running, \d+ done/);

  tmux('send-keys', '-t', SESSION, 'C-c');
  const cancelled = await waitFor('the cancellation', (s) => s.includes('Query aborted by user'), 10_000);
  expect(cancelled.trimEnd().split('\n').pop()).toMatch(/tessera:tiny> ?$/);

  type('SELECT name FROM region ORDER BY name LIMIT 1;');
  await waitFor('the query after the cancel', (s) => /^ AFRICA *$/m.test(s), 120_000);

  type('SELECT nope FROM nation;');
  const failed = await waitFor('the error', (s) => /Query \S+ failed: line 1:8: /.test(s), 30_000);
  expect(failed).toContain('SELECT nope FROM nation\n       ^');

  type('quit');
  await waitFor(
    'the CLI to exit',
    () => spawnSync('tmux', ['has-session', '-t', SESSION]).status !== 0,
    10_000,
  ).catch(() => undefined);
  expect(spawnSync('tmux', ['has-session', '-t', SESSION]).status).not.toBe(0);
  expect(fs.readFileSync(historyFile, 'utf8')).toContain('SELECT name FROM region ORDER BY name LIMIT 1;');
}, 300_000);
