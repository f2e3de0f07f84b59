import type { EmulatorState } from '../state/emulator-state';
import type { OrgRecord, RepoRecord } from '../state/model';
import type { Principal } from './principal';

/** Repository roles, strongest first (https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/repository-roles-for-an-organization). */
export type RepoRole = 'admin' | 'maintain' | 'write' | 'read';

const RANK: Record<RepoRole, number> = { admin: 4, maintain: 3, write: 2, read: 1 };

function strongest(roles: ReadonlyArray<RepoRole | undefined>): RepoRole | undefined {
  let best: RepoRole | undefined;
  for (const role of roles) if (role && (!best || RANK[role] > RANK[best])) best = role;
  return best;
}

function has(list: readonly string[], login: string): boolean {
  const key = login.toLowerCase();
  return list.some((l) => l.toLowerCase() === key);
}

/** True when the principal owns the org: an org owner, or an app installed on the org. */
export function isOrgOwner(principal: Principal, org: OrgRecord): boolean {
  if (principal.kind === 'user') return has(org.owners, principal.user.login);
  if (principal.kind === 'installation')
    return principal.installation.account.toLowerCase() === org.login.toLowerCase();
  return false;
}

/**
 * The principal's explicit role on a repository (undefined = none; public repositories are still
 * readable by everyone, see `canSee`). Owners of a personal repository and owners of the owning
 * org are admins; org members get the org's base permission; an installation acts with
 * Administration write on every repository of the account it is installed on.
 */
export function repoRole(
  state: EmulatorState,
  principal: Principal,
  repo: RepoRecord,
): RepoRole | undefined {
  if (principal.kind === 'installation')
    return principal.installation.account.toLowerCase() === repo.owner.toLowerCase()
      ? 'admin'
      : undefined;
  if (principal.kind !== 'user') return undefined;
  const login = principal.user.login;
  if (repo.owner.toLowerCase() === login.toLowerCase()) return 'admin';
  const org = state.findOrg(repo.owner);
  const fromOrg: RepoRole | undefined =
    org && isOrgOwner(principal, org)
      ? 'admin'
      : org && (has(org.members, login) || has(org.owners, login)) && org.basePermission !== 'none'
        ? org.basePermission
        : undefined;
  return strongest([
    fromOrg,
    has(repo.admins, login) ? 'admin' : undefined,
    has(repo.maintainers, login) ? 'maintain' : undefined,
    has(repo.writers, login) ? 'write' : undefined,
    has(repo.readers, login) ? 'read' : undefined,
  ]);
}

/** Private repositories are invisible (404, as on GitHub) to anyone without a role on them. */
export function canSee(state: EmulatorState, principal: Principal, repo: RepoRecord): boolean {
  return repo.visibility === 'public' || repoRole(state, principal, repo) !== undefined;
}

/** The `permissions` object GitHub puts on repositories for an authenticated viewer. */
export function permissionsObject(role: RepoRole | undefined): {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
} {
  const rank = role ? RANK[role] : 0;
  return {
    admin: rank >= RANK.admin,
    maintain: rank >= RANK.maintain,
    push: rank >= RANK.write,
    triage: rank >= RANK.write,
    pull: true,
  };
}
