/**
 * ExpressionParser: expressions, names, sort items and window specifications (types: DataTypeParser).
 *
 * Precedence (loosest first), as in Trino's SqlBase.g4: OR, AND, NOT, predicates (comparison,
 * BETWEEN, IN, LIKE, IS …), `||`, `+ -`, `* / %`, unary `+ -`, AT TIME ZONE, postfix
 * (`[i]`, `.field`, and in the postgres dialect `::type` and COLLATE), primary.
 * Query parsing is abstract here: subqueries call back into the query parser.
 */
import type {
  ArithmeticOperator,
  ComparisonOperator,
  Expression,
  FrameBound,
  FunctionCall,
  Identifier,
  Query,
  QualifiedName,
  SortItem,
  WhenClause,
  WindowFrame,
  WindowSpecification,
} from './ast';
import { DataTypeParser, INTERVAL_FIELDS, integerDigits } from './data-type-parser';

const COMPARISON_OPERATORS = ['=', '<>', '<', '<=', '>', '>='];
const QUERY_START = ['SELECT', 'WITH', 'VALUES', 'TABLE'];
const CURRENT_TIME_FUNCTIONS = [
  'CURRENT_DATE',
  'CURRENT_TIME',
  'CURRENT_TIMESTAMP',
  'LOCALTIME',
  'LOCALTIMESTAMP',
] as const;
const SPECIAL_VALUES = [
  'CURRENT_USER',
  'CURRENT_CATALOG',
  'CURRENT_SCHEMA',
  'CURRENT_PATH',
  'CURRENT_ROLE',
] as const;

export abstract class ExpressionParser extends DataTypeParser {
  private parameterCount = 0;
  /** Positions where a parenthesized query was tried and failed, so it is never retried. */
  private readonly failedQueryAt = new Set<number>();

  abstract parseQuery(): Query;

  // ---- boolean level --------------------------------------------------------------------------

  parseExpression(): Expression {
    return this.nested(() => this.parseOr());
  }

  private parseOr(): Expression {
    const loc = this.location();
    const first = this.parseAnd();
    if (!this.isKeyword('OR')) return first;
    const terms = [first];
    while (this.matchKeyword('OR')) terms.push(this.parseAnd());
    return { kind: 'Logical', operator: 'OR', terms, loc };
  }

  private parseAnd(): Expression {
    const loc = this.location();
    const first = this.parseNot();
    if (!this.isKeyword('AND')) return first;
    const terms = [first];
    while (this.matchKeyword('AND')) terms.push(this.parseNot());
    return { kind: 'Logical', operator: 'AND', terms, loc };
  }

  private parseNot(): Expression {
    const loc = this.location();
    if (this.matchKeyword('NOT')) return { kind: 'Not', value: this.nested(() => this.parseNot()), loc };
    return this.parsePredicated();
  }

  /** A value expression followed by any number of predicates (`a = b`, `x BETWEEN …`, `IS NULL` …). */
  private parsePredicated(): Expression {
    const loc = this.location();
    return this.leftDeep((link) => {
      let value = this.parseValueExpression();
      for (;;) {
        const next = this.parsePredicate(value, loc);
        if (next === undefined) return value;
        value = next;
        link();
      }
    });
  }

