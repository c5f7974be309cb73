/**
 * A throwaway PostgreSQL cluster for benchmarks: initdb in a temporary directory, a server on
 * 127.0.0.1 at a free port with its socket in that directory, removed again by stop(). PostgreSQL
 * refuses to run as root, so as root every server-side command runs as the `postgres` user. The
 * binaries come from PATH or /usr/lib/postgresql/<version>/bin; when missing they are installed
 * with apt-get as root, otherwise this fails naming the Debian packages.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const PACKAGES = ['postgresql', 'postgresql-client'];
const isRoot = process.getuid?.() === 0;

function findBinDir(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return path.dirname(fs.realpathSync(onPath));
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find((d) => fs.existsSync(path.join(d, 'initdb')));
}

function binDir(): string {
  let dir = findBinDir();
  if (!dir && isRoot) {
    console.log(`installing ${PACKAGES.join(' ')} with apt-get …`);
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', ...PACKAGES], { stdio: 'inherit' });
    dir = findBinDir();
  }
  if (!dir)
    throw new Error(`PostgreSQL is not installed: apt-get install -y ${PACKAGES.join(' ')} (as root)`);
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresCluster {
  readonly port: number;
  /** `psql` arguments that connect to the cluster as its superuser. */
  readonly psqlArgs: readonly string[];
  readonly psql: string;
  /** A directory the server can read files from (for server-side COPY … FROM). */
  readonly dir: string;
  /** The server's version, e.g. `15.18`. */
  readonly version: string;
  /** Runs SQL through psql and returns its output. */
  sql(text: string): string;
  /** Starts `psql -c <sql>` with its stdout piped to the caller. */
  spawnPsql(sql: string): ChildProcess;
  stop(): void;
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-pg-'));
  const data = path.join(dir, 'data');
  const asServer = (cmd: string, args: string[]) =>
    isRoot ? (['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const) : ([cmd, args] as const);
  const run = (cmd: string, args: string[]) => {
    const [c, a] = asServer(path.join(bin, cmd), args);
    execFileSync(c, [...a], { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  if (isRoot) {
    const { uid, gid } = fs.statSync('/var/lib/postgresql');
    fs.chownSync(dir, uid, gid);
  }
  fs.chmodSync(dir, 0o755);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB`;
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start']);
  const psql = path.join(bin, 'psql');
  const psqlArgs = ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-X', '-q'];
  const sql = (text: string) =>
    execFileSync(psql, [...psqlArgs, '-At', '-v', 'ON_ERROR_STOP=1', '-c', text], { encoding: 'utf8' });
  return {
    port,
    psql,
    psqlArgs,
    dir,
    version: sql('SHOW server_version').trim().split(' ')[0],
    sql,
    spawnPsql: (sql) => spawn(psql, [...psqlArgs, '-c', sql], { stdio: ['ignore', 'pipe', 'inherit'] }),
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
