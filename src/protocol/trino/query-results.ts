/**
 * The JSON documents of the client protocol: QueryResults (§1.6), Column (§1.7), StatementStats
 * and StageStats (§1.8), QueryError and FailureInfo (§1.9), and the QueryInfo / BasicQueryInfo
 * of /v1/query (§6). Null fields are omitted, as Trino's NON_ABSENT Jackson mapper does; `data`
 * is spliced in as pre-encoded JSON text (see value-encoding.ts for why).
 */
import type { ManagedQuery, QueryColumn } from '../../coordinator/managed-query';
import { isDone } from '../../coordinator/query-state';
import { TrinoError } from '../../errors';
import { SqlSyntaxError } from '../../sql';
import { formatProtocolType, typeSignature, type ClientTypeSignature } from '../../types';

export interface ClientColumn {
  readonly name: string;
  readonly type: string;
  readonly typeSignature: ClientTypeSignature;
}

export function clientColumns(columns: readonly QueryColumn[], parametricDateTime: boolean): ClientColumn[] {
  const options = { parametricDateTime };
  return columns.map((c) => ({
    name: c.name,
    type: formatProtocolType(c.type, options),
    typeSignature: typeSignature(c.type, options),
  }));
}

export interface ErrorLocation {
  readonly lineNumber: number;
  readonly columnNumber: number;
}

export interface FailureInfo {
  readonly type: string;
  readonly message?: string;
  readonly cause?: FailureInfo;
  readonly suppressed: FailureInfo[];
  readonly stack: string[];
  readonly errorInfo?: { readonly code: number; readonly name: string; readonly type: string };
  readonly errorLocation?: ErrorLocation;
}

export interface QueryError {
  readonly message: string;
  readonly errorCode: number;
  readonly errorName: string;
  readonly errorType: string;
  readonly errorLocation?: ErrorLocation;
  readonly failureInfo: FailureInfo;
}

/** The Java exception class Trino would name (clients only display it). */
function exceptionType(e: TrinoError): string {
  return e instanceof SqlSyntaxError ? 'io.trino.sql.parser.ParsingException' : 'io.trino.spi.TrinoException';
}

function failureInfo(e: unknown): FailureInfo {
  if (e instanceof TrinoError) {
    const location = e.location && { lineNumber: e.location.line, columnNumber: e.location.column };
    return {
      type: exceptionType(e),
      message: e.message,
      ...(e.cause !== undefined ? { cause: failureInfo(e.cause) } : {}),
      suppressed: [],
      stack: stackLines(e),
      errorInfo: { code: e.errorCode.code, name: e.errorCode.name, type: e.errorCode.type },
      ...(location ? { errorLocation: location } : {}),
    };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    type: err.name === 'Error' ? 'java.lang.RuntimeException' : err.name,
    message: err.message,
    suppressed: [],
    stack: stackLines(err),
  };
}

/** Stack frames as strings (Trino sends Java frames; clients only print them). */
function stackLines(e: Error): string[] {
  return (e.stack ?? '')
    .split('\n')
    .slice(1)
    .map((l) => l.trim().replace(/^at /, ''))
    .filter((l) => l.length > 0)
    .slice(0, 20);
}

export function queryError(e: TrinoError): QueryError {
  return {
    message: e.message,
    errorCode: e.errorCode.code,
    errorName: e.errorCode.name,
    errorType: e.errorCode.type,
    ...(e.location
      ? { errorLocation: { lineNumber: e.location.line, columnNumber: e.location.column } }
      : {}),
    failureInfo: failureInfo(e),
  };
}

/** A stage's state as Trino reports it for a query state. */
function stageState(q: ManagedQuery): string {
  switch (q.state) {
    case 'QUEUED':
    case 'PLANNING':
      return 'PLANNED';
    case 'STARTING':
      return 'SCHEDULING';
    case 'RUNNING':
    case 'FINISHING':
      return 'RUNNING';
    case 'FINISHED':
      return 'FINISHED';
    case 'FAILED':
      return q.error?.errorName === 'USER_CANCELED' ? 'ABORTED' : 'FAILED';
  }
}

/**
 * StatementStats. The engine runs a query as one coordinator-side pipeline, so there is one stage
 * with one driver ("split"); processed rows and bytes count result rows and their in-memory size,
 * and peak memory is the peak of the result buffer.
 */
