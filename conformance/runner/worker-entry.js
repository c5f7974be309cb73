/**
 * Worker-thread bootstrap for the conformance runner: installs the TypeScript require hook, then runs
 * worker.ts (which reads its job from workerData and reports to the parent port).
 */
'use strict';
require('./register.js');
require('./worker.ts');
