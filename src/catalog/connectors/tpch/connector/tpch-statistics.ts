/**
 * Table and column statistics of the tpch tables at any scale factor, computed from the TPC-H
 * specification's value domains (and, where the data is not a simple domain, from models of the
 * generator), never by generating data and never from stored statistics files.
 *
 * Statistics are in the generator's units: money in cents, dates in epoch days; the metadata
 * converts them to the column's SQL type. For varchar columns `dataSize` is what Trino's tpch
 * statistics report: the total length of the *distinct* values.
 *
 * How each column is derived, and how close it comes to the real data (checked against Trino's
 * statistics files at SF 0.01 and 1 in test/catalog/tpch-connector/statistics.test.ts, which
 * lists the tolerance of every column that is not exact):
 *
 * - Exact: row counts; keys (1..N; o_orderkey and l_orderkey with their sparse maximum); names
 *   `Supplier#…`/`Customer#…`; nation and region; p_retailprice (a function of the key, counted
 *   over one period of it); ps_suppkey. Equal to the files too, as expectations of n draws that
 *   round to the real value: phones, clerks, nation keys, sizes, quantities, discounts, taxes,
 *   line numbers, order dates, and the columns drawn from a short list (segments, priorities,
 *   brands, types, containers, ship modes and instructions, flags, statuses). 43 of the 61
 *   columns match the files in every statistic at SF 0.01, 45 at SF 1.
 * - Expected values of random draws (n rows drawn from a known distribution; distinct count
 *   Σ 1 − (1 − p)^n, extremes the median of the smallest and largest draw): balances (distinct
 *   within 0.03%; extremes within 0.4% of the range), supply cost and available quantity (distinct
 *   within 0.3%, extremes within 0.03% of the range), o_custkey (a third of the customers never
 *   order; within 0.002%), l_extendedprice (exact value multiplicities; distinct within 0.1%,
 *   extremes within 0.1%), ship, commit and receipt dates (sums of uniform offsets; distinct
 *   within 0.1%, extremes within 2 days).
 * - Models (see their modules): comments (statistics/comment-text.ts: distinct within 1.9%, size
 *   within 2.3%), o_totalprice (statistics/prices.ts: distinct within 0.01%, extremes within 4%),
 *   addresses and part names (distinct exact in practice, size = rows × mean length, within
 *   1.5%), the comment sizes of NATION and REGION (constants, the same at every scale factor:
 *   measured from the generator).
 * - LINEITEM's row count is exact up to 15 million orders (SF 10), counted from the line-count
 *   stream, and 4 × orders beyond (the mean; off by about 0.03%).
 * - After a pushed-down filter on o_orderstatus, ORDERS statistics describe the orders of those
 *   statuses: their share and order dates from the status model (statistics/order-dates.ts;
 *   rows within 0.4% at SF 1, 6% at SF 0.01 for the rare status P), the other columns as n draws.
 */

import { DISTRIBUTIONS } from '../dists';
import { orderKey } from '../formulas';
import { tpchRowCount, type TpchTableName } from '../index';
import {
  CUSTOMER_SCALE_BASE,
  ORDERS_SCALE_BASE,
  PART_SCALE_BASE,
  SUPPLIER_SCALE_BASE,
  SUPPLIERS_PER_PART,
  scaledTotal,
} from '../scaling';
import { commentStatistics } from './statistics/comment-text';
import {
  FIRST_ORDER_DATE,
  LAST_ORDER_DATE,
  ORDER_STATUSES,
  type DayDistribution,
  type OrderStatus,
  commitDateDistribution,
  dayValues,
  receiptDateDistribution,
  shareOnOrBeforeCurrentDate,
  shipDateDistribution,
  statusSlice,
} from './statistics/order-dates';
import {
  TOTAL_PRICE_DOMAIN,
  extendedPriceStatistics,
  retailPriceStatistics,
  totalPriceExtremes,
} from './statistics/prices';
import {
  appears,
  categoricalDraws,
  discreteDraws,
  extremeMass,
  uniformDistinct,
  uniformExtremes,
  weightsToProbabilities,
} from './statistics/sampling';

