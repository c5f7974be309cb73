/**
 * ALIGNED (Trino's AlignedTablePrinter): headers centered, numeric columns right-aligned, one
 * space of padding inside each `|`, multi-line values continued with a `+` at the column's edge,
 * and `(N rows)` at the end. Widths are computed per batch, as Trino does.
 */
import type { ClientColumn, ClientValue } from '../client-values';
import { consoleWidth, formatValue, maxLineWidth } from '../format-utils';
import { NUMERIC_TYPES, type OutputPrinter, type Write } from './output-printer';

export class AlignedTablePrinter implements OutputPrinter {
  private readonly names: string[];
  private readonly numeric: boolean[];
  private headerWritten = false;
  private rowCount = 0;

  constructor(
    columns: readonly ClientColumn[],
    private readonly write: Write,
  ) {
    this.names = columns.map((c) => c.name);
    this.numeric = columns.map((c) => NUMERIC_TYPES.has(c.typeSignature?.rawType ?? c.type));
  }

  printRows(rows: readonly (readonly ClientValue[])[], complete: boolean): void {
    this.rowCount += rows.length;
    const widths = this.names.map((n) => Math.max(1, consoleWidth(n)));
    const cells = rows.map((row) => row.map((v) => formatValue(v)));
    for (const row of cells)
      for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], maxLineWidth(row[i]));

    let out = '';
    if (!this.headerWritten) {
      this.headerWritten = true;
      out += `${this.names.map((n, i) => center(n, widths[i])).join('|')}\n`;
      out += `${widths.map((w) => '-'.repeat(w + 2)).join('+')}\n`;
    }
    for (const row of cells) {
      const lines = row.map((s) => s.split('\n'));
      const height = Math.max(1, ...lines.map((l) => l.length));
      for (let line = 0; line < height; line++) {
        const parts: string[] = [];
        for (let c = 0; c < lines.length; c++) {
          const s = line < lines[c].length ? lines[c][line] : '';
          let cell = align(s, widths[c], this.numeric[c]);
          if ((!complete || this.rowCount > 1) && line + 1 < lines[c].length) cell = `${cell.slice(0, -1)}+`;
          parts.push(cell);
        }
        out += `${parts.join('|')}\n`;
      }
    }
    this.write(out);
  }

  finish(): void {
    this.printRows([], true);
    this.write(`(${this.rowCount} row${this.rowCount === 1 ? '' : 's'})\n`);
  }
}

function center(s: string, width: number): string {
  const w = consoleWidth(s);
  const left = Math.floor((width - w) / 2);
  return `${' '.repeat(left + 1)}${s}${' '.repeat(width - left - w + 1)}`;
}

function align(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(width - consoleWidth(s) + 1);
  return right ? `${fill}${s} ` : ` ${s}${fill}`;
}
