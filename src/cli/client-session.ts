/**
 * The client side of a Trino session (Trino's ClientSession): what the CLI sends as X-Trino-*
 * headers on every POST, and how the Set-/Clear-/Added-/Deallocated-* response headers of a
 * finished statement change it. Immutable: applying updates gives a new session.
 */
export interface ClientSession {
  /** `http://host:port` */
  readonly server: string;
  readonly user: string;
  readonly source: string;
  readonly catalog?: string;
  readonly schema?: string;
  readonly path?: string;
  readonly timeZone?: string;
  readonly clientTags?: readonly string[];
  /** System properties by name; catalog properties as `catalog.name`. */
  readonly properties: ReadonlyMap<string, string>;
  readonly preparedStatements: ReadonlyMap<string, string>;
  readonly transactionId?: string;
  readonly authorizationUser?: string;
}

/** What one statement's responses asked the client to change (StatementClientV1's set*, added*, ...). */
export interface SessionUpdates {
  setCatalog?: string;
  setSchema?: string;
  setPath?: string;
  setSessionProperties: Map<string, string>;
  resetSessionProperties: Set<string>;
  addedPreparedStatements: Map<string, string>;
  deallocatedPreparedStatements: Set<string>;
  startedTransactionId?: string;
  clearTransactionId: boolean;
  setAuthorizationUser?: string;
  resetAuthorizationUser: boolean;
}

export function emptyUpdates(): SessionUpdates {
  return {
    setSessionProperties: new Map(),
    resetSessionProperties: new Set(),
    addedPreparedStatements: new Map(),
    deallocatedPreparedStatements: new Set(),
    clearTransactionId: false,
    resetAuthorizationUser: false,
  };
}

// every capability whose effect the CLI decodes (not NUMBER or VARIANT: those change the wire types)
const CAPABILITIES = 'PATH,PARAMETRIC_DATETIME,SESSION_AUTHORIZATION';

/** Request headers for POST /v1/statement. */
export function sessionHeaders(session: ClientSession): Record<string, string> {
  const h: Record<string, string> = {
    'X-Trino-User': session.user,
    'X-Trino-Source': session.source,
    'X-Trino-Client-Capabilities': CAPABILITIES,
    // the presence of the header (even NONE) turns on client transaction support
    'X-Trino-Transaction-Id': session.transactionId ?? 'NONE',
    'User-Agent': 'tessera-cli',
  };
  if (session.authorizationUser !== undefined) {
    h['X-Trino-Original-User'] = session.user;
    h['X-Trino-User'] = session.authorizationUser;
  }
  if (session.catalog !== undefined) h['X-Trino-Catalog'] = session.catalog;
  if (session.schema !== undefined) h['X-Trino-Schema'] = session.schema;
  if (session.path !== undefined) h['X-Trino-Path'] = session.path;
  if (session.timeZone !== undefined) h['X-Trino-Time-Zone'] = session.timeZone;
  if (session.clientTags?.length) h['X-Trino-Client-Tags'] = session.clientTags.join(',');
  const props = [...session.properties].map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  if (props.length > 0) h['X-Trino-Session'] = props.join(',');
  const prepared = [...session.preparedStatements].map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
  );
  if (prepared.length > 0) h['X-Trino-Prepared-Statement'] = prepared.join(',');
  return h;
}

const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));

/** Comma-separated items of a response header; fetch joins repeated header lines with `, `. */
function items(headers: Headers, name: string): string[] {
  const v = headers.get(name);
  return v === null
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

function nameValue(item: string): [string, string] | undefined {
  const eq = item.indexOf('=');
  return eq < 0 ? undefined : [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
}

/** Records the session changes carried by one response's headers. */
export function recordUpdates(headers: Headers, updates: SessionUpdates): void {
  const one = (name: string) => headers.get(name) ?? undefined;
  updates.setCatalog = one('X-Trino-Set-Catalog') ?? updates.setCatalog;
  updates.setSchema = one('X-Trino-Set-Schema') ?? updates.setSchema;
  updates.setPath = one('X-Trino-Set-Path') ?? updates.setPath;
  for (const item of items(headers, 'X-Trino-Set-Session')) {
    const kv = nameValue(item);
    if (kv) updates.setSessionProperties.set(kv[0], decode(kv[1]));
  }
  for (const name of items(headers, 'X-Trino-Clear-Session')) updates.resetSessionProperties.add(name);
  for (const item of items(headers, 'X-Trino-Added-Prepare')) {
    const kv = nameValue(item);
    if (kv) updates.addedPreparedStatements.set(decode(kv[0]), decode(kv[1]));
  }
  for (const name of items(headers, 'X-Trino-Deallocated-Prepare'))
    updates.deallocatedPreparedStatements.add(decode(name));
  updates.startedTransactionId = one('X-Trino-Started-Transaction-Id') ?? updates.startedTransactionId;
  if (one('X-Trino-Clear-Transaction-Id') !== undefined) updates.clearTransactionId = true;
  updates.setAuthorizationUser = one('X-Trino-Set-Authorization-User') ?? updates.setAuthorizationUser;
  if (one('X-Trino-Reset-Authorization-User') !== undefined) updates.resetAuthorizationUser = true;
}

/** The session the next statement runs in (the order of Trino's Console.process). */
export function applyUpdates(session: ClientSession, u: SessionUpdates): ClientSession {
  const properties = new Map(session.properties);
  for (const [k, v] of u.setSessionProperties) properties.set(k, v);
  for (const k of u.resetSessionProperties) properties.delete(k);
  const prepared = new Map(session.preparedStatements);
  for (const [k, v] of u.addedPreparedStatements) prepared.set(k, v);
  for (const k of u.deallocatedPreparedStatements) prepared.delete(k);
  const next: { -readonly [K in keyof ClientSession]: ClientSession[K] } = {
    ...session,
    properties,
    preparedStatements: prepared,
  };
  if (u.setCatalog !== undefined) next.catalog = u.setCatalog;
  if (u.setSchema !== undefined) next.schema = u.setSchema;
  if (u.setPath !== undefined) next.path = u.setPath;
  if (u.startedTransactionId !== undefined) next.transactionId = u.startedTransactionId;
  if (u.clearTransactionId) delete next.transactionId;
  if (u.setAuthorizationUser !== undefined) next.authorizationUser = u.setAuthorizationUser;
  if (u.resetAuthorizationUser) delete next.authorizationUser;
  return next;
}
