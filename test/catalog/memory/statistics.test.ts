/**
 * Memory table statistics: row counts, null fractions, numeric ranges, and the distinct-value
 * count of varchar columns with few distinct strings (over all inserts), for join ordering.
 */
import { BIGINT, VARCHAR } from '../../../src/types';
import { MAX_TRACKED_DISTINCT } from '../../../src/catalog/connectors/memory/page-size';
import { col, createTable, insert, newConnector, session } from './helpers';

test('distinct strings are counted across inserts; too many give no count', async () => {
  const c = newConnector();
  const t = await createTable(c, 't', [col('id', BIGINT), col('status', VARCHAR), col('comment', VARCHAR)]);
  const many = MAX_TRACKED_DISTINCT + 1;
  await insert(
    c,
    t,
    Array.from({ length: many }, (_, i) => [i, i % 2 === 0 ? 'F' : 'O', `comment ${i}`]),
  );
  await insert(c, t, [
    [many, 'P', null],
    [many + 1, null, 'x'],
  ]);
  const stats = await c.metadata.getTableStatistics!(session, t);
  expect(stats.rowCount).toBe(many + 2);
  expect(stats.columns.status.distinctValuesCount).toBe(3);
  expect(stats.columns.comment.distinctValuesCount).toBeUndefined();
  expect(stats.columns.id).toMatchObject({ min: 0, max: many + 1 });
  expect(stats.columns.id.distinctValuesCount).toBeUndefined();
});
