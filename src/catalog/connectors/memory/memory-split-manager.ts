/**
 * Splits of a memory table scan: the committed pages of each node, cut into about `desiredCount`
 * runs of consecutive pages with similar row counts, each run one split. Every committed row is
 * in exactly one split. A table without rows has no splits.
 *
 * A split names the node (store) that holds its pages. Splits carry no `addresses`, because the
 * SPI gives a connector no way to learn its own node's address (no ConnectorContext); a split that
 * reaches another process fails with MISSING_DATA instead of reading nothing.
 */
import type { ConnectorSession, ConnectorSplitManager, Split, TableHandle } from '../../spi';
import type { MemoryDataFragment, MemorySplitInfo, MemorySplitItem } from './memory-handles';
import { tableHandle } from './memory-handles';
import type { MemoryMetadata } from './memory-metadata';

interface PageRef {
  readonly group: number;
  readonly page: number;
  readonly rows: number;
}

export class MemorySplitManager implements ConnectorSplitManager {
  constructor(
    private readonly metadata: MemoryMetadata,
    private readonly splitsPerNode: number,
  ) {}

  async getSplits(_session: ConnectorSession, table: TableHandle, desiredCount: number): Promise<Split[]> {
    const { limit } = tableHandle(table);
    const { id, fragments } = this.metadata.committedFragments(table);
    const desired = desiredCount >= 1 ? Math.floor(desiredCount) : this.splitsPerNode;

    // Pages per node in commit order, cut at the limit if one was pushed down.
    const byNode = new Map<string, PageRef[]>();
    let remaining = limit ?? Infinity;
    outer: for (const f of fragments) {
      for (let p = 0; p < f.pageRows.length; p++) {
        if (remaining <= 0) break outer;
        const rows = Math.min(f.pageRows[p], remaining);
        remaining -= rows;
        let refs = byNode.get(f.node);
        if (refs === undefined) byNode.set(f.node, (refs = []));
        refs.push({ group: f.group, page: p, rows });
      }
    }
    const totalRows = sumRows(fragments, limit);

    const splits: Split[] = [];
    for (const [node, refs] of byNode) {
      let nodeRows = 0;
      for (const r of refs) nodeRows += r.rows;
      if (nodeRows === 0) continue;
      const count = Math.max(1, Math.min(refs.length, Math.round((desired * nodeRows) / totalRows)));
      for (const run of cutRuns(refs, nodeRows, count)) {
        const info: MemorySplitInfo = { node, tableId: id, items: toItems(run, fragments) };
        splits.push({ info });
      }
    }
    return splits;
  }
}

function sumRows(fragments: readonly MemoryDataFragment[], limit: number | undefined): number {
  let n = 0;
  for (const f of fragments) n += f.rows;
  return limit === undefined ? n : Math.min(n, limit);
}

/** `count` runs of consecutive pages, each ending once it reaches its share of the rows. */
function cutRuns(refs: readonly PageRef[], rows: number, count: number): PageRef[][] {
  const runs: PageRef[][] = [];
  let run: PageRef[] = [];
  let seen = 0;
  for (let i = 0; i < refs.length; i++) {
    run.push(refs[i]);
    seen += refs[i].rows;
    const pagesLeft = refs.length - i - 1;
    const runsLeft = count - runs.length - 1;
    if (runsLeft > 0 && (seen >= (rows * (runs.length + 1)) / count || pagesLeft <= runsLeft)) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Consecutive pages of one group become one item; a page cut by the limit carries it. */
function toItems(run: readonly PageRef[], fragments: readonly MemoryDataFragment[]): MemorySplitItem[] {
  const pageRows = new Map<number, readonly number[]>();
  for (const f of fragments) pageRows.set(f.group, f.pageRows);
  const items: { group: number; from: number; to: number; rows: number; full: boolean }[] = [];
  for (const r of run) {
    const full = r.rows === pageRows.get(r.group)![r.page];
    const last = items[items.length - 1];
    if (last !== undefined && last.group === r.group && last.to === r.page && last.full) {
      last.to++;
      last.rows += r.rows;
      last.full = full;
    } else {
      items.push({ group: r.group, from: r.page, to: r.page + 1, rows: r.rows, full });
    }
  }
  return items.map(({ group, from, to, rows, full }) =>
    full ? { group, from, to } : { group, from, to, limit: rows },
  );
}
