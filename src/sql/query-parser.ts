/**
 * QueryParser: WITH, set operations, SELECT, FROM relations and joins, GROUP BY, WINDOW,
 * ORDER BY, OFFSET, LIMIT and FETCH.
 */
import type {
  Expression,
  GroupBy,
  GroupingElement,
  Identifier,
  Limit,
  Query,
  QueryBody,
  QuerySpecification,
  Relation,
  SelectItem,
  WindowDefinition,
  With,
  WithQuery,
} from './ast';
import { ExpressionParser } from './expression-parser';

/** Non-reserved words that end a relation or select item rather than naming it. */
const NOT_AN_ALIAS = new Set([
  'LIMIT',
  'OFFSET',
  'FETCH',
  'WINDOW',
  'TABLESAMPLE',
  'MATCH_RECOGNIZE',
  'RETURNING',
]);

export abstract class QueryParser extends ExpressionParser {
  parseQuery(): Query {
    return this.nested(() => {
      const loc = this.location();
      const withClause = this.isKeyword('WITH') ? this.parseWith() : undefined;
      const query = this.parseQueryNoWith();
      if (withClause) {
        query.with = withClause;
        query.loc = loc;
      }
      return query;
    });
  }

  private parseWith(): With {
    const loc = this.location();
    this.expectKeyword('WITH');
    const recursive = this.matchKeyword('RECURSIVE');
    const queries: WithQuery[] = [];
    do {
      const name = this.parseIdentifier();
      const columnNames = this.isOperator('(') ? this.parseColumnAliases() : undefined;
      this.expectKeyword('AS');
      this.expectOperator('(');
      const query = this.parseQuery();
      this.expectOperator(')');
      queries.push({
        kind: 'WithQuery',
        name,
        ...(columnNames ? { columnNames } : {}),
        query,
        loc: name.loc,
      });
    } while (this.matchOperator(','));
    return { kind: 'With', recursive, queries, loc };
  }

  protected parseColumnAliases(): Identifier[] {
    this.expectOperator('(');
    const names = [this.parseIdentifier()];
    while (this.matchOperator(',')) names.push(this.parseIdentifier());
    this.expectOperator(')');
    return names;
  }

  private parseQueryNoWith(): Query {
    const loc = this.location();
    const body = this.parseQueryTerm();
    const query: Query = { kind: 'Query', body, loc };
    if (this.matchKeywords('ORDER', 'BY')) query.orderBy = this.parseSortItems();
    this.parseOffset(query);
    if (this.matchKeyword('LIMIT')) {
      query.limit = { kind: 'Limit', count: this.matchKeyword('ALL') ? 'ALL' : this.parseRowCount() };
      // PostgreSQL (and SQLite) also put OFFSET after LIMIT
      if (query.offset === undefined) this.parseOffset(query);
    } else if (this.isKeyword('FETCH')) {
      query.limit = this.parseFetchFirst();
    }
    return query;
  }

  private parseOffset(query: Query): void {
    if (!this.matchKeyword('OFFSET')) return;
    query.offset = this.parseRowCount();
    this.matchOneOf('ROW', 'ROWS');
  }

  private parseRowCount(): Expression {
    return this.parseValueExpression();
  }

  private parseFetchFirst(): Limit {
    this.expectKeyword('FETCH');
    this.expectOneOf('FIRST', 'NEXT');
    const count = this.isKeyword('ROW') || this.isKeyword('ROWS') ? undefined : this.parseRowCount();
    this.expectOneOf('ROW', 'ROWS');
    const withTies = this.expectOneOf('ONLY', 'WITH') === 'WITH';
    if (withTies) this.expectKeyword('TIES');
    return { kind: 'FetchFirst', ...(count ? { count } : {}), withTies };
  }

  /** UNION and EXCEPT, left-associative, over INTERSECT terms (INTERSECT binds tighter). */
  private parseQueryTerm(): QueryBody {
    return this.leftDeep((link) => {
      let left = this.parseIntersectTerm();
      for (;;) {
        const loc = this.location();
        const operator = this.matchOneOf('UNION', 'EXCEPT');
        if (!operator) return left;
        link();
        const distinct = this.matchOneOf('DISTINCT', 'ALL') !== 'ALL';
        const right = this.parseIntersectTerm();
        left = { kind: 'SetOperation', operator, distinct, left, right, loc: left.loc ?? loc };
      }
    });
  }

  private parseIntersectTerm(): QueryBody {
    return this.leftDeep((link) => {
      let left = this.parseQueryPrimary();
      for (;;) {
        const loc = this.location();
        if (!this.matchKeyword('INTERSECT')) return left;
        link();
        const distinct = this.matchOneOf('DISTINCT', 'ALL') !== 'ALL';
        const right = this.parseQueryPrimary();
        left = { kind: 'SetOperation', operator: 'INTERSECT', distinct, left, right, loc: left.loc ?? loc };
      }
    });
  }

