/**
 * The protocol side of one query: the slugs and tokens of its nextUri chain and the cached last
 * response (Trino's Query / QueuedStatementResource / ExecutingStatementResource, §1.2). It turns
 * the query manager's state and pages into QueryResults; it does not plan or execute.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ManagedQuery } from '../../coordinator/managed-query';
import type { RequestSessionContext } from './headers';
import { effectHeaders } from './headers';
import {
  clientColumns,
  queryError,
  serializeQueryResults,
  queuedStats,
  statementStats,
  type ClientColumn,
} from './query-results';
import type { Page } from '../../execution/page';
import { pageEncoder } from './value-encoding';

export type Context = 'queued' | 'executing';

export interface ProtocolResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[]>;
}

/** Long-poll limit of a GET (Trino waits up to 1 s for data or a state change). */
const MAX_WAIT_MS = 1000;
/** About how many bytes of buffered pages one response drains (Trino: ~1 MB of JSON). */
const TARGET_RESPONSE_BYTES = 1 << 20;

export class StatementResource {
  private readonly slugKey = randomBytes(16);
  private lastToken: Record<Context, number> = { queued: 0, executing: -1 };
  /** The executing context's last response (the queued one is recomputed on every GET). */
  private lastResponse: Promise<ProtocolResponse> | undefined;
  /** The executing response without nextUri has gone out: no token follows it. */
  private finalSent = false;
  private readonly parametricDateTime: boolean;
  private columns: ClientColumn[] | undefined;
  private encodePage: ((page: Page) => string) | undefined;
  private updateCount: number | undefined;

  constructor(
    readonly query: ManagedQuery,
    readonly context: RequestSessionContext,
  ) {
    this.parametricDateTime = context.clientCapabilities.includes('PARAMETRIC_DATETIME');
  }

  /** `y` + HMAC-SHA1(context ordinal, token), as Trino's Slug. */
  slug(context: Context, token: number): string {
    const message = Buffer.alloc(12);
    message.writeInt32BE(context === 'queued' ? 0 : 1, 0);
    message.writeBigInt64BE(BigInt(token), 4);
    return 'y' + createHmac('sha1', this.slugKey).update(message).digest('hex');
  }

  isSlugValid(context: Context, slug: string, token: number): boolean {
    return Number.isSafeInteger(token) && token >= 0 && slug === this.slug(context, token);
  }

  uri(base: string, context: Context, token: number): string {
    return `${base}/v1/statement/${context}/${this.query.queryId}/${this.slug(context, token)}/${token}`;
  }

  infoUri(base: string): string {
    return `${base}/ui/query.html?${this.query.queryId}`;
  }

  /** The POST response: QUEUED, no columns or data, nextUri to queued token 1. */
  initialResponse(base: string): ProtocolResponse {
    return this.json(
      serializeQueryResults({
        id: this.query.queryId,
        infoUri: this.infoUri(base),
        nextUri: this.uri(base, 'queued', 1),
        stats: queuedStats(this.query),
      }),
    );
  }

  /**
   * The response to a GET of `context`/`token` whose slug is valid, with Trino's token rules.
   * Queued (QueuedStatementResource): the last token or the next one is answered afresh, anything
   * else is `410 Invalid token`. Executing (Query.getCachedResult): the last token gets the cached
   * response, an older one 410, and one that is not the next, or any after the final response,
   * 404; the last two are bare statuses without a body, as Trino sends them.
   */
  poll(base: string, context: Context, token: number): Promise<ProtocolResponse> {
    const last = this.lastToken[context];
    if (context === 'queued') {
      if (token !== last && token !== last + 1) return Promise.resolve(errorPage(410, 'Invalid token'));
      this.lastToken.queued = token;
      return this.queued(base, token);
    }
    const cached = this.lastResponse;
    if (cached && token === last) {
      this.query.heartbeat();
      return cached;
    }
    if (cached && token < last) return Promise.resolve(bare(410));
    if (this.finalSent || token !== last + 1) return Promise.resolve(bare(404));
    this.lastToken.executing = token;
    const response = this.executing(base, token);
    this.lastResponse = response;
    return response;
  }

