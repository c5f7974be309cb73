/**
 * A few TPC-H queries written out by hand over the generated columns, with exact decimal
 * arithmetic (money in cents, discount and tax in hundredths), formatted as the answer files
 * print them. They prove the data, not the engine: text columns included, they only match if
 * every random stream, the text pool and the dbgen formulas are right.
 */

import { type TpchTableName, generateTpch } from '../../../src/catalog/connectors/tpch';
import { type Table, column, epochDay, formatDecimal, generateTable, isoDate } from './helpers';

/** Whole tables of one scale factor, generated once per test file. */
export class TpchData {
  private readonly tables = new Map<TpchTableName, Table>();

  constructor(readonly scaleFactor: number) {}

  table(name: TpchTableName): Table {
    let table = this.tables.get(name);
    if (table === undefined) {
      table = generateTable(name, this.scaleFactor);
      this.tables.set(name, table);
    }
    return table;
  }

  numbers(table: TpchTableName, name: string): number[] {
    return column<number>(this.table(table), table, name);
  }

  strings(table: TpchTableName, name: string): string[] {
    return column<string>(this.table(table), table, name);
  }
}

const LINEITEM_COLUMNS = {
  quantity: 4,
  extendedPrice: 5,
  discount: 6,
  tax: 7,
  returnFlag: 8,
  lineStatus: 9,
  shipDate: 10,
} as const;

/** Q1, streamed over lineitem batches (so it runs at SF 1 without holding the table). */
export function q1(scaleFactor: number): string[][] {
  const cutoff = epochDay('1998-09-02');
  interface Group {
    count: number;
    quantity: number;
    base: number;
    discount: number;
    discounted: number;
    charge: bigint;
  }
  const groups = new Map<string, Group>();
  for (const batch of generateTpch('lineitem', scaleFactor)) {
    const c = LINEITEM_COLUMNS;
    const quantity = batch.columns[c.quantity] as Float64Array;
    const price = batch.columns[c.extendedPrice] as Float64Array;
    const discount = batch.columns[c.discount] as Float64Array;
    const tax = batch.columns[c.tax] as Float64Array;
    const returnFlag = batch.columns[c.returnFlag] as string[];
    const lineStatus = batch.columns[c.lineStatus] as string[];
    const shipDate = batch.columns[c.shipDate] as Int32Array;
    // per batch the charge (scale 6) stays below 2^53; across batches it needs a BigInt
    const batchCharge = new Map<Group, number>();
    for (let i = 0; i < batch.rowCount; i++) {
      if (shipDate[i] > cutoff) continue;
      const key = returnFlag[i] + lineStatus[i];
      let group = groups.get(key);
      if (group === undefined) {
        group = { count: 0, quantity: 0, base: 0, discount: 0, discounted: 0, charge: 0n };
        groups.set(key, group);
      }
      const discounted = price[i] * (100 - discount[i]);
      group.count++;
      group.quantity += quantity[i];
      group.base += price[i];
      group.discount += discount[i];
      group.discounted += discounted;
      batchCharge.set(group, (batchCharge.get(group) ?? 0) + discounted * (100 + tax[i]));
    }
    for (const [group, charge] of batchCharge) group.charge += BigInt(charge);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => [
      key[0],
      key[1],
      formatDecimal(g.quantity, 2),
      formatDecimal(g.base, 2),
      formatDecimal(g.discounted, 4),
      formatDecimal(g.charge, 6),
      String(g.quantity / 100 / g.count),
      String(g.base / 100 / g.count),
      String(g.discount / 100 / g.count),
      String(g.count),
    ]);
}

/** Q6, streamed. */
export function q6(scaleFactor: number): string[][] {
  const from = epochDay('1994-01-01');
  const to = epochDay('1995-01-01');
  let revenue = 0n;
  for (const batch of generateTpch('lineitem', scaleFactor)) {
    const c = LINEITEM_COLUMNS;
    const quantity = batch.columns[c.quantity] as Float64Array;
    const price = batch.columns[c.extendedPrice] as Float64Array;
    const discount = batch.columns[c.discount] as Float64Array;
    const shipDate = batch.columns[c.shipDate] as Int32Array;
    let sum = 0;
    for (let i = 0; i < batch.rowCount; i++) {
      if (
        shipDate[i] >= from &&
        shipDate[i] < to &&
        discount[i] >= 5 &&
        discount[i] <= 7 &&
        quantity[i] < 2400
      ) {
        sum += price[i] * discount[i];
      }
    }
    revenue += BigInt(sum);
  }
  return [[formatDecimal(revenue, 4)]];
}

