/**
 * `tessera`: the command-line client (Trino's CLI).
 *
 * It speaks the Trino client protocol to a coordinator given by `--server`; without one (or with
 * `--embedded`) it starts an embedded coordinator over the local engine (catalogs tpch and memory,
 * session tpch.tiny) in a worker thread and talks to that the same way. Statements come from
 * `--execute`, `-f file`, piped stdin (batch mode: default output CSV, exit 1 on the first
 * failure unless `--ignore-errors`) or the interactive console (default output ALIGNED).
 * `--check` only parses each statement and prints its canonical form, without any server.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatStatement, parseStatement, SqlSyntaxError, type Dialect } from '../sql';
import type { ClientSession } from './client-session';
import { runConsole } from './console';
import { startEmbeddedCoordinator, type EmbeddedCoordinator } from './embedded-coordinator';
import { renderErrorLocation } from './error-caret';
import { pagerCommand } from './pager';
import { parseOutputFormat, type OutputFormat } from './printers';
import { QueryRunner } from './query-runner';
import { StatementBuffer } from './statement-buffer';

export interface CliOptions {
  server?: string;
  embedded: boolean;
  user: string;
  source: string;
  catalog?: string;
  schema?: string;
  timeZone?: string;
  clientTags?: string[];
  sessionProperties: Map<string, string>;
  execute?: string;
  file?: string;
  outputFormat: OutputFormat;
  outputFormatInteractive: OutputFormat;
  ignoreErrors: boolean;
  progress: boolean;
  pager?: string;
  historyFile: string;
  check: boolean;
  dialect: Dialect;
}

const USAGE = `usage: tessera [options]
  --server URL                   coordinator (http://host:port or host:port); default: embedded
  --embedded                     run an embedded coordinator over the local engine (tpch, memory)
  --user NAME                    session user (default: $USER)
  --source NAME                  X-Trino-Source (default: tessera-cli)
  --catalog NAME, --schema NAME  default catalog and schema
  --session NAME=VALUE           session property (repeatable; catalog.name=value for a catalog)
  --timezone ZONE                session time zone
  --client-tags A,B              client tags
  --execute SQL, -e SQL          run the statements and exit
  --file FILE, -f FILE           run the statements in FILE and exit
  --output-format F              batch output: ALIGNED, VERTICAL, CSV, CSV_HEADER, CSV_UNQUOTED,
                                 CSV_HEADER_UNQUOTED, TSV, TSV_HEADER, JSON, MARKDOWN, NULL (default CSV)
  --output-format-interactive F  interactive output (default ALIGNED)
  --ignore-errors                batch mode: go on after a failing statement (exit 0)
  --progress                     batch mode: show query progress on stderr
  --pager CMD                    pager (default $TESSERA_PAGER, $PAGER, then less -FXRSn; '' for none)
  --history-file FILE            history (default $TESSERA_HISTORY_FILE or ~/.tessera_history)
  --check [--dialect trino|postgres]  parse only and print each statement's canonical form
`;

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const options: CliOptions = {
    embedded: false,
    user: env.USER ?? safeUserName(),
    source: 'tessera-cli',
    sessionProperties: new Map(),
    outputFormat: 'CSV',
    outputFormatInteractive: 'ALIGNED',
    ignoreErrors: false,
    progress: false,
    historyFile: env.TESSERA_HISTORY_FILE ?? path.join(os.homedir(), '.tessera_history'),
    check: false,
    dialect: 'trino',
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--server':
        options.server = normalizeServer(value());
        break;
      case '--embedded':
        options.embedded = true;
        break;
      case '--user':
        options.user = value();
        break;
      case '--source':
        options.source = value();
        break;
      case '--catalog':
        options.catalog = value();
        break;
      case '--schema':
        options.schema = value();
        break;
      case '--timezone':
        options.timeZone = value();
        break;
      case '--client-tags':
        options.clientTags = value()
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== '');
        break;
      case '--session': {
        const v = value();
        const at = v.indexOf('=');
        if (at <= 0) throw new Error(`session property must be NAME=VALUE: ${v}`);
        options.sessionProperties.set(v.slice(0, at).trim(), v.slice(at + 1));
        break;
      }
      case '--execute':
      case '-e':
        options.execute = value();
        break;
      case '--file':
      case '-f':
        options.file = value();
        break;
      case '--output-format':
        options.outputFormat = parseOutputFormat(value());
        break;
      case '--output-format-interactive':
        options.outputFormatInteractive = parseOutputFormat(value());
        break;
      case '--ignore-errors':
        options.ignoreErrors = true;
        break;
      case '--progress':
        options.progress = true;
        break;
      case '--pager':
        options.pager = value();
        break;
      case '--history-file':
        options.historyFile = value();
        break;
      case '--check':
        options.check = true;
        break;
      case '--dialect': {
        const d = value();
        if (d !== 'trino' && d !== 'postgres') throw new Error(`unknown dialect: ${d}`);
        options.dialect = d;
        break;
      }
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option: ${arg}`);
    }
  }
  if (options.server !== undefined && options.embedded)
    throw new Error('--server and --embedded exclude each other');
  if (options.schema !== undefined && options.catalog === undefined && options.server !== undefined)
    throw new Error('--schema needs --catalog');
  return options;
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'tessera';
  }
}

/** Trino's CLI accepts `host:port` as well as a URL. */
function normalizeServer(server: string): string {
  const url = /^https?:\/\//i.test(server) ? server : `http://${server}`;
  return url.replace(/\/+$/, '');
}

