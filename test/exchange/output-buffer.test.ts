import { blockFromValues, valueBlock } from '../../src/execution/block';
import { page, pageRows } from '../../src/execution/page';
import { OutputBuffer } from '../../src/exchange/output-buffer';
import { type SerializedPage, deserializePage, serializePage } from '../../src/exchange/page-codec';
import { partitionOf, partitionPage } from '../../src/exchange/partition-function';
import { BIGINT, DOUBLE, VARCHAR, mapType, timestampWithTimeZoneType } from '../../src/types';

const pageOf = (n: number): SerializedPage => serializePage(page([blockFromValues([n])]), [BIGINT]);
const valueOf = (p: SerializedPage) => pageRows(deserializePage(p.bytes))[0][0];

describe('OutputBuffer token semantics', () => {
  test('repeating a token returns the same pages; a later token acknowledges and frees', async () => {
    const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1 });
    await buffer.enqueue([pageOf(0), pageOf(1), pageOf(2)]);
    const bytesAll = buffer.bufferedBytes;
    const a = await buffer.get(0, 0, 1 << 20, 0);
    const b = await buffer.get(0, 0, 1 << 20, 0);
    expect(a.pages.map(valueOf)).toEqual([0, 1, 2]);
    expect(b.pages.map(valueOf)).toEqual([0, 1, 2]);
    expect([a.token, a.nextToken, a.complete]).toEqual([0, 3, false]);
    expect(b.taskInstanceId).toBe(a.taskInstanceId);

    const c = await buffer.get(0, 2, 1 << 20, 0); // acknowledges 0 and 1
    expect(c.pages.map(valueOf)).toEqual([2]);
    expect(buffer.bufferedBytes).toBeLessThan(bytesAll);
    // a token below what was acknowledged returns nothing (stale request), never old pages
    const stale = await buffer.get(0, 1, 1 << 20, 0);
    expect(stale.pages).toEqual([]);

    buffer.acknowledge(0, 3);
    expect(buffer.bufferedBytes).toBe(0);
    buffer.setNoMorePages();
    const end = await buffer.get(0, 3, 1 << 20, 0);
    expect(end).toMatchObject({ pages: [], complete: true, token: 3, nextToken: 3 });
    expect(buffer.state).toBe('FINISHED');
  });

  test('maxBytes splits a read but always returns at least one page', async () => {
    const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1 });
    await buffer.enqueue([pageOf(0), pageOf(1), pageOf(2)]);
    const one = await buffer.get(0, 0, 1, 0);
    expect(one.pages.length).toBe(1);
    expect(one.nextToken).toBe(1);
  });

  test('a read waits for pages up to maxWait, and returns as soon as one arrives', async () => {
    const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1 });
    const started = Date.now();
    const empty = await buffer.get(0, 0, 1 << 20, 50);
    expect(empty.pages).toEqual([]);
    expect(empty.complete).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const pending = buffer.get(0, 0, 1 << 20, 5000);
    setTimeout(() => buffer.enqueueNow([pageOf(7)]), 20);
    const got = await pending;
    expect(got.pages.map(valueOf)).toEqual([7]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('exactly once across a consumer that retries after lost responses', async () => {
    const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1 });
    const produced = Array.from({ length: 50 }, (_, i) => i);
    const producer = (async () => {
      for (const i of produced) await buffer.enqueue([pageOf(i)]);
      buffer.setNoMorePages();
    })();
    const received: unknown[] = [];
    let token = 0;
    let attempt = 0;
    while (true) {
      const r = await buffer.get(0, token, 200, 100);
      // every third response is "lost in transit": the consumer retries at the same token
      if (attempt++ % 3 === 0) continue;
      received.push(...r.pages.map(valueOf));
      token = r.nextToken;
      if (r.complete) break;
    }
    await producer;
    expect(received).toEqual(produced);
  });

  test('backpressure: enqueue blocks while full and resumes when pages are acknowledged', async () => {
    const one = pageOf(1);
    const buffer = new OutputBuffer({
      type: 'PARTITIONED',
      partitions: 1,
      maxBufferedBytes: one.bytes.byteLength * 2,
    });
    await buffer.enqueue([pageOf(1)]);
    await buffer.enqueue([pageOf(2)]);
    expect(buffer.isFull()).toBe(true);
    let third = false;
    const blocked = buffer.enqueue([pageOf(3)]).then(() => (third = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(third).toBe(false);
    const r = await buffer.get(0, 0, 1 << 20, 0);
    expect(r.pages.length).toBe(2);
    expect(third).toBe(false); // reading is not acknowledging
    buffer.acknowledge(0, 1);
    await blocked;
    expect(third).toBe(true);
    expect(buffer.peakBufferedBytes).toBeLessThanOrEqual(one.bytes.byteLength * 2 + 64);
  });

  test('abort releases waiting producers and readers', async () => {
    const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 1, maxBufferedBytes: 1 });
    await buffer.enqueue([pageOf(1)]);
    const producer = buffer.enqueue([pageOf(2)]);
    const reader = buffer.get(0, 1, 1 << 20, 10_000);
    buffer.abort('FAILED');
    await producer;
    expect(await reader).toMatchObject({ failed: true, pages: [] });
    expect(buffer.state).toBe('FAILED');
    expect(buffer.bufferedBytes).toBe(0);
  });
});

