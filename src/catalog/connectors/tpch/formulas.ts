/**
 * Values dbgen derives from keys rather than draws: order keys, part prices, and which four
 * suppliers supply a part. Shared by the generators that must agree on them.
 */

import { SUPPLIER_SCALE_BASE, SUPPLIERS_PER_PART, scaledTotal } from './scaling';

// a local binding: looking up the global `Math` is slow inside a vm context (jest)
const floor = Math.floor;

/**
 * Order keys are sparse: of each 32 keys only the first 8 are used (the other 24 are left for
 * the TPC-H refresh functions to insert).
 */
export function orderKey(orderIndex: number): number {
  const lowBits = orderIndex % 8;
  return (orderIndex - lowBits) * 4 + lowBits;
}

/** p_retailprice in cents; l_extendedprice is this times the quantity. */
export function partPriceCents(partKey: number): number {
  return 90000 + (floor(partKey / 10) % 20001) + (partKey % 1000) * 100;
}

/** Suppliers at a scale factor: the `supplierCount` argument of `partSupplierKey`. */
export function totalSuppliers(scaleFactor: number): number {
  return scaledTotal(SUPPLIER_SCALE_BASE, scaleFactor);
}

/** The key of supplier `supplierNumber` (0..3) of a part, among `supplierCount` suppliers. */
export function partSupplierKey(partKey: number, supplierNumber: number, supplierCount: number): number {
  const stride = floor(supplierCount / SUPPLIERS_PER_PART) + floor((partKey - 1) / supplierCount);
  return ((partKey + supplierNumber * stride) % supplierCount) + 1;
}
