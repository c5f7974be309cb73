/**
 * One Tessera node in this process: its HTTP server, engine and catalogs, node state, and —
 * by role — the coordinator's discovery service, failure detector, node manager and client front
 * doors, or the worker's announcer. The task API's results routes are on every node (a
 * coordinator may run tasks when node-scheduler.include-coordinator is true).
 * It owns no process-level concerns (signals, exit, child processes): see launcher.ts and main.ts.
 */
import type { FastifyInstance } from 'fastify';
import { DiscoveryService, discoveryRoutes } from '../coordinator/discovery-service';
import { FailureDetector } from '../coordinator/failure-detector';
import { NodeManager, nodeRoutes } from '../coordinator/node-manager';
import { resultsRoutes } from '../exchange/results-routes';
import { createLocalEngine } from '../index';
import type { LocalEngine, LocalQueryEngine } from '../local-engine';
import { parseDataSize } from '../data-size';
import { ClusterScheduler } from '../coordinator/cluster-scheduler';
import { TaskTracker } from '../coordinator/task-tracker';
import { sessionValue } from '../session-properties';
import { SqlTask } from '../worker/sql-task';
import { taskRoutes } from '../worker/task-routes';
import { Announcer } from '../worker/announcer';
import { TaskManager } from '../worker/task-manager';
import { type FrontDoors, mountFrontDoors } from './front-doors';
import { createHttpServer } from './http-server';
import { infoRoutes } from './info-routes';
import { InternalAuthenticator, internalFetch } from './internal-auth';
import { type Logger, silentLogger } from './logging';
import { type NodeConfig, nodeUri } from './node-config';
import { NodeStateManager } from './node-state';
import { TESSERA_VERSION } from './version';

export interface TesseraNode {
  readonly config: NodeConfig;
  /** `http://host:port` of this node's HTTP server. */
  readonly uri: string;
  readonly app: FastifyInstance;
  readonly engine: LocalEngine;
  readonly state: NodeStateManager;
  readonly tasks: TaskManager;
  /** The cluster view (coordinator only). */
  readonly nodeManager: NodeManager | undefined;
  /** The announcer (worker only). */
  readonly announcer: Announcer | undefined;
  /** Resolves once the node has stopped (closed, or shut down gracefully). */
  readonly stopped: Promise<void>;
  /** Stops at once: leaves discovery, closes the server and the catalogs. */
  close(): Promise<void>;
}

export interface StartNodeOptions {
  readonly logger?: Logger;
  /** Called after a graceful shutdown (PUT /v1/info/state SHUTTING_DOWN) completed; main exits. */
  readonly onShutdown?: () => void;
}

