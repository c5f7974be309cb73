import type { TableHandle } from '../../../src/catalog/spi';
import { BIGINT, VARCHAR } from '../../../src/types';
import type { MemoryConnector } from '../../../src/catalog/connectors/memory';
import {
  col,
  createTable,
  expectError,
  newConnector,
  rowsPage,
  scan,
  scanSplits,
  session,
  write,
} from './helpers';

/** A table whose rows 0..n-1 sit in pages of uneven sizes across several inserts and sinks. */
async function unevenTable(): Promise<{ c: MemoryConnector; t: TableHandle; total: number }> {
  const c = newConnector({ 'memory.splits-per-node': '3' });
  const t = await createTable(c, 't', [col('id', BIGINT), col('s', VARCHAR)]);
  let next = 0;
  const rows = (n: number) => Array.from({ length: n }, () => [next, `r${next++}`]);
  for (const sizes of [[5], [1, 1, 1], [40, 2], [], [7, 13, 3, 1]]) {
    const { handle, fragments } = await write(
      c,
      t,
      sizes.map((n) => rowsPage(rows(n))),
    );
    await c.metadata.finishInsert!(session, handle, fragments);
  }
  return { c, t, total: next };
}

describe('memory splits and page sources', () => {
  test('splits cover every row exactly once, for any desired count', async () => {
    const { c, t, total } = await unevenTable();
    for (const desired of [1, 2, 3, 4, 7, 11, 100]) {
      const splits = await scanSplits(c, t, { desiredCount: desired, columns: ['id'] });
      expect(splits.length).toBe(Math.min(desired, 10)); // 10 stored pages
      for (const s of splits) expect(s.length).toBeGreaterThan(0);
      const ids = splits.flat().map((r) => r[0] as number);
      expect(ids.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    }
  });

  test('splits are balanced by rows', async () => {
    const { c, t } = await unevenTable();
    const sizes = (await scanSplits(c, t, { desiredCount: 2 })).map((s) => s.length);
    expect(sizes).toEqual([48, 26]); // 74 rows; pages of 5,1,1,1,40 | 2,7,13,3,1
  });

  test('without a hint, memory.splits-per-node splits are made', async () => {
    const { c, t } = await unevenTable();
    expect(await c.splitManager.getSplits(session, t, 0)).toHaveLength(3);
  });

  test('an empty table has no splits', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    expect(await c.splitManager.getSplits(session, t, 8)).toEqual([]);
  });

  test('columns come in the requested order; no columns gives row counts only', async () => {
    const { c, t, total } = await unevenTable();
    const rows = await scan(c, t, { columns: ['s', 'id', 's'] });
    expect(rows[0]).toEqual(['r0', 0, 'r0']);
    const [split] = await c.splitManager.getSplits(session, t, 1);
    const src = c.pageSourceProvider.createPageSource(session, split, t, []);
    let count = 0;
    for (let p = await src.nextPage(); p; p = await src.nextPage()) {
      expect(p.blocks).toEqual([]);
      count += p.positionCount;
    }
    expect(count).toBe(total);
    expect(await src.nextPage()).toBeNull();
  });

  test('applyLimit: the connector returns at most the limit in total', async () => {
    const { c, t, total } = await unevenTable();
    const r = await c.metadata.applyLimit!(session, t, 10);
    expect(r?.limitGuaranteed).toBe(true);
    expect(JSON.parse(JSON.stringify(r!.handle))).toEqual(r!.handle);
    expect(await c.metadata.applyLimit!(session, r!.handle, 20)).toBeUndefined();
    for (const limit of [0, 1, 5, 6, 17, 48, 49, total, total + 10]) {
      const limited = (await c.metadata.applyLimit!(session, t, limit))!.handle;
      for (const desired of [1, 3, 50]) {
        const ids = (await scan(c, limited, { desiredCount: desired, columns: ['id'] })).map((x) => x[0]);
        expect(ids).toHaveLength(Math.min(limit, total));
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
  });

  test('a scan keeps the pages it started with', async () => {
    const { c, t, total } = await unevenTable();
    const columns = await c.metadata.getColumnHandles(session, t);
    const [split] = await c.splitManager.getSplits(session, t, 1);
    const src = c.pageSourceProvider.createPageSource(session, split, t, columns);
    await c.metadata.dropTable!(session, t);
    let n = 0;
    for (let p = await src.nextPage(); p; p = await src.nextPage()) n += p.positionCount;
    expect(n).toBe(total);
  });

  test('a split whose pages a DELETE rewrote fails with MISSING_DATA', async () => {
    const { c, t } = await unevenTable();
    const columns = await c.metadata.getColumnHandles(session, t);
    const splits = await c.splitManager.getSplits(session, t, 1);
    await c.metadata.deleteRows!(session, t, {
      domains: new Map([
        ['id', { type: BIGINT, ranges: [{ high: { value: 0, inclusive: true } }], nullAllowed: false }],
      ]),
    });
    const e = await expectError(
      () => c.pageSourceProvider.createPageSource(session, splits[0], t, columns),
      'MISSING_DATA',
      'Failed to find table on a worker.',
    );
    expect(e.errorCode).toEqual({ name: 'MISSING_DATA', code: 0x0502_0000, type: 'EXTERNAL' });
  });

  test('malformed or mismatched splits and handles fail as internal errors', async () => {
    const { c, t } = await unevenTable();
    const u = await createTable(c, 'u', [col('x', BIGINT)]);
    const columns = await c.metadata.getColumnHandles(session, t);
    const [split] = await c.splitManager.getSplits(session, t, 1);
    await expectError(
      () => c.pageSourceProvider.createPageSource(session, split, u, columns),
      'GENERIC_INTERNAL_ERROR',
    );
    await expectError(
      () => c.pageSourceProvider.createPageSource(session, { info: { node: 'x' } }, t, columns),
      'GENERIC_INTERNAL_ERROR',
    );
    await expectError(() => c.metadata.getTableMetadata(session, { id: 'one' }), 'GENERIC_INTERNAL_ERROR');
    await expectError(
      () => c.pageSourceProvider.createPageSource(session, split, t, [{ name: 'id' }]),
      'GENERIC_INTERNAL_ERROR',
    );
  });
});
