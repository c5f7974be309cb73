import type { Domain, TupleDomain } from '../../../src/catalog/spi';
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  VARCHAR,
  decimalType,
  mapType,
  timestampWithTimeZoneType,
  type SqlType,
} from '../../../src/types';
import { col, createTable, expectError, insert, newConnector, scan, session } from './helpers';

const BIG = 2n ** 60n;

function only(column: string, domain: Domain): TupleDomain {
  return { domains: new Map([[column, domain]]) };
}
function point(type: SqlType, ...values: unknown[]): Domain {
  return {
    type,
    ranges: values.map((value) => ({ low: { value, inclusive: true }, high: { value, inclusive: true } })),
    nullAllowed: false,
  };
}

async function table() {
  const c = newConnector();
  const t = await createTable(c, 't', [
    col('id', BIGINT),
    col('s', VARCHAR),
    col('d', DOUBLE),
    col('b', BOOLEAN),
  ]);
  await insert(c, t, [
    [1, 'apple', 1.5, true],
    [2, 'banana', NaN, false],
    [3, null, null, null],
    [BIG, 'cherry', -0, true],
  ]);
  await insert(c, t, [
    [-BIG, 'Zebra', 10, false],
    [6, 'éclair', -1e300, true],
    [null, '😀', Infinity, true],
  ]);
  return { c, t };
}

async function deleteAndRemaining(constraint: TupleDomain | undefined): Promise<[number, unknown[]]> {
  const { c, t } = await table();
  const n = await c.metadata.deleteRows!(session, t, constraint);
  const ids = (await scan(c, t, { columns: ['id'] })).map((r) => r[0]);
  expect((await c.metadata.getTableStatistics!(session, t)).rowCount).toBe(ids.length);
  return [n, ids];
}

