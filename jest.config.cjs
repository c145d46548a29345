/** Unit tests of the domain and the local runtime, and integration tests of the built dist/. */
module.exports = {
  testEnvironment: 'node',
  // Jest's default is one worker fewer than the cores: on the 2-core CI machine that is one. Both
  // cores run test files; the main process mostly waits.
  maxWorkers: 2,
  // A worker that has run many files holds a large heap, and V8's coverage counters make every
  // later file in it slower (the full suite took 339 s instead of 218 s): restart it past 400 MB.
  workerIdleMemoryLimit: '400MB',
  // A worker that ran many files under coverage tears down a large heap (and its coverage session)
  // when told to stop: at jest's default half second that was sometimes cut short, with a warning.
  workerGracefulExitTimeout: 3000,
  roots: ['<rootDir>/test'],
  testSequencer: '<rootDir>/test/heavyFirstSequencer.cjs',
  // Under --coverage: one V8 coverage session per worker, not one per test file (the file says why).
  runtime: '<rootDir>/test/coverageRuntime.cjs',
  // The local runtime's PDF printers (one Chromium each) stop after each test file.
  setupFilesAfterEnv: ['<rootDir>/test/closePdfPrinters.ts'],
  testMatch: ['**/*.test.ts'],
  // Type errors are tsc's job (npm run typecheck); esbuild only strips the types (test/esbuildTransform.mjs).
  transform: { '^.+\\.ts$': '<rootDir>/test/esbuildTransform.mjs' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  reporters: ['default', '<rootDir>/test/plainSummaryReporter.cjs'],
  // Coverage (`jest --coverage`, as npm test runs it): V8's own counters, which also see the built
  // dist/Code.js that the integration tests run in a vm context; its inline source map (npm test
  // builds with --sourcemap) attributes those lines to src/**/*.ts.
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/**/*.ts', 'dist/Code.js'],
  coverageReporters: [[require.resolve('./test/coverageByFolder.cjs'), { src: `${__dirname}/src` }], ['json-summary']],
  coverageThreshold: { global: { lines: 90 } },
};