  private parsePredicate(value: Expression, loc: Expression['loc']): Expression | undefined {
    const t = this.peek();
    if (t.type === 'operator' && COMPARISON_OPERATORS.includes(t.value)) {
      this.next();
      const operator = t.value as Exclude<ComparisonOperator, 'IS DISTINCT FROM'>;
      const quantifier =
        this.peek().type === 'identifier' && this.isOperator('(', 1)
          ? this.matchOneOf('ALL', 'ANY', 'SOME')
          : undefined;
      if (quantifier)
        return {
          kind: 'QuantifiedComparison',
          operator,
          quantifier,
          value,
          subject: this.parseQuantifiedSubject(),
          loc,
        };
      return { kind: 'Comparison', operator, left: value, right: this.parseValueExpression(), loc };
    }
    for (const op of COMPARISON_OPERATORS) this.expecting(`'${op}'`);
    if (this.pg) {
      const regex = this.parseRegexOperator();
      if (regex) return { kind: 'RegexMatch', value, pattern: this.parseValueExpression(), ...regex, loc };
      if (this.isKeyword('OPERATOR') && this.isOperator('(', 1)) return this.parseOperatorCall(value, loc);
    }
    if (this.matchKeyword('IS')) {
      const negated = this.matchKeyword('NOT');
      if (this.matchKeyword('NULL')) return { kind: 'IsNull', value, negated, loc };
      if (this.matchKeywords('DISTINCT', 'FROM')) {
        const cmp: Expression = {
          kind: 'Comparison',
          operator: 'IS DISTINCT FROM',
          left: value,
          right: this.parseValueExpression(),
          loc,
        };
        return negated ? { kind: 'Not', value: cmp, loc } : cmp;
      }
      // PostgreSQL `x IS [NOT] TRUE|FALSE|UNKNOWN`: null-safe comparisons with a boolean
      const truth = this.pg ? this.matchOneOf('TRUE', 'FALSE', 'UNKNOWN') : undefined;
      if (truth) {
        const right: Expression =
          truth === 'UNKNOWN'
            ? { kind: 'NullLiteral', loc }
            : { kind: 'BooleanLiteral', value: truth === 'TRUE', loc };
        const cmp: Expression = { kind: 'Comparison', operator: 'IS DISTINCT FROM', left: value, right, loc };
        return negated ? cmp : { kind: 'Not', value: cmp, loc };
      }
      this.fail();
    }
    const save = this.pos;
    const negated = this.matchKeyword('NOT');
    if (this.matchKeyword('BETWEEN')) {
      const min = this.parseValueExpression();
      this.expectKeyword('AND');
      const max = this.parseValueExpression();
      return { kind: 'Between', value, min, max, negated, loc };
    }
    if (this.matchKeyword('IN')) return this.parseInPredicate(value, negated, loc);
    const like = this.matchOneOf('LIKE', ...(this.pg ? (['ILIKE'] as const) : []));
    if (like) {
      const pattern = this.parseValueExpression();
      const escape = this.matchKeyword('ESCAPE') ? this.parseValueExpression() : undefined;
      return {
        kind: 'Like',
        value,
        pattern,
        ...(escape ? { escape } : {}),
        negated,
        caseInsensitive: like === 'ILIKE',
        loc,
      };
    }
    this.pos = save;
    return undefined;
  }

  private parseInPredicate(value: Expression, negated: boolean, loc: Expression['loc']): Expression {
    this.expectOperator('(');
    if (this.startsQuery()) {
      const query = this.parseQuery();
      this.expectOperator(')');
      return { kind: 'InSubquery', value, query, negated, loc };
    }
    const list = this.parseExpressionList();
    this.expectOperator(')');
    return { kind: 'InList', value, list, negated, loc };
  }

  /** After `= ANY`: `(query)`, or in the postgres dialect `(array expression)`. */
  private parseQuantifiedSubject(): Expression {
    const loc = this.location();
    this.expectOperator('(');
    if (this.startsQuery()) {
      const query = this.parseQuery();
      this.expectOperator(')');
      return { kind: 'SubqueryExpression', query, loc };
    }
    if (!this.pg) {
      this.expecting('<query>');
      this.fail();
    }
    const e = this.parseExpression();
    this.expectOperator(')');
    return e;
  }

  private parseRegexOperator(): { caseInsensitive: boolean; negated: boolean } | undefined {
    const t = this.peek();
    if (t.type !== 'operator') return undefined;
    const forms: Record<string, { caseInsensitive: boolean; negated: boolean }> = {
      '~': { caseInsensitive: false, negated: false },
      '~*': { caseInsensitive: true, negated: false },
      '!~': { caseInsensitive: false, negated: true },
      '!~*': { caseInsensitive: true, negated: true },
    };
    const form = forms[t.value];
    if (form) this.next();
    return form;
  }

  /** PostgreSQL `a OPERATOR(pg_catalog.~) b`: the schema is dropped, the operator applied. */
  private parseOperatorCall(value: Expression, loc: Expression['loc']): Expression {
    const opToken = this.peek(2);
    this.next();
    this.next();
    // optional schema qualification: OPERATOR(pg_catalog.=)
    if (this.isIdentifier() && this.isOperator('.', 1)) {
      this.next();
      this.next();
    }
    const op = this.next();
    if (op.type !== 'operator') this.errorAt(op, `mismatched input '${op.text}'. Expecting: <operator>`);
    this.expectOperator(')');
    const right = (): Expression => this.parseValueExpression();
    switch (op.value) {
      case '~':
      case '~*':
      case '!~':
      case '!~*':
        return {
          kind: 'RegexMatch',
          value,
          pattern: right(),
          caseInsensitive: op.value.endsWith('*'),
          negated: op.value.startsWith('!'),
          loc,
        };
      case '=':
      case '<>':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return { kind: 'Comparison', operator: op.value, left: value, right: right(), loc };
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '||':
        return { kind: 'ArithmeticBinary', operator: op.value, left: value, right: right(), loc };
      default:
        return this.errorAt(opToken, `operator does not exist: ${op.value}`);
    }
  }

