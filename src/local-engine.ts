/**
 * The embedded engine: parse, plan and run statements in the calling process, over the catalogs
 * given (default: tpch and memory). Tests, conformance and benchmarks use it; Node applications can
 * embed Tessera with it. Errors reject with the TrinoError the servers would report.
 */
import { CatalogManager } from './catalog/catalog-manager';
import type { ConnectorFactory } from './catalog/spi';
import { TrinoError } from './errors';
import type { ExecutionContext } from './execution/local-execution-planner';
import { executeQuery, type ExecutionOptions } from './query-execution';
import type { QueryScheduler } from './scheduler/query-scheduler';
import type { QueryProgress } from './coordinator/managed-query';
import { type FunctionBinder } from './execution/expression-compiler';
import { pageRows } from './execution/page';
import { explain } from './explain';
import { Metadata } from './planner/metadata';
import { QueryPlanner } from './planner/query-planner';
import { createSession, newQueryId, type Session } from './planner/session';
import type { FunctionResolver } from './planner/expression-analyzer';
import { parseStatement, type Statement } from './sql';
import { formatType, type SqlType } from './types';
import { executeMetadataStatement } from './metadata-statements';
import { systemConnectorFactory } from './catalog/connectors/system/system-connector';
import { systemTables, type NodeRow, type TaskRow, type TrackedQuery } from './system-tables';
import { executeDataDefinition, type QueryRunner } from './data-definition';
import type { PlanNode } from './planner/plan';
import type { PlannedQuery } from './planner/query-planner';
import type { PageStream } from './execution/operators/page-stream';
import { typeEquals } from './types';
import { QueryMemoryContext } from './execution/memory-context';
import { parseDataSize } from './data-size';
import { SYSTEM_SESSION_PROPERTIES, sessionValue } from './session-properties';
import { resolvePreparedStatement } from './prepared-statements';
import {
  executeSessionStatement,
  type SessionEffects,
  type SessionStatementResult,
} from './session-statements';
import { parseType } from './types';
import { blockFromValues } from './execution/block';
import type { Page } from './execution/page';

export interface QueryColumn {
  readonly name: string;
  readonly type: string;
}

export interface QueryResult {
  readonly columns: readonly QueryColumn[];
  readonly rows: unknown[][];
  /** For statements that change rows: the count (INSERT, DELETE, CTAS). */
  readonly updateCount?: number;
  readonly updateType?: string;
}

/** A statement started by a front door: its output columns and a pull-driven stream of pages. */
export interface StatementExecution {
  readonly columns: readonly { readonly name: string; readonly type: SqlType }[];
  /** Pulled by the consumer; execution advances only as pages are read (backpressure). */
  readonly pages: AsyncIterable<Page>;
  readonly updateType?: string;
  readonly updateCount?: number;
  /** Session changes (USE, SET SESSION, PREPARE, …) for the front door to hand back to its client. */
  readonly effects: SessionEffects;
}

export interface CatalogConfig {
  readonly name: string;
  readonly properties: Readonly<Record<string, string>>;
}

export interface LocalEngineOptions {
  /** Catalogs to create; default tpch and memory. */
  readonly catalogs?: readonly CatalogConfig[];
  /** Connector factories beyond the built-in ones. */
  readonly connectorFactories?: readonly ConnectorFactory[];
  /** Session defaults (catalog, schema, user, time zone). */
  readonly session?: Partial<Session>;
  /** Splits per table scan (default: 4). */
  readonly splitsPerScan?: number;
  /** The rows of system.runtime.nodes (a cluster's node manager); default: this process alone. */
  readonly nodes?: () => readonly NodeRow[];
  /** The rows of system.runtime.tasks (a cluster's task tracker); default: one task per query. */
  readonly tasks?: () => readonly TaskRow[];
  /** A query's progress on the cluster (a cluster's task tracker). */
  readonly progress?: (queryId: string) => QueryProgress | undefined;
  /** Where queries' tasks run (a cluster's scheduler); default: in this process. */
  readonly scheduler?: QueryScheduler;
}

export interface LocalEngine {
  query(sql: string, session?: Partial<Session>): Promise<QueryResult>;
  readonly catalogs: CatalogManager;
  close(): Promise<void>;
}

/** Hooks the function library provides (installed by functions/ once present). */
export interface FunctionLibrary {
  readonly resolver: FunctionResolver;
  readonly binder: FunctionBinder;
}

export interface EngineComponents {
  readonly factories: readonly ConnectorFactory[];
  readonly functions?: FunctionLibrary;
}

export class LocalQueryEngine implements LocalEngine {
  readonly catalogs = new CatalogManager();
  private readonly metadata = new Metadata(this.catalogs);
  private defaults: Partial<Session>;
  private closed = false;

