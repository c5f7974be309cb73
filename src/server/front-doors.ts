/**
 * Where the coordinator mounts its client front doors on its HTTP server. The Trino client
 * protocol (src/protocol/trino) is a fastify plugin over the query manager; it also serves the
 * public GET /v1/info and GET /v1/info/state (a coordinator is always ACTIVE: it refuses drain
 * and shutdown), so the node's own info routes leave those two to it. The PostgreSQL wire
 * protocol listens on its own port (pg-server.port, --pg-port) and is started here too once
 * src/protocol/pg provides a server.
 */
import type { FastifyInstance } from 'fastify';
import type { StatementEngine } from '../coordinator/managed-query';
import { QueryManager } from '../coordinator/query-manager';
import type { LocalEngine } from '../local-engine';
import { registerTrinoProtocol } from '../protocol/trino/plugin';
import type { Logger } from './logging';
import type { NodeConfig } from './node-config';
import { TESSERA_VERSION } from './version';

export interface FrontDoors {
  /** The front doors serve GET /v1/info and /v1/info/state themselves. */
  readonly servesInfo: boolean;
  close(): Promise<void>;
}

function isStatementEngine(engine: LocalEngine): engine is LocalEngine & StatementEngine {
  return typeof (engine as Partial<StatementEngine>).executeStatement === 'function';
}

export async function mountFrontDoors(
  app: FastifyInstance,
  context: { config: NodeConfig; engine: LocalEngine; logger: Logger },
): Promise<FrontDoors> {
  const { config, engine, logger } = context;
  if (!isStatementEngine(engine)) {
    logger.warn('the engine cannot stream statements: the Trino client protocol is not mounted');
    return { servesInfo: false, close: async () => undefined };
  }
  const queryManager = new QueryManager({ engine, maxExecutionTime: config.queryMaxExecutionTimeMs });
  await registerTrinoProtocol(app, {
    queryManager,
    version: TESSERA_VERSION,
    environment: config.environment,
    nodeId: config.nodeId,
  });
  return {
    servesInfo: true,
    close: async () => queryManager.close(),
  };
}
