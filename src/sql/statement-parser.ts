/**
 * StatementParser: every statement form, dispatched on its first word(s). Trino's statements
 * first; with the postgres dialect also the session and transaction statements PostgreSQL
 * drivers send (SET x TO y, SHOW x, BEGIN/END, DISCARD ALL, …).
 */
import type {
  CallArgument,
  ColumnDefinition,
  Expression,
  Identifier,
  LikeFilter,
  Property,
  Statement,
  TableElement,
  TransactionMode,
} from './ast';
import { QueryParser } from './query-parser';

const STATEMENT_KEYWORDS = [
  'ALTER',
  'CALL',
  'COMMIT',
  'CREATE',
  'DEALLOCATE',
  'DELETE',
  'DESC',
  'DESCRIBE',
  'DROP',
  'EXECUTE',
  'EXPLAIN',
  'INSERT',
  'PREPARE',
  'RESET',
  'ROLLBACK',
  'SET',
  'SHOW',
  'START',
  'TRUNCATE',
  'UPDATE',
  'USE',
  'WITH',
];

export class StatementParser extends QueryParser {
  /** One statement and the end of input (postgres: an optional trailing `;`). */
  parseSingleStatement(): Statement {
    const statement = this.parseStatement();
    if (this.pg) while (this.matchOperator(';'));
    if (!this.isEof()) this.fail();
    return statement;
  }

  parseStandaloneExpression(): Expression {
    const e = this.parseExpression();
    if (!this.isEof()) this.fail();
    return e;
  }

  /** Statements separated by `;` (the PostgreSQL simple-query protocol allows several). */
  parseStatementList(): Statement[] {
    const list: Statement[] = [];
    for (;;) {
      while (this.matchOperator(';'));
      if (this.isEof()) return list;
      list.push(this.parseStatement());
      if (!this.isOperator(';') && !this.isEof()) this.fail();
    }
  }

  parseStatement(): Statement {
    return this.nested(() => this.parseStatementInner());
  }

  private parseStatementInner(): Statement {
    const loc = this.location();
    const t = this.peek();
    if (t.type === 'operator' && t.value === '(') return this.parseQuery();
    if (t.type !== 'identifier') {
      this.expectingStatement();
      this.fail();
    }
    switch (t.upper) {
      case 'SELECT':
      case 'WITH':
      case 'VALUES':
      case 'TABLE':
        return this.parseQuery();
      case 'EXPLAIN':
        return this.parseExplain();
      case 'SHOW':
        return this.parseShow();
      case 'DESCRIBE':
      case 'DESC':
        return this.parseDescribe();
      case 'USE':
        return this.parseUse();
      case 'SET':
        return this.parseSet();
      case 'RESET':
        return this.parseReset();
      case 'CREATE':
        return this.parseCreate();
      case 'DROP':
        return this.parseDrop();
      case 'ALTER':
        return this.parseAlter();
      case 'INSERT': {
        this.next();
        this.expectKeyword('INTO');
        const target = this.parseQualifiedName();
        const columns = this.isOperator('(') && !this.startsQuery(1) ? this.parseColumnAliases() : undefined;
        return { kind: 'Insert', target, ...(columns ? { columns } : {}), query: this.parseQuery(), loc };
      }
      case 'DELETE': {
        this.next();
        this.expectKeyword('FROM');
        const table = this.parseQualifiedName();
        const alias = this.matchKeyword('AS')
          ? this.parseIdentifier()
          : this.isIdentifier()
            ? this.parseIdentifier()
            : undefined;
        const where = this.matchKeyword('WHERE') ? this.parseExpression() : undefined;
        return { kind: 'Delete', table, ...(alias ? { alias } : {}), ...(where ? { where } : {}), loc };
      }
      case 'UPDATE':
        return this.parseUpdate();
      case 'TRUNCATE': {
        this.next();
        this.matchKeyword('TABLE');
        return { kind: 'Truncate', table: this.parseQualifiedName(), loc };
      }
      case 'PREPARE': {
        this.next();
        const name = this.parseIdentifier();
        this.expectKeyword('FROM');
        return { kind: 'Prepare', name, statement: this.parseStatement(), loc };
      }
      case 'EXECUTE':
        return this.parseExecute();
      case 'DEALLOCATE': {
        this.next();
        if (this.pg) {
          this.matchKeyword('PREPARE');
          if (this.matchKeyword('ALL')) return { kind: 'Deallocate', loc };
        } else {
          this.expectKeyword('PREPARE');
        }
        return { kind: 'Deallocate', name: this.parseIdentifier(), loc };
      }
      case 'START':
        this.next();
        this.expectKeyword('TRANSACTION');
        return { kind: 'StartTransaction', modes: this.parseTransactionModes(), loc };
      case 'COMMIT':
        this.next();
        this.matchOneOf('WORK', ...(this.pg ? (['TRANSACTION'] as const) : []));
        return { kind: 'Commit', loc };
      case 'ROLLBACK':
        return this.parseRollback();
      case 'CALL':
        return this.parseCall();
    }
    if (this.pg) {
      const pg = this.parsePostgresStatement();
      if (pg) return pg;
    }
    this.expectingStatement();
    return this.fail();
  }

