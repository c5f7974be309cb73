/**
 * TPC-H tables from Tessera's (dbgen-identical) generator written as '|'-separated text, so that a
 * peer engine can load the very same rows. No quoting is needed: TPC-H text has no '|' or newline.
 * Money is written with its two decimals, which reads back as the same DOUBLE or DECIMAL(12,2).
 */
import * as fs from 'node:fs';
import { TPCH_TABLES, generateTpch, type TpchTableName } from '../../src/catalog/connectors/tpch';
import { formatValue, DATE } from '../../src/types';

export function writeTpchCsv(table: TpchTableName, sf: number, file: string): number {
  const fd = fs.openSync(file, 'w');
  const kinds = TPCH_TABLES[table].columns.map((c) => c.kind);
  let rows = 0;
  try {
    for (const batch of generateTpch(table, sf)) {
      const lines: string[] = new Array(batch.rowCount);
      for (let r = 0; r < batch.rowCount; r++) {
        const fields = new Array<string>(kinds.length);
        for (let c = 0; c < kinds.length; c++) {
          const col = batch.columns[c];
          const v = (col as ArrayLike<unknown>)[r];
          fields[c] =
            kinds[c] === 'money'
              ? ((v as number) / 100).toFixed(2)
              : kinds[c] === 'date'
                ? formatValue(v, DATE)
                : String(v);
        }
        lines[r] = fields.join('|');
      }
      fs.writeSync(fd, `${lines.join('\n')}\n`);
      rows += batch.rowCount;
    }
  } finally {
    fs.closeSync(fd);
  }
  return rows;
}
