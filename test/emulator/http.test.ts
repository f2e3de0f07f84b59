import { DEFAULT_SEED } from '../../src/emulator';
import { TOKENS, gitHubRequest, useTestEmulator } from '../support/emulator';

const T0 = Date.parse('2025-06-01T00:00:00.000Z');

describe('HTTP behaviour shared by every endpoint', () => {
  const emu = useTestEmulator({
    seed: { ...DEFAULT_SEED, rateLimitPerHour: 5 },
    now: () => T0,
  });
  const get = (
    path: string,
    headers: Record<string, string> = {},
    token: string | null = TOKENS.octocat,
  ) => gitHubRequest(emu.url, 'GET', path, { token: token ?? undefined, headers });

  describe('ETags and conditional requests', () => {
    it('answers 304 without a body to a matching If-None-Match, and does not count it', async () => {
      const first = await get('/repos/acme/api/interaction-limits');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
      expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
      for (let i = 0; i < 3; i++) {
        const again = await get('/repos/acme/api/interaction-limits', {
          'if-none-match': etag ?? '',
        });
        expect(again.status).toBe(304);
        expect(again.body).toBeUndefined();
        expect(again.headers.get('etag')).toBe(etag);
        expect(again.headers.get('x-ratelimit-remaining')).toBe('4');
      }
    });

    it('changes the ETag when the resource changes and per token user', async () => {
      const before = (await get('/repos/acme/api/interaction-limits')).headers.get('etag') ?? '';
      await emu.admin.setRepoLimit('acme/api', { limit: 'existing_users' });
      const after = await get('/repos/acme/api/interaction-limits', { 'if-none-match': before });
      expect(after.status).toBe(200);
      const octocatUser = (await get('/users/jdoe')).headers.get('etag');
      const anonymousUser = (await get('/users/jdoe', {}, null)).headers.get('etag');
      expect(octocatUser).not.toBe(anonymousUser);
    });
  });

  describe('primary rate limit', () => {
    it('counts per token user, then answers 403 with remaining 0 until the reset', async () => {
      for (let used = 1; used <= 5; used++) {
        const response = await get('/user');
        expect(response.headers.get('x-ratelimit-used')).toBe(String(used));
        expect(response.headers.get('x-ratelimit-limit')).toBe('5');
        expect(response.headers.get('x-ratelimit-resource')).toBe('core');
        expect(response.headers.get('x-ratelimit-reset')).toBe(String(T0 / 1000 + 3600));
      }
      const exhausted = await get('/user');
      expect(exhausted.status).toBe(403);
      expect(exhausted.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(exhausted.body).toMatchObject({
        message: expect.stringMatching(/^API rate limit exceeded for user ID 1\./),
      });
      // Another user has their own budget.
      expect((await get('/user', {}, TOKENS.monalisa)).status).toBe(200);
      // The window resets on the emulator clock.
      await emu.admin.advanceClock(3600);
      const reset = await get('/user');
      expect(reset.status).toBe(200);
      expect(reset.headers.get('x-ratelimit-remaining')).toBe('4');
    });

    it('can be set through the admin API', async () => {
      await emu.admin.setRateLimit({ limitPerHour: 100, remaining: 1, login: 'octocat' });
      expect((await get('/user')).headers.get('x-ratelimit-remaining')).toBe('0');
      expect((await get('/user')).status).toBe(403);
      expect((await get('/user', {}, TOKENS.monalisa)).headers.get('x-ratelimit-remaining')).toBe(
        '99',
      );
    });

    it('gives anonymous requests 60 an hour', async () => {
      expect((await get('/users/octocat', {}, null)).headers.get('x-ratelimit-limit')).toBe('60');
    });
  });

  describe('API versions and headers', () => {
    it('defaults to 2022-11-28 and accepts 2026-03-10', async () => {
      const plain = await get('/user');
      expect(plain.headers.get('x-github-api-version-selected')).toBe('2022-11-28');
      const newer = await get('/user', { 'x-github-api-version': '2026-03-10' });
      expect(newer.headers.get('x-github-api-version-selected')).toBe('2026-03-10');
    });

    it('answers 400 to any other version', async () => {
      const response = await get('/user', { 'x-github-api-version': '2023-01-01' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        message: expect.stringContaining('"2023-01-01", is not a supported version'),
      });
    });

    it('sends a request id, JSON content type and a Date from the emulator clock', async () => {
      const response = await get('/user');
      expect(response.headers.get('x-github-request-id')).toMatch(
        /^[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]+$/,
      );
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('date')).toBe(new Date(T0).toUTCString());
      const noContent = await get('/user/interaction-limits');
      expect(noContent.status).toBe(204);
      expect(noContent.headers.get('x-github-request-id')).toBeTruthy();
    });

    it('serves the GHES layout under /api/v3 with links that keep the prefix', async () => {
      const response = await get('/api/v3/repos/acme/api');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        url: `${emu.url}/api/v3/repos/acme/api`,
        html_url: `${emu.url}/acme/api`,
      });
      const page = await get('/api/v3/orgs/acme/repos?per_page=1');
      expect(page.headers.get('link')).toContain(
        `<${emu.url}/api/v3/orgs/acme/repos?per_page=1&page=2>; rel="next"`,
      );
    });

    it('answers unknown routes and methods with GitHub’s 404', async () => {
      for (const response of [
        await get('/no/such/route'),
        await gitHubRequest(emu.url, 'POST', '/orgs/acme/interaction-limits', {
          token: TOKENS.octocat,
          body: {},
        }),
      ]) {
        expect(response.status).toBe(404);
        expect(response.body).toEqual({
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest',
          status: '404',
        });
      }
    });

    it('reads bodies as JSON whatever the content type (curl -d sends a form type)', async () => {
      const response = await gitHubRequest(emu.url, 'PUT', '/repos/acme/api/interaction-limits', {
        token: TOKENS.octocat,
        body: '{"limit":"collaborators_only"}',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(response.status).toBe(200);
    });

    it('accepts "token" and "Bearer" authorization schemes', async () => {
      const response = await gitHubRequest(emu.url, 'GET', '/user', {
        headers: { authorization: `token ${TOKENS.monalisa}` },
      });
      expect(response.body).toMatchObject({ login: 'monalisa' });
    });
  });
});

