import {
  DEFAULT_CREATION_CAP,
  DEFAULT_SEED,
  MAX_BYPASS_LIST_SIZE,
  MAX_BYPASS_USERS_PER_REQUEST,
} from '../../src/emulator';
import type { Seed } from '../../src/emulator';
import { TOKENS, gitHubRequest, useTestEmulator } from '../support/emulator';

// 150 extra accounts so the 100-user rules can be reached with real logins.
const crowd = Array.from({ length: 150 }, (_, i) => `Fan-${i}`);
const seed: Seed = {
  ...DEFAULT_SEED,
  users: [...DEFAULT_SEED.users, ...crowd.map((login) => ({ login }))],
};
const BYPASS = '/repos/acme/api/interaction-limits/pulls/bypass-list';

describe('PR creation cap bypass list', () => {
  const emu = useTestEmulator({ seed });
  const call = (method: string, body?: unknown, token: string = TOKENS.octocat, path = BYPASS) =>
    gitHubRequest(emu.url, method, path, { token, body });
  const logins = async () =>
    ((await call('GET')).body as Array<{ login: string }>).map((u) => u.login);

  it('adds case-insensitively, returns canonical logins in insertion order, ignores duplicates', async () => {
    expect((await call('PUT', { users: ['SPACEWALKER', 'monalisa', 'spacewalker'] })).status).toBe(
      204,
    );
    expect((await call('PUT', { users: ['MonaLisa', 'jdoe'] })).status).toBe(204);
    expect(await logins()).toEqual(['Spacewalker', 'monalisa', 'jdoe']);
    const [first] = (await call('GET')).body as Array<Record<string, unknown>>;
    expect(first).toMatchObject({
      login: 'Spacewalker',
      type: 'User',
      site_admin: false,
      url: `${emu.url}/users/Spacewalker`,
      html_url: `${emu.url}/Spacewalker`,
    });
  });

  it('removes users; a login not on the list is a no-op', async () => {
    await emu.admin.addBypassUsers('acme/api', ['monalisa', 'jdoe']);
    expect((await call('DELETE', { users: ['JDOE', 'hubot'] })).status).toBe(204);
    expect(await logins()).toEqual(['monalisa']);
  });

  it('rejects a request with any unknown login whole, without saying which, and writes nothing', async () => {
    await emu.admin.addBypassUsers('acme/api', ['jdoe']);
    const response = await call('PUT', { users: ['monalisa', 'ghost-a', 'acme', 'ghost-b'] });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequestCreationCapBypassList', field: 'users', code: 'invalid' }],
    });
    // GitHub does not name the login: a client has to look each one up (GET /users/{login}).
    const text = JSON.stringify(response.body);
    for (const login of ['ghost-a', 'ghost-b', 'acme']) expect(text).not.toContain(login);
    expect(await logins()).toEqual(['jdoe']);
    const removal = await call('DELETE', { users: ['jdoe', 'ghost-a'] });
    expect(removal.status).toBe(422);
    expect(JSON.stringify(removal.body)).not.toContain('ghost-a');
    expect(await logins()).toEqual(['jdoe']);
  });

  it('accepts 100 logins per request but not 101', async () => {
    expect((await call('PUT', { users: crowd.slice(0, 101) })).status).toBe(422);
    expect(await logins()).toEqual([]);
    expect((await call('PUT', { users: crowd.slice(0, 100) })).status).toBe(204);
    expect(await logins()).toHaveLength(100);
    expect((await call('DELETE', { users: crowd.slice(0, 101) })).status).toBe(422);
  });

  it(`holds at most ${MAX_BYPASS_LIST_SIZE} users: a request that would pass the cap is rejected whole`, async () => {
    await call('PUT', { users: crowd.slice(0, 99) });
    const over = await call('PUT', { users: [crowd[98], crowd[99], crowd[100]] });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({
      errors: [{ message: expect.stringContaining('at most 100') }],
    });
    expect(await logins()).toHaveLength(99);
    // Re-adding present users plus one new stays within the cap.
    expect((await call('PUT', { users: [crowd[0], crowd[99]] })).status).toBe(204);
    expect(await logins()).toHaveLength(100);
  });

  it('counts a login given twice (in any case) once against the 100 per request and the 100 in the list', async () => {
    const unique = crowd.slice(0, MAX_BYPASS_USERS_PER_REQUEST);
    const withDuplicates = [...unique, 'FAN-0', 'fan-99', unique[5] ?? ''];
    expect(withDuplicates).toHaveLength(103);
    expect((await call('PUT', { users: withDuplicates })).status).toBe(204);
    expect(await logins()).toEqual(unique);
    expect((await call('PUT', { users: ['fan-0', 'Fan-0'] })).status).toBe(204);
    expect(await logins()).toHaveLength(MAX_BYPASS_LIST_SIZE);
    expect((await call('DELETE', { users: withDuplicates })).status).toBe(204);
    expect(await logins()).toEqual([]);
    // 101 distinct logins are still too many, however they are spelled.
    expect((await call('PUT', { users: [...withDuplicates, crowd[100]] })).status).toBe(422);
    expect(await logins()).toEqual([]);
  });

  it('treats an empty users array as a no-op', async () => {
    await emu.admin.addBypassUsers('acme/api', ['jdoe']);
    expect((await call('PUT', { users: [] })).status).toBe(204);
    expect((await call('DELETE', { users: [] })).status).toBe(204);
    expect(await logins()).toEqual(['jdoe']);
  });

  it('rejects a missing or malformed users field', async () => {
    for (const body of [{}, { users: 'monalisa' }, { users: [1, 2] }, { user: ['monalisa'] }]) {
      expect((await call('PUT', body)).status).toBe(422);
    }
    expect((await call('PUT', '{"users": [')).status).toBe(400);
  });

  it('is for repository admins only, reading included (Administration write)', async () => {
    const denied = await call('GET', undefined, TOKENS.monalisa);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      message:
        'Must have admin rights to Repository. Fine-grained tokens need the "Administration" repository permission (write).',
    });
    expect((await call('PUT', { users: ['jdoe'] }, TOKENS.monalisa)).status).toBe(403);
    expect(
      (
        await call(
          'GET',
          undefined,
          TOKENS.octocat,
          '/repos/acme/missing/interaction-limits/pulls/bypass-list',
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          'PUT',
          { users: ['jdoe'] },
          TOKENS.octocat,
          '/repos/octocat/hello-world/interaction-limits/pulls/bypass-list',
        )
      ).status,
    ).toBe(204);
  });
});

