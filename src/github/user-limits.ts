import type { GitHubClient } from './client';
import type { EndpointContext } from './call';
import { USER_TOKEN, callGitHub } from './call';
import { requireLimit, toObservedLimit } from './limit-object';
import type { ObservedInteractionLimit, SetInteractionLimitInput } from './types';

const userContext: EndpointContext = { permission: USER_TOKEN, scope: 'user' };

/** The limit on the authenticated user's public repositories. */
export async function getUserInteractionLimit(client: GitHubClient) {
  const response = await callGitHub(client, userContext, () =>
    client.octokit.rest.interactions.getRestrictionsForAuthenticatedUser(),
  );
  return (response.status as number) === 204 ? null : toObservedLimit(response.data);
}

export async function setUserInteractionLimit(
  client: GitHubClient,
  input: SetInteractionLimitInput,
): Promise<ObservedInteractionLimit> {
  const response = await callGitHub(client, userContext, () =>
    client.octokit.rest.interactions.setRestrictionsForAuthenticatedUser({ ...input }),
  );
  return requireLimit(response.data, 'PUT /user/interaction-limits');
}

export async function removeUserInteractionLimit(client: GitHubClient): Promise<void> {
  await callGitHub(client, userContext, () =>
    client.octokit.rest.interactions.removeRestrictionsForAuthenticatedUser(),
  );
}