  /** What may start a statement, listed as Trino lists its grammar's (the statements parsed here). */
  private expectingStatement(): void {
    for (const word of STATEMENT_KEYWORDS) this.expecting(`'${word}'`);
    this.expecting('<query>');
  }

  // ---- EXPLAIN, SHOW, DESCRIBE ---------------------------------------------------------------

  private parseExplain(): Statement {
    const loc = this.location();
    this.expectKeyword('EXPLAIN');
    const analyze = this.matchKeyword('ANALYZE');
    const verbose = this.matchKeyword('VERBOSE');
    let type: 'LOGICAL' | 'DISTRIBUTED' | 'IO' | 'VALIDATE' | undefined;
    let format: 'TEXT' | 'JSON' | 'GRAPHVIZ' | undefined;
    if (this.isOperator('(') && !this.startsQuery(1)) {
      this.next();
      do {
        const option = this.expectOneOf('TYPE', 'FORMAT');
        if (option === 'TYPE') type = this.expectOneOf('LOGICAL', 'DISTRIBUTED', 'IO', 'VALIDATE');
        else format = this.expectOneOf('TEXT', 'JSON', 'GRAPHVIZ');
      } while (this.matchOperator(','));
      this.expectOperator(')');
    }
    const statement = this.parseStatement();
    return {
      kind: 'Explain',
      analyze,
      verbose,
      ...(type ? { type } : {}),
      ...(format ? { format } : {}),
      statement,
      loc,
    };
  }

  private parseLikeFilter(): LikeFilter | undefined {
    if (!this.matchKeyword('LIKE')) return undefined;
    const pattern = this.parseStringValue();
    const escape = this.matchKeyword('ESCAPE') ? this.parseStringValue() : undefined;
    return escape !== undefined ? { pattern, escape } : { pattern };
  }

  private parseStringValue(): string {
    const t = this.peek();
    if (t.type !== 'string') {
      this.expecting('<string>');
      this.fail();
    }
    this.next();
    return t.flavor === 'unicode' ? this.decodeUnicodeEscapes(t.value, t) : t.value;
  }

