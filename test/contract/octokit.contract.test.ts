import { Octokit } from '@octokit/rest';
import { TOKENS, useTestEmulator } from '../support/emulator';

/**
 * GitHub's own client, configured as ours is (user-agent `gh-interactions/...`, so the test
 * emulator also validates every request it sends), drives each emulated operation: the emulator
 * must be usable by Octokit exactly as GitHub is (errors become RequestErrors with GitHub's
 * status and message, pagination follows the Link header).
 */
describe('contract: Octokit against the emulator', () => {
  const emu = useTestEmulator();
  let octokit: Octokit;

  beforeAll(() => {
    octokit = new Octokit({
      auth: TOKENS.octocat,
      baseUrl: emu.url,
      userAgent: 'gh-interactions/contract-test',
      headers: { 'x-github-api-version': '2026-03-10' },
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
  });

  it('manages org, repository and user limits', async () => {
    const org = await octokit.request('PUT /orgs/{org}/interaction-limits', {
      org: 'acme',
      limit: 'collaborators_only',
      expiry: 'one_week',
    });
    expect(org.data).toMatchObject({ limit: 'collaborators_only', origin: 'organization' });
    const shadowed = await octokit.request('GET /repos/{owner}/{repo}/interaction-limits', {
      owner: 'acme',
      repo: 'api',
    });
    expect(shadowed.data).toMatchObject({ origin: 'organization' });
    await expect(
      octokit.request('PUT /repos/{owner}/{repo}/interaction-limits', {
        owner: 'acme',
        repo: 'api',
        limit: 'existing_users',
      }),
    ).rejects.toMatchObject({ status: 409 });
    await octokit.request('DELETE /orgs/{org}/interaction-limits', { org: 'acme' });
    const repo = await octokit.request('PUT /repos/{owner}/{repo}/interaction-limits', {
      owner: 'acme',
      repo: 'api',
      limit: 'existing_users',
    });
    expect(repo.data).toMatchObject({ limit: 'existing_users', origin: 'repository' });
    await octokit.request('DELETE /repos/{owner}/{repo}/interaction-limits', {
      owner: 'acme',
      repo: 'api',
    });
    const user = await octokit.request('PUT /user/interaction-limits', {
      limit: 'contributors_only',
      expiry: 'three_days',
    });
    expect(user.data).toMatchObject({ origin: 'user' });
    expect((await octokit.request('GET /user/interaction-limits')).status).toBe(200);
    await octokit.request('DELETE /user/interaction-limits');
    expect((await octokit.request('GET /user/interaction-limits')).status).toBe(204);
  });

  it('manages the bypass list and the creation cap', async () => {
    const route = '/repos/{owner}/{repo}/interaction-limits/pulls/bypass-list' as const;
    await octokit.request(`PUT ${route}`, {
      owner: 'acme',
      repo: 'api',
      users: ['monalisa', 'SPACEWALKER'],
    });
    await octokit.request(`DELETE ${route}`, { owner: 'acme', repo: 'api', users: ['monalisa'] });
    const list = await octokit.request(`GET ${route}`, { owner: 'acme', repo: 'api' });
    expect(list.data.map((u) => u.login)).toEqual(['Spacewalker']);
    const cap = await octokit.request('PATCH /orgs/{org}/interaction-limits/pulls/creation-cap', {
      org: 'acme',
      enabled: true,
      max_open_pull_requests: 2,
    });
    expect(cap.data).toEqual({ enabled: true, max_open_pull_requests: 2, include_drafts: false });
    const repoCap = await octokit.request(
      'PATCH /repos/{owner}/{repo}/interaction-limits/pulls/creation-cap',
      {
        owner: 'acme',
        repo: 'docs',
        enabled: true,
      },
    );
    expect(repoCap.data).toEqual({
      enabled: true,
      max_open_pull_requests: 5,
      include_drafts: false,
    });
  });

  it('reports GitHub errors as RequestErrors with status and message', async () => {
    await expect(
      octokit.request('PUT /repos/{owner}/{repo}/interaction-limits/pulls/bypass-list', {
        owner: 'acme',
        repo: 'api',
        users: ['ghost-1', 'ghost-2'],
      }),
    ).rejects.toMatchObject({
      status: 422,
      // GitHub refuses unknown logins without naming them.
      message: expect.not.stringContaining('ghost-1'),
    });
    const reader = new Octokit({
      auth: TOKENS.monalisa,
      baseUrl: emu.url,
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    await expect(
      reader.request('GET /orgs/{org}/interaction-limits', { org: 'acme' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('paginates organization repositories through the Link header', async () => {
    const names = await octokit.paginate(
      'GET /orgs/{org}/repos',
      { org: 'acme', per_page: 2, sort: 'full_name' },
      (r) => r.data.map((repo) => repo.full_name),
    );
    expect(names).toEqual([
      'acme/api',
      'acme/docs',
      'acme/internal',
      'acme/legacy',
      'acme/website',
    ]);
    const own = await octokit.paginate('GET /users/{username}/repos', {
      username: 'octocat',
      per_page: 1,
    });
    expect(own.map((r) => r.full_name)).toEqual([
      'octocat/hello-world',
      'octocat/linguist',
      'octocat/Spoon-Knife',
    ]);
    const { data: user } = await octokit.request('GET /user');
    expect(user.login).toBe('octocat');
    const { data: repo } = await octokit.request('GET /repos/{owner}/{repo}', {
      owner: 'acme',
      repo: 'website',
    });
    expect(repo).toMatchObject({
      topics: ['web', 'marketing'],
      visibility: 'public',
      archived: false,
    });
  });

  it('works with the GHES base URL (/api/v3)', async () => {
    const ghes = new Octokit({
      auth: TOKENS.octocat,
      baseUrl: `${emu.url}/api/v3`,
      userAgent: 'gh-interactions/contract-test',
    });
    const { data } = await ghes.request('GET /repos/{owner}/{repo}/interaction-limits', {
      owner: 'octocat',
      repo: 'hello-world',
    });
    expect(data).toEqual({});
    const { data: users } = await ghes.request(
      'GET /repos/{owner}/{repo}/interaction-limits/pulls/bypass-list',
      {
        owner: 'octocat',
        repo: 'hello-world',
      },
    );
    expect(users).toEqual([]);
  });
});
