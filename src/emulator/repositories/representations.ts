import type { RepoRole } from '../auth/permissions';
import { permissionsObject } from '../auth/permissions';
import { nodeId } from '../http/node-id';
import type { Urls } from '../http/route';
import type { Account, EmulatorState } from '../state/emulator-state';
import type { RepoRecord } from '../state/model';
import { simpleUser } from '../users/representations';

/**
 * JSON shapes of repositories, with every field the OpenAPI schemas require
 * (`minimal-repository`, `full-repository`), so the contract tests can validate them. URLs point
 * at the emulator, as GitHub's point at itself.
 */

function ownerAccount(state: EmulatorState, repo: RepoRecord): Account {
  const account = state.findAccount(repo.owner);
  if (!account) throw new Error(`BUG: repository ${repo.owner}/${repo.name} has no owner account`);
  return account;
}

/**
 * `minimal-repository`: the items of `GET /orgs/{org}/repos` and `GET /users/{username}/repos`.
 * `viewerRole` is the viewer's role (undefined: none), or null for an anonymous request: GitHub
 * includes `permissions` only for an authenticated viewer.
 */
export function minimalRepository(
  state: EmulatorState,
  repo: RepoRecord,
  urls: Urls,
  viewerRole: RepoRole | undefined | null,
) {
  const fullName = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${fullName}`;
  const html = `${urls.html}/${fullName}`;
  const host = new URL(urls.html).host;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: fullName,
    owner: simpleUser(ownerAccount(state, repo), urls),
    private: repo.visibility === 'private',
    html_url: html,
    description: repo.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${fullName}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${new URL(urls.html).hostname}:${fullName}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: 'main',
    open_issues_count: 0,
    is_template: false,
    topics: [...repo.topics],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: repo.archived,
    disabled: false,
    visibility: repo.visibility,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    ...(viewerRole === null ? {} : { permissions: permissionsObject(viewerRole) }),
    license: null,
    forks: 0,
    open_issues: 0,
    watchers: 0,
    allow_forking: true,
    web_commit_signoff_required: false,
  };
}

/** `full-repository`: what `GET /repos/{owner}/{repo}` returns. */
export function fullRepository(
  state: EmulatorState,
  repo: RepoRecord,
  urls: Urls,
  viewerRole: RepoRole | undefined | null,
) {
  const owner = ownerAccount(state, repo);
  return {
    ...minimalRepository(state, repo, urls, viewerRole),
    ...(owner.type === 'Organization' ? { organization: simpleUser(owner, urls) } : {}),
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    allow_update_branch: false,
    delete_branch_on_merge: false,
    temp_clone_token: null,
    network_count: 0,
    subscribers_count: 0,
  };
}
