import { DEFAULT_SEED } from '../../src/emulator';
import type { Seed } from '../../src/emulator';
import type { GitHubClient } from '../../src/github';
import {
  GraphqlUnavailableError,
  createClient,
  graphqlEnabledFromEnv,
  limitFromAbility,
  listRepositoriesWithLimits,
  observeLimitsBatch,
} from '../../src/github';
import { TOKENS, useTestEmulator } from '../support/emulator';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');

const graphqlRequests = async (emu: {
  admin: { requests(): Promise<{ requests: ReadonlyArray<{ path: string }> }> };
}) => (await emu.admin.requests()).requests.filter((r) => r.path === '/graphql').length;

describe('GraphQL batch reads (src/github/graphql.ts)', () => {
  const many: Seed = {
    ...DEFAULT_SEED,
    repos: [
      ...(DEFAULT_SEED.repos ?? []),
      ...Array.from({ length: 250 }, (_, i) => ({
        owner: 'acme',
        name: `svc-${String(i).padStart(3, '0')}`,
        topics: i % 2 === 0 ? ['even'] : [],
      })),
    ],
  };
  const emu = useTestEmulator({ seed: many, now: () => T0 });
  const client = (options: { token?: string; fetch?: typeof fetch; baseUrl?: string } = {}) =>
    createClient({
      baseUrl: options.baseUrl ?? emu.url,
      token: options.token ?? TOKENS.octocat,
      retries: 0,
      fetch: options.fetch,
    });

  describe('listRepositoriesWithLimits', () => {
    it("lists an org's repositories 100 a request, with what selectors need and each limit as the REST object", async () => {
      const repo = await emu.admin.setRepoLimit('acme/api', { limit: 'contributors_only' });
      const listed = await listRepositoriesWithLimits(client(), {
        type: 'organization',
        login: 'ACME',
      });
      expect(listed).toHaveLength(255); // 5 of the default seed (one private) + 250
      expect(await graphqlRequests(emu)).toBe(3);
      expect(listed.find((r) => r.name === 'api')).toEqual({
        owner: 'acme',
        name: 'api',
        fullName: 'acme/api',
        visibility: 'public',
        archived: false,
        fork: false,
        topics: ['api', 'backend'],
        interactionLimit: {
          observed: true,
          limit: { limit: 'contributors_only', origin: 'repository', expiresAt: repo.expires_at },
        },
      });
      expect(listed.find((r) => r.name === 'svc-000')).toMatchObject({
        topics: ['even'],
        interactionLimit: { observed: true, limit: null },
      });
      expect(listed.find((r) => r.name === 'internal')).toMatchObject({
        visibility: 'private',
        interactionLimit: {
          observed: false,
          reason: expect.stringContaining(
            'GraphQL answered null for the interactionAbility of acme/internal',
          ),
        },
      });
    });

    it('lists public repositories only when asked', async () => {
      const listed = await listRepositoriesWithLimits(
        client(),
        { type: 'organization', login: 'acme' },
        { visibility: 'public' },
      );
      expect(listed.map((r) => r.visibility)).not.toContain('private');
      expect(listed).toHaveLength(254);
    });

    it("lists a user's own repositories, not those they collaborate on", async () => {
      const listed = await listRepositoriesWithLimits(client(), { type: 'user', login: 'octocat' });
      expect(listed.map((r) => r.fullName)).toEqual([
        'octocat/hello-world',
        'octocat/Spoon-Knife',
        'octocat/linguist',
      ]);
    });

    it('throws GraphqlUnavailableError for an owner GraphQL does not know', async () => {
      await expect(
        listRepositoriesWithLimits(client(), { type: 'user', login: 'acme' }),
      ).rejects.toThrow(
        new GraphqlUnavailableError(
          "listing user acme: NOT_FOUND: Could not resolve to a User with the login of 'acme'.",
        ),
      );
    });
  });

  describe('observeLimitsBatch', () => {
    it('reads 250 repositories, an org and the token user in 3 requests, 100 aliases each', async () => {
      const org = await emu.admin.setOrgLimit('acme', { limit: 'existing_users' });
      const user = await emu.admin.setUserLimit('octocat', { limit: 'collaborators_only' });
      const repositories = Array.from({ length: 248 }, (_, i) => ({
        owner: 'acme',
        repo: `svc-${String(i).padStart(3, '0')}`,
      }));
      const result = await observeLimitsBatch(client(), {
        repositories: [...repositories, { owner: 'octocat', repo: 'Spoon-Knife' }],
        organizations: ['Acme'],
        viewer: true,
      });
      expect(result.requests).toBe(3);
      expect(await graphqlRequests(emu)).toBe(3);
      const orgLimit = {
        limit: 'existing_users',
        origin: 'organization',
        expiresAt: org.expires_at,
      };
      expect(result.organizations.get('acme')).toEqual({ observed: true, limit: orgLimit });
      expect(result.repositories.get('acme/svc-247')).toEqual({ observed: true, limit: orgLimit });
      expect(result.repositories.get('octocat/spoon-knife')).toEqual({
        observed: true,
        limit: { limit: 'collaborators_only', origin: 'user', expiresAt: user.expires_at },
      });
      expect(result.viewer).toEqual({
        login: 'octocat',
        limit: {
          observed: true,
          limit: { limit: 'collaborators_only', origin: 'user', expiresAt: user.expires_at },
        },
      });
    });

    it('reports what GraphQL could not answer for, resource by resource, with the reason', async () => {
      const result = await observeLimitsBatch(client(), {
        repositories: [
          { owner: 'acme', repo: 'api' },
          { owner: 'acme', repo: 'gone' },
          { owner: 'acme', repo: 'internal' },
        ],
      });
      expect(result.repositories.get('acme/api')).toEqual({ observed: true, limit: null });
      expect(result.repositories.get('acme/gone')).toEqual({
        observed: false,
        reason:
          "GraphQL error for acme/gone: NOT_FOUND: Could not resolve to a Repository with the name 'acme/gone'.",
      });
      expect(result.repositories.get('acme/internal')).toMatchObject({ observed: false });
    });

    it('throws GraphqlUnavailableError when /graphql is refused (a proxy or server without it)', async () => {
      await emu.admin.addFault({ kind: 'status', status: 404, path: '/graphql' });
      const error = await observeLimitsBatch(client(), {
        repositories: [{ owner: 'acme', repo: 'api' }],
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphqlUnavailableError);
      expect((error as GraphqlUnavailableError).reason).toMatch(
        /^Not found: .*\(404 POST \/graphql/,
      );
    });

    it('throws GraphqlUnavailableError when the server has no interactionAbility (an older GitHub Enterprise Server)', async () => {
      // What a server whose schema lacks the field answers (refined-github#6946: GHES 3.5).
      const withoutField: typeof fetch = async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (!url.endsWith('/graphql')) return fetch(input, init);
        return new Response(
          JSON.stringify({
            errors: [
              {
                path: ['query', 'a0', 'interactionAbility'],
                extensions: {
                  code: 'undefinedField',
                  typeName: 'Repository',
                  fieldName: 'interactionAbility',
                },
                locations: [{ line: 2, column: 70 }],
                message: "Field 'interactionAbility' doesn't exist on type 'Repository'",
              },
            ],
          }),
          { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } },
        );
      };
      await expect(
        observeLimitsBatch(client({ fetch: withoutField }), {
          repositories: [{ owner: 'acme', repo: 'api' }],
        }),
      ).rejects.toThrow(
        new GraphqlUnavailableError(
          "Field 'interactionAbility' doesn't exist on type 'Repository'",
        ),
      );
    });

    it('throws GraphqlUnavailableError once GraphQL points are spent (REST has its own budget)', async () => {
      await emu.admin.reset({ ...many, rateLimitPerHour: 1 });
      const gh: GitHubClient = client();
      await observeLimitsBatch(gh, { organizations: ['acme'] });
      expect(gh.rateLimit('graphql')).toMatchObject({ remaining: 0, limit: 1 });
      await emu.admin.clearRequests();
      // GitHub said the points are spent until the reset, an hour away (past the wait cap): the
      // next query fails without being sent.
      await expect(observeLimitsBatch(gh, { organizations: ['acme'] })).rejects.toThrow(
        /GraphQL API cannot be used here: GitHub primary rate limit exceeded .* This request was not sent/,
      );
      expect((await emu.admin.requests()).requests).toHaveLength(0);
      // A new client does not know yet, sends it, and gets GitHub's own answer.
      await expect(observeLimitsBatch(client(), { organizations: ['acme'] })).rejects.toThrow(
        /RATE_LIMITED: API rate limit exceeded for user ID 1\./,
      );
    });

    it('refuses a batch size outside 1..100', async () => {
      await expect(observeLimitsBatch(client(), {}, { batchSize: 101 })).rejects.toThrow(
        'observeLimitsBatch: [batchSize] 101 is not allowed; expected an integer from 1 to 100.',
      );
    });
  });
});