  // ---- value level ----------------------------------------------------------------------------

  parseValueExpression(): Expression {
    return this.nested(() => this.parseConcat());
  }

  private parseConcat(): Expression {
    return this.leftDeep((link) => {
      let left = this.parseAdditive();
      while (this.isOperator('||')) {
        const loc = this.location();
        this.next();
        link();
        left = {
          kind: 'ArithmeticBinary',
          operator: '||',
          left,
          right: this.parseAdditive(),
          loc: left.loc ?? loc,
        };
      }
      return left;
    });
  }

  private parseAdditive(): Expression {
    return this.leftDeep((link) => {
      let left = this.parseMultiplicative();
      for (;;) {
        const op = this.matchOperator('+') ? '+' : this.matchOperator('-') ? '-' : undefined;
        if (!op) return left;
        link();
        left = {
          kind: 'ArithmeticBinary',
          operator: op,
          left,
          right: this.parseMultiplicative(),
          loc: left.loc,
        };
      }
    });
  }

  private parseMultiplicative(): Expression {
    return this.leftDeep((link) => {
      let left = this.parseUnary();
      for (;;) {
        let op: ArithmeticOperator | undefined;
        for (const o of ['*', '/', '%'] as const) if (!op && this.matchOperator(o)) op = o;
        if (!op) return left;
        link();
        left = { kind: 'ArithmeticBinary', operator: op, left, right: this.parseUnary(), loc: left.loc };
      }
    });
  }

  private parseUnary(): Expression {
    const loc = this.location();
    if (this.isOperator('-') || this.isOperator('+')) {
      const sign = this.next().value as '+' | '-';
      return { kind: 'ArithmeticUnary', sign, value: this.nested(() => this.parseUnary()), loc };
    }
    return this.parseAtTimeZone();
  }

  private parseAtTimeZone(): Expression {
    return this.leftDeep((link) => this.parseAtTimeZoneChain(link));
  }

  private parseAtTimeZoneChain(link: () => void): Expression {
    let value = this.parsePostfix(this.parsePrimary());
    while (this.isKeyword('AT') && (this.isKeyword('TIME', 1) || this.isKeyword('LOCAL', 1))) {
      const loc = value.loc;
      this.next();
      link();
      if (this.matchKeyword('LOCAL')) {
        value = { kind: 'AtTimeZone', value, zone: 'LOCAL', loc };
      } else {
        this.expectKeyword('TIME', 'ZONE');
        value = { kind: 'AtTimeZone', value, zone: this.parsePostfix(this.parsePrimary()), loc };
      }
    }
    return value;
  }

  /** `[index]`, `.field`, and in the postgres dialect `::type` and `COLLATE name`. */
  protected parsePostfix(base: Expression): Expression {
    return this.leftDeep((link) => this.parsePostfixChain(base, link));
  }

  private parsePostfixChain(base: Expression, link: () => void): Expression {
    for (;;) {
      link();
      const loc = base.loc;
      if (this.matchOperator('[')) {
        const index = this.parseValueExpression();
        this.expectOperator(']');
        base = { kind: 'Subscript', base, index, loc };
      } else if (this.isOperator('.') && !this.isOperator('*', 1)) {
        this.next();
        base = { kind: 'DereferenceExpression', base, field: this.parseIdentifier(), loc };
      } else if (this.pg && this.matchOperator('::')) {
        base = { kind: 'Cast', value: base, type: this.parseDataType(), safe: false, loc };
      } else if (this.pg && this.matchKeyword('COLLATE')) {
        base = { kind: 'Collate', value: base, collation: this.parseQualifiedName(), loc };
      } else {
        return base;
      }
    }
  }

  // ---- primary --------------------------------------------------------------------------------

  protected parsePrimary(): Expression {
    return this.nested(() => this.parsePrimaryInner());
  }

