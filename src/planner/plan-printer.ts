/** Prints a plan tree for EXPLAIN: one node per line, indented, with its outputs and details. */
import { formatType } from '../types';
import type { RowExpression } from './ir';
import { sources, type PlanNode } from './plan';

export function formatPlan(root: PlanNode): string {
  const lines: string[] = [];
  const visit = (node: PlanNode, depth: number): void => {
    const indent = '    '.repeat(depth);
    lines.push(`${indent}- ${describe(node)}`);
    lines.push(
      `${indent}    Layout: [${node.outputs.map((s) => `${s.name}:${formatType(s.type)}`).join(', ')}]`,
    );
    for (const s of sources(node)) visit(s, depth + 1);
    if (node.kind === 'Apply') visit(node.subquery, depth + 1);
  };
  visit(root, 0);
  return lines.join('\n');
}

/** One node's line in EXPLAIN: its name and details, Trino's way. */
export function describe(node: PlanNode): string {
  switch (node.kind) {
    case 'Output':
      return `Output[columnNames = [${node.columnNames.join(', ')}]]`;
    case 'TableScan':
      return `TableScan[table = ${node.catalog}:${JSON.stringify(node.table)}]`;
    case 'Values':
      return `Values[${node.rows.length} rows]`;
    case 'Filter':
      return `Filter[filterPredicate = ${formatRowExpression(node.predicate)}]`;
    case 'Project':
      return `Project[${node.assignments
        .filter((a) => !(a.expression.kind === 'symbol' && a.expression.name === a.symbol.name))
        .map((a) => `${a.symbol.name} := ${formatRowExpression(a.expression)}`)
        .join(', ')}]`;
    case 'Aggregation':
      return `Aggregate[type = ${node.step}, keys = [${node.groupingKeys.map((k) => k.name).join(', ')}]${node.aggregates.map((a) => `, ${a.symbol.name} := ${a.function}(${a.distinct ? 'DISTINCT ' : ''}${a.arguments.map((x) => x.name).join(', ')})`).join('')}]`;
    case 'Sort':
      return `Sort[orderBy = [${node.orderBy.map((o) => `${o.symbol.name} ${o.ascending ? 'ASC' : 'DESC'} NULLS ${o.nullsFirst ? 'FIRST' : 'LAST'}`).join(', ')}]]`;
    case 'TopN':
      return `TopN${node.step === 'PARTIAL' ? 'Partial' : ''}[count = ${node.count}, orderBy = [${node.orderBy.map((o) => `${o.symbol.name} ${o.ascending ? 'ASC' : 'DESC'} NULLS ${o.nullsFirst ? 'FIRST' : 'LAST'}`).join(', ')}]]`;
    case 'Limit':
      return `Limit${node.partial ? 'Partial' : ''}[count = ${node.count}${node.offset ? `, offset = ${node.offset}` : ''}]`;
    case 'Unnest':
      return `Unnest[replicate = [${node.replicate.map((s) => s.name).join(', ')}], unnest = [${node.mappings.map((m) => `${m.input.name} => [${m.outputs.map((o) => o.name).join(', ')}]`).join(', ')}]${node.ordinality ? `, ordinality = ${node.ordinality.name}` : ''}${node.join === 'LEFT' ? ', outer' : ''}]`;
    case 'AssignUniqueId':
      return `AssignUniqueId[${node.idSymbol.name}]`;
    case 'GroupId':
      return `GroupId[sets = ${JSON.stringify(node.sets.map((set) => set.map((i) => node.keys[i].name)))}]`;
    case 'Window':
      return `Window[partitionBy = [${node.partitionBy.map((p) => p.name).join(', ')}], orderBy = [${node.orderBy.map((o) => `${o.symbol.name} ${o.ascending ? 'ASC' : 'DESC'}`).join(', ')}]${node.functions.map((f) => `, ${f.symbol.name} := ${f.function}(${f.arguments.map((a) => a.name).join(', ')}) ${f.frame.type} ${f.frame.start.type} ${f.frame.end.type}`).join('')}]`;
    case 'SemiJoin':
      return `SemiJoin[criteria = [${node.criteria.map((c) => `${c.input.name} = ${c.source.name}`).join(', ')}]${node.filter ? `, filter = ${formatRowExpression(node.filter)}` : ''}${node.buildSide ? `, buildSide = ${node.buildSide}` : ''}, output = ${node.output.name}]`;
    case 'SetOperation':
      return `${node.operator}${node.distinct ? '' : ' ALL'}`;
    case 'Apply':
      return node.mode.kind === 'lateral'
        ? `Apply[lateral ${node.mode.join}, correlation = [${node.correlation.map((c) => c.name).join(', ')}]${node.mode.filter ? `, filter = ${formatRowExpression(node.mode.filter)}` : ''}]`
        : `Apply[${node.mode.kind}, correlation = [${node.correlation.map((c) => c.name).join(', ')}], output = ${node.output.name}]`;
    case 'Exchange':
      return `${node.scope === 'REMOTE' ? 'Remote' : 'Local'}Exchange[partitioning = ${node.partitioning.handle}, type = ${node.type}${node.partitioning.columns.length > 0 ? `, hashColumns = [${node.partitioning.columns.map((c) => c.name).join(', ')}]` : ''}]`;
    case 'RemoteSource':
      return `RemoteSource[sourceFragmentIds = [${node.sourceFragmentIds.join(', ')}]]`;
    case 'Join':
      return `${node.type === 'INNER' && node.criteria.length === 0 ? 'CrossJoin' : `${node.type}Join`}[criteria = [${node.criteria.map((c) => `${c.left.name} = ${c.right.name}`).join(', ')}]${node.filter ? `, filter = ${formatRowExpression(node.filter)}` : ''}]`;
  }
}

