/**
 * The Trino client HTTP protocol as a fastify plugin (reference/trino-protocol.md §1): POST
 * /v1/statement, the queued/executing nextUri chain (GET, HEAD heartbeat, DELETE cancel),
 * /v1/query, /v1/info. It translates HTTP to query-manager calls and back; it does not plan or
 * execute. The server process (src/server) mounts it on its fastify instance.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { QueryManager } from '../../coordinator/query-manager';
import { TrinoError } from '../../errors';
import { BadRequestError, detectProtocol, parseSessionContext, type Headers } from './headers';
import { basicQueryInfo, queryInfo } from './query-results';
import {
  bare,
  errorPage,
  StatementResource,
  text,
  type Context,
  type ProtocolResponse,
} from './statement-resource';

export interface TrinoProtocolOptions {
  readonly queryManager: QueryManager;
  /** `protocol.v1.alternate-header-name`, e.g. `Presto` to accept X-Presto-* headers. */
  readonly alternateHeaderName?: string;
  /** `nodeVersion.version` in /v1/info. */
  readonly version?: string;
  readonly environment?: string;
  readonly nodeId?: string;
  /** Coordinator time zone, used when a client sends no X-Trino-Time-Zone (default UTC). */
  readonly timeZone?: string;
  /** Largest POST body accepted by HTTP (bytes); longer SQL within it fails as QUERY_TEXT_TOO_LARGE. */
  readonly maxRequestBytes?: number;
}

const INSECURE_CHALLENGE = 'Basic realm="Trino"';

export async function registerTrinoProtocol(
  app: FastifyInstance,
  options: TrinoProtocolOptions,
): Promise<void> {
  const manager = options.queryManager;
  const resources = new Map<string, StatementResource>();
  const started = Date.now();

  await app.register(async (scope) => {
    // the body of POST /v1/statement is raw SQL whatever its content type says
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: options.maxRequestBytes ?? 16 * 2 ** 20 },
      (_req, body, done) => done(null, body),
    );

    scope.post('/v1/statement', async (req, reply) => {
      const auth = authenticate(req, options.alternateHeaderName);
      if ('error' in auth) return send(reply, auth.error);
      const sql = typeof req.body === 'string' ? req.body : '';
      // only a truly empty body is refused (isNullOrEmpty); blank SQL fails in the parser
      if (sql === '') return send(reply, errorPage(400, 'SQL statement is empty'));
      let context;
      try {
        context = parseSessionContext(req.headers as Headers, options.alternateHeaderName, auth.user);
      } catch (e) {
        if (e instanceof BadRequestError) return send(reply, text(400, e.message));
        throw e;
      }
      const query = manager.create(sql, {
        user: context.user,
        ...(context.catalog !== undefined ? { catalog: context.catalog } : {}),
        ...(context.schema !== undefined ? { schema: context.schema } : {}),
        timeZone: context.timeZone ?? options.timeZone ?? 'UTC',
        systemProperties: context.systemProperties,
        catalogProperties: context.catalogProperties,
        preparedStatements: context.preparedStatements,
        clientTransactionSupport: context.clientTransactionSupport,
        ...(context.transactionId !== undefined ? { transactionId: context.transactionId } : {}),
      });
      const resource = new StatementResource(query, context);
      resources.set(query.queryId, resource);
      for (const id of resources.keys()) if (!manager.get(id)) resources.delete(id);
      return send(reply, resource.initialResponse(baseUri(req)));
    });

    scope.head('/v1/statement', async (req, reply) => {
      const auth = authenticate(req, options.alternateHeaderName);
      if ('error' in auth) return send(reply, auth.error);
      return reply.code(200).send();
    });

    const lookup = (req: FastifyRequest, context: Context) => {
      const p = req.params as { queryId: string; slug: string; token: string };
      const token = /^\d{1,15}$/.test(p.token) ? Number(p.token) : -1;
      const resource = resources.get(p.queryId);
      if (!resource || !resource.isSlugValid(context, p.slug, token)) return undefined;
      return { resource, token };
    };

    // A bad slug or unknown query: the queued resource throws NotFoundException (rendered by
    // ThrowableMapper), the executing one its own plain "Query not found".
    const notFound = (context: Context) =>
      context === 'queued' ? errorPage(404, 'Query not found') : text(404, 'Query not found');

    for (const context of ['queued', 'executing'] as const) {
      const path = `/v1/statement/${context}/:queryId/:slug/:token`;
      // no user required: the slug authorizes the poll, and presto-client polls without X-*-User
      scope.get(path, { exposeHeadRoute: false }, async (req, reply) => {
        const found = lookup(req, context);
        if (!found) return send(reply, notFound(context));
        return send(reply, await found.resource.poll(baseUri(req), context, found.token));
      });
      scope.head(path, async (req, reply) => {
        const found = lookup(req, context);
        if (!found) return send(reply, bare(404));
        found.resource.query.heartbeat();
        return reply.code(200).send();
      });
      scope.delete(path, async (req, reply) => {
        const found = lookup(req, context);
        if (!found) return send(reply, notFound(context));
        found.resource.query.cancel();
        return reply.code(204).send();
      });
    }

    scope.get('/v1/query', async (req, reply) => {
      const auth = authenticate(req, options.alternateHeaderName);
      if ('error' in auth) return send(reply, auth.error);
      const state = (req.query as { state?: string }).state?.toUpperCase();
      const base = baseUri(req);
      const infos = manager
        .list()
        .filter((q) => state === undefined || q.state === state)
        .map((q) =>
          basicQueryInfo(q, `${base}/v1/query/${q.queryId}`, resources.get(q.queryId)?.context.source),
        );
      return reply.code(200).type('application/json').send(JSON.stringify(infos));
    });

    scope.get('/v1/query/:queryId', async (req, reply) => {
      const auth = authenticate(req, options.alternateHeaderName);
      if ('error' in auth) return send(reply, auth.error);
      const { queryId } = req.params as { queryId: string };
      const q = manager.get(queryId);
      if (!q) return send(reply, bare(410));
      const info = queryInfo(
        q,
        `${baseUri(req)}/v1/query/${queryId}`,
        resources.get(queryId)?.context.source,
      );
      return reply.code(200).type('application/json').send(JSON.stringify(info));
    });

    scope.delete('/v1/query/:queryId', async (req, reply) => {
      manager.cancel((req.params as { queryId: string }).queryId);
      return reply.code(204).send();
    });

    // QueryResource.killQuery / preemptQuery: the body is the operator's message
    const failures = {
      killed: ['ADMINISTRATIVELY_KILLED', 'Query killed.'],
      preempted: ['ADMINISTRATIVELY_PREEMPTED', 'Query preempted.'],
    } as const;
    for (const action of ['killed', 'preempted'] as const)
      scope.put(`/v1/query/:queryId/${action}`, async (req, reply) => {
        const q = manager.get((req.params as { queryId: string }).queryId);
        if (!q) return send(reply, bare(410));
        if (q.done) return send(reply, bare(409));
        const message = typeof req.body === 'string' ? req.body : '';
        const [code, prefix] = failures[action];
        q.fail(new TrinoError(code, `${prefix} ${message ? `Message: ${message}` : 'No message provided.'}`));
        return reply.code(202).send();
      });

    scope.get('/v1/info', async (_req, reply) =>
      reply
        .code(200)
        .type('application/json')
        .send(
          JSON.stringify({
            nodeId: options.nodeId ?? 'tessera-coordinator',
            state: 'ACTIVE',
            nodeVersion: { version: options.version ?? '0.1.0' },
            environment: options.environment ?? 'tessera',
            coordinator: true,
            coordinatorId: manager.ids.coordinatorId,
            starting: false,
            uptime: `${((Date.now() - started) / 60_000).toFixed(2)}m`,
          }),
        ),
    );
    scope.get('/v1/info/state', async (_req, reply) =>
      reply.code(200).type('application/json').send('"ACTIVE"'),
    );

    // infoUri target; only presto-client with `info: true` fetches it (and parses it as JSON)
    scope.get('/ui/query.html', async (req, reply) => {
      const id = Object.keys(req.query as object)[0];
      const q = id === undefined ? undefined : manager.get(id);
      if (!q) return send(reply, bare(410));
      const info = queryInfo(
        q,
        `${baseUri(req)}/v1/query/${q.queryId}`,
        resources.get(q.queryId)?.context.source,
      );
      return reply.code(200).type('application/json').send(JSON.stringify(info));
    });
  });
}

