import type { GitHubClient, LimitObservation, ObservedInteractionLimit } from '../../github';
import {
  getOrgInteractionLimit,
  getRepoInteractionLimit,
  getUserInteractionLimit,
  observeLimitsBatch,
} from '../../github';
import type { BatchObservation } from '../kind';
import type { InteractionLimitTarget, LimitScope } from './types';

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

/**
 * The limits of many scopes in a few GraphQL requests (100 a request, `observeLimitsBatch`): the
 * same `{limit, origin, expiresAt}` or null that `observeInteractionLimit` reads through REST.
 * A scope GraphQL could not answer for (null, an error, a user scope that is not the token's
 * user) comes back with its reason and is read through REST.
 */
export async function observeInteractionLimitsBatch(
  client: GitHubClient,
  targets: readonly InteractionLimitTarget[],
): Promise<BatchObservation<ObservedInteractionLimit | null>[]> {
  const scopes = targets.map((target) => target.scope);
  const result = await observeLimitsBatch(client, {
    repositories: scopes.flatMap((s) =>
      s.type === 'repository' ? [{ owner: s.owner, repo: s.repo }] : [],
    ),
    organizations: scopes.flatMap((s) => (s.type === 'organization' ? [s.org] : [])),
    viewer: scopes.some((s) => s.type === 'user'),
  });
  const asBatch = (
    observation: LimitObservation | undefined,
  ): BatchObservation<ObservedInteractionLimit | null> =>
    !observation
      ? { observed: false, reason: 'GraphQL did not answer for it' }
      : observation.observed
        ? { observed: true, value: observation.limit }
        : observation;
  return scopes.map((scope) => {
    switch (scope.type) {
      case 'repository':
        return asBatch(result.repositories.get(`${scope.owner}/${scope.repo}`.toLowerCase()));
      case 'organization':
        return asBatch(result.organizations.get(scope.org.toLowerCase()));
      case 'user':
        if (
          result.viewer &&
          scope.login !== undefined &&
          scope.login.toLowerCase() !== result.viewer.login.toLowerCase()
        ) {
          return {
            observed: false,
            reason: `the token belongs to ${result.viewer.login}, not ${scope.login}`,
          };
        }
        return asBatch(result.viewer?.limit);
    }
  });
}
