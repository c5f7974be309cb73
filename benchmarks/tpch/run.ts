/**
 * TPC-H side by side: Tessera's embedded engine and DuckDB, single-threaded, over in-memory tables
 * loaded with the very same rows (Tessera's generator, which is dbgen-identical; DuckDB reads them
 * from CSV files written here, because its own generator writes different text columns).
 *
 *   npm run bench:tpch -- [--sf 1] [--runs 3] [--queries 1,3,6]
 *
 * Prints per-query medians, the Tessera/DuckDB ratio and the geometric mean of the ratios.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readTpchQuery, substituteBenchmarkPlaceholders } from '../../conformance/tpch-answers';
import { TPCH_TABLES, TPCH_TABLE_NAMES } from '../../src/catalog/connectors/tpch';
import { createLocalEngine } from '../../src';
import { writeTpchCsv } from './csv';
import { geometricMean, median } from '../statistics';
import { parseTpchBenchOptions } from '../tpch-options';

const DUCKDB_TYPES: Record<string, string> = {
  identifier: 'BIGINT',
  integer: 'INTEGER',
  money: 'DECIMAL(12,2)',
  date: 'DATE',
};

async function time(f: () => Promise<unknown>, runs: number): Promise<{ ms: number; result: unknown }> {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await f();
    times.push(performance.now() - t);
  }
  return { ms: median(times), result };
}

export async function main(argv: string[]): Promise<void> {
  const options = parseTpchBenchOptions(argv, 3);
  const schema = `sf${options.sf}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-tpch-'));
  process.stdout.write(`TPC-H sf${options.sf}, ${options.runs} runs per query (median), single-threaded\n`);

  // DuckDB: the same rows through CSV
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run('SET threads = 1');
  let t = performance.now();
  for (const table of TPCH_TABLE_NAMES) {
    const file = path.join(dir, `${table}.csv`);
    writeTpchCsv(table, options.sf, file);
    const cols = TPCH_TABLES[table].columns.map(
      (c) => `${c.name} ${c.kind === 'varchar' ? 'VARCHAR' : DUCKDB_TYPES[c.kind]}`,
    );
    await duck.run(`CREATE TABLE ${table} (${cols.join(', ')})`);
    await duck.run(`COPY ${table} FROM '${file}' (DELIMITER '|', HEADER false)`);
    fs.rmSync(file);
  }
  process.stdout.write(`DuckDB loaded in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

  // Tessera: memory tables filled from the tpch catalog (DECIMAL money, like DuckDB's tables)
  const engine = createLocalEngine({
    catalogs: [
      { name: 'tpch', properties: { 'connector.name': 'tpch', 'tpch.double-type-mapping': 'DECIMAL' } },
      { name: 'memory', properties: { 'connector.name': 'memory', 'memory.max-data-per-node': '16GB' } },
    ],
  });
  t = performance.now();
  await engine.query('CREATE SCHEMA memory.bench');
  for (const table of TPCH_TABLE_NAMES)
    await engine.query(`CREATE TABLE memory.bench.${table} AS SELECT * FROM tpch."${schema}".${table}`);
  process.stdout.write(`Tessera loaded in ${((performance.now() - t) / 1000).toFixed(1)} s\n\n`);
  // the loads' garbage is collected now rather than inside the first query's timing
  (globalThis as { gc?: () => void }).gc?.();

  const header = 'query | tessera ms | duckdb ms | ratio | rows';
  process.stdout.write(`${header}\n${header.replace(/[^|]/g, '-')}\n`);
  const ratios: number[] = [];
  for (const q of options.queries) {
    const text = readTpchQuery('trino-benchmark', q).text.trim().replace(/;\s*$/, '');
    const tesseraSql = substituteBenchmarkPlaceholders(text, {
      catalog: 'memory',
      schema: 'bench',
      scale: options.sf,
    });
    const duckSql = text
      .replace(/"\$\{database\}"\."\$\{schema\}"\."\$\{prefix\}(\w+)"/g, '$1')
      .replace(/\$\{scale\}/g, String(options.sf));
    const ours = await time(() => engine.query(tesseraSql), options.runs);
    const theirs = await time(async () => (await duck.runAndReadAll(duckSql)).getRows(), options.runs);
    const rows = (ours.result as { rows: unknown[] }).rows.length;
    const duckRows = (theirs.result as unknown[]).length;
    const ratio = ours.ms / theirs.ms;
    ratios.push(ratio);
    const check = rows === duckRows ? String(rows) : `${rows} (DuckDB ${duckRows})`;
    process.stdout.write(
      `q${String(q).padStart(2, '0')} | ${ours.ms.toFixed(0)} | ${theirs.ms.toFixed(0)} | ${ratio.toFixed(1)}x | ${check}\n`,
    );
  }
  const geomean = geometricMean(ratios);
  process.stdout.write(
    `\ngeometric mean ratio (Tessera / DuckDB): ${geomean.toFixed(2)}x; worst: ${Math.max(...ratios).toFixed(1)}x\n`,
  );
  await engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
