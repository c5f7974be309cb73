/**
 * MARKDOWN (Trino's MarkdownTablePrinter): a GitHub table, numeric columns right-aligned (`-:`),
 * Markdown's special characters backslash-escaped and newlines as `<br>`.
 */
import type { ClientColumn, ClientValue } from '../client-values';
import { consoleWidth, formatValue } from '../format-utils';
import { NUMERIC_TYPES, type OutputPrinter, type Write } from './output-printer';

export function markdownValue(value: ClientValue): string {
  return formatValue(value)
    .replace(/([\\`*_{}[\]<>()#+!|])/g, '\\$1')
    .replace(/\n/g, '<br>');
}

export class MarkdownTablePrinter implements OutputPrinter {
  private readonly names: string[];
  private readonly right: boolean[];
  private headerWritten = false;

  constructor(
    columns: readonly ClientColumn[],
    private readonly write: Write,
  ) {
    this.names = columns.map((c) => c.name);
    this.right = columns.map((c) => NUMERIC_TYPES.has(c.typeSignature?.rawType ?? c.type));
  }

  printRows(rows: readonly (readonly ClientValue[])[]): void {
    const widths = this.names.map((n) => Math.max(1, consoleWidth(n)));
    const cells = rows.map((row) => row.map(markdownValue));
    for (const row of cells)
      for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], consoleWidth(row[i]));
    const line = (values: readonly string[]) =>
      `${values.map((v, i) => `|${align(v, widths[i], this.right[i])}`).join('')}|\n`;
    let out = '';
    if (!this.headerWritten) {
      this.headerWritten = true;
      out += line(this.names);
      out += `${widths.map((w, i) => `| ${'-'.repeat(w)}${this.right[i] ? ':' : ' '}`).join('')}|\n`;
    }
    for (const row of cells) out += line(row);
    this.write(out);
  }

  finish(): void {}
}

function align(value: string, width: number, right: boolean): string {
  const padding = ' '.repeat(width - consoleWidth(value) + 1);
  return right ? `${padding}${value} ` : ` ${value}${padding}`;
}
