import { blockFromValues, numberBlock } from '../../../src/execution/block';
import { page } from '../../../src/execution/page';
import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  INTEGER,
  INTERVAL_DAY_TO_SECOND,
  INTERVAL_YEAR_TO_MONTH,
  JSON_TYPE,
  REAL,
  SMALLINT,
  TINYINT,
  UUID,
  VARBINARY,
  VARCHAR,
  arrayType,
  charType,
  decimalType,
  mapType,
  namedRowType,
  timeType,
  timeWithTimeZoneType,
  timestampType,
  timestampWithTimeZoneType,
} from '../../../src/types';
import { MEMORY_LIMIT_EXCEEDED } from '../../../src/catalog/connectors/memory';
import {
  col,
  createTable,
  expectError,
  insert,
  newConnector,
  rowsPage,
  scan,
  session,
  write,
} from './helpers';

describe('memory inserts', () => {
  test('rows become visible only when finishInsert commits', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    const columns = await c.metadata.getColumnHandles(session, t);
    const h = await c.metadata.beginInsert!(session, t, columns);
    expect(JSON.parse(JSON.stringify(h))).toEqual(h);
    const s1 = c.pageSinkProvider!.createPageSink(session, h);
    const s2 = c.pageSinkProvider!.createPageSink(session, h);
    await s1.appendPage(rowsPage([[1], [2]]));
    await s2.appendPage(rowsPage([[3]]));
    await s1.appendPage(rowsPage([[4]]));
    const f1 = await s1.finish();
    expect(await scan(c, t)).toEqual([]); // stored, not committed
    expect((await c.metadata.getTableStatistics!(session, t)).rowCount).toBe(0);
    const f2 = await s2.finish();
    expect(await scan(c, t)).toEqual([]);
    const fragments = JSON.parse(JSON.stringify([...f1, ...f2])); // fragments travel as JSON
    await c.metadata.finishInsert!(session, h, fragments);
    expect(await scan(c, t)).toEqual([[1], [2], [4], [3]]);
    expect((await c.metadata.getTableStatistics!(session, t)).rowCount).toBe(4);
  });

  test('splits taken before a commit do not see it; splits taken after do', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    await insert(c, t, [[1]]);
    const before = await c.splitManager.getSplits(session, t, 8);
    await insert(c, t, [[2]]);
    const after = await c.splitManager.getSplits(session, t, 8);
    const columns = await c.metadata.getColumnHandles(session, t);
    const count = async (splits: typeof before): Promise<number> => {
      let n = 0;
      for (const s of splits) {
        const src = c.pageSourceProvider.createPageSource(session, s, t, columns);
        for (let p = await src.nextPage(); p; p = await src.nextPage()) n += p.positionCount;
      }
      return n;
    };
    expect(await count(before)).toBe(1);
    expect(await count(after)).toBe(2);
  });

  test('abort discards buffered and stored pages', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    const columns = await c.metadata.getColumnHandles(session, t);
    const h = await c.metadata.beginInsert!(session, t, columns);
    const buffered = c.pageSinkProvider!.createPageSink(session, h);
    await buffered.appendPage(rowsPage([[1]]));
    await buffered.abort();
    const stored = c.pageSinkProvider!.createPageSink(session, h);
    await stored.appendPage(rowsPage([[2]]));
    await stored.finish();
    expect(c.store.currentBytes).toBeGreaterThan(0);
    await stored.abort();
    expect(c.store.currentBytes).toBe(0);
    expect(c.store.groupCount).toBe(0);
    await c.metadata.finishInsert!(session, h, []);
    expect(await scan(c, t)).toEqual([]);
    await expectError(() => buffered.appendPage(rowsPage([[3]])), 'GENERIC_INTERNAL_ERROR');
  });

  test('empty inserts, inserts of some columns, CTAS', async () => {
    const c = newConnector();
    // CTAS as the engine drives it: create the table, then insert into it
    await c.metadata.createTable!(
      session,
      {
        name: { schema: 'default', table: 'ctas' },
        columns: [col('a', BIGINT), col('b', VARCHAR), col('c', BOOLEAN)],
      },
      false,
    );
    const t = (await c.metadata.getTableHandle(session, { schema: 'default', table: 'ctas' }))!;
    const { handle: h, fragments } = await write(c, t, []);
    expect(fragments).toEqual([]);
    await c.metadata.finishInsert!(session, h, fragments);
    expect(await scan(c, t)).toEqual([]);

    const [a, b, cc] = await c.metadata.getColumnHandles(session, t);
    await insert(c, t, [[true, 1]], [cc, a]);
    await insert(c, t, [['x']], [b]);
    expect(await scan(c, t)).toEqual([
      [1, null, true],
      [null, 'x', null],
    ]);
  });

  test('sink and commit errors', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT), col('y', BIGINT)]);
    const { handle: h, fragments } = await write(c, t, [rowsPage([[1, 2]])]);
    const sink = c.pageSinkProvider!.createPageSink(session, h);
    await expectError(() => sink.appendPage(rowsPage([[1]])), 'GENERIC_INTERNAL_ERROR', /1 blocks/);
    await sink.finish();
    await expectError(() => sink.appendPage(rowsPage([[1, 2]])), 'GENERIC_INTERNAL_ERROR');
    await expectError(() => sink.finish(), 'GENERIC_INTERNAL_ERROR');
    await c.metadata.finishInsert!(session, h, fragments);
    await expectError(() => c.metadata.finishInsert!(session, h, fragments), 'GENERIC_INTERNAL_ERROR');
    await expectError(() => c.metadata.finishInsert!(session, { bogus: 1 }, []), 'GENERIC_INTERNAL_ERROR');

    // a table dropped while rows were being written
    const u = await createTable(c, 'u', [col('x', BIGINT)]);
    const w = await write(c, u, [rowsPage([[1]])]);
    await c.metadata.dropTable!(session, u);
    await expectError(() => c.metadata.finishInsert!(session, w.handle, w.fragments), 'TABLE_NOT_FOUND');
  });
});