/** Statistics of one column in generator units (see the module comment). */
export interface RawColumnStatistics {
  /** Expected number of distinct values (not rounded). */
  readonly distinct: number;
  readonly min?: number;
  readonly max?: number;
  /** varchar only: total length of the distinct values. */
  readonly dataSize?: number;
}

export interface RawTableStatistics {
  readonly rowCount: number;
  /** By TPC-H column name (`o_orderkey`). */
  readonly columns: Readonly<Record<string, RawColumnStatistics>>;
}

/** LINEITEM row counts are counted exactly up to this many orders (about 0.2 s), estimated beyond. */
const EXACT_LINEITEM_ORDERS = 15_000_000;
const MEAN_LINES_PER_ORDER = 4;

/**
 * The comments of NATION and REGION: 25 and 5 fixed texts, the same at every scale factor, whose
 * total lengths were measured from the generator.
 */
const NATION_COMMENT_BYTES = 1857;
const REGION_COMMENT_BYTES = 330;

/** Phone numbers: country code of the nation, then 3, 3 and 4 random digits (100-999, 1000-9999). */
const PHONES_PER_NATION = 900 * 900 * 9000;
/** Part names: five distinct colors of the 92 in random order. */
const PART_NAME_COUNT = 92 * 91 * 90 * 89 * 88;
/** Clerks: `max(SF × 1000, 1000)` of them. */
const CLERK_SCALE_BASE = 1000;

const lineitemCountCache = new Map<number, number>();

/** Rows of a whole table at a scale factor (see the module comment for LINEITEM). */
export function tableRowCount(table: TpchTableName, scaleFactor: number): number {
  switch (table) {
    case 'region':
      return DISTRIBUTIONS.regions.size;
    case 'nation':
      return DISTRIBUTIONS.nations.size;
    case 'supplier':
      return scaledTotal(SUPPLIER_SCALE_BASE, scaleFactor);
    case 'customer':
      return scaledTotal(CUSTOMER_SCALE_BASE, scaleFactor);
    case 'part':
      return scaledTotal(PART_SCALE_BASE, scaleFactor);
    case 'partsupp':
      return SUPPLIERS_PER_PART * scaledTotal(PART_SCALE_BASE, scaleFactor);
    case 'orders':
      return scaledTotal(ORDERS_SCALE_BASE, scaleFactor);
    case 'lineitem': {
      const orders = scaledTotal(ORDERS_SCALE_BASE, scaleFactor);
      if (orders > EXACT_LINEITEM_ORDERS) return MEAN_LINES_PER_ORDER * orders;
      let lines = lineitemCountCache.get(scaleFactor);
      if (lines === undefined) {
        lines = tpchRowCount('lineitem', scaleFactor);
        if (lineitemCountCache.size > 64) lineitemCountCache.clear();
        lineitemCountCache.set(scaleFactor, lines);
      }
      return lines;
    }
  }
}

// ---- column shapes ----------------------------------------------------------------------------

function keys(count: number): RawColumnStatistics {
  return count < 1 ? { distinct: 0 } : { distinct: count, min: 1, max: count };
}

function uniform(low: number, high: number, n: number): RawColumnStatistics {
  return { distinct: uniformDistinct(high - low + 1, n), ...uniformExtremes(low, high, n) };
}

function days(distribution: DayDistribution, n: number): RawColumnStatistics {
  const draws = discreteDraws(dayValues(distribution), distribution.probabilities, n);
  return { distinct: draws.distinct, ...draws.extremes };
}

function text(distinct: number, dataSize: number): RawColumnStatistics {
  return { distinct, dataSize };
}

