/**
 * Durations as Trino's configuration and headers write them (airlift's Duration: `500ms`, `2.00s`,
 * `5m`, `1h`, `1.5d`; also `ns` and `us`), for config properties and X-Trino-Max-Wait.
 */
const UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const DURATION_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/;

/** Milliseconds denoted by a duration string. Throws a plain Error with airlift's message. */
export function parseDuration(text: string): number {
  const m = DURATION_PATTERN.exec(text);
  if (!m) throw new Error(`duration is not a valid data duration string: ${text}`);
  const factor = UNITS[m[2]];
  if (factor === undefined) throw new Error(`Unknown time unit: ${m[2]}`);
  return Number(m[1]) * factor;
}

/** A duration the way airlift prints it in the most fitting unit (`1.50s`, `5.43m`). */
export function formatDuration(millis: number): string {
  if (millis < 1000) return `${millis.toFixed(2)}ms`;
  if (millis < 60_000) return `${(millis / 1000).toFixed(2)}s`;
  if (millis < 3_600_000) return `${(millis / 60_000).toFixed(2)}m`;
  if (millis < 86_400_000) return `${(millis / 3_600_000).toFixed(2)}h`;
  return `${(millis / 86_400_000).toFixed(2)}d`;
}
