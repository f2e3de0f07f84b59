import { DEFAULT_SEED, GITHUB_ROUTES } from '../../src/emulator';
import type { Seed } from '../../src/emulator';
import type { GitHubResponse, TestEmulator } from '../support/emulator';
import {
  TOKENS,
  createAppJwt,
  generateAppKeys,
  gitHubRequest,
  useTestEmulator,
} from '../support/emulator';
import { documentedStatuses, findOperation, validateResponse } from '../support/openapi';

/**
 * Every operation the emulator serves, in every status GitHub documents for it (and the common
 * undocumented ones: 400, 401, 403, 404), checked against GitHub's OpenAPI description. The test
 * emulator checks each exchange too, so `close()` would also fail on a violation.
 */

const APP_ID = 1001;
const INSTALLATION_ID = 5001;
const keys = generateAppKeys();
const seed: Seed = {
  ...DEFAULT_SEED,
  apps: [
    {
      id: APP_ID,
      publicKeyPem: keys.publicKeyPem,
      installations: [{ id: INSTALLATION_ID, account: 'acme' }],
    },
  ],
};

interface Case {
  readonly name: string;
  readonly status: number;
  readonly run: (emu: TestEmulator) => Promise<GitHubResponse & { method: string; path: string }>;
}

function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  arrange?: (emu: TestEmulator) => Promise<unknown>,
): Case['run'] {
  return async (emu) => {
    if (arrange) await arrange(emu);
    return { method, path, ...(await gitHubRequest(emu.url, method, path, options)) };
  };
}

const owner = { token: TOKENS.octocat };
const member = { token: TOKENS.monalisa };
const orgLimit = (emu: TestEmulator) =>
  emu.admin.setOrgLimit('acme', { limit: 'contributors_only' });
const userLimit = (emu: TestEmulator) =>
  emu.admin.setUserLimit('octocat', { limit: 'existing_users' });
const capUnavailable = (emu: TestEmulator) =>
  emu.admin.updateOrgCreationCap('acme', { available: false });
const repoCapUnavailable = (emu: TestEmulator) =>
  emu.admin.updateRepoCreationCap('acme/api', { available: false });

async function installationToken(emu: TestEmulator): Promise<string> {
  const jwt = createAppJwt(keys.privateKeyPem, APP_ID);
  const response = await gitHubRequest(
    emu.url,
    'POST',
    `/app/installations/${INSTALLATION_ID}/access_tokens`,
    {
      token: jwt,
    },
  );
  return (response.body as { token: string }).token;
}

async function withEtag(emu: TestEmulator, path: string, token: string) {
  const first = await gitHubRequest(emu.url, 'GET', path, { token });
  const etag = first.headers.get('etag') ?? '';
  return {
    method: 'GET',
    path,
    ...(await gitHubRequest(emu.url, 'GET', path, { token, headers: { 'if-none-match': etag } })),
  };
}

const ORG = '/orgs/acme/interaction-limits';
const REPO = '/repos/acme/api/interaction-limits';
const USER = '/user/interaction-limits';
const BYPASS = '/repos/acme/api/interaction-limits/pulls/bypass-list';
const ORG_CAP = '/orgs/acme/interaction-limits/pulls/creation-cap';
const REPO_CAP = '/repos/acme/api/interaction-limits/pulls/creation-cap';
const COMMENTS = '/repos/acme/api/issues/1/comments';
const COMMENT = '/repos/acme/api/issues/comments';
const pullRequest = (emu: TestEmulator) => emu.admin.openPullRequest('acme/api');
/** Pull request #1 of acme/api with comment 1, written by octocat. */
const commented = async (emu: TestEmulator) => {
  await pullRequest(emu);
  await gitHubRequest(emu.url, 'POST', COMMENTS, {
    ...owner,
    body: { body: 'Plan: 1 to create.' },
  });
};
const many = Array.from({ length: 101 }, (_, i) => `user-${i}`);