function send(reply: FastifyReply, r: ProtocolResponse): FastifyReply {
  return reply.code(r.status).headers(r.headers).send(r.body);
}

/** Scheme, host and port of the request, plus X-Forwarded-Prefix (Trino's ExternalUriInfo). */
function baseUri(req: FastifyRequest): string {
  const prefix = req.headers['x-forwarded-prefix'];
  const p = typeof prefix === 'string' ? prefix.replace(/\/+$/, '') : '';
  return `${req.protocol}://${req.headers.host ?? `${req.hostname}`}${p}`;
}

/**
 * Insecure authentication (Trino's default): the user comes from Basic auth without a password,
 * X-Trino-Original-User or X-Trino-User. Anything else is a 401 with a Basic challenge.
 */
function authenticate(
  req: FastifyRequest,
  alternateHeaderName: string | undefined,
): { user: string | undefined } | { error: ProtocolResponse } {
  const unauthorized = (message: string) => ({
    error: {
      status: 401,
      body: message,
      headers: { 'content-type': 'text/plain', 'www-authenticate': INSECURE_CHALLENGE },
    },
  });
  const authorization = req.headers.authorization;
  let user: string | undefined;
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    user = colon < 0 ? decoded : decoded.slice(0, colon);
    if (colon >= 0 && decoded.slice(colon + 1) !== '')
      return unauthorized('Password not allowed for insecure authentication');
  }
  let p;
  try {
    p = detectProtocol(req.headers as Headers, alternateHeaderName);
  } catch (e) {
    if (e instanceof BadRequestError) return { error: text(400, e.message) };
    throw e;
  }
  const header = (name: string) => {
    const v = req.headers[p.request(name)];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  if (user === undefined && header('User') === undefined && header('Original-User') === undefined)
    return unauthorized(
      `Basic authentication or ${p.response('Original-User')} or ${p.response('User')} must be sent`,
    );
  return { user };
}
