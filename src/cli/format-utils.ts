/**
 * Value and number formatting shared by the printers and the status line, after the Trino CLI's
 * FormatUtils: `NULL`, `[a, b]`, `{k=v}`, rows as `{name=value}`, varbinary as a hex dump, counts
 * as `1.5K`, sizes as `2.3MB`, elapsed time as `0:13`, and the progress bars.
 */
import { ClientMap, ClientRow, type ClientValue } from './client-values';

export function formatValue(value: ClientValue, nullText = 'NULL', bytesPerLine = 16): string {
  if (value === null) return nullText;
  if (value instanceof Uint8Array) return formatHexDump(value, bytesPerLine);
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v)).join(', ')}]`;
  if (value instanceof ClientMap)
    return `{${value.entries.map(([k, v]) => `${formatValue(k)}=${formatValue(v)}`).join(', ')}}`;
  if (value instanceof ClientRow)
    return `{${value.fields
      .map((f) => (f.name === undefined ? formatValue(f.value) : `${f.name}=${formatValue(f.value)}`))
      .join(', ')}}`;
  return String(value);
}

/** `68 65 6c`, broken into lines of `bytesPerLine` bytes (0: one line). */
export function formatHexDump(bytes: Uint8Array, bytesPerLine = 0): string {
  const pairs = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));
  if (bytesPerLine <= 0) return pairs.join(' ');
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += bytesPerLine) lines.push(pairs.slice(i, i + bytesPerLine).join(' '));
  return lines.join('\n');
}

// East Asian wide and fullwidth ranges of the BMP (Markus Kuhn's wcwidth, which JLine uses)
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3040, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]/u;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g; // eslint-disable-line no-control-regex

/** Terminal columns a string takes: wide CJK characters count 2, combining marks and controls 0. */
export function consoleWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  let n = 0;
  for (const ch of plain) {
    const c = ch.codePointAt(0)!;
    if (c < 0x7f) {
      if (c >= 0x20) n++;
      continue;
    }
    if (c < 0xa0) continue;
    // Java measures UTF-16 units: a character beyond the BMP is two surrogates of width 1
    if (c > 0xffff) n += 2;
    else if (c !== 0xad && ZERO_WIDTH.test(ch)) continue;
    else n += WIDE.some(([lo, hi]) => c >= lo && c <= hi) ? 2 : 1;
  }
  return n;
}

export function maxLineWidth(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) n = Math.max(n, consoleWidth(line));
  return n;
}

/** DecimalFormat `#.##` / `#.#` / `#` with HALF_UP: three significant digits. */
function significant(value: number): string {
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return String(Number(value.toFixed(digits)));
}

export function formatCount(count: number): string {
  let fractional = count;
  let unit = '';
  for (const u of ['K', 'M', 'B', 'T', 'Q']) {
    if (fractional <= 1000) break;
    fractional /= 1000;
    unit = u;
  }
  return significant(fractional) + unit;
}

export function formatDataSize(bytes: number, longForm: boolean): string {
  let fractional = bytes;
  let unit: string | undefined;
  for (const u of ['K', 'M', 'G', 'T', 'P']) {
    if (fractional < 1000) break;
    fractional /= 1000;
    unit = u;
  }
  return significant(fractional) + (unit === undefined ? 'B' : longForm ? `${unit}B` : unit);
}

export function formatCountRate(count: number, millis: number, longForm: boolean): string {
  let rate = count / (millis / 1000);
  if (!Number.isFinite(rate)) rate = 0;
  const text = formatCount(Math.trunc(rate));
  return longForm ? `${text.trimEnd()}/s` : text;
}

export function formatDataRate(bytes: number, millis: number, longForm: boolean): string {
  let rate = Math.round(bytes / (millis / 1000));
  if (!Number.isFinite(rate)) rate = 0;
  let text = formatDataSize(rate, false);
  if (longForm) {
    if (!text.endsWith('B')) text += 'B';
    text += '/s';
  }
  return text;
}

export function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

/** `m:ss` */
export function formatTime(millis: number): string {
  const total = Math.round(millis / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Seconds with two decimals under a minute, `m:ss` from then on. */
export function formatFinalTime(millis: number): string {
  return millis >= 60_000 ? formatTime(millis) : (millis / 1000).toFixed(2);
}

/** The indeterminate bar, a `<=>` marker bouncing left and right one step per tick. */
export function formatBouncingBar(width: number, tick: number): string {
  const marker = 3;
  const range = width - marker;
  let lower = tick % range;
  if (Math.floor(tick / range) % 2 === 1) lower = range - lower;
  return ' '.repeat(lower) + '<=>' + ' '.repeat(width - (lower + marker));
}

const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/** `=` for done, `>` for running, spaces for queued splits; always exactly `width` long. */
export function formatProgressBar(width: number, complete: number, running: number, total: number): string {
  if (total <= 0) return ' '.repeat(width);
  const pending = Math.max(0, total - complete - running);
  let completeLength = Math.min(width, ceilDiv(complete * width, total));
  let pendingLength = Math.min(width, ceilDiv(pending * width, total));
  const minRunning = running > 0 ? 1 : 0;
  let runningLength = Math.max(Math.min(width, ceilDiv(running * width, total)), minRunning);
  if (completeLength + runningLength + pendingLength !== width && pending > 0)
    pendingLength = Math.max(0, width - completeLength - runningLength);
  if (completeLength + runningLength + pendingLength !== width)
    runningLength = Math.max(minRunning, width - completeLength - pendingLength);
  if (completeLength + runningLength + pendingLength > width && complete > 0)
    completeLength = Math.max(0, width - runningLength - pendingLength);
  return '='.repeat(completeLength) + '>'.repeat(runningLength) + ' '.repeat(pendingLength);
}
