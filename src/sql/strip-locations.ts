/** Returns a deep copy of an AST without `loc` fields, for comparing trees by meaning. */
export function stripLocations<T>(node: T): T {
  if (Array.isArray(node)) return node.map(stripLocations) as unknown as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'loc' || value === undefined) continue;
    out[key] = stripLocations(value);
  }
  return out as T;
}
