// Tests are transpiled by ts-jest without type checking (type checking is `npm run lint`'s job,
// so the suite starts fast). Octokit v7+ packages are ESM-only; Node >=20.19 can require() them at
// run time, but Jest's module loader cannot, so those packages are transpiled to CommonJS like our
// own sources. (Jest 30 and SWC pull in per-platform native packages that this project's registry
// mirror cannot lock for every platform, which breaks `npm ci`; Jest 29 + ts-jest are plain JS.)
const esmOnly = [
  '@octokit',
  'universal-user-agent',
  'before-after-hook',
  'universal-github-app-jwt',
  'fast-content-type-parse',
  'json-with-bigint',
  'toad-cache',
  'content-type',
  'p-limit',
  'yocto-queue',
  'jose',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: {
          isolatedModules: true,
          module: 'commonjs',
          moduleResolution: 'node',
          target: 'es2022',
          allowJs: true,
          esModuleInterop: true,
          resolveJsonModule: true,
          sourceMap: true,
        },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // Our sources load command modules lazily with import('./x.js') (the path Node resolves in
  // dist/); under Jest the same path is the TypeScript source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 30000,
};
