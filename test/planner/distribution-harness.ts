/**
 * Plans SQL against tpch tiny and a memory catalog without running it, for plan-shape tests of
 * the connector pushdown rules, AddExchanges and the fragmenter.
 */
import { CatalogManager } from '../../src/catalog/catalog-manager';
import { memoryConnectorFactory } from '../../src/catalog/connectors/memory';
import { tpchConnectorFactory } from '../../src/catalog/connectors/tpch/connector';
import { functionLibrary } from '../../src/function-library';
import { planDistribution } from '../../src/planner/distributed-planner';
import { fragmentPlan, type SubPlan } from '../../src/planner/fragmenter';
import { Metadata } from '../../src/planner/metadata';
import type { JoinDistributionType } from '../../src/planner/optimizer/add-exchanges';
import { metadataPushdown } from '../../src/planner/optimizer/connector-pushdown';
import { children } from '../../src/planner/optimizer/plan-rewrite';
import type { PlanNode } from '../../src/planner/plan';
import { QueryPlanner } from '../../src/planner/query-planner';
import { createSession, type Session } from '../../src/planner/session';
import { parseStatement, type Query } from '../../src/sql';

export class PlanHarness {
  readonly catalogs = new CatalogManager();
  readonly metadata = new Metadata(this.catalogs);
  readonly session: Session = createSession({ catalog: 'tpch', schema: 'tiny' });

  constructor(tpchProperties: Record<string, string> = {}) {
    this.catalogs.registerFactory(tpchConnectorFactory);
    this.catalogs.registerFactory(memoryConnectorFactory);
    this.catalogs.createCatalog('tpch', { 'connector.name': 'tpch', ...tpchProperties });
    this.catalogs.createCatalog('memory', { 'connector.name': 'memory' });
  }

  /** The optimized logical plan (before connector pushdown and exchanges). */
  async logical(sql: string): Promise<PlanNode> {
    const planner = new QueryPlanner(this.metadata, this.session, functionLibrary.resolver);
    return (await planner.planStatementQuery(parseStatement(sql) as Query)).root;
  }

  async distributed(
    sql: string,
    joinDistributionType: JoinDistributionType = 'AUTOMATIC',
    maxBroadcastBytes = 100 * 1024 * 1024,
  ): Promise<PlanNode> {
    return planDistribution(await this.logical(sql), {
      connectors: metadataPushdown(this.metadata, this.session),
      joinDistributionType,
      maxBroadcastBytes,
      taskCount: 4,
    });
  }

  async fragments(sql: string, joinDistributionType: JoinDistributionType = 'AUTOMATIC'): Promise<SubPlan> {
    return fragmentPlan(await this.distributed(sql, joinDistributionType));
  }
}

/** Every node of a plan, depth first. */
export function nodes(root: PlanNode): PlanNode[] {
  return [root, ...children(root).flatMap(nodes)];
}

export function find<K extends PlanNode['kind']>(root: PlanNode, kind: K): Extract<PlanNode, { kind: K }>[] {
  return nodes(root).filter((n): n is Extract<PlanNode, { kind: K }> => n.kind === kind);
}
