/** Columns of mostly distinct strings are stored packed and read back unchanged. */
import { packStrings, unpackBlock, unpackPage } from '../../../src/catalog/connectors/memory/packed-strings';
import { numberBlock, valueAt, valueBlock, type Block } from '../../../src/execution/block';

const valuesOf = (b: Block) => Array.from({ length: b.positionCount }, (_, i) => valueAt(b, i));

test('distinct strings with nulls, empty and two-byte values round-trip', () => {
  const text = 'the quick brown fox jumps over the lazy dog, then sleeps furiously'.repeat(10);
  const values = [
    text.substring(10, 40),
    null,
    '',
    'short',
    'é€ two-byte text',
    text.substring(0, 13),
    null,
    'z',
  ];
  const packed = packStrings(valueBlock(values));
  expect(packed.kind).toBe('packed-strings');
  expect(valuesOf(unpackBlock(packed))).toEqual(values);
});

test('few distinct values, other value types and number blocks stay as they are', () => {
  const flags = valueBlock(['R', 'A', 'R', 'N', 'R', 'A', 'N', 'R']);
  expect(packStrings(flags)).toBe(flags);
  const mixed = valueBlock(['a', 'b', 7n]);
  expect(packStrings(mixed)).toBe(mixed);
  const numbers = numberBlock(new Float64Array([1, 2]));
  expect(packStrings(numbers)).toBe(numbers);
  const empty = valueBlock([]);
  expect(packStrings(empty)).toBe(empty);
});

test('a stored page unpacks every packed column', () => {
  const names = valueBlock(['alpha', 'beta', 'gamma']);
  const page = { positionCount: 3, blocks: [packStrings(names), numberBlock(new Float64Array([1, 2, 3]))] };
  const unpacked = unpackPage(page);
  expect(valuesOf(unpacked.blocks[0])).toEqual(['alpha', 'beta', 'gamma']);
  expect(valuesOf(unpacked.blocks[1])).toEqual([1, 2, 3]);
});
