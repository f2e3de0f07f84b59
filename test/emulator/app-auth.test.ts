import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { DEFAULT_SEED } from '../../src/emulator';
import type { Seed } from '../../src/emulator';
import { createAppJwt, generateAppKeys, gitHubRequest, useTestEmulator } from '../support/emulator';

const APP_ID = 424242;
const ORG_INSTALLATION = 77;
const keys = generateAppKeys();
const other = generateAppKeys();
const seed: Seed = {
  ...DEFAULT_SEED,
  apps: [
    {
      id: APP_ID,
      slug: 'limits-bot',
      publicKeyPem: keys.publicKeyPem,
      installations: [{ id: ORG_INSTALLATION, account: 'acme' }],
    },
  ],
};
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('GitHub App installation tokens', () => {
  const emu = useTestEmulator({ seed });
  const appOctokit = () =>
    new Octokit({
      baseUrl: emu.url,
      userAgent: 'gh-interactions/app-test',
      authStrategy: createAppAuth,
      auth: { appId: APP_ID, privateKey: keys.privateKeyPem, installationId: ORG_INSTALLATION },
      log: quiet,
    });

  it('works offline with @octokit/auth-app: owner rights on the org, admin on its repositories', async () => {
    const octokit = appOctokit();
    const org = await octokit.request('PUT /orgs/{org}/interaction-limits', {
      org: 'acme',
      limit: 'existing_users',
    });
    expect(org.data.origin).toBe('organization');
    await octokit.request('DELETE /orgs/{org}/interaction-limits', { org: 'acme' });
    await octokit.request('PUT /repos/{owner}/{repo}/interaction-limits/pulls/bypass-list', {
      owner: 'acme',
      repo: 'internal',
      users: ['jdoe'],
    });
    expect((await emu.admin.state()).bypassLists).toEqual({ 'acme/internal': ['jdoe'] });
    const log = await emu.admin.requests();
    expect(log.requests.map((r) => r.user)).toContain('limits-bot[bot]');
    expect(log.counts[`POST /app/installations/${ORG_INSTALLATION}/access_tokens`]).toBe(1);
  });

  it('cannot touch the /user endpoints or other accounts', async () => {
    const octokit = appOctokit();
    await expect(octokit.request('GET /user/interaction-limits')).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/interaction-limits', {
        owner: 'octocat',
        repo: 'hello-world',
      }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('issues one-hour ghs_ tokens that answer 401 once expired', async () => {
    const jwt = createAppJwt(keys.privateKeyPem, APP_ID);
    const created = await gitHubRequest(
      emu.url,
      'POST',
      `/app/installations/${ORG_INSTALLATION}/access_tokens`,
      { token: jwt },
    );
    expect(created.status).toBe(201);
    const { token, expires_at: expiresAt } = created.body as { token: string; expires_at: string };
    expect(token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(Date.parse(expiresAt) - Date.parse(await emu.admin.now())).toBeGreaterThan(3599_000);
    expect(
      (await gitHubRequest(emu.url, 'GET', '/orgs/acme/interaction-limits', { token })).status,
    ).toBe(200);
    await emu.admin.advanceClock(3600);
    const expired = await gitHubRequest(emu.url, 'GET', '/orgs/acme/interaction-limits', { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ message: 'Bad credentials' });
  });

  it('checks the JWT: signature, issuer and times against the emulator clock', async () => {
    const post = (jwt: string) =>
      gitHubRequest(emu.url, 'POST', `/app/installations/${ORG_INSTALLATION}/access_tokens`, {
        token: jwt,
      });
    const now = Math.floor(Date.parse(await emu.admin.now()) / 1000);
    expect((await post(createAppJwt(other.privateKeyPem, APP_ID, now))).body).toMatchObject({
      message: 'A JSON web token could not be decoded',
    });
    expect((await post(createAppJwt(keys.privateKeyPem, 1, now))).status).toBe(401);
    expect((await post(createAppJwt(keys.privateKeyPem, APP_ID, now + 3600))).body).toMatchObject({
      message: expect.stringContaining("'Issued at' claim ('iat')"),
    });
    expect((await post(createAppJwt(keys.privateKeyPem, APP_ID, now - 3600))).body).toMatchObject({
      message: expect.stringContaining("'Expiration time' claim ('exp')"),
    });
    expect((await post(createAppJwt(keys.privateKeyPem, APP_ID, now + 30))).status).toBe(201);
  });

  it('refuses other algorithms, a missing or fractional iat and an exp too far away, in GitHub’s words', async () => {
    const post = (jwt: string) =>
      gitHubRequest(emu.url, 'POST', `/app/installations/${ORG_INSTALLATION}/access_tokens`, {
        token: jwt,
      });
    const now = Math.floor(Date.parse(await emu.admin.now()) / 1000);
    const jwt = (options: Parameters<typeof createAppJwt>[3]) =>
      createAppJwt(keys.privateKeyPem, APP_ID, now, options);
    expect((await post(jwt({ alg: 'RS512' }))).body).toMatchObject({
      message: 'A JSON web token could not be decoded',
    });
    expect((await post(jwt({ alg: 'HS256' }))).status).toBe(401);
    expect((await post(jwt({ claims: { iat: undefined } }))).body).toMatchObject({
      message: expect.stringContaining("'Issued at' claim ('iat')"),
    });
    expect((await post(jwt({ claims: { iat: now - 0.5 } }))).body).toMatchObject({
      message: expect.stringContaining("'Issued at' claim ('iat')"),
    });
    expect((await post(jwt({ claims: { exp: undefined } }))).body).toMatchObject({
      message: expect.stringContaining("'Expiration time' claim ('exp') must be"),
    });
    expect((await post(jwt({ claims: { exp: now + 3600 } }))).body).toMatchObject({
      message: "'Expiration time' claim ('exp') is too far in the future",
    });
    expect((await post(jwt({ claims: { iss: String(APP_ID) } }))).status).toBe(201);
  });

  it('lets @octokit/auth-app correct its clock from the Date header when the emulator clock moved', async () => {
    await emu.admin.advanceClock(3 * 86400);
    const { data } = await appOctokit().request('GET /orgs/{org}/interaction-limits', {
      org: 'acme',
    });
    expect(data).toEqual({});
  });

  it('serves GET /app/installations/{id} for the app’s own installations only', async () => {
    const jwt = createAppJwt(keys.privateKeyPem, APP_ID);
    const own = await gitHubRequest(emu.url, 'GET', `/app/installations/${ORG_INSTALLATION}`, {
      token: jwt,
    });
    expect(own.body).toMatchObject({
      id: ORG_INSTALLATION,
      app_id: APP_ID,
      target_type: 'Organization',
      account: { login: 'acme' },
    });
    expect(
      (await gitHubRequest(emu.url, 'GET', '/app/installations/1', { token: jwt })).status,
    ).toBe(404);
    // A JWT is not a token for the rest of the API.
    expect(
      (await gitHubRequest(emu.url, 'GET', '/orgs/acme/interaction-limits', { token: jwt })).status,
    ).toBe(403);
  });
});
