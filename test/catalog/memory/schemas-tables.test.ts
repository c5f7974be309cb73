import { BIGINT, DOUBLE, INTEGER, VARCHAR, varcharType } from '../../../src/types';
import { col, createTable, expectError, handle, insert, names, newConnector, scan, session } from './helpers';

describe('memory schemas', () => {
  test('default exists at start', async () => {
    const c = newConnector();
    expect(await c.metadata.listSchemaNames(session)).toEqual(['default']);
  });

  test('create and drop schemas', async () => {
    const c = newConnector();
    await c.metadata.createSchema!(session, 's1', {});
    await c.metadata.createSchema!(session, 'a', {});
    expect(await c.metadata.listSchemaNames(session)).toEqual(['a', 'default', 's1']);
    await c.metadata.dropSchema!(session, 's1', false);
    expect(await c.metadata.listSchemaNames(session)).toEqual(['a', 'default']);
  });

  test('schema errors carry Trino codes and messages', async () => {
    const c = newConnector();
    await expectError(
      () => c.metadata.createSchema!(session, 'default', {}),
      'SCHEMA_ALREADY_EXISTS',
      "Schema 'memory.default' already exists",
    );
    await expectError(
      () => c.metadata.dropSchema!(session, 'nope', false),
      'SCHEMA_NOT_FOUND',
      "Schema 'memory.nope' does not exist",
    );
    await c.metadata.createSchema!(session, 's', {});
    await createTable(c, 't', [col('x', BIGINT)], 's');
    const e = await expectError(
      () => c.metadata.dropSchema!(session, 's', false),
      'SCHEMA_NOT_EMPTY',
      "Cannot drop non-empty schema 's'",
    );
    expect(e.errorType).toBe('USER_ERROR');
  });

  test('a schema holding only a view is not empty', async () => {
    const c = newConnector();
    await c.metadata.createSchema!(session, 's', {});
    await c.metadata.createView!(
      session,
      { schema: 's', table: 'v' },
      { originalSql: 'SELECT 1', columns: [] },
      false,
    );
    await expectError(() => c.metadata.dropSchema!(session, 's', false), 'SCHEMA_NOT_EMPTY');
  });

  test('drop schema cascade drops its tables and views', async () => {
    const c = newConnector();
    await c.metadata.createSchema!(session, 's', {});
    const t = await createTable(c, 't', [col('x', BIGINT)], 's');
    await insert(c, t, [[1], [2]]);
    await c.metadata.createView!(
      session,
      { schema: 's', table: 'v' },
      { originalSql: 'SELECT 1', columns: [] },
      false,
    );
    await createTable(c, 'kept', [col('x', BIGINT)]);
    await c.metadata.dropSchema!(session, 's', true);
    expect(await c.metadata.listSchemaNames(session)).toEqual(['default']);
    expect(names(await c.metadata.listTables(session))).toEqual(['default.kept']);
    expect(c.store.currentBytes).toBe(0);
    await c.metadata.createSchema!(session, 's', {});
    expect(await c.metadata.getTableHandle(session, { schema: 's', table: 't' })).toBeUndefined();
  });
});

