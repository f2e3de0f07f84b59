import type { Seed } from '../../src/emulator';
import { DEFAULT_SEED } from '../../src/emulator';
import { TOKENS, gitHubRequest, useTestEmulator } from '../support/emulator';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{
    type?: string;
    message: string;
    path?: unknown[];
    extensions?: Record<string, unknown>;
  }>;
}

describe('POST /graphql', () => {
  const emu = useTestEmulator({ now: () => T0 });
  const graphql = async (
    query: string,
    variables?: Record<string, unknown>,
    options: { token?: string | null; path?: string } = {},
  ) => {
    const token = options.token === undefined ? TOKENS.octocat : options.token;
    const response = await gitHubRequest(emu.url, 'POST', options.path ?? '/graphql', {
      token: token ?? undefined,
      body: { query, variables },
    });
    return { ...response, body: response.body as GraphqlBody };
  };

  describe('the repositories subset', () => {
    const LISTING = `query($login: String!) {
      organization(login: $login) {
        repositories(first: 100, privacy: PUBLIC, ownerAffiliations: [OWNER]) {
          totalCount
          nodes {
            name nameWithOwner isPrivate isArchived isFork visibility
            repositoryTopics(first: 20) { nodes { topic { name } } }
            interactionAbility { limit origin expiresAt }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
    }`;

    it("lists an org's public repositories with visibility, archived, fork, topics and the limit in force", async () => {
      const repo = await emu.admin.setRepoLimit('acme/api', {
        limit: 'collaborators_only',
        expiry: 'one_week',
      });
      const { status, body } = await graphql(LISTING, { login: 'acme' });
      expect(status).toBe(200);
      const repositories = (body.data?.organization as { repositories: { nodes: unknown[] } })
        .repositories;
      expect(repositories).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false } });
      expect(repositories.nodes).toEqual([
        expect.objectContaining({ nameWithOwner: 'acme/website', isArchived: false }),
        {
          name: 'api',
          nameWithOwner: 'acme/api',
          isPrivate: false,
          isArchived: false,
          isFork: false,
          visibility: 'PUBLIC',
          repositoryTopics: { nodes: [{ topic: { name: 'api' } }, { topic: { name: 'backend' } }] },
          interactionAbility: {
            limit: 'COLLABORATORS_ONLY',
            origin: 'REPOSITORY',
            expiresAt: repo.expires_at,
          },
        },
        expect.objectContaining({ nameWithOwner: 'acme/docs' }),
        expect.objectContaining({ nameWithOwner: 'acme/legacy', isArchived: true }),
      ]);
      // acme/internal is private: not listed with privacy PUBLIC.
    });

    it('shows an org limit on its repositories with origin ORGANIZATION, and NO_LIMIT where none is in force', async () => {
      const org = await emu.admin.setOrgLimit('acme', {
        limit: 'existing_users',
        expiry: 'one_day',
      });
      const { body } = await graphql(`
        {
          organization(login: "acme") {
            interactionAbility {
              limit
              origin
              expiresAt
            }
          }
          a: repository(owner: "acme", name: "api") {
            interactionAbility {
              limit
              origin
              expiresAt
            }
          }
          b: repository(owner: "octocat", name: "hello-world") {
            interactionAbility {
              limit
              origin
              expiresAt
            }
          }
        }
      `);
      const orgAbility = {
        limit: 'EXISTING_USERS',
        origin: 'ORGANIZATION',
        expiresAt: org.expires_at,
      };
      expect(body).toEqual({
        data: {
          organization: { interactionAbility: orgAbility },
          a: { interactionAbility: orgAbility },
          b: { interactionAbility: { limit: 'NO_LIMIT', origin: 'REPOSITORY', expiresAt: null } },
        },
      });
    });

    it("answers null for what the token may not read: a private repository's limit, another user's, an org's to a member", async () => {
      const asOctocat = await graphql(`
        {
          repository(owner: "acme", name: "internal") {
            isPrivate
            interactionAbility {
              limit
            }
          }
          user(login: "monalisa") {
            interactionAbility {
              limit
            }
          }
        }
      `);
      expect(asOctocat.body.data).toEqual({
        repository: { isPrivate: true, interactionAbility: null },
        user: { interactionAbility: null },
      });
      const asMember = await graphql(
        `
          {
            organization(login: "acme") {
              interactionAbility {
                limit
              }
            }
            a: repository(owner: "acme", name: "api") {
              interactionAbility {
                limit
              }
            }
          }
        `,
        undefined,
        { token: TOKENS.monalisa },
      );
      expect(asMember.body.data).toEqual({
        organization: { interactionAbility: null },
        a: { interactionAbility: null },
      });
    });

    it("answers the viewer's own user limit with origin USER", async () => {
      const user = await emu.admin.setUserLimit('octocat', { limit: 'contributors_only' });
      const { body } = await graphql(`
        {
          viewer {
            login
            interactionAbility {
              limit
              origin
              expiresAt
            }
          }
        }
      `);
      expect(body.data).toEqual({
        viewer: {
          login: 'octocat',
          interactionAbility: {
            limit: 'CONTRIBUTORS_ONLY',
            origin: 'USER',
            expiresAt: user.expires_at,
          },
        },
      });
    });

    it('reads many repositories in one request through aliases, with NOT_FOUND for the missing one', async () => {
      const { body } = await graphql(
        `
          query ($o: String!) {
            a: repository(owner: $o, name: "API") {
              nameWithOwner
            }
            b: repository(owner: $o, name: "nope") {
              nameWithOwner
            }
          }
        `,
        { o: 'ACME' },
      );
      expect(body).toEqual({
        data: { a: { nameWithOwner: 'acme/api' }, b: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['b'],
            locations: [expect.objectContaining({ line: expect.any(Number) })],
            message: "Could not resolve to a Repository with the name 'ACME/nope'.",
          },
        ],
      });
    });

    it('hides private repositories from those who cannot see them, as REST does', async () => {
      const { body } = await graphql(
        `
          {
            repository(owner: "acme", name: "internal") {
              name
            }
          }
        `,
        undefined,
        { token: TOKENS.hubot },
      );
      expect(body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', path: ['repository'] });
    });
  });

  describe('pagination', () => {
    const many: Seed = {
      ...DEFAULT_SEED,
      repos: Array.from({ length: 250 }, (_, i) => ({
        owner: 'acme',
        name: `repo-${String(i).padStart(3, '0')}`,
      })),
    };

    it('pages 100 at a time with cursors until hasNextPage is false', async () => {
      await emu.admin.reset(many);
      const names: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const { body } = await graphql(
          `
            query ($after: String) {
              organization(login: "acme") {
                repositories(first: 100, after: $after) {
                  nodes {
                    name
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
            }
          `,
          { after },
        );
        const connection = (
          body.data?.organization as {
            repositories: {
              nodes: Array<{ name: string }>;
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          }
        ).repositories;
        names.push(...connection.nodes.map((n) => n.name));
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(names).toHaveLength(250);
      expect(new Set(names).size).toBe(250);
    });

    it('refuses an unknown cursor', async () => {
      const { body } = await graphql(`
        {
          organization(login: "acme") {
            repositories(first: 10, after: "bm9wZQ==") {
              totalCount
            }
          }
        }
      `);
      expect(body.errors?.[0]?.message).toBe('`bm9wZQ==` does not appear to be a valid cursor.');
    });
  });

  describe("GitHub's query limits and errors", () => {
    it("refuses a field GitHub's schema does not have, in GitHub's words", async () => {
      const { status, body } = await graphql(`
        {
          repository(owner: "acme", name: "api") {
            interactionLimits
          }
        }
      `);
      expect(status).toBe(200);
      expect(body).toEqual({
        errors: [
          {
            path: ['query', 'repository', 'interactionLimits'],
            extensions: {
              code: 'undefinedField',
              typeName: 'Repository',
              fieldName: 'interactionLimits',
            },
            locations: [expect.objectContaining({ line: expect.any(Number) })],
            message: "Field 'interactionLimits' doesn't exist on type 'Repository'",
          },
        ],
      });
    });

    it('refuses a field GitHub has but the emulator does not serve, naming what it serves', async () => {
      const { body } = await graphql(`
        {
          repository(owner: "acme", name: "api") {
            stargazerCount
          }
        }
      `);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        expect.objectContaining({
          type: 'EMULATOR_UNSUPPORTED',
          path: ['query', 'repository', 'stargazerCount'],
          message: expect.stringMatching(
            /^The emulator does not serve Repository\.stargazerCount; of Repository it serves id, name, nameWithOwner/,
          ),
        }),
      ]);
    });

    it('refuses mutations', async () => {
      const { body } = await graphql(`
        mutation {
          addStar(input: { starrableId: "x" }) {
            clientMutationId
          }
        }
      `);
      expect(body.errors).toEqual([
        expect.objectContaining({
          type: 'EMULATOR_UNSUPPORTED',
          message:
            'The emulator serves GraphQL queries only, not a mutation (docs/emulator.md, "GraphQL").',
        }),
      ]);
    });

    it('requires first or last on a connection, from 1 to 100', async () => {
      const missing = await graphql(`
        {
          organization(login: "acme") {
            repositories {
              totalCount
            }
          }
        }
      `);
      expect(missing.body.errors?.[0]).toMatchObject({
        type: 'MISSING_PAGINATION_BOUNDARIES',
        message:
          'You must provide a `first` or `last` value to properly paginate the `repositories` connection.',
      });
      const tooMany = await graphql(`
        {
          organization(login: "acme") {
            repositories(first: 101) {
              totalCount
            }
          }
        }
      `);
      expect(tooMany.body.errors?.[0]).toMatchObject({
        type: 'EXCESSIVE_PAGINATION',
        message:
          'Requesting 101 records on the `repositories` connection exceeds the `first` limit of 100 records.',
      });
    });

    it('answers a syntax error with its location', async () => {
      const { status, body } = await graphql(`{ viewer { login `);
      expect(status).toBe(200);
      expect(body.errors).toEqual([
        {
          locations: [{ line: 1, column: 18 }],
          message: 'Syntax Error: Expected Name, found <EOF>.',
        },
      ]);
    });

    it("answers 401 without a token, in GitHub's GraphQL words", async () => {
      const { status, body } = await graphql(
        `
          {
            viewer {
              login
            }
          }
        `,
        undefined,
        { token: null },
      );
      expect(status).toBe(401);
      expect(body).toEqual({
        message: 'This endpoint requires you to be authenticated.',
        documentation_url:
          'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
      });
    });

    it('is served at /api/graphql and /api/v3/graphql too (GitHub Enterprise Server layouts)', async () => {
      for (const path of ['/api/graphql', '/api/v3/graphql']) {
        const { body } = await graphql(
          `
            {
              viewer {
                login
              }
            }
          `,
          undefined,
          { path },
        );
        expect(body).toEqual({ data: { viewer: { login: 'octocat' } } });
      }
    });
  });

  describe('rate limit', () => {
    it("charges GitHub's point cost to the graphql resource, not the REST one", async () => {
      const query = `{
        organization(login: "acme") {
          repositories(first: 100) { nodes { repositoryTopics(first: 100) { nodes { topic { name } } } } }
        }
        rateLimit { cost limit remaining used nodeCount }
      }`;
      const first = await graphql(query);
      // 1 request for the repositories + 100 for their topics = 101, / 100, rounded: 1 point.
      expect(first.body.data?.rateLimit).toEqual({
        cost: 1,
        limit: 5000,
        remaining: 4999,
        used: 1,
        nodeCount: 100 + 100 * 100,
      });
      expect(first.headers.get('x-ratelimit-resource')).toBe('graphql');
      expect(first.headers.get('x-ratelimit-used')).toBe('1');
      // Nested deeper: 1 + 100 + 100 x 100 = 10,101 requests: 101 points (410,100 nodes).
      const deep = await graphql(`
        {
          viewer {
            repositories(first: 100) {
              nodes {
                owner {
                  repositories(first: 100) {
                    nodes {
                      repositoryTopics(first: 40) {
                        totalCount
                      }
                    }
                  }
                }
              }
            }
          }
          rateLimit {
            cost
          }
        }
      `);
      expect(deep.body.data?.rateLimit).toEqual({ cost: 101 });
      expect(deep.headers.get('x-ratelimit-used')).toBe('102');
      const rest = await gitHubRequest(emu.url, 'GET', '/user', { token: TOKENS.octocat });
      expect(rest.headers.get('x-ratelimit-resource')).toBe('core');
      expect(rest.headers.get('x-ratelimit-used')).toBe('1');
    });

    it('refuses a query whose nodes would pass 500,000', async () => {
      const { body } = await graphql(`
        {
          viewer {
            repositories(first: 100) {
              nodes {
                owner {
                  repositories(first: 100) {
                    nodes {
                      repositoryTopics(first: 100) {
                        nodes {
                          topic {
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `);
      expect(body.errors?.[0]).toMatchObject({
        type: 'MAX_NODE_LIMIT_EXCEEDED',
        message:
          'By the time this query traverses to the repositoryTopics connection, it is requesting up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000.',
      });
    });

    it('once the points are spent, answers 200 with RATE_LIMITED and remaining 0 until the hour resets', async () => {
      await emu.admin.reset({ ...DEFAULT_SEED, rateLimitPerHour: 2 });
      expect(
        (
          await graphql(`
            {
              viewer {
                login
              }
            }
          `)
        ).body.data,
      ).toBeTruthy();
      expect(
        (
          await graphql(`
            {
              viewer {
                login
              }
            }
          `)
        ).body.data,
      ).toBeTruthy();
      const refused = await graphql(`
        {
          viewer {
            login
          }
        }
      `);
      expect(refused.status).toBe(200);
      expect(refused.body).toEqual({
        errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }],
      });
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      await emu.admin.advanceClock(3600);
      expect(
        (
          await graphql(`
            {
              viewer {
                login
              }
            }
          `)
        ).body.data,
      ).toEqual({
        viewer: { login: 'octocat' },
      });
    });
  });
});
