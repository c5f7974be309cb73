/**
 * applyFilter as Trino's TpchMetadata does it: orders.orderstatus and part.container /
 * part.type go into the table handle (and leave `remaining`); everything else stays with the
 * engine. Reading the filtered rows is checked in scan.test.ts.
 */

import type { Domain, TupleDomain } from '../../../src/catalog/spi';
import { type SqlType, DATE, varcharType } from '../../../src/types';
import { connector, session, tableHandle } from './helpers';

function values(type: SqlType, ...list: unknown[]): Domain {
  return {
    type,
    ranges: list.map((value) => ({ low: { value, inclusive: true }, high: { value, inclusive: true } })),
    nullAllowed: false,
  };
}

function domains(entries: [string, Domain][]): TupleDomain {
  return { domains: new Map(entries) };
}

const STATUS = varcharType(1);
const dateRange: Domain = {
  type: DATE,
  ranges: [{ low: { value: 9000, inclusive: true } }],
  nullAllowed: false,
};

describe('orders', () => {
  const c = connector();

  test('an orderstatus filter goes into the handle; other columns remain', async () => {
    const handle = await tableHandle(c, 'tiny', 'orders');
    const result = await c.metadata.applyFilter!(
      session,
      handle,
      domains([
        ['orderstatus', values(STATUS, 'F', 'X')],
        ['orderdate', dateRange],
      ]),
    );
    expect(result).toBeDefined();
    expect(result!.handle).toEqual({
      schema: 'tiny',
      table: 'orders',
      scaleFactor: 0.01,
      constraint: { o_orderstatus: ['F'] },
    });
    expect(result!.remaining).toEqual(domains([['orderdate', dateRange]]));
    // applying the same filter to the new handle changes nothing
    expect(
      await c.metadata.applyFilter!(session, result!.handle, domains([['orderstatus', values(STATUS, 'F')]])),
    ).toBeUndefined();
  });

  test('filters narrow each other', async () => {
    const handle = await tableHandle(c, 'tiny', 'orders');
    const first = await c.metadata.applyFilter!(
      session,
      handle,
      domains([['orderstatus', values(STATUS, 'F', 'O')]]),
    );
    const second = await c.metadata.applyFilter!(
      session,
      first!.handle,
      domains([['orderstatus', values(STATUS, 'O', 'P')]]),
    );
    expect(second!.handle.constraint).toEqual({ o_orderstatus: ['O'] });
  });

  test('ranges are evaluated over the three statuses', async () => {
    const handle = await tableHandle(c, 'tiny', 'orders');
    const above: Domain = {
      type: STATUS,
      ranges: [{ low: { value: 'F', inclusive: false } }],
      nullAllowed: false,
    };
    const result = await c.metadata.applyFilter!(session, handle, domains([['orderstatus', above]]));
    expect(result!.handle.constraint).toEqual({ o_orderstatus: ['O', 'P'] });
  });

  test('no filter on orderstatus, or one every status passes: nothing to push', async () => {
    const handle = await tableHandle(c, 'tiny', 'orders');
    expect(
      await c.metadata.applyFilter!(session, handle, domains([['orderdate', dateRange]])),
    ).toBeUndefined();
    expect(
      await c.metadata.applyFilter!(
        session,
        handle,
        domains([['orderstatus', values(STATUS, 'F', 'O', 'P')]]),
      ),
    ).toBeUndefined();
    const notNull: Domain = { type: STATUS, nullAllowed: false };
    expect(
      await c.metadata.applyFilter!(session, handle, domains([['orderstatus', notNull]])),
    ).toBeUndefined();
  });

  test('a filter no status passes empties the table: no splits', async () => {
    const handle = await tableHandle(c, 'sf1', 'orders');
    const result = await c.metadata.applyFilter!(
      session,
      handle,
      domains([['orderstatus', values(STATUS, 'X')]]),
    );
    expect(result!.handle.constraint).toEqual({ o_orderstatus: [] });
    expect(await c.splitManager.getSplits(session, result!.handle, 8)).toEqual([]);
    const none = await c.metadata.applyFilter!(session, handle, { none: true });
    expect(none!.remaining).toEqual({ none: true });
    expect(none!.handle.constraint).toEqual({ o_orderstatus: [] });
  });

  test('bounds that are not strings are left to the engine', async () => {
    const handle = await tableHandle(c, 'tiny', 'orders');
    const odd = values(STATUS, 1);
    expect(await c.metadata.applyFilter!(session, handle, domains([['orderstatus', odd]]))).toBeUndefined();
  });

  test('STANDARD naming: the domain is keyed o_orderstatus', async () => {
    const standard = connector({ 'tpch.column-naming': 'STANDARD' });
    const handle = await tableHandle(standard, 'tiny', 'orders');
    const result = await standard.metadata.applyFilter!(
      session,
      handle,
      domains([['o_orderstatus', values(STATUS, 'P')]]),
    );
    expect(result!.handle.constraint).toEqual({ o_orderstatus: ['P'] });
    expect(result!.remaining).toEqual(domains([]));
  });
});

describe('part and the other tables', () => {
  const c = connector();

  test('container and type go into the handle', async () => {
    const handle = await tableHandle(c, 'tiny', 'part');
    const result = await c.metadata.applyFilter!(
      session,
      handle,
      domains([
        ['container', values(varcharType(10), 'SM BOX', 'NOT A BOX')],
        ['type', values(varcharType(25), 'PROMO BRUSHED TIN', 'ECONOMY ANODIZED BRASS')],
        ['size', values({ kind: 'integer' }, 15)],
      ]),
    );
    expect(result!.handle.constraint).toEqual({
      p_container: ['SM BOX'],
      p_type: ['ECONOMY ANODIZED BRASS', 'PROMO BRUSHED TIN'],
    });
    expect([...(result!.remaining as { domains: ReadonlyMap<string, Domain> }).domains.keys()]).toEqual([
      'size',
    ]);
  });

  test.each(['lineitem', 'customer', 'nation'])('%s: nothing is pushed', async (table) => {
    const handle = await tableHandle(c, 'tiny', table);
    expect(
      await c.metadata.applyFilter!(session, handle, domains([['name', values(varcharType(25), 'x')]])),
    ).toBeUndefined();
  });

  test('tpch.predicate-pushdown-enabled=false turns it off', async () => {
    const off = connector({ 'tpch.predicate-pushdown-enabled': 'false' });
    const handle = await tableHandle(off, 'tiny', 'orders');
    expect(
      await off.metadata.applyFilter!(session, handle, domains([['orderstatus', values(STATUS, 'F')]])),
    ).toBeUndefined();
  });
});
