import type { Exchange } from '../../src/emulator';
import { checkExchange } from '../support/emulator';
import {
  findOperation,
  toJsonSchema,
  validateQuery,
  validateRequestBody,
  validateResponse,
} from '../support/openapi';

/**
 * The validator must be able to fail, or the contract tests prove nothing: deliberately wrong
 * bodies are rejected, the documented examples accepted.
 */

/** A copy without one key (the deliberately broken bodies below). */
function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
}

const limit = {
  limit: 'collaborators_only',
  origin: 'repository',
  expires_at: '2018-08-17T04:18:39Z',
};
const simpleUser = {
  login: 'octocat',
  id: 1,
  node_id: 'MDQ6VXNlcjE=',
  avatar_url: 'https://github.com/images/error/octocat_happy.gif',
  gravatar_id: '',
  url: 'https://api.github.com/users/octocat',
  html_url: 'https://github.com/octocat',
  followers_url: 'https://api.github.com/users/octocat/followers',
  following_url: 'https://api.github.com/users/octocat/following{/other_user}',
  gists_url: 'https://api.github.com/users/octocat/gists{/gist_id}',
  starred_url: 'https://api.github.com/users/octocat/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.com/users/octocat/subscriptions',
  organizations_url: 'https://api.github.com/users/octocat/orgs',
  repos_url: 'https://api.github.com/users/octocat/repos',
  events_url: 'https://api.github.com/users/octocat/events{/privacy}',
  received_events_url: 'https://api.github.com/users/octocat/received_events',
  type: 'User',
  site_admin: false,
};

describe('findOperation', () => {
  it('matches concrete paths to the most specific template', () => {
    expect(findOperation('get', '/repos/acme/api/interaction-limits')).toMatchObject({
      pathTemplate: '/repos/{owner}/{repo}/interaction-limits',
      operationId: 'interactions/get-restrictions-for-repo',
      params: { owner: 'acme', repo: 'api' },
    });
    expect(findOperation('GET', '/repos/acme/api')?.pathTemplate).toBe('/repos/{owner}/{repo}');
    expect(
      findOperation('PATCH', '/orgs/acme/interaction-limits/pulls/creation-cap?x=1')?.operationId,
    ).toBe('interactions/update-pull-request-creation-cap-for-org');
  });

  it('strips the GHES prefix and finds nothing for undocumented routes', () => {
    expect(findOperation('GET', '/api/v3/user/interaction-limits')?.pathTemplate).toBe(
      '/user/interaction-limits',
    );
    expect(findOperation('POST', '/user/interaction-limits')).toBeUndefined();
    expect(findOperation('GET', '/nothing/here')).toBeUndefined();
  });
});

describe('validateResponse', () => {
  it('accepts the documented examples', () => {
    expect(validateResponse('GET', '/repos/o/r/interaction-limits', 200, limit)).toEqual([]);
    expect(validateResponse('GET', '/repos/o/r/interaction-limits', 200, {})).toEqual([]);
    expect(
      validateResponse('GET', '/repos/o/r/interaction-limits/pulls/bypass-list', 200, [simpleUser]),
    ).toEqual([]);
    expect(
      validateResponse('GET', '/orgs/o/interaction-limits/pulls/creation-cap', 200, {
        enabled: true,
        max_open_pull_requests: 1,
      }),
    ).toEqual([]);
  });

  it('rejects a limit without origin, a bad enum and a bad date', () => {
    expect(
      validateResponse('PUT', '/repos/o/r/interaction-limits', 200, without(limit, 'origin')).join(
        '\n',
      ),
    ).toMatch(/origin/);
    expect(
      validateResponse('PUT', '/orgs/o/interaction-limits', 200, { ...limit, limit: 'everyone' }),
    ).not.toEqual([]);
    expect(
      validateResponse('PUT', '/user/interaction-limits', 200, {
        ...limit,
        expires_at: 'tomorrow',
      }).join('\n'),
    ).toMatch(/date-time/);
    // GET allows `{}` but not some other object
    expect(
      validateResponse('GET', '/orgs/o/interaction-limits', 200, { limit: 'existing_users' }),
    ).not.toEqual([]);
  });

  it('rejects a bypass-list user missing a required field', () => {
    expect(
      validateResponse('GET', '/repos/o/r/interaction-limits/pulls/bypass-list', 200, [
        without(simpleUser, 'node_id'),
      ]).join('\n'),
    ).toMatch(/node_id/);
  });

  it('rejects a creation cap out of range', () => {
    expect(
      validateResponse('GET', '/repos/o/r/interaction-limits/pulls/creation-cap', 200, {
        enabled: true,
        max_open_pull_requests: 0,
      }),
    ).not.toEqual([]);
  });

  it('rejects a validation error whose value is null (the oneOf of nullable branches)', () => {
    const body = (value: unknown) => ({
      message: 'Validation Failed',
      documentation_url: 'https://docs.github.com/rest',
      errors: [{ resource: 'InteractionLimit', field: 'limit', code: 'invalid', value }],
    });
    expect(validateResponse('PUT', '/orgs/o/interaction-limits', 422, body('x'))).toEqual([]);
    expect(validateResponse('PUT', '/orgs/o/interaction-limits', 422, body(null))).not.toEqual([]);
  });

  it('requires empty bodies for 204 and 304, and documented statuses for success', () => {
    expect(validateResponse('DELETE', '/orgs/o/interaction-limits', 204, undefined)).toEqual([]);
    expect(validateResponse('DELETE', '/orgs/o/interaction-limits', 204, {})).not.toEqual([]);
    expect(validateResponse('GET', '/orgs/o/interaction-limits', 304, undefined)).toEqual([]);
    expect(validateResponse('DELETE', '/orgs/o/interaction-limits', 200, {}).join('\n')).toMatch(
      /not documented/,
    );
  });

  it('checks undocumented error statuses against Basic Error', () => {
    expect(
      validateResponse('GET', '/orgs/o/interaction-limits', 401, {
        message: 'Bad credentials',
        documentation_url: 'x',
      }),
    ).toEqual([]);
    expect(
      validateResponse('GET', '/orgs/o/interaction-limits', 401, { error: 'nope' }),
    ).not.toEqual([]);
    expect(validateResponse('GET', '/nothing', 404, { message: 'Not Found' })).toEqual([]);
  });

  it('accepts GET /user for a private profile (oneOf with a discriminator)', () => {
    const base = {
      ...simpleUser,
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2020-01-01T00:00:00Z',
    };
    expect(validateResponse('GET', '/user', 200, { ...base, user_view_type: 'public' })).toEqual(
      [],
    );
    const privateUser = {
      ...base,
      user_view_type: 'private',
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    };
    expect(validateResponse('GET', '/user', 200, privateUser)).toEqual([]);
    expect(validateResponse('GET', '/user', 200, without(base, 'created_at'))).not.toEqual([]);
  });
});

