/** The `--output-format` names and the printer each one makes (Trino's OutputFormat). */
import type { ClientColumn } from '../client-values';
import { AlignedTablePrinter } from './aligned';
import { CsvPrinter } from './csv';
import { JsonPrinter } from './json';
import { MarkdownTablePrinter } from './markdown';
import type { OutputPrinter, Write } from './output-printer';
import { TsvPrinter } from './tsv';
import { VerticalRecordPrinter } from './vertical';

export type { OutputPrinter, Write } from './output-printer';

export const OUTPUT_FORMATS = [
  'ALIGNED',
  'VERTICAL',
  'TSV',
  'TSV_HEADER',
  'CSV',
  'CSV_HEADER',
  'CSV_UNQUOTED',
  'CSV_HEADER_UNQUOTED',
  'JSON',
  'MARKDOWN',
  'NULL',
] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function parseOutputFormat(name: string): OutputFormat {
  const f = name.toUpperCase();
  if (!(OUTPUT_FORMATS as readonly string[]).includes(f))
    throw new Error(`unknown output format: ${name} (one of ${OUTPUT_FORMATS.join(', ')})`);
  return f as OutputFormat;
}

/** NULL: runs the query and discards the rows (for timing). */
class NullPrinter implements OutputPrinter {
  printRows(): void {}
  finish(): void {}
}

export function createPrinter(
  format: OutputFormat,
  columns: readonly ClientColumn[],
  write: Write,
): OutputPrinter {
  const names = columns.map((c) => c.name);
  switch (format) {
    case 'ALIGNED':
      return new AlignedTablePrinter(columns, write);
    case 'VERTICAL':
      return new VerticalRecordPrinter(names, write);
    case 'CSV':
      return new CsvPrinter(names, write, { header: false, quote: true });
    case 'CSV_HEADER':
      return new CsvPrinter(names, write, { header: true, quote: true });
    case 'CSV_UNQUOTED':
      return new CsvPrinter(names, write, { header: false, quote: false });
    case 'CSV_HEADER_UNQUOTED':
      return new CsvPrinter(names, write, { header: true, quote: false });
    case 'TSV':
      return new TsvPrinter(names, write, false);
    case 'TSV_HEADER':
      return new TsvPrinter(names, write, true);
    case 'JSON':
      return new JsonPrinter(names, write);
    case 'MARKDOWN':
      return new MarkdownTablePrinter(columns, write);
    case 'NULL':
      return new NullPrinter();
  }
}
