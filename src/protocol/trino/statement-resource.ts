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
  statementStats,
  type ClientColumn,
} from './query-results';
import { encodePageRows, rowEncoders, type ValueEncoder } from './value-encoding';

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
  private lastResponse: Partial<Record<Context, Promise<ProtocolResponse>>> = {};
  private readonly parametricDateTime: boolean;
  private columns: ClientColumn[] | undefined;
  private encoders: ValueEncoder[] | undefined;

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
        stats: statementStats(this.query),
      }),
    );
  }

  /**
   * The response to a GET of `context`/`token`: the cached one for a repeated token, 410 for an
   * older token, 404 for any other than last+1.
   */
  poll(base: string, context: Context, token: number): Promise<ProtocolResponse> {
    const last = this.lastToken[context];
    if (token === last && this.lastResponse[context]) return this.lastResponse[context]!;
    if (token < last) return Promise.resolve(text(410, 'Gone'));
    if (token !== last + 1) return Promise.resolve(text(404, 'Query not found'));
    this.lastToken[context] = token;
    const response = context === 'queued' ? this.queued(base, token) : this.executing(base, token);
    this.lastResponse[context] = response;
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
    if (q.state === 'FAILED' && this.lastToken.executing < 0) return this.finalFailure(base);
    if (q.state === 'QUEUED' || q.state === 'PLANNING')
      return this.json(
        serializeQueryResults({
          id: q.queryId,
          infoUri: this.infoUri(base),
          nextUri: this.uri(base, 'queued', token + 1),
          stats: statementStats(q),
        }),
      );
    return this.json(
      serializeQueryResults({
        id: q.queryId,
        infoUri: this.infoUri(base),
        nextUri: this.uri(base, 'executing', 0),
        stats: statementStats(q),
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
      this.encoders ??= rowEncoders(
        q.columns.map((c) => c.type),
        { parametricDateTime: this.parametricDateTime },
      );
      dataJson = pages.map((p) => encodePageRows(p, this.encoders!, 0, p.positionCount)).join(',');
    }
    if (q.state === 'FAILED') return this.finalFailure(base);
    const finished = q.state === 'FINISHED';
    return this.json(
      serializeQueryResults({
        id: q.queryId,
        infoUri: this.infoUri(base),
        ...(finished ? {} : { nextUri: this.uri(base, 'executing', token + 1) }),
        ...(columns ? { columns } : {}),
        dataJson,
        stats: statementStats(q),
        ...(q.updateType !== undefined ? { updateType: q.updateType } : {}),
        ...(q.updateCount !== undefined && finished ? { updateCount: q.updateCount } : {}),
      }),
      finished ? effectHeaders(this.context.protocol, q.effects) : {},
    );
  }

  private json(body: string, headers: Record<string, string | string[]> = {}): ProtocolResponse {
    return { status: 200, body, headers: { 'content-type': 'application/json', ...headers } };
  }
}

export function text(status: number, message: string): ProtocolResponse {
  return { status, body: message, headers: { 'content-type': 'text/plain' } };
}
