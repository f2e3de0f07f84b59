import { EmulatorAdminError, expiresAtFor } from '../../src/emulator';
import { EXPIRIES } from '../../src/github/facts';
import { TOKENS, gitHubRequest, useTestEmulator } from '../support/emulator';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const DAY = 86_400;

describe('interaction limits', () => {
  const emu = useTestEmulator({ now: () => T0 });
  const as = (token: string) => ({
    get: (path: string) => gitHubRequest(emu.url, 'GET', path, { token }),
    put: (path: string, body: unknown) => gitHubRequest(emu.url, 'PUT', path, { token, body }),
    del: (path: string) => gitHubRequest(emu.url, 'DELETE', path, { token }),
  });
  const octocat = () => as(TOKENS.octocat);

  describe('expiry', () => {
    it.each(EXPIRIES)(
      '%s sets expires_at to expiresAtFor(expiry, now), to the second',
      async (expiry) => {
        const response = await octocat().put('/repos/acme/api/interaction-limits', {
          limit: 'existing_users',
          expiry,
        });
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          limit: 'existing_users',
          origin: 'repository',
          expires_at: iso(expiresAtFor(expiry, new Date(T0)).getTime()),
        });
      },
    );

    it('counts months as calendar months: six_months set on 2026-04-29 ends on 2026-10-29, 183 days later', async () => {
      await emu.admin.setClock('2026-04-29T09:30:15Z');
      const set = await octocat().put('/orgs/acme/interaction-limits', {
        limit: 'existing_users',
        expiry: 'six_months',
      });
      expect(set.body).toMatchObject({ expires_at: '2026-10-29T09:30:15Z' });
      await emu.admin.advanceClock(183 * DAY - 1);
      expect((await octocat().get('/orgs/acme/interaction-limits')).body).toMatchObject({
        limit: 'existing_users',
      });
      await emu.admin.advanceClock(1);
      expect((await octocat().get('/orgs/acme/interaction-limits')).body).toEqual({});
      // one_month from 1 March is 1 April (31 days), from 31 January the last day of February
      // (the org limit is removed first: moving the clock back would bring it back in force).
      await octocat().del('/orgs/acme/interaction-limits');
      await emu.admin.setClock(new Date(T0));
      const march = await octocat().put('/user/interaction-limits', {
        limit: 'existing_users',
        expiry: 'one_month',
      });
      expect(march.body).toMatchObject({ expires_at: '2025-04-01T12:00:00Z' });
      await emu.admin.setClock('2025-01-31T08:00:00Z');
      const january = await octocat().put('/repos/acme/api/interaction-limits', {
        limit: 'existing_users',
        expiry: 'one_month',
      });
      expect(january.body).toMatchObject({ expires_at: '2025-02-28T08:00:00Z' });
    });

    it('defaults to one_day', async () => {
      const response = await octocat().put('/orgs/acme/interaction-limits', {
        limit: 'collaborators_only',
      });
      expect(response.body).toMatchObject({
        expires_at: '2025-03-02T12:00:00Z',
        origin: 'organization',
      });
    });

    it.each([
      ['organization', '/orgs/acme/interaction-limits'],
      ['repository', '/repos/acme/api/interaction-limits'],
      ['user', '/user/interaction-limits'],
    ])(
      '%s: every PUT recomputes expires_at from now, even for the same limit; without expiry it is one_day',
      async (origin, path) => {
        const sixMonths = { limit: 'contributors_only', expiry: 'six_months' };
        expect((await octocat().put(path, sixMonths)).body).toEqual({
          limit: 'contributors_only',
          origin,
          expires_at: '2025-09-01T12:00:00Z',
        });
        await emu.admin.advanceClock(10 * DAY);
        expect((await octocat().put(path, sixMonths)).body).toMatchObject({
          expires_at: '2025-09-11T12:00:00Z',
        });
        // Re-arming without the expiry shortens the limit to a day.
        expect((await octocat().put(path, { limit: 'contributors_only' })).body).toMatchObject({
          expires_at: '2025-03-12T12:00:00Z',
        });
        expect((await octocat().get(path)).body).toMatchObject({
          expires_at: '2025-03-12T12:00:00Z',
        });
      },
    );

    it('drops a limit once the clock reaches expires_at', async () => {
      await octocat().put('/repos/acme/api/interaction-limits', { limit: 'existing_users' });
      await emu.admin.advanceClock(86400 - 1);
      expect((await octocat().get('/repos/acme/api/interaction-limits')).body).toMatchObject({
        limit: 'existing_users',
      });
      await emu.admin.advanceClock(1);
      expect((await octocat().get('/repos/acme/api/interaction-limits')).body).toEqual({});
      expect((await emu.admin.state()).limits.repos).toEqual({});
    });

    it('a user limit that expired answers 204', async () => {
      await octocat().put('/user/interaction-limits', {
        limit: 'existing_users',
        expiry: 'three_days',
      });
      expect((await octocat().get('/user/interaction-limits')).status).toBe(200);
      await emu.admin.advanceClock(3 * 86400);
      expect((await octocat().get('/user/interaction-limits')).status).toBe(204);
    });
  });

  describe('precedence: an org limit overwrites its repositories', () => {
    it('deletes the repositories’ own limits and shows its own with origin organization', async () => {
      await octocat().put('/repos/acme/api/interaction-limits', {
        limit: 'existing_users',
        expiry: 'six_months',
      });
      await octocat().put('/repos/acme/docs/interaction-limits', { limit: 'existing_users' });
      await octocat().put('/orgs/acme/interaction-limits', {
        limit: 'collaborators_only',
        expiry: 'one_week',
      });
      for (const repo of ['api', 'docs', 'website', 'legacy']) {
        expect((await octocat().get(`/repos/acme/${repo}/interaction-limits`)).body).toEqual({
          limit: 'collaborators_only',
          origin: 'organization',
          expires_at: '2025-03-08T12:00:00Z',
        });
      }
      // Private repositories have no limits at all, the org's included.
      expect((await octocat().get('/repos/acme/internal/interaction-limits')).status).toBe(405);
      // Other owners' repositories are not affected.
      expect((await octocat().get('/repos/octocat/hello-world/interaction-limits')).body).toEqual(
        {},
      );
      expect((await emu.admin.state()).limits.repos).toEqual({});
    });

    it('answers 409 naming the org to repository PUT and DELETE, and writes nothing', async () => {
      await octocat().put('/orgs/acme/interaction-limits', { limit: 'contributors_only' });
      for (const response of [
        await octocat().put('/repos/ACME/Api/interaction-limits', { limit: 'existing_users' }),
        await octocat().del('/repos/acme/api/interaction-limits'),
      ]) {
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({
          message: expect.stringContaining('organization acme'),
          documentation_url: expect.stringContaining('docs.github.com/rest/interactions/repos'),
          status: '409',
        });
      }
      expect((await emu.admin.state()).effectiveRepoLimits['acme/api']).toMatchObject({
        origin: 'organization',
      });
    });

    it('leaves the repositories without a limit after the org limit is removed or expires', async () => {
      await octocat().put('/repos/acme/api/interaction-limits', {
        limit: 'existing_users',
        expiry: 'six_months',
      });
      await octocat().put('/orgs/acme/interaction-limits', { limit: 'contributors_only' });
      expect((await octocat().del('/orgs/acme/interaction-limits')).status).toBe(204);
      expect((await octocat().get('/repos/acme/api/interaction-limits')).body).toEqual({});
      expect((await octocat().get('/orgs/acme/interaction-limits')).body).toEqual({});

      await octocat().put('/orgs/acme/interaction-limits', { limit: 'contributors_only' });
      await emu.admin.advanceClock(86400);
      expect((await octocat().get('/repos/acme/api/interaction-limits')).body).toEqual({});
      expect(
        (await octocat().put('/repos/acme/api/interaction-limits', { limit: 'existing_users' }))
          .status,
      ).toBe(200);
    });
  });

  describe('precedence: a user limit overwrites the user’s repositories', () => {
    it('shows origin user on the user’s repositories and answers 409 there', async () => {
      await octocat().put('/repos/octocat/hello-world/interaction-limits', {
        limit: 'existing_users',
      });
      const set = await octocat().put('/user/interaction-limits', {
        limit: 'collaborators_only',
        expiry: 'one_month',
      });
      expect(set.body).toEqual({
        limit: 'collaborators_only',
        origin: 'user',
        expires_at: '2025-04-01T12:00:00Z',
      });
      expect(
        (await octocat().get('/repos/octocat/hello-world/interaction-limits')).body,
      ).toMatchObject({ origin: 'user' });
      const conflict = await octocat().put('/repos/octocat/hello-world/interaction-limits', {
        limit: 'existing_users',
      });
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject({ message: expect.stringContaining('user octocat') });
      // The org's repositories are not the user's.
      expect((await octocat().get('/repos/acme/api/interaction-limits')).body).toEqual({});
      await octocat().del('/user/interaction-limits');
      expect((await octocat().get('/repos/octocat/hello-world/interaction-limits')).body).toEqual(
        {},
      );
    });

    it('deletes the repositories’ limits for good: once the user limit expires they have none', async () => {
      await octocat().put('/repos/octocat/Spoon-Knife/interaction-limits', {
        limit: 'collaborators_only',
        expiry: 'six_months',
      });
      await octocat().put('/user/interaction-limits', { limit: 'existing_users' });
      expect((await emu.admin.state()).limits.repos).toEqual({});
      await emu.admin.advanceClock(DAY);
      expect((await octocat().get('/repos/octocat/spoon-knife/interaction-limits')).body).toEqual(
        {},
      );
      expect((await octocat().get('/user/interaction-limits')).status).toBe(204);
    });
  });

  describe('private and archived repositories', () => {
    const INTERNAL = '/repos/acme/internal/interaction-limits';
    const PRIVATE_405 = {
      message: 'Interaction limits cannot be set for private repositories.',
      documentation_url: expect.stringContaining('docs.github.com/rest/interactions/repos'),
      status: '405',
    };

    it('a private repository answers 405 to GET, PUT and DELETE, and nothing is stored', async () => {
      const answers = [
        await octocat().get(INTERNAL),
        await octocat().put(INTERNAL, { limit: 'existing_users', expiry: 'one_week' }),
        // Before the body is read: a bad body is still a 405.
        await octocat().put(INTERNAL, { limit: 'everyone' }),
        await octocat().del(INTERNAL),
        await octocat().get('/repos/ACME/Internal/interaction-limits'),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(405);
        expect(answer.body).toEqual(PRIVATE_405);
      }
      expect((await emu.admin.state()).limits.repos).toEqual({});
      // Who cannot see it still gets 404, who cannot administer it 403.
      expect((await as(TOKENS.hubot).put(INTERNAL, { limit: 'existing_users' })).status).toBe(404);
      expect((await as(TOKENS.monalisa).del(INTERNAL)).status).toBe(403);
    });

    it('an org limit does not reach a private repository', async () => {
      await octocat().put('/orgs/acme/interaction-limits', { limit: 'existing_users' });
      expect((await octocat().get(INTERNAL)).status).toBe(405);
      expect((await emu.admin.state()).effectiveRepoLimits['acme/internal']).toBeUndefined();
    });

    it('the admin API refuses a private repository’s limit too (405)', async () => {
      const refused = emu.admin.setRepoLimit('acme/internal', { limit: 'existing_users' });
      await expect(refused).rejects.toBeInstanceOf(EmulatorAdminError);
      await expect(refused).rejects.toMatchObject({ status: 405 });
      await expect(emu.admin.removeRepoLimit('acme/internal')).rejects.toMatchObject({
        status: 405,
      });
    });

    it('an archived public repository accepts GET, PUT and DELETE', async () => {
      const LEGACY = '/repos/acme/legacy/interaction-limits';
      const set = await octocat().put(LEGACY, { limit: 'contributors_only' });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ limit: 'contributors_only', origin: 'repository' });
      expect((await octocat().get(LEGACY)).body).toEqual(set.body);
      expect((await octocat().del(LEGACY)).status).toBe(204);
      expect((await octocat().get(LEGACY)).body).toEqual({});
    });
  });

  describe('out-of-band changes through the admin API', () => {
    it('sets limits without permission checks, with the same side effects', async () => {
      await emu.admin.setRepoLimit('acme/api', { limit: 'existing_users', expiry: 'one_week' });
      await emu.admin.setOrgLimit('acme', {
        limit: 'collaborators_only',
        expires_at: '2025-03-01T18:30:00Z',
      });
      expect((await emu.admin.state()).limits).toEqual({
        orgs: { acme: { limit: 'collaborators_only', expires_at: '2025-03-01T18:30:00Z' } },
        users: {},
        repos: {},
      });
      // No repository limit can be set under the org's, by hand either (409), so none
      // reappears once the org's lapses.
      await expect(
        emu.admin.setRepoLimit('acme/docs', { limit: 'existing_users' }),
      ).rejects.toMatchObject({ status: 409 });
      expect((await octocat().get('/repos/acme/docs/interaction-limits')).body).toMatchObject({
        origin: 'organization',
      });
      await emu.admin.setClock('2025-03-01T18:30:00Z');
      expect((await octocat().get('/repos/acme/docs/interaction-limits')).body).toEqual({});
      expect((await octocat().get('/repos/acme/api/interaction-limits')).body).toEqual({});
    });

    it('removes limits and sets user limits', async () => {
      await emu.admin.setUserLimit('OCTOCAT', { limit: 'existing_users' });
      expect((await octocat().get('/user/interaction-limits')).body).toMatchObject({
        origin: 'user',
      });
      await emu.admin.removeUserLimit('octocat');
      expect((await octocat().get('/user/interaction-limits')).status).toBe(204);
    });
  });

  describe('validation (422) and permissions', () => {
    it('names the field, the code and the value, never a null value', async () => {
      const response = await octocat().put('/orgs/acme/interaction-limits', {
        limit: 'everyone',
        expiry: 'forever',
      });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        message: 'Validation Failed',
        errors: [
          { resource: 'InteractionLimit', field: 'limit', code: 'invalid', value: 'everyone' },
          { resource: 'InteractionLimit', field: 'expiry', code: 'invalid', value: 'forever' },
        ],
      });
      const missing = await octocat().put('/orgs/acme/interaction-limits', { limit: null });
      expect(missing.body).toMatchObject({ errors: [{ field: 'limit', code: 'invalid' }] });
      expect(JSON.stringify(missing.body)).not.toContain('"value":null');
      expect((await octocat().put('/orgs/acme/interaction-limits', 'not json')).status).toBe(400);
      expect((await emu.admin.state()).limits.orgs).toEqual({});
    });

    it('needs an org owner for org limits and a repository admin for repository limits', async () => {
      const monalisa = as(TOKENS.monalisa);
      const orgDenied = await monalisa.put('/orgs/acme/interaction-limits', {
        limit: 'existing_users',
      });
      expect(orgDenied.status).toBe(403);
      expect(orgDenied.body).toMatchObject({
        message: expect.stringContaining('You must be an organization owner'),
      });
      const repoDenied = await monalisa.get('/repos/acme/api/interaction-limits');
      expect(repoDenied.body).toMatchObject({
        message:
          'Must have admin rights to Repository. Fine-grained tokens need the "Administration" repository permission (read).',
      });
      const writeDenied = await as(TOKENS.hubot).del('/repos/acme/api/interaction-limits');
      expect(writeDenied.body).toMatchObject({ message: expect.stringContaining('(write)') });
      // A private repository is invisible to an outsider: 404, as on GitHub.
      expect((await as(TOKENS.hubot).get('/repos/acme/internal/interaction-limits')).status).toBe(
        404,
      );
      expect(
        (await as(TOKENS.monalisa).get('/repos/acme/internal/interaction-limits')).status,
      ).toBe(403);
      expect((await octocat().get('/orgs/octocat/interaction-limits')).status).toBe(404);
      expect((await gitHubRequest(emu.url, 'GET', '/user/interaction-limits')).body).toMatchObject({
        message: 'Requires authentication',
      });
      expect((await as('gho_unknown').get('/user/interaction-limits')).body).toMatchObject({
        message: 'Bad credentials',
      });
    });
  });
});
