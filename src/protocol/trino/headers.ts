/**
 * Request headers of the Trino client protocol (ProtocolHeaders, HttpRequestSessionContextFactory;
 * reference/trino-protocol.md §1.4) parsed into a session context, and the X-Trino-Set-* response
 * headers (§1.5) built from a statement's session effects.
 *
 * A malformed header is a 400 with a plain-text message, before any query exists, as in Trino.
 */
import { parseStatement } from '../../sql';
import type { SessionEffects } from '../../session-statements';
import { javaUrlDecode, javaUrlEncode, UrlDecodeError } from '../../functions/java-url-codec';

export class BadRequestError extends Error {}

/** Header names for one protocol prefix (`X-Trino-` or an alternate such as `X-Presto-`). */
export class ProtocolHeaders {
  readonly prefix: string;
  constructor(readonly name: string) {
    this.prefix = `x-${name.toLowerCase()}-`;
  }
  request(suffix: string): string {
    return this.prefix + suffix.toLowerCase();
  }
  /** Response header names keep the canonical spelling clients look for. */
  response(suffix: string): string {
    return `X-${this.name}-${suffix}`;
  }
}

export const TRINO_HEADERS = new ProtocolHeaders('Trino');

export type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** Trino's detectProtocol: the alternate prefix is used when its User header is present. */
export function detectProtocol(headers: Headers, alternateName: string | undefined): ProtocolHeaders {
  if (!alternateName || alternateName.toLowerCase() === 'trino') return TRINO_HEADERS;
  const alternate = new ProtocolHeaders(alternateName);
  if (headers[alternate.request('User')] === undefined) return TRINO_HEADERS;
  if (headers[TRINO_HEADERS.request('User')] !== undefined)
    throw new BadRequestError(`Both Trino and ${alternateName} headers detected`);
  return alternate;
}

export interface SelectedRole {
  readonly type: 'ROLE' | 'ALL' | 'NONE';
  readonly role?: string;
}

export interface RequestSessionContext {
  readonly protocol: ProtocolHeaders;
  readonly user: string;
  readonly originalUser?: string;
  readonly source?: string;
  readonly catalog?: string;
  readonly schema?: string;
  readonly path?: string;
  readonly timeZone?: string;
  readonly language?: string;
  readonly traceToken?: string;
  readonly clientInfo?: string;
  readonly clientTags: readonly string[];
  readonly clientCapabilities: readonly string[];
  readonly userAgent?: string;
  readonly systemProperties: Readonly<Record<string, string>>;
  readonly catalogProperties: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly preparedStatements: Readonly<Record<string, string>>;
  readonly roles: Readonly<Record<string, SelectedRole>>;
  readonly extraCredentials: Readonly<Record<string, string>>;
  readonly resourceEstimates: Readonly<Record<string, string>>;
  readonly transactionId?: string;
  readonly clientTransactionSupport: boolean;
}

