/**
 * Session: who runs a query and in what context (default catalog and schema, time zone, session
 * properties, prepared statements). Built by a front door, read by the planner and connectors.
 */
export interface Session {
  readonly queryId: string;
  readonly user: string;
  readonly catalog?: string;
  readonly schema?: string;
  /** A Trino time zone id: `UTC`, `America/New_York`, `+05:30`. */
  readonly timeZone: string;
  /** Query start, epoch milliseconds (current_timestamp is fixed per query). */
  readonly startTime: number;
  /** System session properties (`SET SESSION name = …`), as strings. */
  readonly systemProperties: Readonly<Record<string, string>>;
  /** Catalog session properties: catalog → name → value. */
  readonly catalogProperties: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Prepared statements by name (SQL text). */
  readonly preparedStatements: Readonly<Record<string, string>>;
  /** The client's open transaction (X-Trino-Transaction-Id), if any. */
  readonly transactionId?: string;
  /** The client manages transactions (it sent X-Trino-Transaction-Id, even `NONE`). */
  readonly clientTransactionSupport?: boolean;
}

let querySequence = 0;

/** Trino-shaped query ids: `20240101_120000_00001_abcde`. */
export function newQueryId(now = new Date()): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  querySequence = (querySequence + 1) % 100000;
  const suffix = Math.random().toString(36).slice(2, 7).padEnd(5, 'a');
  return `${date}_${time}_${pad(querySequence, 5)}_${suffix}`;
}

export function createSession(overrides: Partial<Session> = {}): Session {
  return {
    queryId: newQueryId(),
    user: 'tessera',
    timeZone: 'UTC',
    startTime: Date.now(),
    systemProperties: {},
    catalogProperties: {},
    preparedStatements: {},
    ...overrides,
  };
}
