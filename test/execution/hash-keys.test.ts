/**
 * Exact per-group sums and the string-free hash keys of group by and hash join: float64 sums that
 * move to bigint past 2^53, NULL keys (a group in GROUP BY, never a match in a join), -0/NaN, and
 * equal values met in different block forms.
 */
import { bigintValuesBlock, booleanBlock, numberBlock, valueBlock } from '../../src/execution/block';
import { ExactSums } from '../../src/execution/aggregation/exact-sums';
import { ColumnDictionary, TupleTable } from '../../src/execution/aggregation/key-dictionary';
import { GroupByHash } from '../../src/execution/aggregation/group-by-hash';
import { BuildSide, matchPairs, PairList } from '../../src/execution/operators/hash-join';
import { TrinoError } from '../../src/errors';

const SAFE = 9007199254740991;
const ids = (n: number) => new Int32Array(n);

describe('ExactSums', () => {
  const unbounded = () => new ExactSums((v) => v);

  test('stays exact when a group sum crosses 2^53, and keeps adding in bigint', () => {
    const s = unbounded();
    const groups = Int32Array.from([0, 1, 0, 0, 1]);
    s.add(groups, numberBlock(new Float64Array([SAFE, 1, 1, 1, 2])), 5, null);
    expect(s.value(0)).toBe(9007199254740993n);
    expect(s.value(1)).toBe(3);
    s.add(Int32Array.from([0]), numberBlock(new Float64Array([-5])), 1, null);
    expect(s.value(0)).toBe(9007199254740988); // safe again: a number
    s.add(Int32Array.from([0]), valueBlock([2n ** 70n]), 1, null);
    expect(s.value(0)).toBe(2n ** 70n + 9007199254740988n);
  });

  test('two-limb float64 sums stay exact far past 2^53, through carries both ways, into bigint', () => {
    const s = unbounded();
    const values = [2 ** 51 + 7, 2 ** 51 - 3, -(2 ** 50) - 1, 2 ** 52 - 1, 123456789, -(2 ** 52) + 1];
    let expected = [0n, 0n];
    let seed = 7;
    for (let round = 0; round < 3000; round++) {
      const block = Float64Array.from(values, (v) => {
        seed = (seed * 48271) % 2147483647;
        return seed % 3 === 0 ? -v : v;
      });
      const groups = Int32Array.from(values, (_, i) => i % 2);
      s.add(groups, numberBlock(block), block.length, null);
      block.forEach((v, i) => (expected[i % 2] += BigInt(v)));
      if (round % 500 === 0) expect([s.value(0), s.value(1)].map((v) => BigInt(v!))).toEqual(expected);
    }
    expect([s.value(0), s.value(1)].map((v) => BigInt(v!))).toEqual(expected);
    // far enough (|sum| >= 2^62) the group continues in bigint, exactly
    const t = unbounded();
    expected = [0n];
    for (let i = 0; i < 1100; i++) {
      t.add(Int32Array.from([0, 0]), numberBlock(Float64Array.from([2 ** 52 - 1, 2 ** 51])), 2, null);
      expected[0] += BigInt(2 ** 52 - 1) + BigInt(2 ** 51);
    }
    expect(t.value(0)).toBe(expected[0]);
  });

  test('skips NULLs and masked rows; a group without values is NULL', () => {
    const s = unbounded();
    const nulls = Uint8Array.from([0, 1, 0]);
    s.add(
      Int32Array.from([0, 1, 2]),
      numberBlock(new Float64Array([4, 5, 6]), nulls),
      3,
      Uint8Array.from([1, 1, 0]),
    );
    expect([s.value(0), s.value(1), s.value(2), s.value(99)]).toEqual([4, null, null, null]);
  });

  test('bigint-valued (long decimal) blocks sum their numbers; overflow goes through the check', () => {
    const limit = 10n ** 20n;
    const s = new ExactSums((v) => {
      if (v >= limit) throw new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', 'Decimal overflow');
      return v;
    });
    s.add(Int32Array.from([3, 3]), bigintValuesBlock([SAFE, SAFE]), 2, null);
    expect(s.value(3)).toBe(18014398509481982n);
    expect(() => s.add(Int32Array.from([3]), valueBlock([limit]), 1, null)).toThrow('Decimal overflow');
  });

  test('grows to group ids far beyond its initial size', () => {
    const s = unbounded();
    s.add(Int32Array.from([10_000]), numberBlock(new Float64Array([7])), 1, null);
    expect(s.value(10_000)).toBe(7);
  });
});

