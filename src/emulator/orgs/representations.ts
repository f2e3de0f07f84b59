import { isOrgOwner } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { nodeId } from '../http/node-id';
import type { Urls } from '../http/route';
import type { EmulatorState } from '../state/emulator-state';
import type { OrgRecord } from '../state/model';

/**
 * `organization-full`: what `GET /orgs/{org}` returns, with every field the OpenAPI schema
 * requires, so the contract tests can validate it. `login` is GitHub's spelling of the org,
 * whatever case the path used. Owners see a few of the details GitHub keeps for them ("To see
 * the full details about an organization, the authenticated user must be an organization
 * owner").
 */
export function organizationFull(
  state: EmulatorState,
  org: OrgRecord,
  urls: Urls,
  principal: Principal,
) {
  const api = `${urls.api}/orgs/${org.login}`;
  const repos = state.reposOwnedBy(org.login);
  const privateRepos = repos.filter((r) => r.visibility === 'private').length;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId('Organization', org.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${urls.html}/avatars/u/${org.id}?v=4`,
    description: null,
    name: org.name,
    twitter_username: null,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: repos.length - privateRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: `${urls.html}/${org.login}`,
    type: 'Organization',
    created_at: org.createdAt,
    updated_at: org.createdAt,
    archived_at: null,
    ...(isOrgOwner(principal, org)
      ? {
          total_private_repos: privateRepos,
          owned_private_repos: privateRepos,
          default_repository_permission: org.basePermission,
        }
      : {}),
  };
}
