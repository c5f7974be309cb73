/**
 * WITH RECURSIVE: the shape rules Trino checks before it expands a recursive query (its
 * StatementAnalyzer's tryProcessRecursiveQuery). Planning (unrolling the step up to
 * max_recursion_depth times) is QueryPlanner.planRecursiveCte; this module only reads the AST.
 */
import { TrinoError } from '../errors';
import type * as ast from '../sql';

/** A linearly recursive WITH query: `anchor UNION [ALL] step`, the step reading the name once. */
export interface RecursiveShape {
  readonly anchor: ast.QueryBody;
  readonly step: ast.QueryBody;
  /** UNION (DISTINCT): duplicates are removed from the expanded result. */
  readonly distinct: boolean;
}

/**
 * The recursive shape of a query of a WITH RECURSIVE list, or undefined when it does not refer to
 * itself (it is then an ordinary WITH query). Malformed recursion fails as in Trino.
 */
export function recursiveShape(w: ast.WithQuery): RecursiveShape | undefined {
  const name = w.name.value.toLowerCase();
  if (!w.columnNames)
    throw new TrinoError('MISSING_COLUMN_ALIASES', 'missing column aliases in recursive WITH query', w.loc);
  const nested = findNodes(w.query, (n) => n.kind === 'With' && (n as ast.With).recursive);
  if (nested.length > 0)
    throw new TrinoError('NESTED_RECURSIVE', 'nested recursive WITH query', nested[0].loc);
  const body = w.query.body;
  if (body.kind !== 'SetOperation' || body.operator !== 'UNION') return undefined;
  const anchorReferences = references(body.left, name);
  if (anchorReferences.length > 0)
    throw new TrinoError(
      'INVALID_RECURSIVE_REFERENCE',
      'WITH table name is referenced in the base relation of recursion',
      anchorReferences[0].loc,
    );
  const stepReferences = references(body.right, name);
  if (stepReferences.length > 1)
    throw new TrinoError(
      'INVALID_RECURSIVE_REFERENCE',
      'multiple recursive references in the step relation of recursion',
      stepReferences[1].loc,
    );
  if (stepReferences.length === 0) return undefined;
  let specification: ast.QueryBody = body.right;
  while (specification.kind === 'ParenthesizedQuery') {
    const query = specification.query;
    if (query.limit || query.offset)
      throw new TrinoError(
        'INVALID_LIMIT_CLAUSE',
        'FETCH FIRST / LIMIT clause in the step relation of recursion',
        query.loc,
      );
    specification = query.body;
  }
  if (
    specification.kind !== 'QuerySpecification' ||
    !specification.from ||
    references(specification.from, name).length === 0
  ) {
    throw new TrinoError(
      'INVALID_RECURSIVE_REFERENCE',
      'recursive reference outside of FROM clause of the step relation of recursion',
      stepReferences[0].loc,
    );
  }
  const q = w.query;
  const immediate = q.with
    ? 'WITH'
    : q.orderBy
      ? 'ORDER BY'
      : q.offset
        ? 'OFFSET'
        : q.limit
          ? 'FETCH FIRST / LIMIT'
          : '';
  if (immediate)
    throw new TrinoError('NOT_SUPPORTED', `immediate ${immediate} clause in recursive query`, q.loc);
  return { anchor: body.left, step: body.right, distinct: body.distinct };
}

interface AstNode {
  readonly kind: string;
  readonly loc?: ast.NodeLocation;
}

/** Unqualified table references to `name`, except inside queries whose own WITH shadows it. */
function references(root: unknown, name: string): AstNode[] {
  return findNodes(
    root,
    (n) => {
      if (n.kind !== 'Table' && n.kind !== 'TableReference') return false;
      const parts = (n as ast.Table).name.parts;
      return parts.length === 1 && parts[0].value.toLowerCase() === name;
    },
    (n) =>
      n.kind === 'Query' && !!(n as ast.Query).with?.queries.some((q) => q.name.value.toLowerCase() === name),
  );
}

/** AST nodes matching `test`, in pre-order, not descending where `stop` holds. */
function findNodes(
  root: unknown,
  test: (n: AstNode) => boolean,
  stop: (n: AstNode) => boolean = () => false,
): AstNode[] {
  const found: AstNode[] = [];
  const visit = (x: unknown, isRoot: boolean): void => {
    if (Array.isArray(x)) {
      for (const item of x) visit(item, false);
      return;
    }
    if (x === null || typeof x !== 'object') return;
    const node = x as AstNode;
    if (typeof node.kind === 'string') {
      if (!isRoot && stop(node)) return;
      if (test(node)) found.push(node);
    }
    for (const [key, value] of Object.entries(x)) if (key !== 'loc') visit(value, false);
  };
  visit(root, true);
  return found;
}