/** A list of strings drawn by their dists.dss weights. */
function listed(
  distribution: { values: readonly string[]; cumulativeWeights: readonly number[] },
  n: number,
): RawColumnStatistics {
  const drawn = categoricalDraws(
    distribution.values,
    weightsToProbabilities(distribution.cumulativeWeights),
    n,
  );
  return text(drawn.distinct, drawn.dataSize);
}

function equallyLikely(values: readonly string[], n: number): RawColumnStatistics {
  const drawn = categoricalDraws(
    values,
    values.map(() => 1 / values.length),
    n,
  );
  return text(drawn.distinct, drawn.dataSize);
}

/** Total length of `Prefix#000000001` .. `Prefix#<count>` (keys padded to 9 digits). */
function keyNameBytes(prefixLength: number, count: number): number {
  let bytes = count * (prefixLength + 9);
  for (let from = 1e9; from <= count; from *= 10) bytes += count - from + 1;
  return bytes;
}

/** Alphanumeric addresses: lengths uniform over [0.4 L, 1.6 L]; practically never repeated. */
function addresses(averageLength: number, n: number): RawColumnStatistics {
  const meanLength = (Math.trunc(averageLength * 0.4) + Math.trunc(averageLength * 1.6)) / 2;
  return text(n, n * meanLength);
}

function phones(n: number): RawColumnStatistics {
  const distinct = uniformDistinct(DISTRIBUTIONS.nations.size * PHONES_PER_NATION, n);
  return text(distinct, Math.round(distinct) * 15);
}

function comments(averageLength: number, n: number): RawColumnStatistics {
  const stats = commentStatistics(averageLength, n);
  return text(stats.distinct, stats.dataSize);
}

function money(stats: {
  distinct: number;
  extremes?: { min: number; max: number } | undefined;
}): RawColumnStatistics {
  return { distinct: stats.distinct, ...stats.extremes };
}

function nationKeys(n: number): RawColumnStatistics {
  return uniform(0, DISTRIBUTIONS.nations.size - 1, n);
}

/** Account balances: uniform over −999.99 .. 9999.99. */
function balances(n: number): RawColumnStatistics {
  return uniform(-99999, 999999, n);
}

// ---- tables -----------------------------------------------------------------------------------

function regionStatistics(): RawTableStatistics {
  const regions = DISTRIBUTIONS.regions;
  return {
    rowCount: regions.size,
    columns: {
      r_regionkey: keysFromZero(regions.size),
      r_name: text(regions.size, totalLength(regions.values)),
      r_comment: text(regions.size, REGION_COMMENT_BYTES),
    },
  };
}

function nationStatistics(): RawTableStatistics {
  const nations = DISTRIBUTIONS.nations;
  // a nation's running weight in dists.dss is its region key
  const regionKeys = new Set(nations.cumulativeWeights);
  return {
    rowCount: nations.size,
    columns: {
      n_nationkey: keysFromZero(nations.size),
      n_name: text(nations.size, totalLength(nations.values)),
      n_regionkey: { distinct: regionKeys.size, min: Math.min(...regionKeys), max: Math.max(...regionKeys) },
      n_comment: text(nations.size, NATION_COMMENT_BYTES),
    },
  };
}

function keysFromZero(count: number): RawColumnStatistics {
  return { distinct: count, min: 0, max: count - 1 };
}

function totalLength(values: readonly string[]): number {
  return values.reduce((sum, v) => sum + v.length, 0);
}

function supplierStatistics(scaleFactor: number): RawTableStatistics {
  const n = scaledTotal(SUPPLIER_SCALE_BASE, scaleFactor);
  return {
    rowCount: n,
    columns: {
      s_suppkey: keys(n),
      s_name: text(n, keyNameBytes('Supplier#'.length, n)),
      s_address: addresses(25, n),
      s_nationkey: nationKeys(n),
      s_phone: phones(n),
      s_acctbal: balances(n),
      s_comment: comments(63, n),
    },
  };
}

