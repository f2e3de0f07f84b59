import type { GitHubClient } from './client';
import type { EndpointContext } from './call';
import { ADMINISTRATION_READ, ADMINISTRATION_WRITE, ORGANIZATION_OWNER, callGitHub } from './call';
import type { PrCreationCapSettings, UpdatePrCreationCapInput } from './types';

interface CapBody {
  enabled: boolean;
  max_open_pull_requests: number;
}

function toCap(data: unknown): PrCreationCapSettings {
  const body = data as CapBody;
  return { enabled: Boolean(body.enabled), maxOpenPullRequests: body.max_open_pull_requests };
}

function toBody(input: UpdatePrCreationCapInput): {
  enabled: boolean;
  max_open_pull_requests?: number;
} {
  return input.maxOpenPullRequests === undefined
    ? { enabled: input.enabled }
    : { enabled: input.enabled, max_open_pull_requests: input.maxOpenPullRequests };
}

const orgContext = (org: string): EndpointContext => ({
  permission: ORGANIZATION_OWNER,
  scope: `org/${org}`,
  feature: `the pull-request creation cap of organization ${org}`,
});
const repoContext = (owner: string, repo: string, write: boolean): EndpointContext => ({
  permission: write ? ADMINISTRATION_WRITE : ADMINISTRATION_READ,
  scope: `repo/${owner}/${repo}`,
  feature: `the pull-request creation cap of ${owner}/${repo}`,
});

/** Throws NotAvailableError (405) where the cap is switched off for the organization. */
export async function getOrgPrCreationCap(client: GitHubClient, org: string) {
  const response = await callGitHub(client, orgContext(org), () =>
    client.octokit.request('GET /orgs/{org}/interaction-limits/pulls/creation-cap', { org }),
  );
  return toCap(response.data);
}

export async function updateOrgPrCreationCap(
  client: GitHubClient,
  org: string,
  input: UpdatePrCreationCapInput,
) {
  const response = await callGitHub(client, orgContext(org), () =>
    client.octokit.request('PATCH /orgs/{org}/interaction-limits/pulls/creation-cap', {
      org,
      ...toBody(input),
    }),
  );
  return toCap(response.data);
}

/** Throws NotAvailableError (405) where the cap is switched off for the repository. */
export async function getRepoPrCreationCap(client: GitHubClient, owner: string, repo: string) {
  const response = await callGitHub(client, repoContext(owner, repo, false), () =>
    client.octokit.request('GET /repos/{owner}/{repo}/interaction-limits/pulls/creation-cap', {
      owner,
      repo,
    }),
  );
  return toCap(response.data);
}

export async function updateRepoPrCreationCap(
  client: GitHubClient,
  owner: string,
  repo: string,
  input: UpdatePrCreationCapInput,
) {
  const response = await callGitHub(client, repoContext(owner, repo, true), () =>
    client.octokit.request('PATCH /repos/{owner}/{repo}/interaction-limits/pulls/creation-cap', {
      owner,
      repo,
      ...toBody(input),
    }),
  );
  return toCap(response.data);
}
