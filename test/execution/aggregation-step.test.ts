/**
 * PARTIAL and FINAL steps: for every function with an intermediate type, aggregating rows split
 * over several partial accumulators and merging their states gives the SINGLE step's answer.
 */
import { createAccumulator } from '../../src/execution/aggregation/accumulators';
import { accumulatorForStep } from '../../src/execution/aggregation/aggregation-step';
import { blockFromValues, valueAt, type Block } from '../../src/execution/block';
import { aggregateResultType } from '../../src/planner/aggregate-signatures';
import { aggregateIntermediateType } from '../../src/planner/aggregate-intermediate';
import { BIGINT, BOOLEAN, DOUBLE, decimalType, type SqlType } from '../../src/types';

/** Deterministic pseudo-random values of a type, with some NULLs. */
function values(type: SqlType, n: number, seed: number): unknown[] {
  let x = seed;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: n }, () => {
    const r = next();
    if (r % 7 === 0) return null;
    switch (type.kind) {
      case 'boolean':
        return r % 3 !== 0;
      case 'double':
        return (r % 100000) / 7;
      case 'decimal':
        return BigInt(r % 1000000) - 500000n;
      default:
        return (r % 20000) - 10000;
    }
  });
}

const CASES: [string, SqlType][] = [
  ['count', BIGINT],
  ['count_if', BOOLEAN],
  ['sum', BIGINT],
  ['sum', DOUBLE],
  ['sum', decimalType(38, 2)],
  ['avg', BIGINT],
  ['avg', DOUBLE],
  ['avg', decimalType(38, 2)],
  ['min', BIGINT],
  ['max', DOUBLE],
  ['arbitrary', BIGINT],
  ['bool_and', BOOLEAN],
  ['bool_or', BOOLEAN],
  ['var_samp', DOUBLE],
  ['stddev_pop', BIGINT],
];

const GROUPS = 5;
const ROWS = 600;

test.each(CASES)('%s(%o): partial states merged equal the single step', (name, type) => {
  const args = [type];
  const result = aggregateResultType(name, args);
  expect(aggregateIntermediateType(name, args, result)).toBeDefined();
  const all = values(type, ROWS, name.length * 31 + type.kind.length);
  const groups = Int32Array.from({ length: ROWS }, (_, i) => (i * 7) % GROUPS);

  const single = createAccumulator(name, args, result, false);
  single.add(groups, [blockFromValues(all)], ROWS, null);
  const expected = single.result(GROUPS);

  // three partial accumulators over consecutive slices, merged by a FINAL one
  const final = accumulatorForStep(createAccumulator(name, args, result, false), 'FINAL', name);
  for (const [start, end] of [
    [0, 100],
    [100, 450],
    [450, ROWS],
  ]) {
    const partial = accumulatorForStep(createAccumulator(name, args, result, false), 'PARTIAL', name);
    partial.add(groups.subarray(start, end), [blockFromValues(all.slice(start, end))], end - start, null);
    const state: Block = partial.result(GROUPS);
    final.add(
      Int32Array.from({ length: GROUPS }, (_, g) => g),
      [state],
      GROUPS,
      null,
    );
  }
  const actual = final.result(GROUPS);
  for (let g = 0; g < GROUPS; g++) {
    const e = valueAt(expected, g);
    const a = valueAt(actual, g);
    if (name === 'arbitrary') expect(all.filter((_, i) => groups[i] === g)).toContainEqual(a);
    else if (typeof e === 'number' && !Number.isInteger(e)) expect(a as number).toBeCloseTo(e, 6);
    else expect(a).toEqual(e);
  }
});

test('a function without an intermediate state cannot run as a PARTIAL step', () => {
  const acc = { add: () => undefined, result: () => blockFromValues([]) };
  expect(() => accumulatorForStep(acc, 'PARTIAL', 'custom_agg')).toThrow(/no intermediate state/);
  expect(accumulatorForStep(acc, 'SINGLE', 'custom_agg')).toBe(acc);
});

test.each([
  ['sum', DOUBLE],
  ['avg', DOUBLE],
  ['var_samp', DOUBLE],
] as [string, SqlType][])(
  '%s: FINAL gives the same bits whatever order partial states arrive in',
  (name, type) => {
    const args = [type];
    const result = aggregateResultType(name, args);
    const states = [0, 1, 2, 3].map((k) => {
      const partial = accumulatorForStep(createAccumulator(name, args, result, false), 'PARTIAL', name);
      const v = Array.from({ length: 50 }, (_, i) => ((i + 1) * (k + 3)) / 7 + 1e9 * k);
      partial.add(new Int32Array(50), [blockFromValues(v)], 50, null);
      return partial.result(1);
    });
    const merged = (order: number[]): unknown => {
      const final = accumulatorForStep(createAccumulator(name, args, result, false), 'FINAL', name);
      for (const k of order) final.add(new Int32Array(1), [states[k]], 1, null);
      return valueAt(final.result(1), 0);
    };
    const forward = merged([0, 1, 2, 3]);
    expect(Object.is(forward, merged([3, 1, 0, 2]))).toBe(true);
    expect(Object.is(forward, merged([2, 3, 1, 0]))).toBe(true);
  },
);
