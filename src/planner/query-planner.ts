/**
 * QueryPlanner: analyzes a Query AST and builds its logical plan in one pass (as Trino's
 * RelationPlanner/QueryPlanner pair does after analysis): FROM relations and joins, WHERE,
 * GROUP BY and aggregates, HAVING, the select list, DISTINCT, ORDER BY, OFFSET, LIMIT, VALUES
 * and WITH. Names resolve through Scopes; every expression is typed by ExpressionAnalyzer.
 */
import { TrinoError, errorCode } from '../errors';
import type * as ast from '../sql';
import {
  BIGINT,
  BOOLEAN,
  INTEGER,
  VARCHAR,
  canCoerce,
  commonSuperType,
  formatType,
  isOrderableType,
  rowType,
  typeEquals,
  type SqlType,
} from '../types';
import { sessionValue } from '../session-properties';
import { recursiveShape, type RecursiveShape } from './recursive-with';
import { aggregateResultType } from './aggregate-signatures';
import {
  ExpressionAnalyzer,
  expressionKey,
  isAggregateName,
  type FunctionResolver,
  type SubqueryBinder,
} from './expression-analyzer';
import { freeSymbols } from './plan-walk';
import { checkWindowDefinitions, resolveWindow, windowFrame, windowResultType } from './windows';
import { decorrelateExists, decorrelateScalarAggregate } from './decorrelation';
import { symbolReference, type RowExpression, type Symbol } from './ir';
import { formatObjectName, type Metadata, type QualifiedObjectName } from './metadata';
import { INFORMATION_SCHEMA, readInformationSchema } from './information-schema';
import type { ViewDefinition } from '../catalog/spi';
import { parseStatement } from '../sql';
import type { AggregateCall, ApplyNode, Assignment, OrderingItem, PlanNode } from './plan';
import { Scope, type Field } from './scope';
import { pushDownPredicates } from './optimizer/predicate-pushdown';
import { distinctBound, reorderJoins } from './optimizer/join-reordering';
import { chooseSemiJoinBuildSides } from './optimizer/semi-join-build-side';
import { isUnnest, planUnnest, planUnnestJoin, type UnnestPlanning } from './unnest';
import { filterSelectivity } from './optimizer/filter-selectivity';
import { collectAggregates, collectGroupingCalls, collectWindowCalls, findSubqueries } from './ast-search';
import { and, conjuncts, equiPair, requireBoolean } from './predicates';
import { pruneColumns } from './optimizer/prune-columns';
import type { Session } from './session';

export interface RelationPlan {
  readonly node: PlanNode;
  readonly fields: readonly Field[];
}

export interface PlannedQuery {
  readonly root: PlanNode;
  readonly columnNames: readonly string[];
  readonly columnTypes: readonly SqlType[];
}

export class QueryPlanner {
  private nextId = 0;
  private nextSymbol = 0;
  /** Row counts of table scans from connector statistics, by node id. */
  private readonly rowCounts = new Map<number, number>();
  /** Upper bounds of table columns' distinct values, by scan output symbol (join ordering). */
  private readonly distinctCounts = new Map<string, number>();
  private readonly ctes: Map<string, ast.WithQuery>[] = [];

  /** WITH RECURSIVE queries that refer to themselves, and their shape. */
  private readonly recursiveQueries = new Map<ast.WithQuery, RecursiveShape>();
  /** While a recursion step is planned: its name reads the previous level. */
  private readonly recursionLevels = new Map<string, () => Promise<RelationPlan>>();

  /** WITH queries being planned: their own names do not refer to them. */
  private readonly expandingCtes = new Set<ast.WithQuery>();

  /** Views being expanded (to stop recursive views). */
  private readonly expandingViews = new Set<string>();

  constructor(
    private readonly metadata: Metadata,
    private readonly session: Session,
    private readonly functions: FunctionResolver,
    /** The planner of the enclosing query, when planning a view: symbols and ids stay unique. */
    private readonly parent?: QueryPlanner,
  ) {
    if (parent) for (const v of parent.expandingViews) this.expandingViews.add(v);
  }

  async planStatementQuery(query: ast.Query): Promise<PlannedQuery> {
    const plan = await this.planQuery(query);
    const visible = plan.fields.filter((f) => !f.hidden);
    const columnNames = visible.map((f, i) => f.name ?? `_col${i}`);
    const outputs = visible.map((f) => f.symbol);
    return {
      root: this.optimize({ kind: 'Output', id: this.id(), source: plan.node, columnNames, outputs }),
      columnNames,
      columnTypes: outputs.map((s) => s.type),
    };
  }

  /** Rule passes: predicates down (join keys out of WHERE), joins reordered, predicates down again. */
  private optimize(root: PlanNode): PlanNode {
    const estimate = (node: PlanNode): number | undefined => this.estimateRows(node);
    const distinct = (symbol: string): number | undefined => this.distinctCounts.get(symbol);
    const pushed = pushDownPredicates(reorderJoins(pushDownPredicates(root), estimate, distinct));
    return pruneColumns(chooseSemiJoinBuildSides(pushed, estimate));
  }

  /** A coarse row-count estimate from table statistics, for join ordering. */
  private estimateRows(node: PlanNode): number | undefined {
    switch (node.kind) {
      case 'TableScan':
        return this.rowCounts.get(node.id);
      case 'Values':
        return node.rows.length;
      case 'Filter': {
        const n = this.estimateRows(node.source);
        const distinct = (symbol: string): number | undefined => this.distinctCounts.get(symbol);
        return n === undefined ? undefined : n * filterSelectivity(node.predicate, distinct);
      }
      case 'Project':
        return this.estimateRows(node.source);
      case 'SemiJoin':
      case 'Apply':
        return this.estimateRows(node.input);
      case 'Aggregation': {
        const n = this.estimateRows(node.source);
        return n === undefined ? undefined : node.groupingKeys.length === 0 ? 1 : n * 0.1;
      }
      case 'Join': {
        const l = this.estimateRows(node.left);
        const r = this.estimateRows(node.right);
        return l === undefined || r === undefined ? undefined : Math.max(l, r);
      }
      default:
        return undefined;
    }
  }

  private id(): number {
    return this.parent ? this.parent.id() : this.nextId++;
  }

  symbol(hint: string, type: SqlType): Symbol {
    if (this.parent) return this.parent.symbol(hint, type);
    const base =
      hint
        .replace(/[^a-z0-9_]/gi, '_')
        .toLowerCase()
        .slice(0, 30) || 'expr';
    return { name: `${base}_${this.nextSymbol++}`, type };
  }

  private analyzer(
    scope: Scope,
    context: Omit<ConstructorParameters<typeof ExpressionAnalyzer>[1] & object, 'functionResolver'> = {},
  ): ExpressionAnalyzer {
    return new ExpressionAnalyzer(scope, { ...context, functionResolver: this.functions });
  }

  // ---- queries ------------------------------------------------------------------------------

  async planQuery(query: ast.Query, outer?: Scope): Promise<RelationPlan> {
    if (query.with) {
      const frame = new Map<string, ast.WithQuery>();
      for (const w of query.with.queries) {
        if (query.with.recursive) {
          const shape = recursiveShape(w);
          if (shape) this.recursiveQueries.set(w, shape);
        }
        const name = w.name.value.toLowerCase();
        if (frame.has(name))
          throw new TrinoError(
            'DUPLICATE_NAMED_QUERY',
            `WITH query name '${name}' specified more than once`,
            w.loc,
          );
        frame.set(name, w);
      }
      this.ctes.push(frame);
    }
    try {
      return await this.planQueryBody(query, outer);
    } finally {
      if (query.with) this.ctes.pop();
    }
  }

  private async planQueryBody(query: ast.Query, outer?: Scope): Promise<RelationPlan> {
    const body = query.body;
    if (body.kind === 'QuerySpecification') return this.planQuerySpecification(body, query, outer);
    let plan: RelationPlan;
    switch (body.kind) {
      case 'Values':
        plan = this.planValues(body, outer);
        break;
      case 'ParenthesizedQuery':
        plan = await this.planQuery(body.query, outer);
        break;
      case 'TableReference':
        plan = await this.planTable({ kind: 'Table', name: body.name, loc: body.loc });
        break;
      case 'SetOperation':
        plan = await this.planSetOperation(body, outer);
        break;
    }
    return await this.planOrderAndLimit(
      plan,
      query,
      plan.fields.map((f) => f.symbol),
      new Scope(plan.fields, outer),
      new Map(),
    );
  }

  /** A set operation's operand: any query body, without ORDER BY or LIMIT of its own. */
  private planQueryBodyOnly(body: ast.QueryBody, outer?: Scope): Promise<RelationPlan> {
    return this.planQuery({ kind: 'Query', body, loc: body.loc }, outer);
  }

