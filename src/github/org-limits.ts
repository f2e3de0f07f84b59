import type { GitHubClient } from './client';
import type { EndpointContext } from './call';
import { ORGANIZATION_OWNER, callGitHub } from './call';
import { readLimitAnswer, readSetLimitAnswer } from './limit-object';
import type { ObservedInteractionLimit, SetInteractionLimitInput } from './types';

const orgContext = (org: string): EndpointContext => ({
  permission: ORGANIZATION_OWNER,
  scope: `org/${org}`,
});

export async function getOrgInteractionLimit(client: GitHubClient, org: string) {
  const response = await callGitHub(client, orgContext(org), () =>
    client.octokit.rest.interactions.getRestrictionsForOrg({ org }),
  );
  return readLimitAnswer(response);
}

export async function setOrgInteractionLimit(
  client: GitHubClient,
  org: string,
  input: SetInteractionLimitInput,
): Promise<ObservedInteractionLimit> {
  const response = await callGitHub(client, orgContext(org), () =>
    client.octokit.rest.interactions.setRestrictionsForOrg({ org, ...input }),
  );
  return readSetLimitAnswer(response);
}

export async function removeOrgInteractionLimit(client: GitHubClient, org: string): Promise<void> {
  await callGitHub(client, orgContext(org), () =>
    client.octokit.rest.interactions.removeRestrictionsForOrg({ org }),
  );
}