/** Q2: the cheapest European suppliers of size-15 brass parts, with their text columns. */
export function q2(data: TpchData): string[][] {
  const regionKey = data.strings('region', 'name').indexOf('EUROPE');
  const nationNames = data.strings('nation', 'name');
  const nationRegion = data.numbers('nation', 'regionkey');
  const supplierNation = data.numbers('supplier', 'nationkey');
  const inEurope = (suppKey: number): boolean => nationRegion[supplierNation[suppKey - 1]] === regionKey;

  const size = data.numbers('part', 'size');
  const type = data.strings('part', 'type');
  const psPart = data.numbers('partsupp', 'partkey');
  const psSupp = data.numbers('partsupp', 'suppkey');
  const psCost = data.numbers('partsupp', 'supplycost');
  const minCost = new Map<number, number>();
  for (let i = 0; i < psPart.length; i++) {
    if (!inEurope(psSupp[i])) continue;
    const best = minCost.get(psPart[i]);
    if (best === undefined || psCost[i] < best) minCost.set(psPart[i], psCost[i]);
  }

  const acctbal = data.numbers('supplier', 'acctbal');
  const sName = data.strings('supplier', 'name');
  const matches: { suppKey: number; partKey: number }[] = [];
  for (let i = 0; i < psPart.length; i++) {
    const p = psPart[i] - 1;
    if (size[p] !== 15 || !type[p].endsWith('BRASS') || !inEurope(psSupp[i])) continue;
    if (psCost[i] === minCost.get(psPart[i])) matches.push({ suppKey: psSupp[i], partKey: psPart[i] });
  }
  const nationOf = (suppKey: number): string => nationNames[supplierNation[suppKey - 1]];
  matches.sort(
    (a, b) =>
      acctbal[b.suppKey - 1] - acctbal[a.suppKey - 1] ||
      compare(nationOf(a.suppKey), nationOf(b.suppKey)) ||
      compare(sName[a.suppKey - 1], sName[b.suppKey - 1]) ||
      a.partKey - b.partKey,
  );
  return matches.slice(0, 100).map(({ suppKey, partKey }) => {
    const s = suppKey - 1;
    return [
      formatDecimal(acctbal[s], 2),
      sName[s],
      nationOf(suppKey),
      String(partKey),
      data.strings('part', 'mfgr')[partKey - 1],
      data.strings('supplier', 'address')[s],
      data.strings('supplier', 'phone')[s],
      data.strings('supplier', 'comment')[s],
    ];
  });
}

/** Q3: unshipped orders of BUILDING customers with the highest revenue. */
export function q3(data: TpchData): string[][] {
  const date = epochDay('1995-03-15');
  const segment = data.strings('customer', 'mktsegment');
  const oKey = data.numbers('orders', 'orderkey');
  const oCust = data.numbers('orders', 'custkey');
  const oDate = data.numbers('orders', 'orderdate');
  const oPriority = data.numbers('orders', 'shippriority');
  const orders = new Map<number, number>();
  for (let i = 0; i < oKey.length; i++) {
    if (oDate[i] < date && segment[oCust[i] - 1] === 'BUILDING') orders.set(oKey[i], i);
  }
  const revenue = new Map<number, number>();
  const lKey = data.numbers('lineitem', 'orderkey');
  const lShip = data.numbers('lineitem', 'shipdate');
  const lPrice = data.numbers('lineitem', 'extendedprice');
  const lDiscount = data.numbers('lineitem', 'discount');
  for (let i = 0; i < lKey.length; i++) {
    if (lShip[i] > date && orders.has(lKey[i])) {
      revenue.set(lKey[i], (revenue.get(lKey[i]) ?? 0) + lPrice[i] * (100 - lDiscount[i]));
    }
  }
  return [...revenue.entries()]
    .sort(([ka, ra], [kb, rb]) => rb - ra || oDate[orders.get(ka)!] - oDate[orders.get(kb)!])
    .slice(0, 10)
    .map(([key, r]) => {
      const o = orders.get(key)!;
      return [String(key), formatDecimal(r, 4), isoDate(oDate[o]), String(oPriority[o])];
    });
}

