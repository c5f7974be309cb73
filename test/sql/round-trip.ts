/** Test helper: parse, format, re-parse, and compare the trees without locations. */
import { formatStatement, parseStatement, stripLocations, type Dialect, type Statement } from '../../src/sql';

export function roundTrip(sql: string, dialect: Dialect = 'trino'): { ast: Statement; formatted: string } {
  const ast = parseStatement(sql, { dialect });
  const formatted = formatStatement(ast);
  let again: Statement;
  try {
    again = parseStatement(formatted, { dialect });
  } catch (e) {
    throw new Error(`formatted text does not parse: ${formatted}\n${(e as Error).message}`);
  }
  expect(stripLocations(again)).toEqual(stripLocations(ast));
  return { ast, formatted };
}
