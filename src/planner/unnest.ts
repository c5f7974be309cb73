/**
 * UNNEST: what it produces from each argument's type (Trino's rules): an array gives one column of
 * its element type, unless the elements are rows, which give one column per field (named after
 * the field); a map gives its key and value columns. Anything else cannot be unnested. And how it
 * is planned, as a relation of its own or joined to the relations on its left.
 */
import { TrinoError } from '../errors';
import type * as ast from '../sql';
import { BIGINT } from '../types';
import { symbolReference, type RowExpression, type Symbol } from './ir';
import type { Assignment, PlanNode } from './plan';
import { requireBoolean } from './predicates';
import type { RelationPlan } from './query-planner';
import { Scope, type Field } from './scope';
import type { NodeLocation } from '../sql';
import { formatType, type SqlType } from '../types';

export interface UnnestColumn {
  readonly name?: string;
  readonly type: SqlType;
}

export function unnestColumns(type: SqlType, loc?: NodeLocation): UnnestColumn[] {
  if (type.kind === 'array') {
    const element = type.element;
    if (element.kind === 'row')
      return element.fields.map((f) => ({ ...(f.name !== undefined ? { name: f.name } : {}), type: f.type }));
    return [{ type: element }];
  }
  if (type.kind === 'map') return [{ type: type.key }, { type: type.value }];
  throw new TrinoError('TYPE_MISMATCH', `Cannot unnest type: ${formatType(type)}`, loc);
}

/** What planning UNNEST needs of the query planner. */
export interface UnnestPlanning {
  analyze(scope: Scope, e: ast.Expression): RowExpression;
  symbol(hint: string, type: SqlType): Symbol;
  id(): number;
  aliased(plan: RelationPlan, alias: ast.AliasedRelation): RelationPlan;
}

export function isUnnest(r: ast.Relation): boolean {
  return r.kind === 'Unnest' || (r.kind === 'AliasedRelation' && r.relation.kind === 'Unnest');
}

/**
 * UNNEST over the rows of `base` (the relations to its left, which its arguments may read, as
 * in Trino, where UNNEST is always lateral): base's columns, then the unnested ones. The
 * returned fields are the unnest's own only.
 */
export function planUnnest(
  p: UnnestPlanning,
  u: ast.Unnest,
  base: RelationPlan,
  join: 'INNER' | 'LEFT',
  outer?: Scope,
): RelationPlan {
  const scope = new Scope(base.fields, outer);
  const available = new Set(base.node.outputs.map((s) => s.name));
  const assignments: Assignment[] = base.node.outputs.map((s) => ({
    symbol: s,
    expression: symbolReference(s),
  }));
  const fields: Field[] = [];
  const mappings = u.expressions.map((expression) => {
    const e = p.analyze(scope, expression);
    const columns = unnestColumns(e.type, expression.loc);
    let input: Symbol;
    if (e.kind === 'symbol' && available.has(e.name)) input = { name: e.name, type: e.type };
    else {
      input = p.symbol('unnest', e.type);
      assignments.push({ symbol: input, expression: e });
    }
    const outputs = columns.map((c) => p.symbol(c.name ?? 'unnest_field', c.type));
    columns.forEach((c, i) =>
      fields.push({ symbol: outputs[i], ...(c.name !== undefined ? { name: c.name } : {}) }),
    );
    return { input, outputs };
  });
  const source: PlanNode =
    assignments.length === base.node.outputs.length
      ? base.node
      : {
          kind: 'Project',
          id: p.id(),
          source: base.node,
          assignments,
          outputs: assignments.map((a) => a.symbol),
        };
  const ordinality = u.withOrdinality ? p.symbol('ordinality', BIGINT) : undefined;
  if (ordinality) fields.push({ symbol: ordinality });
  const node: PlanNode = {
    kind: 'Unnest',
    id: p.id(),
    source,
    replicate: base.node.outputs,
    mappings,
    ...(ordinality ? { ordinality } : {}),
    join,
    outputs: [
      ...base.node.outputs,
      ...mappings.flatMap((m) => m.outputs),
      ...(ordinality ? [ordinality] : []),
    ],
  };
  return { node, fields };
}

/**
 * `left CROSS JOIN UNNEST(…)`, `left, UNNEST(…)`, `left [INNER] JOIN UNNEST(…) ON …` (the
 * condition filters the pairs) and `left LEFT JOIN UNNEST(…) ON true`, as Trino allows.
 */
export function planUnnestJoin(
  p: UnnestPlanning,
  j: ast.Join,
  left: RelationPlan,
  outer?: Scope,
): RelationPlan {
  const alias = j.right.kind === 'AliasedRelation' ? j.right : undefined;
  const u = (alias ? alias.relation : j.right) as ast.Unnest;
  if (j.type === 'RIGHT' || j.type === 'FULL')
    throw new TrinoError('NOT_SUPPORTED', `UNNEST on the right of a ${j.type} JOIN is not supported`, j.loc);
  if (j.criteria && j.criteria.kind !== 'On')
    throw new TrinoError(
      'NOT_SUPPORTED',
      'JOIN involving UNNEST with USING or NATURAL is not supported',
      j.loc,
    );
  const on = j.criteria?.kind === 'On' ? j.criteria.expression : undefined;
  const trivial = on === undefined || (on.kind === 'BooleanLiteral' && on.value);
  if (j.type === 'LEFT' && !trivial)
    throw new TrinoError(
      'NOT_SUPPORTED',
      'LEFT JOIN involving UNNEST is only supported with condition ON TRUE',
      on!.loc,
    );
  const unnested = planUnnest(p, u, left, j.type === 'LEFT' ? 'LEFT' : 'INNER', outer);
  const own = alias ? p.aliased(unnested, alias) : unnested;
  const result: RelationPlan = { node: own.node, fields: [...left.fields, ...own.fields] };
  if (trivial) return result;
  const condition = p.analyze(new Scope(result.fields, outer), on!);
  requireBoolean(condition, 'JOIN ON clause', on!.loc);
  return {
    node: {
      kind: 'Filter',
      id: p.id(),
      source: result.node,
      predicate: condition,
      outputs: result.node.outputs,
    },
    fields: result.fields,
  };
}
