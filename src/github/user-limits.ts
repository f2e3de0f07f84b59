import type { GitHubClient } from './client';
import type { EndpointContext } from './call';
import { USER_TOKEN, callGitHub } from './call';
import { readLimitAnswer, readSetLimitAnswer } from './limit-object';
import type { ObservedInteractionLimit, SetInteractionLimitInput } from './types';

const userContext: EndpointContext = { permission: USER_TOKEN, scope: 'user' };

/** The limit on the authenticated user's public repositories. */
export async function getUserInteractionLimit(client: GitHubClient) {
  const response = await callGitHub(client, userContext, () =>
    client.octokit.rest.interactions.getRestrictionsForAuthenticatedUser(),
  );
  return readLimitAnswer(response);
}

export async function setUserInteractionLimit(
  client: GitHubClient,
  input: SetInteractionLimitInput,
): Promise<ObservedInteractionLimit> {
  const response = await callGitHub(client, userContext, () =>
    client.octokit.rest.interactions.setRestrictionsForAuthenticatedUser({ ...input }),
  );
  return readSetLimitAnswer(response);
}

export async function removeUserInteractionLimit(client: GitHubClient): Promise<void> {
  await callGitHub(client, userContext, () =>
    client.octokit.rest.interactions.removeRestrictionsForAuthenticatedUser(),
  );
}
