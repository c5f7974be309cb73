/**
 * Aborting a statement's signal stops its execution at once: a read already waiting for the
 * query's first page fails with the abort's reason instead of running the query to its end.
 */
import { createLocalEngine } from '../../src';
import { TrinoError } from '../../src/errors';
import type { LocalQueryEngine } from '../../src/local-engine';
import { createSession } from '../../src/planner/session';

test('a pending read fails with USER_CANCELED when the signal aborts', async () => {
  const engine = createLocalEngine() as LocalQueryEngine;
  try {
    const controller = new AbortController();
    const execution = await engine.executeStatement(
      'SELECT count(*) FROM tpch.sf1.lineitem WHERE quantity > 0',
      createSession({ catalog: 'tpch', schema: 'tiny' }),
      controller.signal,
    );
    const pending = execution.pages[Symbol.asyncIterator]().next();
    setTimeout(() => controller.abort(new TrinoError('USER_CANCELED', 'Query was canceled')), 50);
    await expect(pending).rejects.toMatchObject({ errorName: 'USER_CANCELED' });
  } finally {
    await engine.close();
  }
});

test('a signal aborted before the first read fails the query with its reason', async () => {
  const engine = createLocalEngine() as LocalQueryEngine;
  try {
    const controller = new AbortController();
    controller.abort(
      new TrinoError('EXCEEDED_TIME_LIMIT', 'Query exceeded the maximum execution time limit'),
    );
    const execution = await engine.executeStatement(
      'SELECT count(*) FROM tpch.tiny.nation',
      createSession(),
      controller.signal,
    );
    await expect(execution.pages[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      errorName: 'EXCEEDED_TIME_LIMIT',
    });
  } finally {
    await engine.close();
  }
});
