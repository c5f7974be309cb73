/**
 * The SQL abstract syntax tree: what the parser produces and the planner consumes.
 *
 * Shapes follow Trino's `io.trino.sql.tree` where that helps later stages (qualified names as
 * identifier lists, dereference chains left for the analyzer to resolve, literals kept as source
 * text so no precision is lost before typing). Every node has a `kind` and an optional `loc`
 * (1-based line:column of its first token) for error reporting; `loc` never affects meaning.
 */

export interface NodeLocation {
  readonly line: number;
  readonly column: number;
}

interface NodeBase {
  loc?: NodeLocation;
}

// ---------------------------------------------------------------------------------------------
// Names

/** A name part. Unquoted identifiers are case-insensitive; `quoted` keeps "…" identifiers exact. */
export interface Identifier extends NodeBase {
  kind: 'Identifier';
  value: string;
  quoted: boolean;
}

/** `catalog.schema.table`, `schema.table`, `fn`, `pg_catalog.fn` … */
export interface QualifiedName extends NodeBase {
  kind: 'QualifiedName';
  parts: Identifier[];
}

// ---------------------------------------------------------------------------------------------
// Types

export type DataType = GenericDataType | RowDataType | DateTimeDataType | IntervalDataType;

/** `bigint`, `varchar(25)`, `decimal(12,2)`, `array(integer)`, `map(varchar, bigint)`, `double precision`. */
export interface GenericDataType extends NodeBase {
  kind: 'GenericDataType';
  name: Identifier;
  arguments: DataTypeParameter[];
}

export type DataTypeParameter =
  { kind: 'NumericParameter'; value: string } | { kind: 'TypeParameter'; type: DataType };

export interface RowDataType extends NodeBase {
  kind: 'RowDataType';
  fields: { name?: Identifier; type: DataType }[];
}

export interface DateTimeDataType extends NodeBase {
  kind: 'DateTimeDataType';
  type: 'TIMESTAMP' | 'TIME';
  withTimeZone: boolean;
  precision?: string;
}

export type IntervalField = 'YEAR' | 'MONTH' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND';

