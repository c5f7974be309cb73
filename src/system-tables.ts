/**
 * The engine's `system` tables (Trino's system connector): metadata.catalogs, runtime.nodes,
 * runtime.queries and runtime.tasks, read from the catalog manager and the query tracker.
 */
import type { CatalogManager } from './catalog/catalog-manager';
import type { SystemTable } from './catalog/connectors/system/system-connector';
import { BIGINT, BOOLEAN, VARCHAR, timestampWithTimeZoneType } from './types';

export interface TrackedQuery {
  readonly queryId: string;
  // Trino's query states (the client protocol's query manager reports every one)
  state: 'QUEUED' | 'PLANNING' | 'STARTING' | 'RUNNING' | 'FINISHING' | 'FINISHED' | 'FAILED';
  readonly user: string;
  readonly query: string;
  readonly created: number;
  end?: number;
  errorType?: string;
  errorCode?: string;
  outputRows: number;
}

export const NODE_ID = 'tessera-local';
const NODE_VERSION = '0.1.0';

/** One row of system.runtime.nodes; a cluster's node manager supplies them (`nodes` below). */
export interface NodeRow {
  readonly nodeId: string;
  readonly httpUri: string | null;
  readonly nodeVersion: string;
  readonly coordinator: boolean;
  /** Trino's NodeState, lower case: active, inactive, shutting_down, draining, drained. */
  readonly state: string;
}

/** One row of system.runtime.tasks; a cluster's scheduler supplies them (`tasks` below). */
export interface TaskRow {
  readonly nodeId: string;
  readonly taskId: string;
  readonly queryId: string;
  readonly state: string;
  readonly splits: number;
  readonly outputRows: number;
  readonly outputBytes: number;
  readonly created: number;
  readonly end: number | undefined;
}

const LOCAL_NODE: NodeRow = {
  nodeId: NODE_ID,
  httpUri: null,
  nodeVersion: NODE_VERSION,
  coordinator: true,
  state: 'active',
};
const TIMESTAMP = timestampWithTimeZoneType(3);

const instant = (millis: number | undefined) =>
  millis === undefined ? null : { epochMillis: millis, picosOfMilli: 0, timeZone: 'UTC' };
const column = (name: string, type: typeof VARCHAR | typeof BIGINT | typeof BOOLEAN | typeof TIMESTAMP) => ({
  name,
  type,
});

export function systemTables(
  catalogs: CatalogManager,
  queries: () => readonly TrackedQuery[],
  nodes: () => readonly NodeRow[] = () => [LOCAL_NODE],
  tasks?: () => readonly TaskRow[],
): SystemTable[] {
  // the embedded engine runs each query as one task of one stage on this node
  const taskRows = (): readonly TaskRow[] =>
    tasks
      ? tasks()
      : queries().map((q) => ({
          nodeId: NODE_ID,
          taskId: `${q.queryId}.0.0.0`,
          queryId: q.queryId,
          state: q.state,
          splits: 0,
          outputRows: q.outputRows,
          outputBytes: 0,
          created: q.created,
          end: q.end,
        }));
  return [
    {
      schema: 'metadata',
      name: 'catalogs',
      columns: [
        column('catalog_name', VARCHAR),
        column('connector_id', VARCHAR),
        column('connector_name', VARCHAR),
      ],
      rows: () => catalogs.listCatalogs().map((c) => [c.name, c.name, c.connectorName]),
    },
    {
      schema: 'runtime',
      name: 'nodes',
      columns: [
        column('node_id', VARCHAR),
        column('http_uri', VARCHAR),
        column('node_version', VARCHAR),
        column('coordinator', BOOLEAN),
        column('state', VARCHAR),
      ],
      rows: () => nodes().map((n) => [n.nodeId, n.httpUri, n.nodeVersion, n.coordinator, n.state]),
    },
    {
      schema: 'runtime',
      name: 'queries',
      columns: [
        column('query_id', VARCHAR),
        column('state', VARCHAR),
        column('user', VARCHAR),
        column('query', VARCHAR),
        column('created', TIMESTAMP),
        column('end', TIMESTAMP),
        column('error_type', VARCHAR),
        column('error_code', VARCHAR),
      ],
      rows: () =>
        queries().map((q) => [
          q.queryId,
          q.state,
          q.user,
          q.query,
          instant(q.created),
          instant(q.end),
          q.errorType ?? null,
          q.errorCode ?? null,
        ]),
    },
    {
      schema: 'runtime',
      name: 'tasks',
      columns: [
        column('node_id', VARCHAR),
        column('task_id', VARCHAR),
        column('stage_id', VARCHAR),
        column('query_id', VARCHAR),
        column('state', VARCHAR),
        column('splits', BIGINT),
        column('output_bytes', BIGINT),
        column('output_rows', BIGINT),
        column('created', TIMESTAMP),
        column('end', TIMESTAMP),
      ],
      rows: () =>
        taskRows().map((t) => [
          t.nodeId,
          t.taskId,
          t.taskId.slice(0, t.taskId.lastIndexOf('.', t.taskId.lastIndexOf('.') - 1)),
          t.queryId,
          t.state,
          t.splits,
          t.outputBytes,
          t.outputRows,
          instant(t.created),
          instant(t.end),
        ]),
    },
  ];
}
