import { DEFAULT_WAIT_TIMEOUT_MS } from '../../src/emulator';
import type { LoggedRequest } from '../../src/emulator';
import { TOKENS, gitHubRequest, startTestEmulator, useTestEmulator } from '../support/emulator';

const REPO = '/repos/acme/api/interaction-limits';

describe('emulator events', () => {
  const emu = useTestEmulator();
  const get = (path = REPO) => gitHubRequest(emu.url, 'GET', path, { token: TOKENS.octocat });

  it('`request` reports every answered GitHub request as the request log records it', async () => {
    const seen: LoggedRequest[] = [];
    const stop = emu.on('request', (r) => seen.push(r));
    await get();
    await get('/user');
    await emu.admin.state(); // admin requests are not GitHub's
    stop();
    await get();
    expect(seen.map((r) => `${r.status} ${r.method} ${r.path} ${r.user}`)).toEqual([
      `200 GET ${REPO} octocat`,
      '200 GET /user octocat',
    ]);
    expect((await emu.admin.requests()).requests.slice(0, 2)).toEqual(seen);
  });

  it('waitFor resolves with the first matching event after the call', async () => {
    await get('/user');
    const put = emu.waitFor('request', (r) => r.method === 'PUT');
    await get();
    await gitHubRequest(emu.url, 'PUT', REPO, {
      token: TOKENS.octocat,
      body: { limit: 'existing_users' },
    });
    expect(await put).toMatchObject({ method: 'PUT', path: REPO, status: 200 });
  });

  it('`fault` and `exchange` report faults that fired and every response, admin ones too', async () => {
    const id = await emu.admin.addFault({ kind: 'status', status: 502, path: REPO, times: 1 });
    const fault = emu.waitFor('fault');
    const exchange = emu.waitFor('exchange', (x) => x.path === REPO);
    expect((await get()).status).toBe(502);
    expect(await fault).toEqual({ faultId: id, kind: 'status', method: 'GET', path: REPO });
    expect(await exchange).toMatchObject({ status: 502, admin: false });
    const admin = emu.waitFor('exchange', (x) => x.admin);
    await emu.admin.now();
    expect(await admin).toMatchObject({ method: 'GET', path: '/_emulator/clock', status: 200 });
  });

  it('waitFor gives up after timeoutMs (default pinned) or on abort, saying what it waited for', async () => {
    expect(DEFAULT_WAIT_TIMEOUT_MS).toBe(10_000);
    await expect(emu.waitFor('fault', undefined, { timeoutMs: 1 })).rejects.toThrow(
      'Timed out after 1 ms waiting for a matching "fault" event from the emulator (0 "fault" event(s) did not match).',
    );
    const controller = new AbortController();
    const aborted = emu.waitFor('request', () => false, { signal: controller.signal });
    await get();
    controller.abort();
    await expect(aborted).rejects.toThrow('Stopped waiting for a "request" event');
  });
});

describe('emulator events when closing', () => {
  it('close() rejects pending waits and reports a listener that threw', async () => {
    const emu = await startTestEmulator();
    const pending = emu.waitFor('fault');
    emu.on('request', () => {
      throw new Error('listener bug');
    });
    expect((await gitHubRequest(emu.url, 'GET', '/user', { token: TOKENS.octocat })).status).toBe(
      200,
    );
    await expect(emu.close()).rejects.toThrow('an event listener threw 1 time(s)');
    await expect(pending).rejects.toThrow('The emulator closed before the awaited event happened.');
  });
});