describe('validateRequestBody and validateQuery', () => {
  it('checks request bodies', () => {
    expect(
      validateRequestBody('PUT', '/orgs/o/interaction-limits', {
        limit: 'existing_users',
        expiry: 'one_week',
      }),
    ).toEqual([]);
    expect(
      validateRequestBody('PUT', '/orgs/o/interaction-limits', { limit: 'bogus' }),
    ).not.toEqual([]);
    expect(validateRequestBody('PUT', '/orgs/o/interaction-limits', undefined).join('\n')).toMatch(
      /required/,
    );
    expect(
      validateRequestBody('PUT', '/repos/o/r/interaction-limits/pulls/bypass-list', { users: [1] }),
    ).not.toEqual([]);
    expect(validateRequestBody('GET', '/orgs/o/interaction-limits', { a: 1 }).join('\n')).toMatch(
      /takes no body/,
    );
  });

  it('checks query parameters', () => {
    expect(
      validateQuery('GET', '/orgs/o/repos', { type: 'public', per_page: '100', page: '2' }),
    ).toEqual([]);
    expect(validateQuery('GET', '/orgs/o/repos', { type: 'secret' })).not.toEqual([]);
    expect(validateQuery('GET', '/orgs/o/repos', { per_page: 'many' })).not.toEqual([]);
    expect(validateQuery('GET', '/orgs/o/repos', { color: 'red' }).join('\n')).toMatch(
      /not documented/,
    );
  });
});

describe('toJsonSchema', () => {
  it('turns nullable into a null type and keeps property names', () => {
    expect(
      toJsonSchema({
        type: 'object',
        properties: {
          nullable: { type: 'string', nullable: true, enum: ['a'] },
          example: { type: 'integer' },
        },
        example: { x: 1 },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        nullable: { type: ['string', 'null'], enum: ['a', null] },
        example: { type: 'integer' },
      },
    });
    expect(toJsonSchema({ nullable: true, anyOf: [{ type: 'string' }] })).toEqual({
      anyOf: [{ anyOf: [{ type: 'string' }] }, { type: 'null' }],
    });
  });
});

describe('checkExchange (what the test emulator runs on every exchange)', () => {
  const exchange = (overrides: Partial<Exchange>): Exchange => ({
    method: 'PUT',
    path: '/orgs/acme/interaction-limits',
    query: {},
    requestHeaders: { 'user-agent': 'gh-interactions/0.0.0 octokit-rest.js/22' },
    requestBody: { limit: 'existing_users' },
    status: 200,
    responseHeaders: {
      'x-github-request-id': 'X',
      'content-type': 'application/json; charset=utf-8',
    },
    responseBody: { ...limit, origin: 'organization' },
    operation: { method: 'PUT', pathTemplate: '/orgs/{org}/interaction-limits' },
    admin: false,
    ...overrides,
  });

  it('passes a conforming exchange', () => {
    expect(checkExchange(exchange({}))).toEqual([]);
  });

  it("flags our client's invalid request bodies and undocumented calls", () => {
    expect(checkExchange(exchange({ requestBody: { limit: 'bogus' } })).join('\n')).toMatch(
      /request: body/,
    );
    expect(
      checkExchange(
        exchange({
          method: 'POST',
          path: '/orgs/acme/limits',
          operation: undefined,
          status: 404,
          responseBody: { message: 'Not Found' },
        }),
      ).join('\n'),
    ).toMatch(/undocumented operation/);
    // Other clients (curl, tests poking at errors) may send anything.
    expect(
      checkExchange(
        exchange({ requestHeaders: { 'user-agent': 'curl/8' }, requestBody: { limit: 'bogus' } }),
      ),
    ).toEqual([]);
  });

  it('flags a wrong response, a missing request id and a mislabeled operation', () => {
    expect(checkExchange(exchange({ responseBody: { limit: 'existing_users' } }))).not.toEqual([]);
    expect(
      checkExchange(exchange({ responseHeaders: { 'content-type': 'application/json' } })).join(
        '\n',
      ),
    ).toMatch(/request-id/);
    expect(
      checkExchange(
        exchange({
          operation: { method: 'PUT', pathTemplate: '/repos/{owner}/{repo}/interaction-limits' },
        }),
      ).join('\n'),
    ).toMatch(/served/);
  });

  it('ignores admin exchanges', () => {
    expect(checkExchange(exchange({ admin: true, responseBody: { anything: true } }))).toEqual([]);
  });
});