  constructor(
    components: EngineComponents,
    private readonly options: LocalEngineOptions = {},
  ) {
    for (const f of [...components.factories, ...(options.connectorFactories ?? [])])
      this.catalogs.registerFactory(f);
    this.functions = components.functions;
    const catalogs = options.catalogs ?? [
      { name: 'tpch', properties: { 'connector.name': 'tpch' } },
      { name: 'memory', properties: { 'connector.name': 'memory' } },
    ];
    for (const c of catalogs) this.catalogs.createCatalog(c.name, c.properties);
    // the system catalog is always present, as in Trino
    this.catalogs.registerFactory(
      systemConnectorFactory(
        systemTables(this.catalogs, () => [...this.queries.values()], options.nodes, options.tasks),
      ),
    );
    if (!this.catalogs.getCatalog('system'))
      this.catalogs.createCatalog('system', { 'connector.name': 'system' });
    this.defaults = { ...options.session };
  }

  private readonly functions?: FunctionLibrary;
  /** Recent queries for system.runtime.queries (bounded, oldest dropped first). */
  private readonly queries = new Map<string, TrackedQuery>();
  private static readonly QUERY_HISTORY = 100;

  async query(sql: string, overrides: Partial<Session> = {}): Promise<QueryResult> {
    if (this.closed) throw new TrinoError('GENERIC_INTERNAL_ERROR', 'Engine is closed');
    const session = createSession({
      ...this.defaults,
      ...overrides,
      queryId: newQueryId(),
      startTime: Date.now(),
    });
    const tracked: TrackedQuery = {
      queryId: session.queryId,
      state: 'RUNNING',
      user: session.user,
      query: sql,
      created: session.startTime,
      outputRows: 0,
    };
    this.queries.set(tracked.queryId, tracked);
    if (this.queries.size > LocalQueryEngine.QUERY_HISTORY)
      this.queries.delete(this.queries.keys().next().value!);
    try {
      const statement = resolvePreparedStatement(parseStatement(sql), session);
      const sessionResult = await executeSessionStatement(statement, sql, session, this.metadata);
      const result = sessionResult
        ? this.applyEffects(sessionResult)
        : await this.execute(statement, session);
      tracked.state = 'FINISHED';
      tracked.outputRows = result.rows.length;
      return result;
    } catch (e) {
      tracked.state = 'FAILED';
      if (e instanceof TrinoError) {
        tracked.errorType = e.errorType;
        tracked.errorCode = e.errorName;
      }
      throw e;
    } finally {
      tracked.end = Date.now();
    }
  }

  private async execute(statement: Statement, session: Session): Promise<QueryResult> {
    switch (statement.kind) {
      case 'Query': {
        const planned = await this.planner(session).planStatementQuery(statement);
        const rows = await this.run(planned.root, session);
        return { columns: columns(planned.columnNames, planned.columnTypes), rows };
      }
      case 'Explain':
        return explain(statement, session, {
          metadata: this.metadata,
          plan: (query, s) => this.planner(s).planStatementQuery(query),
          run: (root, s, options) => this.pages(root, s, options),
        });
      case 'ShowSession':
        return {
          columns: ['Name', 'Value', 'Default', 'Type', 'Description'].map((name) => ({
            name,
            type: 'varchar',
          })),
          rows: SYSTEM_SESSION_PROPERTIES.map((p) => [
            p.name,
            session.systemProperties[p.name] ?? p.defaultValue,
            p.defaultValue,
            p.type,
            p.description,
          ]),
        };
      default: {
        const result =
          (await executeMetadataStatement(statement, session, this.metadata)) ??
          (await executeDataDefinition(statement, session, this.metadata, this.runner));
        if (result) return result;
        throw new TrinoError('NOT_SUPPORTED', `${statement.kind} is not supported yet`, statement.loc);
      }
    }
  }

  /** query() keeps session changes in the engine's defaults (the embedded API has no client to hold them). */
  private applyEffects({ updateType, effects }: SessionStatementResult): QueryResult {
    const d = this.defaults;
    const reset = new Set(effects.resetSessionProperties);
    const deallocated = new Set(effects.deallocatedPreparedStatements);
    this.defaults = {
      ...d,
      ...(effects.setCatalog !== undefined ? { catalog: effects.setCatalog, schema: effects.setSchema } : {}),
      systemProperties: Object.fromEntries(
        Object.entries({ ...d.systemProperties, ...effects.setSessionProperties }).filter(
          ([k]) => !reset.has(k),
        ),
      ),
      preparedStatements: Object.fromEntries(
        Object.entries({ ...d.preparedStatements, ...effects.addedPreparedStatements }).filter(
          ([k]) => !deallocated.has(k),
        ),
      ),
    };
    return { columns: [], rows: [], updateType };
  }

