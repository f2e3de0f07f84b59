import { generateKeyPairSync } from 'node:crypto';
import type { ClientSettings, ClientTimers } from '../../src/github';
import {
  GitHubConnectionError,
  GitHubUnavailableError,
  NotFoundError,
  RateLimitedError,
  backoffMs,
  getOrgInteractionLimit,
  getRepoInteractionLimit,
  setRepoInteractionLimit,
} from '../../src/github';
import { FakeGitHub, clientForFake } from '../support/fake-github';

/**
 * The request hook (src/github/transport.ts) against a scripted fetch, on a virtual clock: every
 * wait is recorded and passes at once, so the tests count waits instead of sleeping.
 */
function virtualTimers(random = 0.5) {
  let now = Date.parse('2026-06-01T12:00:00Z');
  const sleeps: number[] = [];
  const timers: ClientTimers = {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
    random: () => random,
  };
  return { timers, sleeps };
}

const LIMIT = {
  limit: 'collaborators_only',
  origin: 'repository',
  expires_at: '2026-12-01T00:00:00Z',
};
const repoPath = (name: string) => `/repos/acme/${name}/interaction-limits`;
const serverError = { status: 502, body: { message: 'Server Error' } };
const refused = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
  });
const reset = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  });

function client(fake: FakeGitHub, settings: Partial<ClientSettings> = {}) {
  const clock = virtualTimers();
  const gh = clientForFake(fake, {
    pacing: 'off',
    retryBaseMs: 1000,
    timers: clock.timers,
    ...settings,
  });
  return { gh, sleeps: clock.sleeps };
}

describe('back-off: each request counts its own retries (issue 12.3)', () => {
  test('three unrelated reads failing once each wait only their own first back-off', async () => {
    const fake = new FakeGitHub();
    for (const name of ['a', 'b', 'c']) {
      fake.on('GET', repoPath(name), serverError, { status: 200, body: LIMIT });
    }
    const { gh, sleeps } = client(fake);
    for (const name of ['a', 'b', 'c']) await getRepoInteractionLimit(gh, 'acme', name);
    // Full jitter: a random time below 250 ms × 2^0; with random() = 0.5 that is 125 ms, each
    // time. (plugin-retry shared one count: 1 s, 4 s, 4 s.)
    expect(sleeps).toEqual([125, 125, 125]);
    expect(fake.requests).toHaveLength(6);
  });

  test('one request failing again and again backs off exponentially, with jitter, up to its retries', async () => {
    const fake = new FakeGitHub().on('GET', repoPath('a'), serverError);
    const { gh, sleeps } = client(fake, { retries: 3 });
    const error = await getRepoInteractionLimit(gh, 'acme', 'a').catch((e) => e);
    expect(error.status).toBe(502);
    expect(sleeps).toEqual([125, 250, 500]);
    expect(fake.count('GET', repoPath('a'))).toBe(4);
  });

  test('backoffMs: full jitter in [0, base × 2^retry / 4), capped at 32 × base', () => {
    expect(backoffMs(0, 1000, () => 0)).toBe(0);
    expect(backoffMs(2, 1000, () => 0.999)).toBe(999);
    expect(backoffMs(10, 1000, () => 0.5)).toBe(16_000);
  });
});