  private async queued(base: string, token: number): Promise<ProtocolResponse> {
    const q = this.query;
    q.heartbeat();
    q.start();
    // wait (up to the long-poll limit) for planning to finish or fail, so that syntax and
    // analysis errors come back on this response, as Trino's dispatch errors do
    const deadline = Date.now() + MAX_WAIT_MS;
    while ((q.state === 'QUEUED' || q.state === 'PLANNING') && Date.now() < deadline)
      await q.waitForChange(deadline - Date.now());
    const failed = q.state === 'FAILED' && this.lastToken.executing < 0;
    const waiting = q.state === 'QUEUED' || q.state === 'PLANNING';
    // Trino's queued resource has no columns, and its stats say QUEUED until the query fails
    return this.json(
      serializeQueryResults({
        id: q.queryId,
        infoUri: this.infoUri(base),
        ...(failed
          ? {}
          : { nextUri: waiting ? this.uri(base, 'queued', token + 1) : this.uri(base, 'executing', 0) }),
        stats: queuedStats(q),
        ...(failed ? { error: queryError(q.error!) } : {}),
      }),
    );
  }

  private finalFailure(base: string): ProtocolResponse {
    const q = this.query;
    return this.json(
      serializeQueryResults({
        id: q.queryId,
        infoUri: this.infoUri(base),
        ...(this.clientColumns() ? { columns: this.clientColumns() } : {}),
        stats: statementStats(q),
        error: queryError(q.error!),
      }),
    );
  }

  private clientColumns(): ClientColumn[] | undefined {
    if (this.columns === undefined && this.query.columns !== undefined)
      this.columns = clientColumns(this.query.columns, this.parametricDateTime);
    return this.columns;
  }

  private async executing(base: string, token: number): Promise<ProtocolResponse> {
    const q = this.query;
    const pages = await q.takeResults(MAX_WAIT_MS, TARGET_RESPONSE_BYTES);
    const columns = this.clientColumns();
    let dataJson = '';
    if (pages.length > 0 && q.columns) {
      const encode = (this.encodePage ??= pageEncoder(
        q.columns.map((c) => c.type),
        { parametricDateTime: this.parametricDateTime },
      ));
      dataJson = pages.map((p) => encode(p)).join(',');
    }
    if (q.state === 'FAILED') {
      this.finalSent = true;
      return this.finalFailure(base);
    }
    // a response with rows always names a next one (Trino's Query.getNextResult), so the final
    // response of a query carries no data
    const finished = q.state === 'FINISHED' && dataJson === '';
    if (finished) this.finalSent = true;
    // the update count comes with the row that holds it and stays on every later response
    if (dataJson !== '' && q.updateCount !== undefined) this.updateCount = q.updateCount;
    return this.json(
      serializeQueryResults({
        id: q.queryId,
        infoUri: this.infoUri(base),
        ...(finished ? {} : { nextUri: this.uri(base, 'executing', token + 1) }),
        ...(columns ? { columns } : {}),
        dataJson,
        stats: statementStats(q),
        ...(q.updateType !== undefined ? { updateType: q.updateType } : {}),
        ...(this.updateCount !== undefined ? { updateCount: this.updateCount } : {}),
      }),
      // Trino adds the session changes to every response once the query info carries them
      q.state === 'FINISHED' ? effectHeaders(this.context.protocol, q.effects) : {},
    );
  }

  private json(body: string, headers: Record<string, string | string[]> = {}): ProtocolResponse {
    return { status: 200, body, headers: { 'content-type': 'application/json', ...headers } };
  }
}

export function text(status: number, message: string): ProtocolResponse {
  return { status, body: message, headers: { 'content-type': 'text/plain' } };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The text Trino's ThrowableMapper writes for a JAX-RS BadRequest/NotFound/Gone… exception:
 * `Error 404 Not Found: Query not found`. Errors Trino raises as a WebApplicationException with its
 * own entity (bad headers, the executing resource's "Query not found") are plain `text()`.
 */
export function errorPage(status: number, message: string): ProtocolResponse {
  return text(status, `Error ${status} ${REASONS[status]}: ${message}`);
}

/** A status without a body (WebApplicationException(Status) in Trino). */
export function bare(status: number): ProtocolResponse {
  return { status, body: '', headers: {} };
}
