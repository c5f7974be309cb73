/**
 * Prepared statements and parameters (Trino's QueryPreparer): `EXECUTE name USING …` looks the
 * statement up in the session (the client protocol carries prepared statements in a header, so a
 * statement prepared by an earlier request, or never prepared on this server at all, is found),
 * `EXECUTE IMMEDIATE '…' USING …` parses the text, and the `?` placeholders are replaced by the
 * USING expressions before planning, as Trino's ParameterRewriter does.
 */
import { TrinoError } from './errors';
import { parseStatement, type Expression, type Statement } from './sql';
import type { Session } from './planner/session';

/** The statement to run: the prepared or immediate statement with its parameters bound, or `statement`. */
export function resolvePreparedStatement(statement: Statement, session: Session): Statement {
  switch (statement.kind) {
    case 'Execute': {
      const name = statement.name.value;
      const sql = session.preparedStatements[name];
      if (sql === undefined)
        throw new TrinoError('NOT_FOUND', `Prepared statement not found: ${name}`, statement.name.loc);
      return bindParameters(statement, parseStatement(sql), statement.parameters);
    }
    case 'ExecuteImmediate':
      return bindParameters(statement, parseStatement(statement.sql.value), statement.parameters);
    case 'Prepare':
      // its placeholders are bound when it is executed
      return statement;
    default:
      return bindParameters(statement, statement, []);
  }
}

/** Statements that may not be prepared (PrepareTask). */
export function checkPreparable(statement: Statement): void {
  if (statement.kind === 'Prepare' || statement.kind === 'Execute' || statement.kind === 'Deallocate') {
    const name = statement.kind === 'Deallocate' ? 'DEALLOCATE' : statement.kind.toUpperCase();
    throw new TrinoError(
      'NOT_SUPPORTED',
      `Invalid statement type for prepared statement: ${name}`,
      statement.loc,
    );
  }
}

function bindParameters(wrapper: Statement, statement: Statement, values: readonly Expression[]): Statement {
  const count = countParameters(statement);
  if (count !== values.length)
    throw new TrinoError(
      'INVALID_PARAMETER_USAGE',
      `Incorrect number of parameters: expected ${count} but found ${values.length}`,
      wrapper.loc,
    );
  return count === 0 ? statement : (substitute(statement, values) as Statement);
}

function isParameter(node: object): node is { kind: 'Parameter'; position: number } {
  return (node as { kind?: unknown }).kind === 'Parameter';
}

/** Distinct parameter positions (a `$1` may appear twice; `?` each count once). */
function countParameters(node: unknown): number {
  const positions = new Set<number>();
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) for (const x of n) visit(x);
    else if (n !== null && typeof n === 'object') {
      if (isParameter(n)) positions.add(n.position);
      else for (const [k, v] of Object.entries(n)) if (k !== 'loc') visit(v);
    }
  };
  visit(node);
  return positions.size;
}

/** A copy of the AST with every Parameter replaced by its value expression. */
function substitute(node: unknown, values: readonly Expression[]): unknown {
  if (Array.isArray(node)) return node.map((n) => substitute(n, values));
  if (node === null || typeof node !== 'object') return node;
  if (isParameter(node)) return values[node.position];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'loc' ? v : substitute(v, values);
  return out;
}