  private parseShow(): Statement {
    const loc = this.location();
    this.expectKeyword('SHOW');
    if (this.matchKeyword('CATALOGS')) return { kind: 'ShowCatalogs', ...this.likePart(), loc };
    if (this.matchKeyword('SCHEMAS')) {
      const catalog = this.matchOneOf('FROM', 'IN') ? this.parseIdentifier() : undefined;
      return { kind: 'ShowSchemas', ...(catalog ? { catalog } : {}), ...this.likePart(), loc };
    }
    if (this.matchKeyword('TABLES')) {
      const schema = this.matchOneOf('FROM', 'IN') ? this.parseQualifiedName() : undefined;
      return { kind: 'ShowTables', ...(schema ? { schema } : {}), ...this.likePart(), loc };
    }
    if (this.isKeyword('COLUMNS') && (this.isKeyword('FROM', 1) || this.isKeyword('IN', 1))) {
      this.next();
      this.next();
      return { kind: 'ShowColumns', table: this.parseQualifiedName(), ...this.likePart(), loc };
    }
    if (this.matchKeyword('FUNCTIONS')) {
      const schema = this.matchOneOf('FROM', 'IN') ? this.parseQualifiedName() : undefined;
      return { kind: 'ShowFunctions', ...(schema ? { schema } : {}), ...this.likePart(), loc };
    }
    if (this.isKeyword('SESSION') && !(this.pg && this.isKeyword('AUTHORIZATION', 1))) {
      this.next();
      return { kind: 'ShowSession', ...this.likePart(), loc };
    }
    if (this.matchKeyword('CREATE')) {
      let type: 'TABLE' | 'VIEW' | 'SCHEMA' | 'MATERIALIZED VIEW' | 'FUNCTION';
      if (this.matchKeywords('MATERIALIZED', 'VIEW')) type = 'MATERIALIZED VIEW';
      else type = this.expectOneOf('TABLE', 'VIEW', 'SCHEMA', 'FUNCTION');
      return { kind: 'ShowCreate', type, name: this.parseQualifiedName(), loc };
    }
    if (this.isKeywords('STATS', 'FOR')) {
      this.next();
      this.next();
      if (this.isOperator('(')) {
        this.next();
        const query = this.parseQuery();
        this.expectOperator(')');
        return { kind: 'ShowStats', relation: { kind: 'Query', query }, loc };
      }
      return { kind: 'ShowStats', relation: { kind: 'Table', name: this.parseQualifiedName() }, loc };
    }
    if (this.pg) {
      if (this.matchKeyword('ALL')) return { kind: 'ShowVariable', loc };
      if (this.matchKeywords('TRANSACTION', 'ISOLATION', 'LEVEL')) {
        const id: Identifier = { kind: 'Identifier', value: 'transaction_isolation', quoted: false, loc };
        return { kind: 'ShowVariable', name: { kind: 'QualifiedName', parts: [id], loc }, loc };
      }
      return { kind: 'ShowVariable', name: this.parseQualifiedName(), loc };
    }
    return this.fail();
  }

  private likePart(): { like?: LikeFilter } {
    const like = this.parseLikeFilter();
    return like ? { like } : {};
  }

  private parseDescribe(): Statement {
    const loc = this.location();
    this.next();
    if (this.isKeyword('INPUT') && this.isIdentifier(1)) {
      this.next();
      return { kind: 'DescribeInput', name: this.parseIdentifier(), loc };
    }
    if (this.isKeyword('OUTPUT') && this.isIdentifier(1)) {
      this.next();
      return { kind: 'DescribeOutput', name: this.parseIdentifier(), loc };
    }
    return { kind: 'ShowColumns', table: this.parseQualifiedName(), loc };
  }

  private parseUse(): Statement {
    const loc = this.location();
    this.expectKeyword('USE');
    const first = this.parseIdentifier();
    if (this.matchOperator('.')) return { kind: 'Use', catalog: first, schema: this.parseIdentifier(), loc };
    return { kind: 'Use', schema: first, loc };
  }

  // ---- SET / RESET ------------------------------------------------------------------------------

  private parseSet(): Statement {
    const loc = this.location();
    this.expectKeyword('SET');
    if (this.matchKeywords('TIME', 'ZONE')) {
      if (this.matchKeyword('LOCAL') || (this.pg && this.matchKeyword('DEFAULT')))
        return { kind: 'SetTimeZone', loc };
      return { kind: 'SetTimeZone', value: this.parseExpression(), loc };
    }
    if (this.pg) return this.parsePostgresSet(loc);
    this.expectKeyword('SESSION');
    const name = this.parseQualifiedName();
    this.expectOperator('=');
    return { kind: 'SetSession', name, value: this.parseExpression(), loc };
  }

  /** PostgreSQL: SET [SESSION|LOCAL] name {TO|=} value[, …]|DEFAULT; SET [SESSION CHARACTERISTICS AS] TRANSACTION … */
  private parsePostgresSet(loc: Statement['loc']): Statement {
    if (this.matchKeywords('SESSION', 'CHARACTERISTICS')) {
      this.expectKeyword('AS', 'TRANSACTION');
      return { kind: 'SetTransaction', session: true, modes: this.parseTransactionModes(), loc };
    }
    if (this.isKeyword('TRANSACTION') && !this.isOperator('=', 1) && !this.isKeyword('TO', 1)) {
      this.next();
      return { kind: 'SetTransaction', session: false, modes: this.parseTransactionModes(), loc };
    }
    let local = false;
    if (this.isKeyword('LOCAL') || this.isKeyword('SESSION')) {
      const next = this.peek(1);
      const isScope = next.type === 'identifier' || next.type === 'quoted_identifier';
      if (isScope && !this.isOperator('=', 1) && !this.isKeyword('TO', 1))
        local = this.next().upper === 'LOCAL';
      if (this.matchKeywords('TIME', 'ZONE')) {
        if (this.matchKeyword('LOCAL') || this.matchKeyword('DEFAULT')) return { kind: 'SetTimeZone', loc };
        return { kind: 'SetTimeZone', value: this.parseExpression(), loc };
      }
    }
    const name = this.parseQualifiedName();
    if (!this.matchKeyword('TO')) this.expectOperator('=');
    if (this.matchKeyword('DEFAULT')) return { kind: 'SetVariable', name, local, loc };
    const values = [this.parseSetValue()];
    while (this.matchOperator(',')) values.push(this.parseSetValue());
    return { kind: 'SetVariable', name, local, values, loc };
  }

