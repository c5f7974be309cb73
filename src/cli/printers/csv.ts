/**
 * CSV, CSV_HEADER, CSV_UNQUOTED and CSV_HEADER_UNQUOTED (Trino's CsvPrinter over opencsv's
 * CSVWriter): quoted formats quote every value and double embedded quotes; unquoted formats
 * still double a `"`. NULL is an empty field, varbinary a one-line hex dump, nested values as in
 * ALIGNED.
 */
import type { ClientValue } from '../client-values';
import { formatHexDump, formatValue } from '../format-utils';
import type { OutputPrinter, Write } from './output-printer';

export class CsvPrinter implements OutputPrinter {
  private needHeader: boolean;

  constructor(
    private readonly names: readonly string[],
    private readonly write: Write,
    options: { header: boolean; quote: boolean },
  ) {
    this.needHeader = options.header;
    this.quote = options.quote;
  }

  private readonly quote: boolean;

  printRows(rows: readonly (readonly ClientValue[])[]): void {
    let out = '';
    if (this.needHeader) {
      this.needHeader = false;
      out += this.line(this.names);
    }
    for (const row of rows) out += this.line(row.map(csvValue));
    if (out !== '') this.write(out);
  }

  finish(): void {
    this.printRows([]);
  }

  private line(values: readonly string[]): string {
    return `${values.map((v) => (this.quote ? `"${v.replace(/"/g, '""')}"` : escapeUnquoted(v))).join(',')}\n`;
  }
}

/** opencsv without a quote character still escapes `"` (and the NUL it uses as "no quote"). */
function escapeUnquoted(v: string): string {
  return /["\0]/.test(v) ? v.replace(/["\0]/g, (c) => `"${c}`) : v;
}

export function csvValue(value: ClientValue): string {
  if (value === null) return '';
  if (value instanceof Uint8Array) return formatHexDump(value);
  return formatValue(value);
}
