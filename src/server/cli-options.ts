/**
 * Command-line options of bin/tessera-server (also `npm start`). Every option is optional: with
 * none, the server runs the embedded default (a coordinator plus one local worker per core).
 */
import { TrinoError } from '../errors';

export interface CliOptions {
  /** --etc-dir: a Trino-layout etc directory (default: the package's etc/, else built in). */
  readonly etcDir?: string;
  /** --workers: local worker processes to fork beside the coordinator (0 allowed). */
  readonly workers?: number;
  readonly httpPort?: number;
  readonly pgPort?: number;
  readonly logLevel?: string;
  readonly help: boolean;
}

export const USAGE = `Usage: tessera-server [options]

Runs a Tessera node from an etc directory in Trino's layout (config.properties,
node.properties, catalog/*.properties). A coordinator also starts local worker processes.

Options:
  --etc-dir <dir>     configuration directory (default: the package's etc/)
  --workers <n>       local worker processes beside the coordinator
                      (default: one per core without --etc-dir, else 0)
  --http-port <port>  HTTP port (overrides http-server.http.port; 0 picks a free one)
  --pg-port <port>    PostgreSQL wire protocol port (overrides pg-server.port)
  --log-level <lvl>   trace, debug, info, warn, error, fatal or silent (default info)
  -h, --help          this text
`;

const LOG_LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

function integer(option: string, value: string | undefined, max: number): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) > max)
    throw new TrinoError(
      'CONFIGURATION_INVALID',
      `${option} needs an integer from 0 to ${max}, got ${value ?? 'nothing'}`,
    );
  return Number(value);
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  const out: { -readonly [K in keyof CliOptions]: CliOptions[K] } = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '--etc-dir': {
        const v = value();
        if (!v) throw new TrinoError('CONFIGURATION_INVALID', '--etc-dir needs a directory');
        out.etcDir = v;
        break;
      }
      case '--workers':
        out.workers = integer(name, value(), 64);
        break;
      case '--http-port':
        out.httpPort = integer(name, value(), 65535);
        break;
      case '--pg-port':
        out.pgPort = integer(name, value(), 65535);
        break;
      case '--log-level': {
        const v = value();
        if (!v || !LOG_LEVELS.has(v))
          throw new TrinoError('CONFIGURATION_INVALID', `--log-level: unknown level ${v ?? ''}`);
        out.logLevel = v;
        break;
      }
      case '-h':
      case '--help':
        out.help = true;
        break;
      default:
        throw new TrinoError('CONFIGURATION_INVALID', `Unknown option: ${arg}`);
    }
  }
  return out;
}
