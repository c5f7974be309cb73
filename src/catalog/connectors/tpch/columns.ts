/**
 * The eight TPC-H tables and their columns, named and typed as Trino's tpch connector has them.
 *
 * Trino shows the simplified names (`orderkey`) by default and the standard ones
 * (`l_orderkey`) when `tpch.column-naming=STANDARD`. Kinds map to SQL types:
 * identifier → BIGINT, integer → INTEGER, date → DATE, varchar → VARCHAR(varcharLength), and
 * money (prices, balances, quantity, discount, tax) → DOUBLE, or DECIMAL(12,2) when
 * `tpch.double-type-mapping=DECIMAL`. Every column is NOT NULL.
 */

export type TpchTableName =
  'region' | 'nation' | 'supplier' | 'customer' | 'part' | 'partsupp' | 'orders' | 'lineitem';

export type TpchColumnKind = 'identifier' | 'integer' | 'money' | 'date' | 'varchar';

export interface TpchColumn {
  /** Trino's default (simplified) name, e.g. `orderkey`. */
  name: string;
  /** The TPC-H name, e.g. `o_orderkey`. */
  standardName: string;
  kind: TpchColumnKind;
  /** Declared length of a varchar column. */
  varcharLength?: number;
}

function column(standardName: string, kind: Exclude<TpchColumnKind, 'varchar'>): TpchColumn;
function column(standardName: string, kind: 'varchar', varcharLength: number): TpchColumn;
function column(standardName: string, kind: TpchColumnKind, varcharLength?: number): TpchColumn {
  const name = standardName.slice(standardName.indexOf('_') + 1);
  return kind === 'varchar' ? { name, standardName, kind, varcharLength } : { name, standardName, kind };
}

/** Table name → columns, in generation (and Trino's) order. */
export const TPCH_TABLES: Record<TpchTableName, { columns: TpchColumn[] }> = {
  region: {
    columns: [
      column('r_regionkey', 'identifier'),
      column('r_name', 'varchar', 25),
      column('r_comment', 'varchar', 152),
    ],
  },
  nation: {
    columns: [
      column('n_nationkey', 'identifier'),
      column('n_name', 'varchar', 25),
      column('n_regionkey', 'identifier'),
      column('n_comment', 'varchar', 152),
    ],
  },
  supplier: {
    columns: [
      column('s_suppkey', 'identifier'),
      column('s_name', 'varchar', 25),
      column('s_address', 'varchar', 40),
      column('s_nationkey', 'identifier'),
      column('s_phone', 'varchar', 15),
      column('s_acctbal', 'money'),
      column('s_comment', 'varchar', 101),
    ],
  },
  customer: {
    columns: [
      column('c_custkey', 'identifier'),
      column('c_name', 'varchar', 25),
      column('c_address', 'varchar', 40),
      column('c_nationkey', 'identifier'),
      column('c_phone', 'varchar', 15),
      column('c_acctbal', 'money'),
      column('c_mktsegment', 'varchar', 10),
      column('c_comment', 'varchar', 117),
    ],
  },
  part: {
    columns: [
      column('p_partkey', 'identifier'),
      column('p_name', 'varchar', 55),
      column('p_mfgr', 'varchar', 25),
      column('p_brand', 'varchar', 10),
      column('p_type', 'varchar', 25),
      column('p_size', 'integer'),
      column('p_container', 'varchar', 10),
      column('p_retailprice', 'money'),
      column('p_comment', 'varchar', 23),
    ],
  },
  partsupp: {
    columns: [
      column('ps_partkey', 'identifier'),
      column('ps_suppkey', 'identifier'),
      column('ps_availqty', 'integer'),
      column('ps_supplycost', 'money'),
      column('ps_comment', 'varchar', 199),
    ],
  },
  orders: {
    columns: [
      column('o_orderkey', 'identifier'),
      column('o_custkey', 'identifier'),
      column('o_orderstatus', 'varchar', 1),
      column('o_totalprice', 'money'),
      column('o_orderdate', 'date'),
      column('o_orderpriority', 'varchar', 15),
      column('o_clerk', 'varchar', 15),
      column('o_shippriority', 'integer'),
      column('o_comment', 'varchar', 79),
    ],
  },
  lineitem: {
    columns: [
      column('l_orderkey', 'identifier'),
      column('l_partkey', 'identifier'),
      column('l_suppkey', 'identifier'),
      column('l_linenumber', 'integer'),
      column('l_quantity', 'money'),
      column('l_extendedprice', 'money'),
      column('l_discount', 'money'),
      column('l_tax', 'money'),
      column('l_returnflag', 'varchar', 1),
      column('l_linestatus', 'varchar', 1),
      column('l_shipdate', 'date'),
      column('l_commitdate', 'date'),
      column('l_receiptdate', 'date'),
      column('l_shipinstruct', 'varchar', 25),
      column('l_shipmode', 'varchar', 10),
      column('l_comment', 'varchar', 44),
    ],
  },
};

export const TPCH_TABLE_NAMES = Object.keys(TPCH_TABLES) as TpchTableName[];
