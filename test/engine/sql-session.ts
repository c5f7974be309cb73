/** One embedded engine per test file (closed after it), with the helpers the engine tests share. */
import { createLocalEngine, type LocalEngineOptions } from '../../src';

/** Only the memory catalog, with `memory.default` as the session's schema. */
export const MEMORY_CATALOG: LocalEngineOptions = {
  catalogs: [{ name: 'memory', properties: { 'connector.name': 'memory' } }],
  session: { catalog: 'memory', schema: 'default' },
};

export function sqlSession(options: LocalEngineOptions = {}) {
  const engine = createLocalEngine(options);
  afterAll(() => engine.close());
  return {
    engine,
    rows: async (sql: string): Promise<unknown[][]> => (await engine.query(sql)).rows,
    /** The error name a statement fails with, or 'no error'. */
    error: async (sql: string): Promise<string | undefined> => {
      try {
        await engine.query(sql);
      } catch (e) {
        return (e as { errorName?: string }).errorName;
      }
      return 'no error';
    },
  };
}
