/**
 * The HTTP server of a node (fastify). Route modules mark internal endpoints with
 * `{ config: { internal: true } }`; when a shared secret is configured, this server's hook refuses
 * such requests without a valid internal bearer token (401, empty text/plain body, as Trino does).
 * Without a secret, internal endpoints are open: fine on loopback, not across hosts.
 */
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Logger } from './logging';
import { INTERNAL_BEARER_HEADER, type InternalAuthenticator } from './internal-auth';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Node-to-node endpoint: needs the internal bearer token when a shared secret is set. */
    internal?: boolean;
  }
  interface FastifyRequest {
    /** The node id of an authenticated internal caller. */
    internalPrincipal?: string;
  }
}

export function createHttpServer(logger: Logger, auth: InternalAuthenticator | undefined): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger,
    // heartbeats and page pulls would flood the log; routes log what matters themselves
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024 * 1024,
    // long-polls (results, task status) hold requests open for seconds
    keepAliveTimeout: 65_000,
  }) as unknown as FastifyInstance;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config?.internal || !auth) return;
    const header = request.headers[INTERNAL_BEARER_HEADER];
    const principal = await auth.verify(typeof header === 'string' ? header : undefined);
    if (principal === undefined) {
      request.log.warn({ url: request.url }, 'internal request without a valid bearer token');
      return reply.code(401).type('text/plain').send('');
    }
    request.internalPrincipal = principal;
  });
  return app;
}
