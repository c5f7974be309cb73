/**
 * The discovery service embedded in the coordinator (airlift's dynamic announcements, as Trino's
 * AIRLIFT_DISCOVERY mode uses them; reference/trino-protocol.md §3.1):
 *   PUT    /v1/announcement/{nodeId}  a node's announcement (JSON below); 202
 *   DELETE /v1/announcement/{nodeId}  the node leaves; 200
 *   GET    /v1/service/{type}         the announced services of a type (`trino`)
 * Announcement: {environment, location, pool, services: [{id, type: "trino", properties:
 * {node_version, coordinator, http}}]}. A node from another environment is refused (400).
 * Entries not refreshed within the TTL expire, so a node that died unannounced is forgotten.
 */
import type { FastifyInstance } from 'fastify';

export interface ServiceAnnouncement {
  readonly id: string;
  readonly type: string;
  readonly properties: Readonly<Record<string, string>>;
}

export interface Announcement {
  readonly environment: string;
  readonly location?: string;
  readonly pool?: string;
  readonly services: readonly ServiceAnnouncement[];
}

/** What the coordinator knows of an announced Trino node. */
export interface AnnouncedNode {
  readonly nodeId: string;
  readonly uri: string;
  readonly nodeVersion: string;
  readonly coordinator: boolean;
  readonly lastAnnounced: number;
  readonly firstAnnounced: number;
}

export class DiscoveryService {
  private readonly announcements = new Map<
    string,
    { announcement: Announcement; at: number; first: number }
  >();

  constructor(
    readonly environment: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an announcement; returns an error message when it is refused. */
  announce(nodeId: string, announcement: Announcement): string | undefined {
    if (!announcement || typeof announcement !== 'object' || !Array.isArray(announcement.services))
      return 'Invalid announcement';
    if (announcement.environment !== this.environment)
      return `Environment mismatch. Expected: ${this.environment}, Provided: ${announcement.environment}`;
    const previous = this.announcements.get(nodeId);
    this.announcements.set(nodeId, { announcement, at: this.now(), first: previous?.first ?? this.now() });
    return undefined;
  }

  unannounce(nodeId: string): boolean {
    return this.announcements.delete(nodeId);
  }

  /** Live (unexpired) Trino nodes, by node id. */
  trinoNodes(): AnnouncedNode[] {
    this.expire();
    const out: AnnouncedNode[] = [];
    for (const [nodeId, entry] of this.announcements) {
      const service = entry.announcement.services.find((s) => s.type === 'trino');
      const uri = service?.properties.http ?? service?.properties.https;
      if (!service || !uri) continue;
      out.push({
        nodeId,
        uri: uri.replace(/\/+$/, ''),
        nodeVersion: service.properties.node_version ?? 'unknown',
        coordinator: service.properties.coordinator === 'true',
        lastAnnounced: entry.at,
        firstAnnounced: entry.first,
      });
    }
    return out;
  }

  services(type: string): object[] {
    this.expire();
    const out: object[] = [];
    for (const [nodeId, { announcement }] of this.announcements)
      for (const s of announcement.services)
        if (s.type === type)
          out.push({
            id: s.id,
            nodeId,
            type: s.type,
            pool: announcement.pool ?? 'general',
            location: announcement.location ?? `/${nodeId}`,
            properties: s.properties,
          });
    return out;
  }

  private expire(): void {
    const limit = this.now() - this.ttlMs;
    for (const [nodeId, entry] of this.announcements) if (entry.at < limit) this.announcements.delete(nodeId);
  }
}

export async function discoveryRoutes(
  app: FastifyInstance,
  options: { discovery: DiscoveryService },
): Promise<void> {
  const { discovery } = options;
  const internal = { internal: true };
  app.put<{ Params: { nodeId: string }; Body: Announcement }>(
    '/v1/announcement/:nodeId',
    { config: internal },
    async (request, reply) => {
      const error = discovery.announce(request.params.nodeId, request.body);
      if (error) return reply.code(400).type('text/plain').send(error);
      return reply.code(202).send();
    },
  );
  app.delete<{ Params: { nodeId: string } }>(
    '/v1/announcement/:nodeId',
    { config: internal },
    async (request, reply) => {
      discovery.unannounce(request.params.nodeId);
      request.log.info({ nodeId: request.params.nodeId }, 'node left discovery');
      return reply.code(200).send();
    },
  );
  app.get<{ Params: { type: string } }>('/v1/service/:type', { config: internal }, async (request) => ({
    environment: discovery.environment,
    services: discovery.services(request.params.type),
  }));
}