function customerStatistics(scaleFactor: number): RawTableStatistics {
  const n = scaledTotal(CUSTOMER_SCALE_BASE, scaleFactor);
  return {
    rowCount: n,
    columns: {
      c_custkey: keys(n),
      c_name: text(n, keyNameBytes('Customer#'.length, n)),
      c_address: addresses(25, n),
      c_nationkey: nationKeys(n),
      c_phone: phones(n),
      c_acctbal: balances(n),
      c_mktsegment: listed(DISTRIBUTIONS.marketSegments, n),
      c_comment: comments(73, n),
    },
  };
}

function partStatistics(scaleFactor: number): RawTableStatistics {
  const n = scaledTotal(PART_SCALE_BASE, scaleFactor);
  const colors = DISTRIBUTIONS.partColors.values;
  const nameLength = (5 * totalLength(colors)) / colors.length + 4;
  const names = uniformDistinct(PART_NAME_COUNT, n);
  const manufacturers = [1, 2, 3, 4, 5].map((m) => `Manufacturer#${m}`);
  const brands = manufacturers.flatMap((_, m) => [1, 2, 3, 4, 5].map((b) => `Brand#${(m + 1) * 10 + b}`));
  return {
    rowCount: n,
    columns: {
      p_partkey: keys(n),
      p_name: text(names, Math.round(names) * nameLength),
      p_mfgr: equallyLikely(manufacturers, n),
      p_brand: equallyLikely(brands, n),
      p_type: listed(DISTRIBUTIONS.partTypes, n),
      p_size: uniform(1, 50, n),
      p_container: listed(DISTRIBUTIONS.partContainers, n),
      p_retailprice: money(retailPriceStatistics(n)),
      p_comment: comments(14, n),
    },
  };
}

function partSuppStatistics(scaleFactor: number): RawTableStatistics {
  const parts = scaledTotal(PART_SCALE_BASE, scaleFactor);
  const suppliers = scaledTotal(SUPPLIER_SCALE_BASE, scaleFactor);
  const n = SUPPLIERS_PER_PART * parts;
  return {
    rowCount: n,
    columns: {
      ps_partkey: keys(parts),
      // supplier (key mod suppliers) + 1 is a part's first supplier, so every supplier is used
      ps_suppkey: keys(Math.min(suppliers, parts)),
      ps_availqty: uniform(1, 9999, n),
      ps_supplycost: uniform(100, 100000, n),
      ps_comment: comments(124, n),
    },
  };
}

/**
 * Customer keys of orders: drawn uniformly over 1..C, but keys divisible by 3 move to the next
 * key (the last customer, if divisible by 3, to the one before), so keys ≡ 1 (mod 3) are twice
 * as likely and keys ≡ 0 never ordered.
 */
function orderCustomerKeys(customers: number, n: number): RawColumnStatistics {
  if (customers < 1 || n < 1) return { distinct: 0 };
  const multiplicity = (key: number): number => {
    if (key < 1 || key > customers) return 0;
    switch (key % 3) {
      case 0:
        return 0;
      case 1:
        return key >= 4 ? 2 : 1;
      default:
        return key === customers - 1 && customers % 3 === 0 ? 2 : 1;
    }
  };
  // keys ≡ 1 from 4 on, and the last-but-one when the last is divisible by 3, are doubled
  const ones = Math.floor((customers + 2) / 3);
  const twos = Math.floor((customers + 1) / 3);
  let doubled = Math.max(0, ones - 1);
  if (customers % 3 === 0) doubled++;
  const single = ones + twos - doubled;
  const distinct = single * appears(1 / customers, n) + doubled * appears(2 / customers, n);
  const tau = extremeMass(n);
  const limit = Math.min(customers, 1_000_000);
  let min = 1;
  for (let key = 1, mass = 0; key <= limit; key++) {
    mass += multiplicity(key) / customers;
    if (mass >= tau) {
      min = key;
      break;
    }
  }
  let max = customers;
  for (let key = customers, mass = 0; key > customers - limit; key--) {
    mass += multiplicity(key) / customers;
    if (mass >= tau) {
      max = key;
      break;
    }
  }
  return { distinct, min, max };
}