function session(options: CliOptions, server: string, embedded: boolean): ClientSession {
  // embedded mode keeps the shell's old default of tpch.tiny
  const catalog = options.catalog ?? (embedded ? 'tpch' : undefined);
  const schema = options.schema ?? (embedded && options.catalog === undefined ? 'tiny' : undefined);
  return {
    server,
    user: options.user,
    source: options.source,
    ...(catalog !== undefined ? { catalog } : {}),
    ...(schema !== undefined ? { schema } : {}),
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    ...(options.clientTags !== undefined ? { clientTags: options.clientTags } : {}),
    properties: options.sessionProperties,
    preparedStatements: new Map(),
  };
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

function statementsOf(text: string): string[] {
  return new StatementBuffer().push(`${text}\n;`).filter((s) => s.trim() !== '');
}

/** Batch mode: runs each statement in order; returns the exit code. */
async function runBatch(text: string, options: CliOptions, start: ClientSession): Promise<number> {
  const runner = new QueryRunner();
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    runner.cancel();
  };
  process.on('SIGINT', onSignal);
  let session = start;
  let failed = false;
  try {
    for (const sql of statementsOf(text)) {
      const result = await runner.run(session, sql, {
        format: options.outputFormat,
        progress: options.progress && Boolean(process.stderr.isTTY),
        terminal: () => ({ columns: process.stderr.columns ?? 80, rows: process.stderr.rows ?? 24 }),
        out: process.stdout,
        err: process.stderr,
      });
      session = result.session;
      if (interrupted) return 1;
      if (!result.ok) {
        failed = true;
        if (!options.ignoreErrors) return 1;
      }
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  return failed && !options.ignoreErrors ? 1 : 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`tessera: ${(e as Error).message}\n`);
    return 2;
  }
  const interactive =
    options.execute === undefined && options.file === undefined && Boolean(process.stdin.isTTY);
  let script: string | undefined = options.execute;
  if (options.file !== undefined) {
    try {
      script = fs.readFileSync(options.file, 'utf8');
    } catch (e) {
      process.stderr.write(`tessera: cannot read ${options.file}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  if (script === undefined && !interactive) script = await readStdin();

  if (options.check) {
    if (script === undefined) {
      process.stderr.write('tessera: --check needs --execute, -f or statements on stdin\n');
      return 2;
    }
    let ok = true;
    for (const sql of statementsOf(script)) ok = check(sql, options.dialect, process.stdout) && ok;
    return ok ? 0 : 1;
  }

  let embedded: EmbeddedCoordinator | undefined;
  let server = options.server;
  if (server === undefined) {
    embedded = await startEmbeddedCoordinator();
    server = embedded.url;
  }
  try {
    const start = session(options, server, embedded !== undefined);
    if (script !== undefined) return await runBatch(script, options, start);
    return await runConsole({
      session: start,
      format: options.outputFormatInteractive,
      historyFile: options.historyFile,
      pager: options.pager ?? pagerCommand(),
      banner: embedded
        ? 'Tessera CLI (embedded coordinator: catalogs tpch and memory). Statements end with ";".'
        : `Tessera CLI connected to ${server}. Statements end with ";".`,
    });
  } finally {
    await embedded?.close();
  }
}

export function main(argv: string[]): void {
  void run(argv).then(
    (code) => process.exit(code),
    (e: Error) => {
      process.stderr.write(`tessera: ${e.stack ?? e.message}\n`);
      process.exit(1);
    },
  );
}

if (require.main === module) main(process.argv.slice(2));
