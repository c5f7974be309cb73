/**
 * MemoryExchange: bounded queues with backpressure, broadcast, early abandon by a consumer, and
 * abort; and the scheduler's behaviour at the query level (early LIMIT, failures).
 */
import { createLocalEngine } from '../../src';
import { numberBlock } from '../../src/execution/block';
import type { Page } from '../../src/execution/page';
import { MemoryExchange } from '../../src/scheduler/memory-exchange';

const page = (n: number): Page => ({ positionCount: 1, blocks: [numberBlock(Float64Array.of(n))] });
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('a producer waits while its consumer queue is full', async () => {
  const exchange = new MemoryExchange(1, 1, 2);
  const sink = exchange.sink();
  let written = 0;
  const producing = (async () => {
    for (let i = 0; i < 5; i++) {
      await sink.enqueue(0, page(i));
      written++;
    }
    sink.finish();
  })();
  await tick();
  expect(written).toBe(2);
  const seen: number[] = [];
  for await (const p of exchange.consume(0)) seen.push((p.blocks[0] as { values: Float64Array }).values[0]);
  await producing;
  expect(seen).toEqual([0, 1, 2, 3, 4]);
});

test('broadcast reaches every consumer; a consumer ends when all producers finish', async () => {
  const exchange = new MemoryExchange(2, 2);
  const a = exchange.sink();
  const b = exchange.sink();
  await a.enqueue('all', page(1));
  await b.enqueue(1, page(2));
  a.finish();
  b.finish();
  const rows = async (c: number): Promise<number> => {
    let n = 0;
    for await (const p of exchange.consume(c)) n += p.positionCount;
    return n;
  };
  expect(await rows(0)).toBe(1);
  expect(await rows(1)).toBe(2);
});

test('an abandoned consumer releases a waiting producer and tells it nobody reads', async () => {
  const exchange = new MemoryExchange(1, 1, 1);
  const sink = exchange.sink();
  await sink.enqueue(0, page(1));
  const blocked = sink.enqueue(0, page(2));
  expect(sink.done).toBe(false);
  exchange.abandon(0);
  await blocked;
  expect(sink.done).toBe(true);
});

test('abort ends consumers and producers', async () => {
  const exchange = new MemoryExchange(1, 1, 1);
  const sink = exchange.sink();
  await sink.enqueue(0, page(1));
  const blocked = sink.enqueue(0, page(2));
  const reading = (async () => {
    let n = 0;
    for await (const _ of exchange.consume(0)) {
      n++;
      exchange.abort();
    }
    return n;
  })();
  await blocked;
  expect(await reading).toBe(1);
});

describe('queries through the scheduler', () => {
  const engine = createLocalEngine({ session: { systemProperties: { hash_partition_count: '3' } } });
  afterAll(() => engine.close());

  test('a LIMIT stops every task early', async () => {
    expect((await engine.query('SELECT orderkey FROM tpch.tiny.lineitem LIMIT 5')).rows).toHaveLength(5);
    const plan = (await engine.query('EXPLAIN ANALYZE SELECT orderkey FROM tpch.tiny.lineitem LIMIT 5'))
      .rows[0][0] as string;
    const scanned = /TableScan\[[^\n]*\n[^\n]*\n\s*CPU: [^,]*, Output: (\d+) rows/.exec(plan);
    expect(scanned).not.toBeNull();
    // each of the 3 source tasks reads at most its first page of its first split
    expect(Number(scanned![1])).toBeGreaterThan(0);
    expect(Number(scanned![1])).toBeLessThan(60175);
  });

  test('a failure in a source stage fails the query with its error', async () => {
    await expect(
      engine.query(
        'SELECT count(*) FROM tpch.tiny.orders o JOIN tpch.tiny.customer c ON o.custkey = c.custkey WHERE 1 / (o.orderkey - o.orderkey) > 0',
      ),
    ).rejects.toMatchObject({ errorCode: { name: 'DIVISION_BY_ZERO' } });
    // the engine keeps working
    expect((await engine.query('SELECT count(*) FROM tpch.tiny.nation')).rows).toEqual([[25]]);
  });

  test('EXISTS over an uncorrelated subquery and an empty probe side finish', async () => {
    const result = await engine.query(
      'SELECT count(*) FROM tpch.tiny.orders WHERE orderkey < 0 AND EXISTS (SELECT 1 FROM tpch.tiny.lineitem)',
    );
    expect(result.rows).toEqual([[0]]);
    const some = await engine.query(
      'SELECT count(*) FROM tpch.tiny.orders WHERE EXISTS (SELECT 1 FROM tpch.tiny.lineitem WHERE quantity > 49)',
    );
    expect(some.rows).toEqual([[15000]]);
  });
});
