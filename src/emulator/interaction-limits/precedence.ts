import type { EmulatorState } from '../state/emulator-state';
import type { OrgRecord, RepoRecord, UserRecord } from '../state/model';
import { activeLimit } from './expiry';
import type { InteractionGroup, LimitOrigin, LimitRecord } from './model';

/**
 * Interaction limits and their precedence, as GitHub documents them
 * (https://docs.github.com/rest/interactions): an org limit overwrites the limits of the org's
 * repositories, a user limit those of the user's repositories, and while one is in force a
 * repository's own limit cannot be changed (409).
 */

/** The JSON GitHub returns for a limit (OpenAPI `interaction-limit-response`). */
export interface LimitResponse {
  limit: InteractionGroup;
  origin: LimitOrigin;
  expires_at: string;
}

export function limitResponse(record: LimitRecord, origin: LimitOrigin): LimitResponse {
  return { limit: record.limit, origin, expires_at: record.expiresAt };
}

/**
 * Private repositories have no interaction limits: GitHub answers 405 "Interaction limits cannot
 * be set for private repositories." on GET, PUT and DELETE (reported by users; the reference
 * page), and org and user limits apply to public repositories only (GitHub's docs: "in any public
 * repository in the given organization", "your public repositories"). Archived public
 * repositories accept limits like any public one.
 */
export const PRIVATE_REPOSITORY_MESSAGE =
  'Interaction limits cannot be set for private repositories.';

export function acceptsLimits(repo: RepoRecord): boolean {
  return repo.visibility === 'public';
}

/** The owner (org or user) limit that governs a public repository, if one is in force. */
export function ownerLimit(
  state: EmulatorState,
  repo: RepoRecord,
): { origin: 'organization' | 'user'; owner: string; record: LimitRecord } | undefined {
  if (!acceptsLimits(repo)) return undefined;
  const now = state.now();
  const org = state.findOrg(repo.owner);
  if (org) {
    const record = activeLimit(org.limit, now);
    return record ? { origin: 'organization', owner: org.login, record } : undefined;
  }
  const user = state.findUser(repo.owner);
  const record = activeLimit(user?.limit, now);
  return user && record ? { origin: 'user', owner: user.login, record } : undefined;
}

/**
 * What `GET /repos/{owner}/{repo}/interaction-limits` shows for a public repository: the owner's
 * limit with its origin while one is in force (GitHub documents the 409; tools managing these
 * limits observe this read, and GraphQL's `RepositoryInteractionLimitOrigin` enum names the
 * origins), otherwise the repository's own limit. Nothing for a private repository.
 */
export function effectiveRepoLimit(
  state: EmulatorState,
  repo: RepoRecord,
): LimitResponse | undefined {
  if (!acceptsLimits(repo)) return undefined;
  const owner = ownerLimit(state, repo);
  if (owner) return limitResponse(owner.record, owner.origin);
  const own = activeLimit(repo.limit, state.now());
  return own ? limitResponse(own, 'repository') : undefined;
}

export function orgLimit(state: EmulatorState, org: OrgRecord): LimitResponse | undefined {
  const record = activeLimit(org.limit, state.now());
  return record ? limitResponse(record, 'organization') : undefined;
}

export function userLimit(state: EmulatorState, user: UserRecord): LimitResponse | undefined {
  const record = activeLimit(user.limit, state.now());
  return record ? limitResponse(record, 'user') : undefined;
}

/**
 * GitHub: "Setting the interaction limit at the organization level will overwrite any interaction
 * limits that are set for individual repositories owned by the organization" (and likewise for a
 * user). Overwritten means deleted, not hidden: once the owner's limit ends (removed or expired),
 * its public repositories have no limit, not their old one.
 */
function overwriteRepoLimits(state: EmulatorState, owner: string): void {
  for (const repo of state.reposOwnedBy(owner)) if (acceptsLimits(repo)) delete repo.limit;
}

/** Sets an org limit and overwrites (deletes) the limits of the org's public repositories. */
export function setOrgLimit(state: EmulatorState, org: OrgRecord, record: LimitRecord): void {
  org.limit = record;
  overwriteRepoLimits(state, org.login);
  state.changed();
}

/** Sets a user limit and overwrites (deletes) the limits of the user's public repositories. */
export function setUserLimit(state: EmulatorState, user: UserRecord, record: LimitRecord): void {
  user.limit = record;
  overwriteRepoLimits(state, user.login);
  state.changed();
}

/**
 * Removing an owner limit leaves the repositories without a limit: the ones they had were
 * deleted when the owner limit was set.
 */
export function removeOrgLimit(state: EmulatorState, org: OrgRecord): void {
  delete org.limit;
  state.changed();
}

export function removeUserLimit(state: EmulatorState, user: UserRecord): void {
  delete user.limit;
  state.changed();
}

export function setRepoLimit(state: EmulatorState, repo: RepoRecord, record: LimitRecord): void {
  repo.limit = record;
  state.changed();
}

export function removeRepoLimit(state: EmulatorState, repo: RepoRecord): void {
  delete repo.limit;
  state.changed();
}
