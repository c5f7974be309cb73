/**
 * Long decimals (precision > 15) in generated code and blocks: normalized number-or-bigint values
 * inside compiled expressions, Float64Array blocks while every value is a safe integer, and an exact
 * switch to canonical bigints the moment one is not.
 */
import {
  type Block,
  bigintValuesBlock,
  numberBlock,
  takePositions,
  sliceBlock,
  valueAt,
  valueBlock,
} from '../../src/execution/block';
import { compileProjection, compileFilter } from '../../src/execution/expression-compiler';
import { isLongDecimal, longDecimalArithmetic, normalizeLong } from '../../src/execution/long-decimal';
import type { RowExpression } from '../../src/planner/ir';
import { BOOLEAN, decimalType } from '../../src/types';

const ctx = { timeZone: 'UTC', startTime: 0, user: 'test' };
const D38_2 = decimalType(38, 2);
const D12_2 = decimalType(12, 2);
const SAFE = 9007199254740991; // 2^53 - 1

const column = (name: string, type = D38_2): RowExpression => ({ kind: 'symbol', name, type });
const values = (b: Block) => Array.from({ length: b.positionCount }, (_, i) => valueAt(b, i));

test('the kernels take the float64 path only while the result is a safe integer', () => {
  const add = longDecimalArithmetic('add', D38_2, D38_2, decimalType(38, 2));
  expect(add(SAFE - 1, 1)).toBe(SAFE);
  expect(add(SAFE, 1)).toBe(9007199254740992n);
  expect(add(SAFE, SAFE)).toBe(18014398509481982n);
  expect(add(-SAFE, -2)).toBe(-9007199254740993n);
  // back into the safe range from a bigint operand: normalized to a number
  expect(add(9007199254740993n, -2)).toBe(SAFE);
  const mul = longDecimalArithmetic('multiply', D12_2, decimalType(13, 2), decimalType(25, 4));
  expect(mul(99999999999, 99999999999)).toBe(9999999999800000000001n);
  expect(mul(-3, 0)).toBe(0);
  expect(Object.is(mul(-3, 0), -0)).toBe(false);
  // rescaling: decimal(38,0) + decimal(38,6)
  const rescaled = longDecimalArithmetic('add', decimalType(38, 0), decimalType(38, 6), decimalType(38, 6));
  expect(rescaled(9007199254, 1)).toBe(9007199254000001);
  expect(rescaled(9007199255, 1)).toBe(9007199255000001n);
  expect(normalizeLong(5n)).toBe(5);
  expect(isLongDecimal(D38_2)).toBe(true);
  expect(isLongDecimal(decimalType(15, 2))).toBe(false);
});

test('a long-decimal projection yields a Float64Array block while safe, canonical bigints when not', () => {
  const layout = new Map([
    ['a', 0],
    ['b', 1],
  ]);
  const sum: RowExpression = {
    kind: 'arithmetic',
    op: 'add',
    left: column('a'),
    right: column('b'),
    type: decimalType(38, 2),
  };
  const project = compileProjection(sum, layout, ctx);
  const safe = project({
    positionCount: 3,
    blocks: [bigintValuesBlock([1n, null, SAFE - 5]), bigintValuesBlock([2n, 3n, 5n])],
  });
  expect(safe.kind).toBe('number');
  expect(values(safe)).toEqual([3n, null, 9007199254740991n]);

  const crossing = project({
    positionCount: 3,
    blocks: [bigintValuesBlock([1n, null, SAFE]), valueBlock([2n, 3n, 5n])],
  });
  expect(crossing.kind).toBe('value');
  expect(values(crossing)).toEqual([3n, null, 9007199254740996n]);
});

test('comparisons see equal values alike in number and bigint blocks', () => {
  const layout = new Map([['a', 0]]);
  const eq: RowExpression = {
    kind: 'comparison',
    op: 'eq',
    left: column('a'),
    right: { kind: 'constant', value: 12345n, type: D38_2 },
    type: BOOLEAN,
  };
  const filter = compileFilter(eq, layout, ctx);
  const asNumbers = filter({ positionCount: 3, blocks: [bigintValuesBlock([12345n, 1n, 12345n])] });
  expect(Array.from(asNumbers.positions.subarray(0, asNumbers.count))).toEqual([0, 2]);
  const asBigints = filter({ positionCount: 3, blocks: [valueBlock([12345n, 2n ** 60n, null])] });
  expect(Array.from(asBigints.positions.subarray(0, asBigints.count))).toEqual([0]);
});

test('bigint-valued blocks keep their form through copies and read back as bigints', () => {
  const b = bigintValuesBlock([1n, null, -7n, 8n]);
  expect(b.kind).toBe('number');
  expect(values(takePositions(b, [3, 2, 1]))).toEqual([8n, -7n, null]);
  expect(values(sliceBlock(b, 1, 2))).toEqual([null, -7n]);
  expect(bigintValuesBlock([1n, 2n ** 53n]).kind).toBe('value');
  expect(values(bigintValuesBlock([1, 2n ** 53n]))).toEqual([1n, 2n ** 53n]);
  // a plain number block is not affected
  expect(values(numberBlock(new Float64Array([1, 2])))).toEqual([1, 2]);
});