  private parsePrimaryInner(): Expression {
    const t = this.peek();
    const loc = this.location(t);
    switch (t.type) {
      case 'string':
        this.next();
        return {
          kind: 'StringLiteral',
          value: t.flavor === 'unicode' ? this.decodeUnicodeEscapes(t.value, t) : t.value,
          loc,
        };
      case 'integer':
        this.next();
        return { kind: 'LongLiteral', value: integerDigits(t.value), loc };
      case 'decimal':
        this.next();
        return { kind: 'DecimalLiteral', value: t.value, loc };
      case 'double':
        this.next();
        return { kind: 'DoubleLiteral', value: t.value, loc };
      case 'binary':
        this.next();
        return { kind: 'BinaryLiteral', value: t.value, loc };
      case 'parameter':
        this.next();
        if (t.value === '?') return { kind: 'Parameter', position: this.parameterCount++, loc };
        return { kind: 'Parameter', position: Number(t.value) - 1, dollar: true, loc };
      case 'operator':
        if (t.value === '(') return this.parseParenthesized();
        break;
      case 'identifier':
      case 'quoted_identifier': {
        const e = this.parseWordPrimary();
        if (e) return e;
        break;
      }
    }
    this.expecting('<expression>');
    return this.fail();
  }

  /** Primaries that start with a word: keywords with special syntax, literals, calls, names. */
  private parseWordPrimary(): Expression | undefined {
    const t = this.peek();
    const loc = this.location(t);
    if (t.type === 'identifier') {
      const special = this.parseKeywordPrimary(t.upper);
      if (special) return special;
    }
    if (!this.isIdentifier()) return undefined;
    const next = this.peek(1);
    // typed literal: DATE '2001-01-01', TIMESTAMP '…', DECIMAL '1.5', JSON '…'
    if (next.type === 'string' && next.flavor !== 'dollar') {
      const type = this.parseIdentifier();
      const value = this.parsePrimaryString();
      return {
        kind: 'GenericLiteral',
        type: type.quoted ? type.value : type.value.toUpperCase(),
        value,
        loc,
      };
    }
    if (next.type === 'operator' && next.value === '->') {
      const param = this.parseIdentifier();
      this.next();
      return { kind: 'Lambda', parameters: [param], body: this.parseExpression(), loc };
    }
    const callNameLength = this.functionNameLength();
    if (callNameLength > 0) return this.parseFunctionCall(callNameLength);
    return this.parseIdentifier();
  }

  private parsePrimaryString(): string {
    const t = this.next();
    return t.flavor === 'unicode' ? this.decodeUnicodeEscapes(t.value, t) : t.value;
  }

  /** If a (possibly qualified) name followed by `(` starts here, the number of its parts. */
  private functionNameLength(): number {
    let k = 0;
    for (;;) {
      if (!this.isIdentifier(k)) return 0;
      if (this.isOperator('(', k + 1)) return k / 2 + 1;
      if (!this.isOperator('.', k + 1)) return 0;
      k += 2;
    }
  }

