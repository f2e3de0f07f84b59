import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientSettings } from '../../src/github';
import {
  BadCredentialsError,
  ForbiddenError,
  GitHubConnectionError,
  NotAvailableError,
  RateLimitedError,
  SettingsError,
  ShadowedLimitError,
  ValidationError,
  addToPrBypassList,
  createClient,
  getOrgInteractionLimit,
  getRepoInteractionLimit,
  getRepoPrCreationCap,
  getUserInteractionLimit,
  packageVersion,
  removeRepoInteractionLimit,
  setRepoInteractionLimit,
  updateOrgPrCreationCap,
} from '../../src/github';
import { FakeGitHub, clientForFake } from '../support/fake-github';

const TOKEN = 'ghp_secretTokenValue1234567890';
const LIMIT = {
  limit: 'collaborators_only',
  origin: 'repository',
  expires_at: '2026-12-01T00:00:00Z',
};
const REPO_LIMITS = '/repos/acme/api/interaction-limits';

function clientFor(fake: FakeGitHub, settings: Partial<ClientSettings> = {}) {
  return clientForFake(fake, { token: TOKEN, ...settings });
}

describe('createClient: what every request carries', () => {
  test('sends the token, the pinned API version and a gh-interactions user agent', async () => {
    const fake = new FakeGitHub().on('GET', REPO_LIMITS, { status: 200, body: LIMIT });
    await getRepoInteractionLimit(clientFor(fake), 'acme', 'api');
    const [request] = fake.requests;
    expect(request.headers.authorization).toBe(`token ${TOKEN}`);
    expect(request.headers['x-github-api-version']).toBe('2022-11-28');
    expect(request.headers['user-agent']).toMatch(
      new RegExp(`^gh-interactions/${packageVersion()}`),
    );
  });

  test('the API version is configurable, and an unknown one is refused up front', async () => {
    const fake = new FakeGitHub().on('GET', REPO_LIMITS, { status: 200, body: {} });
    await getRepoInteractionLimit(clientFor(fake, { apiVersion: '2026-03-10' }), 'acme', 'api');
    expect(fake.requests[0].headers['x-github-api-version']).toBe('2026-03-10');
    expect(() => clientFor(fake, { apiVersion: '2020-01-01' })).toThrow(
      /apiVersion: "2020-01-01" is not supported; expected one of 2022-11-28, 2026-03-10/,
    );
  });

  test('GHES: requests go under /api/v3 whether or not the URL had it', async () => {
    for (const baseUrl of ['https://ghes.example.com', 'https://ghes.example.com/api/v3/']) {
      const fake = new FakeGitHub().on('GET', '/api/v3' + REPO_LIMITS, { status: 200, body: {} });
      await getRepoInteractionLimit(clientFor(fake, { baseUrl }), 'acme', 'api');
      expect(fake.requests[0].url).toBe(`https://ghes.example.com/api/v3${REPO_LIMITS}`);
    }
  });
});

describe('"no limit" is one value', () => {
  test('200 {} from an org or repository and 204 from /user all read as null', async () => {
    const fake = new FakeGitHub()
      .on('GET', '/orgs/acme/interaction-limits', { status: 200, body: {} })
      .on('GET', REPO_LIMITS, { status: 200, body: {} })
      .on('GET', '/user/interaction-limits', { status: 204 });
    const client = clientFor(fake);
    expect(await getOrgInteractionLimit(client, 'acme')).toBeNull();
    expect(await getRepoInteractionLimit(client, 'acme', 'api')).toBeNull();
    expect(await getUserInteractionLimit(client)).toBeNull();
  });

  test('a limit reads as {limit, origin, expiresAt}', async () => {
    const fake = new FakeGitHub().on('GET', REPO_LIMITS, { status: 200, body: LIMIT });
    expect(await getRepoInteractionLimit(clientFor(fake), 'acme', 'api')).toEqual({
      limit: 'collaborators_only',
      origin: 'repository',
      expiresAt: '2026-12-01T00:00:00Z',
    });
  });
});

