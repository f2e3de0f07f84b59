import type { GitHubClient } from './client';
import type { EndpointContext } from './call';
import { ADMINISTRATION_READ, ADMINISTRATION_WRITE, callGitHub } from './call';
import { readLimitAnswer, readSetLimitAnswer } from './limit-object';
import type { ObservedInteractionLimit, SetInteractionLimitInput } from './types';

const repoContext = (owner: string, repo: string, write: boolean): EndpointContext => ({
  permission: write ? ADMINISTRATION_WRITE : ADMINISTRATION_READ,
  scope: `repo/${owner}/${repo}`,
  // GitHub answers 405 "Interaction limits cannot be set for private repositories." (reported by
  // users; docs/emulator.md) to GET, PUT and DELETE on a private repository.
  feature: `an interaction limit on ${owner}/${repo} (GitHub allows none on private repositories; make it public, or remove the limit from the declaration)`,
});

export async function getRepoInteractionLimit(client: GitHubClient, owner: string, repo: string) {
  const response = await callGitHub(client, repoContext(owner, repo, false), () =>
    client.octokit.rest.interactions.getRestrictionsForRepo({ owner, repo }),
  );
  return readLimitAnswer(response);
}

/** Throws ShadowedLimitError (409) while an organization or user limit is in force. */
export async function setRepoInteractionLimit(
  client: GitHubClient,
  owner: string,
  repo: string,
  input: SetInteractionLimitInput,
): Promise<ObservedInteractionLimit> {
  const response = await callGitHub(client, repoContext(owner, repo, true), () =>
    client.octokit.rest.interactions.setRestrictionsForRepo({ owner, repo, ...input }),
  );
  return readSetLimitAnswer(response);
}

/** Throws ShadowedLimitError (409) while an organization or user limit is in force. */
export async function removeRepoInteractionLimit(
  client: GitHubClient,
  owner: string,
  repo: string,
): Promise<void> {
  await callGitHub(client, repoContext(owner, repo, true), () =>
    client.octokit.rest.interactions.removeRestrictionsForRepo({ owner, repo }),
  );
}
