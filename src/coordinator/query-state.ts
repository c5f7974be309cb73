/** Trino's query states (QueryState) in the order a query passes through them. */
export type QueryState = 'QUEUED' | 'PLANNING' | 'STARTING' | 'RUNNING' | 'FINISHING' | 'FINISHED' | 'FAILED';

export function isDone(state: QueryState): boolean {
  return state === 'FINISHED' || state === 'FAILED';
}

/** Airlift's Duration.toString: the most succinct unit, two decimals (`1.00s`, `150.00ms`, `5.00m`). */
export function formatDuration(millis: number): string {
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ];
  for (const [unit, size] of units) if (millis >= size) return `${(millis / size).toFixed(2)}${unit}`;
  return millis >= 0.001 ? `${(millis * 1000).toFixed(2)}us` : `${(millis * 1e6).toFixed(2)}ns`;
}
