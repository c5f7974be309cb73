import type { ViewDefinition } from '../../../src/catalog/spi';
import { BIGINT, VARCHAR } from '../../../src/types';
import { col, createTable, expectError, names, newConnector, session } from './helpers';

const v1: ViewDefinition = {
  originalSql: 'SELECT 1 AS x',
  catalog: 'memory',
  schema: 'default',
  columns: [{ name: 'x', type: BIGINT }],
  owner: 'alice',
};
const v2: ViewDefinition = {
  originalSql: "SELECT 'a' AS s",
  columns: [{ name: 's', type: VARCHAR }],
  comment: 'c',
};

describe('memory views', () => {
  test('create, get, list, drop', async () => {
    const c = newConnector();
    const name = { schema: 'default', table: 'v' };
    await c.metadata.createView!(session, name, v1, false);
    expect(await c.metadata.getView!(session, name)).toEqual(v1);
    expect(names(await c.metadata.listViews!(session))).toEqual(['default.v']);
    expect(names(await c.metadata.listViews!(session, 'default'))).toEqual(['default.v']);
    expect(await c.metadata.listViews!(session, 'other')).toEqual([]);
    // listTables lists views too; a view has no table handle
    expect(names(await c.metadata.listTables(session))).toEqual(['default.v']);
    expect(await c.metadata.getTableHandle(session, name)).toBeUndefined();
    await c.metadata.dropView!(session, name);
    expect(await c.metadata.getView!(session, name)).toBeUndefined();
    expect(await c.metadata.listViews!(session)).toEqual([]);
    expect(await c.metadata.listTables(session)).toEqual([]);
  });

  test('create or replace', async () => {
    const c = newConnector();
    const name = { schema: 'default', table: 'v' };
    await c.metadata.createView!(session, name, v1, false);
    await expectError(
      () => c.metadata.createView!(session, name, v2, false),
      'TABLE_ALREADY_EXISTS',
      "View already exists: 'memory.default.v'",
    );
    expect(await c.metadata.getView!(session, name)).toEqual(v1);
    await c.metadata.createView!(session, name, v2, true);
    expect(await c.metadata.getView!(session, name)).toEqual(v2);
    // replace also creates
    await c.metadata.createView!(session, { schema: 'default', table: 'w' }, v1, true);
    expect(names(await c.metadata.listViews!(session))).toEqual(['default.v', 'default.w']);
  });

  test('views and tables share a namespace', async () => {
    const c = newConnector();
    await createTable(c, 't', [col('x', BIGINT)]);
    const t = { schema: 'default', table: 't' };
    await expectError(
      () => c.metadata.createView!(session, t, v1, false),
      'TABLE_ALREADY_EXISTS',
      "Table already exists: 'memory.default.t'",
    );
    await expectError(() => c.metadata.createView!(session, t, v1, true), 'TABLE_ALREADY_EXISTS');
    await c.metadata.createView!(session, { schema: 'default', table: 'v' }, v1, false);
    await expectError(
      () => createTable(c, 'v', [col('x', BIGINT)]),
      'TABLE_ALREADY_EXISTS',
      "Table 'memory.default.v' already exists",
    );
    // IF NOT EXISTS over a view is a no-op, as in Trino
    await c.metadata.createTable!(
      session,
      { name: { schema: 'default', table: 'v' }, columns: [col('x', BIGINT)] },
      true,
    );
    expect(await c.metadata.getView!(session, { schema: 'default', table: 'v' })).toEqual(v1);
  });

  test('view errors', async () => {
    const c = newConnector();
    await expectError(
      () => c.metadata.createView!(session, { schema: 'nope', table: 'v' }, v1, false),
      'SCHEMA_NOT_FOUND',
      'Schema nope not found',
    );
    await expectError(
      () => c.metadata.dropView!(session, { schema: 'default', table: 'v' }),
      'TABLE_NOT_FOUND',
      "View 'memory.default.v' does not exist",
    );
    await createTable(c, 't', [col('x', BIGINT)]);
    await expectError(
      () => c.metadata.dropView!(session, { schema: 'default', table: 't' }),
      'TABLE_NOT_FOUND',
      "View 'memory.default.t' does not exist, but a table with that name exists. Did you mean DROP TABLE memory.default.t?",
    );
  });
});