/**
 * ORDERS, or the orders whose status is one of `statuses` (a pushed-down filter): the other
 * columns do not depend on the status, except the order date (statuses follow from how far
 * before 1995-06-17 an order was placed) and the total price (status P needs two lines or more).
 */
function ordersStatistics(scaleFactor: number, statuses: readonly OrderStatus[]): RawTableStatistics {
  const orders = scaledTotal(ORDERS_SCALE_BASE, scaleFactor);
  const whole = ORDER_STATUSES.every((s) => statuses.includes(s));
  const slice = statusSlice(statuses);
  const n = whole ? orders : Math.round(orders * slice.share);
  const parts = scaledTotal(PART_SCALE_BASE, scaleFactor);
  const clerks = Math.max(Math.trunc(scaleFactor * CLERK_SCALE_BASE), CLERK_SCALE_BASE);
  const clerkNames = uniformDistinct(clerks, n);
  const statusShares = ORDER_STATUSES.filter((s) => statuses.includes(s)).map((s) => ({
    s,
    share: statusSlice([s]).share,
  }));
  const statusColumn = statusShares.reduce((sum, { share }) => sum + appears(share, orders), 0);
  // the smallest order index of a random subset of density `share`: median of a geometric draw
  const firstIndex =
    slice.share >= 1 ? 1 : Math.min(orders, Math.ceil(Math.log(0.5) / Math.log1p(-slice.share)));
  return {
    rowCount: n,
    columns: {
      o_orderkey:
        n < 1
          ? { distinct: 0 }
          : { distinct: n, min: orderKey(firstIndex), max: orderKey(orders - firstIndex + 1) },
      o_custkey: orderCustomerKeys(scaledTotal(CUSTOMER_SCALE_BASE, scaleFactor), n),
      o_orderstatus: text(statusColumn, statusColumn),
      o_totalprice: {
        distinct: TOTAL_PRICE_DOMAIN * -Math.expm1(-n / TOTAL_PRICE_DOMAIN),
        ...totalPriceExtremes(parts, n, slice.lineWeights),
      },
      o_orderdate: whole ? uniform(FIRST_ORDER_DATE, LAST_ORDER_DATE, n) : days(slice.orderDates, orders),
      o_orderpriority: listed(DISTRIBUTIONS.orderPriorities, n),
      o_clerk: text(clerkNames, Math.round(clerkNames) * ('Clerk#'.length + 9)),
      o_shippriority: n < 1 ? { distinct: 0 } : { distinct: 1, min: 0, max: 0 },
      o_comment: comments(49, n),
    },
  };
}

