import type { Seed } from './seed';

/**
 * The accounts every demo, example and test starts with (documented in docs/emulator.md,
 * "The default seed"; tests pin it, so change both together).
 *
 * - `octocat` (token `gho_emulator_octocat`): owner of org `acme` and of the public
 *   `octocat/hello-world`, `octocat/Spoon-Knife` (mixed case on purpose) and `octocat/linguist`.
 * - `monalisa` (token `gho_emulator_monalisa`): member of `acme` with read access only.
 * - `hubot` (token `gho_emulator_hubot`): no access to anything, for 403/404 paths.
 * - `dependabot-fan`, `Spacewalker` (mixed case on purpose), `mona-lisa-ops`, `jdoe`: accounts to
 *   put on bypass lists; `mona-lisa-ops` can write to `acme/api`, `Spacewalker` maintains
 *   `acme/website` (neither is an admin, so both get 403 on the admin-only endpoints).
 * - `acme` repositories: public `website`, `api`, `docs`; private `internal`; archived `legacy`,
 *   with topics so policy selectors have something to pick and something to exclude.
 */
export const DEFAULT_SEED: Seed = Object.freeze({
  users: [
    { login: 'octocat', token: 'gho_emulator_octocat', name: 'The Octocat' },
    { login: 'monalisa', token: 'gho_emulator_monalisa', name: 'Mona Lisa Octocat' },
    { login: 'hubot', token: 'gho_emulator_hubot', name: 'Hubot' },
    { login: 'dependabot-fan' },
    { login: 'Spacewalker', name: 'Space Walker' },
    { login: 'mona-lisa-ops' },
    { login: 'jdoe', name: 'Jane Doe' },
  ],
  orgs: [
    {
      login: 'acme',
      name: 'ACME Corporation',
      owners: ['octocat'],
      members: ['monalisa', 'mona-lisa-ops', 'Spacewalker'],
      basePermission: 'read',
    },
  ],
  repos: [
    {
      owner: 'acme',
      name: 'website',
      description: 'The ACME marketing site',
      topics: ['web', 'marketing'],
      maintainers: ['Spacewalker'],
    },
    {
      owner: 'acme',
      name: 'api',
      description: 'The ACME public API',
      topics: ['api', 'backend'],
      writers: ['mona-lisa-ops'],
    },
    {
      owner: 'acme',
      name: 'docs',
      description: 'Documentation for ACME products',
      topics: ['web', 'docs-site'],
    },
    {
      owner: 'acme',
      name: 'internal',
      description: 'Internal tooling',
      visibility: 'private',
      topics: ['backend'],
    },
    {
      owner: 'acme',
      name: 'legacy',
      description: 'The old site, kept read-only',
      archived: true,
      topics: ['web'],
    },
    {
      owner: 'octocat',
      name: 'hello-world',
      description: 'My first repository on GitHub!',
      topics: ['demo'],
    },
    {
      owner: 'octocat',
      name: 'Spoon-Knife',
      description: 'This repo is for demonstration purposes only.',
      topics: ['demo', 'forking'],
    },
    {
      owner: 'octocat',
      name: 'linguist',
      description: 'Language savant.',
      topics: ['languages'],
    },
  ],
}) as Seed;
