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

/** The owner (org or user) limit that governs a repository, if one is in force. */
export function ownerLimit(
  state: EmulatorState,
  repo: RepoRecord,
): { origin: 'organization' | 'user'; owner: string; record: LimitRecord } | undefined {
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
 * What `GET /repos/{owner}/{repo}/interaction-limits` shows: the owner's limit with its origin
 * while one is in force (ASSUMPTION: GitHub documents the 409 but not this read; GraphQL's
 * `RepositoryInteractionLimitOrigin` enum suggests it), otherwise the repository's own limit.
 */
export function effectiveRepoLimit(
  state: EmulatorState,
  repo: RepoRecord,
): LimitResponse | undefined {
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

/** Sets an org limit and, as GitHub documents, overwrites (removes) its repositories' limits. */
export function setOrgLimit(state: EmulatorState, org: OrgRecord, record: LimitRecord): void {
  org.limit = record;
  for (const repo of state.reposOwnedBy(org.login)) delete repo.limit;
  state.changed();
}

/** Sets a user limit and overwrites (removes) the limits of the user's repositories. */
export function setUserLimit(state: EmulatorState, user: UserRecord, record: LimitRecord): void {
  user.limit = record;
  for (const repo of state.reposOwnedBy(user.login)) delete repo.limit;
  state.changed();
}

/**
 * Removing an owner limit leaves the repositories without a limit: the ones they had were
 * overwritten when the owner limit was set (ASSUMPTION, docs/emulator.md).
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
