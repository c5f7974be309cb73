/**
 * TPC-H at tiny (sf0.01): the Trino benchmark query texts run on the tpch catalog and are
 * compared with the answers computed by DuckDB over official dbgen data
 * (../shared/conformance/tpch/dbgen-answers/sf0.01). Text and dates compare exactly, DECIMAL sums
 * exactly; doubles within 1e-9 relative; `avg` over DECIMAL rounds to the input's scale in
 * Trino, so it is compared within half a unit of that scale.
 */
import { createLocalEngine, type LocalEngine } from '../../src';
import { TPCH_TABLE_NAMES } from '../../src/catalog/connectors/tpch';
import {
  TPCH_QUERIES,
  renderEngineValue,
  tpchQuery,
  tpchTinyMismatches,
  tpchTinyQuery,
} from '../helpers/tpch-check';

const MODES = ['DECIMAL', 'DOUBLE'] as const;

describe.each(MODES)('TPC-H tiny, %s money', (mode) => {
  let engine: LocalEngine;
  beforeAll(() => {
    engine = createLocalEngine({
      catalogs: [
        { name: 'tpch', properties: { 'connector.name': 'tpch', 'tpch.double-type-mapping': mode } },
      ],
    });
  });
  afterAll(() => engine.close());

  test.each(TPCH_QUERIES)('q%i matches the dbgen answer', async (q) => {
    const result = await engine.query(tpchTinyQuery(q));
    const types = result.columns.map((c) => c.type);
    expect(tpchTinyMismatches(q, types, result.rows, renderEngineValue)).toEqual([]);
  });
});

// The benchmark's setting: the same rows copied into memory tables (packed string columns,
// statistics gathered on write, the memory connector's splits and pushdown).
describe('TPC-H tiny over memory tables', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = createLocalEngine({
      catalogs: [
        { name: 'tpch', properties: { 'connector.name': 'tpch', 'tpch.double-type-mapping': 'DECIMAL' } },
        { name: 'memory', properties: { 'connector.name': 'memory' } },
      ],
    });
    await engine.query('CREATE SCHEMA memory.tiny');
    for (const table of TPCH_TABLE_NAMES)
      await engine.query(`CREATE TABLE memory.tiny.${table} AS SELECT * FROM tpch.tiny.${table}`);
  });
  afterAll(() => engine.close());

  test.each(TPCH_QUERIES)('q%i matches the dbgen answer', async (q) => {
    const result = await engine.query(tpchQuery(q, 'tiny', 'memory'));
    const types = result.columns.map((c) => c.type);
    expect(tpchTinyMismatches(q, types, result.rows, renderEngineValue)).toEqual([]);
  });
});
