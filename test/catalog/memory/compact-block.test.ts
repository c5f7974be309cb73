/** Blocks the memory connector stores own their memory: views into larger buffers are copied. */
import { compactBlock } from '../../../src/catalog/connectors/memory/page-size';
import { numberBlock, valueAt } from '../../../src/execution/block';

test('a typed-array view into a larger buffer is copied', () => {
  const buffer = new Float64Array([1, 2, 3, 4, 5, 6]);
  const view = numberBlock(buffer.subarray(2, 4));
  const compact = compactBlock(view);
  expect(compact.kind === 'number' && compact.values.buffer).not.toBe(buffer.buffer);
  expect([valueAt(compact, 0), valueAt(compact, 1)]).toEqual([3, 4]);
  const owned = numberBlock(new Float64Array([7, 8]));
  expect(compactBlock(owned)).toBe(owned);
});
