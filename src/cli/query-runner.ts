/**
 * Runs one statement through the protocol client and renders everything the user sees for it
 * (Trino's Query): the live status block while waiting, then the rows in the chosen format (through
 * the pager when interactive), or the update line (`INSERT: 3 rows`), or `Query <id> failed:` with a
 * caret under the error position; warnings; the final summary. Returns the session the next
 * statement runs in.
 */
import { applyUpdates, type ClientSession } from './client-session';
import { rowDecoder, type ClientValue } from './client-values';
import { renderErrorLocation } from './error-caret';
import { PagedOutput, type PagerHooks } from './pager';
import { createPrinter, type OutputFormat, type Write } from './printers';
import { ClientError, StatementClient } from './statement-client';
import { finalInfoLines, StatusBlock, statusLines } from './status-printer';

export interface RunOptions {
  readonly format: OutputFormat;
  /** Show the live status block and the final summary (stderr). */
  readonly progress: boolean;
  /** Pager command for output taller or wider than the terminal; undefined: write straight out. */
  readonly pager?: string;
  readonly pagerHooks?: PagerHooks;
  readonly terminal: () => { columns: number; rows: number };
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

export interface RunResult {
  readonly ok: boolean;
  readonly session: ClientSession;
}

// Trino's Query buffers rows this long or this many before printing a batch
const MAX_BUFFERED_ROWS = 10_000;
const MAX_BUFFER_MILLIS = 3_000;
const STATUS_REFRESH_MILLIS = 250;

export class QueryRunner {
  private client: StatementClient | undefined;
  private cancelRequested = false;

  /** True while a statement is running (Ctrl-C then cancels it). */
  get running(): boolean {
    return this.client !== undefined;
  }

  /** Cancels the running statement, if any (DELETE on its nextUri). */
  cancel(): void {
    this.cancelRequested = true;
    void this.client?.cancel();
  }

  async run(session: ClientSession, sql: string, options: RunOptions): Promise<RunResult> {
    const { err } = options;
    this.cancelRequested = false;
    let client: StatementClient;
    try {
      client = await StatementClient.submit(session, sql);
    } catch (e) {
      if (!(e instanceof ClientError)) throw e;
      err.write(`Error running command: ${e.message}\n`);
      return { ok: false, session };
    }
    this.client = client;
    if (this.cancelRequested) void client.cancel();
    try {
      const ok = await this.render(client, sql, options);
      return { ok, session: applyUpdates(session, client.sessionUpdates) };
    } catch (e) {
      if (!(e instanceof ClientError)) throw e;
      err.write(`Error running command: ${e.message}\n`);
      return { ok: false, session };
    } finally {
      this.client = undefined;
    }
  }

  private async render(client: StatementClient, sql: string, options: RunOptions): Promise<boolean> {
    const { err } = options;
    await this.waitForData(client, options);
    if (this.cancelRequested) {
      err.write('Query aborted by user\n');
      return false;
    }
    let ok: boolean;
    if (client.current.error === undefined && client.current.updateType !== undefined) {
      while (client.running && client.current.error === undefined) await client.advance();
      ok = client.current.error === undefined;
      if (ok) {
        const count = client.current.updateCount;
        err.write(
          `${client.current.updateType}${count === undefined ? '' : `: ${count} row${count === 1 ? '' : 's'}`}\n`,
        );
      }
    } else if (client.current.error === undefined) {
      ok = await this.renderRows(client, options);
    } else ok = false;
    if (this.cancelRequested) {
      err.write('Query aborted by user\n');
      return false;
    }
    const error = client.current.error;
    for (const w of client.current.warnings ?? []) err.write(`WARNING: ${w.message}\n`);
    if (error) {
      err.write(`Query ${client.current.id} failed: ${error.message}\n`);
      if (error.errorLocation) {
        const caret = renderErrorLocation(
          sql,
          error.errorLocation.lineNumber,
          error.errorLocation.columnNumber,
        );
        if (caret !== '') err.write(`${caret}\n`);
      }
      err.write('\n');
      return false;
    }
    if (options.progress)
      for (const line of finalInfoLines(client.current.id, client.current.stats)) err.write(`${line}\n`);
    return ok;
  }

  /** Polls until rows arrive or the query ends, redrawing the status block meanwhile. */
  private async waitForData(client: StatementClient, options: RunOptions): Promise<void> {
    const start = Date.now();
    const block = options.progress ? new StatusBlock(options.err) : undefined;
    const draw = () =>
      block?.draw(
        statusLines(client.current.id, client.current.stats, Date.now() - start, options.terminal().columns),
      );
    draw();
    const timer = block ? setInterval(draw, STATUS_REFRESH_MILLIS) : undefined;
    try {
      while (client.running && !(client.current.data && client.current.data.length > 0))
        await client.advance();
    } finally {
      if (timer) clearInterval(timer);
      block?.clear();
    }
  }

  private async renderRows(client: StatementClient, options: RunOptions): Promise<boolean> {
    const columns = client.current.columns;
    if (columns === undefined) {
      options.err.write(`Query ${client.current.id} has no columns\n`);
      return false;
    }
    const paged =
      options.pager !== undefined
        ? new PagedOutput(options.out, options.pager, options.terminal(), options.pagerHooks)
        : undefined;
    const write: Write = paged ? paged.write : (text) => options.out.write(text);
    const printer = createPrinter(options.format, columns, write);
    const decode = rowDecoder(columns);
    let batch: ClientValue[][] = [];
    let lastFlush = Date.now();
    for (;;) {
      const data = client.current.data;
      if (data && data.length > 0) for (const row of decode(data)) batch.push(row);
      if (!client.running || paged?.closed) break;
      if (
        batch.length >= MAX_BUFFERED_ROWS ||
        (batch.length > 0 && Date.now() - lastFlush >= MAX_BUFFER_MILLIS)
      ) {
        printer.printRows(batch, false);
        batch = [];
        lastFlush = Date.now();
      }
      await client.advance();
    }
    // the user quit the pager: stop the query rather than fetch rows nobody will see
    if (paged?.closed && client.running) await client.cancel();
    if (!client.clientAborted) {
      printer.printRows(batch, true);
      printer.finish();
    }
    await paged?.end();
    return client.current.error === undefined;
  }
}