  /** A SET value: a literal, a (possibly keyword) word like ISO or on, or an expression. */
  private parseSetValue(): Expression {
    const t = this.peek();
    if (t.type === 'identifier' && !this.isOperator('(', 1) && !this.isOperator('.', 1)) {
      this.next();
      return { kind: 'Identifier', value: t.value, quoted: false, loc: this.location(t) };
    }
    return this.parseExpression();
  }

  private parseReset(): Statement {
    const loc = this.location();
    this.expectKeyword('RESET');
    if (this.pg && !this.isKeyword('SESSION')) {
      if (this.matchKeyword('ALL')) return { kind: 'ResetVariable', loc };
      return { kind: 'ResetVariable', name: this.parseQualifiedName(), loc };
    }
    this.expectKeyword('SESSION');
    return { kind: 'ResetSession', name: this.parseQualifiedName(), loc };
  }

  // ---- CREATE / DROP / ALTER ------------------------------------------------------------------

  private parseIfNotExists(): boolean {
    return this.matchKeywords('IF', 'NOT', 'EXISTS');
  }

  private parseIfExists(): boolean {
    return this.matchKeywords('IF', 'EXISTS');
  }

  private parseCreate(): Statement {
    const loc = this.location();
    this.expectKeyword('CREATE');
    const replace = this.matchKeywords('OR', 'REPLACE');
    if (!replace && this.matchKeyword('SCHEMA')) {
      const notExists = this.parseIfNotExists();
      const name = this.parseQualifiedName();
      if (this.matchKeyword('AUTHORIZATION')) this.parseIdentifier();
      return { kind: 'CreateSchema', name, notExists, properties: this.parseWithProperties(), loc };
    }
    if (!replace && this.matchKeyword('CATALOG')) {
      const notExists = this.parseIfNotExists();
      const name = this.parseIdentifier();
      this.expectKeyword('USING');
      const connector = this.parseIdentifier();
      const comment = this.matchKeyword('COMMENT') ? this.parseStringValue() : undefined;
      if (this.matchKeyword('AUTHORIZATION')) this.parseIdentifier();
      const properties = this.parseWithProperties();
      return {
        kind: 'CreateCatalog',
        name,
        notExists,
        connector,
        properties,
        ...(comment !== undefined ? { comment } : {}),
        loc,
      };
    }
    if (!replace && (this.isKeyword('INDEX') || this.isKeywords('UNIQUE', 'INDEX'))) {
      const unique = this.matchKeyword('UNIQUE');
      this.expectKeyword('INDEX');
      const notExists = this.parseIfNotExists();
      const name = this.parseIdentifier();
      this.expectKeyword('ON');
      const table = this.parseQualifiedName();
      this.expectOperator('(');
      const columns = this.parseSortItems();
      this.expectOperator(')');
      return { kind: 'CreateIndex', name, table, columns, unique, notExists, loc };
    }
    if (this.matchKeyword('VIEW')) {
      const name = this.parseQualifiedName();
      const columns = this.isOperator('(') ? this.parseColumnAliases() : undefined;
      const comment = this.matchKeyword('COMMENT') ? this.parseStringValue() : undefined;
      const security = this.matchKeyword('SECURITY') ? this.expectOneOf('DEFINER', 'INVOKER') : undefined;
      this.expectKeyword('AS');
      const query = this.parseQuery();
      return {
        kind: 'CreateView',
        name,
        ...(columns ? { columns } : {}),
        query,
        replace,
        ...(comment !== undefined ? { comment } : {}),
        ...(security ? { security } : {}),
        loc,
      };
    }
    this.expectKeyword('TABLE');
    const notExists = this.parseIfNotExists();
    const name = this.parseQualifiedName();
    if (this.isOperator('(') && !this.isAsQueryAhead()) {
      this.next();
      const elements: TableElement[] = [this.parseTableElement()];
      while (this.matchOperator(',')) elements.push(this.parseTableElement());
      this.expectOperator(')');
      const comment = this.matchKeyword('COMMENT') ? this.parseStringValue() : undefined;
      const properties = this.parseWithProperties();
      return {
        kind: 'CreateTable',
        name,
        notExists,
        replace,
        elements,
        ...(comment !== undefined ? { comment } : {}),
        properties,
        loc,
      };
    }
    const columnAliases = this.isOperator('(') ? this.parseColumnAliases() : undefined;
    const comment = this.matchKeyword('COMMENT') ? this.parseStringValue() : undefined;
    const properties = this.parseWithProperties();
    this.expectKeyword('AS');
    let query;
    if (this.isOperator('(') && this.startsQuery(1)) {
      const parenthesized = this.attempt(() => {
        this.next();
        const q = this.parseQuery();
        this.expectOperator(')');
        if (!this.isEof() && !this.isKeyword('WITH') && !this.isOperator(';')) this.fail();
        return q;
      });
      query = parenthesized ?? this.parseQuery();
    } else {
      query = this.parseQuery();
    }
    let withData = true;
    if (this.matchKeyword('WITH')) {
      withData = !this.matchKeyword('NO');
      this.expectKeyword('DATA');
    }
    return {
      kind: 'CreateTableAsSelect',
      name,
      notExists,
      replace,
      ...(columnAliases ? { columnAliases } : {}),
      query,
      withData,
      ...(comment !== undefined ? { comment } : {}),
      properties,
      loc,
    };
  }

