/**
 * Proleptic Gregorian calendar arithmetic on plain integers (no Date objects, so no ±275 760-year
 * limit): the same calendar java.time and Joda use, with a year 0 (1 BC) and negative years.
 */

export const MILLIS_PER_SECOND = 1000;
export const MILLIS_PER_MINUTE = 60_000;
export const MILLIS_PER_HOUR = 3_600_000;
export const MILLIS_PER_DAY = 86_400_000;
export const SECONDS_PER_DAY = 86_400;
export const NANOS_PER_DAY = 86_400_000_000_000;
export const PICOS_PER_SECOND = 1_000_000_000_000n;
export const PICOS_PER_DAY = 86_400n * PICOS_PER_SECOND;
export const PICOS_PER_MICRO = 1_000_000n;
export const PICOS_PER_MILLI = 1_000_000_000n;
export const PICOS_PER_NANO = 1000n;

export interface CivilDate {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 of a (valid) civil date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Floor division and modulo for numbers. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}
export function floorMod(a: number, b: number): number {
  const m = a % b;
  return m !== 0 && m < 0 !== b < 0 ? m + b : m + 0;
}

export function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
export function bigFloorMod(a: bigint, b: bigint): bigint {
  const m = a % b;
  return m !== 0n && m < 0n !== b < 0n ? m + b : m;
}

/** Rounds `value` to a multiple of `factor`, halves toward +infinity (Trino's DateTimes.roundDiv). */
export function bigRoundToMultiple(value: bigint, factor: bigint): bigint {
  if (factor === 1n) return value;
  return bigFloorDiv(value + factor / 2n, factor) * factor;
}

export function pad(n: number | bigint, width: number): string {
  const s = (typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n)).toString();
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

export const POWERS_OF_TEN_BIG: readonly bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));
