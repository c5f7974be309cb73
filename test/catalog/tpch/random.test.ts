/** The random streams, the text pool's slicing and the ASCII builder, checked on their own. */

import { AsciiBuilder } from '../../../src/catalog/connectors/tpch/ascii';
import {
  RandomBoundedKey,
  RandomInt,
  RandomLong64,
  mulMod31,
  skipSeed,
} from '../../../src/catalog/connectors/tpch/random';
import { TextPool } from '../../../src/catalog/connectors/tpch/text-pool';

const MODULUS = 2147483647n;

describe('31-bit stream', () => {
  test('mulMod31 is exact where the plain product would round', () => {
    const pairs = [
      [2147483646, 2147483646],
      [16807, 1],
      [1234567891, 2000000011],
      [1, 0],
    ];
    for (const [a, b] of pairs) expect(mulMod31(a, b)).toBe(Number((BigInt(a) * BigInt(b)) % MODULUS));
  });

  test('skipping by exponentiation lands where stepping does', () => {
    for (const count of [0, 1, 16, 17, 1000, 123_457]) {
      let seed = 933588178n;
      for (let i = 0; i < count; i++) seed = (seed * 16807n) % MODULUS;
      expect(skipSeed(933588178, count)).toBe(Number(seed));
    }
  });

  test('a finished row skips its unused draws', () => {
    const a = new RandomInt(1808217256, 7);
    const b = new RandomInt(1808217256, 7);
    a.nextInt(1, 10);
    a.nextInt(1, 10);
    a.rowFinished();
    b.advanceRows(1);
    expect(a.nextInt(1, 1000)).toBe(b.nextInt(1, 1000));
  });

  test("dbgen's overflowing range [0, 2^31 - 1] yields values in (-2^31, 0]", () => {
    const random = new RandomInt(881155353, 1000);
    for (let i = 0; i < 1000; i++) {
      const value = random.nextInt(0, 0x7fffffff);
      expect(value).toBeLessThanOrEqual(0);
      expect(value).toBeGreaterThan(-(2 ** 31));
    }
  });

  test('draws stay in range', () => {
    const random = new RandomInt(1, 100);
    for (let i = 0; i < 100; i++) {
      const value = random.nextInt(-99999, 999999);
      expect(value).toBeGreaterThanOrEqual(-99999);
      expect(value).toBeLessThanOrEqual(999999);
    }
  });
});

describe('64-bit key stream (SF ≥ 30000)', () => {
  test('follows the 64-bit LCG with wrap-around and stays in range', () => {
    const random = new RandomLong64(851767375, 1);
    const expected = BigInt.asIntN(64, 851767375n * 6364136223846793005n + 1n);
    const abs = expected < 0n ? -expected : expected;
    expect(random.nextLong(1, 4_500_000_000)).toBe(1 + Number(abs % 4_500_000_000n));
  });

  test('a bounded key picks the stream by scale factor', () => {
    const small = new RandomBoundedKey(1808217256, false, 1, 200_000);
    const large = new RandomBoundedKey(1808217256, true, 1, 6_000_000_000);
    for (let i = 0; i < 100; i++) {
      const s = small.next();
      const l = large.next();
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(200_000);
      expect(l).toBeGreaterThanOrEqual(1);
      expect(l).toBeLessThanOrEqual(6_000_000_000);
      small.rowFinished();
      large.rowFinished();
    }
  });
});

describe('text pool', () => {
  // 2.5 chunks: enough to cross chunk boundaries without building the real 300 MiB
  const size = 2.5 * 1024 * 1024;
  const pool = TextPool.build(size);
  const whole = pool.text(0, size);

  test('starts with the sentence dbgen starts with', () => {
    expect(whole.slice(0, 67)).toBe('furiously special foxes haggle furiously blithely ironic deposits. ');
  });

  test('has the requested size, in plain ASCII words and punctuation', () => {
    expect(whole.length).toBe(size);
    expect(/^[a-zA-Z .,;:?!-]*$/.test(whole)).toBe(true);
  });

  test('slices inside and across chunks agree with the whole text', () => {
    for (const [begin, end] of [
      [0, 10],
      [1024 * 1024 - 20, 1024 * 1024 + 20],
      [2 * 1024 * 1024 - 1, 2 * 1024 * 1024 + 77],
      [size - 30, size],
    ]) {
      expect(pool.text(begin, end)).toBe(whole.slice(begin, end));
    }
  });

  test('a smaller pool is a prefix of a larger one', () => {
    expect(TextPool.build(100_000).text(0, 100_000)).toBe(whole.slice(0, 100_000));
  });

  test('refuses ranges outside the pool', () => {
    expect(() => pool.text(size - 5, size + 1)).toThrow(RangeError);
  });
});

test('AsciiBuilder pads numbers and builds flat strings', () => {
  const builder = new AsciiBuilder(64);
  expect(builder.reset().ascii('Clerk#').digits(42, 9).build()).toBe('Clerk#000000042');
  expect(builder.reset().digits(1234567890123, 9).byte(0x2d).digits(0, 1).build()).toBe('1234567890123-0');
});
