/** Jest runs TypeScript through SWC (type checking is `npm run typecheck`, run first by `npm test`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // long suites (`*.long.test.ts`: TPC-H sf1 and the like) run from `npm run test:long`
  testPathIgnorePatterns: process.env.TESSERA_LONG_TESTS ? [] : ['\\.long\\.test\\.ts$'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  testTimeout: 60000,
};
