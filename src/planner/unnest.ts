/**
 * What UNNEST produces from each argument's type (Trino's rules): an array gives one column of
 * its element type, unless the elements are rows, which give one column per field (named after
 * the field); a map gives its key and value columns. Anything else cannot be unnested.
 */
import { TrinoError } from '../errors';
import type { NodeLocation } from '../sql';
import { formatType, type SqlType } from '../types';

export interface UnnestColumn {
  readonly name?: string;
  readonly type: SqlType;
}

export function unnestColumns(type: SqlType, loc?: NodeLocation): UnnestColumn[] {
  if (type.kind === 'array') {
    const element = type.element;
    if (element.kind === 'row')
      return element.fields.map((f) => ({ ...(f.name !== undefined ? { name: f.name } : {}), type: f.type }));
    return [{ type: element }];
  }
  if (type.kind === 'map') return [{ type: type.key }, { type: type.value }];
  throw new TrinoError('TYPE_MISMATCH', `Cannot unnest type: ${formatType(type)}`, loc);
}
