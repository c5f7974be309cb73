/**
 * Trino CLI's ALIGNED output (AlignedTablePrinter): centered headers, numbers right-aligned,
 * text left-aligned, `-+-` separators and a `(N rows)` footer.
 */
import { javaDoubleToString, javaFloatToString, formatValue, parseType, type SqlType } from '../types';

export function renderValue(value: unknown, type: SqlType): string {
  if (value === null) return 'NULL';
  switch (type.kind) {
    case 'double':
      return javaDoubleToString(value as number);
    case 'real':
      return javaFloatToString(value as number);
    case 'varbinary':
      return Array.from(value as Uint8Array, (b) => b.toString(16).padStart(2, '0')).join(' ');
    case 'array':
    case 'map':
    case 'row':
      return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    default:
      return formatValue(value, type);
  }
}

const NUMERIC = new Set(['tinyint', 'smallint', 'integer', 'bigint', 'real', 'double', 'decimal']);

export function alignedTable(
  columns: readonly { name: string; type: string }[],
  rows: readonly unknown[][],
): string {
  const types = columns.map((c) => parseType(c.type));
  const cells = rows.map((r) => r.map((v, i) => renderValue(v, types[i])));
  const widths = columns.map((c, i) => Math.max(c.name.length, ...cells.map((r) => r[i].length)));
  const center = (text: string, width: number) => {
    const left = Math.floor((width - text.length) / 2);
    return ' '.repeat(left) + text + ' '.repeat(width - text.length - left);
  };
  const lines = [
    ` ${columns.map((c, i) => center(c.name, widths[i])).join(' | ')} `.trimEnd(),
    `-${widths.map((w) => '-'.repeat(w)).join('-+-')}-`,
  ];
  for (const r of cells) {
    lines.push(
      ` ${r.map((v, i) => (NUMERIC.has(types[i].kind) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ')} `.trimEnd(),
    );
  }
  lines.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return lines.join('\n');
}