describe('limitFromAbility', () => {
  it('converts the GraphQL enums to the REST limit object, NO_LIMIT to null', () => {
    expect(
      limitFromAbility(
        { limit: 'EXISTING_USERS', origin: 'ORGANIZATION', expiresAt: '2026-01-01T00:00:00Z' },
        'x',
      ),
    ).toEqual({
      observed: true,
      limit: { limit: 'existing_users', origin: 'organization', expiresAt: '2026-01-01T00:00:00Z' },
    });
    expect(
      limitFromAbility({ limit: 'NO_LIMIT', origin: 'REPOSITORY', expiresAt: null }, 'x'),
    ).toEqual({
      observed: true,
      limit: null,
    });
  });

  it('does not guess at values it does not know: they fall back to REST', () => {
    expect(
      limitFromAbility(
        { limit: 'EVERYONE', origin: 'REPOSITORY', expiresAt: '2026-01-01T00:00:00Z' },
        'acme/api',
      ),
    ).toEqual({
      observed: false,
      reason: expect.stringContaining(
        'an interactionAbility this client does not know for acme/api',
      ),
    });
  });
});

describe('graphqlEnabledFromEnv', () => {
  it('is on by default and takes on/off', () => {
    expect(graphqlEnabledFromEnv({})).toBe(true);
    expect(graphqlEnabledFromEnv({ GH_INTERACTIONS_GRAPHQL: 'off' })).toBe(false);
    expect(graphqlEnabledFromEnv({ GH_INTERACTIONS_GRAPHQL: 'ON' })).toBe(true);
  });

  it('names the variable, the value and what is allowed', () => {
    expect(() => graphqlEnabledFromEnv({ GH_INTERACTIONS_GRAPHQL: 'maybe' })).toThrow(
      'GH_INTERACTIONS_GRAPHQL: "maybe" is not allowed; expected on or off.',
    );
  });
});