  private parseQueryPrimary(): QueryBody {
    return this.nested(() => {
      const loc = this.location();
      if (this.isKeyword('SELECT')) return this.parseQuerySpecification();
      if (this.matchKeyword('VALUES')) return { kind: 'Values', rows: this.parseExpressionList(), loc };
      if (this.isKeyword('TABLE') && !this.isOperator('(', 1)) {
        this.next();
        return { kind: 'TableReference', name: this.parseQualifiedName(), loc };
      }
      if (this.matchOperator('(')) {
        const query = this.parseQuery();
        this.expectOperator(')');
        return { kind: 'ParenthesizedQuery', query, loc };
      }
      this.expecting('<query>');
      return this.fail();
    });
  }

  private parseQuerySpecification(): QuerySpecification {
    const loc = this.location();
    this.expectKeyword('SELECT');
    const spec: QuerySpecification = {
      kind: 'QuerySpecification',
      distinct: false,
      selectItems: [],
      windows: [],
      loc,
    };
    const quantifier = this.matchOneOf('DISTINCT', 'ALL');
    spec.distinct = quantifier === 'DISTINCT';
    if (this.pg && spec.distinct && this.matchKeyword('ON')) {
      this.expectOperator('(');
      spec.distinctOn = this.parseExpressionList();
      this.expectOperator(')');
    }
    spec.selectItems = [this.parseSelectItem()];
    while (this.matchOperator(',')) spec.selectItems.push(this.parseSelectItem());
    if (this.matchKeyword('FROM')) {
      spec.from = this.leftDeep((link) => {
        let from = this.parseRelation();
        while (this.matchOperator(',')) {
          link();
          const right = this.parseRelation();
          from = { kind: 'Join', type: 'IMPLICIT', left: from, right, loc: from.loc };
        }
        return from;
      });
    }
    if (this.matchKeyword('WHERE')) spec.where = this.parseExpression();
    if (this.isKeywords('GROUP', 'BY')) spec.groupBy = this.parseGroupBy();
    if (this.matchKeyword('HAVING')) spec.having = this.parseExpression();
    if (this.matchKeyword('WINDOW')) {
      do spec.windows.push(this.parseWindowDefinition());
      while (this.matchOperator(','));
    }
    return spec;
  }

  private parseWindowDefinition(): WindowDefinition {
    const name = this.parseIdentifier();
    this.expectKeyword('AS');
    this.expectOperator('(');
    const window = this.parseWindowSpecification();
    this.expectOperator(')');
    return { kind: 'WindowDefinition', name, window, loc: name.loc };
  }

  private parseSelectItem(): SelectItem {
    const loc = this.location();
    if (this.matchOperator('*')) return { kind: 'AllColumns', loc };
    const expression = this.parseExpression();
    if (this.isOperator('.') && this.isOperator('*', 1)) {
      this.next();
      this.next();
      const item: SelectItem = { kind: 'AllColumns', target: expression, loc };
      if (this.matchKeyword('AS')) item.aliases = this.parseColumnAliases();
      return item;
    }
    const alias = this.parseOptionalAlias();
    return { kind: 'SingleColumn', expression, ...(alias ? { alias } : {}), loc };
  }

  /** `AS name` or a bare name that is not a clause keyword. */
  private parseOptionalAlias(): Identifier | undefined {
    if (this.matchKeyword('AS')) return this.parseIdentifier();
    const t = this.peek();
    if (t.type === 'identifier' && NOT_AN_ALIAS.has(t.upper)) return undefined;
    if (this.isIdentifier()) return this.parseIdentifier();
    return undefined;
  }

  private parseGroupBy(): GroupBy {
    const loc = this.location();
    this.expectKeyword('GROUP', 'BY');
    const quantifier = this.matchOneOf('DISTINCT', 'ALL');
    const elements = [this.parseGroupingElement()];
    while (this.matchOperator(',')) elements.push(this.parseGroupingElement());
    return { kind: 'GroupBy', distinct: quantifier === 'DISTINCT', elements, loc };
  }

  private parseGroupingElement(): GroupingElement {
    if ((this.isKeyword('ROLLUP') || this.isKeyword('CUBE')) && this.isOperator('(', 1)) {
      const kind = this.next().upper === 'ROLLUP' ? 'Rollup' : 'Cube';
      return { kind, expressions: this.parseParenthesizedList() };
    }
    if (this.isKeywords('GROUPING', 'SETS')) {
      this.next();
      this.next();
      this.expectOperator('(');
      const sets = [this.parseGroupingSet()];
      while (this.matchOperator(',')) sets.push(this.parseGroupingSet());
      this.expectOperator(')');
      return { kind: 'GroupingSets', sets };
    }
    return { kind: 'SimpleGroupBy', expressions: this.parseGroupingSet() };
  }

  /** `(a, b)`, `()` or a single expression (which may itself start with a parenthesis). */
  private parseGroupingSet(): Expression[] {
    if (this.isOperator('(')) {
      const list = this.attempt(() => {
        const l = this.parseParenthesizedList();
        // `(a) + b` is an expression, not a one-column grouping set
        if (!this.isOperator(',') && !this.isOperator(')') && !this.atGroupByEnd()) this.fail();
        return l;
      });
      if (list) return list;
    }
    return [this.parseExpression()];
  }

