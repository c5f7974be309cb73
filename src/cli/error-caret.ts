/**
 * Renders the statement line an error points at with a caret under the failing column, as the
 * Trino CLI does (ErrorLocation in its console output).
 */
export function renderErrorLocation(sql: string, line: number, column: number): string {
  const lines = sql.split('\n');
  const text = lines[line - 1];
  if (text === undefined) return '';
  const prefix = text.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
  return `${text}\n${prefix}^`;
}
