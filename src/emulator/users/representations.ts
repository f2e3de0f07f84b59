import { nodeId } from '../http/node-id';
import type { Urls } from '../http/route';
import type { Account, EmulatorState } from '../state/emulator-state';

/**
 * JSON shapes of accounts, with every field the OpenAPI schemas require (`simple-user`,
 * `public-user`, `private-user`), so the contract tests can validate them. URLs point at the
 * emulator, as GitHub's point at itself.
 */

export function simpleUser(account: Account, urls: Urls) {
  const { login, id } = account.record;
  const api = `${urls.api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId(account.type, id),
    avatar_url: `${urls.html}/avatars/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.html}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `public-user`: what `GET /users/{username}` returns. */
export function publicUser(state: EmulatorState, account: Account, urls: Urls) {
  const publicRepos = state
    .reposOwnedBy(account.record.login)
    .filter((r) => r.visibility === 'public').length;
  return {
    ...simpleUser(account, urls),
    name: account.record.name,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: account.record.createdAt,
    updated_at: account.record.createdAt,
  };
}

/** `private-user`: what `GET /user` returns to the account itself. */
export function privateUser(state: EmulatorState, account: Account, urls: Urls) {
  const privateRepos = state
    .reposOwnedBy(account.record.login)
    .filter((r) => r.visibility === 'private').length;
  return {
    ...publicUser(state, account, urls),
    user_view_type: 'private',
    notification_email: null,
    private_gists: 0,
    total_private_repos: privateRepos,
    owned_private_repos: privateRepos,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, private_repos: 10000, collaborators: 0 },
  };
}