  private parseKeywordPrimary(word: string): Expression | undefined {
    const loc = this.location();
    switch (word) {
      case 'NULL':
        this.next();
        return { kind: 'NullLiteral', loc };
      case 'TRUE':
      case 'FALSE':
        this.next();
        return { kind: 'BooleanLiteral', value: word === 'TRUE', loc };
      case 'CASE':
        return this.parseCase();
      case 'CAST':
      case 'TRY_CAST':
        if (!this.isOperator('(', 1)) return undefined;
        return this.parseCast(word === 'TRY_CAST');
      case 'EXISTS': {
        if (!this.isOperator('(', 1)) return undefined;
        this.next();
        this.next();
        const query = this.parseQuery();
        this.expectOperator(')');
        return { kind: 'Exists', query, loc };
      }
      case 'ARRAY':
        if (this.isOperator('[', 1)) {
          this.next();
          this.next();
          const values = this.isOperator(']') ? [] : this.parseExpressionList();
          this.expectOperator(']');
          return { kind: 'ArrayConstructor', values, loc };
        }
        if (this.pg && this.isOperator('(', 1) && this.startsQuery(2)) {
          // PostgreSQL ARRAY(subquery): a call of `array` on a subquery, translated later.
          const nameToken = this.next();
          this.next();
          const query = this.parseQuery();
          this.expectOperator(')');
          const name = {
            kind: 'Identifier' as const,
            value: 'array',
            quoted: false,
            loc: this.location(nameToken),
          };
          return {
            kind: 'FunctionCall',
            name: { kind: 'QualifiedName', parts: [name], loc },
            arguments: [{ kind: 'SubqueryExpression', query, loc }],
            distinct: false,
            loc,
          };
        }
        return undefined;
      case 'ROW':
        if (!this.isOperator('(', 1)) return undefined;
        this.next();
        this.next();
        {
          const values = this.parseExpressionList();
          this.expectOperator(')');
          return { kind: 'RowConstructor', values, loc };
        }
      case 'INTERVAL':
        if (
          this.peek(1).type === 'string' ||
          ((this.isOperator('+', 1) || this.isOperator('-', 1)) && this.peek(2).type === 'string')
        ) {
          return this.parseIntervalLiteral();
        }
        return undefined;
      case 'EXTRACT':
        if (!this.isOperator('(', 1)) return undefined;
        return this.parseExtract();
      case 'POSITION':
        if (!this.isOperator('(', 1)) return undefined;
        return this.attempt(() => this.parsePosition());
      case 'SUBSTRING':
        if (!this.isOperator('(', 1)) return undefined;
        return this.attempt(() => this.parseSubstringFrom());
      case 'TRIM':
        if (!this.isOperator('(', 1)) return undefined;
        return this.parseTrim();
      case 'NORMALIZE':
        if (!this.isOperator('(', 1)) return undefined;
        return this.parseNormalize();
      case 'GROUPING':
        if (!this.isOperator('(', 1)) return undefined;
        return this.parseFunctionCall(1, true);
      case 'LISTAGG':
        if (!this.isOperator('(', 1)) return undefined;
        return this.parseFunctionCall(1, true);
      case 'DOUBLE':
        if (this.isKeyword('PRECISION', 1) && this.peek(2).type === 'string') {
          this.next();
          this.next();
          return { kind: 'GenericLiteral', type: 'DOUBLE', value: this.parsePrimaryString(), loc };
        }
        return undefined;
    }
    if ((CURRENT_TIME_FUNCTIONS as readonly string[]).includes(word)) {
      this.next();
      const fn = word as (typeof CURRENT_TIME_FUNCTIONS)[number];
      if (
        fn !== 'CURRENT_DATE' &&
        this.isOperator('(') &&
        this.peek(1).type === 'integer' &&
        this.isOperator(')', 2)
      ) {
        this.next();
        const precision = this.next().value;
        this.next();
        return { kind: 'CurrentTime', function: fn, precision, loc };
      }
      return { kind: 'CurrentTime', function: fn, loc };
    }
    if ((SPECIAL_VALUES as readonly string[]).includes(word)) {
      // `current_schema()` is a function call in PostgreSQL
      if (this.isOperator('(', 1)) return this.parseFunctionCall(1, true);
      this.next();
      return { kind: 'SpecialValue', name: word as (typeof SPECIAL_VALUES)[number], loc };
    }
    if (
      this.pg &&
      (word === 'SESSION_USER' || word === 'USER') &&
      !this.isOperator('(', 1) &&
      !this.isOperator('.', 1)
    ) {
      this.next();
      return { kind: 'SpecialValue', name: word, loc };
    }
    return undefined;
  }

  private parseCase(): Expression {
    const loc = this.location();
    this.expectKeyword('CASE');
    const operand = this.isKeyword('WHEN') ? undefined : this.parseExpression();
    const whenClauses: WhenClause[] = [];
    while (this.matchKeyword('WHEN')) {
      const condition = this.parseExpression();
      this.expectKeyword('THEN');
      whenClauses.push({ condition, result: this.parseExpression() });
    }
    if (whenClauses.length === 0) this.fail();
    const elseValue = this.matchKeyword('ELSE') ? this.parseExpression() : undefined;
    this.expectKeyword('END');
    const tail = elseValue ? { elseValue } : {};
    if (operand) return { kind: 'SimpleCase', operand, whenClauses, ...tail, loc };
    return { kind: 'SearchedCase', whenClauses, ...tail, loc };
  }

  private parseCast(safe: boolean): Expression {
    const loc = this.location();
    this.next();
    this.expectOperator('(');
    const value = this.parseExpression();
    this.expectKeyword('AS');
    const type = this.parseDataType();
    this.expectOperator(')');
    return { kind: 'Cast', value, type, safe, loc };
  }

