import type { RunningEmulator } from '../../src/emulator';
import {
  EmulatorAdminClient,
  GITHUB_SECONDARY_LIMITS,
  SECONDARY_RATE_LIMIT_DOCS,
  graphqlOperationType,
  secondaryCost,
  startEmulator,
} from '../../src/emulator';
import type { GitHubResponse } from '../support/emulator';
import { TOKENS, gitHubRequest, useTestEmulator } from '../support/emulator';

/**
 * GitHub's secondary rate limits (docs/emulator.md "Secondary rate limits"). The emulator clock
 * stands still here (a fixed base clock), so windows slide only when a test moves it.
 */
const T0 = Date.parse('2025-03-01T12:00:00.000Z');
const REPO = '/repos/acme/api/interaction-limits';
const SECONDARY_MESSAGE =
  /^You have exceeded a secondary rate limit\. Please wait a few minutes before you try again\. If you reach out to GitHub Support for help, please include the request ID [0-9A-F]+:[0-9A-F]+:[0-9A-F]+\.$/;

function expectSecondaryRefusal(response: GitHubResponse, retryAfter: number, status = 403) {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({
    message: expect.stringMatching(SECONDARY_MESSAGE),
    documentation_url: SECONDARY_RATE_LIMIT_DOCS,
    status: String(status),
  });
  expect(response.headers.get('retry-after')).toBe(String(retryAfter));
  // Never "remaining: 0": that is how clients tell a primary limit from a secondary one.
  expect(response.headers.get('x-ratelimit-remaining')).not.toBe('0');
}

function isRefused(response: GitHubResponse): boolean {
  return (
    response.headers.get('retry-after') !== null &&
    typeof (response.body as { message?: unknown })?.message === 'string' &&
    /secondary rate limit/.test((response.body as { message: string }).message)
  );
}

/** `count` requests, `batch` at a time (below the concurrency limit). */
async function many(
  count: number,
  send: () => Promise<GitHubResponse>,
  batch = 50,
): Promise<GitHubResponse[]> {
  const answers: GitHubResponse[] = [];
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    answers.push(...(await Promise.all(Array.from({ length: size }, send))));
  }
  return answers;
}