  /**
   * Starts one statement for a front door (the coordinator's query manager). The session is used
   * as given and never changed: session statements report their effects instead. A query's pages
   * are produced as the caller pulls them, so a client that stops reading pauses execution.
   */
  async executeStatement(sql: string, session: Session, signal?: AbortSignal): Promise<StatementExecution> {
    if (this.closed) throw new TrinoError('GENERIC_INTERNAL_ERROR', 'Engine is closed');
    const statement = resolvePreparedStatement(parseStatement(sql), session);
    const sessionResult = await executeSessionStatement(statement, sql, session, this.metadata);
    if (sessionResult)
      return {
        columns: [],
        pages: rowPages([], []),
        updateType: sessionResult.updateType,
        effects: sessionResult.effects,
      };
    if (statement.kind === 'Query') {
      const planned = await this.planner(session).planStatementQuery(statement);
      return {
        columns: planned.columnNames.map((name, i) => ({ name, type: planned.columnTypes[i] })),
        pages: this.pages(planned.root, session, signal ? { signal } : {}),
        effects: {},
      };
    }
    const result = await this.execute(statement, session);
    const columns = result.columns.map((c) => ({ name: c.name, type: parseType(c.type) }));
    return {
      columns,
      pages: rowPages(result.rows, columns),
      ...(result.updateType !== undefined ? { updateType: result.updateType } : {}),
      ...(result.updateCount !== undefined ? { updateCount: result.updateCount } : {}),
      effects: {},
    };
  }

  progress(queryId: string): QueryProgress | undefined {
    return this.options.progress?.(queryId);
  }

  /** Lists a query run outside query() (a front door's) in system.runtime.queries. */
  trackQuery(tracked: TrackedQuery): void {
    this.queries.set(tracked.queryId, tracked);
    if (this.queries.size > LocalQueryEngine.QUERY_HISTORY)
      this.queries.delete(this.queries.keys().next().value!);
  }

  private planner(session: Session): QueryPlanner {
    const resolver: FunctionResolver =
      this.functions?.resolver ??
      ((name, _args, loc) => {
        throw new TrinoError('FUNCTION_NOT_FOUND', `Function '${name}' not registered`, loc);
      });
    return new QueryPlanner(this.metadata, session, resolver);
  }

  private readonly runner: QueryRunner = {
    plan: (query, session) => this.planner(session).planStatementQuery(query),
    pages: (planned, session, castTo) => this.pages(castOutputs(planned, castTo), session),
  };

  private async run(root: PlanNode, session: Session): Promise<unknown[][]> {
    const rows: unknown[][] = [];
    for await (const page of this.pages(root, session)) for (const r of pageRows(page)) rows.push(r);
    return rows;
  }

  /** Runs a plan as fragments and tasks (query-execution.ts). */
  private pages(root: PlanNode, session: Session, options: Partial<ExecutionOptions> = {}): PageStream {
    const splitsPerScan = this.options.splitsPerScan ?? 4;
    return executeQuery(root, session, this.metadata, this.executionContext(session), {
      splitsPerScan,
      ...(this.options.scheduler ? { scheduler: this.options.scheduler } : {}),
      ...options,
    });
  }

  /**
   * The context a task of a query runs in on this node (a worker's SqlTask): this node's
   * catalogs and functions, the query's session, and the query's memory on this node.
   */
  taskContext(session: Session, memory: QueryMemoryContext): ExecutionContext {
    return { ...this.executionContext(session), memory };
  }

  private executionContext(session: Session): ExecutionContext {
    return {
      catalogs: this.catalogs,
      connectorSession: (catalog) => this.metadata.connectorSession(session, catalog),
      evaluation: { timeZone: session.timeZone, startTime: session.startTime, user: session.user },
      ...(this.functions ? { functions: this.functions.binder } : {}),
      splitsPerScan: this.options.splitsPerScan ?? 4,
      memory: new QueryMemoryContext(
        parseDataSize(sessionValue(session.systemProperties, 'query_max_memory_per_node')),
      ),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.catalogs.shutdown();
  }
}

/** The plan's root with its outputs cast to the given types (INSERT and CTAS targets). */
function castOutputs(planned: PlannedQuery, castTo: readonly SqlType[] | undefined): PlanNode {
  const root = planned.root;
  if (!castTo || castTo.every((t, i) => typeEquals(t, root.outputs[i].type))) return root;
  const outputs = root.outputs.map((s, i) => ({ name: `${s.name}_cast`, type: castTo[i] }));
  return {
    kind: 'Project',
    id: -1,
    source: root,
    assignments: root.outputs.map((s, i) => ({
      symbol: outputs[i],
      expression: typeEquals(s.type, castTo[i])
        ? { kind: 'symbol', name: s.name, type: s.type }
        : {
            kind: 'cast',
            value: { kind: 'symbol', name: s.name, type: s.type },
            safe: false,
            type: castTo[i],
          },
    })),
    outputs,
  };
}

/** Materialized rows (metadata statements, DDL) as a page stream of one page. */
async function* rowPages(rows: readonly unknown[][], columns: readonly unknown[]): AsyncIterable<Page> {
  if (rows.length === 0) return;
  yield {
    positionCount: rows.length,
    blocks: columns.map((_, c) => blockFromValues(rows.map((r) => r[c]))),
  };
}

function columns(names: readonly string[], types: readonly SqlType[]): QueryColumn[] {
  return names.map((name, i) => ({ name, type: formatType(types[i]) }));
}