  private parseIntervalLiteral(): Expression {
    const loc = this.location();
    this.expectKeyword('INTERVAL');
    let sign: 1 | -1 = 1;
    if (this.matchOperator('-')) sign = -1;
    else this.matchOperator('+');
    const value = this.parsePrimaryString();
    const startField = this.matchOneOf(...INTERVAL_FIELDS);
    if (!startField) {
      if (this.pg)
        return { kind: 'GenericLiteral', type: 'INTERVAL', value: sign < 0 ? `-${value}` : value, loc };
      this.fail();
    }
    const endField = this.matchKeyword('TO') ? this.expectOneOf(...INTERVAL_FIELDS) : undefined;
    return { kind: 'IntervalLiteral', value, sign, startField, ...(endField ? { endField } : {}), loc };
  }

  private parseExtract(): Expression {
    const loc = this.location();
    this.next();
    this.expectOperator('(');
    let field: string;
    if (this.peek().type === 'string') field = this.next().value.toUpperCase();
    else field = this.parseIdentifier().value.toUpperCase();
    this.expectKeyword('FROM');
    const value = this.parseValueExpression();
    this.expectOperator(')');
    return { kind: 'Extract', field, value, loc };
  }

  /** POSITION(needle IN haystack) → strpos(haystack, needle). */
  private parsePosition(): Expression {
    const loc = this.location();
    const nameToken = this.next();
    this.expectOperator('(');
    const needle = this.parseValueExpression();
    this.expectKeyword('IN');
    const haystack = this.parseValueExpression();
    this.expectOperator(')');
    return this.call('strpos', [haystack, needle], loc, nameToken);
  }

  /** SUBSTRING(s FROM start [FOR length]) → substring(s, start[, length]). */
  private parseSubstringFrom(): Expression {
    const loc = this.location();
    const nameToken = this.next();
    this.expectOperator('(');
    const value = this.parseValueExpression();
    this.expectKeyword('FROM');
    const args = [value, this.parseValueExpression()];
    if (this.matchKeyword('FOR')) args.push(this.parseValueExpression());
    this.expectOperator(')');
    return this.call('substring', args, loc, nameToken);
  }

  private parseTrim(): Expression {
    const loc = this.location();
    this.next();
    this.expectOperator('(');
    const specification = this.matchOneOf('BOTH', 'LEADING', 'TRAILING');
    let characters: Expression | undefined;
    let value: Expression;
    if (specification && this.matchKeyword('FROM')) {
      value = this.parseValueExpression();
    } else {
      const first = this.parseValueExpression();
      if (this.matchKeyword('FROM')) {
        characters = first;
        value = this.parseValueExpression();
      } else if (!specification && this.matchOperator(',')) {
        value = first;
        characters = this.parseValueExpression();
      } else {
        value = first;
      }
    }
    this.expectOperator(')');
    return {
      kind: 'Trim',
      specification: specification ?? 'BOTH',
      value,
      ...(characters ? { characters } : {}),
      loc,
    };
  }

  /** NORMALIZE(s[, NFC|NFD|NFKC|NFKD]) → normalize(s, 'NFC'). */
  private parseNormalize(): Expression {
    const loc = this.location();
    const nameToken = this.next();
    this.expectOperator('(');
    const args = [this.parseValueExpression()];
    if (this.matchOperator(',')) {
      const form = this.expectOneOf('NFC', 'NFD', 'NFKC', 'NFKD');
      args.push({ kind: 'StringLiteral', value: form, loc: this.location() });
    }
    this.expectOperator(')');
    return this.call('normalize', args, loc, nameToken);
  }

  private call(
    name: string,
    args: Expression[],
    loc: Expression['loc'],
    nameToken = this.peek(),
  ): FunctionCall {
    const id: Identifier = { kind: 'Identifier', value: name, quoted: false, loc: this.location(nameToken) };
    return {
      kind: 'FunctionCall',
      name: { kind: 'QualifiedName', parts: [id], loc: id.loc },
      arguments: args,
      distinct: false,
      loc,
    };
  }