function lineitemStatistics(scaleFactor: number): RawTableStatistics {
  const orders = scaledTotal(ORDERS_SCALE_BASE, scaleFactor);
  const parts = scaledTotal(PART_SCALE_BASE, scaleFactor);
  const suppliers = scaledTotal(SUPPLIER_SCALE_BASE, scaleFactor);
  const n = tableRowCount('lineitem', scaleFactor);
  // an order has at least j lines with probability (8 − j) / 7; the most lines of any order is
  // at most m with probability (m / 7)^orders
  let lineNumbers = 0;
  let mostLines = 7;
  for (let j = 1; j <= 7; j++) lineNumbers += appears((8 - j) / 7, orders);
  for (let m = 6; m >= 1 && (m / 7) ** orders >= 0.5; m--) mostLines = m;
  const shipped = shareOnOrBeforeCurrentDate(shipDateDistribution());
  const received = shareOnOrBeforeCurrentDate(receiptDateDistribution());
  const flags = DISTRIBUTIONS.returnFlags;
  const flagShares = weightsToProbabilities(flags.cumulativeWeights).map((p) => p * received);
  return {
    rowCount: n,
    columns: {
      l_orderkey:
        orders < 1 ? { distinct: 0 } : { distinct: orders, min: orderKey(1), max: orderKey(orders) },
      l_partkey: uniform(1, parts, n),
      // a line's supplier is one of its part's four; every supplier serves equally many parts
      l_suppkey: uniform(1, suppliers, n),
      l_linenumber: orders < 1 ? { distinct: 0 } : { distinct: lineNumbers, min: 1, max: mostLines },
      l_quantity: quantities(n),
      l_extendedprice: money(extendedPriceStatistics(parts, n)),
      l_discount: uniform(0, 10, n),
      l_tax: uniform(0, 8, n),
      l_returnflag: listedWith([...flags.values, 'N'], [...flagShares, 1 - received], n),
      l_linestatus: listedWith(['F', 'O'], [shipped, 1 - shipped], n),
      l_shipdate: days(shipDateDistribution(), n),
      l_commitdate: days(commitDateDistribution(), n),
      l_receiptdate: days(receiptDateDistribution(), n),
      l_shipinstruct: listed(DISTRIBUTIONS.shipInstructions, n),
      l_shipmode: listed(DISTRIBUTIONS.shipModes, n),
      l_comment: comments(27, n),
    },
  };
}

/** l_quantity: whole quantities 1..50, in cents like the other money columns. */
function quantities(n: number): RawColumnStatistics {
  const units = uniform(1, 50, n);
  return units.min === undefined || units.max === undefined
    ? units
    : { distinct: units.distinct, min: units.min * 100, max: units.max * 100 };
}

function listedWith(
  values: readonly string[],
  probabilities: readonly number[],
  n: number,
): RawColumnStatistics {
  const drawn = categoricalDraws(values, probabilities, n);
  return text(drawn.distinct, drawn.dataSize);
}

// ---- entry point ------------------------------------------------------------------------------

const cache = new Map<string, RawTableStatistics>();

/**
 * Statistics of `table` at `scaleFactor`; for ORDERS optionally of only the orders whose status
 * is in `orderStatuses` (what remains after a pushed-down filter on o_orderstatus).
 */
export function tpchTableStatistics(
  table: TpchTableName,
  scaleFactor: number,
  orderStatuses: readonly OrderStatus[] = ORDER_STATUSES,
): RawTableStatistics {
  const statuses =
    table === 'orders' ? ORDER_STATUSES.filter((s) => orderStatuses.includes(s)) : ORDER_STATUSES;
  const key = `${table}/${scaleFactor}/${statuses.join('')}`;
  let statistics = cache.get(key);
  if (statistics !== undefined) return statistics;
  statistics = compute(table, scaleFactor, statuses);
  if (cache.size > 256) cache.clear();
  cache.set(key, statistics);
  return statistics;
}

function compute(
  table: TpchTableName,
  scaleFactor: number,
  statuses: readonly OrderStatus[],
): RawTableStatistics {
  switch (table) {
    case 'region':
      return regionStatistics();
    case 'nation':
      return nationStatistics();
    case 'supplier':
      return supplierStatistics(scaleFactor);
    case 'customer':
      return customerStatistics(scaleFactor);
    case 'part':
      return partStatistics(scaleFactor);
    case 'partsupp':
      return partSuppStatistics(scaleFactor);
    case 'orders':
      if (statuses.length === 0) return emptyStatistics('orders');
      return ordersStatistics(scaleFactor, statuses);
    case 'lineitem':
      return lineitemStatistics(scaleFactor);
  }
}

function emptyStatistics(table: TpchTableName): RawTableStatistics {
  const columns: Record<string, RawColumnStatistics> = {};
  for (const column of Object.keys(compute(table, 0.01, ORDER_STATUSES).columns))
    columns[column] = { distinct: 0 };
  return { rowCount: 0, columns };
}