  private async planSetOperation(op: ast.SetOperation, outer?: Scope): Promise<RelationPlan> {
    const left = await this.planQueryBodyOnly(op.left, outer);
    const right = await this.planQueryBodyOnly(op.right, outer);
    const lv = left.fields.filter((f) => !f.hidden);
    const rv = right.fields.filter((f) => !f.hidden);
    if (lv.length !== rv.length) {
      throw new TrinoError(
        'TYPE_MISMATCH',
        `${op.operator} query has different number of fields: ${lv.length}, ${rv.length}`,
        op.loc,
      );
    }
    const types = lv.map((f, i) => {
      const t = commonSuperType(f.symbol.type, rv[i].symbol.type);
      if (!t) {
        throw new TrinoError(
          'TYPE_MISMATCH',
          `column ${i + 1} in ${op.operator} query has incompatible types: ${formatType(f.symbol.type)}, ${formatType(rv[i].symbol.type)}`,
          op.loc,
        );
      }
      return t;
    });
    const align = (fields: readonly Field[], node: PlanNode): PlanNode =>
      this.projectTo(
        node,
        fields.map((f, i) => {
          const symbol = this.symbol(f.name ?? `_col${i}`, types[i]);
          const ref = symbolReference(f.symbol);
          const expression: RowExpression =
            formatType(f.symbol.type) === formatType(types[i])
              ? ref
              : { kind: 'cast', value: ref, safe: false, type: types[i] };
          return { symbol, expression };
        }),
      );
    const outputs = lv.map((f, i) => this.symbol(f.name ?? `_col${i}`, types[i]));
    const node: PlanNode = {
      kind: 'SetOperation',
      id: this.id(),
      operator: op.operator,
      distinct: op.distinct,
      inputs: [align(lv, left.node), align(rv, right.node)],
      outputs,
    };
    return { node, fields: lv.map((f, i) => ({ symbol: outputs[i], ...(f.name ? { name: f.name } : {}) })) };
  }

  private planValues(values: ast.Values, outer?: Scope): RelationPlan {
    const analyzer = this.analyzer(new Scope([], outer));
    const rows = values.rows.map((r) =>
      (r.kind === 'RowConstructor' ? r.values : [r]).map((e) => analyzer.analyze(e)),
    );
    const width = rows[0].length;
    for (const r of rows) {
      if (r.length !== width)
        throw new TrinoError('TYPE_MISMATCH', 'Values rows have mismatched sizes', values.loc);
    }
    const columns: RowExpression[][] = [];
    for (let c = 0; c < width; c++)
      columns.push(
        analyzer.coerceAll(
          rows.map((r) => r[c]),
          'VALUES',
          values.loc,
        ),
      );
    const outputs = columns.map((col, c) => this.symbol(`_col${c}`, col[0].type));
    const coercedRows = rows.map((_, r) => columns.map((col) => col[r]));
    return {
      node: { kind: 'Values', id: this.id(), rows: coercedRows, outputs },
      fields: outputs.map((symbol, c) => ({ name: `_col${c}`, symbol })),
    };
  }

  private async planQuerySpecification(
    spec: ast.QuerySpecification,
    query: ast.Query,
    outer?: Scope,
  ): Promise<RelationPlan> {
    if (spec.distinctOn) throw new TrinoError('NOT_SUPPORTED', 'DISTINCT ON is not supported', spec.loc);
    checkWindowDefinitions(spec);
    let plan: RelationPlan = spec.from
      ? await this.planRelation(spec.from, outer)
      : { node: { kind: 'Values', id: this.id(), rows: [[]], outputs: [] }, fields: [] };
    let scope = new Scope(plan.fields, outer);

    if (spec.where) {
      const subqueries = await this.prepareSubqueries([spec.where], scope);
      const predicate = this.analyzer(scope, { subqueries: subqueries.binder }).analyze(spec.where);
      requireBoolean(predicate, 'WHERE clause', spec.where.loc);
      const input = subqueries.wrap(plan.node);
      plan = {
        node: { kind: 'Filter', id: this.id(), source: input, predicate, outputs: plan.node.outputs },
        fields: plan.fields,
      };
    }

    // select items: expand `*` now so grouping and ordinals see the real list
    const selectItems = this.expandSelectItems(spec.selectItems, scope);

    // aggregation
    const aggregateCalls = collectAggregates([
      ...selectItems.flatMap((s) => (s.expression ? [s.expression] : [])),
      ...(spec.having ? [spec.having] : []),
      ...(query.orderBy ?? []).map((o) => o.key),
    ]);
    const replacements = new Map<string, RowExpression>();
    let grouped = false;
    let groupKeys: readonly Symbol[] = [];
    // HAVING without GROUP BY makes the query a global aggregation, as in Trino
    if (spec.groupBy || aggregateCalls.length > 0 || spec.having) {
      ({
        plan,
        scope,
        keys: groupKeys,
      } = await this.planAggregation(plan, scope, spec, selectItems, aggregateCalls, replacements));
      grouped = true;
    }

    if (spec.having) {
      const subqueries = await this.prepareSubqueries([spec.having], scope);
      const predicate = this.analyzer(scope, {
        replacements,
        groupedBy: grouped,
        subqueries: subqueries.binder,
      }).analyze(spec.having);
      requireBoolean(predicate, 'HAVING clause', spec.having.loc);
      const input = subqueries.wrap(plan.node);
      plan = {
        node: { kind: 'Filter', id: this.id(), source: input, predicate, outputs: plan.node.outputs },
        fields: plan.fields,
      };
    }

    // window functions (over the grouped rows when the query aggregates)
    const windowCalls = collectWindowCalls([
      ...selectItems.flatMap((s) => (s.expression ? [s.expression] : [])),
      ...(query.orderBy ?? []).map((o) => o.key),
    ]);
    if (windowCalls.length > 0) {
      plan = {
        node: await this.planWindows(plan.node, scope, spec, windowCalls, replacements, grouped),
        fields: plan.fields,
      };
    }

    // projection of the select list
    const selectSubqueries = await this.prepareSubqueries(
      selectItems.flatMap((s) => (s.expression ? [s.expression] : [])),
      scope,
    );
    const selectAnalyzer = this.analyzer(scope, {
      replacements,
      groupedBy: grouped,
      subqueries: selectSubqueries.binder,
    });
    const assignments: Assignment[] = [];
    const outputFields: Field[] = [];
    for (const item of selectItems) {
      const expression = item.expression
        ? selectAnalyzer.analyze(item.expression)
        : this.directReference(item.symbol!, grouped, groupKeys, spec.loc);
      const symbol =
        expression.kind === 'symbol'
          ? { name: expression.name, type: expression.type }
          : this.symbol(item.name ?? 'expr', expression.type);
      assignments.push({ symbol, expression });
      outputFields.push({ name: item.name, symbol, relation: item.relation });
    }
    // ORDER BY may use expressions over the input: keep the input symbols available for it
    const orderReplacements = new Map(replacements);
    selectItems.forEach((item, i) => {
      if (item.expression)
        orderReplacements.set(expressionKey(item.expression), symbolReference(assignments[i].symbol));
    });
    plan = { node: selectSubqueries.wrap(plan.node), fields: plan.fields };
    const passThrough = plan.node.outputs.filter((s) => !assignments.some((a) => a.symbol.name === s.name));
    const projectOutputs = [...assignments.map((a) => a.symbol), ...(spec.distinct ? [] : passThrough)];
    plan = {
      node: {
        kind: 'Project',
        id: this.id(),
        source: plan.node,
        assignments: [
          ...assignments,
          ...(spec.distinct ? [] : passThrough.map((s) => ({ symbol: s, expression: symbolReference(s) }))),
        ],
        outputs: dedupe(projectOutputs),
      },
      fields: outputFields,
    };

    if (spec.distinct) {
      const keys = dedupe(assignments.map((a) => a.symbol));
      plan = {
        node: {
          kind: 'Aggregation',
          id: this.id(),
          source: plan.node,
          groupingKeys: keys,
          aggregates: [],
          step: 'SINGLE',
          outputs: keys,
        },
        fields: outputFields,
      };
    }
    const orderScope = spec.distinct ? new Scope(outputFields, outer) : scope;
    // SELECT DISTINCT: a sort key that names input columns must be one of the select items
    const sourceAnalyzer = this.analyzer(scope, { replacements, groupedBy: grouped });
    const distinctSortKey = (key: ast.Expression): Symbol => {
      const text = irKey(sourceAnalyzer.analyze(key));
      const match = assignments.find((a) => irKey(a.expression) === text);
      if (!match)
        throw new TrinoError(
          'EXPRESSION_NOT_IN_DISTINCT',
          'For SELECT DISTINCT, ORDER BY expressions must appear in select list',
          key.loc,
        );
      return match.symbol;
    };
    return await this.planOrderAndLimit(
      plan,
      query,
      assignments.map((a) => a.symbol),
      orderScope,
      orderReplacements,
      grouped && !spec.distinct,
      outputFields,
      spec.distinct ? distinctSortKey : undefined,
    );
  }

