import type { GitHubClient, ObservedInteractionLimit } from '../../github';
import {
  getOrgInteractionLimit,
  getRepoInteractionLimit,
  getUserInteractionLimit,
} from '../../github';
import type { LimitScope } from './types';

/**
 * The limit GitHub reports at a scope, or null. A repository under an org or user limit reports
 * that limit with its `origin`; the diff reads shadowing from it, so no second read is needed.
 * The user scope reads the token's own user; the planner checks a declared login against it.
 */
export async function observeInteractionLimit(
  client: GitHubClient,
  scope: LimitScope,
): Promise<ObservedInteractionLimit | null> {
  switch (scope.type) {
    case 'organization':
      return getOrgInteractionLimit(client, scope.org);
    case 'repository':
      return getRepoInteractionLimit(client, scope.owner, scope.repo);
    case 'user':
      return getUserInteractionLimit(client);
  }
}
