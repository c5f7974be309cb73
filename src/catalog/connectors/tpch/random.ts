/**
 * The random number streams of TPC-H dbgen.
 *
 * Every generated column draws from its own stream, seeded with a fixed constant. A stream is
 * the Park–Miller "minimal standard" generator (seed' = seed * 16807 mod 2^31-1) and is charged
 * a fixed number of draws per row: when a row is finished the stream skips whatever it did not
 * use, so row N always starts at seed * 16807^(N * drawsPerRow). That is what lets a split
 * start in the middle of a table: it jumps the stream forward by exponentiation instead of
 * generating the rows before it.
 *
 * Above scale factor 30000 a few key columns switch to a 64-bit LCG (`RandomLong64`), kept
 * bit-for-bit with Java `long` overflow semantics by using BigInt (slow, but only there).
 *
 * Values are plain numbers: every seed is below 2^31 and every product below 2^46, so float64
 * arithmetic is exact. Nothing here allocates per draw.
 */

const MULTIPLIER = 16807;
const MODULUS = 2147483647; // 2^31 - 1
const TWO_POW_31 = 2147483648;

/**
 * x mod (2^31 - 1) for 0 ≤ x < 2^53, without a floating-point `%` (several times slower):
 * 2^31 ≡ 1, so x = high·2^31 + low ≡ high + low, which is below 2·(2^31 - 1).
 */
function reduce(x: number): number {
  // exact: division by a power of two; below 2^22, so `| 0` floors it (and, unlike `Math`,
  // needs no global lookup, which is slow inside a vm context such as jest's)
  const high = (x / TWO_POW_31) | 0;
  const r = x - high * TWO_POW_31 + high;
  return r >= MODULUS ? r - MODULUS : r;
}

/** The next seed: seed · 16807 mod (2^31 - 1). */
function step(seed: number): number {
  return reduce(seed * MULTIPLIER); // < 2^46
}

/** (a · b) mod (2^31 - 1) for 0 ≤ a, b < 2^31, whose product would not fit a float64 exactly. */
export function mulMod31(a: number, b: number): number {
  const bHigh = b >>> 16;
  const bLow = b & 0xffff;
  // a·bHigh < 2^46; its residue · 2^16 < 2^47; plus a·bLow < 2^47: all exact
  return reduce(reduce(a * bHigh) * 65536 + a * bLow);
}

/** 16807^k mod (2^31 - 1) for the short skips that end every row. */
const SKIP_MULTIPLIERS = new Float64Array(128);
SKIP_MULTIPLIERS[0] = 1;
for (let k = 1; k < SKIP_MULTIPLIERS.length; k++) SKIP_MULTIPLIERS[k] = step(SKIP_MULTIPLIERS[k - 1]);

/** seed · 16807^count mod (2^31 - 1): the state after `count` draws (none if count ≤ 0). */
export function skipSeed(seed: number, count: number): number {
  if (count <= 0) return seed;
  if (count < SKIP_MULTIPLIERS.length) return mulMod31(seed, SKIP_MULTIPLIERS[count]);
  let multiplier = MULTIPLIER;
  while (count > 0) {
    if (count % 2 !== 0) seed = mulMod31(multiplier, seed);
    count = (count - (count % 2)) / 2;
    multiplier = mulMod31(multiplier, multiplier);
  }
  return seed;
}

/**
 * One dbgen random stream with a fixed number of draws per row.
 *
 * `nextInt(low, high)` keeps dbgen's arithmetic exactly, including its quirk that the range
 * `high - low + 1` is computed in 32-bit integers: `nextInt(0, 2^31 - 1)` overflows to a
 * negative range and returns values in (-2^31, 0], which the address generator relies on.
 */
export class RandomInt {
  private seed: number;
  private usage = 0;

  constructor(
    seed: number,
    private readonly drawsPerRow: number,
  ) {
    this.seed = seed;
  }