  /**
   * name(args) [FILTER (WHERE …)] [IGNORE|RESPECT NULLS] [OVER …]; also count(*), DISTINCT,
   * ORDER BY inside the call, and LISTAGG(…) WITHIN GROUP (ORDER BY …).
   * `keywordName` lets reserved words that are function names (GROUPING, LISTAGG) through.
   */
  private parseFunctionCall(nameParts: number, keywordName = false): FunctionCall {
    const loc = this.location();
    let name: QualifiedName;
    if (keywordName) {
      const t = this.next();
      name = {
        kind: 'QualifiedName',
        parts: [{ kind: 'Identifier', value: t.value, quoted: false, loc }],
        loc,
      };
    } else {
      const parts: Identifier[] = [this.parseIdentifier()];
      for (let i = 1; i < nameParts; i++) {
        this.expectOperator('.');
        parts.push(this.parseIdentifier());
      }
      name = { kind: 'QualifiedName', parts, loc };
    }
    this.expectOperator('(');
    const call: FunctionCall = { kind: 'FunctionCall', name, arguments: [], distinct: false, loc };
    if (this.matchOperator('*')) {
      this.expectOperator(')');
    } else if (!this.matchOperator(')')) {
      const quantifier = this.matchOneOf('DISTINCT', 'ALL');
      call.distinct = quantifier === 'DISTINCT';
      call.arguments = this.parseExpressionList();
      if (this.matchKeywords('ORDER', 'BY')) call.orderBy = this.parseSortItems();
      if (name.parts.length === 1 && name.parts[0].value.toUpperCase() === 'LISTAGG')
        this.parseListaggOverflow(call);
      this.expectOperator(')');
    }
    if (this.isKeywords('WITHIN', 'GROUP')) {
      this.next();
      this.next();
      this.expectOperator('(');
      this.expectKeyword('ORDER', 'BY');
      call.orderBy = this.parseSortItems();
      this.expectOperator(')');
    }
    if (this.isKeyword('FILTER') && this.isOperator('(', 1)) {
      this.next();
      this.next();
      this.expectKeyword('WHERE');
      call.filter = this.parseExpression();
      this.expectOperator(')');
    }
    const nullTreatment = this.isKeyword('NULLS', 1) ? this.matchOneOf('IGNORE', 'RESPECT') : undefined;
    if (nullTreatment) {
      this.expectKeyword('NULLS');
      call.nullTreatment = nullTreatment;
    }
    if (this.matchKeyword('OVER')) {
      if (this.isIdentifier() && !this.isOperator('(')) {
        const ref = this.parseIdentifier();
        call.window = { kind: 'WindowReference', name: ref, loc: ref.loc };
      } else {
        this.expectOperator('(');
        call.window = this.parseWindowSpecification();
        this.expectOperator(')');
      }
    } else if (nullTreatment) {
      this.expectKeyword('OVER');
    }
    return call;
  }

  /** LISTAGG's `ON OVERFLOW ERROR | TRUNCATE [filler] WITH|WITHOUT COUNT`, kept as extra arguments. */
  private parseListaggOverflow(call: FunctionCall): void {
    if (!this.matchKeywords('ON', 'OVERFLOW')) return;
    const loc = this.location();
    if (this.matchKeyword('ERROR')) {
      call.arguments.push({ kind: 'StringLiteral', value: 'ERROR', loc });
      return;
    }
    this.expectKeyword('TRUNCATE');
    const filler: Expression =
      this.peek().type === 'string'
        ? { kind: 'StringLiteral', value: this.next().value, loc }
        : { kind: 'StringLiteral', value: '...', loc };
    const withCount = this.expectOneOf('WITH', 'WITHOUT') === 'WITH';
    this.expectKeyword('COUNT');
    call.arguments.push({ kind: 'StringLiteral', value: 'TRUNCATE', loc }, filler, {
      kind: 'BooleanLiteral',
      value: withCount,
      loc,
    });
  }

  // ---- parentheses: subquery, row, lambda, grouping ------------------------------------------

  private parseParenthesized(): Expression {
    const loc = this.location();
    const lambda = this.tryLambdaParameters();
    if (lambda) return { kind: 'Lambda', parameters: lambda, body: this.parseExpression(), loc };
    if (this.startsQuery(1)) {
      const start = this.pos;
      if (!this.failedQueryAt.has(start)) {
        const sub = this.attempt(() => {
          this.next();
          const query = this.parseQuery();
          this.expectOperator(')');
          return query;
        });
        if (sub) return { kind: 'SubqueryExpression', query: sub, loc };
        this.failedQueryAt.add(start);
      }
    }
    this.expectOperator('(');
    const first = this.parseExpression();
    if (this.matchOperator(')')) return first;
    this.expectOperator(',');
    const values = [first, ...this.parseExpressionList()];
    this.expectOperator(')');
    return { kind: 'RowConstructor', values, loc };
  }

