/**
 * Announcer: tells the coordinator's discovery service this node exists —
 * `PUT {discovery.uri}/v1/announcement/{nodeId}` at start and every announce interval (Trino's
 * shape: service type `trino` with node_version, coordinator and http properties) — and
 * `DELETE`s the announcement when the node leaves. Failures are logged and retried on the next
 * tick; the coordinator may simply not be up yet.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../server/logging';

export interface AnnouncerOptions {
  readonly fetch: (url: string, init?: RequestInit) => Promise<Response>;
  readonly discoveryUri: string;
  readonly nodeId: string;
  readonly environment: string;
  readonly nodeVersion: string;
  readonly coordinator: boolean;
  readonly uri: () => string;
  readonly intervalMs: number;
  readonly logger: Logger;
}

export class Announcer {
  private timer: NodeJS.Timeout | undefined;
  private readonly serviceId = randomUUID();
  private lastOk: boolean | undefined;

  constructor(private readonly options: AnnouncerOptions) {}

  private get url(): string {
    return `${this.options.discoveryUri}/v1/announcement/${encodeURIComponent(this.options.nodeId)}`;
  }

  announcement(): object {
    const o = this.options;
    return {
      environment: o.environment,
      location: `/${o.nodeId}`,
      pool: 'general',
      services: [
        {
          id: this.serviceId,
          type: 'trino',
          properties: { node_version: o.nodeVersion, coordinator: String(o.coordinator), http: o.uri() },
        },
      ],
    };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.announce(), this.options.intervalMs);
    this.timer.unref();
    void this.announce();
  }

  /** One announcement; true when the coordinator accepted it. */
  async announce(): Promise<boolean> {
    let ok = false;
    let detail = '';
    try {
      const response = await this.options.fetch(this.url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(this.announcement()),
        signal: AbortSignal.timeout(Math.max(this.options.intervalMs, 2000)),
      });
      ok = response.status === 202 || response.status === 200;
      detail = ok ? '' : `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (e) {
      detail = (e as Error).message;
    }
    // log transitions only, not every tick
    if (ok !== this.lastOk) {
      if (ok)
        this.options.logger.info({ discoveryUri: this.options.discoveryUri }, 'announced to the coordinator');
      else
        this.options.logger.warn(
          { discoveryUri: this.options.discoveryUri, error: detail },
          'announcement failed',
        );
    }
    this.lastOk = ok;
    return ok;
  }

  /**
   * Stops announcing and, unless told otherwise, removes the announcement (best effort). Without
   * `unannounce` the coordinator keeps the entry until its TTL, as after a crash.
   */
  async stop(unannounce = true): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!unannounce) return;
    try {
      const r = await this.options.fetch(this.url, { method: 'DELETE', signal: AbortSignal.timeout(2000) });
      await r.body?.cancel();
    } catch {
      // the coordinator will expire the announcement
    }
  }
}