describe('memory tables', () => {
  test('create, describe, list', async () => {
    const c = newConnector();
    await c.metadata.createTable!(
      session,
      {
        name: { schema: 'default', table: 't' },
        columns: [col('id', BIGINT, { nullable: false }), col('name', varcharType(10), { comment: 'who' })],
        comment: 'a table',
      },
      false,
    );
    const t = await handle(c, 't');
    expect(JSON.parse(JSON.stringify(t))).toEqual(t); // plain JSON
    expect(await c.metadata.getTableMetadata(session, t)).toEqual({
      name: { schema: 'default', table: 't' },
      columns: [
        { name: 'id', type: BIGINT, nullable: false },
        { name: 'name', type: varcharType(10), nullable: true, comment: 'who' },
      ],
      comment: 'a table',
    });
    const columns = await c.metadata.getColumnHandles(session, t);
    expect(columns.map((h) => [h.name, h.type])).toEqual([
      ['id', 'bigint'],
      ['name', 'varchar(10)'],
    ]);
    expect(names(await c.metadata.listTables(session))).toEqual(['default.t']);
    expect(names(await c.metadata.listTables(session, 'default'))).toEqual(['default.t']);
    expect(await c.metadata.listTables(session, 'other')).toEqual([]);
    expect(await c.metadata.getTableHandle(session, { schema: 'default', table: 'nope' })).toBeUndefined();
  });

  test('create table errors and IF NOT EXISTS', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    await insert(c, t, [[1]]);
    await expectError(
      () => createTable(c, 't', [col('y', DOUBLE)]),
      'TABLE_ALREADY_EXISTS',
      "Table 'memory.default.t' already exists",
    );
    // IF NOT EXISTS leaves the existing table alone
    await c.metadata.createTable!(
      session,
      { name: { schema: 'default', table: 't' }, columns: [col('y', DOUBLE)] },
      true,
    );
    expect(await scan(c, await handle(c, 't'))).toEqual([[1]]);
    await expectError(
      () => createTable(c, 'u', [col('x', BIGINT)], 'nope'),
      'SCHEMA_NOT_FOUND',
      'Schema nope not found',
    );
    await expectError(
      () => createTable(c, 'u', [col('x', BIGINT), col('x', INTEGER)]),
      'DUPLICATE_COLUMN_NAME',
      "Column name 'x' specified more than once",
    );
  });

  test('drop table; its handle no longer resolves', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    await insert(c, t, [[1], [2], [3]]);
    expect(c.store.currentBytes).toBeGreaterThan(0);
    await c.metadata.dropTable!(session, t);
    expect(c.store.currentBytes).toBe(0);
    expect(await c.metadata.listTables(session)).toEqual([]);
    await expectError(
      () => c.metadata.getTableMetadata(session, t),
      'TABLE_NOT_FOUND',
      "Table 'memory.default.t' does not exist",
    );
    // a new table of the same name is a different table: the old handle stays dead
    await createTable(c, 't', [col('x', BIGINT)]);
    await expectError(() => c.metadata.getTableMetadata(session, t), 'TABLE_NOT_FOUND');
    await expectError(() => c.splitManager.getSplits(session, t, 1), 'TABLE_NOT_FOUND');
  });

  test('rename table within and across schemas keeps data and handles', async () => {
    const c = newConnector();
    await c.metadata.createSchema!(session, 's2', {});
    const t = await createTable(c, 't', [col('x', BIGINT), col('y', VARCHAR)]);
    await insert(c, t, [
      [1, 'a'],
      [2, 'b'],
    ]);
    await c.metadata.renameTable!(session, t, { schema: 'default', table: 't2' });
    expect(names(await c.metadata.listTables(session))).toEqual(['default.t2']);
    expect(await c.metadata.getTableHandle(session, { schema: 'default', table: 't' })).toBeUndefined();
    // the old handle still names the same table (by id), as in Trino
    expect((await c.metadata.getTableMetadata(session, t)).name).toEqual({ schema: 'default', table: 't2' });
    await c.metadata.renameTable!(session, t, { schema: 's2', table: 'moved' });
    expect(names(await c.metadata.listTables(session))).toEqual(['s2.moved']);
    expect(await scan(c, await handle(c, 'moved', 's2'))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    // the default schema is empty again
    await c.metadata.dropSchema!(session, 'default', false);
  });

  test('rename table errors', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    await createTable(c, 'u', [col('x', BIGINT)]);
    await c.metadata.createView!(
      session,
      { schema: 'default', table: 'v' },
      { originalSql: 'SELECT 1', columns: [] },
      false,
    );
    await expectError(
      () => c.metadata.renameTable!(session, t, { schema: 'default', table: 'u' }),
      'TABLE_ALREADY_EXISTS',
      "Target table 'memory.default.u' already exists",
    );
    await expectError(
      () => c.metadata.renameTable!(session, t, { schema: 'default', table: 'v' }),
      'TABLE_ALREADY_EXISTS',
    );
    await expectError(
      () => c.metadata.renameTable!(session, t, { schema: 'nope', table: 't' }),
      'SCHEMA_NOT_FOUND',
      'Schema nope not found',
    );
    expect(names(await c.metadata.listTables(session))).toEqual(['default.t', 'default.u', 'default.v']);
  });

  test('truncate empties the table and frees its memory', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT)]);
    await insert(c, t, [[1], [2]]);
    await c.metadata.truncateTable!(session, t);
    expect(await scan(c, t)).toEqual([]);
    expect(c.store.currentBytes).toBe(0);
    expect((await c.metadata.getTableStatistics!(session, t)).rowCount).toBe(0);
    await insert(c, t, [[3]]);
    expect(await scan(c, t)).toEqual([[3]]);
  });

  test('statistics: row count, nulls fraction, data size of variable-width columns', async () => {
    const c = newConnector();
    const t = await createTable(c, 't', [col('x', BIGINT), col('s', VARCHAR)]);
    expect(await c.metadata.getTableStatistics!(session, t)).toEqual({ rowCount: 0, columns: {} });
    await insert(c, t, [
      [1, 'ab'],
      [null, 'é'], // 2 UTF-8 bytes
      [3, null],
    ]);
    await insert(c, t, [[4, '😀']]); // 4 UTF-8 bytes
    expect(await c.metadata.getTableStatistics!(session, t)).toEqual({
      rowCount: 4,
      // x: the range of a numeric column (join ordering bounds its distinct values by it)
      // s: few distinct strings, so they are counted
      columns: {
        x: { nullsFraction: 0.25, min: 1, max: 4 },
        s: { nullsFraction: 0.25, dataSize: 8, distinctValuesCount: 3 },
      },
    });
  });
});
