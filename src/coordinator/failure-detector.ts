/**
 * The coordinator's failure detector: pings every announced node's `GET /v1/info` each heartbeat
 * interval (with the internal token), keeps Trino's per-node statistics (recent successes and
 * failures, last request/response times, last failure), and the node's own reported state. A node
 * is failed when it has not answered for `failureTimeoutMs` — Tessera's plain-time version of
 * Trino's decayed failure-ratio threshold — and recovers on its next good answer.
 */
import type { Logger } from '../server/logging';

export interface MonitoredNode {
  readonly nodeId: string;
  readonly uri: string;
}

export interface NodeHealth {
  readonly nodeId: string;
  readonly uri: string;
  readonly firstSeen: number;
  lastRequestTime: number | undefined;
  lastResponseTime: number | undefined;
  recentSuccesses: number;
  recentFailures: number;
  lastFailureInfo: string | undefined;
  recentFailuresByType: Record<string, number>;
  /** ServerInfo.state from the node's last answer (ACTIVE, SHUTTING_DOWN, DRAINING, …). */
  reportedState: string | undefined;
  /** A ping is in flight (pings of one node never overlap). */
  inFlight: boolean;
}

export interface FailureDetectorOptions {
  readonly fetch: (url: string, init?: RequestInit) => Promise<Response>;
  readonly nodes: () => readonly MonitoredNode[];
  readonly heartbeatIntervalMs: number;
  readonly failureTimeoutMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** Statistics decay by this factor per heartbeat so "recent" counts stay recent. */
const DECAY = 0.9;

export class FailureDetector {
  private readonly health = new Map<string, NodeHealth>();
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: FailureDetectorOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.heartbeat(), this.options.heartbeatIntervalMs);
    this.timer.unref();
    this.heartbeat();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One round of pings (also callable directly, e.g. from tests). */
  heartbeat(): Promise<void> {
    const live = this.options.nodes();
    const ids = new Set(live.map((n) => n.nodeId));
    for (const id of this.health.keys()) if (!ids.has(id)) this.health.delete(id);
    const pings: Promise<void>[] = [];
    for (const node of live) {
      let h = this.health.get(node.nodeId);
      if (!h || h.uri !== node.uri) {
        // a new node, or one that came back at another address: fresh statistics
        h = {
          nodeId: node.nodeId,
          uri: node.uri,
          firstSeen: this.now(),
          lastRequestTime: undefined,
          lastResponseTime: undefined,
          recentSuccesses: 0,
          recentFailures: 0,
          lastFailureInfo: undefined,
          recentFailuresByType: {},
          reportedState: undefined,
          inFlight: false,
        };
        this.health.set(node.nodeId, h);
      }
      if (!h.inFlight) pings.push(this.ping(h));
    }
    return Promise.all(pings).then(() => undefined);
  }

  private async ping(h: NodeHealth): Promise<void> {
    h.inFlight = true;
    h.lastRequestTime = this.now();
    const wasFailed = this.isFailed(h.nodeId);
    try {
      const response = await this.options.fetch(`${h.uri}/v1/info`, {
        signal: AbortSignal.timeout(Math.max(this.options.heartbeatIntervalMs, 1000)),
      });
      if (response.status !== 200) throw new HttpStatusError(response.status);
      const info = (await response.json()) as { state?: unknown; nodeId?: unknown };
      if (info.nodeId !== undefined && info.nodeId !== h.nodeId)
        throw new Error(`node at ${h.uri} is ${String(info.nodeId)}, not ${h.nodeId}`);
      h.recentSuccesses = h.recentSuccesses * DECAY + 1;
      h.recentFailures *= DECAY;
      h.lastResponseTime = this.now();
      h.reportedState = typeof info.state === 'string' ? info.state : 'ACTIVE';
      if (wasFailed) this.options.logger.info({ nodeId: h.nodeId, uri: h.uri }, 'node is answering again');
    } catch (e) {
      const type =
        e instanceof HttpStatusError
          ? `HTTP ${e.status}`
          : ((e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name);
      h.recentFailures = h.recentFailures * DECAY + 1;
      h.recentSuccesses *= DECAY;
      h.lastFailureInfo = `${type}: ${(e as Error).message}`;
      h.recentFailuresByType[type] = (h.recentFailuresByType[type] ?? 0) + 1;
      if (!wasFailed && this.isFailed(h.nodeId))
        this.options.logger.warn({ nodeId: h.nodeId, uri: h.uri, error: h.lastFailureInfo }, 'node failed');
    } finally {
      h.inFlight = false;
    }
  }

  /** No answer for the timeout (counting from the first sighting for a node never heard from). */
  isFailed(nodeId: string): boolean {
    const h = this.health.get(nodeId);
    if (!h) return false;
    const since = h.lastResponseTime ?? h.firstSeen;
    return this.now() - since > this.options.failureTimeoutMs;
  }

  /** Known yet never answered: neither failed nor confirmed alive. */
  hasAnswered(nodeId: string): boolean {
    return this.health.get(nodeId)?.lastResponseTime !== undefined;
  }

  healthOf(nodeId: string): Readonly<NodeHealth> | undefined {
    return this.health.get(nodeId);
  }
}

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}
