/**
 * EXPLAIN and EXPLAIN ANALYZE for the local engine: `EXPLAIN (TYPE LOGICAL|DISTRIBUTED|VALIDATE|IO,
 * FORMAT TEXT|JSON|GRAPHVIZ)` print the plan that would run (connector pushdown and exchanges
 * applied, cut into fragments for DISTRIBUTED, Trino's default); EXPLAIN ANALYZE runs the query
 * through the scheduler with statistics on and prints the distributed plan with them.
 */
import { TrinoError } from './errors';
import type { PageStream } from './execution/operators/page-stream';
import {
  formatDistributedPlan,
  formatLogicalPlan,
  jsonDistributedPlan,
  jsonPlanNode,
  type ExplainStats,
} from './planner/explain-printer';
import { fragmentPlan, type SubPlan } from './planner/fragmenter';
import type { Metadata } from './planner/metadata';
import { metadataPushdown } from './planner/optimizer/connector-pushdown';
import { children } from './planner/optimizer/plan-rewrite';
import { collectScanStatistics, estimatesById } from './planner/optimizer/plan-statistics';
import type { PlanNode } from './planner/plan';
import { describe } from './planner/plan-printer';
import type { PlannedQuery } from './planner/query-planner';
import type { Session } from './planner/session';
import { distributedPlan, type ExecutionOptions } from './query-execution';
import type * as ast from './sql';

export interface ExplainResult {
  readonly columns: { readonly name: string; readonly type: string }[];
  readonly rows: unknown[][];
}

export interface ExplainEnvironment {
  readonly metadata: Metadata;
  plan(query: ast.Query, session: Session): Promise<PlannedQuery>;
  /** Runs a plan through the scheduler (the engine's page stream). */
  run(root: PlanNode, session: Session, options: Partial<ExecutionOptions>): PageStream;
}

const QUERY_PLAN = [{ name: 'Query Plan', type: 'varchar' }];

export async function explain(
  statement: ast.Explain,
  session: Session,
  env: ExplainEnvironment,
): Promise<ExplainResult> {
  if (statement.statement.kind !== 'Query')
    throw new TrinoError('NOT_SUPPORTED', 'EXPLAIN supports queries only for now', statement.loc);
  const start = performance.now();
  const planned = await env.plan(statement.statement, session);
  if (statement.analyze) return explainAnalyze(planned, session, env, start, statement);
  const type = statement.type ?? 'DISTRIBUTED';
  const format = statement.format ?? 'TEXT';
  if (type === 'VALIDATE') return { columns: [{ name: 'Valid', type: 'boolean' }], rows: [[true]] };
  const plan = await distributedPlan(planned.root, session, env.metadata);
  const estimates = estimatesById(
    plan,
    await collectScanStatistics(plan, metadataPushdown(env.metadata, session)),
  );
  if (type === 'IO') {
    if (format !== 'JSON' && format !== 'TEXT')
      throw new TrinoError('NOT_SUPPORTED', `EXPLAIN (TYPE IO) does not support ${format}`, statement.loc);
    return { columns: QUERY_PLAN, rows: [[ioPlan(plan)]] };
  }
  if (type === 'LOGICAL') {
    const text =
      format === 'JSON'
        ? JSON.stringify(jsonPlanNode(plan), null, 2)
        : format === 'GRAPHVIZ'
          ? graphviz([{ id: 0, root: plan }])
          : formatLogicalPlan(plan, estimates);
    return { columns: QUERY_PLAN, rows: [[text]] };
  }
  const fragments = fragmentPlan(plan);
  const text =
    format === 'JSON'
      ? jsonDistributedPlan(fragments)
      : format === 'GRAPHVIZ'
        ? graphviz(fragments.fragments)
        : formatDistributedPlan(fragments, undefined, estimates);
  return { columns: QUERY_PLAN, rows: [[text]] };
}

async function explainAnalyze(
  planned: PlannedQuery,
  session: Session,
  env: ExplainEnvironment,
  start: number,
  statement: ast.Explain,
): Promise<ExplainResult> {
  if (statement.format !== undefined && statement.format !== 'TEXT')
    throw new TrinoError(
      'NOT_SUPPORTED',
      `EXPLAIN ANALYZE does not support ${statement.format}`,
      statement.loc,
    );
  let finished: { plan: SubPlan; stats: ExplainStats } | undefined;
  const planning = performance.now() - start;
  const executionStart = performance.now();
  let rows = 0;
  for await (const page of env.run(planned.root, session, {
    collectStats: true,
    onFinished: (plan, stages) => (finished = { plan, stats: stages }),
  }))
    rows += page.positionCount;
  const execution = performance.now() - executionStart;
  if (!finished) throw new TrinoError('GENERIC_INTERNAL_ERROR', 'EXPLAIN ANALYZE ran without statistics');
  const f: { plan: SubPlan; stats: ExplainStats } = finished;
  const header = `Planning: ${planning.toFixed(2)}ms, Execution: ${execution.toFixed(2)}ms, Output: ${rows} rows`;
  const plan = formatDistributedPlan(f.plan, f.stats, undefined, statement.verbose);
  return { columns: QUERY_PLAN, rows: [[`${header}\n${plan}`]] };
}

/** Trino's IO plan: the tables a query reads (and their columns), as JSON. */
function ioPlan(root: PlanNode): string {
  const inputs: unknown[] = [];
  const visit = (n: PlanNode): void => {
    if (n.kind === 'TableScan') {
      const h = n.table as Record<string, unknown>;
      inputs.push({
        table: {
          catalog: n.catalog,
          schemaTable:
            typeof h.schema === 'string' && typeof h.table === 'string'
              ? { schema: h.schema, table: h.table }
              : h,
        },
        columns: n.columns.map((c) => c.name),
      });
    }
    for (const c of children(n)) visit(c);
  };
  visit(root);
  return JSON.stringify({ inputTableColumnInfos: inputs }, null, 2);
}

/** EXPLAIN (FORMAT GRAPHVIZ): one cluster per fragment, edges from each node to its sources. */
function graphviz(fragments: readonly { readonly id: number; readonly root: PlanNode }[]): string {
  const lines = ['digraph logical_plan {'];
  const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  for (const f of fragments) {
    lines.push(`subgraph cluster_${f.id} {`, `label = ${quote(`Fragment ${f.id}`)}`);
    const visit = (n: PlanNode): void => {
      lines.push(`plannode_${n.id}[label=${quote(describe(n))}];`);
      for (const c of children(n)) {
        lines.push(`plannode_${n.id} -> plannode_${c.id};`);
        visit(c);
      }
    };
    visit(f.root);
    lines.push('}');
  }
  for (const f of fragments) {
    const visit = (n: PlanNode): void => {
      if (n.kind === 'RemoteSource')
        for (const s of n.sourceFragmentIds) {
          const source = fragments.find((x) => x.id === s);
          if (source) lines.push(`plannode_${n.id} -> plannode_${source.root.id} [style=dashed];`);
        }
      for (const c of children(n)) visit(c);
    };
    visit(f.root);
  }
  lines.push('}');
  return lines.join('\n');
}
