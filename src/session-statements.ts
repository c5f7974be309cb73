/**
 * Statements that change the client's session rather than data (Trino's session DDL tasks): USE,
 * SET/RESET SESSION, PREPARE, DEALLOCATE PREPARE, START TRANSACTION, COMMIT, ROLLBACK.
 *
 * They never mutate a session: they validate and return the *effects*, which the caller applies
 * (the embedded engine to its defaults; the client protocol as X-Trino-Set-* response headers,
 * which the client sends back on its next request).
 */
import { randomUUID } from 'node:crypto';
import { TrinoError } from './errors';
import { catalogOrSession, type Metadata } from './planner/metadata';
import type { Session } from './planner/session';
import { checkPreparable } from './prepared-statements';
import type { Statement } from './sql';
import { sessionProperty } from './session-properties';

export interface SessionEffects {
  readonly setCatalog?: string;
  readonly setSchema?: string;
  readonly setSessionProperties?: Readonly<Record<string, string>>;
  readonly resetSessionProperties?: readonly string[];
  readonly addedPreparedStatements?: Readonly<Record<string, string>>;
  readonly deallocatedPreparedStatements?: readonly string[];
  readonly startedTransactionId?: string;
  readonly clearTransactionId?: boolean;
}

export interface SessionStatementResult {
  /** Trino's update type for the statement (`USE`, `SET SESSION`, …). */
  readonly updateType: string;
  readonly effects: SessionEffects;
}

/**
 * The effects of a session statement, or undefined when `statement` is not one. `sql` is the
 * statement's text (PREPARE stores the text of the prepared statement).
 */
export async function executeSessionStatement(
  statement: Statement,
  sql: string,
  session: Session,
  metadata: Metadata,
): Promise<SessionStatementResult | undefined> {
  switch (statement.kind) {
    case 'Use': {
      const catalog = catalogOrSession(session, statement.catalog?.value.toLowerCase(), statement.loc);
      const schema = statement.schema.value.toLowerCase();
      if (!(await metadata.schemaExists(session, catalog, schema)))
        throw new TrinoError(
          'SCHEMA_NOT_FOUND',
          `Schema does not exist: ${catalog}.${schema}`,
          statement.loc,
        );
      return { updateType: 'USE', effects: { setCatalog: catalog, setSchema: schema } };
    }
    case 'SetSession': {
      const name = statement.name.parts.map((p) => p.value.toLowerCase()).join('.');
      if (statement.name.parts.length > 1)
        throw new TrinoError(
          'INVALID_SESSION_PROPERTY',
          `Session property '${name}' does not exist`,
          statement.loc,
        );
      const definition = sessionProperty(name);
      const value = statement.value;
      const text =
        value.kind === 'StringLiteral'
          ? value.value
          : value.kind === 'LongLiteral'
            ? String(value.value)
            : value.kind === 'BooleanLiteral'
              ? String(value.value)
              : undefined;
      if (text === undefined)
        throw new TrinoError(
          'INVALID_SESSION_PROPERTY',
          `Session property ${name} must be set to a literal`,
          statement.loc,
        );
      definition.validate(text);
      return { updateType: 'SET SESSION', effects: { setSessionProperties: { [name]: text } } };
    }
    case 'ResetSession': {
      const name = statement.name.parts.map((p) => p.value.toLowerCase()).join('.');
      sessionProperty(name);
      return { updateType: 'RESET SESSION', effects: { resetSessionProperties: [name] } };
    }
    case 'Prepare': {
      checkPreparable(statement.statement);
      return {
        updateType: 'PREPARE',
        effects: {
          addedPreparedStatements: { [statement.name.value]: statementText(sql, statement.statement) },
        },
      };
    }
    case 'Deallocate': {
      const name = statement.name?.value;
      if (name === undefined)
        return {
          updateType: 'DEALLOCATE',
          effects: { deallocatedPreparedStatements: Object.keys(session.preparedStatements) },
        };
      if (!(name in session.preparedStatements))
        throw new TrinoError('NOT_FOUND', `Prepared statement not found: ${name}`, statement.loc);
      return { updateType: 'DEALLOCATE', effects: { deallocatedPreparedStatements: [name] } };
    }
    case 'StartTransaction':
      if (!session.clientTransactionSupport)
        throw new TrinoError('INCOMPATIBLE_CLIENT', 'Client does not support transactions');
      if (session.transactionId !== undefined)
        throw new TrinoError('NOT_SUPPORTED', 'Nested transactions not supported');
      return { updateType: 'START TRANSACTION', effects: { startedTransactionId: randomUUID() } };
    case 'Commit':
    case 'Rollback':
      if (session.transactionId === undefined)
        throw new TrinoError('NOT_IN_TRANSACTION', 'No transaction in progress');
      return {
        updateType: statement.kind === 'Commit' ? 'COMMIT' : 'ROLLBACK',
        effects: { clearTransactionId: true },
      };
    default:
      return undefined;
  }
}

/** The text of a nested statement: from its location to the end, without a trailing `;`. */
function statementText(sql: string, statement: Statement): string {
  const loc = statement.loc;
  if (!loc) return sql;
  let offset = 0;
  for (let line = 1; line < loc.line; line++) offset = sql.indexOf('\n', offset) + 1;
  return sql
    .slice(offset + loc.column - 1)
    .replace(/;\s*$/, '')
    .trim();
}
