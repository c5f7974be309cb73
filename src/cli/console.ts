/**
 * The interactive console (Trino's Console): a `tessera:schema>` prompt over node:readline,
 * statements over several lines until a `;`, history kept in a file, Ctrl-C cancelling the running
 * query (or clearing the line at the prompt), Ctrl-D, `quit` or `exit` leaving.
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { ClientSession } from './client-session';
import type { OutputFormat } from './printers';
import { QueryRunner } from './query-runner';
import { StatementBuffer } from './statement-buffer';

export interface ConsoleOptions {
  readonly session: ClientSession;
  readonly format: OutputFormat;
  readonly historyFile: string;
  readonly pager: string;
  readonly banner?: string;
}

const HISTORY_LINES = 1000;

function loadHistory(file: string): string[] {
  try {
    const lines = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    return lines.slice(-HISTORY_LINES).reverse();
  } catch {
    return [];
  }
}

export function prompt(session: ClientSession, continuation: boolean): string {
  const base = session.schema !== undefined ? `tessera:${session.schema}` : 'tessera';
  return continuation ? `${' '.repeat(base.length - 1)}-> ` : `${base}> `;
}

/** Runs until the user leaves; resolves with the exit code. */
export function runConsole(options: ConsoleOptions): Promise<number> {
  const input = process.stdin;
  const output = process.stdout;
  let session = options.session;
  const rl = readline.createInterface({
    input,
    output,
    terminal: true,
    history: loadHistory(options.historyFile),
    historySize: HISTORY_LINES,
    removeHistoryDuplicates: true,
  });
  const buffer = new StatementBuffer();
  const runner = new QueryRunner();
  const queue: string[] = [];
  let busy = false;
  let closing = false;
  let resolveExit: (code: number) => void = () => {};

  const showPrompt = () => {
    rl.setPrompt(prompt(session, buffer.pending));
    rl.prompt();
  };

  const leave = () => {
    closing = true;
    if (busy) return; // finishes after the running statement
    process.removeListener('SIGINT', onSignal);
    rl.close();
    output.write('\n');
    resolveExit(0);
  };

  const drain = async () => {
    if (busy) return;
    busy = true;
    while (queue.length > 0 && !closing) {
      const sql = queue.shift()!;
      const result = await runner.run(session, sql, {
        format: options.format,
        progress: Boolean(process.stderr.isTTY),
        pager: options.pager,
        pagerHooks: {
          // the pager owns the terminal while it runs
          beforeStart: () => {
            rl.pause();
            if (input.isTTY) input.setRawMode(false);
          },
          afterExit: () => {
            if (input.isTTY) input.setRawMode(true);
            rl.resume();
          },
        },
        terminal: () => ({ columns: output.columns ?? 80, rows: output.rows ?? 24 }),
        out: output,
        err: process.stderr,
      });
      session = result.session;
    }
    busy = false;
    if (closing) leave();
    else showPrompt();
  };

  const appendHistory = (line: string) => {
    try {
      fs.appendFileSync(options.historyFile, `${line}\n`);
    } catch {
      // an unwritable history file must not stop the console
    }
  };

  rl.on('line', (line) => {
    if (line.trim() !== '') appendHistory(line);
    if (!buffer.pending && /^\s*(quit|exit)\s*;?\s*$/i.test(line)) {
      leave();
      return;
    }
    const statements = buffer.push(line);
    queue.push(...statements);
    if (queue.length > 0) void drain();
    else if (!busy) showPrompt();
  });

  // Ctrl-C: cancel the running query; at the prompt, drop the typed line and statement
  const onInterrupt = () => {
    if (runner.running) {
      queue.length = 0;
      runner.cancel();
      return;
    }
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    buffer.clear();
    output.write('^C\n');
    showPrompt();
  };
  rl.on('SIGINT', onInterrupt);
  // SIGINT as a signal arrives when raw mode is off (while a pager runs)
  const onSignal = () => {
    if (runner.running) runner.cancel();
  };
  process.on('SIGINT', onSignal);

  rl.on('close', () => {
    if (!closing) {
      // Ctrl-D
      if (runner.running) runner.cancel();
      leave();
    }
  });

  if (options.banner) output.write(`${options.banner}\n`);
  showPrompt();
  return new Promise((resolve) => {
    resolveExit = resolve;
  });
}
