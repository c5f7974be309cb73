/**
 * Turns the raw TPC-H qgen templates (`tpch/trino-parser-qgen-templates/N.sql`) into runnable
 * statements, the way Trino's parser tests do (TestStatementBuilder.fixTpchQuery): qgen
 * directives (`:x`, `:o`, `:n N`) are removed or become LIMIT, the stream suffix `:s` is dropped,
 * and each substitution parameter `:N` becomes the number N (inside quotes too, so
 * `date ':1'` and `interval ':1' day` keep their shape). `day (3)` loses its leading-field
 * precision, which Trino's grammar does not have.
 */
import { splitSqlStatements } from './statements';

export function qgenTemplateStatements(template: string): string[] {
  const text = template
    .replace(/\r\n/g, '\n')
    .replace(/^:[xo]$/gm, '')
    .replace(/([A-Za-z_]):s\b/g, '$1')
    .replace(/day \(3\)/g, 'day')
    .replace(/:(\d+)/g, '$1');
  const out: string[] = [];
  for (let piece of splitSqlStatements(text)) {
    // `:n N` after a statement's semicolon limits that statement's rows; `:n -1` means no limit.
    const directive = /^\s*:n (-?\d+)\s*/.exec(piece);
    if (directive) {
      const n = Number(directive[1]);
      if (n >= 0 && out.length > 0) out[out.length - 1] += `\nLIMIT ${n}`;
      piece = piece.slice(directive[0].length);
    }
    if (piece.trim() !== '') out.push(piece.trim());
  }
  return out;
}