describe('ColumnDictionary and TupleTable', () => {
  test('NULL is a key for group by and never matches for joins', () => {
    const d = new ColumnDictionary();
    const out = ids(4);
    d.idsOf(numberBlock(new Float64Array([1, 0, 1, 0]), Uint8Array.from([0, 1, 0, 1])), 4, out, true, true);
    expect(Array.from(out)).toEqual([0, 1, 0, 1]);
    expect(d.values).toEqual([1, null]);
    const join = new ColumnDictionary();
    join.idsOf(valueBlock(['a', null, 'b']), 3, out, true, false);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, -1, 1]);
    join.idsOf(valueBlock([null, 'b', 'c']), 3, out, false, false);
    expect(Array.from(out.subarray(0, 3))).toEqual([-1, 1, -1]);
  });

  test('-0 and 0 are one key, NaN is one key, booleans from either block form meet', () => {
    const d = new ColumnDictionary();
    const out = ids(4);
    d.idsOf(numberBlock(new Float64Array([0, -0, NaN, NaN])), 4, out, true, true);
    expect(Array.from(out)).toEqual([0, 0, 1, 1]);
    const b = new ColumnDictionary();
    b.idsOf(booleanBlock(Uint8Array.from([1, 0])), 2, out, true, true);
    b.idsOf(valueBlock([false, true]), 2, out, true, true);
    expect(Array.from(out.subarray(0, 2))).toEqual([1, 0]);
  });

  test('a safe bigint meets its number; values beyond 2^53 stay distinct and exact', () => {
    const d = new ColumnDictionary();
    const out = ids(3);
    d.idsOf(bigintValuesBlock([5n, 6n]), 2, out, true, true);
    d.idsOf(valueBlock([6n, 2n ** 60n, 2n ** 60n + 1n]), 3, out, true, true);
    expect(Array.from(out)).toEqual([1, 2, 3]);
    expect(d.values).toEqual([5n, 6n, 2n ** 60n, 2n ** 60n + 1n]);
  });

  test('tuple ids over many distinct pairs survive table growth', () => {
    const t = new TupleTable(2);
    const n = 50_000;
    const a = Int32Array.from({ length: n }, (_, i) => i % 1000);
    const b = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 1000));
    const out = ids(n);
    t.tupleIds([a, b], n, out, true);
    expect(t.size).toBe(n);
    const again = ids(n);
    t.tupleIds([a, b], n, again, false);
    expect(again).toEqual(out);
    t.tupleIds([Int32Array.from([5, -1]), Int32Array.from([999, 0])], 2, again, false);
    expect(Array.from(again.subarray(0, 2))).toEqual([-1, -1]);
  });
});

test('GroupByHash: multi-column keys with NULLs, in canonical key blocks', () => {
  const h = new GroupByHash(2);
  const g = h.groupIds(
    [valueBlock(['x', 'y', 'x', null, null]), numberBlock(new Float64Array([1, 1, 1, 2, 2]))],
    5,
  );
  expect(Array.from(g)).toEqual([0, 1, 0, 2, 2]);
  const keys = h.keyBlocks();
  expect(
    [0, 1, 2].map((i) => [keys[0], keys[1]].map((b) => (b.kind === 'value' ? b.values[i] : b.values[i]))),
  ).toEqual([
    ['x', 1],
    ['y', 1],
    [null, 2],
  ]);
});