describe('OutputBuffer kinds', () => {
  test('BROADCAST: every buffer gets every page, including buffers added later; pages freed once all ack', async () => {
    const buffer = new OutputBuffer({ type: 'BROADCAST', bufferIds: [0] });
    await buffer.enqueue([pageOf(1), pageOf(2)]);
    buffer.addBuffers([1], true);
    await buffer.enqueue([pageOf(3)]);
    buffer.setNoMorePages();
    const r0 = await buffer.get(0, 0, 1 << 20, 0);
    const r1 = await buffer.get(1, 0, 1 << 20, 0);
    expect(r0.pages.map(valueOf)).toEqual([1, 2, 3]);
    expect(r1.pages.map(valueOf)).toEqual([1, 2, 3]);
    expect(r0.complete && r1.complete).toBe(true);
    buffer.acknowledge(0, 3);
    expect(buffer.bufferedBytes).toBeGreaterThan(0);
    buffer.acknowledge(1, 3);
    expect(buffer.bufferedBytes).toBe(0);
    expect(buffer.state).toBe('FINISHED');
  });

  test('BROADCAST with no consumers at all retains nothing', async () => {
    const buffer = new OutputBuffer({ type: 'BROADCAST' });
    buffer.setNoMoreBuffers();
    await buffer.enqueue([pageOf(1)]);
    expect(buffer.bufferedBytes).toBe(0);
    buffer.setNoMorePages();
    expect(buffer.state).toBe('FINISHED');
  });

  test('ARBITRARY: each page goes to exactly one consumer', async () => {
    const buffer = new OutputBuffer({ type: 'ARBITRARY', bufferIds: [0, 1], maxBufferedBytes: 1 << 30 });
    buffer.setNoMoreBuffers();
    for (let i = 0; i < 20; i++) await buffer.enqueue([pageOf(i)]);
    buffer.setNoMorePages();
    const size = pageOf(0).bytes.byteLength * 3;
    const seen: number[] = [];
    const tokens = [0, 0];
    const complete = [false, false];
    for (let turn = 0; !(complete[0] && complete[1]); turn++) {
      const id = turn % 2;
      if (complete[id]) continue;
      const r = await buffer.get(id, tokens[id], size, 0);
      seen.push(...(r.pages.map(valueOf) as number[]));
      tokens[id] = r.nextToken;
      complete[id] = r.complete;
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(tokens[0]).toBeGreaterThan(0);
    expect(tokens[1]).toBeGreaterThan(0);
  });

  test('PARTITIONED: destroy frees a partition; unknown partitions read as complete', async () => {
    const buffer = new OutputBuffer({ type: 'PARTITIONED', partitions: 2 });
    await buffer.enqueue([pageOf(1)], 0);
    await buffer.enqueue([pageOf(2)], 1);
    expect((await buffer.get(1, 0, 1 << 20, 0)).pages.map(valueOf)).toEqual([2]);
    buffer.destroy(0);
    buffer.destroy(1);
    expect(buffer.bufferedBytes).toBe(0);
    expect((await buffer.get(5, 0, 1 << 20, 0)).complete).toBe(true);
  });
});

describe('partition function', () => {
  test('equal keys land in the same partition whatever their block form; all partitions used', () => {
    const n = 1000;
    const keys = Array.from({ length: n }, (_, i) => i % 97);
    const asNumbers = partitionOf(page([blockFromValues(keys)]), [BIGINT], [0], 8);
    const asValues = partitionOf(page([valueBlock(keys)]), [BIGINT], [0], 8);
    expect(Array.from(asNumbers)).toEqual(Array.from(asValues));
    expect(new Set(asNumbers).size).toBe(8);
    for (let i = 97; i < n; i++) expect(asNumbers[i]).toBe(asNumbers[i - 97]);
  });

  test('SQL equality, not JS identity: -0 and 0, instants in other zones, maps in any order', () => {
    const doubles = partitionOf(page([blockFromValues([0, -0, NaN, NaN])]), [DOUBLE], [0], 1024);
    expect(doubles[0]).toBe(doubles[1]);
    expect(doubles[2]).toBe(doubles[3]);
    const tz = timestampWithTimeZoneType(3);
    const instants = partitionOf(
      page([
        valueBlock([
          { epochMillis: 5, picosOfMilli: 0, timeZone: 'UTC' },
          { epochMillis: 5, picosOfMilli: 0, timeZone: 'Asia/Tokyo' },
        ]),
      ]),
      [tz],
      [0],
      1024,
    );
    expect(instants[0]).toBe(instants[1]);
    const maps = partitionOf(
      page([
        valueBlock([
          [
            ['a', 1],
            ['b', 2],
          ],
          [
            ['b', 2],
            ['a', 1],
          ],
        ]),
      ]),
      [mapType(VARCHAR, BIGINT)],
      [0],
      1024,
    );
    expect(maps[0]).toBe(maps[1]);
  });

  test('partitionPage splits rows without losing or duplicating any', () => {
    const p = page([
      blockFromValues(Array.from({ length: 100 }, (_, i) => i)),
      valueBlock(Array.from({ length: 100 }, (_, i) => `s${i % 10}`)),
    ]);
    const parts = partitionPage(p, [BIGINT, VARCHAR], [1], 4);
    const rows = parts.flatMap((q) => (q ? pageRows(q) : []));
    expect(rows.length).toBe(100);
    expect(new Set(rows.map((r) => r[0])).size).toBe(100);
    for (const q of parts) if (q) expect(new Set(pageRows(q).map((r) => r[1])).size).toBeLessThanOrEqual(10);
    // same key, same partition
    const where = new Map<unknown, number>();
    parts.forEach(
      (q, i) => q && pageRows(q).forEach((r) => expect(where.get(r[1]) ?? (where.set(r[1], i), i)).toBe(i)),
    );
  });
});
