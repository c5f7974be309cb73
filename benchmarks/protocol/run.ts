/**
 * Rows per second streamed to a client: `SELECT * FROM tpch.sf<N>.lineitem` through the Trino
 * client protocol (a plain HTTP client that POSTs the statement and follows nextUri, parsing every
 * response as a real client must), beside PostgreSQL's `COPY lineitem TO STDOUT` into psql on the
 * same rows, loaded into a private PostgreSQL cluster from Tessera's generator.
 *
 *   npm run bench:protocol -- [--sf 1] [--runs 2]
 *
 * The coordinator runs in a worker thread (the CLI's embedded coordinator) and the client on the
 * main thread, as psql and the PostgreSQL backend are two processes. Tessera generates lineitem
 * while it scans (that is what the tpch catalog is); PostgreSQL reads its stored table. The best of
 * the runs counts for each side.
 */
import * as path from 'node:path';
import { TPCH_TABLES } from '../../src/catalog/connectors/tpch';
import { startEmbeddedCoordinator } from '../../src/cli/embedded-coordinator';
import { writeTpchCsv } from '../tpch/csv';
import { startPostgres, type PostgresCluster } from './postgres';

function parseArgs(argv: string[]): { sf: number; runs: number } {
  const o = { sf: 1, runs: 2 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sf') o.sf = Number(argv[++i]);
    else if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else throw new Error(`unknown option ${argv[i]} (options: --sf N, --runs N)`);
  }
  return o;
}

/** Tessera's lineitem types (money is DOUBLE in the tpch catalog by default) in PostgreSQL. */
function pgColumnType(kind: string, length?: number): string {
  switch (kind) {
    case 'identifier':
      return 'bigint';
    case 'integer':
      return 'integer';
    case 'money':
      return 'double precision';
    case 'date':
      return 'date';
    default:
      return `varchar(${length})`;
  }
}

interface Run {
  readonly rows: number;
  readonly ms: number;
  readonly bytes: number;
}

async function loadPostgres(pg: PostgresCluster, sf: number): Promise<number> {
  const file = path.join(pg.dir, 'lineitem.tbl');
  let t = Date.now();
  const rows = writeTpchCsv('lineitem', sf, file);
  console.log(`generated ${rows} lineitem rows as text in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const columns = TPCH_TABLES.lineitem.columns.map(
    (c) => `${c.name} ${pgColumnType(c.kind, c.varcharLength)} NOT NULL`,
  );
  pg.sql(`CREATE TABLE lineitem (${columns.join(', ')})`);
  t = Date.now();
  pg.sql(`COPY lineitem FROM '${file}' WITH (DELIMITER '|')`);
  // set hint bits and statistics now, so the timed COPY only reads
  pg.sql('VACUUM ANALYZE lineitem');
  console.log(`loaded PostgreSQL in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return rows;
}

/** psql prints COPY's text format, one row per line; the caller reads every byte. */
function postgresCopy(pg: PostgresCluster): Promise<Run> {
  const start = performance.now();
  const psql = pg.spawnPsql('COPY lineitem TO STDOUT');
  let rows = 0;
  let bytes = 0;
  psql.stdout!.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) rows++;
  });
  return new Promise((resolve, reject) =>
    psql.on('close', (code) =>
      code === 0
        ? resolve({ rows, bytes, ms: performance.now() - start })
        : reject(new Error(`psql exited ${code}`)),
    ),
  );
}

/** POST the statement and follow nextUri to the end, counting the rows of every response. */
async function tesseraStream(url: string, sql: string): Promise<Run> {
  const headers = { 'X-Trino-User': 'bench', 'X-Trino-Source': 'tessera-bench' };
  const start = performance.now();
  let response = await fetch(`${url}/v1/statement`, { method: 'POST', body: sql, headers });
  let rows = 0;
  let bytes = 0;
  for (;;) {
    const text = await response.text();
    bytes += text.length;
    const body = JSON.parse(text) as { nextUri?: string; data?: unknown[][]; error?: { message: string } };
    if (body.error) throw new Error(`query failed: ${body.error.message}`);
    rows += body.data?.length ?? 0;
    if (!body.nextUri) break;
    response = await fetch(body.nextUri, { headers });
  }
  return { rows, bytes, ms: performance.now() - start };
}

function best(runs: Run[]): Run {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

const perSecond = (r: Run) => r.rows / (r.ms / 1000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function main(argv: string[]): Promise<void> {
  const { sf, runs } = parseArgs(argv);
  // the tpch catalog has a schema sf<N> for any positive N
  const sql = Number.isInteger(sf)
    ? `SELECT * FROM tpch.sf${sf}.lineitem`
    : `SELECT * FROM tpch."sf${sf}".lineitem`;
  const pg = await startPostgres();
  try {
    const expected = await loadPostgres(pg, sf);
    const coordinator = await startEmbeddedCoordinator();
    try {
      const tessera: Run[] = [];
      const postgres: Run[] = [];
      for (let i = 0; i < runs; i++) {
        tessera.push(await tesseraStream(coordinator.url, sql));
        postgres.push(await postgresCopy(pg));
        const [t, p] = [tessera[i], postgres[i]];
        console.log(
          `run ${i + 1}: Tessera ${fmt(perSecond(t))} rows/s (${(t.ms / 1000).toFixed(1)} s), ` +
            `PostgreSQL ${fmt(perSecond(p))} rows/s (${(p.ms / 1000).toFixed(1)} s)`,
        );
        for (const r of [t, p])
          if (r.rows !== expected) throw new Error(`expected ${expected} rows, a client received ${r.rows}`);
      }
      const t = best(tessera);
      const p = best(postgres);
      console.log(`\n${sql}: ${fmt(expected)} rows, best of ${runs}`);
      console.log('| path | rows/s | seconds | MB to the client |');
      console.log('| --- | ---: | ---: | ---: |');
      console.log(
        `| Tessera, Trino protocol (JSON over HTTP, nextUri) | ${fmt(perSecond(t))} | ${(t.ms / 1000).toFixed(1)} | ${(t.bytes / 2 ** 20).toFixed(0)} |`,
      );
      console.log(
        `| PostgreSQL ${pg.version}, COPY TO STDOUT into psql | ${fmt(perSecond(p))} | ${(p.ms / 1000).toFixed(1)} | ${(p.bytes / 2 ** 20).toFixed(0)} |`,
      );
      console.log(`ratio Tessera / PostgreSQL: ${(perSecond(t) / perSecond(p)).toFixed(2)}×`);
    } finally {
      await coordinator.close();
    }
  } finally {
    pg.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