describe('secondary rate limits', () => {
  const emu = useTestEmulator({ now: () => T0 });
  const get = (path = REPO, token: string = TOKENS.octocat) =>
    gitHubRequest(emu.url, 'GET', path, { token });
  const put = (path = REPO, token: string = TOKENS.octocat) =>
    gitHubRequest(emu.url, 'PUT', path, { token, body: { limit: 'existing_users' } });
  const limits = (secondaryLimits: Record<string, number>) =>
    emu.admin.setProfile({ secondaryLimits: { ...secondaryLimits } });

  describe('profiles', () => {
    it('the default profile has no secondary limits and no latency', async () => {
      expect(await emu.admin.profile()).toMatchObject({
        profile: 'default',
        latencyMs: 0,
        secondaryLimits: false,
        secondaryLimitRefusals: 0,
      });
      // Far past GitHub's 900 points a minute: 200 writes are 1,000 points.
      const answers = await many(200, () => put());
      expect(answers.filter(isRefused)).toEqual([]);
    });

    it('the github profile has GitHub’s numbers and 30 ms; parts can be overridden', async () => {
      expect(await emu.admin.setProfile({ profile: 'github' })).toMatchObject({
        profile: 'github',
        latencyMs: 30,
        secondaryLimits: {
          maxConcurrent: 100,
          restPointsPerMinute: 900,
          graphqlPointsPerMinute: 2000,
          serverMsPerMinute: 90_000,
          graphqlServerMsPerMinute: 60_000,
          windowMs: 60_000,
          status: 403,
        },
      });
      expect(GITHUB_SECONDARY_LIMITS).toMatchObject({ maxConcurrent: 100 });
      const changed = await emu.admin.setProfile({
        latencyMs: 0,
        secondaryLimits: { restPointsPerMinute: 10, windowMs: 6000 },
      });
      expect(changed).toMatchObject({
        profile: 'github',
        latencyMs: 0,
        secondaryLimits: { ...GITHUB_SECONDARY_LIMITS, restPointsPerMinute: 10, windowMs: 6000 },
      });
      expect((await emu.admin.setProfile({ secondaryLimits: false })).secondaryLimits).toBe(false);
      // `true` turns them back on with GitHub's numbers.
      expect((await emu.admin.setProfile({ secondaryLimits: true })).secondaryLimits).toEqual(
        GITHUB_SECONDARY_LIMITS,
      );
      expect(await emu.admin.setProfile({ profile: 'default' })).toMatchObject({
        profile: 'default',
        latencyMs: 0,
        secondaryLimits: false,
      });
    });

    it('refuses bad settings with a 400 naming the field', async () => {
      await expect(emu.admin.setProfile({ profile: 'gitlab' as 'github' })).rejects.toMatchObject({
        status: 400,
        message: expect.stringContaining('[profile]'),
      });
      await expect(
        emu.admin.setProfile({ secondaryLimits: { restPointsPerMinute: 0 } }),
      ).rejects.toMatchObject({
        status: 400,
        message: expect.stringContaining('[secondaryLimits.restPointsPerMinute]'),
      });
      await expect(
        emu.admin.setProfile({ secondaryLimits: { status: 500 as 403 } }),
      ).rejects.toMatchObject({ status: 400 });
      await expect(emu.admin.setProfile({ latencyMs: -1 })).rejects.toMatchObject({
        status: 400,
      });
    });

    it('a reset goes back to the profile the emulator started with', async () => {
      await emu.admin.setProfile({ profile: 'github' });
      await emu.admin.reset();
      expect((await emu.admin.profile()).profile).toBe('default');
    });

    it('latency: every GitHub request waits in real time, admin requests do not', async () => {
      await emu.admin.setProfile({ latencyMs: 80 });
      const started = Date.now();
      expect((await get()).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    });
  });

  describe('REST points: 900 a minute, 1 a read, 5 a write', () => {
    it('admits 900 points of GETs and refuses the next with GitHub’s answer', async () => {
      await emu.admin.setProfile({ profile: 'github', latencyMs: 0 });
      const answers = await many(900, () => get());
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      expect(answers.at(-1)?.headers.get('x-ratelimit-used')).toBe('900');

      const refused = await get();
      expectSecondaryRefusal(refused, 60);
      // A refusal costs nothing, primary or secondary.
      expect(refused.headers.get('x-ratelimit-used')).toBe('900');
      expect((await emu.admin.profile()).usage['user:1']).toMatchObject({ restPoints: 900 });
      expect(await emu.admin.secondaryLimitRefusals()).toBe(1);
    });

    it('writes cost 5: a write that would pass the limit is refused, a read still fits', async () => {
      await limits({ restPointsPerMinute: 12 });
      expect((await put()).status).toBe(200); // 5
      expect((await put()).status).toBe(200); // 10
      expect((await get()).status).toBe(200); // 11
      expectSecondaryRefusal(await put(), 60); // 16 > 12
      expect((await get()).status).toBe(200); // 12
      expectSecondaryRefusal(await get(), 60); // 13 > 12
      const log = await emu.admin.requests();
      expect(log.secondaryLimitRefusals).toBe(2);
      expect(log.points).toEqual({ rest: 12, graphql: 0 });
      expect(log.requests.filter((r) => r.secondaryLimit).map((r) => r.secondaryLimit)).toEqual([
        'rest_points',
        'rest_points',
      ]);
    });

    it('the window slides on the emulator clock, and retry-after says when there is room', async () => {
      await limits({ restPointsPerMinute: 10 });
      await many(5, () => get());
      await emu.admin.advanceClock(30);
      await many(5, () => get());
      expectSecondaryRefusal(await get(), 30);
      await emu.admin.advanceClock(29);
      expectSecondaryRefusal(await get(), 1);
      await emu.admin.advanceClock(1); // the first five leave the window
      const admitted = await many(5, () => get());
      expect(admitted.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expectSecondaryRefusal(await get(), 30); // the next five leave at +90 s
    });

    it('a smaller window keeps the points per window (a bench runs faster)', async () => {
      await limits({ restPointsPerMinute: 3, windowMs: 6000 });
      await many(3, () => get());
      expectSecondaryRefusal(await get(), 6);
      await emu.admin.advanceClock(6);
      expect((await get()).status).toBe(200);
    });

    it('is per principal: another token, and anonymous requests (per IP), have their own', async () => {
      await limits({ restPointsPerMinute: 2 });
      await many(2, () => get());
      expectSecondaryRefusal(await get(), 60);
      expect((await get('/user', TOKENS.monalisa)).status).toBe(200);
      expect((await gitHubRequest(emu.url, 'GET', '/users/octocat')).status).toBe(200);
      expect(Object.keys((await emu.admin.profile()).usage).sort()).toEqual([
        'ip:127.0.0.1',
        'user:1',
        'user:2',
      ]);
    });

    it('counts the GHES layout, unknown routes and faulted answers; the admin API is exempt', async () => {
      await limits({ restPointsPerMinute: 4 });
      expect((await get(`/api/v3${REPO}`)).status).toBe(200);
      expect((await get('/nothing/here')).status).toBe(404);
      await emu.admin.addFault({ kind: 'status', status: 502, times: 1 });
      expect((await get()).status).toBe(502);
      for (let i = 0; i < 5; i++) await emu.admin.state();
      expect((await fetch(`${emu.url}/_emulator/nothing`)).status).toBe(404);
      expect((await get()).status).toBe(200);
      expectSecondaryRefusal(await get(`/api/v3${REPO}`), 60);
    });

    it('answers 429 instead of 403 when configured', async () => {
      await limits({ restPointsPerMinute: 1 });
      await emu.admin.setProfile({ secondaryLimits: { status: 429 } });
      expect((await get()).status).toBe(200);
      expectSecondaryRefusal(await get(), 60, 429);
    });

    it('off means off: the usage is kept, nothing is refused', async () => {
      await limits({ restPointsPerMinute: 1 });
      await get();
      expectSecondaryRefusal(await get(), 60);
      await emu.admin.setProfile({ secondaryLimits: false });
      expect((await many(3, () => get())).map((a) => a.status)).toEqual([200, 200, 200]);
    });
  });

  describe('concurrency: 100 requests in flight', () => {
    /**
     * Holds answers to `path` until the emulator clock moves 0.5 s (100 of them: 50 s of server
     * time, within the 90 s); resolves once `count` are held,
     * with their answers to come (wrapped: awaiting a bare promise would wait for them).
     */
    async function holdInFlight(count: number, path = '/user') {
      await emu.admin.addFault({
        kind: 'latency',
        latencyMs: 500,
        latencyClock: 'emulator',
        path,
      });
      let held = 0;
      const allHeld = new Promise<void>((resolve) => {
        const stop = emu.on('fault', () => {
          held += 1;
          if (held === count) {
            stop();
            resolve();
          }
        });
      });
      const answers = Promise.all(Array.from({ length: count }, () => get(path)));
      await allHeld;
      return { answers };
    }

    it('refuses the 101st request in flight, whatever it asks for; room again once answered', async () => {
      await emu.admin.setProfile({ profile: 'github', latencyMs: 0 });
      const held = await holdInFlight(100);
      expect((await emu.admin.profile()).usage['user:1']).toMatchObject({ inFlight: 100 });
      expectSecondaryRefusal(await get(REPO), 1);
      // Another principal has its own 100.
      expect((await get('/users/octocat', TOKENS.monalisa)).status).toBe(200);

      await emu.admin.advanceClock(0.5);
      expect((await held.answers).map((a) => a.status)).toEqual(Array(100).fill(200));
      expect((await get(REPO)).status).toBe(200);
      const log = await emu.admin.requests();
      expect(log.requests.filter((r) => r.secondaryLimit === 'concurrency')).toHaveLength(1);
    });

    it('a smaller maxConcurrent, and a refused request is not in flight', async () => {
      await limits({ maxConcurrent: 2 });
      const held = await holdInFlight(2);
      expectSecondaryRefusal(await get(REPO), 1);
      expectSecondaryRefusal(await get(REPO), 1);
      await emu.admin.advanceClock(0.5);
      await held.answers;
      expect((await emu.admin.profile()).usage['user:1']).toMatchObject({ inFlight: 0 });
      expect((await get(REPO)).status).toBe(200);
    });
  });

  describe('server time: 90 s per 60 s, measured from arrival to answer', () => {
    it('refuses once the answers of the window took as long as allowed', async () => {
      await limits({ serverMsPerMinute: 3000 });
      await emu.admin.addFault({
        kind: 'latency',
        latencyMs: 2000,
        latencyClock: 'emulator',
        path: REPO,
        times: 2,
      });
      for (let i = 0; i < 2; i++) {
        const held = emu.waitFor('fault');
        const answer = get();
        await held;
        await emu.admin.advanceClock(2);
        expect((await answer).status).toBe(200);
      }
      expect((await emu.admin.profile()).usage['user:1']).toMatchObject({ serverMs: 4000 });
      // Answered at +2 s and +4 s; under 3 s again once the first leaves the window, at +62 s.
      const refused = await get();
      expectSecondaryRefusal(refused, 58);
      const log = await emu.admin.requests();
      expect(log.requests.at(-1)).toMatchObject({ secondaryLimit: 'server_time', status: 403 });
      await emu.admin.advanceClock(58);
      expect((await get()).status).toBe(200);
    });
  });
});

/**
 * The GraphQL endpoint, whoever serves it: its points are charged on arrival, so a `POST
 * /graphql` is charged whatever its answer (without a GraphQL route, a 404). A plain emulator:
 * the contract tests validate REST answers only.
 */
describe('secondary rate limits: GraphQL', () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  afterEach(async () => {
    await emulator.close();
  });
  const graphql = (query: string, path = '/graphql', extra: Record<string, unknown> = {}) =>
    gitHubRequest(emulator.url, 'POST', path, {
      token: TOKENS.octocat,
      body: { query, ...extra },
    });

  it('charges 1 point a query and 5 a mutation to the GraphQL bucket, apart from REST', async () => {
    emulator = await startEmulator({
      now: () => T0,
      secondaryLimits: { graphqlPointsPerMinute: 7, restPointsPerMinute: 1 },
    });
    admin = new EmulatorAdminClient(emulator.url);
    expect(
      isRefused(
        await graphql('mutation { addStar(input: {starrableId: "x"}) { clientMutationId } }'),
      ),
    ).toBe(false);
    expect(isRefused(await graphql('{ viewer { login } }'))).toBe(false);
    expect(isRefused(await graphql('query { viewer { login } }', '/api/v3/graphql'))).toBe(false);
    const refused = await graphql('query { viewer { login } }');
    expect(isRefused(refused)).toBe(true);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ documentation_url: SECONDARY_RATE_LIMIT_DOCS });
    // GraphQL has its own primary budget: no REST rate-limit headers on its refusals.
    expect(refused.headers.get('x-ratelimit-resource')).toBeNull();
    // REST has its own bucket.
    expect((await gitHubRequest(emulator.url, 'GET', REPO, { token: TOKENS.octocat })).status).toBe(
      200,
    );
    const log = await admin.requests();
    expect(log.points).toEqual({ rest: 1, graphql: 7 });
    expect(log.requests.filter((r) => r.secondaryLimit).map((r) => r.secondaryLimit)).toEqual([
      'graphql_points',
    ]);
  });

  it('answers 403 to GraphQL even when REST refusals are 429', async () => {
    emulator = await startEmulator({
      now: () => T0,
      secondaryLimits: { graphqlPointsPerMinute: 1, status: 429 },
    });
    await graphql('{ viewer { login } }');
    const refused = await graphql('{ viewer { login } }');
    expect(isRefused(refused)).toBe(true);
    expect(refused.status).toBe(403);
  });

  it('GraphQL may use 60 of the 90 s of server time', async () => {
    // Real time passes on the emulator clock here: each answer takes the 50 ms of latency.
    emulator = await startEmulator({
      latencyMs: 50,
      secondaryLimits: { graphqlServerMsPerMinute: 40 },
    });
    expect(isRefused(await graphql('{ viewer { login } }'))).toBe(false);
    const refused = await graphql('{ viewer { login } }');
    expect(isRefused(refused)).toBe(true);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    const rest = await gitHubRequest(emulator.url, 'GET', REPO, { token: TOKENS.octocat });
    expect(rest.status).toBe(200);
    const log = await new EmulatorAdminClient(emulator.url).requests();
    expect(log.requests.map((r) => r.secondaryLimit)).toEqual([
      undefined,
      'graphql_server_time',
      undefined,
    ]);
  });
});

