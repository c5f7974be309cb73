/**
 * Interactive output goes through a pager only when it would not fit the terminal: output is
 * held until it is taller or wider than the screen, then `$TESSERA_PAGER`, `$PAGER` or
 * `less -FXRSn` is started and fed the rest as it arrives (Trino's Pager, which always pipes
 * and relies on less -F). An empty pager command means no pager.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { consoleWidth } from './format-utils';

export const DEFAULT_PAGER = 'less -FXRSn';

export function pagerCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.TESSERA_PAGER ?? env.PAGER ?? DEFAULT_PAGER;
}

export interface PagerHooks {
  /** Called before the pager takes the terminal (the console releases raw mode) ... */
  beforeStart?(): void;
  /** ... and after it exits. */
  afterExit?(): void;
}

export class PagedOutput {
  private held: string[] = [];
  private lines = 0;
  private widest = 0;
  private pager: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  /** Set when the user quit the pager before the output ended: stop fetching. */
  closed = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly command: string,
    private readonly size: { columns: number; rows: number },
    private readonly hooks: PagerHooks = {},
  ) {}

  write = (text: string): void => {
    if (this.closed) return;
    if (this.pager) {
      this.pager.stdin!.write(text);
      return;
    }
    this.held.push(text);
    for (const line of text.split('\n')) this.widest = Math.max(this.widest, consoleWidth(line));
    this.lines += text.split('\n').length - 1;
    // keep a line for the prompt that follows
    if (this.command.trim() !== '' && (this.lines >= this.size.rows - 1 || this.widest > this.size.columns))
      this.startPager();
  };

  private startPager(): void {
    this.hooks.beforeStart?.();
    const pager = spawn('sh', ['-c', this.command], { stdio: ['pipe', 'inherit', 'inherit'] });
    this.pager = pager;
    pager.stdin!.on('error', () => {
      // EPIPE when the user quits the pager early
      this.closed = true;
    });
    this.exited = new Promise((resolve) =>
      pager.on('close', () => {
        this.closed = true;
        this.hooks.afterExit?.();
        resolve();
      }),
    );
    pager.stdin!.write(this.held.join(''));
    this.held = [];
  }

  /** Flushes held output or waits for the user to leave the pager. */
  async end(): Promise<void> {
    if (this.pager) {
      this.pager.stdin!.end();
      await this.exited;
      return;
    }
    this.out.write(this.held.join(''));
    this.held = [];
  }
}
