/**
 * TPC-H tiny through every distribution shape: partitioned joins over 3 hash partitions, forced
 * broadcast joins, and a single task per stage. The answers must equal the dbgen answers however
 * the plan is cut into fragments and tasks.
 */
import { createLocalEngine, type LocalEngine } from '../../src';
import { TPCH_QUERIES, renderEngineValue, tpchTinyMismatches, tpchTinyQuery } from '../helpers/tpch-check';

const SETTINGS = [
  { hash_partition_count: '3', join_distribution_type: 'PARTITIONED', money: 'DECIMAL' },
  { hash_partition_count: '2', join_distribution_type: 'BROADCAST', money: 'DECIMAL' },
  { hash_partition_count: '1', join_distribution_type: 'AUTOMATIC', money: 'DECIMAL' },
  // doubles: q15 compares sums computed twice, which must agree bit for bit across tasks
  { hash_partition_count: '4', join_distribution_type: 'PARTITIONED', money: 'DOUBLE' },
] as const;

describe.each(SETTINGS)('TPC-H tiny with %o', ({ money, ...properties }) => {
  let engine: LocalEngine;
  beforeAll(() => {
    engine = createLocalEngine({
      catalogs: [
        { name: 'tpch', properties: { 'connector.name': 'tpch', 'tpch.double-type-mapping': money } },
      ],
      session: { systemProperties: { ...properties } },
      splitsPerScan: 5,
    });
  });
  afterAll(() => engine.close());

  test.each(TPCH_QUERIES)('q%i matches the dbgen answer', async (q) => {
    const result = await engine.query(tpchTinyQuery(q));
    const types = result.columns.map((c) => c.type);
    expect(tpchTinyMismatches(q, types, result.rows, renderEngineValue)).toEqual([]);
  });
});