describe('startEmulator options', () => {
  it('profile, latencyMs and secondaryLimits, read back from the running emulator', async () => {
    const emulator = await startEmulator({
      profile: 'github',
      latencyMs: 0,
      secondaryLimits: { windowMs: 6000 },
    });
    try {
      expect(emulator.profile).toEqual({
        profile: 'github',
        latencyMs: 0,
        secondaryLimits: { ...GITHUB_SECONDARY_LIMITS, windowMs: 6000 },
      });
      const admin = new EmulatorAdminClient(emulator.url);
      await admin.setProfile({ profile: 'default' });
      expect(emulator.profile.secondaryLimits).toBe(false);
      // A reset goes back to what the options asked for.
      await admin.reset();
      expect(emulator.profile.profile).toBe('github');
    } finally {
      await emulator.close();
    }
  });

  it('refuses bad values, naming the option', async () => {
    await expect(startEmulator({ latencyMs: -1 })).rejects.toThrow(/latencyMs/);
    await expect(startEmulator({ secondaryLimits: { maxConcurrent: 0 } })).rejects.toThrow(
      /secondaryLimits\.maxConcurrent/,
    );
    await expect(startEmulator({ profile: 'fast' as 'github' })).rejects.toThrow(/profile/);
  });
});

describe('secondary cost of a request', () => {
  it.each([
    ['GET', '/user', 'rest', 1],
    ['HEAD', '/user', 'rest', 1],
    ['OPTIONS', '/user', 'rest', 1],
    ['PUT', REPO, 'rest', 5],
    ['PATCH', '/orgs/acme/creation-cap', 'rest', 5],
    ['DELETE', REPO, 'rest', 5],
    ['POST', '/app/installations/1/access_tokens', 'rest', 5],
    ['GET', '/graphql', 'rest', 1],
    ['POST', '/api/graphql', 'graphql', 1],
  ] as const)('%s %s: %s, %i point(s)', (method, path, api, points) => {
    expect(secondaryCost(method, path, '{"query":"{ viewer { login } }"}')).toMatchObject({
      api,
      points,
    });
  });

  it.each([
    ['{ viewer { login } }', undefined, 'query'],
    ['query Q { viewer { login } }', undefined, 'query'],
    [
      '  mutation M($i: AddStarInput!) { addStar(input: $i) { clientMutationId } }',
      undefined,
      'mutation',
    ],
    ['# a comment with mutation {\nquery { viewer { login } }', undefined, 'query'],
    ['fragment F on User { login }\nmutation { x }', undefined, 'mutation'],
    ['query A { a }\nmutation B { b }', 'B', 'mutation'],
    ['query A { a }\nmutation B { b }', 'A', 'query'],
    ['query A { a }\nmutation B { b }', undefined, 'query'],
    ['query ($o: In = {x: "mutation {"}) { a }\nmutation { b }', undefined, 'query'],
    ['subscription { s }', undefined, 'subscription'],
    ['"""mutation""" query { a }', undefined, 'query'],
  ])('%j (operationName %j) is a %s', (query, operationName, type) => {
    expect(graphqlOperationType(JSON.stringify({ query, operationName }))).toBe(type);
  });

  it.each([undefined, '', 'not json', '[]', '{"query": 5}', '{}'])(
    'an unreadable body %j counts as a query',
    (body) => {
      expect(graphqlOperationType(body)).toBe('query');
    },
  );
});
