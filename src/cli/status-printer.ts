/**
 * The live status block on stderr while a query runs, redrawn in place (after Trino's
 * StatusPrinter): the query id, state, nodes and splits; the splits queued/running/done; and the
 * progress line with elapsed time, rows and bytes processed, their rates, a bar and the percent.
 * When the query is not yet scheduled the bar is a bouncing `<=>`. Also the final summary.
 */
import type { StatementStats } from './statement-client';
import {
  formatBouncingBar,
  formatCount,
  formatCountRate,
  formatDataRate,
  formatDataSize,
  formatFinalTime,
  formatProgressBar,
  formatTime,
  pluralize,
} from './format-utils';

const number = (n: number) => n.toLocaleString('en-US');

/** The lines of the status block for a query that has run `elapsedMillis` so far. */
export function statusLines(
  queryId: string,
  stats: StatementStats,
  elapsedMillis: number,
  terminalWidth: number,
): string[] {
  const progress = Math.trunc(Math.min(99, stats.progressPercentage ?? 0));
  if (terminalWidth < 75) return [`${stats.state} ${formatTime(elapsedMillis)} ${progress}%`];
  const nodes = stats.nodes;
  const lines = [
    `Query ${queryId}, ${stats.state}, ${number(nodes)} ${pluralize('node', nodes)}, ${number(stats.totalSplits)} splits`,
    `Splits:   ${number(stats.queuedSplits)} queued, ${number(stats.runningSplits)} running, ${number(stats.completedSplits)} done`,
  ];
  const width = Math.min(terminalWidth, 100) - 75 + 17;
  const counts = `${formatTime(elapsedMillis)} [${formatCount(stats.processedRows).padStart(5)} rows, ${formatDataSize(stats.processedBytes, true).padStart(6)}] [${formatCountRate(stats.processedRows, elapsedMillis, false).padStart(5)} rows/s, ${formatDataRate(stats.processedBytes, elapsedMillis, true).padStart(8)}]`;
  if (stats.scheduled && stats.totalSplits > 0) {
    const bar = formatProgressBar(
      width,
      stats.completedSplits,
      Math.max(0, stats.runningSplits),
      stats.totalSplits,
    );
    lines.push(`${counts} [${bar}] ${progress}%`);
  } else {
    lines.push(`${counts} [${formatBouncingBar(width, Math.round(elapsedMillis / 1000))}]`);
  }
  return lines;
}

/** Trino's final info: printed only when the query ran splits on some node. */
export function finalInfoLines(queryId: string, stats: StatementStats): string[] {
  if (stats.nodes === 0 || stats.totalSplits === 0) return [];
  const ms = stats.elapsedTimeMillis;
  return [
    '',
    `Query ${queryId}, ${stats.state}, ${number(stats.nodes)} ${pluralize('node', stats.nodes)}`,
    `Splits: ${number(stats.totalSplits)} total, ${number(stats.completedSplits)} done (${(stats.progressPercentage ?? 0).toFixed(2)}%)`,
    `${formatFinalTime(ms)} [${formatCount(stats.processedRows)} rows, ${formatDataSize(stats.processedBytes, true)}] [${formatCountRate(stats.processedRows, ms, false)} rows/s, ${formatDataRate(stats.processedBytes, ms, true)}]`,
    '',
  ];
}

/** Draws a block of lines and redraws it in place: cursor up, clear each line, write. */
export class StatusBlock {
  private height = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  draw(lines: readonly string[]): void {
    let text = this.height > 0 ? `\r\x1b[${this.height}A` : '\r';
    for (const line of lines) text += `\x1b[2K${line}\n`;
    // a shorter block than last time leaves stale lines below: clear them
    for (let i = lines.length; i < this.height; i++) text += '\x1b[2K\n';
    if (this.height > lines.length) text += `\x1b[${this.height - lines.length}A`;
    this.height = lines.length;
    this.out.write(text);
  }

  /** Erases the block and leaves the cursor where it began. */
  clear(): void {
    if (this.height === 0) return;
    let text = `\r\x1b[${this.height}A`;
    for (let i = 0; i < this.height; i++) text += '\x1b[2K\n';
    text += `\x1b[${this.height}A`;
    this.height = 0;
    this.out.write(text);
  }
}
