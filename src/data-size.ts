/**
 * Data sizes as Trino's configuration writes them (airlift's DataSize: `128MB`, `1.5GB`, `512kB`;
 * binary multiples, case-sensitive unit names), for catalog properties, node config and session
 * properties.
 */
const DATA_SIZE_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  kB: 2 ** 10,
  MB: 2 ** 20,
  GB: 2 ** 30,
  TB: 2 ** 40,
  PB: 2 ** 50,
};

const DATA_SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/;

/**
 * Bytes denoted by a data size string, as airlift's `DataSize.valueOf(s).toBytes()`. Throws a
 * plain Error with airlift's message; callers wrap it with the property name.
 */
export function parseDataSize(text: string): number {
  if (text.length === 0) throw new Error('size is empty');
  const m = DATA_SIZE_PATTERN.exec(text);
  if (!m) throw new Error(`size is not a valid data size string: ${text}`);
  const factor = DATA_SIZE_UNITS[m[2]];
  if (factor === undefined) throw new Error(`Unknown unit: ${m[2]}`);
  const bytes = Math.round(Number(m[1]) * factor);
  if (!Number.isSafeInteger(bytes)) throw new Error(`size is too large: ${text}`);
  return bytes;
}

/** A byte count the way Trino prints sizes in messages (`1.05MB`, `64.00kB`). */
export function formatDataSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value}B` : `${value.toFixed(2)}${units[unit]}`;
}
