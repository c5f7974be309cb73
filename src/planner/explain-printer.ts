/**
 * EXPLAIN output in Trino's shapes: the plan tree drawn with Trino's box characters (TEXT), the
 * distributed plan as "Fragment N [SINGLE|HASH|SOURCE]" sections with their output layout and
 * partitioning, and Trino's JSON renderings. With statistics (EXPLAIN ANALYZE) every fragment
 * gets its CPU, rows and peak memory and every node its output rows, bytes and time.
 */
import { formatDataSize } from '../data-size';
import { formatType } from '../types';
import type { OutputPartitioningScheme, PlanFragment, SubPlan } from './fragmenter';
import type { Symbol } from './ir';
import { children } from './optimizer/plan-rewrite';
import type { NodeEstimate } from './optimizer/plan-statistics';
import type { PlanNode } from './plan';
import { describe } from './plan-printer';

/** Statistics of one plan node over all tasks of its stage (scheduler/node-stats.ts). */
export interface ExplainNodeStats {
  readonly outputRows: number;
  readonly outputBytes: number;
  /** Milliseconds inside the node, its sources included. */
  readonly wallMillis: number;
}

export interface ExplainStageStats {
  readonly tasks: number;
  readonly splits: number;
  readonly outputRows: number;
  readonly peakMemoryBytes: number;
  readonly nodes: ReadonlyMap<number, ExplainNodeStats>;
  /** Output rows of each task, by node (EXPLAIN ANALYZE VERBOSE). */
  readonly taskRows?: ReadonlyMap<number, readonly number[]>;
}

export type ExplainStats = ReadonlyMap<number, ExplainStageStats>;

const FRAGMENT_NAMES = { SINGLE: 'SINGLE', FIXED_HASH: 'HASH', SOURCE: 'SOURCE' } as const;

function symbols(list: readonly Symbol[]): string {
  return list.map((s) => s.name).join(', ');
}

function typedSymbols(list: readonly Symbol[]): string {
  return list.map((s) => `${s.name}:${formatType(s.type)}`).join(', ');
}

function outputPartitioning(p: OutputPartitioningScheme): string {
  const name = p.handle === 'FIXED_HASH' ? 'HASH' : p.handle === 'FIXED_BROADCAST' ? 'BROADCAST' : 'SINGLE';
  return `${name} [${symbols(p.columns)}]`;
}

function millis(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : `${ms.toFixed(2)}ms`;
}

/** A node's own time: its stream's time minus its children's (in the same fragment). */
function ownMillis(node: PlanNode, stats: ReadonlyMap<number, ExplainNodeStats>): number {
  const self = stats.get(node.id);
  if (!self) return 0;
  let own = self.wallMillis;
  for (const c of children(node)) own -= stats.get(c.id)?.wallMillis ?? 0;
  return Math.max(0, own);
}

/** The tree under `root`, one node per line with Trino's │ ├─ └─ connectors. */
export interface TreeOptions {
  readonly indent?: string;
  /** EXPLAIN ANALYZE: per node statistics, and the query's total time for percentages. */
  readonly stats?: ReadonlyMap<number, ExplainNodeStats>;
  readonly totalMillis?: number;
  /** EXPLAIN ANALYZE VERBOSE: each node's output rows per task. */
  readonly taskRows?: ReadonlyMap<number, readonly number[]>;
  /** EXPLAIN: the optimizer's estimates by node id. */
  readonly estimates?: ReadonlyMap<number, NodeEstimate>;
}

function estimateLine(e: NodeEstimate | undefined): string {
  const rows = e?.rows === undefined ? '?' : String(Math.round(e.rows));
  const bytes = e?.bytes === undefined ? '?' : formatDataSize(e.bytes);
  return `Estimates: {rows: ${rows} (${bytes}), cpu: ?, memory: ?, network: ?}`;
}

export function formatPlanTree(root: PlanNode, options: TreeOptions = {}): string[] {
  const { indent = '', stats, totalMillis = 0, estimates, taskRows } = options;
  const lines: string[] = [];
  const visit = (node: PlanNode, first: string, rest: string): void => {
    lines.push(`${indent}${first}${describe(node)}`);
    const kids = children(node);
    const detail = `${indent}${rest}${kids.length > 0 ? '│   ' : '    '}`;
    lines.push(`${detail}Layout: [${typedSymbols(node.outputs)}]`);
    if (estimates) lines.push(`${detail}${estimateLine(estimates.get(node.id))}`);
    const s = stats?.get(node.id);
    if (s && stats) {
      const own = ownMillis(node, stats);
      const share = totalMillis > 0 ? ` (${((100 * own) / totalMillis).toFixed(2)}%)` : '';
      const time = node.kind === 'RemoteSource' ? `Blocked: ${millis(own)}` : `CPU: ${millis(own)}${share}`;
      lines.push(`${detail}${time}, Output: ${s.outputRows} rows (${formatDataSize(s.outputBytes)})`);
      const perTask = taskRows?.get(node.id);
      if (perTask && perTask.length > 1) lines.push(`${detail}${distribution(perTask)}`);
    }
    kids.forEach((k, i) => {
      const last = i === kids.length - 1;
      visit(k, `${rest}${last ? '└─ ' : '├─ '}`, `${rest}${last ? '   ' : '│  '}`);
    });
  };
  visit(root, '', '');
  return lines;
}

/** Output rows per task: mean and relative standard deviation, as Trino reports input skew. */
function distribution(rows: readonly number[]): string {
  const mean = rows.reduce((a, b) => a + b, 0) / rows.length;
  const variance = rows.reduce((a, r) => a + (r - mean) ** 2, 0) / rows.length;
  const relative = mean === 0 ? 0 : (100 * Math.sqrt(variance)) / mean;
  return `Output per task: avg.: ${mean.toFixed(2)} rows, std.dev.: ${relative.toFixed(2)}%, tasks: ${rows.length}`;
}