export function formatRowExpression(e: RowExpression): string {
  switch (e.kind) {
    case 'symbol':
      return e.name;
    case 'constant':
      return e.value === null ? 'null' : typeof e.value === 'string' ? `'${e.value}'` : `${String(e.value)}`;
    case 'call':
      return `${e.function}(${e.arguments.map(formatRowExpression).join(', ')})`;
    case 'arithmetic':
      return `(${formatRowExpression(e.left)} ${{ add: '+', subtract: '-', multiply: '*', divide: '/', modulus: '%' }[e.op]} ${formatRowExpression(e.right)})`;
    case 'negate':
      return `(-${formatRowExpression(e.value)})`;
    case 'comparison':
      return `(${formatRowExpression(e.left)} ${{ eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=', distinct: 'IS DISTINCT FROM' }[e.op]} ${formatRowExpression(e.right)})`;
    case 'logical':
      return `(${e.terms.map(formatRowExpression).join(` ${e.op.toUpperCase()} `)})`;
    case 'not':
      return `(NOT ${formatRowExpression(e.value)})`;
    case 'isNull':
      return `(${formatRowExpression(e.value)} IS NULL)`;
    case 'cast':
      return `CAST(${formatRowExpression(e.value)} AS ${formatType(e.type)})`;
    case 'if':
      return `IF(${formatRowExpression(e.condition)}, ${formatRowExpression(e.then)}, ${formatRowExpression(e.else)})`;
    case 'coalesce':
      return `COALESCE(${e.operands.map(formatRowExpression).join(', ')})`;
    case 'in':
      return `(${formatRowExpression(e.value)} IN (${e.list.map(formatRowExpression).join(', ')}))`;
    case 'between':
      return `(${formatRowExpression(e.value)} BETWEEN ${formatRowExpression(e.min)} AND ${formatRowExpression(e.max)})`;
    case 'like':
      return `(${formatRowExpression(e.value)} LIKE ${formatRowExpression(e.pattern)})`;
    case 'row':
      return `ROW(${e.fields.map(formatRowExpression).join(', ')})`;
    case 'field':
      return `${formatRowExpression(e.base)}[${e.index + 1}]`;
    case 'switch':
      return `CASE ${e.whenClauses.map((w) => `WHEN ${formatRowExpression(w.condition)} THEN ${formatRowExpression(w.result)}`).join(' ')} ELSE ${formatRowExpression(e.elseValue)} END`;
    case 'lambda':
      return `(${e.parameters.map((p) => p.name).join(', ')}) -> ${formatRowExpression(e.body)}`;
  }
}
