/**
 * Node information endpoints every node serves (reference/trino-protocol.md §3.1):
 *   GET /v1/info              public: ServerInfo (nodeId, state, nodeVersion, environment, …)
 *   GET /v1/info/state        public: the state as a JSON string
 *   PUT /v1/info/state        internal: "ACTIVE" | "DRAINING" | "SHUTTING_DOWN"; 400 when refused
 *   GET /v1/info/coordinator  200 on the coordinator, 404 on workers (for load balancers)
 *   GET|HEAD /v1/status       internal: NodeStatus, the failure detector's heartbeat target
 * Trino guards the state change with the system-information write privilege; Tessera has no
 * user authentication on this path yet, so it takes the internal bearer token instead.
 */
import type { FastifyInstance } from 'fastify';
import { availableParallelism } from 'node:os';
import { TrinoError } from '../errors';
import { formatDuration } from '../duration';
import { NODE_STATES, type NodeState, type NodeStateManager } from './node-state';
import { TESSERA_VERSION } from './version';

export interface NodeIdentity {
  readonly nodeId: string;
  readonly environment: string;
  readonly coordinator: boolean;
  /** The URI other nodes use to reach this one. */
  readonly uri: () => string;
  readonly startedAt: number;
}

export interface InfoRoutesOptions {
  readonly identity: NodeIdentity;
  readonly state: NodeStateManager;
  /** Serve the public GET /v1/info and /v1/info/state (false when a front door serves them). */
  readonly publicInfo?: boolean;
}

export async function infoRoutes(app: FastifyInstance, options: InfoRoutesOptions): Promise<void> {
  const { identity, state } = options;
  const internal = { internal: true };

  if (options.publicInfo !== false) publicInfoRoutes(app, options);

  app.put<{ Body: unknown }>('/v1/info/state', { config: internal }, async (request, reply) => {
    const target = request.body;
    if (typeof target !== 'string' || !NODE_STATES.includes(target as NodeState))
      return reply
        .code(400)
        .type('text/plain')
        .send(`Invalid state: ${JSON.stringify(target)}`);
    try {
      state.transition(target as NodeState);
    } catch (e) {
      if (e instanceof TrinoError) return reply.code(400).type('text/plain').send(e.message);
      throw e;
    }
    request.log.info({ state: target }, 'node state changed');
    return reply.code(200).send();
  });

  app.get('/v1/info/coordinator', async (_request, reply) =>
    reply.code(identity.coordinator ? 200 : 404).send(),
  );

  const status = () => {
    const memory = process.memoryUsage();
    return {
      nodeId: identity.nodeId,
      nodeVersion: { version: TESSERA_VERSION },
      environment: identity.environment,
      coordinator: identity.coordinator,
      uptime: formatDuration(Date.now() - identity.startedAt),
      externalAddress: identity.uri(),
      internalAddress: identity.uri(),
      processors: availableParallelism(),
      heapUsed: memory.heapUsed,
      heapAvailable: memory.heapTotal,
      nonHeapUsed: memory.rss - memory.heapTotal,
    };
  };
  app.get('/v1/status', { config: internal }, async () => status());
}

function publicInfoRoutes(app: FastifyInstance, { identity, state }: InfoRoutesOptions): void {
  app.get('/v1/info', async () => ({
    nodeId: identity.nodeId,
    state: state.state,
    nodeVersion: { version: TESSERA_VERSION },
    environment: identity.environment,
    coordinator: identity.coordinator,
    starting: false,
    uptime: formatDuration(Date.now() - identity.startedAt),
  }));
  app.get('/v1/info/state', async (_request, reply) =>
    reply.type('application/json').send(JSON.stringify(state.state)),
  );
}
