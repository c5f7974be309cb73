import { BIGINT, DOUBLE, VARCHAR } from '../../../src/types';
import { col, createTable, expectError, insert, newConnector, scan, session } from './helpers';

async function populated() {
  const c = newConnector();
  const t = await createTable(c, 't', [col('id', BIGINT), col('name', VARCHAR), col('score', DOUBLE)]);
  await insert(c, t, [
    [1, 'a', 1.5],
    [2, null, 2.5],
  ]);
  await insert(c, t, [[3, 'c', null]]);
  return { c, t };
}

describe('memory ALTER TABLE on populated tables', () => {
  test('add column: existing rows read it as NULL, new rows carry it', async () => {
    const { c, t } = await populated();
    await c.metadata.addColumn!(session, t, col('extra', VARCHAR, { comment: 'new' }));
    expect((await c.metadata.getTableMetadata(session, t)).columns.map((x) => x.name)).toEqual([
      'id',
      'name',
      'score',
      'extra',
    ]);
    expect(await scan(c, t)).toEqual([
      [1, 'a', 1.5, null],
      [2, null, 2.5, null],
      [3, 'c', null, null],
    ]);
    await insert(c, t, [[4, 'd', 4.5, 'x']]);
    expect(await scan(c, t, { columns: ['extra', 'id'] })).toEqual([
      [null, 1],
      [null, 2],
      [null, 3],
      ['x', 4],
    ]);
    const stats = await c.metadata.getTableStatistics!(session, t);
    expect(stats.columns.extra).toEqual({ nullsFraction: 0.75, dataSize: 1, distinctValuesCount: 1 });
  });

  test('add column errors', async () => {
    const { c, t } = await populated();
    await expectError(
      () => c.metadata.addColumn!(session, t, col('name', BIGINT)),
      'COLUMN_ALREADY_EXISTS',
      "Column 'name' already exists",
    );
    await expectError(
      () => c.metadata.addColumn!(session, t, col('nn', BIGINT, { nullable: false })),
      'NOT_SUPPORTED',
      "Unable to add NOT NULL column 'nn' for non-empty table: default.t",
    );
    const empty = await createTable(c, 'e', [col('x', BIGINT)]);
    await c.metadata.addColumn!(session, empty, col('nn', BIGINT, { nullable: false }));
    expect((await c.metadata.getTableMetadata(session, empty)).columns[1]).toEqual({
      name: 'nn',
      type: BIGINT,
      nullable: false,
    });
  });

  test('drop column: the others keep their data; a re-added name starts empty', async () => {
    const { c, t } = await populated();
    const [, name] = await c.metadata.getColumnHandles(session, t);
    await c.metadata.dropColumn!(session, t, name);
    expect((await c.metadata.getColumnHandles(session, t)).map((h) => h.name)).toEqual(['id', 'score']);
    expect(await scan(c, t)).toEqual([
      [1, 1.5],
      [2, 2.5],
      [3, null],
    ]);
    await c.metadata.addColumn!(session, t, col('name', VARCHAR));
    expect(await scan(c, t, { columns: ['name'] })).toEqual([[null], [null], [null]]);
    // a handle of the dropped column is stale
    await expectError(
      () => c.metadata.dropColumn!(session, t, name),
      'COLUMN_NOT_FOUND',
      "Column 'name' does not exist",
    );
    await expectError(() => c.metadata.beginInsert!(session, t, [name]), 'COLUMN_NOT_FOUND');
  });

  test('the only column cannot be dropped', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    const [x] = await c.metadata.getColumnHandles(session, t);
    await expectError(
      () => c.metadata.dropColumn!(session, t, x),
      'NOT_SUPPORTED',
      'Cannot drop the only column in a table',
    );
  });

  test('rename column keeps its data; handles stay valid', async () => {
    const { c, t } = await populated();
    const [, name] = await c.metadata.getColumnHandles(session, t);
    await c.metadata.renameColumn!(session, t, name, 'label');
    expect((await c.metadata.getColumnHandles(session, t)).map((h) => h.name)).toEqual([
      'id',
      'label',
      'score',
    ]);
    expect(await scan(c, t, { columns: ['label'] })).toEqual([['a'], [null], ['c']]);
    // the old handle names the column by id
    const [split] = await c.splitManager.getSplits(session, t, 1);
    const src = c.pageSourceProvider.createPageSource(session, split, t, [name]);
    expect((await src.nextPage())!.positionCount).toBeGreaterThan(0);
    expect(Object.keys((await c.metadata.getTableStatistics!(session, t)).columns)).toEqual([
      'id',
      'label',
      'score',
    ]);
    await expectError(
      () => c.metadata.renameColumn!(session, t, name, 'score'),
      'COLUMN_ALREADY_EXISTS',
      "Column 'score' already exists",
    );
    await insert(c, t, [[4, 'd', 0]]);
    expect((await scan(c, t, { columns: ['label'] })).flat()).toEqual(['a', null, 'c', 'd']);
  });
});