describe('typed errors', () => {
  const conflict = {
    status: 409,
    body: {
      message: 'Interaction limits are set at the organization level',
      documentation_url: 'x',
    },
    headers: { 'x-github-request-id': 'ABCD:1234' },
  };

  test('409 is final: never retried, reported as a shadowed limit naming the scope', async () => {
    const fake = new FakeGitHub().on('PUT', REPO_LIMITS, conflict);
    const error = await setRepoInteractionLimit(clientFor(fake), 'acme', 'api', {
      limit: 'existing_users',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShadowedLimitError);
    expect(error).toMatchObject({
      status: 409,
      method: 'PUT',
      path: REPO_LIMITS,
      scope: 'repo/acme/api',
      requestId: 'ABCD:1234',
      githubMessage: 'Interaction limits are set at the organization level',
    });
    expect((error as Error).message).toContain('repo/acme/api');
    expect(fake.count('PUT', REPO_LIMITS)).toBe(1);
  });

  test('405 is final and names the feature that is not available', async () => {
    const path = '/repos/acme/api/interaction-limits/pulls/creation-cap';
    const fake = new FakeGitHub().on('GET', path, {
      status: 405,
      body: { message: 'Not allowed' },
    });
    const error = await getRepoPrCreationCap(clientFor(fake), 'acme', 'api').catch((e) => e);
    expect(error).toBeInstanceOf(NotAvailableError);
    expect(error.message).toContain('pull-request creation cap of acme/api');
    expect(fake.count('GET', path)).toBe(1);
  });

  test("422 keeps GitHub's errors list", async () => {
    const fake = new FakeGitHub().on('PATCH', '/orgs/acme/interaction-limits/pulls/creation-cap', {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'CreationCap', field: 'max_open_pull_requests', code: 'invalid' }],
      },
    });
    const error = await updateOrgPrCreationCap(clientFor(fake), 'acme', {
      enabled: true,
      maxOpenPullRequests: 5,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.errors).toEqual([
      { resource: 'CreationCap', field: 'max_open_pull_requests', code: 'invalid' },
    ]);
    expect(error.message).toContain('max_open_pull_requests: invalid');
  });

  test('403 names the permission needed; 401 says to check the credentials', async () => {
    const fake = new FakeGitHub()
      .on('DELETE', REPO_LIMITS, { status: 403, body: { message: 'Must have admin rights' } })
      .on('GET', REPO_LIMITS, { status: 401, body: { message: 'Bad credentials' } });
    const client = clientFor(fake);
    const forbidden = await removeRepoInteractionLimit(client, 'acme', 'api').catch((e) => e);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(forbidden.message).toMatch(/"Administration" repository permission, write/);
    const unauthorized = await getRepoInteractionLimit(client, 'acme', 'api').catch((e) => e);
    expect(unauthorized).toBeInstanceOf(BadCredentialsError);
    expect(unauthorized.message).toContain('GITHUB_TOKEN');
  });

  test('no error, message or serialized error ever carries the token', async () => {
    const fake = new FakeGitHub()
      .on('PUT', REPO_LIMITS, conflict)
      .on('GET', REPO_LIMITS, { status: 401, body: { message: 'Bad credentials' } });
    const client = clientFor(fake);
    const errors = [
      await setRepoInteractionLimit(client, 'acme', 'api', { limit: 'existing_users' }).catch(
        (e) => e,
      ),
      await getRepoInteractionLimit(client, 'acme', 'api').catch((e) => e),
    ];
    for (const error of errors) {
      const everything = `${error.message}\n${error.stack}\n${JSON.stringify(error)}\n${JSON.stringify(
        Object.entries(error),
      )}`;
      expect(everything).not.toContain(TOKEN);
    }
  });
});

