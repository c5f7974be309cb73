/**
 * `tessera`: the interactive SQL shell.
 *
 * What it does today: it reads statements (multi-line, `;`-terminated, from a terminal, a pipe,
 * `--execute` or `-f file`), checks each with the SQL front end, and prints its canonical form or
 * the syntax error with a caret under the failing position. Running queries against a server
 * arrives with the engine and the client protocol (see the README's status section).
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { formatStatement, parseStatement, SqlSyntaxError, type Dialect } from '../sql';
import { renderErrorLocation } from './error-caret';
import { StatementBuffer } from './statement-buffer';

interface Options {
  execute?: string;
  file?: string;
  dialect: Dialect;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { dialect: 'trino' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--execute' || arg === '-e') options.execute = value();
    else if (arg === '--file' || arg === '-f') options.file = value();
    else if (arg === '--dialect') {
      const d = value();
      if (d !== 'trino' && d !== 'postgres') throw new Error(`unknown dialect: ${d}`);
      options.dialect = d;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: tessera [--execute SQL | -f FILE] [--dialect trino|postgres]\n');
      process.exit(0);
    } else throw new Error(`unknown option: ${arg}`);
  }
  return options;
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

function runScript(text: string, dialect: Dialect): number {
  const buffer = new StatementBuffer();
  const statements = buffer.push(`${text}\n;`);
  let failed = 0;
  for (const sql of statements) if (!check(sql, dialect, process.stdout)) failed++;
  return failed > 0 ? 1 : 0;
}

function interactive(dialect: Dialect): void {
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  const buffer = new StatementBuffer();
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
    for (const sql of buffer.push(line)) check(sql, dialect, process.stdout);
    prompt();
  });
  rl.on('SIGINT', () => {
    buffer.clear();
    process.stdout.write('\n');
    prompt();
  });
  rl.on('close', () => {
    // a statement left without its `;` at end of input still runs, as in the Trino CLI
    for (const sql of buffer.push(';')) check(sql, dialect, process.stdout);
    if (process.stdin.isTTY) process.stdout.write('\n');
  });
  if (process.stdin.isTTY) {
    process.stdout.write(
      'Tessera SQL shell: statements end with ";". The engine is not built yet, so statements are checked and formatted.\n',
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
  if (options.execute !== undefined) process.exit(runScript(options.execute, options.dialect));
  if (options.file !== undefined)
    process.exit(runScript(fs.readFileSync(options.file, 'utf8'), options.dialect));
  interactive(options.dialect);
}

if (require.main === module) main(process.argv.slice(2));