test('BuildSide: matches keep build order; NULL build and probe keys never match', () => {
  const side = new BuildSide(
    [
      { positionCount: 3, blocks: [numberBlock(new Float64Array([1, 2, 1])), valueBlock(['a', 'b', 'c'])] },
      {
        positionCount: 2,
        blocks: [numberBlock(new Float64Array([0, 1]), Uint8Array.from([1, 0])), valueBlock(['d', 'e'])],
      },
    ],
    [0],
  );
  expect(side.rowCount).toBe(5);
  const probe = side.probe([numberBlock(new Float64Array([1, 3, 0, 2]), Uint8Array.from([0, 0, 1, 0]))], 4);
  const pairs = new PairList();
  matchPairs(side, probe, 4, pairs);
  expect(Array.from(pairs.left.subarray(0, pairs.count))).toEqual([0, 0, 0, 3]);
  expect(Array.from(pairs.right.subarray(0, pairs.count))).toEqual([0, 2, 4, 1]);
  // build columns gathered across pages; -1 (outer-join padding) and stored NULLs read as NULL
  const rows = Int32Array.from([4, -1, 0, 3, 2]);
  const names = side.gather(1, rows, 5);
  expect(names.kind === 'value' && names.values).toEqual(['e', null, 'a', 'd', 'c']);
  const keys = side.gather(0, rows, 5);
  expect(keys.kind).toBe('number');
  expect(
    Array.from({ length: 5 }, (_, i) => (keys.kind === 'number' && keys.nulls?.[i] ? null : keys.values[i])),
  ).toEqual([1, null, 1, null, 1]);
});

test('BuildSide: dense integer keys (direct addressing) and sparse ones (hashing) match alike', () => {
  for (const scale of [1, 1e9]) {
    const keys = [3, 5, 3, null, 4].map((k) => (k === null ? 0 : k * scale));
    const side = new BuildSide(
      [
        {
          positionCount: 5,
          blocks: [numberBlock(Float64Array.from(keys), Uint8Array.from([0, 0, 0, 1, 0]))],
        },
      ],
      [0],
    );
    const probeKeys = [5 * scale, 4.5 * scale, 3 * scale, 0, 6 * scale, 2 * scale];
    const ids = side.probe([numberBlock(Float64Array.from(probeKeys))], 6);
    const pairs = new PairList();
    matchPairs(side, ids, 6, pairs);
    const matched = Array.from({ length: pairs.count }, (_, p) => [pairs.left[p], pairs.right[p]]);
    expect([scale, matched]).toEqual([
      scale,
      [
        [0, 1],
        [2, 0],
        [2, 2],
      ],
    ]);
    // the same keys as canonical bigints in a value block
    const fromValues = side.probe([valueBlock([BigInt(5 * scale), null, 2n ** 60n])], 3);
    expect(fromValues[0]).toBeGreaterThanOrEqual(0);
    expect(Array.from(fromValues.subarray(1))).toEqual([-1, -1]);
  }
});

test('ColumnDictionary: directly addressed integer keys keep their ids when the table takes over', () => {
  const d = new ColumnDictionary();
  const out = new Int32Array(6);
  d.idsOf(numberBlock(Float64Array.from([10, 12, 10, 0, -0, 11])), 6, out, true, true);
  expect(Array.from(out)).toEqual([0, 1, 0, 2, 2, 3]);
  // descending and far-away keys: the window widens, then the number table takes every key
  d.idsOf(numberBlock(Float64Array.from([-5000, 12, 1e12, 10, 2.5, NaN])), 6, out, true, true);
  expect(Array.from(out)).toEqual([4, 1, 5, 0, 6, 7]);
  d.idsOf(valueBlock([11, 2n ** 60n, 1e12, 7, NaN, 2.5]), 6, out, false, true);
  expect(Array.from(out)).toEqual([3, -1, 5, -1, 7, 6]);
  expect(d.values).toEqual([10, 12, 0, 11, -5000, 1e12, 2.5, NaN]);
});

test('ColumnDictionary: lookups while still direct find only inserted keys', () => {
  const d = new ColumnDictionary(false);
  const out = new Int32Array(5);
  d.idsOf(numberBlock(Float64Array.from([100, 101, 103]), Uint8Array.from([0, 0, 0])), 3, out, true, false);
  d.idsOf(numberBlock(Float64Array.from([102, 103, 100.5, NaN, -1e9])), 5, out, false, false);
  expect(Array.from(out)).toEqual([-1, 2, -1, -1, -1]);
  expect(d.size).toBe(3);
});