describe('what is never retried', () => {
  test.each([400, 404, 405, 409, 422])('a %i is final: one request', async (status) => {
    const fake = new FakeGitHub().on('PUT', repoPath('a'), {
      status,
      body: { message: `answer ${status}` },
    });
    const { gh, sleeps } = client(fake);
    await expect(
      setRepoInteractionLimit(gh, 'acme', 'a', { limit: 'existing_users' }),
    ).rejects.toMatchObject({ status });
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  test('a refused connection is final: one attempt, an error naming the base URL and the cause', async () => {
    const fake = new FakeGitHub().on('GET', repoPath('a'), refused());
    const { gh, sleeps } = client(fake);
    const error = await getRepoInteractionLimit(gh, 'acme', 'a').catch((e) => e);
    expect(error).toBeInstanceOf(GitHubConnectionError);
    expect(error.message).toContain('Cannot reach GitHub at https://api.github.com');
    expect(error.message).toContain('ECONNREFUSED');
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  test('a read whose connection dropped is retried; a write is not (it may have been applied)', async () => {
    const fake = new FakeGitHub()
      .on('GET', repoPath('a'), reset(), { status: 200, body: LIMIT })
      .on('PUT', repoPath('a'), reset());
    const { gh } = client(fake);
    expect(await getRepoInteractionLimit(gh, 'acme', 'a')).not.toBeNull();
    expect(fake.count('GET', repoPath('a'))).toBe(2);
    const error = await setRepoInteractionLimit(gh, 'acme', 'a', {
      limit: 'existing_users',
    }).catch((e) => e);
    expect(error.name).toBe('WriteOutcomeUnknownError');
    expect(error.message).toMatch(
      /gave no answer to PUT \/repos\/acme\/a\/interaction-limits .*ECONNRESET.*may or may not have been applied, so it was not retried/,
    );
    expect(fake.count('PUT', repoPath('a'))).toBe(1);
  });
});

describe('circuit breaker (issue 12.4)', () => {
  test('after N failures in a row, queued and later requests fail at once with one error', async () => {
    const fake = new FakeGitHub().on('GET', /interaction-limits$/, {
      status: 503,
      body: { message: 'Service Unavailable' },
    });
    const { gh } = client(fake, { circuitBreakerThreshold: 3, retries: 3 });
    const names = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const errors: unknown[] = [];
    for (const name of names) {
      errors.push(await getRepoInteractionLimit(gh, 'acme', name).catch((e) => e));
    }
    // The first request's attempts open it (3 in a row); the 19 others are never sent.
    expect(fake.requests).toHaveLength(3);
    const unavailable = errors.filter((e) => e instanceof GitHubUnavailableError);
    expect(unavailable).toHaveLength(20);
    expect(new Set(unavailable)).toEqual(new Set([unavailable[0]])); // one error, said once
    expect((unavailable[0] as Error).message).toMatch(
      /^Stopped sending requests to GitHub at https:\/\/api\.github\.com: 3 requests in a row failed, the last with: GET \/repos\/acme\/r0\/interaction-limits: 503 Service Unavailable\./,
    );
    expect(gh.stats().notSent).toBe(19);
  });

  test('an answer below 500 closes the count: scattered failures never open it', async () => {
    const fake = new FakeGitHub();
    const { gh } = client(fake, { circuitBreakerThreshold: 2 });
    for (const name of ['a', 'b', 'c']) {
      fake.on('GET', repoPath(name), serverError, { status: 200, body: LIMIT });
    }
    for (const name of ['a', 'b', 'c']) await getRepoInteractionLimit(gh, 'acme', name);
    expect(fake.requests).toHaveLength(6);
  });
});

describe('rate-limit budget (issue 11.4)', () => {
  const resetSeconds = Math.floor(Date.parse('2026-06-01T13:00:00Z') / 1000);
  const headers = (remaining: number) => ({
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(5000 - remaining),
    'x-ratelimit-reset': String(resetSeconds),
    'x-ratelimit-resource': 'core',
    date: new Date('2026-06-01T12:00:00Z').toUTCString(),
  });

  test('rateLimit(resource) follows the answers, per resource', async () => {
    const fake = new FakeGitHub()
      .on('GET', repoPath('a'), { status: 200, body: LIMIT, headers: headers(41) })
      .on('GET', repoPath('b'), { status: 200, body: LIMIT, headers: headers(40) });
    const { gh } = client(fake);
    expect(gh.rateLimit('core')).toBeUndefined();
    await getRepoInteractionLimit(gh, 'acme', 'a');
    await getRepoInteractionLimit(gh, 'acme', 'b');
    expect(gh.rateLimit('core')).toEqual({
      resource: 'core',
      limit: 5000,
      remaining: 40,
      used: 4960,
      reset: new Date(resetSeconds * 1000),
    });
    expect(gh.rateLimit('graphql')).toBeUndefined();
  });

  test('once GitHub says it is used up, later requests fail locally, naming the reset', async () => {
    const fake = new FakeGitHub().on('GET', /interaction-limits$/, {
      status: 200,
      body: LIMIT,
      headers: headers(0),
    });
    const { gh } = client(fake, { maxRateLimitWaitSeconds: 60 });
    await getRepoInteractionLimit(gh, 'acme', 'a');
    const error = await getOrgInteractionLimit(gh, 'acme').catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.sent).toBe(false);
    expect(error.message).toContain('It resets at 2026-06-01T13:00:00.000Z (in 60 minutes)');
    expect(error.message).toContain('This request was not sent');
    expect(fake.requests).toHaveLength(1);
    expect(gh.stats().notSent).toBe(1);
  });

  test('within the wait cap, a request waits for the reset instead', async () => {
    const fake = new FakeGitHub()
      .on('GET', repoPath('a'), { status: 200, body: LIMIT, headers: headers(0) })
      .on('GET', repoPath('b'), { status: 200, body: LIMIT });
    const { gh, sleeps } = client(fake, { maxRateLimitWaitSeconds: 3700 });
    await getRepoInteractionLimit(gh, 'acme', 'a');
    await getRepoInteractionLimit(gh, 'acme', 'b');
    // An hour to the reset, and a second for the Date header's rounding.
    expect(sleeps).toEqual([3601_000]);
    expect(fake.requests).toHaveLength(2);
  });
});

describe('GitHub App auth: token requests do not nest retries (issue 12.4)', () => {
  test('a failing token request is retried on its own, and the request that needed it is not', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const fake = new FakeGitHub().on('POST', '/app/installations/42/access_tokens', serverError);
    const { gh } = client(fake, {
      token: undefined,
      app: { appId: '7', installationId: '42', privateKey: pem },
      retries: 3,
    });
    const error = await getRepoInteractionLimit(gh, 'acme', 'a').catch((e) => e);
    expect(error).toBeDefined();
    // 1 + 3 retries of the token request; plugin-retry nested them: (1 + 3) × (1 + 3) = 16.
    expect(fake.count('POST', '/app/installations/42/access_tokens')).toBe(4);
    expect(fake.count('GET', repoPath('a'))).toBe(0);
  });
});

describe('errors stay typed', () => {
  test('a 404 is a NotFoundError after one request', async () => {
    const fake = new FakeGitHub();
    const { gh } = client(fake);
    await expect(getRepoInteractionLimit(gh, 'acme', 'nope')).rejects.toBeInstanceOf(NotFoundError);
    expect(fake.requests).toHaveLength(1);
  });
});
