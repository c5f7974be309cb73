/**
 * Scope: the columns visible to expressions at one point of a query (the FROM clause's
 * relations), with Trino's resolution rules and errors: `a` matches a column of any relation
 * (AMBIGUOUS_NAME when several), `t.a` the column of relation `t`, `c.s.t.a` a fully qualified one.
 */
import { TrinoError } from '../errors';
import type { NodeLocation } from '../sql';
import type { Symbol } from './ir';

export interface Field {
  /** The relation's alias or table name parts (e.g. ['tpch', 'tiny', 'nation'] or ['n']). */
  readonly relation?: readonly string[];
  /** Column name as SQL sees it (lower-case unless it came from a quoted alias), or undefined for unnamed expressions. */
  readonly name?: string;
  readonly symbol: Symbol;
  readonly hidden?: boolean;
  /** Reachable only by a qualified name (`t.c`): a JOIN USING column's per-side copy. */
  readonly qualifiedOnly?: boolean;
}

export class Scope {
  constructor(
    readonly fields: readonly Field[],
    readonly outer?: Scope,
  ) {}

  /** Resolves a (possibly qualified) column name; undefined when no field matches here. */
  tryResolve(parts: readonly string[], loc?: NodeLocation): Field | undefined {
    const column = parts[parts.length - 1];
    const qualifier = parts.slice(0, -1);
    const matches = this.fields.filter(
      (f) =>
        f.name === column &&
        matchesQualifier(f.relation, qualifier) &&
        !(f.qualifiedOnly && qualifier.length === 0),
    );
    if (matches.length > 1) {
      throw new TrinoError('AMBIGUOUS_NAME', `Column '${parts.join('.')}' is ambiguous`, loc);
    }
    return matches[0];
  }

  /** Whether `parts` names a relation of this scope (for `t.*`). */
  relationFields(qualifier: readonly string[]): Field[] {
    return this.fields.filter((f) => !f.hidden && matchesQualifier(f.relation, qualifier));
  }
}

function matchesQualifier(relation: readonly string[] | undefined, qualifier: readonly string[]): boolean {
  if (qualifier.length === 0) return true;
  if (!relation || qualifier.length > relation.length) return false;
  const offset = relation.length - qualifier.length;
  for (let i = 0; i < qualifier.length; i++) if (relation[offset + i] !== qualifier[i]) return false;
  return true;
}
