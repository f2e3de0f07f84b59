import { request as httpRequest } from 'node:http';
import { TOKENS, gitHubRequest, useTestEmulator } from '../support/emulator';

const REPO = '/repos/acme/api/interaction-limits';

/** A raw request, so a dropped connection shows up as the socket error it is. */
function rawGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { headers: { authorization: `Bearer ${TOKENS.octocat}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A raw write, so a dropped connection shows up as the socket error it is. */
function rawWrite(url: string, method: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        headers: {
          authorization: `Bearer ${TOKENS.octocat}`,
          'content-type': 'application/json',
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('fault injection', () => {
  const emu = useTestEmulator();
  const get = (path = REPO) => gitHubRequest(emu.url, 'GET', path, { token: TOKENS.octocat });

  it('status: answers the status in GitHub’s error shape, `times` times', async () => {
    await emu.admin.addFault({ kind: 'status', status: 502, method: 'GET', path: REPO, times: 2 });
    expect((await get()).status).toBe(502);
    expect((await get()).body).toMatchObject({ message: 'Bad Gateway', status: '502' });
    expect((await get()).status).toBe(200);
  });

  it('matches path prefixes ending in * and the method', async () => {
    await emu.admin.addFault({ kind: 'status', status: 503, method: 'PUT', path: '/repos/acme/*' });
    expect((await get()).status).toBe(200);
    const put = await gitHubRequest(emu.url, 'PUT', REPO, {
      token: TOKENS.octocat,
      body: { limit: 'existing_users' },
    });
    expect(put.status).toBe(503);
    expect((await emu.admin.state()).limits.repos).toEqual({});
  });

  it('rate_limit: a primary-limit 403 with remaining 0 and a reset', async () => {
    await emu.admin.addFault({ kind: 'rate_limit', retryAfterSeconds: 120, times: 1 });
    const response = await get();
    expect(response.status).toBe(403);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    const now = Math.floor(Date.parse(await emu.admin.now()) / 1000);
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(now + 119);
    expect(response.body).toMatchObject({
      message: expect.stringContaining('API rate limit exceeded'),
    });
  });

  it('secondary_rate_limit: GitHub’s message and retry-after', async () => {
    await emu.admin.addFault({ kind: 'secondary_rate_limit', retryAfterSeconds: 7 });
    const response = await get();
    expect(response.status).toBe(403);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.body).toMatchObject({
      message: expect.stringMatching(/^You have exceeded a secondary rate limit/),
    });
  });

  it('latency: delays the answer', async () => {
    await emu.admin.addFault({ kind: 'latency', latencyMs: 150, times: 1 });
    const started = Date.now();
    expect((await get()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drop: closes the connection without an answer, and logs status 0', async () => {
    await emu.admin.addFault({ kind: 'drop', times: 1 });
    await expect(rawGet(`${emu.url}${REPO}`)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await rawGet(`${emu.url}${REPO}`)).toBe(200);
    const log = await emu.admin.requests();
    expect(log.requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it('drop: logs who sent what, so a test can tell which write never reached the route', async () => {
    await emu.admin.addFault({ kind: 'drop', method: 'PUT', times: 1 });
    await expect(rawWrite(`${emu.url}${REPO}`, 'PUT', { limit: 'existing_users' })).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    // Nothing was written.
    expect((await emu.admin.state()).limits.repos).toEqual({});
    expect((await emu.admin.requests()).requests).toEqual([
      expect.objectContaining({
        method: 'PUT',
        path: REPO,
        status: 0,
        user: 'octocat',
        body: { limit: 'existing_users' },
        fault: 'drop',
      }),
    ]);
  });

  it('drop_after_commit: the write happens, then the connection is destroyed unanswered', async () => {
    const id = await emu.admin.addFault({
      kind: 'drop_after_commit',
      method: 'PUT',
      path: REPO,
      times: 1,
    });
    const hit = emu.waitFor('fault', (f) => f.faultId === id);
    const logged = emu.waitFor('request');
    await expect(
      rawWrite(`${emu.url}${REPO}`, 'PUT', { limit: 'contributors_only' }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await hit).toMatchObject({ kind: 'drop_after_commit', method: 'PUT', path: REPO });
    expect(await logged).toMatchObject({
      method: 'PUT',
      path: REPO,
      status: 0,
      routeStatus: 200,
      user: 'octocat',
      body: { limit: 'contributors_only' },
      fault: 'drop_after_commit',
    });
    // The client saw nothing, but the limit is there: a retry must find it, not write it again.
    expect((await emu.admin.state()).limits.repos).toMatchObject({
      'acme/api': { limit: 'contributors_only' },
    });
    const read = await get();
    expect(read.body).toMatchObject({ limit: 'contributors_only', origin: 'repository' });
    // The dropped request counted against the primary rate limit (GitHub handled it).
    expect(read.headers.get('x-ratelimit-used')).toBe('2');
  });

  it('drop_after_commit of a refused write: nothing committed, still no answer', async () => {
    await emu.admin.addFault({ kind: 'drop_after_commit', method: 'PUT', times: 1 });
    await expect(rawWrite(`${emu.url}${REPO}`, 'PUT', { limit: 'nonsense' })).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect((await emu.admin.state()).limits.repos).toEqual({});
    expect((await emu.admin.requests()).requests[0]).toMatchObject({
      status: 0,
      routeStatus: 422,
    });
  });

  it('rate: affects a repeatable share of requests, decided by the seed', async () => {
    const pattern = async () => {
      await emu.admin.reset();
      await emu.admin.addFault({ kind: 'status', status: 500, rate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await get()).status);
      return statuses;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(17);
  });

  it('lists, removes one and clears all; admin routes are never affected', async () => {
    const id = await emu.admin.addFault({ kind: 'status', status: 500 });
    await emu.admin.addFault({ kind: 'status', status: 502, path: '/user' });
    expect((await emu.admin.faults()).map((f) => f.id)).toContain(id);
    await emu.admin.removeFault(id);
    expect((await get()).status).toBe(200);
    expect((await get('/user')).status).toBe(502);
    await emu.admin.clearFaults();
    expect((await get('/user')).status).toBe(200);
    await expect(emu.admin.removeFault('fault-999')).rejects.toMatchObject({ status: 404 });
    await expect(emu.admin.addFault({ kind: 'status' })).rejects.toMatchObject({ status: 400 });
  });
});

describe('latency on the emulator clock (latencyClock: "emulator")', () => {
  const T0 = Date.parse('2025-03-01T12:00:00.000Z');
  const emu = useTestEmulator({ now: () => T0, lifetime: 'test' });
  const get = () => gitHubRequest(emu.url, 'GET', REPO, { token: TOKENS.octocat });
  const answered = async () => (await emu.admin.requests()).requests.map((r) => r.status);

  it('holds the answer until the emulator clock is moved past it', async () => {
    const id = await emu.admin.addFault({
      kind: 'latency',
      latencyMs: 5000,
      latencyClock: 'emulator',
      times: 1,
    });
    const hit = emu.waitFor('fault');
    const response = get();
    expect(await hit).toMatchObject({ faultId: id, kind: 'latency', method: 'GET', path: REPO });

    await emu.admin.advanceClock(4);
    expect(await answered()).toEqual([]);

    const logged = emu.waitFor('request', (r) => r.path === REPO);
    await emu.admin.advanceClock(1);
    expect((await response).status).toBe(200);
    expect(await logged).toMatchObject({ method: 'GET', status: 200, user: 'octocat' });
    // Only the held request was slowed (times: 1), and the clock says when it was answered.
    expect((await get()).status).toBe(200);
    expect((await emu.admin.requests()).requests.map((r) => r.at)).toEqual([
      '2025-03-01T12:00:05.000Z',
      '2025-03-01T12:00:05.000Z',
    ]);
  });

  it('setting the clock past it releases it too, and so does a reset', async () => {
    await emu.admin.addFault({ kind: 'latency', latencyMs: 60_000, latencyClock: 'emulator' });
    const first = emu.waitFor('fault');
    const released = get();
    await first;
    await emu.admin.setClock('2025-03-01T12:00:59Z');
    expect(await answered()).toEqual([]);
    await emu.admin.setClock('2025-03-01T12:01:00Z');
    expect((await released).status).toBe(200);

    const second = emu.waitFor('fault');
    const reset = get();
    await second;
    await emu.admin.reset();
    expect((await reset).status).toBe(200);
  });

  it('close() answers what is still held instead of hanging', async () => {
    await emu.admin.addFault({ kind: 'latency', latencyMs: 60_000, latencyClock: 'emulator' });
    const hit = emu.waitFor('fault');
    const held = get();
    await hit;
    await emu.close();
    expect((await held).status).toBe(200);
  });

  it('is not the default: a latency fault without latencyClock needs no clock move', async () => {
    await emu.admin.addFault({ kind: 'latency', latencyMs: 5 });
    expect((await get()).status).toBe(200);
    expect(await emu.admin.now()).toBe('2025-03-01T12:00:00.000Z');
  });
});
