/**
 * Formatter: AST → canonical SQL text, on one line.
 *
 * The output re-parses to the same tree (`parse(format(parse(q)))` equals `parse(q)` apart from
 * locations), so it is safe for views, EXPLAIN and prepared-statement echo. Operators are fully
 * parenthesized, which makes precedence explicit and never changes the tree.
 */
import type {
  DataType,
  Expression,
  FrameBound,
  FunctionCall,
  GroupingElement,
  Identifier,
  LikeFilter,
  Limit,
  Property,
  QualifiedName,
  Query,
  QueryBody,
  Relation,
  SelectItem,
  SortItem,
  Statement,
  TableElement,
  TransactionMode,
  WindowSpecification,
} from './ast';

/** Words with special syntax when followed by `[`, `(` or a string; as plain names they are parenthesized. */
const SPECIAL_SYNTAX_WORDS = new Set([
  'ARRAY',
  'ROW',
  'INTERVAL',
  'CAST',
  'TRY_CAST',
  'POSITION',
  'SUBSTRING',
  'DOUBLE',
  'AT',
  'CASE',
]);

export function formatIdentifier(id: Identifier): string {
  // An unquoted name is printed as written: the parser only produces unquoted names where a
  // bare word is valid (after a dot even reserved words are names).
  if (id.quoted || !/^[A-Za-z_\p{L}][A-Za-z0-9_$\p{L}\p{N}\p{M}]*$/u.test(id.value)) {
    return `"${id.value.replace(/"/g, '""')}"`;
  }
  return id.value;
}

export function formatQualifiedName(name: QualifiedName): string {
  return name.parts.map(formatIdentifier).join('.');
}

export function formatStringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const list = <T>(items: T[], f: (item: T) => string): string => items.map(f).join(', ');

// ---- expressions ------------------------------------------------------------------------------

/** Formats an expression that is then followed by a postfix operator (`[i]`, `.f`, `.*`). */
function postfixBase(e: Expression): string {
  const text = formatExpression(e);
  switch (e.kind) {
    case 'Identifier':
      return !e.quoted && SPECIAL_SYNTAX_WORDS.has(e.value.toUpperCase()) ? `(${text})` : text;
    case 'DereferenceExpression':
    case 'FunctionCall':
    case 'Subscript':
    case 'SubqueryExpression':
    case 'Cast':
    case 'ArrayConstructor':
    case 'StringLiteral':
    case 'SearchedCase':
    case 'SimpleCase':
    case 'Parameter':
      return text;
    default:
      return text.startsWith('(') && text.endsWith(')') && e.kind !== 'RowConstructor' ? text : `(${text})`;
  }
}