  /** ORDER BY (ordinals, output names, or expressions), OFFSET and LIMIT, then the final column list. */
  private async planOrderAndLimit(
    plan: RelationPlan,
    query: ast.Query,
    outputSymbols: readonly Symbol[],
    scope: Scope,
    replacements: Map<string, RowExpression>,
    grouped = false,
    outputFields: readonly Field[] = plan.fields,
    fallbackSortKey?: (key: ast.Expression) => Symbol,
  ): Promise<RelationPlan> {
    let node = plan.node;
    if (query.orderBy) {
      const extra: Assignment[] = [];
      const ordering: OrderingItem[] = [];
      const subqueries = await this.prepareSubqueries(
        query.orderBy.map((o) => o.key),
        scope,
      );
      const analyzer = this.analyzer(scope, {
        replacements,
        groupedBy: grouped,
        subqueries: subqueries.binder,
      });
      for (const item of query.orderBy) {
        const symbol = this.resolveSortKey(
          item.key,
          outputSymbols,
          outputFields,
          analyzer,
          extra,
          fallbackSortKey,
          new Set(node.outputs.map((s) => s.name)),
        );
        const ascending = item.ordering !== 'DESC';
        ordering.push({
          symbol,
          ascending,
          nullsFirst: item.nullOrdering ? item.nullOrdering === 'FIRST' : !ascending,
        });
      }
      node = subqueries.wrap(node);
      if (extra.length > 0) {
        node = {
          kind: 'Project',
          id: this.id(),
          source: node,
          assignments: [
            ...node.outputs.map((s) => ({ symbol: s, expression: symbolReference(s) })),
            ...extra,
          ],
          outputs: [...node.outputs, ...extra.map((a) => a.symbol)],
        };
      }
      const limit =
        query.limit && query.limit.kind === 'Limit' && query.limit.count !== 'ALL'
          ? this.rowCount(query.limit.count)
          : undefined;
      const offset = query.offset ? this.rowCount(query.offset) : 0;
      if (limit !== undefined) {
        node = {
          kind: 'TopN',
          id: this.id(),
          source: node,
          orderBy: ordering,
          count: limit + offset,
          outputs: node.outputs,
        };
      } else {
        node = { kind: 'Sort', id: this.id(), source: node, orderBy: ordering, outputs: node.outputs };
      }
    }
    if (query.limit?.kind === 'FetchFirst' && query.limit.withTies) {
      throw new TrinoError('NOT_SUPPORTED', 'FETCH FIRST … WITH TIES is not supported yet', query.loc);
    }
    const offset = query.offset ? this.rowCount(query.offset) : 0;
    let limit: number | undefined;
    if (query.limit?.kind === 'Limit' && query.limit.count !== 'ALL')
      limit = this.rowCount(query.limit.count);
    if (query.limit?.kind === 'FetchFirst') limit = query.limit.count ? this.rowCount(query.limit.count) : 1;
    if (limit !== undefined || offset > 0) {
      node = {
        kind: 'Limit',
        id: this.id(),
        source: node,
        count: limit ?? Number.MAX_SAFE_INTEGER,
        offset,
        outputs: node.outputs,
      };
    }
    // final column list: exactly the select outputs, in order
    const final = dedupe([...outputSymbols]);
    if (
      node.outputs.length !== final.length ||
      node.outputs.some((s, i) => s.name !== final[i].name) ||
      outputSymbols.length !== final.length
    ) {
      node = {
        kind: 'Project',
        id: this.id(),
        source: node,
        assignments: outputSymbols.map((s) => ({ symbol: s, expression: symbolReference(s) })),
        outputs: outputSymbols,
      };
    }
    return { node, fields: outputFields };
  }

  private resolveSortKey(
    key: ast.Expression,
    outputs: readonly Symbol[],
    fields: readonly Field[],
    analyzer: ExpressionAnalyzer,
    extra: Assignment[],
    fallback?: (key: ast.Expression) => Symbol,
    available?: ReadonlySet<string>,
  ): Symbol {
    if (key.kind === 'LongLiteral') {
      const n = Number(key.value);
      if (n < 1 || n > outputs.length)
        throw new TrinoError(
          'INVALID_COLUMN_REFERENCE',
          `ORDER BY position ${key.value} is not in select list`,
          key.loc,
        );
      return outputs[n - 1];
    }
    if (key.kind === 'Identifier') {
      const name = key.value.toLowerCase();
      const matches = fields.filter((f) => f.name === name);
      if (matches.length > 1 && new Set(matches.map((m) => m.symbol.name)).size > 1) {
        throw new TrinoError('AMBIGUOUS_NAME', `'${name}' in ORDER BY is ambiguous`, key.loc);
      }
      if (matches.length > 0) return matches[0].symbol;
    }
    let expression: RowExpression;
    try {
      expression = analyzer.analyze(key);
    } catch (err) {
      if (fallback && err instanceof TrinoError && err.errorName === 'COLUMN_NOT_FOUND') return fallback(key);
      throw err;
    }
    // an outer (correlated) column is not an input column: it is projected like an expression
    if (expression.kind === 'symbol' && (!available || available.has(expression.name)))
      return { name: expression.name, type: expression.type };
    const symbol = this.symbol('sortkey', expression.type);
    extra.push({ symbol, expression });
    return symbol;
  }

  private rowCount(e: ast.Expression): number {
    if (e.kind !== 'LongLiteral')
      throw new TrinoError('INVALID_LIMIT_CLAUSE', 'LIMIT and OFFSET must be integer literals', e.loc);
    const n = Number(e.value);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new TrinoError('INVALID_LIMIT_CLAUSE', `Invalid row count: ${e.value}`, e.loc);
    return n;
  }

  // ---- window functions ---------------------------------------------------------------------

  private async planWindows(
    source: PlanNode,
    scope: Scope,
    spec: ast.QuerySpecification,
    calls: readonly ast.FunctionCall[],
    replacements: Map<string, RowExpression>,
    grouped: boolean,
  ): Promise<PlanNode> {
    let node = source;
    for (const call of calls) {
      const key = expressionKey(call);
      if (replacements.has(key)) continue;
      const name = call.name.parts.map((p) => p.value.toLowerCase()).join('.');
      const window = resolveWindow(call, spec);
      // subqueries in arguments, PARTITION BY or ORDER BY are applied below this window
      const subqueries = await this.prepareSubqueries(
        [...call.arguments, ...window.partitionBy, ...window.orderBy.map((o) => o.key)],
        scope,
      );
      const analyzer = this.analyzer(scope, {
        replacements,
        groupedBy: grouped,
        subqueries: subqueries.binder,
      });
      if (call.distinct)
        throw new TrinoError(
          'NOT_SUPPORTED',
          'DISTINCT in window function parameters not yet supported',
          call.loc,
        );
      if (call.filter && !isAggregateName(name))
        throw new TrinoError(
          'NOT_SUPPORTED',
          'FILTER is only supported for aggregation window functions',
          call.loc,
        );
      const pre: Assignment[] = node.outputs.map((s) => ({ symbol: s, expression: symbolReference(s) }));
      const project = (e: RowExpression, hint: string): Symbol => {
        // an outer (correlated) symbol is not an input column: it is projected like an expression
        if (e.kind === 'symbol' && node.outputs.some((s) => s.name === e.name))
          return { name: e.name, type: e.type };
        const symbol = this.symbol(hint, e.type);
        pre.push({ symbol, expression: e });
        return symbol;
      };
      const args = call.arguments.map((a) => project(analyzer.analyze(a), name));
      let mask: Symbol | undefined;
      if (call.filter) {
        const filter = analyzer.analyze(call.filter);
        requireBoolean(filter, 'FILTER clause', call.filter.loc);
        mask = project(filter, 'mask');
      }
      const partitionBy = window.partitionBy.map((p) => project(analyzer.analyze(p), 'partition'));
      const orderBy: OrderingItem[] = window.orderBy.map((o) => {
        const ascending = o.ordering !== 'DESC';
        return {
          symbol: project(analyzer.analyze(o.key), 'order'),
          ascending,
          nullsFirst: o.nullOrdering ? o.nullOrdering === 'FIRST' : !ascending,
        };
      });
      const type = windowResultType(
        name,
        args.map((a) => a.type),
        call.loc,
      );
      const symbol = this.symbol(name, type);
      const frame = windowFrame(
        window,
        call,
        orderBy.map((o) => o.symbol.type),
        (e) => analyzer.analyze(e),
      );
      const applied = subqueries.wrap(node);
      const input: PlanNode =
        pre.length === node.outputs.length && applied === node
          ? node
          : {
              kind: 'Project',
              id: this.id(),
              source: applied,
              assignments: pre,
              outputs: pre.map((a) => a.symbol),
            };
      node = {
        kind: 'Window',
        id: this.id(),
        source: input,
        partitionBy,
        orderBy,
        functions: [
          {
            symbol,
            function: name,
            arguments: args,
            frame,
            ignoreNulls: call.nullTreatment === 'IGNORE',
            ...(mask ? { mask } : {}),
          },
        ],
        outputs: [...input.outputs, symbol],
      };
      replacements.set(key, symbolReference(symbol));
    }
    return node;
  }