describe('memory value round trip', () => {
  const big = 2n ** 60n + 7n;
  const columns = [
    col('b', BOOLEAN),
    col('ti', TINYINT),
    col('si', SMALLINT),
    col('i', INTEGER),
    col('bi', BIGINT),
    col('bi_big', BIGINT),
    col('r', REAL),
    col('d', DOUBLE),
    col('dec_short', decimalType(10, 2)),
    col('dec_long', decimalType(38, 2)),
    col('vc', VARCHAR),
    col('ch', charType(5)),
    col('vb', VARBINARY),
    col('dt', DATE),
    col('tm', timeType(3)),
    col('tm12', timeType(12)),
    col('ts', timestampType(3)),
    col('ts9', timestampType(9)),
    col('tstz', timestampWithTimeZoneType(3)),
    col('tmtz', timeWithTimeZoneType(3)),
    col('iym', INTERVAL_YEAR_TO_MONTH),
    col('ids', INTERVAL_DAY_TO_SECOND),
    col('arr', arrayType(BIGINT)),
    col('m', mapType(VARCHAR, BIGINT)),
    col('row', namedRowType(['a', BIGINT], ['b', VARCHAR])),
    col('js', JSON_TYPE),
    col('id', UUID),
  ];
  const rows: unknown[][] = [
    [
      true,
      -128,
      32767,
      -2147483648,
      9007199254740991,
      big,
      Math.fround(1.1),
      -0,
      -12345,
      -(10n ** 37n),
      'héllo 😀',
      'ab',
      new Uint8Array([0, 255, 7]),
      -719162,
      86_399_999_000_000,
      86_399_999_999_999_999n,
      -62135596800000000,
      { epochMicros: 1, picosOfMicro: 999_999 },
      { epochMillis: 1_700_000_000_123, picosOfMilli: 0, timeZone: 'America/New_York' },
      { time: 3_600_000_000_000, offsetMinutes: -300 },
      -14,
      2n ** 62n,
      [1, null, big],
      [
        ['k', 1],
        ['z', null],
      ],
      [big, 'r'],
      '{"a":[1,2]}',
      '123e4567-e89b-12d3-a456-426614174000',
    ],
    new Array(27).fill(null),
    [
      false,
      0,
      0,
      0,
      -(2 ** 53) + 1,
      -big,
      NaN,
      Infinity,
      0,
      150n,
      '',
      '',
      new Uint8Array(0),
      0,
      0,
      0n,
      0,
      { epochMicros: -big, picosOfMicro: 0 },
      { epochMillis: 0, picosOfMilli: 5, timeZone: '+05:30' },
      { time: 0, offsetMinutes: 840 },
      0,
      0,
      [],
      [],
      [null, null],
      'null',
      '00000000-0000-0000-0000-000000000000',
    ],
  ];

  test('every value kind reads back exactly, nulls included', async () => {
    const c = newConnector();
    const t = await createTable(c, 'all_types', columns);
    await insert(c, t, rows);
    expect(await scan(c, t)).toEqual(rows);
    const stats = await c.metadata.getTableStatistics!(session, t);
    expect(stats.rowCount).toBe(3);
    expect(stats.columns.bi_big).toEqual({ nullsFraction: 1 / 3 });
  });

  test('stored blocks keep their form; a typed array view is copied when stored', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', DOUBLE), col('s', VARCHAR)]);
    const backing = new Float64Array(1000).fill(2.5);
    const view = numberBlock(backing.subarray(10, 13), new Uint8Array([0, 1, 0]));
    const { handle: h, fragments } = await write(c, t, [page([view, blockFromValues(['a', 'b', null])])]);
    await c.metadata.finishInsert!(session, h, fragments);
    expect(await scan(c, t)).toEqual([
      [2.5, 'a'],
      [null, 'b'],
      [2.5, null],
    ]);
    const splits = await c.splitManager.getSplits(session, t, 1);
    const src = c.pageSourceProvider.createPageSource(
      session,
      splits[0],
      t,
      await c.metadata.getColumnHandles(session, t),
    );
    const p = (await src.nextPage())!;
    expect(p.blocks[0].kind).toBe('number');
    expect(p.blocks[1].kind).toBe('value');
    if (p.blocks[0].kind === 'number') expect(p.blocks[0].values.buffer.byteLength).toBe(3 * 8);
    expect(src.completedBytes).toBeGreaterThan(0);
  });
});

