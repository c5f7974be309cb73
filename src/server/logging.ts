/**
 * Logging: one pino logger per process, JSON lines on stdout (pino's default), with the node's
 * id and role on every line. `log.level` (or --log-level, TESSERA_LOG_LEVEL) picks the level.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { nodeId: string; coordinator: boolean; level?: string }): Logger {
  return pino({
    level: options.level ?? process.env.TESSERA_LOG_LEVEL ?? 'info',
    base: { pid: process.pid, node: options.nodeId, role: options.coordinator ? 'coordinator' : 'worker' },
  });
}

/** A logger that drops everything (tests, embedded use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
