/**
 * A node's configuration, read from an etc directory in Trino's layout (reference/trino-protocol.md
 * §5.1): config.properties, node.properties and catalog/<name>.properties. Values are checked
 * here, once, with Trino's property names in the messages; an unknown key in config.properties is
 * an error, as in Trino ("Configuration property 'x' was not used"), so a typo never passes
 * silently.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseProperties } from '../catalog/catalog-manager';
import { parseDataSize } from '../data-size';
import { parseDuration } from '../duration';
import { TrinoError } from '../errors';
import type { CatalogConfig } from '../local-engine';

export interface NodeConfig {
  readonly coordinator: boolean;
  /** http-server.http.port; 0 picks a free port. */
  readonly httpPort: number;
  /** http-server.http.host: the address to bind (default 127.0.0.1, loopback only). */
  readonly httpHost: string;
  /** pg-server.port: the PostgreSQL wire protocol port, when that front door is enabled. */
  readonly pgPort: number | undefined;
  /** discovery.uri: the coordinator's URI; a coordinator without one uses its own. */
  readonly discoveryUri: string | undefined;
  readonly includeCoordinator: boolean;
  readonly queryMaxMemory: number;
  readonly queryMaxMemoryPerNode: number;
  readonly queryMaxExecutionTimeMs: number;
  /** internal-communication.shared-secret: when set, internal endpoints demand a signed JWT. */
  readonly sharedSecret: string | undefined;
  /** How often workers announce themselves (discovery.announce-interval, default 5s). */
  readonly announceIntervalMs: number;
  /** Announcements not refreshed for this long are dropped (discovery.announcement-ttl, 30s). */
  readonly announcementTtlMs: number;
  /** How often the coordinator pings each node (failure-detector.heartbeat-interval, 1s). */
  readonly heartbeatIntervalMs: number;
  /** A node unanswered for this long is inactive (failure-detector.timeout, 5s). */
  readonly failureTimeoutMs: number;
  /** A task whose node has not answered for this long fails its query (query.remote-task.max-error-duration). */
  readonly remoteTaskMaxErrorMs: number;
  /** How long a query waits for a schedulable node (query-manager.required-workers-max-wait). */
  readonly requiredWorkersMaxWaitMs: number;
  /** A task its coordinator has not polled for this long is aborted (task.client.timeout, 2m). */
  readonly taskClientTimeoutMs: number;
  /** How long a task's exchange retries a failing upstream task (exchange.max-error-duration). */
  readonly exchangeMaxErrorMs: number;
  /** shutdown.grace-period (Trino: 2m): waits around draining a shutting-down worker. */
  readonly shutdownGracePeriodMs: number;
  readonly nodeId: string;
  readonly environment: string;
  readonly dataDir: string | undefined;
  readonly catalogs: readonly CatalogConfig[];
}

type Parser<T> = (value: string, key: string) => T;

const fail = (key: string, value: string, why: string): never => {
  throw new TrinoError('CONFIGURATION_INVALID', `Invalid configuration property ${key}=${value}: ${why}`);
};

const bool: Parser<boolean> = (v, k) =>
  v === 'true' ? true : v === 'false' ? false : fail(k, v, 'must be true or false');
