/**
 * NodeManager: the coordinator's view of the cluster, from the discovery service (who announced),
 * the failure detector (who answers) and each node's reported state. The scheduler asks it for
 * schedulable nodes; system.runtime.nodes and GET /v1/node show it.
 * A node's state: INACTIVE while failed or not yet heard from, else the state it reports
 * (ACTIVE, DRAINING, DRAINED, SHUTTING_DOWN). Only ACTIVE nodes get new work; a node that
 * answers again is ACTIVE again.
 */
import type { FastifyInstance } from 'fastify';
import { formatDuration } from '../duration';
import type { NodeRow } from '../system-tables';
import type { AnnouncedNode, DiscoveryService } from './discovery-service';
import type { FailureDetector } from './failure-detector';

export type ClusterNodeState = 'ACTIVE' | 'INACTIVE' | 'DRAINING' | 'DRAINED' | 'SHUTTING_DOWN';

export interface ClusterNode {
  readonly nodeId: string;
  readonly uri: string;
  readonly nodeVersion: string;
  readonly coordinator: boolean;
  readonly state: ClusterNodeState;
}

export interface LocalNode {
  readonly nodeId: string;
  readonly uri: () => string;
  readonly nodeVersion: string;
  readonly state: () => string;
}

export class NodeManager {
  constructor(
    private readonly self: LocalNode,
    private readonly discovery: DiscoveryService,
    private readonly detector: FailureDetector,
    private readonly includeCoordinator: boolean,
  ) {}

  /** Remote nodes the failure detector watches: every announced node but this one. */
  monitoredNodes(): AnnouncedNode[] {
    return this.discovery.trinoNodes().filter((n) => n.nodeId !== this.self.nodeId);
  }

  allNodes(): ClusterNode[] {
    const nodes: ClusterNode[] = [
      {
        nodeId: this.self.nodeId,
        uri: this.self.uri(),
        nodeVersion: this.self.nodeVersion,
        coordinator: true,
        state: this.self.state() as ClusterNodeState,
      },
    ];
    for (const announced of this.monitoredNodes()) {
      const n = announced;
      const reported = this.detector.healthOf(n.nodeId)?.reportedState;
      const state: ClusterNodeState =
        this.detector.isFailed(n.nodeId) || !this.detector.hasAnswered(n.nodeId)
          ? 'INACTIVE'
          : ((reported ?? 'ACTIVE') as ClusterNodeState);
      nodes.push({
        nodeId: n.nodeId,
        uri: n.uri,
        nodeVersion: announced.nodeVersion,
        coordinator: announced.coordinator,
        state,
      });
    }
    return nodes.sort(
      (a, b) =>
        Number(b.coordinator) - Number(a.coordinator) ||
        (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0),
    );
  }

  /** Nodes that may get new tasks: active workers, plus this coordinator when included. */
  schedulableNodes(): ClusterNode[] {
    return this.allNodes().filter((n) => n.state === 'ACTIVE' && (!n.coordinator || this.includeCoordinator));
  }

  /** The node is no longer part of the cluster: failed, unknown, or never answered. */
  isGone(nodeId: string): boolean {
    if (nodeId === this.self.nodeId) return false;
    const node = this.allNodes().find((n) => n.nodeId === nodeId);
    return node === undefined || node.state === 'INACTIVE';
  }

  /** Rows for system.runtime.nodes (state in lower case, as Trino shows it). */
  nodeRows(): NodeRow[] {
    return this.allNodes().map((n) => ({
      nodeId: n.nodeId,
      httpUri: n.uri,
      nodeVersion: n.nodeVersion,
      coordinator: n.coordinator,
      state: n.state.toLowerCase(),
    }));
  }

  /** GET /v1/node: Trino's failure-detector statistics per remote node, plus id and state. */
  failureDetectorInfo(): object[] {
    const now = Date.now();
    return this.allNodes()
      .filter((n) => n.nodeId !== this.self.nodeId)
      .map((n) => {
        const h = this.detector.healthOf(n.nodeId);
        const requests = h ? h.recentSuccesses + h.recentFailures : 0;
        return {
          nodeId: n.nodeId,
          uri: n.uri,
          state: n.state,
          coordinator: n.coordinator,
          age: formatDuration(h ? now - h.firstSeen : 0),
          recentFailures: h?.recentFailures ?? 0,
          recentSuccesses: h?.recentSuccesses ?? 0,
          recentRequests: requests,
          recentFailureRatio: requests === 0 ? 0 : (h?.recentFailures ?? 0) / requests,
          lastRequestTime:
            h?.lastRequestTime === undefined ? null : new Date(h.lastRequestTime).toISOString(),
          lastResponseTime:
            h?.lastResponseTime === undefined ? null : new Date(h.lastResponseTime).toISOString(),
          lastFailureInfo: h?.lastFailureInfo ?? null,
          recentFailuresByType: h?.recentFailuresByType ?? {},
        };
      });
  }
}

export async function nodeRoutes(app: FastifyInstance, options: { nodes: NodeManager }): Promise<void> {
  const internal = { internal: true };
  app.get('/v1/node', { config: internal }, async () => options.nodes.failureDetectorInfo());
  app.get('/v1/node/failed', { config: internal }, async () =>
    options.nodes.failureDetectorInfo().filter((n) => (n as { state: string }).state === 'INACTIVE'),
  );
}