  /** `CREATE TABLE t (a, b) AS …` (column aliases) vs `CREATE TABLE t (a bigint, …)`. */
  private isAsQueryAhead(): boolean {
    let depth = 0;
    for (let k = 0; ; k++) {
      const t = this.peek(k);
      if (t.type === 'eof') return false;
      if (t.type === 'operator' && t.value === '(') depth++;
      if (t.type === 'operator' && t.value === ')' && --depth === 0) {
        const after = this.peek(k + 1);
        return (
          after.type === 'identifier' &&
          ['AS', 'COMMENT', 'WITH'].includes(after.upper) &&
          this.columnListIsNamesOnly(k)
        );
      }
    }
  }

  private columnListIsNamesOnly(closeAt: number): boolean {
    for (let k = 1; k < closeAt; k += 2) {
      if (!this.isIdentifier(k)) return false;
      if (!(this.isOperator(',', k + 1) || k + 1 === closeAt)) return false;
    }
    return true;
  }

  private parseTableElement(): TableElement {
    const loc = this.location();
    if (this.matchKeyword('LIKE')) {
      const table = this.parseQualifiedName();
      const option = this.matchOneOf('INCLUDING', 'EXCLUDING');
      if (option) this.expectKeyword('PROPERTIES');
      return { kind: 'LikeClause', table, ...(option ? { propertiesOption: option } : {}), loc };
    }
    const constraintName = this.matchKeyword('CONSTRAINT') ? this.parseIdentifier() : undefined;
    if (
      constraintName ||
      this.isKeywords('PRIMARY', 'KEY') ||
      (this.isKeyword('UNIQUE') && this.isOperator('(', 1))
    ) {
      const type = this.matchKeywords('PRIMARY', 'KEY')
        ? 'PRIMARY KEY'
        : (this.expectKeyword('UNIQUE'), 'UNIQUE' as const);
      const columns = this.parseColumnAliases();
      return {
        kind: 'TableConstraint',
        ...(constraintName ? { name: constraintName } : {}),
        type,
        columns,
        loc,
      };
    }
    return this.parseColumnDefinition();
  }