const port: Parser<number> = (v, k) => {
  const n = Number(v);
  return /^\d+$/.test(v.trim()) && n >= 0 && n <= 65535 ? n : fail(k, v, 'must be a port number (0..65535)');
};
const dataSize: Parser<number> = (v, k) => {
  try {
    return parseDataSize(v);
  } catch (e) {
    return fail(k, v, (e as Error).message);
  }
};
const duration: Parser<number> = (v, k) => {
  try {
    return parseDuration(v);
  } catch (e) {
    return fail(k, v, (e as Error).message);
  }
};
const positiveDuration: Parser<number> = (v, k) => {
  const ms = duration(v, k);
  return ms > 0 ? ms : fail(k, v, 'must be greater than zero');
};
const text: Parser<string> = (v, k) => (v.trim() === '' ? fail(k, v, 'must not be empty') : v.trim());
const uri: Parser<string> = (v, k) => {
  try {
    const u = new URL(v.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') fail(k, v, 'must be an http or https URI');
    return v.trim().replace(/\/+$/, '');
  } catch (e) {
    if (e instanceof TrinoError) throw e;
    return fail(k, v, 'must be a URI');
  }
};

/** config.properties keys this node honours, with their parsers. */
const CONFIG_KEYS = {
  coordinator: bool,
  'http-server.http.port': port,
  'http-server.http.host': text,
  'pg-server.port': port,
  'discovery.uri': uri,
  'node-scheduler.include-coordinator': bool,
  'query.max-memory': dataSize,
  'query.max-memory-per-node': dataSize,
  'query.max-execution-time': positiveDuration,
  'internal-communication.shared-secret': text,
  'discovery.announce-interval': positiveDuration,
  'discovery.announcement-ttl': positiveDuration,
  'failure-detector.heartbeat-interval': positiveDuration,
  'failure-detector.timeout': positiveDuration,
  'shutdown.grace-period': duration,
  'query.remote-task.max-error-duration': positiveDuration,
  'query-manager.required-workers-max-wait': duration,
  'exchange.max-error-duration': positiveDuration,
  'task.client.timeout': positiveDuration,
} as const satisfies Record<string, Parser<unknown>>;

type ConfigKey = keyof typeof CONFIG_KEYS;

const ENVIRONMENT = /^[a-z0-9][_a-z0-9]*$/;
const NODE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const CATALOG_NAME = /^[a-z0-9_][a-z0-9_-]*$/;

/**
 * The configuration from parsed properties. `node` (node.properties) may also be merged into
 * `config`, as Trino allows.
 */
export function nodeConfigFromProperties(
  config: Readonly<Record<string, string>>,
  node: Readonly<Record<string, string>> = {},
  catalogs: readonly CatalogConfig[] = [],
): NodeConfig {
  const all: Record<string, string> = { ...config, ...node };
  const nodeKeys = new Set(['node.id', 'node.environment', 'node.data-dir']);
  const unknown = Object.keys(all).filter((k) => !(k in CONFIG_KEYS) && !nodeKeys.has(k));
  if (unknown.length > 0)
    throw new TrinoError(
      'CONFIGURATION_INVALID',
      `Configuration property '${unknown.sort()[0]}' was not used` +
        (unknown.length > 1 ? ` (also: ${unknown.slice(1).join(', ')})` : ''),
    );
  const get = <K extends ConfigKey>(key: K): ReturnType<(typeof CONFIG_KEYS)[K]> | undefined =>
    all[key] === undefined
      ? undefined
      : (CONFIG_KEYS[key](all[key], key) as ReturnType<(typeof CONFIG_KEYS)[K]>);

  const environment = all['node.environment'] ?? 'tessera';
  if (!ENVIRONMENT.test(environment)) fail('node.environment', environment, 'must match [a-z0-9][_a-z0-9]*');
  const nodeId = all['node.id'] ?? randomUUID();
  if (!NODE_ID.test(nodeId)) fail('node.id', nodeId, 'must match [A-Za-z0-9][A-Za-z0-9_-]*');

  const coordinator = get('coordinator') ?? true;
  const discoveryUri = get('discovery.uri');
  if (!coordinator && discoveryUri === undefined)
    throw new TrinoError('CONFIGURATION_INVALID', 'A worker (coordinator=false) needs discovery.uri');
  const heartbeatIntervalMs = get('failure-detector.heartbeat-interval') ?? 1000;
  const failureTimeoutMs = get('failure-detector.timeout') ?? 5000;
  if (failureTimeoutMs < heartbeatIntervalMs)
    throw new TrinoError(
      'CONFIGURATION_INVALID',
      'failure-detector.timeout must be at least failure-detector.heartbeat-interval',
    );
  for (const c of catalogs)
    if (!CATALOG_NAME.test(c.name))
      throw new TrinoError('CONFIGURATION_INVALID', `Invalid catalog name '${c.name}'`);

  return {
    coordinator,
    httpPort: get('http-server.http.port') ?? 8080,
    httpHost: get('http-server.http.host') ?? '127.0.0.1',
    pgPort: get('pg-server.port'),
    discoveryUri,
    includeCoordinator: get('node-scheduler.include-coordinator') ?? true,
    queryMaxMemory: get('query.max-memory') ?? 20 * 2 ** 30,
    queryMaxMemoryPerNode: get('query.max-memory-per-node') ?? 2 * 2 ** 30,
    queryMaxExecutionTimeMs: get('query.max-execution-time') ?? 100 * 86_400_000,
    sharedSecret: get('internal-communication.shared-secret'),
    announceIntervalMs: get('discovery.announce-interval') ?? 5000,
    announcementTtlMs: get('discovery.announcement-ttl') ?? 30_000,
    heartbeatIntervalMs,
    failureTimeoutMs,
    shutdownGracePeriodMs: get('shutdown.grace-period') ?? 120_000,
    remoteTaskMaxErrorMs: get('query.remote-task.max-error-duration') ?? 60_000,
    requiredWorkersMaxWaitMs: get('query-manager.required-workers-max-wait') ?? 30_000,
    exchangeMaxErrorMs: get('exchange.max-error-duration') ?? 60_000,
    taskClientTimeoutMs: get('task.client.timeout') ?? 120_000,
    nodeId,
    environment,
    dataDir: all['node.data-dir'],
    catalogs,
  };
}

function readProperties(path: string): Record<string, string> {
  try {
    return parseProperties(readFileSync(path, 'utf8'));
  } catch (e) {
    if (e instanceof TrinoError)
      throw new TrinoError('CONFIGURATION_INVALID', `${path}: ${e.message}`, undefined, { cause: e });
    throw new TrinoError('CONFIGURATION_INVALID', `Cannot read ${path}: ${(e as Error).message}`);
  }
}

/** Reads an etc directory: config.properties (required), node.properties, catalog/*.properties. */
export function loadEtcDirectory(dir: string, overrides: Readonly<Record<string, string>> = {}): NodeConfig {
  const configPath = join(dir, 'config.properties');
  if (!existsSync(configPath))
    throw new TrinoError('CONFIGURATION_INVALID', `No config.properties in ${dir}`);
  const config = { ...readProperties(configPath), ...overrides };
  const nodePath = join(dir, 'node.properties');
  const node = existsSync(nodePath) ? readProperties(nodePath) : {};
  const catalogDir = join(dir, 'catalog');
  const catalogs: CatalogConfig[] = existsSync(catalogDir)
    ? readdirSync(catalogDir)
        .filter((f) => f.endsWith('.properties'))
        .sort()
        .map((f) => ({
          name: f.slice(0, -'.properties'.length),
          properties: readProperties(join(catalogDir, f)),
        }))
    : [];
  for (const c of catalogs)
    if (!c.properties['connector.name'])
      throw new TrinoError('CONFIGURATION_INVALID', `Catalog '${c.name}' has no connector.name property`);
  return nodeConfigFromProperties(config, node, catalogs);
}

/** The HTTP URI other nodes reach this node at (bound address and actual port). */
export function nodeUri(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}