describe('retries', () => {
  test('a 502 is retried and the run goes on', async () => {
    const fake = new FakeGitHub().on(
      'GET',
      REPO_LIMITS,
      { status: 502, body: { message: 'Server Error' } },
      { status: 200, body: LIMIT },
    );
    expect(await getRepoInteractionLimit(clientFor(fake), 'acme', 'api')).not.toBeNull();
    expect(fake.count('GET', REPO_LIMITS)).toBe(2);
  });

  test('a connection that never answers ends in a connection error naming the base URL', async () => {
    const fake = new FakeGitHub().on('GET', REPO_LIMITS, new TypeError('fetch failed'));
    const error = await getRepoInteractionLimit(
      clientFor(fake, { retries: 1 }),
      'acme',
      'api',
    ).catch((e) => e);
    expect(error).toBeInstanceOf(GitHubConnectionError);
    expect(error.message).toMatch(
      /Cannot reach GitHub at https:\/\/api\.github\.com \(GET \/repos\/acme\/api\/interaction-limits\)/,
    );
    expect(fake.count('GET', REPO_LIMITS)).toBe(2);
  });
});

describe('rate limits', () => {
  const secondary = (retryAfter: string) => ({
    status: 403,
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' },
    headers: { 'retry-after': retryAfter },
  });

  test('honours retry-after on a secondary limit, then succeeds', async () => {
    const fake = new FakeGitHub().on('GET', REPO_LIMITS, secondary('3'), {
      status: 200,
      body: LIMIT,
    });
    const client = clientFor(fake, { maxRateLimitWaitSeconds: 10 });
    expect(await getRepoInteractionLimit(client, 'acme', 'api')).not.toBeNull();
    expect(client.rateLimitWait.waitedSeconds).toBe(3);
  });

  test('stops at the wait cap with an error saying when the limit resets', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const fake = new FakeGitHub().on('GET', REPO_LIMITS, {
      status: 403,
      body: { message: 'API rate limit exceeded for user ID 1.' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    });
    const client = clientFor(fake, { maxRateLimitWaitSeconds: 60 });
    const error = await getRepoInteractionLimit(client, 'acme', 'api').catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.kind).toBe('primary');
    expect(error.resetAt.toISOString()).toBe(new Date(reset * 1000).toISOString());
    expect(error.message).toContain(`resets at ${new Date(reset * 1000).toISOString()}`);
    expect(error.message).toContain('60s');
    expect(fake.count('GET', REPO_LIMITS)).toBe(1);
  });

  test('the cap is total across requests, not per request', async () => {
    const fake = new FakeGitHub()
      .on('GET', REPO_LIMITS, secondary('4'), { status: 200, body: LIMIT })
      .on('GET', '/orgs/acme/interaction-limits', secondary('4'));
    const client = clientFor(fake, { maxRateLimitWaitSeconds: 6 });
    await getRepoInteractionLimit(client, 'acme', 'api');
    const error = await getOrgInteractionLimit(client, 'acme').catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.kind).toBe('secondary');
  });
});

