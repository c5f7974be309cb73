/**
 * Streams that draw whole column values: comment text from the pool, alphanumeric addresses,
 * phone numbers, and part names. Each is a `RandomInt` charged dbgen's number of draws per row.
 */

import { AsciiBuilder } from './ascii';
import type { Distribution } from './distribution';
import { RandomInt } from './random';
import type { TextPool } from './text-pool';

/** A window of the text pool of random offset and length (mean `averageLength`). */
export class RandomText extends RandomInt {
  private readonly minLength: number;
  private readonly maxLength: number;

  constructor(
    seed: number,
    private readonly pool: TextPool,
    averageLength: number,
    valuesPerRow = 1,
  ) {
    super(seed, 2 * valuesPerRow);
    this.minLength = Math.trunc(averageLength * 0.4);
    this.maxLength = Math.trunc(averageLength * 1.6);
  }

  next(): string {
    const offset = this.nextInt(0, this.pool.size - this.maxLength);
    const length = this.nextInt(this.minLength, this.maxLength);
    return this.pool.text(offset, offset + length);
  }
}

const ALPHA_NUMERIC = Array.from('0123456789abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ,', (c) =>
  c.charCodeAt(0),
);

/** Addresses: 0.4 to 1.6 times `averageLength` characters, six random bits each. */
export class RandomAlphaNumeric extends RandomInt {
  private readonly minLength: number;
  private readonly maxLength: number;
  private readonly builder: AsciiBuilder;

  constructor(seed: number, averageLength: number) {
    super(seed, 9);
    this.minLength = Math.trunc(averageLength * 0.4);
    this.maxLength = Math.trunc(averageLength * 1.6);
    this.builder = new AsciiBuilder(this.maxLength);
  }

  next(): string {
    const length = this.nextInt(this.minLength, this.maxLength);
    const builder = this.builder.reset();
    let bits = 0;
    for (let i = 0; i < length; i++) {
      // one draw gives five characters; dbgen asks for [0, 2^31 - 1], whose range overflows
      // to negative, so `bits` is ≤ 0 and the shifts are arithmetic
      if (i % 5 === 0) bits = this.nextInt(0, 0x7fffffff);
      builder.byte(ALPHA_NUMERIC[bits & 0x3f]);
      bits >>= 6;
    }
    return builder.build();
  }
}

/** Country code (10 + nation key) then three random groups: `25-989-741-2988`. */
export class RandomPhoneNumber extends RandomInt {
  private readonly builder = new AsciiBuilder(32);

  constructor(seed: number) {
    super(seed, 3);
  }

  next(nationKey: number): string {
    const dash = 0x2d;
    return this.builder
      .reset()
      .digits(10 + (nationKey % 90), 2)
      .byte(dash)
      .digits(this.nextInt(100, 999), 3)
      .byte(dash)
      .digits(this.nextInt(100, 999), 3)
      .byte(dash)
      .digits(this.nextInt(1000, 9999), 4)
      .build();
  }
}

/** `count` distinct words of a distribution in random order (a partial shuffle), space-joined. */
export class RandomWordSequence extends RandomInt {
  private readonly order: Int32Array;

  constructor(
    seed: number,
    private readonly count: number,
    private readonly distribution: Distribution,
  ) {
    super(seed, distribution.size);
    this.order = new Int32Array(distribution.size);
  }

  next(): string {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i] = i;
    const words = this.distribution.values;
    let value = '';
    for (let position = 0; position < this.count; position++) {
      const swap = this.nextInt(position, order.length - 1);
      const chosen = order[swap];
      order[swap] = order[position];
      order[position] = chosen;
      value += position === 0 ? words[chosen] : ' ' + words[chosen];
    }
    return value;
  }
}
