/**
 * The subscript operator `base[index]` as hidden functions the analyzer calls: `$subscript` on an array
 * (1-based; Trino's ArraySubscriptOperator errors outside the array, unlike element_at) and on a map (a
 * missing key is an error, unlike element_at). Row fields by position (`r[1]`) are resolved by the analyzer,
 * which needs a constant index to know the result type.
 */
import type { MapType, SqlType } from '../types';
import { subscript } from './array-functions';
import { mapSubscript } from './map-functions';
import type { ScalarFunctionSpec } from './registry';

export const subscriptOperators: ScalarFunctionSpec[] = [
  {
    name: '$subscript',
    typeVariables: ['E'],
    arguments: ['array(E)', 'bigint'],
    returns: 'E',
    hidden: true,
    description: 'Array subscript',
    invoke: (_c, array: unknown[], index) => subscript(array, index as number | bigint),
  },
  {
    name: '$subscript',
    typeVariables: ['K', 'V'],
    arguments: ['map(K,V)', 'K'],
    returns: 'V',
    hidden: true,
    description: 'Map subscript',
    specialize: (b) => {
      const keyType: SqlType = (b.argumentTypes[0] as MapType).key;
      return (_c, map, key) => mapSubscript(map as Parameters<typeof mapSubscript>[0], key, keyType);
    },
  },
];
