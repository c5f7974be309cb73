/**
 * `tessera`: the interactive SQL shell.
 *
 * It reads statements (multi-line, `;`-terminated, from a terminal, a pipe, `--execute` or
 * `-f file`) and runs them on the embedded engine (catalogs tpch and memory), printing results in
 * Trino's ALIGNED format and errors with a caret under the failing position. `--check` only parses
 * and prints each statement's canonical form. Connecting to a server arrives with the client
 * protocol (see the README's status section).
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { TrinoError } from '../errors';
import { createLocalEngine, type LocalEngine } from '../index';
import { formatStatement, parseStatement, SqlSyntaxError, type Dialect } from '../sql';
import { alignedTable } from './aligned-table';
import { renderErrorLocation } from './error-caret';
import { StatementBuffer } from './statement-buffer';

interface Options {
  execute?: string;
  file?: string;
  dialect: Dialect;
  check: boolean;
  catalog?: string;
  schema?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { dialect: 'trino', check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--execute' || arg === '-e') options.execute = value();
    else if (arg === '--file' || arg === '-f') options.file = value();
    else if (arg === '--check') options.check = true;
    else if (arg === '--catalog') options.catalog = value();
    else if (arg === '--schema') options.schema = value();
    else if (arg === '--dialect') {
      const d = value();
      if (d !== 'trino' && d !== 'postgres') throw new Error(`unknown dialect: ${d}`);
      options.dialect = d;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: tessera [--execute SQL | -f FILE] [--catalog C] [--schema S] [--check [--dialect trino|postgres]]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown option: ${arg}`);
  }
  return options;
}

/** Runs one statement; returns false when it failed. */
async function execute(engine: LocalEngine, sql: string, out: NodeJS.WritableStream): Promise<boolean> {
  try {
    const result = await engine.query(sql);
    if (result.columns.length > 0) out.write(`${alignedTable(result.columns, result.rows)}\n\n`);
    else out.write(`${result.updateType ?? 'OK'}\n`);
    return true;
  } catch (e) {
    if (!(e instanceof TrinoError)) throw e;
    out.write(`Query failed: ${e.message}\n`);
    if (e.location) out.write(`${renderErrorLocation(sql, e.location.line, e.location.column)}\n`);
    return false;
  }
}

/** Checks one statement; returns false when it has a syntax error. */
function check(sql: string, dialect: Dialect, out: NodeJS.WritableStream): boolean {
  try {
    out.write(`${formatStatement(parseStatement(sql, { dialect }))}\n`);
    return true;
  } catch (e) {
    if (!(e instanceof SqlSyntaxError)) throw e;
    out.write(`Query failed: ${e.message}\n${renderErrorLocation(sql, e.line, e.column)}\n`);
    return false;
  }
}

type Runner = (sql: string) => Promise<boolean>;

function runner(options: Options): { run: Runner; close: () => Promise<void> } {
  if (options.check)
    return { run: async (sql) => check(sql, options.dialect, process.stdout), close: async () => {} };
  const engine = createLocalEngine({
    session: { catalog: options.catalog ?? 'tpch', schema: options.schema ?? 'tiny' },
  });
  return { run: (sql) => execute(engine, sql, process.stdout), close: () => engine.close() };
}

async function runScript(text: string, options: Options): Promise<number> {
  const buffer = new StatementBuffer();
  const statements = buffer.push(`${text}\n;`);
  const { run, close } = runner(options);
  let failed = 0;
  for (const sql of statements) if (!(await run(sql))) failed++;
  await close();
  return failed > 0 ? 1 : 0;
}

function interactive(options: Options): void {
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  const buffer = new StatementBuffer();
  const { run, close } = runner(options);
  // statements run one at a time, in order, even when lines arrive faster than queries finish
  let queue: Promise<unknown> = Promise.resolve();
  const prompt = (): void => {
    if (!process.stdin.isTTY) return;
    rl.setPrompt(buffer.pending ? '      -> ' : 'tessera> ');
    rl.prompt();
  };
  rl.on('line', (line) => {
    if (!buffer.pending && /^\s*(quit|exit)\s*;?\s*$/i.test(line)) {
      rl.close();
      return;
    }
    const statements = buffer.push(line);
    queue = queue.then(async () => {
      for (const sql of statements) await run(sql);
      prompt();
    });
  });
  rl.on('SIGINT', () => {
    buffer.clear();
    process.stdout.write('\n');
    prompt();
  });
  rl.on('close', () => {
    // a statement left without its `;` at end of input still runs, as in the Trino CLI
    const rest = buffer.push(';');
    queue = queue.then(async () => {
      for (const sql of rest) await run(sql);
      await close();
      if (process.stdin.isTTY) process.stdout.write('\n');
    });
  });
  if (process.stdin.isTTY) {
    process.stdout.write(
      'Tessera SQL shell (embedded engine; catalogs tpch and memory). Statements end with ";".\n',
    );
  }
  prompt();
}

export function main(argv: string[]): void {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`tessera: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const exit = (code: number) => process.exit(code);
  if (options.execute !== undefined) {
    void runScript(options.execute, options).then(exit);
    return;
  }
  if (options.file !== undefined) {
    void runScript(fs.readFileSync(options.file, 'utf8'), options).then(exit);
    return;
  }
  interactive(options);
}

if (require.main === module) main(process.argv.slice(2));
