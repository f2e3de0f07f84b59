import { DEFAULT_SEED } from '../../src/emulator';
import type { Seed } from '../../src/emulator';
import {
  TOKENS,
  createAppJwt,
  generateAppKeys,
  gitHubRequest,
  useTestEmulator,
} from '../support/emulator';

/**
 * Who may call what (docs/emulator.md "Permissions"): GitHub's docs data and pages, with the
 * emulator's role model (org owners, repository roles, GitHub App installation tokens).
 */

const APP_ID = 5150;
const INSTALLATION = 88;
const keys = generateAppKeys();
const MAINTAINER = 'gho_emulator_maintainer';
const seed: Seed = {
  ...DEFAULT_SEED,
  users: [...DEFAULT_SEED.users, { login: 'mallory-maintains', token: MAINTAINER }],
  repos: (DEFAULT_SEED.repos ?? []).map((repo) =>
    repo.owner === 'acme' && repo.name === 'api'
      ? { ...repo, maintainers: [...(repo.maintainers ?? []), 'mallory-maintains'] }
      : repo,
  ),
  apps: [
    {
      id: APP_ID,
      publicKeyPem: keys.publicKeyPem,
      installations: [{ id: INSTALLATION, account: 'acme' }],
    },
  ],
};

const BYPASS = '/repos/acme/api/interaction-limits/pulls/bypass-list';
const REPO_CAP = '/repos/acme/api/interaction-limits/pulls/creation-cap';
const ORG_LIMIT = '/orgs/acme/interaction-limits';
const USER_LIMIT = '/user/interaction-limits';
const NOT_ACCESSIBLE = 'Resource not accessible by integration';
const ADMIN_WRITE =
  'Must have admin rights to Repository. Fine-grained tokens need the "Administration" repository permission (write).';

describe('permissions', () => {
  const emu = useTestEmulator({ seed });
  const call = (token: string, method: string, path: string, body?: unknown) =>
    gitHubRequest(emu.url, method, path, { token, body });
  const installationToken = async (): Promise<string> => {
    const response = await call(
      createAppJwt(keys.privateKeyPem, APP_ID),
      'POST',
      `/app/installations/${INSTALLATION}/access_tokens`,
    );
    return (response.body as { token: string }).token;
  };

  it('a maintainer can neither read nor change the bypass list or the cap (admins only)', async () => {
    const answers = [
      await call(MAINTAINER, 'GET', BYPASS),
      await call(MAINTAINER, 'PUT', BYPASS, { users: ['jdoe'] }),
      await call(MAINTAINER, 'DELETE', BYPASS, { users: ['jdoe'] }),
      await call(MAINTAINER, 'GET', REPO_CAP),
      await call(MAINTAINER, 'PATCH', REPO_CAP, { enabled: true }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ message: ADMIN_WRITE });
    }
    expect((await emu.admin.state()).bypassLists).toEqual({});
    // The owner (an admin of the org's repositories) can.
    expect((await call(TOKENS.octocat, 'GET', BYPASS)).status).toBe(200);
    expect((await call(TOKENS.octocat, 'GET', REPO_CAP)).status).toBe(200);
  });

  it('reading the bypass list and the repository cap needs Administration write, as changing them', async () => {
    for (const path of [BYPASS, REPO_CAP]) {
      const denied = await call(TOKENS.monalisa, 'GET', path);
      expect(denied.status).toBe(403);
      expect(denied.body).toMatchObject({ message: ADMIN_WRITE });
    }
    // A repository's limit is read with Administration read.
    expect((await call(TOKENS.monalisa, 'GET', '/repos/acme/api/interaction-limits')).body).toEqual(
      expect.objectContaining({ message: expect.stringContaining('permission (read)') }),
    );
  });

  it('an org limit is read by org owners and by an app installed on the org, not by members', async () => {
    await emu.admin.setOrgLimit('acme', { limit: 'existing_users' });
    expect((await call(TOKENS.octocat, 'GET', ORG_LIMIT)).body).toMatchObject({
      origin: 'organization',
    });
    expect((await call(await installationToken(), 'GET', ORG_LIMIT)).body).toMatchObject({
      origin: 'organization',
    });
    const member = await call(TOKENS.monalisa, 'GET', ORG_LIMIT);
    expect(member.status).toBe(403);
    expect(member.body).toMatchObject({
      message: expect.stringContaining('You must be an organization owner of acme'),
    });
    expect((await call(TOKENS.hubot, 'GET', ORG_LIMIT)).status).toBe(403);
  });

  it('/user/interaction-limits takes user tokens only: 403 to an installation token on GET, PUT and DELETE', async () => {
    const token = await installationToken();
    const answers = [
      await call(token, 'GET', USER_LIMIT),
      await call(token, 'PUT', USER_LIMIT, { limit: 'existing_users' }),
      await call(token, 'DELETE', USER_LIMIT),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ message: NOT_ACCESSIBLE, status: '403' });
    }
    expect((await emu.admin.state()).limits.users).toEqual({});
    // Any user manages the limit of their own public repositories.
    expect((await call(TOKENS.hubot, 'PUT', USER_LIMIT, { limit: 'existing_users' })).status).toBe(
      200,
    );
    expect((await call(TOKENS.hubot, 'DELETE', USER_LIMIT)).status).toBe(204);
  });
});