describe('accounts and repositories', () => {
  const emu = useTestEmulator({ resetBeforeEach: false });
  const get = (path: string, token: string | null = TOKENS.octocat) =>
    gitHubRequest(emu.url, 'GET', path, { token: token ?? undefined });
  const names = (body: unknown) => (body as Array<{ full_name: string }>).map((r) => r.full_name);

  it('GET /user is the token user; GET /users/{username} matches case-insensitively', async () => {
    expect((await get('/user')).body).toMatchObject({
      login: 'octocat',
      id: 1,
      type: 'User',
      user_view_type: 'private',
    });
    expect((await get('/users/spacewalker')).body).toMatchObject({
      login: 'Spacewalker',
      type: 'User',
    });
    expect((await get('/users/ACME')).body).toMatchObject({ login: 'acme', type: 'Organization' });
  });

  it('lists org repositories by type, hiding private ones from outsiders', async () => {
    const all = ['acme/website', 'acme/api', 'acme/docs', 'acme/internal', 'acme/legacy'];
    // Default sort: created, newest first.
    expect(names((await get('/orgs/acme/repos')).body)).toEqual([...all].reverse());
    expect(names((await get('/orgs/acme/repos?type=private')).body)).toEqual(['acme/internal']);
    expect(names((await get('/orgs/acme/repos?type=public&sort=full_name')).body)).toEqual([
      'acme/api',
      'acme/docs',
      'acme/legacy',
      'acme/website',
    ]);
    expect(names((await get('/orgs/acme/repos?type=forks')).body)).toEqual([]);
    expect(names((await get('/orgs/acme/repos', TOKENS.hubot)).body)).not.toContain(
      'acme/internal',
    );
    expect(names((await get('/orgs/acme/repos', null)).body)).not.toContain('acme/internal');
    // Org members get the org's base permission (read by default), so they see it.
    expect(names((await get('/orgs/acme/repos', TOKENS.monalisa)).body)).toContain('acme/internal');
    expect(names((await get('/orgs/acme/repos?type=member', TOKENS.hubot)).body)).toEqual([]);
  });

  it('includes topics, visibility, archived, owner and the viewer’s permissions', async () => {
    const repos = (await get('/orgs/acme/repos?sort=full_name')).body as Array<
      Record<string, unknown>
    >;
    expect(repos.find((r) => r.name === 'legacy')).toMatchObject({
      archived: true,
      topics: ['web'],
      visibility: 'public',
    });
    expect(repos.find((r) => r.name === 'website')).toMatchObject({
      topics: ['web', 'marketing'],
      owner: { login: 'acme', type: 'Organization' },
      permissions: { admin: true, pull: true },
    });
    const asReader = (await get('/repos/acme/api', TOKENS.monalisa)).body;
    expect(asReader).toMatchObject({
      permissions: { admin: false, push: false, pull: true },
      organization: { login: 'acme' },
    });
    const asWriter = (await get('/repos/acme/api', 'gho_emulator_hubot')).body;
    expect(asWriter).toMatchObject({ permissions: { admin: false, pull: true } });
    expect((await get('/repos/acme/api', null)).body).not.toHaveProperty('permissions');
  });

  it('paginates with per_page (max 100) and a Link header', async () => {
    const first = await get('/orgs/acme/repos?per_page=2&sort=full_name');
    expect(names(first.body)).toEqual(['acme/api', 'acme/docs']);
    const link = first.headers.get('link') ?? '';
    expect(link).toContain('rel="next"');
    expect(link).toContain(
      `<${emu.url}/orgs/acme/repos?per_page=2&sort=full_name&page=3>; rel="last"`,
    );
    const last = await get('/orgs/acme/repos?per_page=2&sort=full_name&page=3');
    expect(names(last.body)).toEqual(['acme/website']);
    expect(last.headers.get('link')).toContain('rel="first"');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    expect((await get('/orgs/acme/repos?per_page=500')).headers.get('link')).toBeNull();
  });

  it('lists a user’s repositories (owner by default, member on request)', async () => {
    // Sorted by full_name, case-insensitively, in canonical case.
    expect(names((await get('/users/octocat/repos')).body)).toEqual([
      'octocat/hello-world',
      'octocat/linguist',
      'octocat/Spoon-Knife',
    ]);
    expect(names((await get('/users/mona-lisa-ops/repos?type=member')).body)).toEqual(
      expect.arrayContaining(['acme/api']),
    );
    expect((await get('/users/nobody-at-all/repos')).status).toBe(404);
  });

  it('GET /orgs/{org} answers the org in GitHub’s spelling, to anyone; users and unknown names are 404', async () => {
    const org = await get('/orgs/ACME');
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({
      login: 'acme',
      type: 'Organization',
      url: `${emu.url}/orgs/acme`,
      html_url: `${emu.url}/acme`,
      public_repos: 4,
    });
    // Owners see the private counts; others (anonymous included) do not.
    expect(org.body).toMatchObject({ total_private_repos: 1, owned_private_repos: 1 });
    const anonymous = await get('/orgs/Acme', null);
    expect(anonymous.body).toMatchObject({ login: 'acme' });
    expect(anonymous.body).not.toHaveProperty('total_private_repos');
    expect((await get('/orgs/acme', TOKENS.monalisa)).body).not.toHaveProperty(
      'owned_private_repos',
    );
    expect((await get('/orgs/octocat')).status).toBe(404);
    expect((await get('/orgs/no-such-org')).body).toMatchObject({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/orgs/orgs#get-an-organization',
    });
    expect((await get('/api/v3/orgs/ACME')).body).toMatchObject({
      login: 'acme',
      url: `${emu.url}/api/v3/orgs/acme`,
    });
  });

  it('GET /repos/{owner}/{repo} answers full_name, private/visibility and archived in GitHub’s spelling', async () => {
    expect((await get('/repos/OCTOCAT/spoon-knife')).body).toMatchObject({
      name: 'Spoon-Knife',
      full_name: 'octocat/Spoon-Knife',
      owner: { login: 'octocat' },
      private: false,
      visibility: 'public',
      archived: false,
    });
    expect((await get('/repos/Acme/LEGACY', null)).body).toMatchObject({
      full_name: 'acme/legacy',
      visibility: 'public',
      archived: true,
    });
    expect((await get('/repos/acme/INTERNAL')).body).toMatchObject({
      full_name: 'acme/internal',
      private: true,
      visibility: 'private',
      archived: false,
    });
  });

  it('GET /repos/{owner}/{repo} answers in canonical case, 404 for private repos the user cannot see', async () => {
    expect((await get('/repos/ACME/Website')).body).toMatchObject({
      full_name: 'acme/website',
      private: false,
    });
    expect((await get('/repos/acme/internal', TOKENS.hubot)).status).toBe(404);
    expect((await get('/repos/acme/internal')).body).toMatchObject({
      private: true,
      visibility: 'private',
    });
  });
});
