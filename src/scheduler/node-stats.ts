/**
 * Per plan node statistics of a task, for EXPLAIN ANALYZE: output rows, pages and bytes of each
 * node's stream and the wall time spent inside its `next()` (children included; the printer
 * subtracts the children to get each node's own time). Only installed when statistics are asked
 * for, so ordinary queries pay nothing per page.
 */
import type { PageStream } from '../execution/operators/page-stream';
import { pageBytes } from '../execution/memory-context';
import type { PlanNode } from '../planner/plan';

export interface NodeStats {
  outputRows: number;
  outputPages: number;
  outputBytes: number;
  /** Milliseconds inside the node's stream, its sources' time included. */
  wallMillis: number;
}

export function emptyNodeStats(): NodeStats {
  return { outputRows: 0, outputPages: 0, outputBytes: 0, wallMillis: 0 };
}

export class NodeStatsCollector {
  readonly byNode = new Map<number, NodeStats>();

  observe(node: PlanNode, stream: PageStream): PageStream {
    let stats = this.byNode.get(node.id);
    if (!stats) this.byNode.set(node.id, (stats = emptyNodeStats()));
    return observed(stream, stats);
  }
}

async function* observed(stream: PageStream, stats: NodeStats): PageStream {
  const it = stream[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      const start = performance.now();
      const r = await it.next();
      stats.wallMillis += performance.now() - start;
      if (r.done) {
        done = true;
        return;
      }
      stats.outputRows += r.value.positionCount;
      stats.outputPages++;
      stats.outputBytes += pageBytes(r.value);
      yield r.value;
    }
  } finally {
    if (!done) await it.return?.();
  }
}

/** Adds `from` into `into` (stats of one node over the tasks of a stage). */
export function addNodeStats(into: NodeStats, from: NodeStats): void {
  into.outputRows += from.outputRows;
  into.outputPages += from.outputPages;
  into.outputBytes += from.outputBytes;
  into.wallMillis += from.wallMillis;
}
