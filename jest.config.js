// Tests are transpiled with SWC (type checking is `npm run lint`'s job, so the
// suite starts fast). Octokit v7+ packages are ESM-only; Node >=20.19 can
// require() them at run time, but Jest's module loader cannot, so those
// packages are transpiled to CommonJS like our own sources.
const esmOnly = [
  '@octokit',
  'universal-user-agent',
  'before-after-hook',
  'universal-github-app-jwt',
  'fast-content-type-parse',
  'json-with-bigint',
  'toad-cache',
  'content-type',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testTimeout: 30000,
};