  nextInt(low: number, high: number): number {
    this.seed = step(this.seed);
    this.usage++;
    const range = (high - low + 1) | 0;
    // (int) cast of the scaled value: truncation toward zero, always within int32 here
    return (low + (((this.seed / MODULUS) * range) | 0)) | 0;
  }

  /** Skips the draws this row did not use, so the next row starts where dbgen's does. */
  rowFinished(): void {
    this.seed = skipSeed(this.seed, this.drawsPerRow - this.usage);
    this.usage = 0;
  }

  /** Jumps over `rowCount` whole rows (after finishing the current one). */
  advanceRows(rowCount: number): void {
    if (this.usage !== 0) this.rowFinished();
    this.seed = skipSeed(this.seed, this.drawsPerRow * rowCount);
  }
}

/** A stream that always draws from the same inclusive range. */
export class RandomBoundedInt extends RandomInt {
  constructor(
    seed: number,
    private readonly low: number,
    private readonly high: number,
    drawsPerRow = 1,
  ) {
    super(seed, drawsPerRow);
  }

  next(): number {
    return this.nextInt(this.low, this.high);
  }
}

const LONG_MULTIPLIER = 6364136223846793005n;
const BIG_MODULUS = BigInt(MODULUS);

/**
 * dbgen's 64-bit stream (used for customer and part keys from scale factor 30000 up), with
 * Java `long` wrap-around. dbgen advances it with the 31-bit skip arithmetic applied to the
 * 64-bit seed, overflow included; this reproduces that too.
 */
export class RandomLong64 {
  private seed: bigint;
  private usage = 0;

  constructor(
    seed: number,
    private readonly drawsPerRow: number,
  ) {
    this.seed = BigInt(seed);
  }

  nextLong(low: number, high: number): number {
    this.seed = BigInt.asIntN(64, this.seed * LONG_MULTIPLIER + 1n);
    this.usage++;
    // Java Math.abs(Long.MIN_VALUE) stays negative; asIntN keeps that
    const abs = BigInt.asIntN(64, this.seed < 0n ? -this.seed : this.seed);
    return low + Number(abs % BigInt(high - low + 1));
  }

  rowFinished(): void {
    this.skip(this.drawsPerRow - this.usage);
    this.usage = 0;
  }

  advanceRows(rowCount: number): void {
    if (this.usage !== 0) this.rowFinished();
    this.skip(this.drawsPerRow * rowCount);
  }

  private skip(count: number): void {
    let multiplier = BigInt(MULTIPLIER);
    while (count > 0) {
      if (count % 2 !== 0) this.seed = BigInt.asIntN(64, multiplier * this.seed) % BIG_MODULUS;
      count = Math.floor(count / 2);
      multiplier = (multiplier * multiplier) % BIG_MODULUS;
    }
  }
}

/**
 * A key stream: 31-bit below scale factor 30000, 64-bit from there on, as dbgen switches.
 */
export class RandomBoundedKey {
  private readonly small: RandomInt | null;
  private readonly large: RandomLong64 | null;
  /** The 31-bit path takes its bounds as Java `int`s (low 32 bits), as dbgen does. */
  private readonly intLow: number;
  private readonly intHigh: number;

  constructor(
    seed: number,
    use64Bits: boolean,
    private readonly low: number,
    private readonly high: number,
    drawsPerRow = 1,
  ) {
    this.small = use64Bits ? null : new RandomInt(seed, drawsPerRow);
    this.large = use64Bits ? new RandomLong64(seed, drawsPerRow) : null;
    this.intLow = Number(BigInt.asIntN(32, BigInt(low)));
    this.intHigh = Number(BigInt.asIntN(32, BigInt(high)));
  }

  next(): number {
    if (this.small !== null) return this.small.nextInt(this.intLow, this.intHigh);
    return this.large!.nextLong(this.low, this.high);
  }

  rowFinished(): void {
    if (this.small !== null) this.small.rowFinished();
    else this.large!.rowFinished();
  }

  advanceRows(rowCount: number): void {
    if (this.small !== null) this.small.advanceRows(rowCount);
    else this.large!.advanceRows(rowCount);
  }
}