function first(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function trimEmptyToUndefined(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

/** Comma-separated items over every line of a header, trimmed, empty items dropped. */
function splitHeader(headers: Headers, name: string): string[] {
  const v = headers[name];
  const lines = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return lines.flatMap((l) => l.split(',').map((s) => s.trim())).filter((s) => s.length > 0);
}

/** `name=urlenc(value),...` (Trino's parseProperty): the value is URL-decoded, the name is not. */
function parseProperty(headers: Headers, name: string, display: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of splitHeader(headers, name)) {
    const parts = item.split('=').map((s) => s.trim());
    if (parts.length !== 2) throw new BadRequestError(`Invalid ${display} header`);
    try {
      out.set(parts[0], javaUrlDecode(parts[1]));
    } catch (e) {
      // Trino formats the exception itself here (its toString, class name included)
      if (e instanceof UrlDecodeError)
        throw new BadRequestError(`Invalid ${display} header: ${e.toString()}`);
      throw e;
    }
  }
  return out;
}

const ROLE_PATTERN = /^(ROLE|ALL|NONE)(\{(.+?)\})?$/;

function parseRole(value: string, display: string): SelectedRole {
  const m = ROLE_PATTERN.exec(value);
  if (!m || (m[1] === 'ROLE') !== (m[3] !== undefined))
    throw new BadRequestError(`Invalid ${display} header`);
  return m[1] === 'ROLE' ? { type: 'ROLE', role: m[3] } : { type: m[1] as 'ALL' | 'NONE' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session context of a POST /v1/statement. `authenticatedUser` comes from Basic auth (insecure
 * mode: a user name, no password).
 */
export function parseSessionContext(
  headers: Headers,
  alternateName: string | undefined,
  authenticatedUser: string | undefined,
): RequestSessionContext {
  const p = detectProtocol(headers, alternateName);
  const h = (suffix: string) => p.request(suffix);
  const display = (suffix: string) => p.response(suffix);

  const catalog = trimEmptyToUndefined(first(headers, h('Catalog')))?.toLowerCase();
  const schema = trimEmptyToUndefined(first(headers, h('Schema')))?.toLowerCase();
  if (schema !== undefined && catalog === undefined)
    throw new BadRequestError('Schema is set but catalog is not');
  const user = trimEmptyToUndefined(first(headers, h('User'))) ?? authenticatedUser;
  if (user === undefined) throw new BadRequestError('User must be set');

  const systemProperties: Record<string, string> = {};
  const catalogProperties: Record<string, Record<string, string>> = {};
  for (const [name, value] of parseProperty(headers, h('Session'), display('Session'))) {
    const parts = name.split('.');
    if (parts.length === 1 && parts[0] !== '') systemProperties[name] = value;
    else if (parts.length === 2 && parts[0] !== '' && parts[1] !== '')
      (catalogProperties[parts[0]] ??= {})[parts[1]] = value;
    else throw new BadRequestError(`Invalid ${display('Session')} header`);
  }

  const roles: Record<string, SelectedRole> = {};
  for (const [name, value] of parseProperty(headers, h('Role'), display('Role')))
    roles[name.toLowerCase() === 'system' ? 'system' : name] = parseRole(value, display('Role'));

  const extraCredentials: Record<string, string> = {};
  for (const [name, value] of parseProperty(headers, h('Extra-Credential'), display('Extra-Credential'))) {
    if (name.startsWith('internal$')) throw new BadRequestError(`Invalid extra credential name: ${name}`);
    extraCredentials[name] = value;
  }

  const resourceEstimates: Record<string, string> = {};
  for (const [name, value] of parseProperty(headers, h('Resource-Estimate'), display('Resource-Estimate'))) {
    const key = name.toUpperCase();
    if (key !== 'EXECUTION_TIME' && key !== 'CPU_TIME' && key !== 'PEAK_MEMORY')
      throw new BadRequestError(`Unsupported resource name ${name}`);
    const valid =
      key === 'PEAK_MEMORY'
        ? /^\s*\d+(\.\d+)?\s*(B|kB|MB|GB|TB|PB)\s*$/.test(value)
        : /^\s*\d+(\.\d+)?\s*(ns|us|ms|s|m|h|d)\s*$/.test(value);
    if (!valid) throw new BadRequestError(`Unsupported format for resource estimate '${value}'`);
    resourceEstimates[key] = value;
  }

  const preparedStatements: Record<string, string> = {};
  const preparedDisplay = display('Prepared-Statement');
  for (const [encodedName, value] of parseProperty(headers, h('Prepared-Statement'), preparedDisplay)) {
    let name: string;
    try {
      name = javaUrlDecode(encodedName);
    } catch (e) {
      // …but only the message for the statement name
      if (e instanceof UrlDecodeError)
        throw new BadRequestError(`Invalid ${preparedDisplay} header: ${e.message}`);
      throw e;
    }
    if (value.startsWith('$zstd:'))
      // Node 20 has no zstd; we never send compressed statements, so a client never echoes one
      throw new BadRequestError(
        `Invalid ${preparedDisplay} header: zstd-compressed statements are not supported`,
      );
    try {
      parseStatement(value);
    } catch (e) {
      throw new BadRequestError(`Invalid ${preparedDisplay} header: ${(e as Error).message}`);
    }
    preparedStatements[name] = value;
  }

  const transactionHeader = first(headers, h('Transaction-Id'));
  const transaction = trimEmptyToUndefined(transactionHeader);
  let transactionId: string | undefined;
  if (transaction !== undefined && transaction.toLowerCase() !== 'none') {
    if (!UUID.test(transaction)) throw new BadRequestError(`Invalid UUID string: ${transaction}`);
    transactionId = transaction.toLowerCase();
  }

  const optional = (suffix: string, trim = false) => {
    const v = first(headers, h(suffix));
    return trim ? trimEmptyToUndefined(v) : v;
  };
  const context: RequestSessionContext = {
    protocol: p,
    user,
    clientTags: splitHeader({ t: first(headers, h('Client-Tags')) }, 't'),
    clientCapabilities: splitHeader({ c: first(headers, h('Client-Capabilities')) }, 'c'),
    systemProperties,
    catalogProperties,
    preparedStatements,
    roles,
    extraCredentials,
    resourceEstimates,
    clientTransactionSupport: transactionHeader !== undefined,
  };
  const extras: Partial<Record<keyof RequestSessionContext, string | undefined>> = {
    originalUser: optional('Original-User', true),
    source: optional('Source'),
    catalog,
    schema,
    path: optional('Path', true),
    timeZone: optional('Time-Zone'),
    language: optional('Language'),
    traceToken: optional('Trace-Token', true),
    clientInfo: optional('Client-Info'),
    userAgent: first(headers, 'user-agent'),
    transactionId,
  };
  for (const [k, v] of Object.entries(extras))
    if (v !== undefined) (context as unknown as Record<string, string>)[k] = v;
  return context;
}

/** X-Trino-Set-* / Clear-* response headers for a finished statement's session effects (§1.5). */
export function effectHeaders(
  p: ProtocolHeaders,
  effects: SessionEffects,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const enc = javaUrlEncode;
  if (effects.setCatalog !== undefined) out[p.response('Set-Catalog')] = effects.setCatalog;
  if (effects.setSchema !== undefined) out[p.response('Set-Schema')] = effects.setSchema;
  const set = Object.entries(effects.setSessionProperties ?? {});
  if (set.length > 0) out[p.response('Set-Session')] = set.map(([k, v]) => `${k}=${enc(v)}`);
  if (effects.resetSessionProperties?.length)
    out[p.response('Clear-Session')] = [...effects.resetSessionProperties];
  const added = Object.entries(effects.addedPreparedStatements ?? {});
  if (added.length > 0) out[p.response('Added-Prepare')] = added.map(([k, v]) => `${enc(k)}=${enc(v)}`);
  if (effects.deallocatedPreparedStatements?.length)
    out[p.response('Deallocated-Prepare')] = effects.deallocatedPreparedStatements.map(enc);
  if (effects.startedTransactionId !== undefined)
    out[p.response('Started-Transaction-Id')] = effects.startedTransactionId;
  if (effects.clearTransactionId) out[p.response('Clear-Transaction-Id')] = 'true';
  return out;
}
