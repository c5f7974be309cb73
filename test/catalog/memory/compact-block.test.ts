/** Blocks the memory connector stores own their memory: views and substrings are copied. */
import { compactBlock } from '../../../src/catalog/connectors/memory/page-size';
import { numberBlock, valueBlock, valueAt } from '../../../src/execution/block';

test('a typed-array view into a larger buffer is copied', () => {
  const buffer = new Float64Array([1, 2, 3, 4, 5, 6]);
  const view = numberBlock(buffer.subarray(2, 4));
  const compact = compactBlock(view);
  expect(compact.kind === 'number' && compact.values.buffer).not.toBe(buffer.buffer);
  expect([valueAt(compact, 0), valueAt(compact, 1)]).toEqual([3, 4]);
  const owned = numberBlock(new Float64Array([7, 8]));
  expect(compactBlock(owned)).toBe(owned);
});

test('long strings are copied with their values, repeats and other values unchanged', () => {
  const text = 'the quick brown fox jumps over the lazy dog, then sleeps furiously'.repeat(100);
  const values = [
    text.substring(10, 40),
    null,
    'short',
    text.substring(0, 13),
    42,
    text.substring(10, 40),
    'ship instruction: deliver in person',
    'ship instruction: deliver in person',
    'é€ two-byte text of some length',
  ];
  const block = valueBlock(values);
  const compact = compactBlock(block);
  expect(compact).not.toBe(block);
  expect(Array.from({ length: values.length }, (_, i) => valueAt(compact, i))).toEqual(values);
});

test('a block without long strings is kept as it is', () => {
  const block = valueBlock(['a', null, 'twelve chars', 7n, [1, 2]]);
  expect(compactBlock(block)).toBe(block);
});