export function statementStats(q: ManagedQuery, now = Date.now()): Record<string, unknown> {
  const s = q.stats;
  const end = s.endTime ?? now;
  const started = s.executionStartTime;
  const hasStage = q.columns !== undefined && q.columns.length > 0;
  const scheduled = hasStage && (q.state === 'RUNNING' || q.state === 'FINISHING' || q.state === 'FINISHED');
  const finished = q.state === 'FINISHED' || q.state === 'FINISHING';
  // on a cluster the tasks' splits; in process the query counts as one split
  const progress = q.progress;
  const splits = progress ? progress.totalSplits : hasStage ? 1 : 0;
  const completed = progress ? progress.completedSplits : hasStage && finished ? 1 : 0;
  const running = progress ? progress.runningSplits : hasStage && q.state === 'RUNNING' ? 1 : 0;
  const wall = started === undefined ? 0 : end - started;
  const stats: Record<string, unknown> = {
    state: q.state,
    queued: q.state === 'QUEUED',
    scheduled,
    ...(scheduled
      ? { progressPercentage: (completed / splits) * 100, runningPercentage: (running / splits) * 100 }
      : {}),
    nodes: progress ? progress.nodes : hasStage && started !== undefined ? 1 : 0,
    totalSplits: splits,
    queuedSplits: hasStage && !scheduled && !isDone(q.state) ? 1 : 0,
    runningSplits: running,
    completedSplits: completed,
    planningTimeMillis: started === undefined ? 0 : (s.planningEndTime ?? end) - started,
    analysisTimeMillis: 0,
    cpuTimeMillis: wall,
    wallTimeMillis: wall,
    queuedTimeMillis: (started ?? end) - s.createTime,
    elapsedTimeMillis: end - s.createTime,
    finishingTimeMillis: 0,
    physicalInputTimeMillis: 0,
    processedRows: s.outputRows,
    processedBytes: s.outputBytes,
    physicalInputBytes: 0,
    physicalWrittenBytes: 0,
    internalNetworkInputBytes: 0,
    peakMemoryBytes: s.peakBufferedBytes,
    spilledBytes: 0,
  };
  if (hasStage)
    stats.rootStage = {
      stageId: '0',
      state: stageState(q),
      done: isDone(q.state),
      nodes: 1,
      totalSplits: splits,
      queuedSplits: 0,
      runningSplits: running,
      completedSplits: completed,
      cpuTimeMillis: wall,
      wallTimeMillis: wall,
      processedRows: s.outputRows,
      processedBytes: s.outputBytes,
      physicalInputBytes: 0,
      failedTasks: q.state === 'FAILED' ? 1 : 0,
      coordinatorOnly: true,
      subStages: [],
    };
  return stats;
}

/**
 * The stats of a queued-resource response (QueuedStatementResource.createQueryResults): QUEUED, or
 * FAILED when the query failed before it was dispatched, with only the elapsed and queued times
 * set; everything else keeps StatementStats' defaults.
 */
export function queuedStats(q: ManagedQuery, now = Date.now()): Record<string, unknown> {
  const s = q.stats;
  const end = s.endTime ?? now;
  const failed = q.state === 'FAILED';
  const zero = { nodes: 0, totalSplits: 0, queuedSplits: 0, runningSplits: 0, completedSplits: 0 };
  return {
    state: failed ? 'FAILED' : 'QUEUED',
    queued: !failed,
    scheduled: false,
    ...zero,
    planningTimeMillis: 0,
    analysisTimeMillis: 0,
    cpuTimeMillis: 0,
    wallTimeMillis: 0,
    queuedTimeMillis: (s.executionStartTime ?? end) - s.createTime,
    elapsedTimeMillis: end - s.createTime,
    finishingTimeMillis: 0,
    physicalInputTimeMillis: 0,
    processedRows: 0,
    processedBytes: 0,
    physicalInputBytes: 0,
    physicalWrittenBytes: 0,
    internalNetworkInputBytes: 0,
    peakMemoryBytes: 0,
    spilledBytes: 0,
  };
}

export interface QueryResultsParts {
  readonly id: string;
  readonly infoUri: string;
  readonly partialCancelUri?: string;
  readonly nextUri?: string;
  readonly columns?: readonly ClientColumn[];
  /** Encoded rows without the surrounding brackets; omitted when empty. */
  readonly dataJson?: string;
  readonly stats: Record<string, unknown>;
  readonly error?: QueryError;
  readonly updateType?: string;
  readonly updateCount?: number;
}

