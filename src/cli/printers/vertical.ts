/**
 * VERTICAL (Trino's VerticalRecordPrinter): one `-[ RECORD n ]` block per row, `name | value`
 * lines, multi-line values continued under an blank name.
 */
import type { ClientValue } from '../client-values';
import { consoleWidth, formatValue, maxLineWidth } from '../format-utils';
import type { OutputPrinter, Write } from './output-printer';

export class VerticalRecordPrinter implements OutputPrinter {
  private readonly namesWidth: number;
  private rowCount = 0;

  constructor(
    private readonly names: readonly string[],
    private readonly write: Write,
  ) {
    this.namesWidth = Math.max(0, ...names.map(consoleWidth));
  }

  printRows(rows: readonly (readonly ClientValue[])[]): void {
    let valuesWidth = 0;
    for (const row of rows)
      for (const v of row) valuesWidth = Math.max(valuesWidth, maxLineWidth(formatValue(v)));
    let out = '';
    for (const row of rows) {
      this.rowCount++;
      let header = `-[ RECORD ${this.rowCount} ]`;
      if (this.namesWidth + 1 >= header.length)
        header += `${'-'.repeat(this.namesWidth + 1 - header.length)}+`;
      header += '-'.repeat(Math.max(0, this.namesWidth + valuesWidth + 3 - header.length));
      out += `${header}\n`;
      for (let i = 0; i < row.length; i++) {
        let name = this.names[i];
        for (const line of formatValue(row[i]).split('\n')) {
          out += `${name}${' '.repeat(this.namesWidth - consoleWidth(name))} | ${line}\n`;
          name = ' '.repeat(consoleWidth(name));
        }
      }
    }
    this.write(out);
  }

  finish(): void {
    if (this.rowCount === 0) this.write('(no rows)\n');
  }
}
