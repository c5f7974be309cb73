/**
 * How a query's stages are laid out as tasks, the same for the in-process and the cluster
 * scheduler: the splits of a source stage, which of them each task gets, and how many consumers
 * (output partitions) each stage's tasks write for.
 */
import type { Split } from '../catalog/spi';
import { TrinoError } from '../errors';
import type { ExecutionContext } from '../execution/local-execution-planner';
import type { PlanFragment, SubPlan } from '../planner/fragmenter';
import { children } from '../planner/optimizer/plan-rewrite';
import type { PlanNode, TableScanNode } from '../planner/plan';
import type { TaskDescriptor } from './task';

/** The splits of a fragment's partitioned scan; undefined when it has none (not a source stage). */
export async function fragmentSplits(
  fragment: PlanFragment,
  context: ExecutionContext,
  desiredCount: number,
): Promise<Split[] | undefined> {
  if (fragment.partitionedSources.length === 0) return undefined;
  if (fragment.partitionedSources.length > 1)
    throw new TrinoError('GENERIC_INTERNAL_ERROR', `Fragment ${fragment.id} has several partitioned sources`);
  const id = fragment.partitionedSources[0];
  const scan = findScan(fragment.root, id);
  if (!scan)
    throw new TrinoError('GENERIC_INTERNAL_ERROR', `Scan ${id} not found in fragment ${fragment.id}`);
  const catalog = context.catalogs.getCatalog(scan.catalog);
  if (!catalog) throw new TrinoError('CATALOG_NOT_FOUND', `Catalog '${scan.catalog}' not found`);
  const session = context.connectorSession(scan.catalog);
  return catalog.connector.splitManager.getSplits(session, scan.table, desiredCount);
}

function findScan(node: PlanNode, id: number): TableScanNode | undefined {
  if (node.kind === 'TableScan' && node.id === id) return node;
  for (const c of children(node)) {
    const found = findScan(c, id);
    if (found) return found;
  }
  return undefined;
}

/** Trino's task id: `queryId.stageId.partition.attempt` (attempts are always 0 here). */
export function taskId(queryId: string, fragmentId: number, partition: number): string {
  return `${queryId}.${fragmentId}.${partition}.0`;
}

/** Task `partition` of `taskCount` for a fragment: its share of the splits, dealt round-robin. */
export function taskDescriptor(
  queryId: string,
  fragment: PlanFragment,
  partition: number,
  taskCount: number,
  splits: readonly Split[],
  outputPartitionCount: number,
): TaskDescriptor {
  return {
    taskId: taskId(queryId, fragment.id, partition),
    fragment,
    partition,
    sources: fragment.partitionedSources.map((planNodeId) => ({
      planNodeId,
      splits: splits.filter((_, i) => i % taskCount === partition),
    })),
    outputPartitionCount,
  };
}

/** Per fragment, the tasks reading its output: its consumer stage's task count (1 for the root). */
export function consumerCounts(
  plan: SubPlan,
  taskCount: (fragmentId: number) => number,
): Map<number, number> {
  const consumers = new Map<number, number>([[plan.rootFragmentId, 1]]);
  for (const f of plan.fragments)
    for (const source of f.remoteSourceFragments) consumers.set(source, taskCount(f.id));
  return consumers;
}