/** QueryResults JSON text, fields in Trino's order, absent fields omitted, `warnings` always present. */
export function serializeQueryResults(r: QueryResultsParts): string {
  const parts: string[] = [`"id":${JSON.stringify(r.id)}`, `"infoUri":${JSON.stringify(r.infoUri)}`];
  if (r.partialCancelUri !== undefined)
    parts.push(`"partialCancelUri":${JSON.stringify(r.partialCancelUri)}`);
  if (r.nextUri !== undefined) parts.push(`"nextUri":${JSON.stringify(r.nextUri)}`);
  if (r.columns !== undefined) parts.push(`"columns":${JSON.stringify(r.columns)}`);
  if (r.dataJson) parts.push(`"data":[${r.dataJson}]`);
  parts.push(`"stats":${JSON.stringify(r.stats)}`);
  if (r.error !== undefined) parts.push(`"error":${JSON.stringify(r.error)}`);
  parts.push(`"warnings":[]`);
  if (r.updateType !== undefined) parts.push(`"updateType":${JSON.stringify(r.updateType)}`);
  if (r.updateCount !== undefined) parts.push(`"updateCount":${r.updateCount}`);
  return `{${parts.join(',')}}`;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

function sessionRepresentation(q: ManagedQuery, source: string | undefined) {
  const s = q.session;
  return {
    queryId: q.queryId,
    ...(s.transactionId ? { transactionId: s.transactionId } : {}),
    clientTransactionSupport: s.clientTransactionSupport ?? false,
    user: s.user,
    ...(source !== undefined ? { source } : {}),
    ...(s.catalog !== undefined ? { catalog: s.catalog } : {}),
    ...(s.schema !== undefined ? { schema: s.schema } : {}),
    timeZoneKey: 0,
    timeZone: s.timeZone,
    systemProperties: s.systemProperties,
    catalogProperties: s.catalogProperties,
    preparedStatements: s.preparedStatements,
    start: iso(s.startTime),
  };
}

function basicQueryStats(q: ManagedQuery, now: number) {
  const s = q.stats;
  const end = s.endTime ?? now;
  return {
    createTime: iso(s.createTime),
    ...(s.endTime !== undefined ? { endTime: iso(s.endTime) } : {}),
    queuedTime: seconds((s.executionStartTime ?? end) - s.createTime),
    elapsedTime: seconds(end - s.createTime),
    executionTime: seconds(s.executionStartTime === undefined ? 0 : end - s.executionStartTime),
    totalDrivers: q.columns?.length ? 1 : 0,
    completedDrivers: q.state === 'FINISHED' && q.columns?.length ? 1 : 0,
    processedInputPositions: s.outputRows,
    outputPositions: s.outputRows,
    outputDataSize: `${s.outputBytes}B`,
    peakUserMemoryReservation: `${s.peakBufferedBytes}B`,
    userMemoryReservation: `${s.bufferedBytes}B`,
    progressPercentage: q.state === 'FINISHED' ? 100 : 0,
  };
}

/** BasicQueryInfo (GET /v1/query). */
export function basicQueryInfo(q: ManagedQuery, self: string, source: string | undefined, now = Date.now()) {
  return {
    queryId: q.queryId,
    session: sessionRepresentation(q, source),
    state: q.state,
    scheduled: q.state === 'RUNNING' || q.state === 'FINISHING' || q.state === 'FINISHED',
    self,
    query: q.sql,
    ...(q.updateType !== undefined ? { updateType: q.updateType } : {}),
    queryStats: basicQueryStats(q, now),
    ...(q.error ? { errorType: q.error.errorType, errorCode: errorCodeJson(q.error) } : {}),
    queryType: q.updateType === undefined ? 'SELECT' : 'DATA_DEFINITION',
    retryPolicy: 'NONE',
  };
}

function errorCodeJson(e: TrinoError) {
  return {
    code: e.errorCode.code,
    name: e.errorCode.name,
    type: e.errorCode.type,
    fatal: e.errorType === 'USER_ERROR',
  };
}

/** QueryInfo (GET /v1/query/{id}): the fields clients read, plus the session changes. */
export function queryInfo(q: ManagedQuery, self: string, source: string | undefined, now = Date.now()) {
  const e = q.effects;
  return {
    ...basicQueryInfo(q, self, source, now),
    fieldNames: q.columns?.map((c) => c.name) ?? [],
    ...(e.setCatalog !== undefined ? { setCatalog: e.setCatalog } : {}),
    ...(e.setSchema !== undefined ? { setSchema: e.setSchema } : {}),
    setSessionProperties: e.setSessionProperties ?? {},
    resetSessionProperties: e.resetSessionProperties ?? [],
    setRoles: {},
    addedPreparedStatements: e.addedPreparedStatements ?? {},
    deallocatedPreparedStatements: e.deallocatedPreparedStatements ?? [],
    ...(e.startedTransactionId !== undefined ? { startedTransactionId: e.startedTransactionId } : {}),
    clearTransactionId: e.clearTransactionId ?? false,
    ...(q.error ? { failureInfo: failureInfo(q.error) } : {}),
    warnings: [],
    finalQueryInfo: isDone(q.state),
    pruned: false,
  };
}