  private parseColumnDefinition(): ColumnDefinition {
    const loc = this.location();
    const name = this.parseIdentifier();
    const type = this.parseDataType();
    let nullable = true;
    let constraint: 'PRIMARY KEY' | 'UNIQUE' | undefined;
    for (;;) {
      if (this.matchKeywords('NOT', 'NULL')) nullable = false;
      else if (this.matchKeywords('PRIMARY', 'KEY')) constraint = 'PRIMARY KEY';
      else if (this.matchKeyword('UNIQUE')) constraint = constraint ?? 'UNIQUE';
      else if (!(this.isKeyword('NULL') && this.matchKeyword('NULL'))) break;
    }
    const comment = this.matchKeyword('COMMENT') ? this.parseStringValue() : undefined;
    const properties = this.parseWithProperties();
    return {
      kind: 'ColumnDefinition',
      name,
      type,
      nullable,
      ...(constraint ? { constraint } : {}),
      ...(comment !== undefined ? { comment } : {}),
      properties,
      loc,
    };
  }

  private parseWithProperties(): Property[] {
    if (!(this.isKeyword('WITH') && this.isOperator('(', 1))) return [];
    this.next();
    this.next();
    const properties: Property[] = [];
    do {
      const name = this.parseIdentifier();
      this.expectOperator('=');
      if (this.matchKeyword('DEFAULT')) properties.push({ kind: 'Property', name, loc: name.loc });
      else properties.push({ kind: 'Property', name, value: this.parseExpression(), loc: name.loc });
    } while (this.matchOperator(','));
    this.expectOperator(')');
    return properties;
  }

  private parseDrop(): Statement {
    const loc = this.location();
    this.expectKeyword('DROP');
    const what = this.expectOneOf('TABLE', 'VIEW', 'SCHEMA', 'CATALOG');
    const exists = this.parseIfExists();
    if (what === 'CATALOG') {
      const name = this.parseIdentifier();
      const cascade = this.matchOneOf('CASCADE', 'RESTRICT') === 'CASCADE';
      return { kind: 'DropCatalog', name, exists, cascade, loc };
    }
    const name = this.parseQualifiedName();
    if (what === 'SCHEMA') {
      const cascade = this.matchOneOf('CASCADE', 'RESTRICT') === 'CASCADE';
      return { kind: 'DropSchema', name, exists, cascade, loc };
    }
    return what === 'TABLE'
      ? { kind: 'DropTable', name, exists, loc }
      : { kind: 'DropView', name, exists, loc };
  }

  private parseAlter(): Statement {
    const loc = this.location();
    this.expectKeyword('ALTER', 'TABLE');
    const tableExists = this.parseIfExists();
    const table = this.parseQualifiedName();
    if (this.matchKeyword('RENAME')) {
      if (this.matchKeyword('TO'))
        return {
          kind: 'RenameTable',
          source: table,
          target: this.parseQualifiedName(),
          exists: tableExists,
          loc,
        };
      this.expectKeyword('COLUMN');
      const columnExists = this.parseIfExists();
      const source = this.parseQualifiedName();
      this.expectKeyword('TO');
      return {
        kind: 'RenameColumn',
        table,
        source,
        target: this.parseIdentifier(),
        tableExists,
        columnExists,
        loc,
      };
    }
    if (this.matchKeyword('ADD')) {
      this.expectKeyword('COLUMN');
      const columnNotExists = this.parseIfNotExists();
      return {
        kind: 'AddColumn',
        table,
        column: this.parseColumnDefinition(),
        tableExists,
        columnNotExists,
        loc,
      };
    }
    this.expectKeyword('DROP', 'COLUMN');
    const columnExists = this.parseIfExists();
    return { kind: 'DropColumn', table, column: this.parseQualifiedName(), tableExists, columnExists, loc };
  }

  // ---- DML, prepared statements, transactions, CALL -----------------------------------------

  private parseUpdate(): Statement {
    const loc = this.location();
    this.expectKeyword('UPDATE');
    const table = this.parseQualifiedName();
    this.expectKeyword('SET');
    const assignments: { name: Identifier; value: Expression }[] = [];
    do {
      const name = this.parseIdentifier();
      this.expectOperator('=');
      assignments.push({ name, value: this.parseExpression() });
    } while (this.matchOperator(','));
    const where = this.matchKeyword('WHERE') ? this.parseExpression() : undefined;
    return { kind: 'Update', table, assignments, ...(where ? { where } : {}), loc };
  }