export function formatExpression(e: Expression): string {
  switch (e.kind) {
    case 'Identifier':
      return formatIdentifier(e);
    case 'DereferenceExpression':
      return `${postfixBase(e.base)}.${formatIdentifier(e.field)}`;
    case 'NullLiteral':
      return 'NULL';
    case 'BooleanLiteral':
      return e.value ? 'true' : 'false';
    case 'LongLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return e.value;
    case 'StringLiteral':
      return formatStringLiteral(e.value);
    case 'BinaryLiteral':
      return `X'${e.value}'`;
    case 'GenericLiteral': {
      const type = /^[A-Z_][A-Z0-9_]*$/.test(e.type) ? e.type : `"${e.type.replace(/"/g, '""')}"`;
      return `${type} ${formatStringLiteral(e.value)}`;
    }
    case 'IntervalLiteral':
      return `INTERVAL ${e.sign < 0 ? '-' : ''}${formatStringLiteral(e.value)} ${e.startField}${e.endField ? ` TO ${e.endField}` : ''}`;
    case 'Parameter':
      return e.dollar ? `$${e.position + 1}` : '?';
    case 'ArithmeticBinary':
      return `(${formatExpression(e.left)} ${e.operator} ${formatExpression(e.right)})`;
    case 'ArithmeticUnary': {
      // a space keeps `- -x` from reading as a `--` comment without adding parentheses
      const inner = formatExpression(e.value);
      return inner.startsWith('-') || inner.startsWith('+') ? `${e.sign} ${inner}` : `${e.sign}${inner}`;
    }
    case 'Comparison':
      return `(${formatExpression(e.left)} ${e.operator} ${formatExpression(e.right)})`;
    case 'Logical':
      return `(${e.terms.map(formatExpression).join(` ${e.operator} `)})`;
    case 'Not':
      return `(NOT ${formatExpression(e.value)})`;
    case 'IsNull':
      return `(${formatExpression(e.value)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'Between':
      return `(${formatExpression(e.value)} ${e.negated ? 'NOT ' : ''}BETWEEN ${formatExpression(e.min)} AND ${formatExpression(e.max)})`;
    case 'InList':
      return `(${formatExpression(e.value)} ${e.negated ? 'NOT ' : ''}IN (${list(e.list, formatExpression)}))`;
    case 'InSubquery':
      return `(${formatExpression(e.value)} ${e.negated ? 'NOT ' : ''}IN (${formatQuery(e.query)}))`;
    case 'Like': {
      const op = `${e.negated ? 'NOT ' : ''}${e.caseInsensitive ? 'ILIKE' : 'LIKE'}`;
      return `(${formatExpression(e.value)} ${op} ${formatExpression(e.pattern)}${e.escape ? ` ESCAPE ${formatExpression(e.escape)}` : ''})`;
    }
    case 'RegexMatch':
      return `(${formatExpression(e.value)} ${e.negated ? '!' : ''}~${e.caseInsensitive ? '*' : ''} ${formatExpression(e.pattern)})`;
    case 'Exists':
      return `EXISTS (${formatQuery(e.query)})`;
    case 'SubqueryExpression':
      return `(${formatQuery(e.query)})`;
    case 'QuantifiedComparison': {
      const subject =
        e.subject.kind === 'SubqueryExpression'
          ? formatExpression(e.subject)
          : `(${formatExpression(e.subject)})`;
      return `(${formatExpression(e.value)} ${e.operator} ${e.quantifier} ${subject})`;
    }
    case 'SearchedCase':
    case 'SimpleCase': {
      const parts = ['CASE'];
      if (e.kind === 'SimpleCase') parts.push(formatExpression(e.operand));
      for (const w of e.whenClauses)
        parts.push(`WHEN ${formatExpression(w.condition)} THEN ${formatExpression(w.result)}`);
      if (e.elseValue) parts.push(`ELSE ${formatExpression(e.elseValue)}`);
      parts.push('END');
      return parts.join(' ');
    }
    case 'Cast':
      return `${e.safe ? 'TRY_CAST' : 'CAST'}(${formatExpression(e.value)} AS ${formatDataType(e.type)})`;
    case 'Extract':
      return `EXTRACT(${e.field} FROM ${formatExpression(e.value)})`;
    case 'FunctionCall':
      return formatFunctionCall(e);
    case 'Lambda': {
      const params =
        e.parameters.length === 1
          ? formatIdentifier(e.parameters[0])
          : `(${list(e.parameters, formatIdentifier)})`;
      return `${params} -> ${formatExpression(e.body)}`;
    }
    case 'ArrayConstructor':
      return `ARRAY[${list(e.values, formatExpression)}]`;
    case 'RowConstructor':
      return `ROW (${list(e.values, formatExpression)})`;
    case 'Subscript':
      return `${postfixBase(e.base)}[${formatExpression(e.index)}]`;
    case 'AtTimeZone': {
      const zone = e.zone === 'LOCAL' ? 'LOCAL' : `TIME ZONE ${postfixBase(e.zone)}`;
      return `(${postfixBase(e.value)} AT ${zone})`;
    }
    case 'CurrentTime':
      return e.precision !== undefined ? `${e.function}(${e.precision})` : e.function;
    case 'SpecialValue':
      return e.name;
    case 'Trim':
      return `trim(${e.specification} ${e.characters ? `${formatExpression(e.characters)} ` : ''}FROM ${formatExpression(e.value)})`;
    case 'Collate':
      return `(${postfixBase(e.value)} COLLATE ${formatQualifiedName(e.collation)})`;
  }
}

function formatFunctionCall(call: FunctionCall): string {
  const name = formatQualifiedName(call.name);
  const onlyArg = call.arguments[0];
  if (
    call.arguments.length === 1 &&
    onlyArg.kind === 'SubqueryExpression' &&
    name.toLowerCase() === 'array' &&
    !call.distinct
  ) {
    return `ARRAY(${formatQuery(onlyArg.query)})`;
  }
  const form = call.arguments[1];
  if (
    name.toUpperCase() === 'NORMALIZE' &&
    call.arguments.length === 2 &&
    form.kind === 'StringLiteral' &&
    ['NFC', 'NFD', 'NFKC', 'NFKD'].includes(form.value) &&
    !call.window &&
    !call.filter
  ) {
    // the normal form is a bare keyword in NORMALIZE's special syntax
    return `${name}(${formatExpression(call.arguments[0])}, ${form.value})`;
  }
  let args: string;
  if (call.arguments.length === 0) {
    args = name.toLowerCase() === 'count' ? '*' : '';
  } else {
    args = (call.distinct ? 'DISTINCT ' : '') + list(call.arguments, formatExpression);
  }
  if (call.orderBy) args += ` ORDER BY ${list(call.orderBy, formatSortItem)}`;
  let text = `${name}(${args})`;
  if (call.filter) text += ` FILTER (WHERE ${formatExpression(call.filter)})`;
  if (call.nullTreatment) text += ` ${call.nullTreatment} NULLS`;
  if (call.window) {
    text +=
      call.window.kind === 'WindowReference'
        ? ` OVER ${formatIdentifier(call.window.name)}`
        : ` OVER (${formatWindowSpecification(call.window)})`;
  }
  return text;
}

export function formatSortItem(item: SortItem): string {
  let text = formatExpression(item.key);
  if (item.ordering) text += ` ${item.ordering}`;
  if (item.nullOrdering) text += ` NULLS ${item.nullOrdering}`;
  return text;
}

function formatFrameBound(bound: FrameBound): string {
  return bound.value ? `${formatExpression(bound.value)} ${bound.type}` : bound.type;
}

export function formatWindowSpecification(spec: WindowSpecification): string {
  const parts: string[] = [];
  if (spec.existingName) parts.push(formatIdentifier(spec.existingName));
  if (spec.partitionBy.length > 0) parts.push(`PARTITION BY ${list(spec.partitionBy, formatExpression)}`);
  if (spec.orderBy.length > 0) parts.push(`ORDER BY ${list(spec.orderBy, formatSortItem)}`);
  if (spec.frame) {
    const f = spec.frame;
    parts.push(
      f.end
        ? `${f.type} BETWEEN ${formatFrameBound(f.start)} AND ${formatFrameBound(f.end)}`
        : `${f.type} ${formatFrameBound(f.start)}`,
    );
  }
  return parts.join(' ');
}

// ---- types ------------------------------------------------------------------------------------

export function formatDataType(t: DataType): string {
  switch (t.kind) {
    case 'GenericDataType': {
      const name = formatIdentifier(t.name);
      if (t.arguments.length === 0) return name;
      return `${name}(${list(t.arguments, (a) => (a.kind === 'NumericParameter' ? a.value : formatDataType(a.type)))})`;
    }
    case 'RowDataType':
      return `ROW(${list(t.fields, (f) => (f.name ? `${formatIdentifier(f.name)} ${formatDataType(f.type)}` : formatDataType(f.type)))})`;
    case 'DateTimeDataType':
      return `${t.type}${t.precision !== undefined ? `(${t.precision})` : ''}${t.withTimeZone ? ' WITH TIME ZONE' : ''}`;
    case 'IntervalDataType':
      return `INTERVAL ${t.from}${t.to ? ` TO ${t.to}` : ''}`;
  }
}

// ---- queries ----------------------------------------------------------------------------------

function formatLimit(limit: Limit): string {
  if (limit.kind === 'Limit') return `LIMIT ${limit.count === 'ALL' ? 'ALL' : formatExpression(limit.count)}`;
  return `FETCH FIRST ${limit.count ? `${formatExpression(limit.count)} ` : ''}ROWS ${limit.withTies ? 'WITH TIES' : 'ONLY'}`;
}

export function formatQuery(q: Query): string {
  const parts: string[] = [];
  if (q.with) {
    const ctes = q.with.queries.map((w) => {
      const cols = w.columnNames ? ` (${list(w.columnNames, formatIdentifier)})` : '';
      return `${formatIdentifier(w.name)}${cols} AS (${formatQuery(w.query)})`;
    });
    parts.push(`WITH ${q.with.recursive ? 'RECURSIVE ' : ''}${ctes.join(', ')}`);
  }
  parts.push(formatQueryBody(q.body));
  if (q.orderBy) parts.push(`ORDER BY ${list(q.orderBy, formatSortItem)}`);
  if (q.offset) parts.push(`OFFSET ${formatExpression(q.offset)} ROWS`);
  if (q.limit) parts.push(formatLimit(q.limit));
  return parts.join(' ');
}

function formatGroupingElement(g: GroupingElement): string {
  switch (g.kind) {
    case 'SimpleGroupBy':
      return g.expressions.length === 1
        ? formatExpression(g.expressions[0])
        : `(${list(g.expressions, formatExpression)})`;
    case 'Rollup':
      return `ROLLUP (${list(g.expressions, formatExpression)})`;
    case 'Cube':
      return `CUBE (${list(g.expressions, formatExpression)})`;
    case 'GroupingSets':
      return `GROUPING SETS (${list(g.sets, (s) => (s.length === 1 ? formatExpression(s[0]) : `(${list(s, formatExpression)})`))})`;
  }
}

function formatSelectItem(item: SelectItem): string {
  if (item.kind === 'AllColumns') {
    if (!item.target) return '*';
    const aliases = item.aliases ? ` AS (${list(item.aliases, formatIdentifier)})` : '';
    return `${postfixBase(item.target)}.*${aliases}`;
  }
  return item.alias
    ? `${formatExpression(item.expression)} AS ${formatIdentifier(item.alias)}`
    : formatExpression(item.expression);
}

export function formatQueryBody(body: QueryBody): string {
  switch (body.kind) {
    case 'QuerySpecification': {
      let text = 'SELECT ';
      const items = list(body.selectItems, formatSelectItem);
      if (body.distinct) text += 'DISTINCT ';
      // a first column named `all` or `distinct` would read as the set quantifier
      else if (/^(ALL|DISTINCT)\b/i.test(items)) text += 'ALL ';
      if (body.distinctOn) text += `ON (${list(body.distinctOn, formatExpression)}) `;
      text += items;
      if (body.from) text += ` FROM ${formatRelation(body.from)}`;
      if (body.where) text += ` WHERE ${formatExpression(body.where)}`;
      if (body.groupBy) {
        text += ` GROUP BY ${body.groupBy.distinct ? 'DISTINCT ' : ''}${list(body.groupBy.elements, formatGroupingElement)}`;
      }
      if (body.having) text += ` HAVING ${formatExpression(body.having)}`;
      if (body.windows.length > 0) {
        text += ` WINDOW ${list(body.windows, (w) => `${formatIdentifier(w.name)} AS (${formatWindowSpecification(w.window)})`)}`;
      }
      return text;
    }
    case 'SetOperation':
      return `${formatQueryBody(body.left)} ${body.operator}${body.distinct ? '' : ' ALL'} ${formatQueryBody(body.right)}`;
    case 'Values':
      return `VALUES ${list(body.rows, formatExpression)}`;
    case 'TableReference':
      return `TABLE ${formatQualifiedName(body.name)}`;
    case 'ParenthesizedQuery':
      return `(${formatQuery(body.query)})`;
  }
}

export function formatRelation(r: Relation): string {
  const nested = (x: Relation): string => (x.kind === 'Join' ? `(${formatRelation(x)})` : formatRelation(x));
  switch (r.kind) {
    case 'Table':
      return formatQualifiedName(r.name);
    case 'AliasedRelation': {
      const cols = r.columnNames ? ` (${list(r.columnNames, formatIdentifier)})` : '';
      return `${nested(r.relation)} AS ${formatIdentifier(r.alias)}${cols}`;
    }
    case 'Join': {
      const left = formatRelation(r.left);
      if (r.type === 'IMPLICIT')
        return `${left}, ${r.right.kind === 'Join' && r.right.type === 'IMPLICIT' ? nested(r.right) : formatRelation(r.right)}`;
      const right = nested(r.right);
      if (r.type === 'CROSS') return `${left} CROSS JOIN ${right}`;
      const type = r.type === 'INNER' ? '' : `${r.type} `;
      if (!r.criteria || r.criteria.kind === 'Natural') return `${left} NATURAL ${type}JOIN ${right}`;
      if (r.criteria.kind === 'On')
        return `${left} ${type}JOIN ${right} ON ${formatExpression(r.criteria.expression)}`;
      return `${left} ${type}JOIN ${right} USING (${list(r.criteria.columns, formatIdentifier)})`;
    }
    case 'TableSubquery':
      return `(${formatQuery(r.query)})`;
    case 'Lateral':
      return `LATERAL (${formatQuery(r.query)})`;
    case 'Unnest':
      return `UNNEST(${list(r.expressions, formatExpression)})${r.withOrdinality ? ' WITH ORDINALITY' : ''}`;
    case 'SampledRelation':
      return `${nested(r.relation)} TABLESAMPLE ${r.type} (${formatExpression(r.percentage)})`;
    case 'TableFunction':
      return `TABLE(${formatFunctionCall(r.call)})`;
  }
}

// ---- statements -------------------------------------------------------------------------------

function formatLike(like: LikeFilter | undefined): string {
  if (!like) return '';
  return ` LIKE ${formatStringLiteral(like.pattern)}${like.escape !== undefined ? ` ESCAPE ${formatStringLiteral(like.escape)}` : ''}`;
}

function formatProperties(props: Property[]): string {
  if (props.length === 0) return '';
  return ` WITH (${list(props, (p) => `${formatIdentifier(p.name)} = ${p.value ? formatExpression(p.value) : 'DEFAULT'}`)})`;
}

function formatComment(comment: string | undefined): string {
  return comment !== undefined ? ` COMMENT ${formatStringLiteral(comment)}` : '';
}

function formatTableElement(e: TableElement): string {
  if (e.kind === 'LikeClause')
    return `LIKE ${formatQualifiedName(e.table)}${e.propertiesOption ? ` ${e.propertiesOption} PROPERTIES` : ''}`;
  if (e.kind === 'TableConstraint') {
    return `${e.name ? `CONSTRAINT ${formatIdentifier(e.name)} ` : ''}${e.type} (${list(e.columns, formatIdentifier)})`;
  }
  return `${formatIdentifier(e.name)} ${formatDataType(e.type)}${e.nullable ? '' : ' NOT NULL'}${e.constraint ? ` ${e.constraint}` : ''}${formatComment(e.comment)}${formatProperties(e.properties)}`;
}

function formatTransactionModes(modes: TransactionMode[]): string {
  return list(modes, (m) =>
    m.kind === 'Isolation' ? `ISOLATION LEVEL ${m.level}` : m.readOnly ? 'READ ONLY' : 'READ WRITE',
  );
}

const ifExists = (b: boolean): string => (b ? 'IF EXISTS ' : '');
const ifNotExists = (b: boolean): string => (b ? 'IF NOT EXISTS ' : '');

export function formatStatement(s: Statement): string {
  switch (s.kind) {
    case 'Query':
      return formatQuery(s);
    case 'Explain': {
      const options = [s.type ? `TYPE ${s.type}` : '', s.format ? `FORMAT ${s.format}` : ''].filter(Boolean);
      return `EXPLAIN ${s.analyze ? 'ANALYZE ' : ''}${s.verbose ? 'VERBOSE ' : ''}${options.length ? `(${options.join(', ')}) ` : ''}${formatStatement(s.statement)}`;
    }
    case 'ShowCatalogs':
      return `SHOW CATALOGS${formatLike(s.like)}`;
    case 'ShowSchemas':
      return `SHOW SCHEMAS${s.catalog ? ` FROM ${formatIdentifier(s.catalog)}` : ''}${formatLike(s.like)}`;
    case 'ShowTables':
      return `SHOW TABLES${s.schema ? ` FROM ${formatQualifiedName(s.schema)}` : ''}${formatLike(s.like)}`;
    case 'ShowColumns':
      return `SHOW COLUMNS FROM ${formatQualifiedName(s.table)}${formatLike(s.like)}`;
    case 'ShowFunctions':
      return `SHOW FUNCTIONS${s.schema ? ` FROM ${formatQualifiedName(s.schema)}` : ''}${formatLike(s.like)}`;
    case 'ShowSession':
      return `SHOW SESSION${formatLike(s.like)}`;
    case 'ShowCreate':
      return `SHOW CREATE ${s.type} ${formatQualifiedName(s.name)}`;
    case 'ShowStats':
      return s.relation.kind === 'Table'
        ? `SHOW STATS FOR ${formatQualifiedName(s.relation.name)}`
        : `SHOW STATS FOR (${formatQuery(s.relation.query)})`;
    case 'DescribeInput':
      return `DESCRIBE INPUT ${formatIdentifier(s.name)}`;
    case 'DescribeOutput':
      return `DESCRIBE OUTPUT ${formatIdentifier(s.name)}`;
    case 'Use':
      return `USE ${s.catalog ? `${formatIdentifier(s.catalog)}.` : ''}${formatIdentifier(s.schema)}`;
    case 'SetSession':
      return `SET SESSION ${formatQualifiedName(s.name)} = ${formatExpression(s.value)}`;
    case 'ResetSession':
      return `RESET SESSION ${formatQualifiedName(s.name)}`;
    case 'SetTimeZone':
      return `SET TIME ZONE ${s.value ? formatExpression(s.value) : 'LOCAL'}`;
    case 'CreateSchema':
      return `CREATE SCHEMA ${ifNotExists(s.notExists)}${formatQualifiedName(s.name)}${formatProperties(s.properties)}`;
    case 'DropSchema':
      return `DROP SCHEMA ${ifExists(s.exists)}${formatQualifiedName(s.name)}${s.cascade ? ' CASCADE' : ''}`;
    case 'CreateTable':
      return `CREATE ${s.replace ? 'OR REPLACE ' : ''}TABLE ${ifNotExists(s.notExists)}${formatQualifiedName(s.name)} (${list(s.elements, formatTableElement)})${formatComment(s.comment)}${formatProperties(s.properties)}`;
    case 'CreateTableAsSelect': {
      const cols = s.columnAliases ? ` (${list(s.columnAliases, formatIdentifier)})` : '';
      return `CREATE ${s.replace ? 'OR REPLACE ' : ''}TABLE ${ifNotExists(s.notExists)}${formatQualifiedName(s.name)}${cols}${formatComment(s.comment)}${formatProperties(s.properties)} AS ${formatQuery(s.query)}${s.withData ? '' : ' WITH NO DATA'}`;
    }
    case 'DropTable':
      return `DROP TABLE ${ifExists(s.exists)}${formatQualifiedName(s.name)}`;
    case 'RenameTable':
      return `ALTER TABLE ${ifExists(s.exists)}${formatQualifiedName(s.source)} RENAME TO ${formatQualifiedName(s.target)}`;
    case 'AddColumn':
      return `ALTER TABLE ${ifExists(s.tableExists)}${formatQualifiedName(s.table)} ADD COLUMN ${ifNotExists(s.columnNotExists)}${formatTableElement(s.column)}`;
    case 'DropColumn':
      return `ALTER TABLE ${ifExists(s.tableExists)}${formatQualifiedName(s.table)} DROP COLUMN ${ifExists(s.columnExists)}${formatQualifiedName(s.column)}`;
    case 'RenameColumn':
      return `ALTER TABLE ${ifExists(s.tableExists)}${formatQualifiedName(s.table)} RENAME COLUMN ${ifExists(s.columnExists)}${formatQualifiedName(s.source)} TO ${formatIdentifier(s.target)}`;
    case 'Insert':
      return `INSERT INTO ${formatQualifiedName(s.target)}${s.columns ? ` (${list(s.columns, formatIdentifier)})` : ''} ${formatQuery(s.query)}`;
    case 'Delete':
      return `DELETE FROM ${formatQualifiedName(s.table)}${s.alias ? ` AS ${formatIdentifier(s.alias)}` : ''}${s.where ? ` WHERE ${formatExpression(s.where)}` : ''}`;
    case 'Update':
      return `UPDATE ${formatQualifiedName(s.table)} SET ${list(s.assignments, (a) => `${formatIdentifier(a.name)} = ${formatExpression(a.value)}`)}${s.where ? ` WHERE ${formatExpression(s.where)}` : ''}`;
    case 'Truncate':
      return `TRUNCATE TABLE ${formatQualifiedName(s.table)}`;
    case 'CreateView':
      return `CREATE ${s.replace ? 'OR REPLACE ' : ''}VIEW ${formatQualifiedName(s.name)}${s.columns ? ` (${list(s.columns, formatIdentifier)})` : ''}${formatComment(s.comment)}${s.security ? ` SECURITY ${s.security}` : ''} AS ${formatQuery(s.query)}`;
    case 'CreateIndex':
      return `CREATE ${s.unique ? 'UNIQUE ' : ''}INDEX ${ifNotExists(s.notExists)}${formatIdentifier(s.name)} ON ${formatQualifiedName(s.table)} (${list(s.columns, formatSortItem)})`;
    case 'DropView':
      return `DROP VIEW ${ifExists(s.exists)}${formatQualifiedName(s.name)}`;
    case 'Prepare':
      return `PREPARE ${formatIdentifier(s.name)} FROM ${formatStatement(s.statement)}`;
    case 'Execute':
      return `EXECUTE ${formatIdentifier(s.name)}${s.parameters.length ? ` USING ${list(s.parameters, formatExpression)}` : ''}`;
    case 'ExecuteImmediate':
      return `EXECUTE IMMEDIATE ${formatStringLiteral(s.sql.value)}${s.parameters.length ? ` USING ${list(s.parameters, formatExpression)}` : ''}`;
    case 'Deallocate':
      return s.name ? `DEALLOCATE PREPARE ${formatIdentifier(s.name)}` : 'DEALLOCATE ALL';
    case 'StartTransaction':
      return `START TRANSACTION${s.modes.length ? ` ${formatTransactionModes(s.modes)}` : ''}`;
    case 'Commit':
      return 'COMMIT';
    case 'Rollback':
      return s.savepoint ? `ROLLBACK TO SAVEPOINT ${formatIdentifier(s.savepoint)}` : 'ROLLBACK';
    case 'CreateCatalog':
      return `CREATE CATALOG ${ifNotExists(s.notExists)}${formatIdentifier(s.name)} USING ${formatIdentifier(s.connector)}${formatComment(s.comment)}${formatProperties(s.properties)}`;
    case 'DropCatalog':
      return `DROP CATALOG ${ifExists(s.exists)}${formatIdentifier(s.name)}${s.cascade ? ' CASCADE' : ''}`;
    case 'Call':
      return `CALL ${formatQualifiedName(s.name)}(${list(s.arguments, (a) => (a.name ? `${formatIdentifier(a.name)} => ` : '') + formatExpression(a.value))})`;
    case 'SetVariable':
      return `SET ${s.local ? 'LOCAL ' : ''}${formatQualifiedName(s.name)} TO ${s.values ? list(s.values, formatExpression) : 'DEFAULT'}`;
    case 'ResetVariable':
      return `RESET ${s.name ? formatQualifiedName(s.name) : 'ALL'}`;
    case 'ShowVariable':
      return `SHOW ${s.name ? formatQualifiedName(s.name) : 'ALL'}`;
    case 'Discard':
      return `DISCARD ${s.target}`;
    case 'Savepoint':
      return `SAVEPOINT ${formatIdentifier(s.name)}`;
    case 'ReleaseSavepoint':
      return `RELEASE SAVEPOINT ${formatIdentifier(s.name)}`;
    case 'SetTransaction':
      return `SET ${s.session ? 'SESSION CHARACTERISTICS AS ' : ''}TRANSACTION ${formatTransactionModes(s.modes)}`;
  }
}