describe('PR creation cap', () => {
  const emu = useTestEmulator();
  const ORG_CAP = '/orgs/acme/interaction-limits/pulls/creation-cap';
  const REPO_CAP = '/repos/acme/docs/interaction-limits/pulls/creation-cap';
  const call = (method: string, path: string, body?: unknown, token: string = TOKENS.octocat) =>
    gitHubRequest(emu.url, method, path, { token, body });

  it('answers the assumed default when never set; drafts do not count by default', async () => {
    expect(DEFAULT_CREATION_CAP).toEqual({
      enabled: false,
      maxOpenPullRequests: 5,
      includeDrafts: false,
    });
    expect((await call('GET', ORG_CAP)).body).toEqual({
      enabled: false,
      max_open_pull_requests: 5,
      include_drafts: false,
    });
    expect((await call('GET', REPO_CAP)).body).toEqual({
      enabled: false,
      max_open_pull_requests: 5,
      include_drafts: false,
    });
  });

  it.each([
    ['org', ORG_CAP],
    ['repository', REPO_CAP],
  ])('%s: include_drafts is set by PATCH, kept when omitted, and shown by GET', async (_, path) => {
    expect((await call('PATCH', path, { enabled: true, include_drafts: true })).body).toEqual({
      enabled: true,
      max_open_pull_requests: 5,
      include_drafts: true,
    });
    expect(
      (await call('PATCH', path, { enabled: true, max_open_pull_requests: 9 })).body,
    ).toMatchObject({ include_drafts: true });
    expect((await call('GET', path)).body).toEqual({
      enabled: true,
      max_open_pull_requests: 9,
      include_drafts: true,
    });
    expect((await call('PATCH', path, { enabled: false, include_drafts: false })).body).toEqual({
      enabled: false,
      max_open_pull_requests: 9,
      include_drafts: false,
    });
  });

  it('include_drafts can be set out of band through the admin API, with the same rule', async () => {
    expect(await emu.admin.updateCreationCap('repo/acme/docs', { include_drafts: true })).toEqual({
      enabled: false,
      max_open_pull_requests: 5,
      include_drafts: true,
      available: true,
    });
    expect((await call('GET', REPO_CAP)).body).toMatchObject({ include_drafts: true });
    await expect(
      emu.admin.updateCreationCap('org/acme', {
        include_drafts: 'yes' as unknown as boolean,
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it.each([['yes'], [1], [null], [['true']]])(
    'rejects include_drafts %j with 422 naming the field, and writes nothing',
    async (value) => {
      const response = await call('PATCH', REPO_CAP, { enabled: true, include_drafts: value });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        message: 'Validation Failed',
        errors: [{ resource: 'PullRequestCreationCap', field: 'include_drafts', code: 'invalid' }],
      });
      expect(JSON.stringify(response.body)).not.toContain('"value":null');
      expect((await emu.admin.state()).creationCaps.repos['acme/docs']).toEqual({
        enabled: false,
        max_open_pull_requests: 5,
        include_drafts: false,
        available: true,
      });
    },
  );

  it('updates enabled and keeps the current max when it is omitted', async () => {
    expect(
      (await call('PATCH', REPO_CAP, { enabled: true, max_open_pull_requests: 1000 })).body,
    ).toEqual({
      enabled: true,
      max_open_pull_requests: 1000,
      include_drafts: false,
    });
    expect((await call('PATCH', REPO_CAP, { enabled: false })).body).toEqual({
      enabled: false,
      max_open_pull_requests: 1000,
      include_drafts: false,
    });
    expect((await call('GET', REPO_CAP)).body).toEqual({
      enabled: false,
      max_open_pull_requests: 1000,
      include_drafts: false,
    });
    // The org's cap is separate.
    expect((await call('GET', ORG_CAP)).body).toEqual({
      enabled: false,
      max_open_pull_requests: 5,
      include_drafts: false,
    });
  });

  it.each([
    [{ max_open_pull_requests: 3 }],
    [{ enabled: 'yes' }],
    [{ enabled: true, max_open_pull_requests: 0 }],
    [{ enabled: true, max_open_pull_requests: 1001 }],
    [{ enabled: true, max_open_pull_requests: 2.5 }],
  ])('rejects %j with 422 and writes nothing', async (body) => {
    expect((await call('PATCH', ORG_CAP, body)).status).toBe(422);
    expect((await emu.admin.state()).creationCaps.orgs.acme).toEqual({
      enabled: false,
      max_open_pull_requests: 5,
      include_drafts: false,
      available: true,
    });
  });

  it('answers 405 where the cap is not available, until it becomes available', async () => {
    await emu.admin.updateCreationCap('org/acme', { available: false });
    const unavailable = await call('GET', ORG_CAP);
    expect(unavailable.status).toBe(405);
    expect(unavailable.body).toMatchObject({
      message: expect.stringContaining('not available'),
      status: '405',
    });
    expect((await call('PATCH', ORG_CAP, { enabled: true })).status).toBe(405);
    await emu.admin.updateCreationCap('org/acme', {
      available: true,
      enabled: true,
      max_open_pull_requests: 7,
    });
    expect((await call('GET', ORG_CAP)).body).toEqual({
      enabled: true,
      max_open_pull_requests: 7,
      include_drafts: false,
    });
    await emu.admin.updateCreationCap('repo/acme/docs', { available: false });
    expect((await call('PATCH', REPO_CAP, { enabled: true })).status).toBe(405);
  });

  it('needs an org owner or a repository admin, reading included (Administration write)', async () => {
    expect((await call('GET', ORG_CAP, undefined, TOKENS.monalisa)).status).toBe(403);
    expect((await call('GET', REPO_CAP, undefined, TOKENS.monalisa)).body).toMatchObject({
      message: expect.stringContaining('"Administration" repository permission (write)'),
    });
    expect((await call('PATCH', REPO_CAP, { enabled: true }, TOKENS.monalisa)).status).toBe(403);
    expect((await call('GET', '/orgs/nope/interaction-limits/pulls/creation-cap')).status).toBe(
      404,
    );
  });
});