  private parseExecute(): Statement {
    const loc = this.location();
    this.expectKeyword('EXECUTE');
    if (this.isKeyword('IMMEDIATE') && this.peek(1).type === 'string') {
      this.next();
      const t = this.peek();
      const sql = { kind: 'StringLiteral' as const, value: this.parseStringValue(), loc: this.location(t) };
      return { kind: 'ExecuteImmediate', sql, parameters: this.parseUsing(), loc };
    }
    const name = this.parseIdentifier();
    // PostgreSQL: EXECUTE name (param, …)
    if (this.pg && this.matchOperator('(')) {
      const parameters = this.isOperator(')') ? [] : this.parseExpressionList();
      this.expectOperator(')');
      return { kind: 'Execute', name, parameters, loc };
    }
    return { kind: 'Execute', name, parameters: this.parseUsing(), loc };
  }

  private parseUsing(): Expression[] {
    return this.matchKeyword('USING') ? this.parseExpressionList() : [];
  }

  private parseTransactionModes(): TransactionMode[] {
    const modes: TransactionMode[] = [];
    for (;;) {
      if (this.matchKeywords('ISOLATION', 'LEVEL')) {
        if (this.matchKeyword('SERIALIZABLE')) modes.push({ kind: 'Isolation', level: 'SERIALIZABLE' });
        else if (this.matchKeywords('REPEATABLE', 'READ'))
          modes.push({ kind: 'Isolation', level: 'REPEATABLE READ' });
        else {
          this.expectKeyword('READ');
          const level = this.expectOneOf('COMMITTED', 'UNCOMMITTED');
          modes.push({
            kind: 'Isolation',
            level: level === 'COMMITTED' ? 'READ COMMITTED' : 'READ UNCOMMITTED',
          });
        }
      } else if (this.matchKeyword('READ')) {
        modes.push({ kind: 'AccessMode', readOnly: this.expectOneOf('ONLY', 'WRITE') === 'ONLY' });
      } else if (this.pg && this.matchKeyword('DEFERRABLE')) {
        // accepted and ignored, as PostgreSQL does outside SERIALIZABLE READ ONLY
      } else if (this.pg && this.matchKeywords('NOT', 'DEFERRABLE')) {
        // likewise
      } else {
        return modes;
      }
      if (!this.matchOperator(',') && !this.pg) return modes;
    }
  }

  private parseRollback(): Statement {
    const loc = this.location();
    this.next();
    this.matchOneOf('WORK', ...(this.pg ? (['TRANSACTION'] as const) : []));
    if (this.pg && this.matchKeyword('TO')) {
      this.matchKeyword('SAVEPOINT');
      return { kind: 'Rollback', savepoint: this.parseIdentifier(), loc };
    }
    return { kind: 'Rollback', loc };
  }

  private parseCall(): Statement {
    const loc = this.location();
    this.expectKeyword('CALL');
    const name = this.parseQualifiedName();
    this.expectOperator('(');
    const args: CallArgument[] = [];
    if (!this.matchOperator(')')) {
      do {
        if (this.isIdentifier() && this.isOperator('=>', 1)) {
          const argName = this.parseIdentifier();
          this.next();
          args.push({ name: argName, value: this.parseExpression() });
        } else {
          args.push({ value: this.parseExpression() });
        }
      } while (this.matchOperator(','));
      this.expectOperator(')');
    }
    return { kind: 'Call', name, arguments: args, loc };
  }

  // ---- PostgreSQL-only statements ----------------------------------------------------------

  private parsePostgresStatement(): Statement | undefined {
    const loc = this.location();
    const word = this.peek().upper;
    switch (word) {
      case 'BEGIN':
        this.next();
        this.matchOneOf('WORK', 'TRANSACTION');
        return { kind: 'StartTransaction', modes: this.parseTransactionModes(), loc };
      case 'END':
        this.next();
        this.matchOneOf('WORK', 'TRANSACTION');
        return { kind: 'Commit', loc };
      case 'ABORT':
        this.next();
        this.matchOneOf('WORK', 'TRANSACTION');
        return { kind: 'Rollback', loc };
      case 'DISCARD':
        this.next();
        return { kind: 'Discard', target: this.expectOneOf('ALL', 'PLANS', 'SEQUENCES', 'TEMP'), loc };
      case 'SAVEPOINT':
        this.next();
        return { kind: 'Savepoint', name: this.parseIdentifier(), loc };
      case 'RELEASE':
        this.next();
        this.matchKeyword('SAVEPOINT');
        return { kind: 'ReleaseSavepoint', name: this.parseIdentifier(), loc };
    }
    return undefined;
  }
}
