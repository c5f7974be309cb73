/**
 * Printing floating-point values the way Trino (that is, the JVM) prints them.
 *
 * - `javaDoubleToString` / `javaFloatToString`: Java's `Double.toString` / `Float.toString`
 *   (shortest round-tripping digits, at least two significant digits, plain notation for
 *   1e-3 <= |x| < 1e7 and `1.0E10` notation otherwise). Trino uses these in error messages
 *   ("Out of range for integer: 2.147483648E9").
 * - `doubleToVarchar` / `realToVarchar`: `CAST(double AS varchar)` and `CAST(real AS varchar)`,
 *   which Trino formats with `DecimalFormat("0.0###################E0")` and
 *   `DecimalFormat("0.0#####E0")` (DoubleOperators / RealOperators.castToVarchar):
 *   `3.77E1`, `1.2E3`, `0E0`, `-0E0`, `NaN`, `Infinity`, `1.234568E7` (real keeps 7 digits,
 *   rounded half-even on the exact binary value).
 */

/** Significant digits (no leading/trailing zeros unless the value is zero) and decimal exponent. */
export interface DecimalDigits {
  /** e.g. "12" */
  readonly digits: string;
  /** value = 0.d1d2d3... x 10^pointPos, i.e. d1.d2d3... x 10^(pointPos-1) */
  readonly pointPos: number;
}

function parseExponential(s: string): DecimalDigits {
  // s like "1.2345e+3" or "5e-324" (no sign: callers pass |x|)
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e).replace('.', '');
  const exp = Number(s.slice(e + 1));
  let digits = mantissa.replace(/0+$/, '');
  if (digits === '') digits = '0';
  return { digits, pointPos: exp + 1 };
}

/**
 * Java's digit selection for Double.toString (JDK 19+): the shortest decimal that rounds to `x`,
 * but with at least two digits — when one digit suffices, the closest two-digit decimal is used
 * (so Double.MIN_VALUE prints as 4.9E-324). `x` must be finite and non-zero; sign is ignored.
 */
export function shortestDoubleDigits(x: number): DecimalDigits {
  const a = Math.abs(x);
  const shortest = parseExponential(a.toExponential());
  if (shortest.digits.length >= 2) return shortest;
  return parseExponential(a.toExponential(1));
}

/** As `shortestDoubleDigits`, for a float32 value (Java's Float.toString). */
export function shortestFloatDigits(x: number): DecimalDigits {
  const a = Math.abs(Math.fround(x));
  for (let p = 1; p <= 9; p++) {
    const s = a.toExponential(p - 1);
    if (Math.fround(Number(s)) === a) {
      return parseExponential(p === 1 ? a.toExponential(1) : s);
    }
  }
  return parseExponential(a.toExponential(8));
}

function javaFormat(x: number, d: DecimalDigits): string {
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  const { digits, pointPos } = d;
  if (a >= 1e-3 && a < 1e7) {
    if (pointPos <= 0) {
      return `${sign}0.${'0'.repeat(-pointPos)}${digits}`;
    }
    if (pointPos >= digits.length) {
      return `${sign}${digits}${'0'.repeat(pointPos - digits.length)}.0`;
    }
    return `${sign}${digits.slice(0, pointPos)}.${digits.slice(pointPos)}`;
  }
  const frac = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${frac}E${pointPos - 1}`;
}

/** Java's `Double.toString(x)`. */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return javaFormat(x, shortestDoubleDigits(x));
}

/** Java's `Float.toString(x)` for a float32 value held in a number. */
export function javaFloatToString(x: number): string {
  const f = Math.fround(x);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return 'Infinity';
  if (f === -Infinity) return '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  return javaFormat(f, shortestFloatDigits(f));
}

/** Exact decimal expansion of a finite non-zero double (every binary fraction is a finite decimal). */
export function exactDoubleDigits(x: number): DecimalDigits {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biasedExp = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biasedExp === 0) {
    exp2 = -1074;
  } else {
    mantissa |= 1n << 52n;
    exp2 = biasedExp - 1075;
  }
  let intDigits: string;
  let pointPos: number;
  if (exp2 >= 0) {
    intDigits = (mantissa << BigInt(exp2)).toString();
    pointPos = intDigits.length;
  } else {
    // x = mantissa * 5^-exp2 / 10^-exp2
    intDigits = (mantissa * 5n ** BigInt(-exp2)).toString();
    pointPos = intDigits.length + exp2;
  }
  const trimmed = intDigits.replace(/0+$/, '');
  return { digits: trimmed === '' ? '0' : trimmed, pointPos };
}

/** Rounds the exact value of |x| to `n` significant digits, half-even (java.text.DecimalFormat). */
function roundHalfEvenSignificant(x: number, n: number): DecimalDigits {
  const exact = exactDoubleDigits(x);
  if (exact.digits.length <= n) return exact;
  const kept = exact.digits.slice(0, n);
  const rest = exact.digits.slice(n);
  let roundUp: boolean;
  if (rest[0] > '5') roundUp = true;
  else if (rest[0] < '5') roundUp = false;
  else if (/[1-9]/.test(rest.slice(1))) roundUp = true;
  else roundUp = (kept.charCodeAt(n - 1) - 48) % 2 === 1;
  if (!roundUp) {
    return { digits: kept.replace(/0+$/, '') || '0', pointPos: exact.pointPos };
  }
  const bumped = (BigInt(kept) + 1n).toString();
  if (bumped.length > n) {
    return { digits: bumped.slice(0, n).replace(/0+$/, '') || '0', pointPos: exact.pointPos + 1 };
  }
  return { digits: bumped.replace(/0+$/, '') || '0', pointPos: exact.pointPos };
}

function scientific(negative: boolean, d: DecimalDigits): string {
  const frac = d.digits.length > 1 ? d.digits.slice(1) : '0';
  return `${negative ? '-' : ''}${d.digits[0]}.${frac}E${d.pointPos - 1}`;
}

/** `CAST(double AS varchar)` text, before any varchar(n) length check. */
export function doubleToVarchar(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === 0) return Object.is(x, -0) ? '-0E0' : '0E0';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  // At most 17 significant digits, within the pattern's 21: no rounding happens.
  return scientific(x < 0, shortestDoubleDigits(x));
}

/** `CAST(real AS varchar)` text, before any varchar(n) length check. */
export function realToVarchar(x: number): string {
  const f = Math.fround(x);
  if (Number.isNaN(f)) return 'NaN';
  if (f === 0) return Object.is(f, -0) ? '-0E0' : '0E0';
  if (f === Infinity) return 'Infinity';
  if (f === -Infinity) return '-Infinity';
  // Trino formats Double.parseDouble(Float.toString(f)) with at most 7 significant digits.
  const viaString = Number(javaFloatToString(f));
  return scientific(f < 0, roundHalfEvenSignificant(viaString, 7));
}
