/**
 * Splits of a tpch table: parts 1..N of the generator, every table cut into the same number of
 * parts. Trino makes N = workers × `tpch.splits-per-node`; the engine does that multiplication
 * here (it knows the workers) and passes the result as `desiredCount`, so N = desiredCount.
 *
 * NATION and REGION are not divided: as in Trino, part 1 holds every row and the other parts
 * are empty. Splits carry no addresses: any worker can generate any part.
 */

import type { ConnectorSession, ConnectorSplitManager, Split, TableHandle } from '../../../spi';
import { decodeTableHandle, encodeSplit } from './tpch-handles';

/** Parts beyond this would each hold a handful of rows at most and cost more to schedule. */
export const MAX_SPLITS = 1_000_000;

export class TpchSplitManager implements ConnectorSplitManager {
  async getSplits(_session: ConnectorSession, table: TableHandle, desiredCount: number): Promise<Split[]> {
    const handle = decodeTableHandle(table);
    // a pushed-down filter no value passes (orderstatus IN ()): nothing to generate
    for (const values of handle.constraint.values()) if (values.length === 0) return [];
    const partCount = Number.isFinite(desiredCount)
      ? Math.min(MAX_SPLITS, Math.max(1, Math.floor(desiredCount)))
      : 1;
    const splits: Split[] = [];
    for (let part = 1; part <= partCount; part++) {
      splits.push(encodeSplit({ table: handle.table, scaleFactor: handle.scaleFactor, part, partCount }));
    }
    return splits;
  }
}
