/**
 * JSON (Trino's JsonPrinter): one object per row and line, `{"column":value,...}`. Numbers are
 * written as Java prints them (`4.5`, `1.0E10`), NaN and the infinities as strings, varbinary as a
 * hex dump string. Trino's printer cannot write nested values at all (its generator has no object
 * codec); we write arrays as arrays, maps as objects keyed by the key's text, and rows as objects
 * of their named fields (arrays when a field is unnamed).
 */
import { ClientMap, ClientRow, JavaNumber, type ClientValue } from '../client-values';
import { formatHexDump, formatValue } from '../format-utils';
import type { OutputPrinter, Write } from './output-printer';

export function toJson(value: ClientValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof JavaNumber) return value.finite ? value.text : JSON.stringify(value.text);
  if (value instanceof Uint8Array) return JSON.stringify(formatHexDump(value));
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value instanceof ClientMap)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(formatValue(k))}:${toJson(v)}`).join(',')}}`;
  if (value instanceof ClientRow) {
    if (value.fields.some((f) => f.name === undefined))
      return `[${value.fields.map((f) => toJson(f.value)).join(',')}]`;
    return `{${value.fields.map((f) => `${JSON.stringify(f.name)}:${toJson(f.value)}`).join(',')}}`;
  }
  return JSON.stringify(String(value));
}

export class JsonPrinter implements OutputPrinter {
  private readonly keys: string[];

  constructor(
    names: readonly string[],
    private readonly write: Write,
  ) {
    this.keys = names.map((n) => JSON.stringify(n));
  }

  printRows(rows: readonly (readonly ClientValue[])[]): void {
    let out = '';
    for (const row of rows) out += `{${row.map((v, i) => `${this.keys[i]}:${toJson(v)}`).join(',')}}\n`;
    if (out !== '') this.write(out);
  }

  finish(): void {}
}