  /** `(a, b) ->` or `() ->`: returns the parameters and consumes through `->`. */
  private tryLambdaParameters(): Identifier[] | undefined {
    let k = 1;
    if (!this.isOperator(')', k)) {
      for (;;) {
        if (!this.isIdentifier(k)) return undefined;
        k++;
        if (this.isOperator(')', k)) break;
        if (!this.isOperator(',', k)) return undefined;
        k++;
      }
    }
    if (!this.isOperator('->', k + 1)) return undefined;
    this.next();
    const params: Identifier[] = [];
    while (!this.matchOperator(')')) {
      params.push(this.parseIdentifier());
      this.matchOperator(',');
    }
    this.next();
    return params;
  }

  /** Does a query start at token k, possibly behind more `(`? */
  protected startsQuery(k = 0): boolean {
    while (this.peek(k).type === 'operator' && this.peek(k).value === '(') k++;
    const t = this.peek(k);
    if (k === 0) this.expecting('<query>');
    return t.type === 'identifier' && QUERY_START.includes(t.upper);
  }

  // ---- lists, names, sort items, windows -----------------------------------------------------

  protected parseExpressionList(): Expression[] {
    const list = [this.parseExpression()];
    while (this.matchOperator(',')) list.push(this.parseExpression());
    return list;
  }

  parseQualifiedName(): QualifiedName {
    const first = this.parseIdentifier();
    const parts = [first];
    while (this.isOperator('.') && (this.isIdentifier(1) || this.peek(1).type === 'identifier')) {
      this.next();
      parts.push(this.parseIdentifierOrKeyword());
    }
    return { kind: 'QualifiedName', parts, loc: first.loc };
  }

  /** After a dot any word is a name part, reserved or not (`pg_catalog.current_schema`). */
  private parseIdentifierOrKeyword(): Identifier {
    const t = this.peek();
    if (t.type === 'identifier') {
      this.next();
      return { kind: 'Identifier', value: t.value, quoted: false, loc: this.location(t) };
    }
    return this.parseIdentifier();
  }

  protected parseSortItems(): SortItem[] {
    const items = [this.parseSortItem()];
    while (this.matchOperator(',')) items.push(this.parseSortItem());
    return items;
  }

  private parseSortItem(): SortItem {
    const loc = this.location();
    const key = this.parseExpression();
    const item: SortItem = { kind: 'SortItem', key, loc };
    const ordering = this.matchOneOf('ASC', 'DESC');
    if (ordering) item.ordering = ordering;
    if (this.matchKeyword('NULLS')) item.nullOrdering = this.expectOneOf('FIRST', 'LAST');
    return item;
  }

  protected parseWindowSpecification(): WindowSpecification {
    const loc = this.location();
    const spec: WindowSpecification = { kind: 'WindowSpecification', partitionBy: [], orderBy: [], loc };
    const clause = ['PARTITION', 'ORDER', 'ROWS', 'RANGE', 'GROUPS'];
    if (this.isIdentifier() && !(this.peek().type === 'identifier' && clause.includes(this.peek().upper))) {
      spec.existingName = this.parseIdentifier();
    }
    if (this.matchKeywords('PARTITION', 'BY')) spec.partitionBy = this.parseExpressionList();
    if (this.matchKeywords('ORDER', 'BY')) spec.orderBy = this.parseSortItems();
    const frameType = this.matchOneOf('ROWS', 'RANGE', 'GROUPS');
    if (frameType) spec.frame = this.parseFrame(frameType);
    return spec;
  }

  private parseFrame(type: WindowFrame['type']): WindowFrame {
    if (this.matchKeyword('BETWEEN')) {
      const start = this.parseFrameBound();
      this.expectKeyword('AND');
      return { type, start, end: this.parseFrameBound() };
    }
    return { type, start: this.parseFrameBound() };
  }

  private parseFrameBound(): FrameBound {
    if (this.matchKeyword('UNBOUNDED')) {
      return {
        type:
          this.expectOneOf('PRECEDING', 'FOLLOWING') === 'PRECEDING'
            ? 'UNBOUNDED PRECEDING'
            : 'UNBOUNDED FOLLOWING',
      };
    }
    if (this.matchKeywords('CURRENT', 'ROW')) return { type: 'CURRENT ROW' };
    const value = this.parseExpression();
    return { type: this.expectOneOf('PRECEDING', 'FOLLOWING'), value };
  }
}
