/**
 * The fragmenter (DESIGN.md, flow step 4): cuts a plan with REMOTE exchanges into PlanFragments.
 * Each exchange's source becomes a fragment of its own whose output is partitioned as the
 * exchange says; in the consumer the exchange becomes a RemoteSource naming that fragment.
 * Fragments are plain JSON (plan nodes are plain data), so a coordinator can send them to workers.
 */
import { TrinoError } from '../errors';
import type { Symbol } from './ir';
import type { PartitioningHandle, PlanNode, RemoteSourceNode } from './plan';
import { children, withChildren } from './optimizer/plan-rewrite';
import { fromPlanJson, toPlanJson } from './plan-json';

export interface OutputPartitioningScheme {
  /** SINGLE: one consumer; FIXED_HASH: by a hash of `columns`; FIXED_BROADCAST: every consumer. */
  readonly handle: 'SINGLE' | 'FIXED_HASH' | 'FIXED_BROADCAST';
  readonly columns: readonly Symbol[];
}

export interface PlanFragment {
  readonly id: number;
  readonly root: PlanNode;
  /** How the fragment's tasks are laid out: by splits (SOURCE), N hash partitions, or one task. */
  readonly partitioning: Extract<PartitioningHandle, 'SINGLE' | 'SOURCE' | 'FIXED_HASH'>;
  /** Scans whose splits are spread over the fragment's tasks (SOURCE fragments). */
  readonly partitionedSources: readonly number[];
  readonly outputPartitioning: OutputPartitioningScheme;
  /** The fragment's output symbols, in page channel order. */
  readonly outputLayout: readonly Symbol[];
  /** Fragments feeding this one's RemoteSource nodes. */
  readonly remoteSourceFragments: readonly number[];
}

/** Fragments in creation order: children before parents, the root (fragment 0) last. */
export interface SubPlan {
  readonly fragments: readonly PlanFragment[];
  readonly rootFragmentId: number;
}

export function fragmentPlan(root: PlanNode): SubPlan {
  const fragments: PlanFragment[] = [];
  // fragment ids follow Trino's numbering: the root is 0, then in pre-order of the exchanges
  let nextFragmentId = 0;

  const build = (fragmentRoot: PlanNode, id: number, output: OutputPartitioningScheme): void => {
    const scans: number[] = [];
    const remotes: RemoteSourceNode[] = [];
    const cut = (node: PlanNode, inSubquery: boolean): PlanNode => {
      if (node.kind === 'Exchange' && node.scope === 'REMOTE') {
        if (inSubquery)
          throw new TrinoError('GENERIC_INTERNAL_ERROR', 'Remote exchange inside a subquery plan');
        const childId = ++nextFragmentId;
        pending.push({
          root: node.source,
          id: childId,
          output: {
            handle:
              node.type === 'GATHER'
                ? 'SINGLE'
                : node.type === 'REPLICATE'
                  ? 'FIXED_BROADCAST'
                  : 'FIXED_HASH',
            columns: node.partitioning.columns,
          },
        });
        const remote: RemoteSourceNode = {
          kind: 'RemoteSource',
          id: node.id,
          sourceFragmentIds: [childId],
          exchangeType: node.type,
          outputs: node.outputs,
        };
        remotes.push(remote);
        return remote;
      }
      if (node.kind === 'TableScan' && !inSubquery) scans.push(node.id);
      const kids = children(node);
      if (kids.length === 0) return node;
      // a correlated subquery is re-planned per binding inside the task: it stays whole
      const correlated = node.kind === 'Apply' && node.correlation.length > 0;
      const next = kids.map((k, i) => cut(k, inSubquery || (correlated && i === 1)));
      return next.every((n, i) => n === kids[i]) ? node : withChildren(node, next);
    };
    const pending: { root: PlanNode; id: number; output: OutputPartitioningScheme }[] = [];
    const fragmentPlanRoot = cut(fragmentRoot, false);
    const partitioning = remotes.some((r) => r.exchangeType === 'REPARTITION')
      ? 'FIXED_HASH'
      : scans.length > 0
        ? 'SOURCE'
        : 'SINGLE';
    if (partitioning === 'FIXED_HASH' && scans.length > 0)
      throw new TrinoError('GENERIC_INTERNAL_ERROR', `Fragment ${id} mixes table scans and hash inputs`);
    for (const p of pending) build(p.root, p.id, p.output);
    fragments.push({
      id,
      root: fragmentPlanRoot,
      partitioning,
      partitionedSources: scans,
      outputPartitioning: output,
      outputLayout: fragmentPlanRoot.outputs,
      remoteSourceFragments: remotes.flatMap((r) => r.sourceFragmentIds),
    });
  };
  build(root, nextFragmentId, { handle: 'SINGLE', columns: [] });
  return { fragments, rootFragmentId: 0 };
}

/** A fragment as JSON text for the task API (plan-json.ts keeps exotic constants exact). */
export function fragmentToJson(fragment: PlanFragment): string {
  return toPlanJson(fragment);
}

export function fragmentFromJson(text: string): PlanFragment {
  return fromPlanJson<PlanFragment>(text);
}