describe('writes', () => {
  test('are serialized, even when started together', async () => {
    const fake = new FakeGitHub().on('PUT', /interaction-limits$/, { status: 200, body: LIMIT });
    fake.delayMs = 20;
    const client = clientFor(fake);
    await Promise.all(
      ['a', 'b', 'c'].map((repo) =>
        setRepoInteractionLimit(client, 'acme', repo, { limit: 'existing_users' }),
      ),
    );
    expect(fake.requests).toHaveLength(3);
    expect(fake.maxInFlight).toBe(1);
  });

  test('a bypass-list write is one request of at most 100 logins; more is refused before sending', async () => {
    const path = '/repos/acme/api/interaction-limits/pulls/bypass-list';
    const fake = new FakeGitHub().on('PUT', path, { status: 204 });
    const logins = Array.from({ length: 100 }, (_, i) => `user-${i}`);
    await addToPrBypassList(clientFor(fake), 'acme', 'api', logins);
    expect(fake.requests.map((r) => (r.body as { users: string[] }).users)).toEqual([logins]);
    await expect(
      addToPrBypassList(clientFor(fake), 'acme', 'api', [...logins, 'one-more']),
    ).rejects.toThrow(/\[users\] 101 logins given; expected 1 to 100 per request/);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('conditional requests', () => {
  test('an unchanged read is revalidated with If-None-Match and served from the cache on 304', async () => {
    const fake = new FakeGitHub().on(
      'GET',
      REPO_LIMITS,
      { status: 200, body: LIMIT, headers: { etag: 'W/"v1"' } },
      { status: 304, headers: { etag: 'W/"v1"' } },
    );
    const client = clientFor(fake);
    const first = await getRepoInteractionLimit(client, 'acme', 'api');
    const second = await getRepoInteractionLimit(client, 'acme', 'api');
    expect(second).toEqual(first);
    expect(fake.requests[0].headers['if-none-match']).toBeUndefined();
    expect(fake.requests[1].headers['if-none-match']).toBe('W/"v1"');
    expect(client.etags.hits).toBe(1);
  });

  test('a cache directory carries ETags to the next run, and holds no token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghi-etags-'));
    const first = new FakeGitHub().on('GET', REPO_LIMITS, {
      status: 200,
      body: LIMIT,
      headers: { etag: '"abc"' },
    });
    await getRepoInteractionLimit(clientFor(first, { etagCacheDir: dir }), 'acme', 'api');
    const second = new FakeGitHub().on('GET', REPO_LIMITS, { status: 304 });
    const nextRun = clientFor(second, { etagCacheDir: dir });
    expect(await getRepoInteractionLimit(nextRun, 'acme', 'api')).toMatchObject({
      limit: 'collaborators_only',
    });
    expect(second.requests[0].headers['if-none-match']).toBe('"abc"');
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file), 'utf8')).not.toContain(TOKEN);
    }
  });

  test("a different token does not reuse another token's cached answers", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghi-etags-'));
    const first = new FakeGitHub().on('GET', REPO_LIMITS, {
      status: 200,
      body: LIMIT,
      headers: { etag: '"abc"' },
    });
    await getRepoInteractionLimit(clientFor(first, { etagCacheDir: dir }), 'acme', 'api');
    const second = new FakeGitHub().on('GET', REPO_LIMITS, { status: 200, body: {} });
    await getRepoInteractionLimit(
      clientFor(second, { etagCacheDir: dir, token: 'other' }),
      'acme',
      'api',
    );
    expect(second.requests[0].headers['if-none-match']).toBeUndefined();
  });
});

describe('server clock', () => {
  test('now() follows the Date header of the last response', async () => {
    const serverDate = new Date('2031-05-05T12:00:00Z');
    const fake = new FakeGitHub().on('GET', REPO_LIMITS, {
      status: 200,
      body: {},
      headers: { date: serverDate.toUTCString() },
    });
    const client = clientFor(fake);
    await getRepoInteractionLimit(client, 'acme', 'api');
    expect(Math.abs(client.now().getTime() - serverDate.getTime())).toBeLessThan(5000);
  });
});

describe('GitHub App installation auth', () => {
  test('exchanges a JWT for an installation token and uses it', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const fake = new FakeGitHub()
      .on('POST', '/app/installations/42/access_tokens', {
        status: 201,
        body: {
          token: 'ghs_installationToken',
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
          permissions: { administration: 'write' },
          repository_selection: 'all',
        },
      })
      .on('GET', REPO_LIMITS, { status: 200, body: {} });
    const client = clientFor(fake, {
      token: undefined,
      app: { appId: '7', installationId: '42', privateKey: pem },
    });
    await getRepoInteractionLimit(client, 'acme', 'api');
    const [tokenRequest, apiRequest] = fake.requests;
    expect(tokenRequest.headers.authorization).toMatch(/^bearer ey/i);
    expect(apiRequest.headers.authorization).toBe('token ghs_installationToken');
  });

  test('a private key that is not PEM is refused before any request', () => {
    expect(() =>
      createClient({ app: { appId: '7', installationId: '42', privateKey: 'not a key' } }),
    ).toThrow(SettingsError);
  });
});
