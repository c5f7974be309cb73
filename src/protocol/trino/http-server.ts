/**
 * A fastify server with only the Trino client protocol on it, for tests and embedding. The real
 * coordinator process (src/server) builds its own fastify instance and registers the plugin.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { QueryManager, type QueryManagerOptions } from '../../coordinator/query-manager';
import { registerTrinoProtocol, type TrinoProtocolOptions } from './plugin';

export interface CoordinatorHttpServer {
  readonly app: FastifyInstance;
  readonly queryManager: QueryManager;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

export async function createCoordinatorHttpServer(
  options: QueryManagerOptions &
    Omit<TrinoProtocolOptions, 'queryManager'> & {
      readonly host?: string;
      readonly port?: number;
      readonly logger?: boolean;
    },
): Promise<CoordinatorHttpServer> {
  const app = Fastify({ logger: options.logger ?? false });
  const queryManager = new QueryManager(options);
  await registerTrinoProtocol(app, { ...options, queryManager });
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    app,
    queryManager,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    async close() {
      queryManager.close();
      await app.close();
    },
  };
}