/** Q10: customers with the most revenue lost to returns, with their text columns. */
export function q10(data: TpchData): string[][] {
  const from = epochDay('1993-10-01');
  const to = epochDay('1994-01-01');
  const oKey = data.numbers('orders', 'orderkey');
  const oCust = data.numbers('orders', 'custkey');
  const oDate = data.numbers('orders', 'orderdate');
  const customerOf = new Map<number, number>();
  for (let i = 0; i < oKey.length; i++)
    if (oDate[i] >= from && oDate[i] < to) customerOf.set(oKey[i], oCust[i]);
  const revenue = new Map<number, number>();
  const lKey = data.numbers('lineitem', 'orderkey');
  const lFlag = data.strings('lineitem', 'returnflag');
  const lPrice = data.numbers('lineitem', 'extendedprice');
  const lDiscount = data.numbers('lineitem', 'discount');
  for (let i = 0; i < lKey.length; i++) {
    const customer = customerOf.get(lKey[i]);
    if (customer === undefined || lFlag[i] !== 'R') continue;
    revenue.set(customer, (revenue.get(customer) ?? 0) + lPrice[i] * (100 - lDiscount[i]));
  }
  const nationNames = data.strings('nation', 'name');
  return [...revenue.entries()]
    .sort(([ka, ra], [kb, rb]) => rb - ra || ka - kb)
    .slice(0, 20)
    .map(([custKey, r]) => {
      const c = custKey - 1;
      return [
        String(custKey),
        data.strings('customer', 'name')[c],
        formatDecimal(r, 4),
        formatDecimal(data.numbers('customer', 'acctbal')[c], 2),
        nationNames[data.numbers('customer', 'nationkey')[c]],
        data.strings('customer', 'address')[c],
        data.strings('customer', 'phone')[c],
        data.strings('customer', 'comment')[c],
      ];
    });
}

/** Q13: customers by number of orders whose comment is not about special requests. */
export function q13(data: TpchData): string[][] {
  const special = /special.*requests/s;
  const counts = new Array<number>(data.table('customer').rowCount).fill(0);
  const oCust = data.numbers('orders', 'custkey');
  const oComment = data.strings('orders', 'comment');
  for (let i = 0; i < oCust.length; i++) if (!special.test(oComment[i])) counts[oCust[i] - 1]++;
  const customersByCount = new Map<number, number>();
  for (const count of counts) customersByCount.set(count, (customersByCount.get(count) ?? 0) + 1);
  return [...customersByCount.entries()]
    .sort(([ca, na], [cb, nb]) => nb - na || cb - ca)
    .map(([count, customers]) => [String(count), String(customers)]);
}

/** Q16: suppliers per part kind, leaving out suppliers with "Customer…Complaints" comments. */
export function q16(data: TpchData): string[][] {
  const sizes = new Set([49, 14, 23, 45, 19, 3, 36, 9]);
  const complaints = /Customer.*Complaints/s;
  const sComment = data.strings('supplier', 'comment');
  const brand = data.strings('part', 'brand');
  const type = data.strings('part', 'type');
  const size = data.numbers('part', 'size');
  const psPart = data.numbers('partsupp', 'partkey');
  const psSupp = data.numbers('partsupp', 'suppkey');
  const suppliers = new Map<string, Set<number>>();
  for (let i = 0; i < psPart.length; i++) {
    const p = psPart[i] - 1;
    if (brand[p] === 'Brand#45' || type[p].startsWith('MEDIUM POLISHED') || !sizes.has(size[p])) continue;
    if (complaints.test(sComment[psSupp[i] - 1])) continue;
    const key = `${brand[p]}|${type[p]}|${size[p]}`;
    let set = suppliers.get(key);
    if (set === undefined) suppliers.set(key, (set = new Set()));
    set.add(psSupp[i]);
  }
  return [...suppliers.entries()]
    .map(([key, set]) => [...key.split('|'), String(set.size)])
    .sort(
      (a, b) =>
        Number(b[3]) - Number(a[3]) ||
        compare(a[0], b[0]) ||
        compare(a[1], b[1]) ||
        Number(a[2]) - Number(b[2]),
    );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
