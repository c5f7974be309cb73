/** Statement splitting for corpus files: the engine's own splitter (src/sql). */
export { splitSqlStatements, splitSqlStatementsWithPositions } from '../src/sql/statement-splitter';
export type { SqlStatementSpan } from '../src/sql/statement-splitter';