export interface IntervalDataType extends NodeBase {
  kind: 'IntervalDataType';
  from: IntervalField;
  to?: IntervalField;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expression =
  | Identifier
  | DereferenceExpression
  | NullLiteral
  | BooleanLiteral
  | LongLiteral
  | DecimalLiteral
  | DoubleLiteral
  | StringLiteral
  | BinaryLiteral
  | GenericLiteral
  | IntervalLiteral
  | Parameter
  | ArithmeticBinary
  | ArithmeticUnary
  | Comparison
  | Logical
  | Not
  | IsNull
  | Between
  | InList
  | InSubquery
  | Like
  | RegexMatch
  | Exists
  | SubqueryExpression
  | QuantifiedComparison
  | SearchedCase
  | SimpleCase
  | Cast
  | Extract
  | FunctionCall
  | Lambda
  | ArrayConstructor
  | RowConstructor
  | Subscript
  | AtTimeZone
  | CurrentTime
  | SpecialValue
  | Trim
  | Collate;

/** `base.field`: a qualified column, or a field of a row value; the analyzer decides. */
export interface DereferenceExpression extends NodeBase {
  kind: 'DereferenceExpression';
  base: Expression;
  field: Identifier;
}

export interface NullLiteral extends NodeBase {
  kind: 'NullLiteral';
}
export interface BooleanLiteral extends NodeBase {
  kind: 'BooleanLiteral';
  value: boolean;
}
/** An integer literal; `value` is its decimal digits (hex/octal/binary forms already converted). */
export interface LongLiteral extends NodeBase {
  kind: 'LongLiteral';
  value: string;
}
/** `1.5`, `.5`, `1.`: typed DECIMAL by Trino (parse_decimal_literals_as_double=false). */
export interface DecimalLiteral extends NodeBase {
  kind: 'DecimalLiteral';
  value: string;
}
/** `1e3`, `1.5E-2`. */
export interface DoubleLiteral extends NodeBase {
  kind: 'DoubleLiteral';
  value: string;
}
export interface StringLiteral extends NodeBase {
  kind: 'StringLiteral';
  value: string;
}
/** X'0A1B': `value` is upper-case hex digits. */
export interface BinaryLiteral extends NodeBase {
  kind: 'BinaryLiteral';
  value: string;
}
/** `DATE '2020-01-01'`, `TIMESTAMP '…'`, `DECIMAL '1.5'`, `JSON '…'`, `REAL '1'`, any `type 'text'`. */
export interface GenericLiteral extends NodeBase {
  kind: 'GenericLiteral';
  type: string;
  value: string;
}
export interface IntervalLiteral extends NodeBase {
  kind: 'IntervalLiteral';
  value: string;
  sign: 1 | -1;
  startField: IntervalField;
  endField?: IntervalField;
}
/** `?` (position = order of appearance, 0-based) or, in the postgres dialect, `$n` (position n-1). */
export interface Parameter extends NodeBase {
  kind: 'Parameter';
  position: number;
  /** Written `$n` (postgres dialect) rather than `?`. */
  dollar?: boolean;
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | '||';
/** Arithmetic and `||` (concatenation), which Trino maps to concat(). */
export interface ArithmeticBinary extends NodeBase {
  kind: 'ArithmeticBinary';
  operator: ArithmeticOperator;
  left: Expression;
  right: Expression;
}
export interface ArithmeticUnary extends NodeBase {
  kind: 'ArithmeticUnary';
  sign: '+' | '-';
  value: Expression;
}

export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=' | 'IS DISTINCT FROM';
/** `a IS NOT DISTINCT FROM b` parses as Not(Comparison IS DISTINCT FROM), as in Trino. */
export interface Comparison extends NodeBase {
  kind: 'Comparison';
  operator: ComparisonOperator;
  left: Expression;
  right: Expression;
}
/** AND / OR with the operands of a chain flattened (`a AND b AND c` → three terms). */
export interface Logical extends NodeBase {
  kind: 'Logical';
  operator: 'AND' | 'OR';
  terms: Expression[];
}
export interface Not extends NodeBase {
  kind: 'Not';
  value: Expression;
}
export interface IsNull extends NodeBase {
  kind: 'IsNull';
  value: Expression;
  negated: boolean;
}
export interface Between extends NodeBase {
  kind: 'Between';
  value: Expression;
  min: Expression;
  max: Expression;
  negated: boolean;
}
export interface InList extends NodeBase {
  kind: 'InList';
  value: Expression;
  list: Expression[];
  negated: boolean;
}
export interface InSubquery extends NodeBase {
  kind: 'InSubquery';
  value: Expression;
  query: Query;
  negated: boolean;
}
/** LIKE, and ILIKE (postgres dialect) as caseInsensitive. */
export interface Like extends NodeBase {
  kind: 'Like';
  value: Expression;
  pattern: Expression;
  escape?: Expression;
  negated: boolean;
  caseInsensitive: boolean;
}
/** PostgreSQL `~`, `~*`, `!~`, `!~*` and `OPERATOR(pg_catalog.~)` (postgres dialect). */
export interface RegexMatch extends NodeBase {
  kind: 'RegexMatch';
  value: Expression;
  pattern: Expression;
  caseInsensitive: boolean;
  negated: boolean;
}
export interface Exists extends NodeBase {
  kind: 'Exists';
  query: Query;
}
/** `(SELECT …)` used as a value. */
export interface SubqueryExpression extends NodeBase {
  kind: 'SubqueryExpression';
  query: Query;
}
/**
 * `x = ANY (SELECT …)`; in the postgres dialect also `x = ANY (array-expression)`, where
 * `subject` is that expression rather than a SubqueryExpression.
 */
export interface QuantifiedComparison extends NodeBase {
  kind: 'QuantifiedComparison';
  operator: Exclude<ComparisonOperator, 'IS DISTINCT FROM'>;
  quantifier: 'ALL' | 'ANY' | 'SOME';
  value: Expression;
  subject: Expression;
}
export interface WhenClause {
  condition: Expression;
  result: Expression;
}
export interface SearchedCase extends NodeBase {
  kind: 'SearchedCase';
  whenClauses: WhenClause[];
  elseValue?: Expression;
}
export interface SimpleCase extends NodeBase {
  kind: 'SimpleCase';
  operand: Expression;
  whenClauses: WhenClause[];
  elseValue?: Expression;
}
/** CAST, TRY_CAST (safe) and the postgres `expr::type`. */
export interface Cast extends NodeBase {
  kind: 'Cast';
  value: Expression;
  type: DataType;
  safe: boolean;
}
export interface Extract extends NodeBase {
  kind: 'Extract';
  field: string;
  value: Expression;
}

export type SortOrdering = 'ASC' | 'DESC';
export interface SortItem extends NodeBase {
  kind: 'SortItem';
  key: Expression;
  ordering?: SortOrdering;
  nullOrdering?: 'FIRST' | 'LAST';
}

export type FrameBoundType =
  'UNBOUNDED PRECEDING' | 'PRECEDING' | 'CURRENT ROW' | 'FOLLOWING' | 'UNBOUNDED FOLLOWING';
export interface FrameBound {
  type: FrameBoundType;
  value?: Expression;
}
export interface WindowFrame {
  type: 'ROWS' | 'RANGE' | 'GROUPS';
  start: FrameBound;
  end?: FrameBound;
}
export interface WindowSpecification extends NodeBase {
  kind: 'WindowSpecification';
  existingName?: Identifier;
  partitionBy: Expression[];
  orderBy: SortItem[];
  frame?: WindowFrame;
}
export interface WindowReference extends NodeBase {
  kind: 'WindowReference';
  name: Identifier;
}

/**
 * A call of a scalar, aggregate or window function. `count(*)` has no arguments. Special forms
 * with keyword syntax become calls too: `substring(s FROM a FOR b)` → substring(s, a, b),
 * `position(a IN b)` → strpos(b, a), GROUPING(a, b) → grouping(a, b), `normalize(s, NFC)`.
 */
export interface FunctionCall extends NodeBase {
  kind: 'FunctionCall';
  name: QualifiedName;
  arguments: Expression[];
  distinct: boolean;
  filter?: Expression;
  orderBy?: SortItem[];
  window?: WindowSpecification | WindowReference;
  nullTreatment?: 'IGNORE' | 'RESPECT';
  processingMode?: 'RUNNING' | 'FINAL';
}
export interface Lambda extends NodeBase {
  kind: 'Lambda';
  parameters: Identifier[];
  body: Expression;
}
export interface ArrayConstructor extends NodeBase {
  kind: 'ArrayConstructor';
  values: Expression[];
}
/** `ROW(a, b)` and `(a, b)`. */
export interface RowConstructor extends NodeBase {
  kind: 'RowConstructor';
  values: Expression[];
}
export interface Subscript extends NodeBase {
  kind: 'Subscript';
  base: Expression;
  index: Expression;
}
export interface AtTimeZone extends NodeBase {
  kind: 'AtTimeZone';
  value: Expression;
  /** A zone expression, or 'LOCAL' for `AT LOCAL`. */
  zone: Expression | 'LOCAL';
}
export interface CurrentTime extends NodeBase {
  kind: 'CurrentTime';
  function: 'CURRENT_DATE' | 'CURRENT_TIME' | 'CURRENT_TIMESTAMP' | 'LOCALTIME' | 'LOCALTIMESTAMP';
  precision?: string;
}
export interface SpecialValue extends NodeBase {
  kind: 'SpecialValue';
  name:
    | 'CURRENT_USER'
    | 'CURRENT_CATALOG'
    | 'CURRENT_SCHEMA'
    | 'CURRENT_PATH'
    | 'CURRENT_ROLE'
    | 'SESSION_USER'
    | 'USER';
}
export interface Trim extends NodeBase {
  kind: 'Trim';
  specification: 'BOTH' | 'LEADING' | 'TRAILING';
  value: Expression;
  characters?: Expression;
}
/** `expr COLLATE name` (postgres dialect; the engine compares by code point regardless). */
export interface Collate extends NodeBase {
  kind: 'Collate';
  value: Expression;
  collation: QualifiedName;
}

// ---------------------------------------------------------------------------------------------
// Queries

export interface Query extends NodeBase {
  kind: 'Query';
  with?: With;
  body: QueryBody;
  orderBy?: SortItem[];
  offset?: Expression;
  limit?: Limit;
}

export type Limit =
  | { kind: 'Limit'; count: Expression | 'ALL' }
  | { kind: 'FetchFirst'; count?: Expression; withTies: boolean };

export interface With extends NodeBase {
  kind: 'With';
  recursive: boolean;
  queries: WithQuery[];
}
export interface WithQuery extends NodeBase {
  kind: 'WithQuery';
  name: Identifier;
  columnNames?: Identifier[];
  query: Query;
}

export type QueryBody = QuerySpecification | SetOperation | Values | TableReference | ParenthesizedQuery;

/** A parenthesized query used as a set-operation operand or a whole body: `(SELECT … LIMIT 1)`. */
export interface ParenthesizedQuery extends NodeBase {
  kind: 'ParenthesizedQuery';
  query: Query;
}

export interface QuerySpecification extends NodeBase {
  kind: 'QuerySpecification';
  distinct: boolean;
  /** PostgreSQL `SELECT DISTINCT ON (…)` (postgres dialect). */
  distinctOn?: Expression[];
  selectItems: SelectItem[];
  from?: Relation;
  where?: Expression;
  groupBy?: GroupBy;
  having?: Expression;
  windows: WindowDefinition[];
}

export interface SetOperation extends NodeBase {
  kind: 'SetOperation';
  operator: 'UNION' | 'INTERSECT' | 'EXCEPT';
  distinct: boolean;
  left: QueryBody;
  right: QueryBody;
}

export interface Values extends NodeBase {
  kind: 'Values';
  rows: Expression[];
}

/** `TABLE t` as a query body. */
export interface TableReference extends NodeBase {
  kind: 'TableReference';
  name: QualifiedName;
}

export type SelectItem = AllColumns | SingleColumn;
/** `*`, `t.*`, `expr.*` and `t.* AS (a, b)`. */
export interface AllColumns extends NodeBase {
  kind: 'AllColumns';
  target?: Expression;
  aliases?: Identifier[];
}
export interface SingleColumn extends NodeBase {
  kind: 'SingleColumn';
  expression: Expression;
  alias?: Identifier;
}

export interface GroupBy extends NodeBase {
  kind: 'GroupBy';
  distinct: boolean;
  elements: GroupingElement[];
}
export type GroupingElement =
  | { kind: 'SimpleGroupBy'; expressions: Expression[] }
  | { kind: 'Rollup'; expressions: Expression[] }
  | { kind: 'Cube'; expressions: Expression[] }
  | { kind: 'GroupingSets'; sets: Expression[][] };

export interface WindowDefinition extends NodeBase {
  kind: 'WindowDefinition';
  name: Identifier;
  window: WindowSpecification;
}

// ---------------------------------------------------------------------------------------------
// Relations

export type Relation =
  Table | AliasedRelation | Join | TableSubquery | Lateral | Unnest | SampledRelation | TableFunction;

export interface Table extends NodeBase {
  kind: 'Table';
  name: QualifiedName;
}
export interface AliasedRelation extends NodeBase {
  kind: 'AliasedRelation';
  relation: Relation;
  alias: Identifier;
  columnNames?: Identifier[];
}
export type JoinCriteria =
  { kind: 'On'; expression: Expression } | { kind: 'Using'; columns: Identifier[] } | { kind: 'Natural' };
export interface Join extends NodeBase {
  kind: 'Join';
  type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | 'IMPLICIT';
  left: Relation;
  right: Relation;
  criteria?: JoinCriteria;
}
export interface TableSubquery extends NodeBase {
  kind: 'TableSubquery';
  query: Query;
}
export interface Lateral extends NodeBase {
  kind: 'Lateral';
  query: Query;
}
export interface Unnest extends NodeBase {
  kind: 'Unnest';
  expressions: Expression[];
  withOrdinality: boolean;
}
export interface SampledRelation extends NodeBase {
  kind: 'SampledRelation';
  relation: Relation;
  type: 'BERNOULLI' | 'SYSTEM';
  percentage: Expression;
}
/** `TABLE(fn(…))` in Trino; a bare `fn(…)` in FROM in the postgres dialect (generate_series …). */
export interface TableFunction extends NodeBase {
  kind: 'TableFunction';
  call: FunctionCall;
}

// ---------------------------------------------------------------------------------------------
// Statements

export interface Property extends NodeBase {
  kind: 'Property';
  name: Identifier;
  /** undefined means `DEFAULT`. */
  value?: Expression;
}

export interface ColumnDefinition extends NodeBase {
  kind: 'ColumnDefinition';
  name: Identifier;
  type: DataType;
  nullable: boolean;
  /** `PRIMARY KEY` / `UNIQUE` written on the column (SQL-standard DDL; connectors may ignore it). */
  constraint?: 'PRIMARY KEY' | 'UNIQUE';
  comment?: string;
  properties: Property[];
}

/** A table-level `PRIMARY KEY (…)` or `UNIQUE (…)` in CREATE TABLE. */
export interface TableConstraint extends NodeBase {
  kind: 'TableConstraint';
  name?: Identifier;
  type: 'PRIMARY KEY' | 'UNIQUE';
  columns: Identifier[];
}

export interface LikeClause extends NodeBase {
  kind: 'LikeClause';
  table: QualifiedName;
  propertiesOption?: 'INCLUDING' | 'EXCLUDING';
}

export type TableElement = ColumnDefinition | LikeClause | TableConstraint;

export type LikeFilter = { pattern: string; escape?: string };

export type Statement =
  | Query
  | Explain
  | ShowCatalogs
  | ShowSchemas
  | ShowTables
  | ShowColumns
  | ShowFunctions
  | ShowSession
  | ShowCreate
  | ShowStats
  | DescribeInput
  | DescribeOutput
  | Use
  | SetSession
  | ResetSession
  | SetTimeZone
  | CreateSchema
  | DropSchema
  | CreateTable
  | CreateTableAsSelect
  | DropTable
  | RenameTable
  | AddColumn
  | DropColumn
  | RenameColumn
  | Insert
  | Delete
  | Update
  | Truncate
  | CreateView
  | DropView
  | CreateIndex
  | Prepare
  | Execute
  | ExecuteImmediate
  | Deallocate
  | StartTransaction
  | Commit
  | Rollback
  | CreateCatalog
  | DropCatalog
  | Call
  | SetVariable
  | ResetVariable
  | ShowVariable
  | Discard
  | Savepoint
  | ReleaseSavepoint
  | SetTransaction;

export interface Explain extends NodeBase {
  kind: 'Explain';
  analyze: boolean;
  verbose: boolean;
  type?: 'LOGICAL' | 'DISTRIBUTED' | 'IO' | 'VALIDATE';
  format?: 'TEXT' | 'JSON' | 'GRAPHVIZ';
  statement: Statement;
}
export interface ShowCatalogs extends NodeBase {
  kind: 'ShowCatalogs';
  like?: LikeFilter;
}
export interface ShowSchemas extends NodeBase {
  kind: 'ShowSchemas';
  catalog?: Identifier;
  like?: LikeFilter;
}
export interface ShowTables extends NodeBase {
  kind: 'ShowTables';
  schema?: QualifiedName;
  like?: LikeFilter;
}
/** SHOW COLUMNS FROM t, and DESCRIBE t / DESC t. */
export interface ShowColumns extends NodeBase {
  kind: 'ShowColumns';
  table: QualifiedName;
  like?: LikeFilter;
}
export interface ShowFunctions extends NodeBase {
  kind: 'ShowFunctions';
  schema?: QualifiedName;
  like?: LikeFilter;
}
export interface ShowSession extends NodeBase {
  kind: 'ShowSession';
  like?: LikeFilter;
}
export interface ShowCreate extends NodeBase {
  kind: 'ShowCreate';
  type: 'TABLE' | 'VIEW' | 'SCHEMA' | 'MATERIALIZED VIEW' | 'FUNCTION';
  name: QualifiedName;
}
export interface ShowStats extends NodeBase {
  kind: 'ShowStats';
  relation: { kind: 'Table'; name: QualifiedName } | { kind: 'Query'; query: Query };
}
export interface DescribeInput extends NodeBase {
  kind: 'DescribeInput';
  name: Identifier;
}
export interface DescribeOutput extends NodeBase {
  kind: 'DescribeOutput';
  name: Identifier;
}
export interface Use extends NodeBase {
  kind: 'Use';
  catalog?: Identifier;
  schema: Identifier;
}
export interface SetSession extends NodeBase {
  kind: 'SetSession';
  name: QualifiedName;
  value: Expression;
}
export interface ResetSession extends NodeBase {
  kind: 'ResetSession';
  name: QualifiedName;
}
export interface SetTimeZone extends NodeBase {
  kind: 'SetTimeZone';
  /** undefined means `LOCAL`. */
  value?: Expression;
}
export interface CreateSchema extends NodeBase {
  kind: 'CreateSchema';
  name: QualifiedName;
  notExists: boolean;
  properties: Property[];
}
export interface DropSchema extends NodeBase {
  kind: 'DropSchema';
  name: QualifiedName;
  exists: boolean;
  cascade: boolean;
}
export interface CreateTable extends NodeBase {
  kind: 'CreateTable';
  name: QualifiedName;
  notExists: boolean;
  replace: boolean;
  elements: TableElement[];
  comment?: string;
  properties: Property[];
}
export interface CreateTableAsSelect extends NodeBase {
  kind: 'CreateTableAsSelect';
  name: QualifiedName;
  notExists: boolean;
  replace: boolean;
  columnAliases?: Identifier[];
  query: Query;
  withData: boolean;
  comment?: string;
  properties: Property[];
}
export interface DropTable extends NodeBase {
  kind: 'DropTable';
  name: QualifiedName;
  exists: boolean;
}
export interface RenameTable extends NodeBase {
  kind: 'RenameTable';
  source: QualifiedName;
  target: QualifiedName;
  exists: boolean;
}
export interface AddColumn extends NodeBase {
  kind: 'AddColumn';
  table: QualifiedName;
  column: ColumnDefinition;
  tableExists: boolean;
  columnNotExists: boolean;
}
export interface DropColumn extends NodeBase {
  kind: 'DropColumn';
  table: QualifiedName;
  column: QualifiedName;
  tableExists: boolean;
  columnExists: boolean;
}
export interface RenameColumn extends NodeBase {
  kind: 'RenameColumn';
  table: QualifiedName;
  source: QualifiedName;
  target: Identifier;
  tableExists: boolean;
  columnExists: boolean;
}
export interface Insert extends NodeBase {
  kind: 'Insert';
  target: QualifiedName;
  columns?: Identifier[];
  query: Query;
}
export interface Delete extends NodeBase {
  kind: 'Delete';
  table: QualifiedName;
  alias?: Identifier;
  where?: Expression;
}
export interface Update extends NodeBase {
  kind: 'Update';
  table: QualifiedName;
  assignments: { name: Identifier; value: Expression }[];
  where?: Expression;
}
export interface Truncate extends NodeBase {
  kind: 'Truncate';
  table: QualifiedName;
}
export interface CreateView extends NodeBase {
  kind: 'CreateView';
  name: QualifiedName;
  columns?: Identifier[];
  query: Query;
  replace: boolean;
  comment?: string;
  security?: 'DEFINER' | 'INVOKER';
}
/**
 * `CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns)`: SQL DDL that sqllogictest and
 * PostgreSQL tools send. Tessera's connectors have no indexes; the engine decides what to do.
 */
export interface CreateIndex extends NodeBase {
  kind: 'CreateIndex';
  name: Identifier;
  table: QualifiedName;
  columns: SortItem[];
  unique: boolean;
  notExists: boolean;
}
export interface DropView extends NodeBase {
  kind: 'DropView';
  name: QualifiedName;
  exists: boolean;
}
export interface Prepare extends NodeBase {
  kind: 'Prepare';
  name: Identifier;
  statement: Statement;
}
export interface Execute extends NodeBase {
  kind: 'Execute';
  name: Identifier;
  parameters: Expression[];
}
export interface ExecuteImmediate extends NodeBase {
  kind: 'ExecuteImmediate';
  sql: StringLiteral;
  parameters: Expression[];
}
export interface Deallocate extends NodeBase {
  kind: 'Deallocate';
  /** undefined means `DEALLOCATE ALL` (postgres dialect). */
  name?: Identifier;
}
export type TransactionMode =
  | { kind: 'Isolation'; level: 'SERIALIZABLE' | 'REPEATABLE READ' | 'READ COMMITTED' | 'READ UNCOMMITTED' }
  | { kind: 'AccessMode'; readOnly: boolean };
/** START TRANSACTION, and BEGIN (postgres dialect). */
export interface StartTransaction extends NodeBase {
  kind: 'StartTransaction';
  modes: TransactionMode[];
}
/** COMMIT, and END (postgres dialect). */
export interface Commit extends NodeBase {
  kind: 'Commit';
}
/** ROLLBACK, ABORT, and ROLLBACK TO [SAVEPOINT] x (postgres dialect). */
export interface Rollback extends NodeBase {
  kind: 'Rollback';
  savepoint?: Identifier;
}
export interface CreateCatalog extends NodeBase {
  kind: 'CreateCatalog';
  name: Identifier;
  notExists: boolean;
  connector: Identifier;
  properties: Property[];
  comment?: string;
}
export interface DropCatalog extends NodeBase {
  kind: 'DropCatalog';
  name: Identifier;
  exists: boolean;
  cascade: boolean;
}
export interface CallArgument {
  name?: Identifier;
  value: Expression;
}
export interface Call extends NodeBase {
  kind: 'Call';
  name: QualifiedName;
  arguments: CallArgument[];
}

// PostgreSQL session statements (postgres dialect).

/** `SET [SESSION|LOCAL] name {TO|=} value[, …]|DEFAULT`, `SET SESSION CHARACTERISTICS …` is SetTransaction. */
export interface SetVariable extends NodeBase {
  kind: 'SetVariable';
  name: QualifiedName;
  local: boolean;
  /** undefined means DEFAULT. */
  values?: Expression[];
}
/** `RESET name` / `RESET ALL` (name undefined). */
export interface ResetVariable extends NodeBase {
  kind: 'ResetVariable';
  name?: QualifiedName;
}
/** `SHOW name`, `SHOW ALL` (name undefined), `SHOW TRANSACTION ISOLATION LEVEL` (name transaction_isolation). */
export interface ShowVariable extends NodeBase {
  kind: 'ShowVariable';
  name?: QualifiedName;
}
export interface Discard extends NodeBase {
  kind: 'Discard';
  target: 'ALL' | 'PLANS' | 'SEQUENCES' | 'TEMP';
}
export interface Savepoint extends NodeBase {
  kind: 'Savepoint';
  name: Identifier;
}
export interface ReleaseSavepoint extends NodeBase {
  kind: 'ReleaseSavepoint';
  name: Identifier;
}
/** `SET TRANSACTION …` and `SET SESSION CHARACTERISTICS AS TRANSACTION …`. */
export interface SetTransaction extends NodeBase {
  kind: 'SetTransaction';
  session: boolean;
  modes: TransactionMode[];
}

export type Node = Statement | Expression | Relation | QueryBody | DataType;
