/**
 * The SQL type system: types, type names, value representation, literals, casts, exact
 * arithmetic and coercion rules. See values.ts for how each type's values look in JavaScript.
 */
export * from './type';
export * from './values';
export * from './parse-type';
export * from './coercion';
export * from './decimal';
export * from './integer-arithmetic';
export * from './float-format';
export * from './calendar';
export * from './time-zone';
export * from './datetime';
export * from './interval';
export * from './json';
export * from './ipaddress';
export * from './cast-varchar';
export * from './cast';
export * from './literals';
export * from './value-check';
