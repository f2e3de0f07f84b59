import { join } from 'node:path';
import { DEFAULT_SEED } from '../../src/emulator';
import type { Seed } from '../../src/emulator';
import { createClient } from '../../src/github';
import { expandPolicy, githubPolicyPort, loadPolicyFile, parsePolicy } from '../../src/policy';
import { FakePolicyPort, SEED_REPOSITORIES } from './fake-port';
import { TOKENS, useTestEmulator } from '../support/emulator';

/**
 * The real port, through src/github, against the emulator: the same expansion as the fake port
 * gives, and repository listings paginated past GitHub's 100 a page. The emulator checks every
 * request and answer against GitHub's OpenAPI description.
 */
describe('githubPolicyPort against the emulator', () => {
  const manyRepos = Array.from({ length: 130 }, (_, i) => ({
    owner: 'acme',
    name: `svc-${String(i).padStart(3, '0')}`,
  }));
  const seed: Seed = { ...DEFAULT_SEED, repos: [...(DEFAULT_SEED.repos ?? []), ...manyRepos] };
  const emulator = useTestEmulator({ seed, resetBeforeEach: false });

  const port = (options: { graphql?: boolean } = {}) =>
    githubPolicyPort(
      createClient({ baseUrl: emulator.url, token: TOKENS.octocat, retries: 0 }),
      options,
    );

  it('expands examples/policy/acme.yaml as the fake port of the default seed does', async () => {
    const policy = await loadPolicyFile(
      join(__dirname, '..', '..', 'examples', 'policy', 'acme.yaml'),
    );
    const fake = await expandPolicy(policy, new FakePolicyPort(SEED_REPOSITORIES));
    const rest = await expandPolicy(policy, port({ graphql: false }));
    const graphql = await expandPolicy(policy, port());
    expect(rest.resources).toEqual(fake.resources);
    expect(graphql.resources).toEqual(fake.resources);
    // The GraphQL listing also observed each selected repository's limit (none in the seed).
    expect([...graphql.observed.values()]).toEqual(Array(graphql.observed.size).fill(null));
    expect([...graphql.observed.keys()]).toContain('InteractionLimit:repo/acme/api');
  });

  it.each([
    ['REST', { graphql: false }, 'GET', '/orgs/acme/repos'],
    ['GraphQL', {}, 'POST', '/graphql'],
  ])(
    'lists every page of an organization through %s, and reads the token user',
    async (_how, options, method, path) => {
      const policy = parsePolicy(
        `version: 1
user:
  login: octocat
  interaction_limit: { limit: existing_users }
repositories:
  - select: { organization: acme, names: ['svc-*'] }
    pr_creation_cap: false
`,
        'p.yaml',
      );
      const before = emulator.exchanges.length;
      const { resources } = await expandPolicy(policy, port(options));
      expect(resources).toHaveLength(1 + manyRepos.length);
      const listings = emulator.exchanges
        .slice(before)
        .filter((exchange) => exchange.method === method && exchange.path === path);
      expect(listings).toHaveLength(2);
    },
  );
});