describe('memory DELETE with TupleDomains', () => {
  test('no constraint deletes every row and frees the memory', async () => {
    const { c, t } = await table();
    expect(await c.metadata.deleteRows!(session, t, undefined)).toBe(7);
    expect(await scan(c, t)).toEqual([]);
    expect(c.store.currentBytes).toBe(0);
    expect(await c.metadata.deleteRows!(session, t, { domains: new Map() })).toBe(0);
  });

  test('none deletes nothing; an empty map (all) deletes everything', async () => {
    expect(await deleteAndRemaining({ none: true })).toEqual([0, [1, 2, 3, BIG, -BIG, 6, null]]);
    expect(await deleteAndRemaining({ domains: new Map() })).toEqual([7, []]);
  });

  test('bigint points, beyond 2^53 too', async () => {
    expect(await deleteAndRemaining(only('id', point(BIGINT, 1, BIG)))).toEqual([2, [2, 3, -BIG, 6, null]]);
    // exact beyond 2^53: BIG + 1 is not BIG, though both round to the same double
    expect(await deleteAndRemaining(only('id', point(BIGINT, BIG + 1n)))).toEqual([
      0,
      [1, 2, 3, BIG, -BIG, 6, null],
    ]);
    expect(
      await deleteAndRemaining(
        only('id', {
          type: BIGINT,
          ranges: [{ low: { value: BIG - 1n, inclusive: false } }],
          nullAllowed: false,
        }),
      ),
    ).toEqual([1, [1, 2, 3, -BIG, 6, null]]);
  });

  test('ranges: open, closed, half-bounded, several', async () => {
    const lowHigh = (
      low: number | bigint,
      lowInc: boolean,
      high: number | bigint,
      highInc: boolean,
    ): Domain => ({
      type: BIGINT,
      ranges: [{ low: { value: low, inclusive: lowInc }, high: { value: high, inclusive: highInc } }],
      nullAllowed: false,
    });
    expect(await deleteAndRemaining(only('id', lowHigh(1, true, 3, true)))).toEqual([
      3,
      [BIG, -BIG, 6, null],
    ]);
    expect(await deleteAndRemaining(only('id', lowHigh(1, false, 3, false)))).toEqual([
      1,
      [1, 3, BIG, -BIG, 6, null],
    ]);
    expect(
      await deleteAndRemaining(
        only('id', { type: BIGINT, ranges: [{ low: { value: 3, inclusive: false } }], nullAllowed: false }),
      ),
    ).toEqual([2, [1, 2, 3, -BIG, null]]);
    expect(
      await deleteAndRemaining(
        only('id', { type: BIGINT, ranges: [{ high: { value: 0, inclusive: true } }], nullAllowed: false }),
      ),
    ).toEqual([1, [1, 2, 3, BIG, 6, null]]);
    expect(
      await deleteAndRemaining(
        only('id', {
          type: BIGINT,
          ranges: [
            { high: { value: -1n * 2n ** 59n, inclusive: true } },
            { low: { value: 6, inclusive: true } },
          ],
          nullAllowed: false,
        }),
      ),
    ).toEqual([3, [1, 2, 3, null]]);
  });

  test('nullAllowed: IS NULL, IS NOT NULL, and points OR NULL', async () => {
    expect(await deleteAndRemaining(only('id', { type: BIGINT, ranges: [], nullAllowed: true }))).toEqual([
      1,
      [1, 2, 3, BIG, -BIG, 6],
    ]);
    expect(await deleteAndRemaining(only('id', { type: BIGINT, nullAllowed: false }))).toEqual([6, [null]]);
    expect(await deleteAndRemaining(only('id', { ...point(BIGINT, 2), nullAllowed: true }))).toEqual([
      2,
      [1, 3, BIG, -BIG, 6],
    ]);
    // a domain that admits nothing
    expect(await deleteAndRemaining(only('id', { type: BIGINT, ranges: [], nullAllowed: false }))).toEqual([
      0,
      [1, 2, 3, BIG, -BIG, 6, null],
    ]);
  });

  test('strings compare by code point', async () => {
    expect(await deleteAndRemaining(only('s', point(VARCHAR, 'apple', 'nope')))).toEqual([
      1,
      [2, 3, BIG, -BIG, 6, null],
    ]);
    // 'Z' < 'a' < 'é' < '😀' (U+1F600 sorts above every BMP character)
    const from = (value: string): Domain => ({
      type: VARCHAR,
      ranges: [{ low: { value, inclusive: true } }],
      nullAllowed: false,
    });
    expect(await deleteAndRemaining(only('s', from('c')))).toEqual([3, [1, 2, 3, -BIG]]);
    expect(await deleteAndRemaining(only('s', from('\uffff')))).toEqual([1, [1, 2, 3, BIG, -BIG, 6]]);
    expect(
      await deleteAndRemaining(
        only('s', {
          type: VARCHAR,
          ranges: [{ low: { value: 'b', inclusive: true }, high: { value: 'c', inclusive: false } }],
          nullAllowed: true,
        }),
      ),
    ).toEqual([2, [1, BIG, -BIG, 6, null]]);
  });

  test('doubles: NaN only in the all-values range, -0 = 0, infinities', async () => {
    const d = (ranges: Domain['ranges'], nullAllowed = false): TupleDomain =>
      only('d', { type: DOUBLE, ranges, nullAllowed });
    expect(
      await deleteAndRemaining(
        d([{ low: { value: 0, inclusive: true }, high: { value: 0, inclusive: true } }]),
      ),
    ).toEqual([1, [1, 2, 3, -BIG, 6, null]]);
    expect(await deleteAndRemaining(d([{ low: { value: 1, inclusive: false } }]))).toEqual([
      3,
      [2, 3, BIG, 6],
    ]);
    expect(await deleteAndRemaining(d([{ high: { value: -1, inclusive: true } }]))).toEqual([
      1,
      [1, 2, 3, BIG, -BIG, null],
    ]);
    expect(await deleteAndRemaining(d([{}]))).toEqual([6, [3]]); // every non-null value, NaN included
    expect(await deleteAndRemaining(d(undefined))).toEqual([6, [3]]);
  });

  test('booleans and several columns at once (a conjunction)', async () => {
    expect(await deleteAndRemaining(only('b', point(BOOLEAN, true)))).toEqual([4, [2, 3, -BIG]]);
    expect(
      await deleteAndRemaining({
        domains: new Map<string, Domain>([
          ['b', point(BOOLEAN, true)],
          ['s', { type: VARCHAR, ranges: [{ high: { value: 'b', inclusive: false } }], nullAllowed: false }],
        ]),
      }),
    ).toEqual([1, [2, 3, BIG, -BIG, 6, null]]);
  });

  test('a column added after the rows were written reads as NULL', async () => {
    const { c, t } = await table();
    await c.metadata.addColumn!(session, t, col('later', BIGINT));
    await insert(c, t, [[7, 'x', 0, false, 70]]);
    expect(
      await c.metadata.deleteRows!(
        session,
        t,
        only('later', { type: BIGINT, ranges: [], nullAllowed: true }),
      ),
    ).toBe(7);
    expect(await scan(c, t, { columns: ['id', 'later'] })).toEqual([[7, 70]]);
  });

  test('deletes are atomic, keep page groups consistent, and repeat', async () => {
    const { c, t } = await table();
    const before = c.store.currentBytes;
    expect(await c.metadata.deleteRows!(session, t, only('id', point(BIGINT, 2, 6)))).toBe(2);
    expect(c.store.currentBytes).toBeLessThan(before);
    expect(await c.metadata.deleteRows!(session, t, only('id', point(BIGINT, 2, 6)))).toBe(0);
    expect(await scan(c, t, { desiredCount: 3 })).toEqual([
      [1, 'apple', 1.5, true],
      [3, null, null, null],
      [BIG, 'cherry', -0, true],
      [-BIG, 'Zebra', 10, false],
      [null, '😀', Infinity, true],
    ]);
    await insert(c, t, [[8, 'h', 0, true]]);
    expect(await c.metadata.deleteRows!(session, t, only('b', point(BOOLEAN, true)))).toBe(4);
    expect((await scan(c, t, { columns: ['id'] })).flat()).toEqual([3, -BIG]);
  });

  test('decimal, timestamp with time zone and map columns', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [
      col('k', BIGINT),
      col('p', decimalType(38, 2)),
      col('ts', timestampWithTimeZoneType(3)),
      col('m', mapType(VARCHAR, BIGINT)),
    ]);
    const at = (epochMillis: number, timeZone: string) => ({ epochMillis, picosOfMilli: 0, timeZone });
    await insert(c, t, [
      [1, 100n, at(1000, 'UTC'), [['a', 1]]],
      [
        2,
        10n ** 30n,
        at(2000, 'America/New_York'),
        [
          ['b', 2],
          ['a', 1],
        ],
      ],
      [3, -5n, at(3000, '+05:30'), []],
    ]);
    expect(
      await c.metadata.deleteRows!(
        session,
        t,
        only('p', {
          type: decimalType(38, 2),
          ranges: [{ low: { value: 100n, inclusive: true } }],
          nullAllowed: false,
        }),
      ),
    ).toBe(2);
    expect((await scan(c, t, { columns: ['k'] })).flat()).toEqual([3]);
    await insert(c, t, [
      [
        4,
        0n,
        at(2000, 'UTC'),
        [
          ['a', 1],
          ['b', 2],
        ],
      ],
      [5, 0n, at(2500, 'UTC'), [['a', 1]]],
    ]);
    // the instant matters, not the zone
    expect(
      await c.metadata.deleteRows!(
        session,
        t,
        only('ts', point(timestampWithTimeZoneType(3), at(2000, 'Asia/Tokyo'))),
      ),
    ).toBe(1);
    // map equality ignores entry order
    expect(
      await c.metadata.deleteRows!(session, t, only('m', point(mapType(VARCHAR, BIGINT), [['a', 1]]))),
    ).toBe(1);
    expect((await scan(c, t, { columns: ['k'] })).flat()).toEqual([3]);
    await expectError(
      () =>
        c.metadata.deleteRows!(
          session,
          t,
          only('m', {
            type: mapType(VARCHAR, BIGINT),
            ranges: [{ low: { value: [], inclusive: true } }],
            nullAllowed: false,
          }),
        ),
      'NOT_SUPPORTED',
    );
  });

  test('an unknown column fails and deletes nothing', async () => {
    const { c, t } = await table();
    await expectError(
      () =>
        c.metadata.deleteRows!(session, t, {
          domains: new Map([
            ['id', point(BIGINT, 1)],
            ['nope', point(BIGINT, 1)],
          ]),
        }),
      'COLUMN_NOT_FOUND',
      "Column 'nope' does not exist",
    );
    expect((await scan(c, t)).length).toBe(7);
  });
});
