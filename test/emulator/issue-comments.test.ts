import { DEFAULT_SEED } from '../../src/emulator';
import type { Seed } from '../../src/emulator';
import {
  TOKENS,
  createAppJwt,
  generateAppKeys,
  gitHubRequest,
  useTestEmulator,
} from '../support/emulator';

const keys = generateAppKeys();
const seed: Seed = {
  ...DEFAULT_SEED,
  apps: [
    {
      id: 42,
      slug: 'policy-bot',
      publicKeyPem: keys.publicKeyPem,
      installations: [{ id: 4242, account: 'acme' }],
    },
  ],
};

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
  author_association: string;
  created_at: string;
  updated_at: string;
}

describe('emulator: issue comments on pull requests', () => {
  const emu = useTestEmulator({ seed });

  const post = (number: number, body: string, token: string = TOKENS.octocat) =>
    gitHubRequest(emu.url, 'POST', `/repos/acme/api/issues/${number}/comments`, {
      token,
      body: { body },
    });

  it('numbers issues and pull requests together, per repository', async () => {
    expect(await emu.admin.openIssue('acme/api')).toBe(1);
    expect(await emu.admin.openPullRequest('acme/api')).toBe(2);
    expect(await emu.admin.openPullRequest('acme/website')).toBe(1);
  });

  it('creates a comment, lists it and edits it in place', async () => {
    const number = await emu.admin.openPullRequest('acme/api');
    const created = await post(number, 'first');
    expect(created.status).toBe(201);
    const comment = created.body as Comment;
    expect(created.headers.get('location')).toBe(
      `${emu.url}/repos/acme/api/issues/comments/${comment.id}`,
    );
    expect(comment).toMatchObject({
      body: 'first',
      user: { login: 'octocat', type: 'User' },
      author_association: 'OWNER',
    });

    await emu.admin.advanceClock(60);
    const edited = await gitHubRequest(
      emu.url,
      'PATCH',
      `/repos/acme/api/issues/comments/${comment.id}`,
      { token: TOKENS.octocat, body: { body: 'second' } },
    );
    expect(edited.status).toBe(200);
    expect((edited.body as Comment).updated_at > comment.updated_at).toBe(true);
    expect((edited.body as Comment).created_at).toBe(comment.created_at);

    const listed = await gitHubRequest(
      emu.url,
      'GET',
      `/repos/acme/api/issues/${number}/comments`,
      { token: TOKENS.octocat },
    );
    expect((listed.body as Comment[]).map((c) => c.body)).toEqual(['second']);
    expect(await emu.admin.issueComments('acme/api', number)).toEqual([
      expect.objectContaining({ id: comment.id, author: 'octocat', body: 'second' }),
    ]);
  });

  it('pages the list 30 at a time by default, with a Link header to the next page', async () => {
    const number = await emu.admin.openPullRequest('acme/api');
    for (let i = 1; i <= 31; i++) expect((await post(number, `comment ${i}`)).status).toBe(201);
    const path = `/repos/acme/api/issues/${number}/comments`;
    const first = await gitHubRequest(emu.url, 'GET', path, { token: TOKENS.octocat });
    expect((first.body as Comment[]).length).toBe(30);
    expect(first.headers.get('link')).toContain('rel="next"');
    const second = await gitHubRequest(emu.url, 'GET', `${path}?page=2`, {
      token: TOKENS.octocat,
    });
    expect((second.body as Comment[]).map((c) => c.body)).toEqual(['comment 31']);
  });

  it("shows a GitHub App's comments as its bot, which may edit them", async () => {
    const number = await emu.admin.openPullRequest('acme/api');
    const jwt = createAppJwt(keys.privateKeyPem, 42);
    const token = (
      (await gitHubRequest(emu.url, 'POST', '/app/installations/4242/access_tokens', {
        token: jwt,
      })) as { body: { token: string } }
    ).body.token;
    const created = await post(number, 'by the app', token);
    expect((created.body as Comment).user).toMatchObject({
      login: 'policy-bot[bot]',
      type: 'Bot',
    });
    const edited = await gitHubRequest(
      emu.url,
      'PATCH',
      `/repos/acme/api/issues/comments/${(created.body as Comment).id}`,
      { token, body: { body: 'edited by the app' } },
    );
    expect(edited.status).toBe(200);
  });

  it("refuses to let a reader edit someone else's comment, and keeps it", async () => {
    const number = await emu.admin.openPullRequest('acme/api');
    const comment = (await post(number, 'the plan')).body as Comment;
    const refused = await gitHubRequest(
      emu.url,
      'PATCH',
      `/repos/acme/api/issues/comments/${comment.id}`,
      { token: TOKENS.monalisa, body: { body: 'vandalized' } },
    );
    expect(refused.status).toBe(403);
    expect((await emu.admin.issueComments('acme/api', number))[0].body).toBe('the plan');
  });

  it('answers 404 for comments of another repository and for unknown pull requests', async () => {
    await emu.admin.openPullRequest('acme/api');
    const comment = (await post(1, 'x')).body as Comment;
    const elsewhere = await gitHubRequest(
      emu.url,
      'GET',
      `/repos/acme/website/issues/comments/${comment.id}`,
      { token: TOKENS.octocat },
    );
    expect(elsewhere.status).toBe(404);
    expect((await post(7, 'x')).status).toBe(404);
  });

  it('keeps comments in the state snapshot and drops them on reset', async () => {
    await emu.admin.openPullRequest('acme/api');
    await post(1, 'kept');
    expect((await emu.admin.state()).issueComments['acme/api#1']).toEqual([
      expect.objectContaining({ body: 'kept', author: 'octocat' }),
    ]);
    await emu.admin.reset();
    expect((await emu.admin.state()).issueComments).toEqual({});
  });
});
