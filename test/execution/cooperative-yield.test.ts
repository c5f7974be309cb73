/** A long query leaves the event loop free between pages, so a server's timers and sockets keep running. */
import { createLocalEngine } from '../../src/index';

test('timers fire while a query scans many pages', async () => {
  const engine = createLocalEngine();
  try {
    // the tpch text pool is built once per process, synchronously: build it before measuring
    await engine.query('SELECT comment FROM tpch.tiny.orders LIMIT 1');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const result = await engine.query('SELECT count(*) FROM tpch.sf1.orders WHERE orderkey % 7 = 3');
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(result.rows[0][0]).toBeGreaterThan(0);
    // generating 1.5M orders takes far longer than one 20 ms slice; without yielding, no tick could run
    expect(elapsed).toBeGreaterThan(200);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 200));
  } finally {
    await engine.close();
  }
}, 120_000);