  private atGroupByEnd(): boolean {
    const t = this.peek();
    if (t.type === 'eof') return true;
    if (t.type === 'operator') return t.value === ';';
    return (
      t.type === 'identifier' &&
      ['HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'EXCEPT', 'INTERSECT'].includes(
        t.upper,
      )
    );
  }

  private parseParenthesizedList(): Expression[] {
    this.expectOperator('(');
    if (this.matchOperator(')')) return [];
    const list = this.parseExpressionList();
    this.expectOperator(')');
    return list;
  }

  // ---- relations ------------------------------------------------------------------------------

  protected parseRelation(): Relation {
    return this.leftDeep((link) => {
      let left = this.parseSampledRelation();
      for (;;) {
        link();
        const loc = left.loc;
        if (this.matchKeywords('CROSS', 'JOIN')) {
          left = { kind: 'Join', type: 'CROSS', left, right: this.parseSampledRelation(), loc };
          continue;
        }
        if (this.matchKeyword('NATURAL')) {
          const type = this.parseJoinType();
          this.expectKeyword('JOIN');
          left = {
            kind: 'Join',
            type,
            left,
            right: this.parseSampledRelation(),
            criteria: { kind: 'Natural' },
            loc,
          };
          continue;
        }
        const save = this.pos;
        const type = this.parseJoinType();
        if (!this.matchKeyword('JOIN')) {
          this.pos = save;
          return left;
        }
        const right = this.parseSampledRelation();
        if (this.matchKeyword('ON')) {
          left = {
            kind: 'Join',
            type,
            left,
            right,
            criteria: { kind: 'On', expression: this.parseExpression() },
            loc,
          };
        } else {
          this.expectKeyword('USING');
          left = {
            kind: 'Join',
            type,
            left,
            right,
            criteria: { kind: 'Using', columns: this.parseColumnAliases() },
            loc,
          };
        }
      }
    });
  }

  private parseJoinType(): 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' {
    if (this.matchKeyword('INNER')) return 'INNER';
    const side = this.matchOneOf('LEFT', 'RIGHT', 'FULL');
    if (!side) return 'INNER';
    this.matchKeyword('OUTER');
    return side;
  }

  private parseSampledRelation(): Relation {
    const relation = this.parseAliasedRelation();
    if (!this.matchKeyword('TABLESAMPLE')) return relation;
    const type = this.expectOneOf('BERNOULLI', 'SYSTEM');
    this.expectOperator('(');
    const percentage = this.parseExpression();
    this.expectOperator(')');
    return { kind: 'SampledRelation', relation, type, percentage, loc: relation.loc };
  }

  private parseAliasedRelation(): Relation {
    const relation = this.parseRelationPrimary();
    const alias = this.parseOptionalAlias();
    if (!alias) return relation;
    const columnNames = this.isOperator('(') ? this.parseColumnAliases() : undefined;
    return {
      kind: 'AliasedRelation',
      relation,
      alias,
      ...(columnNames ? { columnNames } : {}),
      loc: relation.loc,
    };
  }

  private parseRelationPrimary(): Relation {
    const loc = this.location();
    if (this.isKeyword('UNNEST') && this.isOperator('(', 1)) {
      this.next();
      this.next();
      const expressions = this.parseExpressionList();
      this.expectOperator(')');
      const withOrdinality = this.matchKeywords('WITH', 'ORDINALITY');
      return { kind: 'Unnest', expressions, withOrdinality, loc };
    }
    if (this.isKeyword('LATERAL') && this.isOperator('(', 1)) {
      this.next();
      this.next();
      const query = this.parseQuery();
      this.expectOperator(')');
      return { kind: 'Lateral', query, loc };
    }
    if (this.isKeyword('TABLE') && this.isOperator('(', 1)) {
      this.next();
      this.next();
      const call = this.parsePrimary();
      if (call.kind !== 'FunctionCall') this.errorAt(this.peek(), 'Expecting a table function call');
      this.expectOperator(')');
      return { kind: 'TableFunction', call, loc };
    }
    if (this.isOperator('(')) {
      if (this.startsQuery(1)) {
        const sub = this.attempt(() => {
          this.next();
          const query = this.parseQuery();
          this.expectOperator(')');
          return query;
        });
        if (sub) return { kind: 'TableSubquery', query: sub, loc };
      }
      this.expectOperator('(');
      const inner = this.parseRelation();
      this.expectOperator(')');
      return inner;
    }
    const start = this.pos;
    const name = this.parseQualifiedName();
    if (this.pg && this.isOperator('(')) {
      // PostgreSQL set-returning function in FROM: generate_series(1, 10), unnest(…)
      this.pos = start;
      const call = this.parsePrimary();
      if (call.kind !== 'FunctionCall') this.fail();
      return { kind: 'TableFunction', call, loc };
    }
    return { kind: 'Table', name, loc };
  }
}
