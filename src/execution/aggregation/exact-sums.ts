/**
 * Per-group exact integer sums (bigint and unscaled decimal values) for sum and avg, without a
 * bigint per row (DESIGN.md, "Data in memory").
 *
 * A group's sum is two float64 integers, S = high · 2^52 + low with |low| < 2^52. Adding a value
 * |v| < 2^52 gives |low + v| < 2^53, which a float64 holds exactly; a result beyond ±2^52 carries
 * one unit into `high`. So sums far past 2^53 (a revenue sum over millions of rows) stay in
 * float64 arithmetic. A group moves to a bigint for good when a value is not that small or |high|
 * reaches 2^10 (|S| near 2^62): from there every addition is exact and range-checked, so the
 * caller's overflow limit (bigint's 2^63, decimal's 10^38) is enforced exactly.
 */
import { type Block, valueAt } from '../block';

const TWO52 = 2 ** 52;
const TWO52N = 2n ** 52n;
/** |high| from which a group continues in bigint (|S| < 2^62 below it, under every limit). */
const HIGH_LIMIT = 1024;

export class ExactSums {
  private lows = new Float64Array(64);
  private highs = new Float64Array(64);
  /** 1 when the group has a (non-null) value. */
  private present = new Uint8Array(64);
  /** The groups that continue in bigint, by group id. */
  private big: (bigint | undefined)[] | null = null;

  /** `check` range-checks an exact sum (throws on overflow) and returns it. */
  constructor(private readonly check: (sum: bigint) => bigint) {}

  /** Adds a block's non-null values; `mask` (if given) holds 1 for rows to include. */
  add(groupIds: Int32Array, block: Block, count: number, mask: Uint8Array | null): void {
    if (block.kind !== 'number') {
      for (let i = 0; i < count; i++) {
        if (mask !== null && mask[i] !== 1) continue;
        const v = valueAt(block, i) as number | bigint | null;
        if (v !== null) this.addOne(groupIds[i], v);
      }
      return;
    }
    const values = block.values;
    const nulls = block.nulls;
    for (let i = 0; i < count; i++) {
      if ((nulls !== null && nulls[i] !== 0) || (mask !== null && mask[i] !== 1)) continue;
      const g = groupIds[i];
      if (g >= this.lows.length) this.grow(g);
      const v = values[i];
      if (v >= TWO52 || v <= -TWO52 || (this.big !== null && this.big[g] !== undefined)) {
        this.addOne(g, v);
        continue;
      }
      this.present[g] = 1;
      let r = this.lows[g] + v;
      if (r >= TWO52 || r <= -TWO52) {
        const carry = r > 0 ? 1 : -1;
        r -= carry * TWO52;
        const high = this.highs[g] + carry;
        this.highs[g] = high;
        if (high >= HIGH_LIMIT || high <= -HIGH_LIMIT) {
          this.lows[g] = r;
          this.toBig(g);
          continue;
        }
      }
      this.lows[g] = r;
    }
  }

  /** Adds one value (a safe-integer number or a bigint) to group `g`. */
  addOne(g: number, v: number | bigint): void {
    if (g >= this.lows.length) this.grow(g);
    this.present[g] = 1;
    if (this.big?.[g] === undefined) this.toBig(g);
    this.big![g] = this.check(this.big![g]! + BigInt(v));
  }

  /** Group `g`'s sum (a number when a safe integer, else a bigint), or null when it has no value. */
  value(g: number): number | bigint | null {
    if (g >= this.present.length || this.present[g] === 0) return null;
    const exact = this.big?.[g];
    if (exact !== undefined)
      return exact >= -9007199254740991n && exact <= 9007199254740991n ? Number(exact) : exact;
    const high = this.highs[g];
    const low = this.lows[g];
    if (high === 0) return low + 0;
    const s = high * TWO52 + low;
    return Number.isSafeInteger(s) ? s : BigInt(high) * TWO52N + BigInt(low);
  }

  /** Continues group `g` in bigint (checked against the caller's limit). */
  private toBig(g: number): void {
    const exact = BigInt(this.highs[g]) * TWO52N + BigInt(this.lows[g]);
    (this.big ??= [])[g] = this.check(exact);
  }

  private grow(g: number): void {
    let n = this.lows.length * 2;
    while (n <= g) n *= 2;
    const lows = new Float64Array(n);
    lows.set(this.lows);
    const highs = new Float64Array(n);
    highs.set(this.highs);
    const present = new Uint8Array(n);
    present.set(this.present);
    this.lows = lows;
    this.highs = highs;
    this.present = present;
  }
}
