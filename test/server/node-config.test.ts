import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCliOptions } from '../../src/server/cli-options';
import { localWorkerConfig } from '../../src/server/launcher';
import { loadEtcDirectory, nodeConfigFromProperties } from '../../src/server/node-config';
import { parseDuration } from '../../src/duration';

describe('etc directory loading', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-etc-'));
    mkdirSync(join(dir, 'catalog'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("Trino's layout: config.properties, node.properties, catalog/*.properties", () => {
    writeFileSync(
      join(dir, 'config.properties'),
      [
        '# a worker',
        'coordinator=false',
        'http-server.http.port=8081',
        'discovery.uri=http://coord.example:8080/',
        'node-scheduler.include-coordinator=false',
        'query.max-memory=5GB',
        'query.max-memory-per-node=1.5GB',
        'query.max-execution-time=30m',
        'internal-communication.shared-secret=s3cret',
        'failure-detector.heartbeat-interval=250ms',
        'failure-detector.timeout=3s',
        'shutdown.grace-period=0s',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'node.properties'),
      'node.environment=prod_1\nnode.id=worker-7\nnode.data-dir=/var/tessera\n',
    );
    writeFileSync(join(dir, 'catalog', 'tpch.properties'), 'connector.name=tpch\ntpch.splits-per-node=4\n');
    writeFileSync(join(dir, 'catalog', 'memory.properties'), 'connector.name=memory\n');
    writeFileSync(join(dir, 'catalog', 'README.txt'), 'not a catalog');
    const c = loadEtcDirectory(dir);
    expect(c).toMatchObject({
      coordinator: false,
      httpPort: 8081,
      httpHost: '127.0.0.1',
      discoveryUri: 'http://coord.example:8080',
      includeCoordinator: false,
      queryMaxMemory: 5 * 2 ** 30,
      queryMaxMemoryPerNode: 1.5 * 2 ** 30,
      queryMaxExecutionTimeMs: 30 * 60_000,
      sharedSecret: 's3cret',
      heartbeatIntervalMs: 250,
      failureTimeoutMs: 3000,
      shutdownGracePeriodMs: 0,
      nodeId: 'worker-7',
      environment: 'prod_1',
      dataDir: '/var/tessera',
    });
    expect(c.catalogs).toEqual([
      { name: 'memory', properties: { 'connector.name': 'memory' } },
      { name: 'tpch', properties: { 'connector.name': 'tpch', 'tpch.splits-per-node': '4' } },
    ]);
  });

  test('overrides (--http-port) win over the file; defaults fill the rest', () => {
    writeFileSync(join(dir, 'config.properties'), 'coordinator=true\nhttp-server.http.port=8080\n');
    const c = loadEtcDirectory(dir, { 'http-server.http.port': '0' });
    expect(c.httpPort).toBe(0);
    expect(c.coordinator).toBe(true);
    expect(c.discoveryUri).toBeUndefined();
    expect(c.environment).toBe('tessera');
    expect(c.nodeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.catalogs).toEqual([]);
  });

  test.each([
    ['no config.properties', null, /No config.properties/],
    ['a line that is not a property', 'coordinator=true\n=oops\n', /Invalid property line/],
    [
      'an unknown key (typo)',
      'coordinator=true\nhttp-server.http.prot=8080\n',
      /'http-server.http.prot' was not used/,
    ],
    ['a bad boolean', 'coordinator=yes\n', /coordinator=yes: must be true or false/],
    ['a bad port', 'http-server.http.port=99999\n', /must be a port number/],
    ['a negative port', 'http-server.http.port=-1\n', /must be a port number/],
    ['a bad size', 'query.max-memory=lots\n', /query.max-memory=lots/],
    ['a bad unit', 'query.max-memory=5XB\n', /Unknown unit: XB/],
    ['a bad duration', 'query.max-execution-time=soon\n', /query.max-execution-time=soon/],
    ['a zero heartbeat', 'failure-detector.heartbeat-interval=0s\n', /greater than zero/],
    [
      'timeout below heartbeat',
      'failure-detector.heartbeat-interval=2s\nfailure-detector.timeout=1s\n',
      /at least/,
    ],
    ['a worker without discovery', 'coordinator=false\n', /needs discovery.uri/],
    ['a non-http discovery URI', 'coordinator=false\ndiscovery.uri=ftp://x\n', /http or https/],
    ['a discovery URI that is not one', 'coordinator=false\ndiscovery.uri=::::\n', /must be a URI/],
    ['an empty secret', 'internal-communication.shared-secret=\n', /must not be empty/],
  ])('garbage: %s', (_name, text, message) => {
    if (text !== null) writeFileSync(join(dir, 'config.properties'), text);
    expect(() => loadEtcDirectory(dir)).toThrow(message);
    try {
      loadEtcDirectory(dir);
    } catch (e) {
      expect((e as { errorName?: string }).errorName).toBe('CONFIGURATION_INVALID');
    }
  });

  test('garbage in node.properties and catalogs', () => {
    writeFileSync(join(dir, 'config.properties'), 'coordinator=true\n');
    writeFileSync(join(dir, 'node.properties'), 'node.environment=Prod\n');
    expect(() => loadEtcDirectory(dir)).toThrow(/node.environment=Prod/);
    writeFileSync(join(dir, 'node.properties'), 'node.id=-bad\n');
    expect(() => loadEtcDirectory(dir)).toThrow(/node.id=-bad/);
    writeFileSync(join(dir, 'node.properties'), '');
    writeFileSync(join(dir, 'catalog', 'x.properties'), 'foo=bar\n');
    expect(() => loadEtcDirectory(dir)).toThrow(/Catalog 'x' has no connector.name/);
    rmSync(join(dir, 'catalog', 'x.properties'));
    writeFileSync(join(dir, 'catalog', 'Bad Name.properties'), 'connector.name=tpch\n');
    expect(() => loadEtcDirectory(dir)).toThrow(/Invalid catalog name/);
  });

  test('a local worker inherits the coordinator configuration with its own port and id', () => {
    const coordinator = nodeConfigFromProperties(
      { coordinator: 'true', 'internal-communication.shared-secret': 'x', 'pg-server.port': '5432' },
      { 'node.id': 'coord' },
      [{ name: 'tpch', properties: { 'connector.name': 'tpch' } }],
    );
    const w = localWorkerConfig(coordinator, 'http://127.0.0.1:9999', 2);
    expect(w).toMatchObject({
      coordinator: false,
      httpPort: 0,
      pgPort: undefined,
      discoveryUri: 'http://127.0.0.1:9999',
      nodeId: 'coord-worker-2',
      sharedSecret: 'x',
      catalogs: coordinator.catalogs,
    });
  });
});

describe('command-line options', () => {
  test('every option, both spellings', () => {
    expect(parseCliOptions([])).toEqual({ help: false });
    expect(
      parseCliOptions([
        '--etc-dir',
        '/x',
        '--workers=0',
        '--http-port',
        '0',
        '--pg-port=5433',
        '--log-level',
        'debug',
      ]),
    ).toEqual({ etcDir: '/x', workers: 0, httpPort: 0, pgPort: 5433, logLevel: 'debug', help: false });
    expect(parseCliOptions(['-h']).help).toBe(true);
  });

  test.each([
    [['--workers', 'many'], /--workers needs an integer/],
    [['--workers', '65'], /from 0 to 64/],
    [['--http-port'], /got nothing/],
    [['--http-port', '70000'], /from 0 to 65535/],
    [['--log-level', 'loud'], /unknown level loud/],
    [['--frobnicate'], /Unknown option: --frobnicate/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(message);
  });

  test('durations as airlift writes them', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1.50s')).toBe(1500);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(() => parseDuration('5 parsecs')).toThrow(/Unknown time unit/);
    expect(() => parseDuration('')).toThrow();
  });
});
