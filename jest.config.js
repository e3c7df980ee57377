/** Jest runs TypeScript as native ESM (NestJS 12 is ESM-only); see STACK notes in the README. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  // `@onedoor/<lib>` is a shared library's index (tsconfig "paths"; the build links it for Node).
  moduleNameMapper: { '^@onedoor/([a-z0-9-]+)$': '<rootDir>/libs/$1/src/index.ts', '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    // @fastify/static require()s content-disposition 3, which ships ESM only: Node 20 loads it
    // (require of ESM), Jest's own loader only from Node 24.9. Jest's advice: compile it to CJS.
    'content-disposition/.+\\.js$': ['ts-jest', { useESM: false, tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', esModuleInterop: true } }],
  },
  transformIgnorePatterns: ['^(?!.*/node_modules/content-disposition/).*/node_modules/'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 120000,
};