describe('memory.max-data-per-node', () => {
  // 100 bigint rows in a NumberBlock are estimated at 800 bytes
  const hundred = (from: number): unknown[][] => Array.from({ length: 100 }, (_, i) => [from + i]);

  test('an insert that does not fit fails, leaving nothing behind', async () => {
    const c = newConnector({ 'memory.max-data-per-node': '1kB' });
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    await insert(c, t, hundred(0));
    expect(c.store.currentBytes).toBe(800);
    const e = await expectError(
      () => insert(c, t, hundred(100)),
      'MEMORY_LIMIT_EXCEEDED',
      'Memory limit [1024] for memory connector exceeded',
    );
    expect(e.errorCode).toEqual(MEMORY_LIMIT_EXCEEDED);
    expect(e.errorCode).toEqual({ name: 'MEMORY_LIMIT_EXCEEDED', code: 0x0502_0001, type: 'EXTERNAL' });
    expect(c.store.currentBytes).toBe(800);
    expect((await scan(c, t)).length).toBe(100);
  });

  test('the limit holds when the data of several sinks is stored at commit', async () => {
    const c = newConnector({ 'memory.max-data-per-node': '1kB' });
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    const h = await c.metadata.beginInsert!(session, t, await c.metadata.getColumnHandles(session, t));
    const s1 = c.pageSinkProvider!.createPageSink(session, h);
    const s2 = c.pageSinkProvider!.createPageSink(session, h);
    await s1.appendPage(rowsPage(hundred(0))); // each fits alone
    await s2.appendPage(rowsPage(hundred(100)));
    const f1 = await s1.finish();
    await expectError(() => s2.finish(), 'MEMORY_LIMIT_EXCEEDED');
    await s1.abort(); // the engine aborts every sink of the failed insert
    await s2.abort();
    expect(c.store.currentBytes).toBe(0);
    expect(f1).toHaveLength(1);
    expect(await scan(c, t)).toEqual([]);
  });

  test('memory freed by DROP and TRUNCATE is available to the next insert', async () => {
    const c = newConnector({ 'memory.max-data-per-node': '1kB' });
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    await insert(c, t, hundred(0));
    await c.metadata.truncateTable!(session, t);
    await insert(c, t, hundred(0));
    await c.metadata.dropTable!(session, t);
    const u = await createTable(c, 'u', [col('x', BIGINT)]);
    await insert(c, u, hundred(0));
    expect((await scan(c, u)).length).toBe(100);
  });
});