export async function startNode(config: NodeConfig, options: StartNodeOptions = {}): Promise<TesseraNode> {
  const logger = options.logger ?? silentLogger();
  const auth = config.sharedSecret
    ? new InternalAuthenticator(config.sharedSecret, config.nodeId)
    : undefined;
  const fetchInternal = internalFetch(auth);
  const app = createHttpServer(logger, auth);
  const startedAt = Date.now();
  let uri = '';
  let nodeManager: NodeManager | undefined;
  const taskTracker = new TaskTracker();
  const scheduler = config.coordinator
    ? new ClusterScheduler({
        self: () => ({ nodeId: config.nodeId, uri }),
        nodes: () => nodeManager!.schedulableNodes(),
        isNodeGone: (nodeId) => nodeManager!.isGone(nodeId),
        fetch: fetchInternal,
        remoteTaskMaxErrorMs: config.remoteTaskMaxErrorMs,
        maxWaitForNodesMs: config.requiredWorkersMaxWaitMs,
        coordinatorOnly: (catalog) => engine.catalogs.getCatalog(catalog)?.connector.coordinatorOnly === true,
        onTaskStatus: (queryId, status) => taskTracker.record(queryId, status),
      })
    : undefined;
  const engine = createLocalEngine({
    catalogs: config.catalogs,
    ...(config.coordinator
      ? {
          nodes: () => nodeManager!.nodeRows(),
          tasks: () => taskTracker.taskRows(),
          progress: (queryId: string) => taskTracker.queryProgress(queryId),
          scheduler,
        }
      : {}),
  }) as LocalQueryEngine;
  const tasks = new TaskManager(
    (request, memory) =>
      new SqlTask(request, {
        context: engine.taskContext(request.session, memory),
        fetch: fetchInternal,
        nodeId: config.nodeId,
        self: `${uri}/v1/task/${request.task.taskId}`,
        exchangeMaxErrorMs: config.exchangeMaxErrorMs,
      }),
  );

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let closing: Promise<void> | undefined;
  let announcer: Announcer | undefined;
  let detector: FailureDetector | undefined;

  const close = (): Promise<void> =>
    (closing ??= (async () => {
      tasks.stopAbandonedTaskSweep();
      detector?.stop();
      await announcer?.stop();
      tasks.abortAll();
      await frontDoors?.close();
      await app.close();
      await engine.close();
      resolveStopped();
    })());

  const state = new NodeStateManager({
    coordinator: config.coordinator,
    gracePeriodMs: config.shutdownGracePeriodMs,
    whenIdle: () => {
      tasks.stopAccepting();
      return tasks.whenIdle();
    },
    onShutdown: async () => {
      logger.info('graceful shutdown complete');
      await close();
      options.onShutdown?.();
    },
  });

  const identity = {
    nodeId: config.nodeId,
    environment: config.environment,
    coordinator: config.coordinator,
    uri: () => uri,
    startedAt,
  };

  if (config.coordinator) {
    const discovery = new DiscoveryService(config.environment, config.announcementTtlMs);
    detector = new FailureDetector({
      fetch: fetchInternal,
      nodes: () => manager.monitoredNodes(),
      heartbeatIntervalMs: config.heartbeatIntervalMs,
      failureTimeoutMs: config.failureTimeoutMs,
      logger,
    });
    const manager: NodeManager = new NodeManager(
      { nodeId: config.nodeId, uri: () => uri, nodeVersion: TESSERA_VERSION, state: () => state.state },
      discovery,
      detector,
      config.includeCoordinator,
    );
    nodeManager = manager;
    await app.register(discoveryRoutes, { discovery });
    await app.register(nodeRoutes, { nodes: manager });
  }
  // the client front doors (Trino HTTP protocol; pg wire later) — coordinator only
  const frontDoors: FrontDoors | undefined = config.coordinator
    ? await mountFrontDoors(app, { config, engine, logger })
    : undefined;
  await app.register(infoRoutes, { identity, state, publicInfo: !frontDoors?.servesInfo });
  await app.register(resultsRoutes, { lookup: (taskId: string) => tasks.outputBuffer(taskId) });
  await app.register(taskRoutes, {
    tasks,
    memoryLimit: (request) =>
      Math.min(
        config.queryMaxMemoryPerNode,
        parseDataSize(sessionValue(request.session.systemProperties, 'query_max_memory_per_node')),
      ),
  });

  try {
    await app.listen({ port: config.httpPort, host: config.httpHost });
  } catch (e) {
    // e.g. the port is taken: release what was built before reporting
    await frontDoors?.close();
    await app.close();
    await engine.close();
    throw e;
  }
  const address = app.server.address();
  uri = nodeUri(config.httpHost, typeof address === 'object' && address ? address.port : config.httpPort);
  logger.info({ uri, coordinator: config.coordinator }, 'node started');

  if (detector) detector.start();
  tasks.startAbandonedTaskSweep(config.taskClientTimeoutMs);
  if (!config.coordinator) {
    announcer = new Announcer({
      fetch: fetchInternal,
      discoveryUri: config.discoveryUri!,
      nodeId: config.nodeId,
      environment: config.environment,
      nodeVersion: TESSERA_VERSION,
      coordinator: false,
      uri: () => uri,
      intervalMs: config.announceIntervalMs,
      logger,
    });
    announcer.start();
  }

  return { config, uri, app, engine, state, tasks, nodeManager, announcer, stopped, close };
}
