/** Every built-in scalar function declaration, by family. */

import { arrayFunctions } from './array-functions';
import { conditionalFunctions } from './conditional';
import { datetimeFunctions } from './datetime-functions';
import { failureFunctions } from './failure';
import { formatFunctions } from './format-function';
import { ipFunctions } from './ip-functions';
import { jsonFunctions } from './json-functions';
import { mapFunctions } from './map-functions';
import { mathFunctions } from './math';
import { miscFunctions } from './misc';
import { regexpFunctions } from './regexp';
import type { ScalarFunctionSpec } from './registry';
import { stringFunctions } from './string';
import { subscriptOperators } from './subscript-operator';

export function builtinScalarFunctions(): ScalarFunctionSpec[] {
  return [
    ...mathFunctions,
    ...stringFunctions,
    ...formatFunctions,
    ...ipFunctions,
    ...regexpFunctions,
    ...datetimeFunctions,
    ...jsonFunctions,
    ...arrayFunctions,
    ...mapFunctions,
    ...conditionalFunctions,
    ...miscFunctions,
    ...failureFunctions,
    ...subscriptOperators,
  ];
}
