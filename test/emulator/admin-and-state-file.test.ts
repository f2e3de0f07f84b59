import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED, EmulatorAdminClient, StateFileError } from '../../src/emulator';
import type { Seed } from '../../src/emulator';
import { TOKENS, gitHubRequest, startTestEmulator, useTestEmulator } from '../support/emulator';

const T0 = Date.parse('2025-01-15T08:00:00.000Z');

describe('admin API', () => {
  const emu = useTestEmulator({ now: () => T0 });

  it('moves the clock by setting or advancing it, and reset brings it back', async () => {
    expect(await emu.admin.now()).toBe('2025-01-15T08:00:00.000Z');
    expect(await emu.admin.advanceClock(90)).toBe('2025-01-15T08:01:30.000Z');
    expect(await emu.admin.setClock('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z');
    await emu.admin.reset();
    expect(await emu.admin.now()).toBe('2025-01-15T08:00:00.000Z');
  });

  it('dumps the whole state for assertions', async () => {
    await emu.admin.setOrgLimit('acme', { limit: 'collaborators_only', expiry: 'one_week' });
    await emu.admin.addBypassUsers('acme/api', ['jdoe']);
    await emu.admin.updateCreationCap('repo/acme/docs', {
      enabled: true,
      max_open_pull_requests: 2,
    });
    const state = await emu.admin.state();
    expect(state.now).toBe('2025-01-15T08:00:00.000Z');
    expect(state.limits.orgs).toEqual({
      acme: { limit: 'collaborators_only', expires_at: '2025-01-22T08:00:00Z' },
    });
    expect(state.effectiveRepoLimits['acme/website']).toEqual({
      limit: 'collaborators_only',
      origin: 'organization',
      expires_at: '2025-01-22T08:00:00Z',
    });
    expect(state.bypassLists).toEqual({ 'acme/api': ['jdoe'] });
    expect(state.creationCaps.repos['acme/docs']).toEqual({
      enabled: true,
      max_open_pull_requests: 2,
      include_drafts: false,
      available: true,
    });
    expect(state.users.find((u) => u.login === 'octocat')).toEqual({
      login: 'octocat',
      id: 1,
      token: true,
    });
  });

  it('logs GitHub requests (not admin ones) with counts, and clears the log', async () => {
    await gitHubRequest(emu.url, 'GET', '/repos/acme/api/interaction-limits', {
      token: TOKENS.octocat,
    });
    await gitHubRequest(emu.url, 'GET', '/api/v3/repos/acme/api/interaction-limits?x=1', {
      token: TOKENS.octocat,
    });
    await gitHubRequest(emu.url, 'PUT', '/orgs/acme/interaction-limits', {
      token: TOKENS.monalisa,
      body: { limit: 'existing_users' },
    });
    const log = await emu.admin.requests();
    expect(log.counts).toEqual({
      'GET /repos/acme/api/interaction-limits': 2,
      'PUT /orgs/acme/interaction-limits': 1,
    });
    expect(log.requests[1]).toMatchObject({
      seq: 2,
      query: { x: '1' },
      status: 200,
      user: 'octocat',
      at: '2025-01-15T08:00:00.000Z',
    });
    expect(log.requests[2]).toMatchObject({
      status: 403,
      user: 'monalisa',
      body: { limit: 'existing_users' },
    });
    await emu.admin.clearRequests();
    expect((await emu.admin.requests()).requests).toEqual([]);
  });

  it('resets to a given seed', async () => {
    const seed: Seed = {
      users: [{ login: 'solo', token: 'gho_solo' }],
      orgs: [{ login: 'tiny', owners: ['solo'] }],
      repos: [{ owner: 'tiny', name: 'one' }],
    };
    const state = await emu.admin.reset(seed);
    expect(state.repos.map((r) => r.full_name)).toEqual(['tiny/one']);
    expect(
      (
        await gitHubRequest(emu.url, 'GET', '/repos/tiny/one/interaction-limits', {
          token: 'gho_solo',
        })
      ).status,
    ).toBe(200);
    expect((await gitHubRequest(emu.url, 'GET', '/user', { token: TOKENS.octocat })).status).toBe(
      401,
    );
  });

  it('rejects bad admin input with the field and the value', async () => {
    await expect(
      emu.admin.setOrgLimit('acme', { limit: 'nobody' as 'existing_users' }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('[limit]'),
    });
    await expect(
      emu.admin.setRepoLimit('acme/nope', { limit: 'existing_users' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(emu.admin.reset({ users: [{ login: '-bad-' }] })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('seed.users[0].login'),
    });
    await expect(emu.admin.addBypassUsers('acme/api', ['ghost'])).rejects.toMatchObject({
      status: 422,
    });
    const raw = await fetch(`${emu.url}/_emulator/nothing`);
    expect(raw.status).toBe(404);
  });

  it('accepts the GHES base URL', async () => {
    expect(await new EmulatorAdminClient(`${emu.url}/api/v3/`).now()).toBe(
      '2025-01-15T08:00:00.000Z',
    );
  });
});

describe('state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gh-interactions-emulator-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries limits, bypass lists, caps and the clock from one process to the next', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startTestEmulator({ stateFile, now: () => T0 });
    const admin = first.admin;
    await gitHubRequest(first.url, 'PUT', '/repos/acme/api/interaction-limits', {
      token: TOKENS.octocat,
      body: { limit: 'collaborators_only', expiry: 'one_week' },
    });
    await admin.addBypassUsers('acme/docs', ['Spacewalker']);
    await admin.updateCreationCap('org/acme', { enabled: true, max_open_pull_requests: 9 });
    await admin.advanceClock(3600);
    await first.close();
    expect(readdirSync(dir)).toEqual(['state.json']); // atomic writes leave no temporary files

    const second = await startTestEmulator({ stateFile, now: () => T0 });
    try {
      const limit = await gitHubRequest(second.url, 'GET', '/repos/acme/api/interaction-limits', {
        token: TOKENS.octocat,
      });
      expect(limit.body).toEqual({
        limit: 'collaborators_only',
        origin: 'repository',
        expires_at: '2025-01-22T08:00:00Z',
      });
      const state = await second.admin.state();
      expect(state.bypassLists).toEqual({ 'acme/docs': ['Spacewalker'] });
      expect(state.creationCaps.orgs.acme).toMatchObject({
        enabled: true,
        max_open_pull_requests: 9,
      });
      expect(state.now).toBe('2025-01-15T09:00:00.000Z');
    } finally {
      await second.close();
    }
  });

  it('is written at start from the seed, and wins over the seed afterwards', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startTestEmulator({ stateFile });
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({
      version: 1,
      users: expect.any(Array),
    });
    const second = await startTestEmulator({ stateFile, seed: { users: [{ login: 'other' }] } });
    try {
      expect(second.state.findUser('octocat')).toBeDefined();
    } finally {
      await second.close();
    }
  });

  it('refuses a state file it did not write, saying how to recover', async () => {
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, '{"hello": "world"}');
    await expect(startTestEmulator({ stateFile })).rejects.toThrow(StateFileError);
    writeFileSync(stateFile, 'not json');
    await expect(startTestEmulator({ stateFile })).rejects.toThrow(/delete it to start again/);
    expect(existsSync(stateFile)).toBe(true);
  });

  it('keeps DEFAULT_SEED untouched by emulator changes', async () => {
    const before = JSON.stringify(DEFAULT_SEED);
    const emu = await startTestEmulator();
    try {
      await emu.admin.addBypassUsers('acme/api', ['jdoe']);
    } finally {
      await emu.close();
    }
    expect(JSON.stringify(DEFAULT_SEED)).toBe(before);
  });
});