  // ---- subqueries ---------------------------------------------------------------------------

  /**
   * Plans the subqueries inside `expressions` (with `scope` as their outer scope) before the
   * synchronous analysis runs, and returns the binder the analyzer calls for each of them plus
   * `wrap`, which puts the Apply nodes the binder created under the clause's node.
   */
  private async prepareSubqueries(
    expressions: readonly ast.Expression[],
    scope: Scope,
  ): Promise<{
    binder: SubqueryBinder;
    wrap: (node: PlanNode, select?: (subquery: PlanNode) => boolean) => PlanNode;
    /** How many bound subqueries have not been put under a node yet. */
    pending: () => number;
  }> {
    const planned = new Map<ast.Expression, RelationPlan>();
    for (const node of findSubqueries(expressions)) {
      const query =
        node.kind === 'QuantifiedComparison'
          ? (node.subject as ast.SubqueryExpression).query
          : (node as { query: ast.Query }).query;
      planned.set(node, await this.planQuery(query, scope));
    }
    const pending: { subquery: PlanNode; mode: ApplyNode['mode']; output: Symbol }[] = [];
    const binder: SubqueryBinder = (node, value, analyzer) => {
      const sub = planned.get(node);
      if (!sub) throw new TrinoError('GENERIC_INTERNAL_ERROR', 'Subquery was not planned');
      const visible = sub.fields.filter((f) => !f.hidden);
      let subquery: PlanNode = sub.node;
      if (node.kind === 'Exists') {
        const output = this.symbol('exists', BOOLEAN);
        pending.push({ subquery, mode: { kind: 'exists' }, output });
        return symbolReference(output);
      }
      // `(a, b) IN (SELECT x, y …)`: the subquery's columns compare as one row value
      const asRow = node.kind !== 'SubqueryExpression' && visible.length > 1;
      if (visible.length !== 1 && !asRow) {
        throw new TrinoError(
          'NOT_SUPPORTED',
          `Multiple columns returned by subquery are not yet supported. Found ${visible.length}`,
          node.loc,
        );
      }
      let column = visible[0].symbol;
      if (asRow) {
        const fields = visible.map((f) => symbolReference(f.symbol));
        column = this.symbol('row', rowType(fields.map((f) => f.type)));
        subquery = this.projectTo(subquery, [
          { symbol: column, expression: { kind: 'row', fields, type: column.type } },
        ]);
      }
      if (node.kind === 'SubqueryExpression') {
        subquery = this.projectTo(subquery, [{ symbol: column, expression: symbolReference(column) }]);
        const output = this.symbol('subquery', column.type);
        pending.push({ subquery, mode: { kind: 'scalar' }, output });
        return symbolReference(output);
      }
      // IN and quantified comparisons: both sides meet at a common type
      const common = commonSuperType(value!.type, column.type);
      if (!common) {
        throw new TrinoError(
          'TYPE_MISMATCH',
          `Value expression and result of subquery must be of the same type: ${formatType(value!.type)} vs ${formatType(column.type)}`,
          node.loc,
        );
      }
      const coercedValue = analyzer.coerce(value!, common);
      if (formatType(column.type) !== formatType(common)) {
        const cast = this.symbol('cast', common);
        subquery = this.projectTo(subquery, [
          {
            symbol: cast,
            expression: { kind: 'cast', value: symbolReference(column), safe: false, type: common },
          },
        ]);
        column = cast;
      } else {
        subquery = this.projectTo(subquery, [{ symbol: column, expression: symbolReference(column) }]);
      }
      const output = this.symbol(node.kind === 'InSubquery' ? 'in' : 'quantified', BOOLEAN);
      if (node.kind === 'InSubquery') {
        pending.push({ subquery, mode: { kind: 'in', value: coercedValue }, output });
      } else {
        const q = node as ast.QuantifiedComparison;
        const op = ({ '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const)[
          q.operator
        ];
        const quantifier = q.quantifier === 'ALL' ? 'ALL' : 'ANY';
        pending.push({ subquery, mode: { kind: 'quantified', value: coercedValue, op, quantifier }, output });
      }
      return symbolReference(output);
    };
    // `select` picks the subqueries to put under this node (a join side); the rest stay pending
    const wrap = (node: PlanNode, select?: (subquery: PlanNode) => boolean): PlanNode => {
      let current = node;
      const chosen = select ? pending.filter((p) => select(p.subquery)) : pending.slice();
      for (const p of chosen) pending.splice(pending.indexOf(p), 1);
      for (const p of chosen) {
        const available = new Map(current.outputs.map((s) => [s.name, s]));
        if (p.mode.kind === 'scalar') {
          const joined = decorrelateScalarAggregate(
            current,
            p.subquery,
            available,
            p.output,
            () => this.id(),
            () => this.symbol('unique', BIGINT),
            (n) => this.estimateRows(n),
            (s) => this.symbol(s.name, s.type),
          );
          if (joined) {
            current = joined;
            continue;
          }
        }
        if (p.mode.kind === 'exists') {
          const semi = decorrelateExists(current, p.subquery, available, p.output, () => this.id());
          if (semi) {
            current = semi;
            continue;
          }
        }
        const correlation = [...freeSymbols(p.subquery)]
          .filter((s) => available.has(s))
          .map((s) => available.get(s)!);
        current = {
          kind: 'Apply',
          id: this.id(),
          input: current,
          subquery: p.subquery,
          correlation,
          mode: p.mode,
          output: p.output,
          outputs: [...current.outputs, p.output],
        };
      }
      return current;
    };
    return { binder, wrap, pending: () => pending.length };
  }

  private projectTo(node: PlanNode, assignments: Assignment[]): PlanNode {
    return {
      kind: 'Project',
      id: this.id(),
      source: node,
      assignments,
      outputs: assignments.map((a) => a.symbol),
    };
  }

  // ---- select list --------------------------------------------------------------------------

  /** A `*`-expanded column: in a grouped query it must be a grouping key. */
  private directReference(
    symbol: Symbol,
    grouped: boolean,
    keys: readonly Symbol[],
    loc?: ast.NodeLocation,
  ): RowExpression {
    if (grouped && !keys.some((k) => k.name === symbol.name)) {
      throw new TrinoError(
        'EXPRESSION_NOT_AGGREGATE',
        `Column '${symbol.name}' must be an aggregate expression or appear in GROUP BY clause`,
        loc,
      );
    }
    return symbolReference(symbol);
  }

  private expandSelectItems(items: readonly ast.SelectItem[], scope: Scope): SelectListItem[] {
    const out: SelectListItem[] = [];
    for (const item of items) {
      if (item.kind === 'AllColumns') {
        const qualifier = item.target ? qualifiedName(item.target) : [];
        if (!qualifier)
          throw new TrinoError('NOT_SUPPORTED', 'Row expansion with .* is not supported yet', item.loc);
        const fields = qualifier.length
          ? scope.relationFields(qualifier)
          : scope.fields.filter((f) => !f.hidden);
        if (qualifier.length && fields.length === 0)
          throw new TrinoError('TABLE_NOT_FOUND', `Table '${qualifier.join('.')}' not found`, item.loc);
        if (!qualifier.length && fields.length === 0)
          throw new TrinoError(
            'COLUMN_NOT_FOUND',
            'SELECT * not allowed from relation that has no columns',
            item.loc,
          );
        for (const f of fields)
          out.push({
            symbol: f.symbol,
            ...(f.name ? { name: f.name } : {}),
            ...(f.relation ? { relation: f.relation } : {}),
          });
        continue;
      }
      const name = item.alias ? item.alias.value.toLowerCase() : derivedName(item.expression);
      out.push({ expression: item.expression, ...(name ? { name } : {}) });
    }
    return out;
  }

  // ---- aggregation --------------------------------------------------------------------------

  private async planAggregation(
    plan: RelationPlan,
    scope: Scope,
    spec: ast.QuerySpecification,
    selectItems: readonly SelectListItem[],
    calls: ast.FunctionCall[],
    replacements: Map<string, RowExpression>,
  ): Promise<{ plan: RelationPlan; scope: Scope; keys: Symbol[] }> {
    // subqueries in aggregate arguments (`max((SELECT …))`) are applied below the aggregation
    const argumentSubqueries = await this.prepareSubqueries(
      calls.flatMap((c) => [...c.arguments, ...(c.filter ? [c.filter] : [])]),
      scope,
    );
    const analyzer = this.analyzer(scope, { subqueries: argumentSubqueries.binder });
    const pre: Assignment[] = plan.node.outputs.map((s) => ({ symbol: s, expression: symbolReference(s) }));
    const project = (e: RowExpression, hint: string): Symbol => {
      // an outer (correlated) symbol is not an input column: it is projected like an expression
      if (e.kind === 'symbol' && plan.node.outputs.some((s) => s.name === e.name))
        return { name: e.name, type: e.type };
      const symbol = this.symbol(hint, e.type);
      pre.push({ symbol, expression: e });
      return symbol;
    };

    // grouping keys (ordinals refer to the select list), and the grouping sets over them
    const keys: Symbol[] = [];
    const keyTexts: { text: string; index: number; node: ast.Expression }[] = [];
    const keyIndex = (original: ast.Expression): number => {
      let e = original;
      if (e.kind === 'LongLiteral') {
        const n = Number(e.value);
        if (n < 1 || n > selectItems.length) {
          throw new TrinoError(
            'INVALID_COLUMN_REFERENCE',
            `GROUP BY position ${e.value} is not in select list`,
            e.loc,
          );
        }
        const item = selectItems[n - 1];
        if (!item.expression) {
          const at = keys.findIndex((k) => k.name === item.symbol!.name);
          if (at >= 0) return at;
          keys.push(item.symbol!);
          return keys.length - 1;
        }
        e = item.expression;
      }
      const text = expressionKey(e);
      const known = keyTexts.find((k) => k.text === text);
      if (known) return known.index;
      if (collectAggregates([e]).length > 0 || collectWindowCalls([e]).length > 0) {
        throw new TrinoError(
          'EXPRESSION_NOT_SCALAR',
          `GROUP BY clause cannot contain aggregations or window functions: [${text}]`,
          e.loc,
        );
      }
      const symbol = project(analyzer.analyze(e), text);
      let index = keys.findIndex((k) => k.name === symbol.name);
      if (index < 0) {
        keys.push(symbol);
        index = keys.length - 1;
      }
      keyTexts.push({ text, index, node: e });
      return index;
    };
    let sets: number[][] = [[]];
    for (const element of spec.groupBy?.elements ?? []) {
      let elementSets: number[][];
      switch (element.kind) {
        case 'SimpleGroupBy':
          elementSets = [element.expressions.map(keyIndex)];
          break;
        case 'Rollup': {
          const idx = element.expressions.map(keyIndex);
          elementSets = idx.map((_, i) => idx.slice(0, idx.length - i)).concat([[]]);
          break;
        }
        case 'Cube': {
          const idx = element.expressions.map(keyIndex);
          elementSets = [];
          for (let mask = (1 << idx.length) - 1; mask >= 0; mask--) {
            elementSets.push(idx.filter((_, i) => mask & (1 << (idx.length - 1 - i))));
          }
          break;
        }
        case 'GroupingSets':
          elementSets = element.sets.map((set) => set.map(keyIndex));
          break;
      }
      const product: number[][] = [];
      for (const a of sets) for (const b of elementSets) product.push([...new Set([...a, ...b])]);
      sets = product;
    }
    if (spec.groupBy?.distinct) {
      const seen = new Set<string>();
      sets = sets.filter((set) => {
        const k = [...set].sort((x, y) => x - y).join(',');
        return seen.has(k) ? false : (seen.add(k), true);
      });
    }
    if (sets.length > 4096) {
      throw new TrinoError(
        'TOO_MANY_GROUPING_SETS',
        `GROUP BY has ${sets.length} grouping sets but can contain at most 4096`,
        spec.groupBy?.loc,
      );
    }
    const usesGroupId = sets.length > 1;
    // with several grouping sets, keys are read through nullable copies the GroupId node fills
    const groupKeys = usesGroupId ? keys.map((k) => this.symbol(k.name.replace(/_\d+$/, ''), k.type)) : keys;
    const groupId = usesGroupId ? this.symbol('groupid', BIGINT) : undefined;
    for (const { text, index, node } of keyTexts) {
      const ref = symbolReference(groupKeys[index]);
      replacements.set(text, ref);
      if (node.kind !== 'Identifier') replacements.set(analyzer.canonicalKey(node), ref);
      // a grouped column stays reachable by its qualified and unqualified names
      if (node.kind === 'DereferenceExpression') replacements.set(expressionKey(node.field), ref);
      if (node.kind === 'Identifier') {
        const f = scope.tryResolve([node.value.toLowerCase()]);
        if (f?.relation) replacements.set(`${f.relation[f.relation.length - 1]}.${f.name}`, ref);
      }
    }
    this.planGroupingCalls(spec, selectItems, keyTexts, sets, groupId, replacements);

    // aggregate calls
    const aggregates: AggregateCall[] = [];
    for (const call of calls) {
      const key = expressionKey(call);
      if (replacements.has(key)) continue;
      const name = call.name.parts.map((p) => p.value.toLowerCase()).join('.');
      if (call.window)
        throw new TrinoError('NOT_SUPPORTED', 'Window functions are not supported yet', call.loc);
      for (const a of call.arguments) {
        if (collectAggregates([a]).length > 0)
          throw new TrinoError(
            'NESTED_AGGREGATION',
            `Cannot nest aggregations inside aggregation '${name}': [${key}]`,
            call.loc,
          );
      }
      const args = call.arguments.map((a) => project(analyzer.analyze(a), name));
      // `agg(x ORDER BY k)`: the rows reach the function in that order (keys projected like arguments)
      const orderBy = (call.orderBy ?? []).map((item): OrderingItem => {
        const value = analyzer.analyze(item.key);
        requireOrderableKey(value, item.key.loc);
        if (call.distinct && !args.some((a) => value.kind === 'symbol' && a.name === value.name))
          throw new TrinoError(
            'EXPRESSION_NOT_IN_DISTINCT',
            'For aggregate function with DISTINCT, ORDER BY expressions must appear in arguments',
            item.key.loc,
          );
        const ascending = item.ordering !== 'DESC';
        return {
          symbol: project(value, 'order'),
          ascending,
          nullsFirst: item.nullOrdering ? item.nullOrdering === 'FIRST' : !ascending,
        };
      });
      let mask: Symbol | undefined;
      if (call.filter) {
        const filter = analyzer.analyze(call.filter);
        requireBoolean(filter, 'FILTER clause', call.filter.loc);
        mask = project(filter, 'mask');
      }
      const type = aggregateResultType(
        name,
        args.map((a) => a.type),
        call.loc,
      );
      const symbol = this.symbol(name, type);
      aggregates.push({
        symbol,
        function: name,
        arguments: args,
        distinct: call.distinct,
        ...(mask ? { mask } : {}),
        ...(orderBy.length > 0 ? { orderBy } : {}),
      });
      replacements.set(key, symbolReference(symbol));
    }

    const preProject: PlanNode = {
      kind: 'Project',
      id: this.id(),
      source: argumentSubqueries.wrap(plan.node),
      assignments: pre,
      outputs: pre.map((a) => a.symbol),
    };
    let source: PlanNode = preProject;
    if (usesGroupId) {
      source = {
        kind: 'GroupId',
        id: this.id(),
        source: preProject,
        keys,
        groupKeys,
        sets,
        groupId: groupId!,
        outputs: [...preProject.outputs, ...groupKeys, groupId!],
      };
    }
    const aggregationKeys = usesGroupId ? [...groupKeys, groupId!] : keys;
    const outputs = [...aggregationKeys, ...aggregates.map((a) => a.symbol)];
    const node: PlanNode = {
      kind: 'Aggregation',
      id: this.id(),
      source,
      groupingKeys: aggregationKeys,
      aggregates,
      step: 'SINGLE',
      outputs,
    };
    const fields: Field[] = outputs.map((symbol) => ({ symbol }));
    // expressions after grouping still resolve names in the FROM scope, so that a column that is
    // neither grouped nor aggregated reports EXPRESSION_NOT_AGGREGATE rather than not found
    return { plan: { node, fields }, scope, keys: groupKeys };
  }

  /**
   * `grouping(a, b)`: a bit per argument, set when that key is not in the row's grouping set.
   * It becomes an expression over the group id (a constant 0 with a single grouping set).
   */
  private planGroupingCalls(
    spec: ast.QuerySpecification,
    selectItems: readonly SelectListItem[],
    keyTexts: readonly { text: string; index: number }[],
    sets: readonly number[][],
    groupId: Symbol | undefined,
    replacements: Map<string, RowExpression>,
  ): void {
    const calls = collectGroupingCalls([
      ...selectItems.flatMap((s) => (s.expression ? [s.expression] : [])),
      ...(spec.having ? [spec.having] : []),
    ]);
    for (const call of calls) {
      const indexes = call.arguments.map((a) => {
        const k = keyTexts.find((t) => t.text === expressionKey(a));
        if (!k) {
          throw new TrinoError(
            'INVALID_ARGUMENTS',
            'The arguments to GROUPING() must be expressions referenced by the GROUP BY at the associated query level',
            a.loc,
          );
        }
        return k.index;
      });
      const mask = (set: readonly number[]) =>
        indexes.reduce((m, idx, j) => (set.includes(idx) ? m : m | (1 << (indexes.length - 1 - j))), 0);
      let expression: RowExpression;
      if (!groupId) {
        expression = { kind: 'constant', value: mask(sets[0]), type: BIGINT };
      } else {
        expression = {
          kind: 'switch',
          whenClauses: sets.map((set, s) => ({
            condition: {
              kind: 'comparison',
              op: 'eq',
              left: symbolReference(groupId),
              right: { kind: 'constant', value: s, type: BIGINT },
              type: BOOLEAN,
            },
            result: { kind: 'constant', value: mask(set), type: BIGINT },
          })),
          elseValue: { kind: 'constant', value: null, type: BIGINT },
          type: BIGINT,
        };
      }
      replacements.set(expressionKey(call), expression);
    }
  }

  // ---- relations ----------------------------------------------------------------------------

  private async planRelation(r: ast.Relation, outer?: Scope): Promise<RelationPlan> {
    switch (r.kind) {
      case 'Table':
        return this.planTable(r);
      case 'AliasedRelation':
        return this.aliased(await this.planRelation(r.relation, outer), r);
      case 'TableSubquery':
      case 'Lateral': {
        // a LATERAL subquery's outer scope holds the relations to its left (see planJoin)
        const inner = await this.planQuery(r.query, outer);
        return { node: inner.node, fields: inner.fields.map((f) => ({ symbol: f.symbol, name: f.name })) };
      }
      case 'Join':
        return this.planJoin(r, outer);
      case 'Unnest':
        // standalone: over one row of no columns; outer references make it correlated
        return planUnnest(
          this.unnestPlanning(),
          r,
          { node: { kind: 'Values', id: this.id(), rows: [[]], outputs: [] }, fields: [] },
          'INNER',
          outer,
        );
      default:
        throw new TrinoError('NOT_SUPPORTED', `${r.kind} is not supported yet`, r.loc);
    }
  }

  /** `relation AS alias (c1, …)`: the relation's visible columns renamed, all qualified by alias. */
  private aliased(inner: RelationPlan, r: ast.AliasedRelation): RelationPlan {
    const alias = r.alias.value.toLowerCase();
    const visible = inner.fields.filter((f) => !f.hidden);
    if (r.columnNames && r.columnNames.length !== visible.length) {
      throw new TrinoError(
        'MISMATCHED_COLUMN_ALIASES',
        `Column alias list has ${r.columnNames.length} entries but '${alias}' has ${visible.length} columns available`,
        r.loc,
      );
    }
    let i = 0;
    const fields = inner.fields.map((f) => ({
      ...f,
      relation: [alias],
      name: f.hidden ? f.name : (r.columnNames?.[i++]?.value.toLowerCase() ?? f.name),
    }));
    return { node: inner.node, fields };
  }

  /** What planning UNNEST (unnest.ts) needs of this planner. */
  private unnestPlanning(): UnnestPlanning {
    return {
      analyze: (scope, e) => this.analyzer(scope).analyze(e),
      symbol: (hint, type) => this.symbol(hint, type),
      id: () => this.id(),
      aliased: (plan, alias) => this.aliased(plan, alias),
    };
  }

  private async planTable(t: ast.Table): Promise<RelationPlan> {
    const parts = t.name.parts.map((p) => p.value.toLowerCase());
    if (parts.length === 1) {
      const level = this.recursionLevels.get(parts[0]);
      if (level) return level();
      for (let i = this.ctes.length - 1; i >= 0; i--) {
        const cte = this.ctes[i].get(parts[0]);
        // a WITH query does not see itself: inside it, its name means something else
        if (cte && !this.expandingCtes.has(cte)) return this.planCte(cte, parts[0]);
      }
    }
    const name = this.metadata.qualify(this.session, parts, t.loc);
    if (name.schema === INFORMATION_SCHEMA) {
      const info = await readInformationSchema(this.metadata, this.session, name.catalog, name.name, t.loc);
      const outputs = info.columns.map((c) => this.symbol(c.name, c.type));
      const rows = info.rows.map((r) =>
        r.map((value, i) => ({ kind: 'constant' as const, value, type: info.columns[i].type })),
      );
      const relation = [name.catalog, name.schema, name.name];
      return {
        node: { kind: 'Values', id: this.id(), rows, outputs },
        fields: info.columns.map((c, i) => ({ relation, name: c.name, symbol: outputs[i] })),
      };
    }
    const view = await this.metadata.getView(this.session, name);
    if (view) return this.planView(view, name, t.loc);
    const table = await this.metadata.resolveTable(this.session, name, t.loc);
    const outputs = table.columns.map((c) => this.symbol(c.name, c.type));
    const relation = [name.catalog, name.schema, name.name];
    const id = this.id();
    const stats = await this.metadata.tableStatistics(this.session, name.catalog, table.handle);
    const rowCount = stats?.rowCount;
    if (rowCount !== undefined) this.rowCounts.set(id, rowCount);
    table.columns.forEach((c, i) => {
      const d = distinctBound(stats?.columns[c.name], c.type, rowCount);
      if (d !== undefined) this.distinctCounts.set(outputs[i].name, d);
    });
    return {
      node: {
        kind: 'TableScan',
        id,
        catalog: name.catalog,
        table: table.handle,
        columns: table.columnHandles,
        outputs,
      },
      fields: table.columns.map((c, i) => ({ relation, name: c.name, symbol: outputs[i], hidden: c.hidden })),
    };
  }

  /** A view: its SQL planned with the view's catalog and schema as defaults, as a subquery. */
  private async planView(
    view: ViewDefinition,
    name: QualifiedObjectName,
    loc?: ast.NodeLocation,
  ): Promise<RelationPlan> {
    if (this.expandingViews.has(formatObjectName(name))) {
      throw new TrinoError('VIEW_IS_RECURSIVE', `View is recursive: ${formatObjectName(name)}`, loc);
    }
    const statement = parseStatement(view.originalSql);
    if (statement.kind !== 'Query')
      throw new TrinoError('INVALID_VIEW', `View '${formatObjectName(name)}' is not a query`, loc);
    const inner = new QueryPlanner(
      this.metadata,
      { ...this.session, catalog: view.catalog ?? name.catalog, schema: view.schema ?? name.schema },
      this.functions,
      this,
    );
    inner.expandingViews.add(formatObjectName(name));
    const plan = await inner.planQuery(statement);
    const visible = plan.fields.filter((f) => !f.hidden);
    const relation = [name.catalog, name.schema, name.name];
    return {
      node: plan.node,
      fields: visible.map((f, i) => ({ symbol: f.symbol, relation, name: view.columns[i]?.name ?? f.name })),
    };
  }

  private async planCte(cte: ast.WithQuery, name: string): Promise<RelationPlan> {
    const shape = this.recursiveQueries.get(cte);
    if (shape) return this.planRecursiveCte(cte, name, shape);
    this.expandingCtes.add(cte);
    try {
      return await this.planNonRecursiveCte(cte, name);
    } finally {
      this.expandingCtes.delete(cte);
    }
  }

  private async planNonRecursiveCte(cte: ast.WithQuery, name: string): Promise<RelationPlan> {
    // a WITH query sees the WITH frames defined before it, not itself
    const inner = await this.planQuery(cte.query);
    const visible = inner.fields.filter((f) => !f.hidden);
    if (cte.columnNames && cte.columnNames.length !== visible.length) {
      throw new TrinoError(
        'MISMATCHED_COLUMN_ALIASES',
        `WITH column alias list has ${cte.columnNames.length} entries but WITH query(${name}) has ${visible.length} columns`,
        cte.loc,
      );
    }
    return {
      node: inner.node,
      fields: visible.map((f, i) => ({
        symbol: f.symbol,
        relation: [name],
        name: cte.columnNames?.[i].value.toLowerCase() ?? f.name,
      })),
    };
  }

  /**
   * WITH RECURSIVE t(…) AS (anchor UNION [ALL] step), expanded as Trino expands it: level 0 is
   * the anchor, level k the step reading level k-1, and the result the UNION ALL of levels
   * 0..max_recursion_depth. One more level must come out empty: a row reaching it fails the query
   * (NOT_SUPPORTED), since the recursion did not converge within the limit.
   */
  private async planRecursiveCte(
    cte: ast.WithQuery,
    name: string,
    shape: RecursiveShape,
  ): Promise<RelationPlan> {
    const depth = maxRecursionDepth(this.session);
    const columnNames = cte.columnNames!.map((c) => c.value.toLowerCase());
    const duplicate = columnNames.find((c, i) => columnNames.indexOf(c) !== i);
    if (duplicate !== undefined)
      throw new TrinoError(
        'DUPLICATE_COLUMN_NAME',
        `Column name '${duplicate}' specified more than once`,
        cte.loc,
      );
    let firstAnchor: RelationPlan | undefined = await this.planQueryBodyOnly(shape.anchor);
    const anchorFields = firstAnchor.fields.filter((f) => !f.hidden);
    if (anchorFields.length !== columnNames.length)
      throw new TrinoError(
        'MISMATCHED_COLUMN_ALIASES',
        `Column alias list has ${columnNames.length} entries but relation has ${anchorFields.length} columns`,
        cte.loc,
      );
    const types = anchorFields.map((f) => f.symbol.type);
    // each level: fresh symbols, the anchor's types, the WITH query's column names
    const conform = (plan: RelationPlan): RelationPlan => {
      const visible = plan.fields.filter((f) => !f.hidden);
      if (visible.length !== types.length)
        throw new TrinoError(
          'TYPE_MISMATCH',
          `base and step relations of recursion have different number of fields: ${types.length}, ${visible.length}`,
          cte.loc,
        );
      const assignments = visible.map((f, i): Assignment => {
        const from = f.symbol.type;
        if (!typeEquals(from, types[i]) && !canCoerce(from, types[i]))
          throw new TrinoError(
            'TYPE_MISMATCH',
            `recursion step relation output type (${formatType(from)}) is not coercible to recursion base relation output type (${formatType(types[i])}) at column ${i + 1}`,
            cte.loc,
          );
        const ref = symbolReference(f.symbol);
        return {
          symbol: this.symbol(columnNames[i], types[i]),
          expression: typeEquals(from, types[i])
            ? ref
            : { kind: 'cast', value: ref, safe: false, type: types[i] },
        };
      });
      return {
        node: this.projectTo(plan.node, assignments),
        fields: assignments.map((a, i) => ({ symbol: a.symbol, name: columnNames[i], relation: [name] })),
      };
    };
    const level = async (k: number): Promise<RelationPlan> => {
      if (k === 0) {
        const anchor = firstAnchor ?? (await this.planQueryBodyOnly(shape.anchor));
        firstAnchor = undefined;
        return conform(anchor);
      }
      const outerLevel = this.recursionLevels.get(name);
      this.recursionLevels.set(name, () => level(k - 1));
      try {
        return conform(await this.planQueryBodyOnly(shape.step));
      } finally {
        if (outerLevel) this.recursionLevels.set(name, outerLevel);
        else this.recursionLevels.delete(name);
      }
    };
    const levels: RelationPlan[] = [];
    for (let k = 0; k <= depth; k++) levels.push(await level(k));
    const beyond = await level(depth + 1);
    const failure = this.functions('fail', [
      { kind: 'constant', value: errorCode('NOT_SUPPORTED').code, type: INTEGER },
      {
        kind: 'constant',
        value: `Recursion depth limit exceeded (${depth}). Use 'max_recursion_depth' session property to modify the limit.`,
        type: VARCHAR,
      },
    ]);
    // the failure reads a row count computed above the level (as Trino plans it), so that no
    // rewrite can move it below the step's own filters
    const rows = this.symbol('count', BIGINT);
    const counted: PlanNode = {
      kind: 'Window',
      id: this.id(),
      source: beyond.node,
      partitionBy: [],
      orderBy: [],
      functions: [
        {
          symbol: rows,
          function: 'count',
          arguments: [],
          frame: {
            type: 'RANGE',
            start: { type: 'UNBOUNDED PRECEDING' },
            end: { type: 'UNBOUNDED FOLLOWING' },
          },
          ignoreNulls: false,
        },
      ],
      outputs: [...beyond.node.outputs, rows],
    };
    const check = this.projectTo(
      {
        kind: 'Filter',
        id: this.id(),
        source: counted,
        predicate: {
          kind: 'if',
          condition: {
            kind: 'comparison',
            op: 'ge',
            left: symbolReference(rows),
            right: { kind: 'constant', value: 0, type: BIGINT },
            type: BOOLEAN,
          },
          then: { kind: 'cast', value: failure, safe: false, type: BOOLEAN },
          else: { kind: 'constant', value: true, type: BOOLEAN },
          type: BOOLEAN,
        },
        outputs: counted.outputs,
      },
      beyond.node.outputs.map((symbol) => ({ symbol, expression: symbolReference(symbol) })),
    );
    const outputs = columnNames.map((c, i) => this.symbol(c, types[i]));
    return {
      node: {
        kind: 'SetOperation',
        id: this.id(),
        operator: 'UNION',
        distinct: shape.distinct,
        inputs: [...levels.map((l) => l.node), check],
        outputs,
      },
      fields: outputs.map((symbol, i) => ({ symbol, name: columnNames[i], relation: [name] })),
    };
  }

  /**
   * An outer join whose ON condition has subqueries reading both sides: for each row of the
   * preserved side, the other side's rows that satisfy the condition (its subqueries applied per
   * pair), NULL-padded when there are none — a lateral Apply. Undefined when no such subquery is
   * pending. Outputs: left side's columns, then the right side's.
   */
  private planOuterJoinByRow(
    type: 'LEFT' | 'RIGHT',
    left: PlanNode,
    right: PlanNode,
    condition: RowExpression,
    wrap: (node: PlanNode) => PlanNode,
  ): PlanNode | undefined {
    const [preserved, other] = type === 'LEFT' ? [left, right] : [right, left];
    const applied = wrap(other);
    if (applied === other) return undefined;
    const matches = this.projectTo(
      { kind: 'Filter', id: this.id(), source: applied, predicate: condition, outputs: applied.outputs },
      other.outputs.map((s) => ({ symbol: s, expression: symbolReference(s) })),
    );
    const available = new Map(preserved.outputs.map((s) => [s.name, s]));
    const correlation = [...freeSymbols(matches)]
      .filter((s) => available.has(s))
      .map((s) => available.get(s)!);
    const apply: PlanNode = {
      kind: 'Apply',
      id: this.id(),
      input: preserved,
      subquery: matches,
      correlation,
      mode: { kind: 'lateral', join: 'LEFT' },
      output: matches.outputs[0],
      outputs: [...preserved.outputs, ...matches.outputs],
    };
    return this.projectTo(
      apply,
      [...left.outputs, ...right.outputs].map((s) => ({ symbol: s, expression: symbolReference(s) })),
    );
  }

  /**
   * `left JOIN LATERAL (subquery)`: the subquery sees the left relation's columns, and runs per
   * distinct binding of those it reads (an Apply in lateral mode). Undefined when it reads none:
   * then it is an ordinary join.
   */
  private async planLateralJoin(
    j: ast.Join,
    left: RelationPlan,
    outer?: Scope,
  ): Promise<RelationPlan | undefined> {
    const right = await this.planRelation(j.right, new Scope(left.fields, outer));
    const leftSymbols = new Map(left.node.outputs.map((s) => [s.name, s]));
    const correlation = [...freeSymbols(right.node)]
      .filter((s) => leftSymbols.has(s))
      .map((s) => leftSymbols.get(s)!);
    if (correlation.length === 0) return undefined;
    if (j.type === 'RIGHT' || j.type === 'FULL')
      throw new TrinoError('NOT_SUPPORTED', `LATERAL reference not allowed in ${j.type} JOIN`, j.right.loc);
    if (j.criteria && j.criteria.kind !== 'On')
      throw new TrinoError('NOT_SUPPORTED', 'JOIN LATERAL with USING is not supported', j.loc);
    // the subquery may pass a left column through under its own name: append fresh symbols
    const renamed = right.node.outputs.map((s) =>
      leftSymbols.has(s.name) ? this.symbol(s.name, s.type) : s,
    );
    const subquery = renamed.every((s, i) => s === right.node.outputs[i])
      ? right.node
      : this.projectTo(
          right.node,
          renamed.map((symbol, i) => ({ symbol, expression: symbolReference(right.node.outputs[i]) })),
        );
    const rename = new Map(right.node.outputs.map((s, i) => [s.name, renamed[i]]));
    const rightFields = right.fields.map((f) => ({ ...f, symbol: rename.get(f.symbol.name) ?? f.symbol }));
    const fields = [...left.fields, ...rightFields];
    let filter: RowExpression | undefined;
    if (j.criteria?.kind === 'On') {
      filter = this.analyzer(new Scope(fields, outer)).analyze(j.criteria.expression);
      requireBoolean(filter, 'JOIN ON clause', j.criteria.expression.loc);
    }
    return {
      node: {
        kind: 'Apply',
        id: this.id(),
        input: left.node,
        subquery,
        correlation,
        mode: { kind: 'lateral', join: j.type === 'LEFT' ? 'LEFT' : 'INNER', ...(filter ? { filter } : {}) },
        output: subquery.outputs[0],
        outputs: [...left.node.outputs, ...subquery.outputs],
      },
      fields,
    };
  }

  /**
   * JOIN … USING (c, …) and NATURAL JOIN: equality on the named (or all common) columns. Each
   * such column appears once, first, unqualified (the left value, the right one for RIGHT joins,
   * COALESCE of both for FULL); `t.c` still reaches either side's own column.
   */
  private planJoinUsing(
    j: ast.Join,
    left: RelationPlan,
    right: RelationPlan,
    type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL',
    outer?: Scope,
  ): RelationPlan {
    const visibleNames = (fields: readonly Field[]) =>
      fields.filter((f) => !f.hidden && f.name !== undefined).map((f) => f.name!);
    let names: string[];
    if (j.criteria?.kind === 'Using') {
      names = j.criteria.columns.map((c) => c.value.toLowerCase());
    } else {
      const rightNames = new Set(visibleNames(right.fields));
      names = visibleNames(left.fields).filter((n) => rightNames.has(n));
    }
    const unique = (fields: readonly Field[], name: string, side: string): Field => {
      const found = fields.filter((f) => f.name === name && !f.qualifiedOnly);
      if (found.length === 0)
        throw new TrinoError(
          'COLUMN_NOT_FOUND',
          `Column '${name}' is missing from ${side} side of join`,
          j.loc,
        );
      if (found.length > 1)
        throw new TrinoError(
          'AMBIGUOUS_NAME',
          `Column '${name}' is ambiguous in ${side} side of join`,
          j.loc,
        );
      return found[0];
    };
    const analyzer = this.analyzer(new Scope([...left.fields, ...right.fields], outer));
    const criteria: { left: Symbol; right: Symbol }[] = [];
    const residual: RowExpression[] = [];
    const using: Assignment[] = [];
    for (const name of names) {
      const l = unique(left.fields, name, 'left');
      const r = unique(right.fields, name, 'right');
      const condition = analyzer.comparison(
        'eq',
        symbolReference(l.symbol),
        symbolReference(r.symbol),
        j.loc,
      );
      const pair = equiPair(condition, new Set([l.symbol.name]), new Set([r.symbol.name]));
      if (pair) criteria.push(pair);
      else residual.push(condition);
      const common = commonSuperType(l.symbol.type, r.symbol.type)!;
      const lv = analyzer.coerce(symbolReference(l.symbol), common);
      const rv = analyzer.coerce(symbolReference(r.symbol), common);
      const expression: RowExpression =
        type === 'RIGHT' ? rv : type === 'FULL' ? { kind: 'coalesce', operands: [lv, rv], type: common } : lv;
      using.push({ symbol: this.symbol(name, common), expression });
    }
    const outputs = [...left.node.outputs, ...right.node.outputs];
    const join: PlanNode = {
      kind: 'Join',
      id: this.id(),
      type,
      left: left.node,
      right: right.node,
      criteria,
      ...(residual.length > 0 ? { filter: and(residual) } : {}),
      outputs,
    };
    const assignments = [...using, ...outputs.map((s) => ({ symbol: s, expression: symbolReference(s) }))];
    const isUsing = (f: Field) => f.name !== undefined && names.includes(f.name) && !f.hidden;
    const fields: Field[] = [
      ...using.map((a, i) => ({ name: names[i], symbol: a.symbol })),
      ...[...left.fields, ...right.fields].map((f) =>
        isUsing(f) ? { ...f, hidden: true, qualifiedOnly: true } : f,
      ),
    ];
    return {
      node: {
        kind: 'Project',
        id: this.id(),
        source: join,
        assignments,
        outputs: assignments.map((a) => a.symbol),
      },
      fields,
    };
  }

  private async planJoin(j: ast.Join, outer?: Scope): Promise<RelationPlan> {
    const left = await this.planRelation(j.left, outer);
    if (isUnnest(j.right)) return planUnnestJoin(this.unnestPlanning(), j, left, outer);
    if (isLateral(j.right)) {
      const lateral = await this.planLateralJoin(j, left, outer);
      if (lateral) return lateral;
    }
    const right = await this.planRelation(j.right, outer);
    const fields = [...left.fields, ...right.fields];
    const outputs = [...left.node.outputs, ...right.node.outputs];
    const type = j.type === 'IMPLICIT' || j.type === 'CROSS' ? 'INNER' : j.type;
    let condition: RowExpression | undefined;
    let leftNode = left.node;
    let rightNode = right.node;
    let crossApplied: PlanNode | undefined;
    if (j.criteria?.kind === 'On') {
      const scope = new Scope(fields, outer);
      const subqueries = await this.prepareSubqueries([j.criteria.expression], scope);
      condition = this.analyzer(scope, { subqueries: subqueries.binder }).analyze(j.criteria.expression);
      requireBoolean(condition, 'JOIN ON clause', j.criteria.expression.loc);
      // a subquery that reads one side only (or neither) is a per-row value of that side: it is
      // applied below the join, whatever the join type, and the condition reads its column
      const leftSymbols = new Set(left.node.outputs.map((s) => s.name));
      const rightSymbols = new Set(right.node.outputs.map((s) => s.name));
      const reads = (sub: PlanNode, side: Set<string>) => [...freeSymbols(sub)].some((s) => side.has(s));
      leftNode = subqueries.wrap(left.node, (sub) => !reads(sub, rightSymbols));
      rightNode = subqueries.wrap(right.node, (sub) => !reads(sub, leftSymbols));
      // one correlated to both sides needs the pairs: an inner join filters all of them; a LEFT
      // (RIGHT) join matches each row of its preserved side against the other side's rows
      if (subqueries.pending() > 0 && (type === 'LEFT' || type === 'RIGHT')) {
        const matched = this.planOuterJoinByRow(type, leftNode, rightNode, condition, subqueries.wrap);
        if (matched) return { node: matched, fields };
      }
      if (subqueries.pending() > 0) {
        const pairs: PlanNode = {
          kind: 'Join',
          id: this.id(),
          type: 'INNER',
          left: leftNode,
          right: rightNode,
          criteria: [],
          outputs: [...leftNode.outputs, ...rightNode.outputs],
        };
        const applied = subqueries.wrap(pairs);
        if (applied !== pairs) {
          if (type !== 'INNER')
            throw new TrinoError(
              'NOT_SUPPORTED',
              'Subqueries correlated to both sides of a FULL JOIN condition are not supported',
              j.criteria.expression.loc,
            );
          crossApplied = applied;
        }
      }
    } else if (j.criteria) {
      return this.planJoinUsing(j, left, right, type, outer);
    }
    if (crossApplied) {
      return {
        node: {
          kind: 'Project',
          id: this.id(),
          source: {
            kind: 'Filter',
            id: this.id(),
            source: crossApplied,
            predicate: condition!,
            outputs: crossApplied.outputs,
          },
          assignments: outputs.map((s) => ({ symbol: s, expression: symbolReference(s) })),
          outputs,
        },
        fields,
      };
    }
    const leftNames = new Set(leftNode.outputs.map((s) => s.name));
    const rightNames = new Set(rightNode.outputs.map((s) => s.name));
    const criteria: { left: Symbol; right: Symbol }[] = [];
    const rest: RowExpression[] = [];
    for (const term of condition ? conjuncts(condition) : []) {
      const pair = equiPair(term, leftNames, rightNames);
      if (pair) criteria.push(pair);
      else rest.push(term);
    }
    const filter =
      rest.length === 0
        ? undefined
        : rest.length === 1
          ? rest[0]
          : ({ kind: 'logical', op: 'and', terms: rest, type: BOOLEAN } as RowExpression);
    return {
      node: {
        kind: 'Join',
        id: this.id(),
        type,
        left: leftNode,
        right: rightNode,
        criteria,
        ...(filter ? { filter } : {}),
        outputs: [...leftNode.outputs, ...rightNode.outputs],
      },
      fields,
    };
  }
}

/** A select-list entry: an expression, or a column reached through `*` (then `symbol`). */
interface SelectListItem {
  readonly expression?: ast.Expression;
  readonly symbol?: Symbol;
  readonly name?: string;
  readonly relation?: readonly string[];
}

function isLateral(r: ast.Relation): boolean {
  return r.kind === 'Lateral' || (r.kind === 'AliasedRelation' && r.relation.kind === 'Lateral');
}

function requireOrderableKey(e: RowExpression, loc?: ast.NodeLocation): void {
  if (e.type.kind !== 'unknown' && !isOrderableType(e.type))
    throw new TrinoError('TYPE_MISMATCH', `${formatType(e.type)} is not orderable`, loc);
}

function maxRecursionDepth(session: Session): number {
  return Number(sessionValue(session.systemProperties, 'max_recursion_depth'));
}

/** Structural identity of analyzed expressions (bigint constants included). */
function irKey(e: RowExpression): string {
  return JSON.stringify(e, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

function dedupe(symbols: readonly Symbol[]): Symbol[] {
  const seen = new Set<string>();
  return symbols.filter((s) => (seen.has(s.name) ? false : (seen.add(s.name), true)));
}

function qualifiedName(e: ast.Expression): string[] | undefined {
  if (e.kind === 'Identifier') return [e.value.toLowerCase()];
  if (e.kind === 'DereferenceExpression') {
    const base = qualifiedName(e.base);
    return base ? [...base, e.field.value.toLowerCase()] : undefined;
  }
  return undefined;
}

/** The column name Trino gives an unaliased select item: a column's own name, else none. */
function derivedName(e: ast.Expression): string | undefined {
  if (e.kind === 'Identifier') return e.value.toLowerCase();
  if (e.kind === 'DereferenceExpression') return e.field.value.toLowerCase();
  return undefined;
}
