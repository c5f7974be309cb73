/**
 * A minimal require hook so the conformance runner runs straight from TypeScript sources (no build step):
 * `.ts` files are transpiled on load by @swc/core (already a dev dependency, used by jest). Types are not
 * checked here; `npm run typecheck` does that.
 */
'use strict';
const fs = require('node:fs');
const swc = require('@swc/core');

const options = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = function loadTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, { ...options, filename });
  module._compile(code, filename);
};
