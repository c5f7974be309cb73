/**
 * The three ways the cluster benchmark runs a query: the single-process embedded engine, and a
 * real cluster of separate processes (test/server/cluster-harness.ts: a coordinator that
 * schedules nothing on itself plus N workers) reached through the Trino client protocol. All
 * read the tpch connector with the same catalog properties, so each generates its data on the
 * fly the same way.
 */
import { createLocalEngine } from '../../src';
import { killAll, startCluster, trinoQueryResult } from '../../test/server/cluster-harness';
import { renderEngineValue, renderProtocolValue } from '../../test/helpers/tpch-check';

const CATALOG = { 'connector.name': 'tpch' };

export interface QueryResultRows {
  readonly types: string[];
  readonly rows: unknown[][];
}

export interface QueryTarget {
  readonly name: string;
  run(sql: string): Promise<QueryResultRows>;
  /** How this target's values print as the dbgen answers write them. */
  readonly render: (value: unknown, type: string) => string;
  close(): Promise<void>;
}

export function embeddedTarget(): QueryTarget {
  const engine = createLocalEngine({ catalogs: [{ name: 'tpch', properties: CATALOG }] });
  return {
    name: 'single process',
    async run(sql) {
      const { columns, rows } = await engine.query(sql);
      return { types: columns.map((c) => c.type), rows: rows as unknown[][] };
    },
    render: renderEngineValue,
    close: () => engine.close(),
  };
}

export async function clusterTarget(workers: number): Promise<QueryTarget> {
  const cluster = await startCluster(workers, {}, { tpch: CATALOG });
  const uri = cluster.coordinator.uri;
  return {
    name: `${workers} worker${workers === 1 ? '' : 's'}`,
    async run(sql) {
      const { columns, rows } = await trinoQueryResult(uri, sql);
      return { types: columns.map((c) => c.type), rows };
    },
    render: renderProtocolValue,
    async close() {
      killAll();
      await Promise.all([cluster.coordinator, ...cluster.workers].map((p) => p.exited));
    },
  };
}
