/**
 * TSV and TSV_HEADER (Trino's TsvPrinter): tab-separated, with `\0 \b \f \n \r \t \\` escaped as
 * backslash sequences so every row stays on one line. NULL is an empty field.
 */
import type { ClientValue } from '../client-values';
import { csvValue } from './csv';
import type { OutputPrinter, Write } from './output-printer';

const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\\': '\\\\',
};

export function escapeTsv(s: string): string {
  return s.replace(/[\0\b\f\n\r\t\\]/g, (c) => ESCAPES[c]);
}

export class TsvPrinter implements OutputPrinter {
  constructor(
    private readonly names: readonly string[],
    private readonly write: Write,
    private needHeader: boolean,
  ) {}

  printRows(rows: readonly (readonly ClientValue[])[]): void {
    let out = '';
    if (this.needHeader) {
      this.needHeader = false;
      out += `${this.names.map(escapeTsv).join('\t')}\n`;
    }
    for (const row of rows) out += `${row.map((v) => escapeTsv(csvValue(v))).join('\t')}\n`;
    if (out !== '') this.write(out);
  }

  finish(): void {
    this.printRows([]);
  }
}