const cases: Case[] = [
  // Org limits
  { name: 'org GET without a limit', status: 200, run: call('GET', ORG, owner) },
  { name: 'org GET with a limit', status: 200, run: call('GET', ORG, owner, orgLimit) },
  { name: 'org GET not modified', status: 304, run: (emu) => withEtag(emu, ORG, TOKENS.octocat) },
  { name: 'org GET anonymous', status: 401, run: call('GET', ORG) },
  { name: 'org GET bad token', status: 401, run: call('GET', ORG, { token: 'gho_wrong' }) },
  { name: 'org GET by a member', status: 403, run: call('GET', ORG, member) },
  {
    name: 'org GET unknown org',
    status: 404,
    run: call('GET', '/orgs/no-such-org/interaction-limits', owner),
  },
  {
    name: 'org GET unsupported API version',
    status: 400,
    run: call('GET', ORG, { ...owner, headers: { 'x-github-api-version': '2021-01-01' } }),
  },
  {
    name: 'org PUT',
    status: 200,
    run: call('PUT', ORG, { ...owner, body: { limit: 'collaborators_only', expiry: 'one_month' } }),
  },
  {
    name: 'org PUT bad limit',
    status: 422,
    run: call('PUT', ORG, { ...owner, body: { limit: 'everyone' } }),
  },
  { name: 'org PUT missing limit', status: 422, run: call('PUT', ORG, { ...owner, body: {} }) },
  {
    name: 'org PUT bad expiry',
    status: 422,
    run: call('PUT', ORG, { ...owner, body: { limit: 'existing_users', expiry: 'forever' } }),
  },
  { name: 'org PUT array body', status: 422, run: call('PUT', ORG, { ...owner, body: '[1]' }) },
  {
    name: 'org PUT broken JSON',
    status: 400,
    run: call('PUT', ORG, { ...owner, body: '{"limit":' }),
  },
  {
    name: 'org PUT by a member',
    status: 403,
    run: call('PUT', ORG, { ...member, body: { limit: 'existing_users' } }),
  },
  { name: 'org DELETE', status: 204, run: call('DELETE', ORG, owner, orgLimit) },
  // Repository limits
  { name: 'repo GET without a limit', status: 200, run: call('GET', REPO, owner) },
  { name: 'repo GET shadowed by the org', status: 200, run: call('GET', REPO, owner, orgLimit) },
  { name: 'repo GET by a reader', status: 403, run: call('GET', REPO, member) },
  {
    name: 'repo GET private repo by an outsider',
    status: 404,
    run: call('GET', '/repos/acme/internal/interaction-limits', { token: TOKENS.hubot }),
  },
  {
    name: 'repo PUT',
    status: 200,
    run: call('PUT', REPO, { ...owner, body: { limit: 'collaborators_only', expiry: 'one_day' } }),
  },
  {
    name: 'repo PUT under an org limit',
    status: 409,
    run: call('PUT', REPO, { ...owner, body: { limit: 'collaborators_only' } }, orgLimit),
  },
  {
    name: 'repo PUT bad limit',
    status: 422,
    run: call('PUT', REPO, { ...owner, body: { limit: 7 } }),
  },
  { name: 'repo DELETE', status: 204, run: call('DELETE', REPO, owner) },
  {
    name: 'repo GET private repo',
    status: 405,
    run: call('GET', '/repos/acme/internal/interaction-limits', owner),
  },
  {
    name: 'repo PUT private repo',
    status: 405,
    run: call('PUT', '/repos/acme/internal/interaction-limits', {
      ...owner,
      body: { limit: 'existing_users' },
    }),
  },
  {
    name: 'repo DELETE private repo',
    status: 405,
    run: call('DELETE', '/repos/acme/internal/interaction-limits', owner),
  },
  {
    name: 'repo DELETE under a user limit',
    status: 409,
    run: call('DELETE', '/repos/octocat/hello-world/interaction-limits', owner, userLimit),
  },
  // User limits
  { name: 'user GET without a limit', status: 204, run: call('GET', USER, owner) },
  { name: 'user GET with a limit', status: 200, run: call('GET', USER, owner, userLimit) },
  {
    name: 'user PUT',
    status: 200,
    run: call('PUT', USER, {
      ...owner,
      body: { limit: 'contributors_only', expiry: 'six_months' },
    }),
  },
  {
    name: 'user PUT bad expiry',
    status: 422,
    run: call('PUT', USER, { ...owner, body: { limit: 'contributors_only', expiry: 'two_days' } }),
  },
  { name: 'user DELETE', status: 204, run: call('DELETE', USER, owner, userLimit) },
  {
    name: 'user GET with an installation token',
    status: 403,
    run: async (emu) => ({
      method: 'GET',
      path: USER,
      ...(await gitHubRequest(emu.url, 'GET', USER, { token: await installationToken(emu) })),
    }),
  },
  // Bypass list
  { name: 'bypass GET empty', status: 200, run: call('GET', BYPASS, owner) },
  {
    name: 'bypass GET with users',
    status: 200,
    run: call('GET', BYPASS, owner, (emu) =>
      emu.admin.addBypassUsers('acme/api', ['monalisa', 'Spacewalker']),
    ),
  },
  { name: 'bypass GET by a reader', status: 403, run: call('GET', BYPASS, member) },
  {
    name: 'bypass GET unknown repo',
    status: 404,
    run: call('GET', '/repos/acme/nope/interaction-limits/pulls/bypass-list', owner),
  },
  {
    name: 'bypass PUT',
    status: 204,
    run: call('PUT', BYPASS, { ...owner, body: { users: ['octocat', 'monalisa'] } }),
  },
  {
    name: 'bypass PUT unknown login',
    status: 422,
    run: call('PUT', BYPASS, { ...owner, body: { users: ['ghost-user'] } }),
  },
  {
    name: 'bypass PUT 101 logins',
    status: 422,
    run: call('PUT', BYPASS, { ...owner, body: { users: many } }),
  },
  {
    name: 'bypass PUT without users',
    status: 422,
    run: call('PUT', BYPASS, { ...owner, body: {} }),
  },
  {
    name: 'bypass PUT by a reader',
    status: 403,
    run: call('PUT', BYPASS, { ...member, body: { users: ['jdoe'] } }),
  },
  {
    name: 'bypass PUT unknown repo',
    status: 404,
    run: call('PUT', '/repos/acme/nope/interaction-limits/pulls/bypass-list', {
      ...owner,
      body: { users: ['jdoe'] },
    }),
  },
  {
    name: 'bypass DELETE',
    status: 204,
    run: call('DELETE', BYPASS, { ...owner, body: { users: ['octocat'] } }),
  },
  {
    name: 'bypass DELETE bad users',
    status: 422,
    run: call('DELETE', BYPASS, { ...owner, body: { users: 'octocat' } }),
  },
  {
    name: 'bypass DELETE by a reader',
    status: 403,
    run: call('DELETE', BYPASS, { ...member, body: { users: ['jdoe'] } }),
  },
  {
    name: 'bypass DELETE unknown repo',
    status: 404,
    run: call('DELETE', '/repos/nobody/nope/interaction-limits/pulls/bypass-list', {
      ...owner,
      body: { users: ['jdoe'] },
    }),
  },
  // Creation cap, org
  { name: 'org cap GET', status: 200, run: call('GET', ORG_CAP, owner) },
  { name: 'org cap GET by a member', status: 403, run: call('GET', ORG_CAP, member) },
  {
    name: 'org cap GET unknown org',
    status: 404,
    run: call('GET', '/orgs/nope/interaction-limits/pulls/creation-cap', owner),
  },
  {
    name: 'org cap GET not available',
    status: 405,
    run: call('GET', ORG_CAP, owner, capUnavailable),
  },
  {
    name: 'org cap PATCH',
    status: 200,
    run: call('PATCH', ORG_CAP, { ...owner, body: { enabled: true, max_open_pull_requests: 3 } }),
  },
  {
    name: 'org cap PATCH out of range',
    status: 422,
    run: call('PATCH', ORG_CAP, {
      ...owner,
      body: { enabled: true, max_open_pull_requests: 1001 },
    }),
  },
  {
    name: 'org cap PATCH by a member',
    status: 403,
    run: call('PATCH', ORG_CAP, { ...member, body: { enabled: true } }),
  },
  {
    name: 'org cap PATCH unknown org',
    status: 404,
    run: call('PATCH', '/orgs/nope/interaction-limits/pulls/creation-cap', {
      ...owner,
      body: { enabled: true },
    }),
  },
  {
    name: 'org cap PATCH not available',
    status: 405,
    run: call('PATCH', ORG_CAP, { ...owner, body: { enabled: true } }, capUnavailable),
  },
  // Creation cap, repository
  { name: 'repo cap GET', status: 200, run: call('GET', REPO_CAP, owner) },
  { name: 'repo cap GET by a reader', status: 403, run: call('GET', REPO_CAP, member) },
  {
    name: 'repo cap GET unknown repo',
    status: 404,
    run: call('GET', '/repos/acme/nope/interaction-limits/pulls/creation-cap', owner),
  },
  {
    name: 'repo cap GET not available',
    status: 405,
    run: call('GET', REPO_CAP, owner, repoCapUnavailable),
  },
  {
    name: 'repo cap PATCH',
    status: 200,
    run: call('PATCH', REPO_CAP, { ...owner, body: { enabled: false } }),
  },
  {
    name: 'repo cap PATCH without enabled',
    status: 422,
    run: call('PATCH', REPO_CAP, { ...owner, body: { max_open_pull_requests: 2 } }),
  },
  {
    name: 'repo cap PATCH by a reader',
    status: 403,
    run: call('PATCH', REPO_CAP, { ...member, body: { enabled: true } }),
  },
  {
    name: 'repo cap PATCH unknown repo',
    status: 404,
    run: call('PATCH', '/repos/acme/nope/interaction-limits/pulls/creation-cap', {
      ...owner,
      body: { enabled: true },
    }),
  },
  {
    name: 'repo cap PATCH not available',
    status: 405,
    run: call('PATCH', REPO_CAP, { ...owner, body: { enabled: true } }, repoCapUnavailable),
  },
  // Accounts and repositories
  { name: 'GET /user', status: 200, run: call('GET', '/user', owner) },
  {
    name: 'GET /user not modified',
    status: 304,
    run: (emu) => withEtag(emu, '/user', TOKENS.octocat),
  },
  { name: 'GET /user anonymous', status: 401, run: call('GET', '/user') },
  {
    name: 'GET /user with an installation token',
    status: 403,
    run: async (emu) => ({
      method: 'GET',
      path: '/user',
      ...(await gitHubRequest(emu.url, 'GET', '/user', { token: await installationToken(emu) })),
    }),
  },
  { name: 'GET /users/{username}', status: 200, run: call('GET', '/users/SPACEWALKER') },
  { name: 'GET /users/{username} for an org', status: 200, run: call('GET', '/users/acme', owner) },
  { name: 'GET /users/{username} unknown', status: 404, run: call('GET', '/users/nobody-here') },
  { name: 'GET /orgs/{org}', status: 200, run: call('GET', '/orgs/ACME', owner) },
  { name: 'GET /orgs/{org} anonymous', status: 200, run: call('GET', '/orgs/acme') },
  { name: 'GET /orgs/{org} unknown', status: 404, run: call('GET', '/orgs/nope', owner) },
  {
    name: 'GET /orgs/{org}/repos page 1',
    status: 200,
    run: call('GET', '/orgs/acme/repos?per_page=2', owner),
  },
  {
    name: 'GET /orgs/{org}/repos anonymous',
    status: 200,
    run: call('GET', '/orgs/acme/repos?type=public'),
  },
  {
    name: 'GET /orgs/{org}/repos unknown',
    status: 404,
    run: call('GET', '/orgs/nope/repos', owner),
  },
  {
    name: 'GET /users/{username}/repos',
    status: 200,
    run: call('GET', '/users/octocat/repos?type=all', owner),
  },
  {
    name: 'GET /repos/{owner}/{repo}',
    status: 200,
    run: call('GET', '/repos/acme/internal', owner),
  },
  {
    name: 'GET /repos/{owner}/{repo} user repo',
    status: 200,
    run: call('GET', '/repos/octocat/hello-world'),
  },
  {
    name: 'GET /repos/{owner}/{repo} unknown',
    status: 404,
    run: call('GET', '/repos/acme/nope', owner),
  },
  {
    name: 'GET /repos/{owner}/{repo} rate limited',
    status: 403,
    run: call('GET', '/repos/acme/api', owner, (emu) => emu.admin.setRateLimit({ remaining: 0 })),
  },
  // GitHub App
  {
    name: 'POST access_tokens',
    status: 201,
    run: async (emu) => {
      const path = `/app/installations/${INSTALLATION_ID}/access_tokens`;
      return {
        method: 'POST',
        path,
        ...(await gitHubRequest(emu.url, 'POST', path, {
          token: createAppJwt(keys.privateKeyPem, APP_ID),
        })),
      };
    },
  },
  {
    name: 'POST access_tokens with a user token',
    status: 401,
    run: call('POST', `/app/installations/${INSTALLATION_ID}/access_tokens`, owner),
  },
  {
    name: 'POST access_tokens unknown installation',
    status: 404,
    run: async (emu) => {
      const path = '/app/installations/999/access_tokens';
      return {
        method: 'POST',
        path,
        ...(await gitHubRequest(emu.url, 'POST', path, {
          token: createAppJwt(keys.privateKeyPem, APP_ID),
        })),
      };
    },
  },
  {
    name: 'GET installation',
    status: 200,
    run: async (emu) => {
      const path = `/app/installations/${INSTALLATION_ID}`;
      return {
        method: 'GET',
        path,
        ...(await gitHubRequest(emu.url, 'GET', path, {
          token: createAppJwt(keys.privateKeyPem, APP_ID),
        })),
      };
    },
  },
  {
    name: 'GET installation unknown',
    status: 404,
    run: async (emu) => {
      const path = '/app/installations/999';
      return {
        method: 'GET',
        path,
        ...(await gitHubRequest(emu.url, 'GET', path, {
          token: createAppJwt(keys.privateKeyPem, APP_ID),
        })),
      };
    },
  },
  // Issue comments (the GitHub Action's plan comment on a pull request)
  { name: 'comments GET list', status: 200, run: call('GET', COMMENTS, owner, commented) },
  { name: 'comments GET list anonymous', status: 200, run: call('GET', COMMENTS, {}, commented) },
  {
    name: 'comments GET list of an unknown pull request',
    status: 404,
    run: call('GET', '/repos/acme/api/issues/99/comments', owner, pullRequest),
  },
  {
    name: 'comments POST',
    status: 201,
    run: call('POST', COMMENTS, { ...member, body: { body: 'Plan: 1 to create.' } }, pullRequest),
  },
  {
    name: 'comments POST without body',
    status: 422,
    run: call('POST', COMMENTS, { ...owner, body: {} }, pullRequest),
  },
  {
    name: 'comments POST by an app installed elsewhere',
    status: 403,
    run: async (emu) => {
      const number = await emu.admin.openPullRequest('octocat/hello-world');
      const path = `/repos/octocat/hello-world/issues/${number}/comments`;
      const token = await installationToken(emu);
      return {
        method: 'POST',
        path,
        ...(await gitHubRequest(emu.url, 'POST', path, { token, body: { body: 'x' } })),
      };
    },
  },
  {
    name: 'comments POST on a private repository the caller cannot see',
    status: 404,
    run: call(
      'POST',
      '/repos/acme/internal/issues/1/comments',
      { token: TOKENS.hubot, body: { body: 'x' } },
      (emu) => emu.admin.openPullRequest('acme/internal'),
    ),
  },
  { name: 'comment GET', status: 200, run: call('GET', `${COMMENT}/1`, owner, commented) },
  {
    name: 'comment GET unknown',
    status: 404,
    run: call('GET', `${COMMENT}/999`, owner, commented),
  },
  {
    name: 'comment PATCH by its author',
    status: 200,
    run: call(
      'PATCH',
      `${COMMENT}/1`,
      { ...owner, body: { body: 'Plan: no changes.' } },
      commented,
    ),
  },
  {
    name: 'comment PATCH blank body',
    status: 422,
    run: call('PATCH', `${COMMENT}/1`, { ...owner, body: { body: ' ' } }, commented),
  },
  {
    name: "comment PATCH of someone else's comment without write access",
    status: 403,
    run: call('PATCH', `${COMMENT}/1`, { ...member, body: { body: 'mine now' } }, commented),
  },
  // Faults answer in GitHub's error shape too
  {
    name: 'secondary rate limit fault',
    status: 403,
    run: call('PUT', REPO, { ...owner, body: { limit: 'existing_users' } }, (emu) =>
      emu.admin.addFault({ kind: 'secondary_rate_limit', path: REPO }),
    ),
  },
  // The modeled secondary limits answer in GitHub's error shape, 403 or 429
  {
    name: 'secondary rate limit (REST points), 403',
    status: 403,
    run: call('PUT', REPO, { ...owner, body: { limit: 'existing_users' } }, (emu) =>
      emu.admin.setProfile({ secondaryLimits: { restPointsPerMinute: 4 } }),
    ),
  },
  {
    name: 'secondary rate limit (REST points), 429',
    status: 429,
    run: call('GET', '/user', owner, async (emu) => {
      await emu.admin.setProfile({ secondaryLimits: { restPointsPerMinute: 1, status: 429 } });
      await gitHubRequest(emu.url, 'GET', '/user', owner);
    }),
  },
  {
    name: '502 fault',
    status: 502,
    run: call('GET', REPO, owner, (emu) => emu.admin.addFault({ kind: 'status', status: 502 })),
  },
  { name: 'unknown route', status: 404, run: call('GET', '/nothing/here', owner) },
  { name: 'GHES layout', status: 200, run: call('GET', `/api/v3${REPO}`, owner) },
];