describe('memory connector across processes', () => {
  // Two instances of the catalog: the coordinator's (metadata, splits) and a worker's (sinks,
  // page sources), talking only through JSON handles, fragments and splits.
  test('a worker stores and reads; the coordinator commits and plans', async () => {
    const coordinator = newConnector({ 'memory.max-data-per-node': '1kB' });
    const worker = newConnector({ 'memory.max-data-per-node': '1kB' });
    const t = await createTable(coordinator, 't', [col('x', BIGINT)]);
    const cols = await coordinator.metadata.getColumnHandles(session, t);
    const rows = Array.from({ length: 100 }, (_, i) => [i]);

    const h = await coordinator.metadata.beginInsert!(session, t, cols);
    const sink = worker.pageSinkProvider!.createPageSink(session, JSON.parse(JSON.stringify(h)));
    await sink.appendPage(rowsPage(rows));
    await coordinator.metadata.finishInsert!(session, h, JSON.parse(JSON.stringify(await sink.finish())));
    expect(coordinator.store.currentBytes).toBe(0);
    expect(worker.store.currentBytes).toBe(800);

    const [split] = await coordinator.splitManager.getSplits(session, t, 1);
    const src = worker.pageSourceProvider.createPageSource(session, split, t, cols);
    expect((await src.nextPage())!.positionCount).toBe(100);
    // the split names the worker's data, so another process fails clearly instead of reading nothing
    await expectError(
      () => coordinator.pageSourceProvider.createPageSource(session, split, t, cols),
      'MISSING_DATA',
      'Failed to find table on a worker.',
    );

    // DELETE of some rows needs the data in the coordinator's process
    await expectError(
      () =>
        coordinator.metadata.deleteRows!(session, t, {
          domains: new Map([
            ['x', { type: BIGINT, ranges: [{ high: { value: 5, inclusive: true } }], nullAllowed: false }],
          ]),
        }),
      'NOT_SUPPORTED',
    );

    // the worker frees a dropped table's pages at its next write
    await coordinator.metadata.dropTable!(session, t);
    expect(worker.store.currentBytes).toBe(800);
    const u = await createTable(coordinator, 'u', [col('x', BIGINT)]);
    const h2 = await coordinator.metadata.beginInsert!(
      session,
      u,
      await coordinator.metadata.getColumnHandles(session, u),
    );
    const sink2 = worker.pageSinkProvider!.createPageSink(session, h2);
    expect(worker.store.currentBytes).toBe(0);
    await sink2.appendPage(rowsPage(rows));
    await coordinator.metadata.finishInsert!(session, h2, await sink2.finish());
    expect(worker.store.currentBytes).toBe(800);
  });
});