/** EXPLAIN (TYPE LOGICAL): the whole plan, exchanges included, as one tree. */
export function formatLogicalPlan(root: PlanNode, estimates?: ReadonlyMap<number, NodeEstimate>): string {
  return formatPlanTree(root, estimates ? { estimates } : {}).join('\n');
}

/** EXPLAIN (TYPE DISTRIBUTED) and EXPLAIN ANALYZE: one section per fragment, root first. */
export function formatDistributedPlan(
  plan: SubPlan,
  stats?: ExplainStats,
  estimates?: ReadonlyMap<number, NodeEstimate>,
  verbose = false,
): string {
  const sections: string[] = [];
  const ordered = [...plan.fragments].sort((a, b) => a.id - b.id);
  let totalMillis = 0;
  if (stats)
    for (const f of ordered) {
      const nodes = stats.get(f.id)?.nodes;
      if (nodes) totalMillis += cpuMillis(f, nodes);
    }
  for (const f of ordered) {
    const lines = [`Fragment ${f.id} [${FRAGMENT_NAMES[f.partitioning]}]`];
    const stage = stats?.get(f.id);
    if (stage) {
      const input = inputRows(f, stage.nodes);
      lines.push(
        `    CPU: ${millis(cpuMillis(f, stage.nodes))}, Input: ${input} rows; ` +
          `Output: ${stage.outputRows} rows`,
        `    Peak Memory: ${formatDataSize(stage.peakMemoryBytes)}, Tasks count: ${stage.tasks}` +
          (f.partitioning === 'SOURCE' ? `, Splits: ${stage.splits}` : ''),
      );
    }
    lines.push(`    Output layout: [${symbols(f.outputLayout)}]`);
    lines.push(`    Output partitioning: ${outputPartitioning(f.outputPartitioning)}`);
    lines.push(
      ...formatPlanTree(f.root, {
        indent: '    ',
        ...(stage ? { stats: stage.nodes, totalMillis } : {}),
        ...(stage?.taskRows && verbose ? { taskRows: stage.taskRows } : {}),
        ...(estimates ? { estimates } : {}),
      }),
    );
    sections.push(lines.join('\n'));
  }
  return sections.join('\n\n');
}

/** Time of a fragment's operators, without the time spent waiting for remote sources. */
function cpuMillis(f: PlanFragment, nodes: ReadonlyMap<number, ExplainNodeStats>): number {
  let total = nodes.get(f.root.id)?.wallMillis ?? 0;
  const visit = (n: PlanNode): void => {
    if (n.kind === 'RemoteSource') total -= nodes.get(n.id)?.wallMillis ?? 0;
    for (const c of children(n)) visit(c);
  };
  visit(f.root);
  return Math.max(0, total);
}

/** Rows entering a fragment: read by its scans and received by its remote sources. */
function inputRows(f: PlanFragment, nodes: ReadonlyMap<number, ExplainNodeStats>): number {
  let rows = 0;
  const visit = (n: PlanNode): void => {
    if (n.kind === 'TableScan' || n.kind === 'RemoteSource' || n.kind === 'Values')
      rows += nodes.get(n.id)?.outputRows ?? 0;
    for (const c of children(n)) visit(c);
  };
  visit(f.root);
  return rows;
}

/** Trino's JSON rendering of a plan node (JsonRenderer's JsonRenderedNode). */
export interface JsonRenderedNode {
  readonly id: string;
  readonly name: string;
  readonly descriptor: Record<string, string>;
  readonly outputs: { readonly symbol: string; readonly type: string }[];
  readonly details: string[];
  readonly estimates: unknown[];
  readonly children: JsonRenderedNode[];
}

export function jsonPlanNode(node: PlanNode): JsonRenderedNode {
  const text = describe(node);
  const open = text.indexOf('[');
  const name = open < 0 ? text : text.slice(0, open);
  const descriptor: Record<string, string> = {};
  const details: string[] = [];
  if (open >= 0) {
    const body = text.slice(open + 1, text.lastIndexOf(']'));
    // split "a = x, b = [y, z]" at top-level commas
    let depth = 0;
    let start = 0;
    const parts: string[] = [];
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (ch === '[' || ch === '(' || ch === '{') depth++;
      else if (ch === ']' || ch === ')' || ch === '}') depth--;
      else if (ch === ',' && depth === 0) {
        parts.push(body.slice(start, i).trim());
        start = i + 1;
      }
    }
    if (body.trim().length > 0) parts.push(body.slice(start).trim());
    // `key = value` parts describe the node; assignments (`x := f(y)`) are details, as in Trino
    for (const p of parts) {
      const eq = p.indexOf(' = ');
      if (eq > 0 && /^\w+$/.test(p.slice(0, eq))) descriptor[p.slice(0, eq)] = p.slice(eq + 3);
      else details.push(p);
    }
  }
  return {
    id: String(node.id),
    name,
    descriptor,
    outputs: node.outputs.map((s) => ({ symbol: s.name, type: formatType(s.type) })),
    details,
    estimates: [],
    children: children(node).map(jsonPlanNode),
  };
}

/** EXPLAIN (TYPE DISTRIBUTED, FORMAT JSON): fragment id → its plan, as Trino prints it. */
export function jsonDistributedPlan(plan: SubPlan): string {
  const out: Record<string, JsonRenderedNode> = {};
  for (const f of [...plan.fragments].sort((a, b) => a.id - b.id)) out[String(f.id)] = jsonPlanNode(f.root);
  return JSON.stringify(out, null, 2);
}