/**
 * Documented statuses the emulator never produces, and why. Everything else the spec lists for
 * the served operations must appear in `cases` (checked below).
 */
const NOT_EMULATED: Record<string, string> = {
  'GET /repos/{owner}/{repo} 301': 'repository renames and transfers are not modeled',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments 410':
    'issues cannot be turned off in a repository',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments 410':
    'issues cannot be turned off in a repository',
  'POST /app/installations/{installation_id}/access_tokens 403':
    'tokens cannot be narrowed, so no request is refused',
  'POST /app/installations/{installation_id}/access_tokens 422':
    'tokens cannot be narrowed, so no request is invalid',
};

describe('contract: every emulated operation against the OpenAPI description', () => {
  const emu = useTestEmulator({ seed });
  const seen = new Set<string>();

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const response = await testCase.run(emu);
    expect(response.status).toBe(testCase.status);
    expect(
      validateResponse(response.method, response.path, response.status, response.body),
    ).toEqual([]);
    const operation = findOperation(response.method, response.path);
    if (operation) seen.add(`${operation.method} ${operation.pathTemplate} ${response.status}`);
  });

  it('covers every documented status of every emulated operation', () => {
    const missing: string[] = [];
    for (const route of GITHUB_ROUTES) {
      for (const status of documentedStatuses(route.method, route.template)) {
        const key = `${route.method} ${route.template} ${status}`;
        if (!seen.has(key) && !NOT_EMULATED[key]) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });

  it('saw no contract violation in any exchange', () => {
    expect(emu.violations).toEqual([]);
  });
});
