#!/usr/bin/env node
/**
 * Entry point of `npm run conformance`: runs conformance/runner/main.ts straight from source (the require
 * hook in register.js transpiles TypeScript with @swc/core). See main.ts for the options.
 */
'use strict';
require('./register.js');
const { main } = require('./main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`conformance runner failed: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  },
);
