import { z } from 'zod';
import type { AnswerLike } from './answers';
import { checkAnswer } from './answers';
import type { GitHubClient } from './client';
import type { EndpointContext } from './call';
import { ADMINISTRATION_WRITE, ORGANIZATION_OWNER, callGitHub } from './call';
import type { PrCreationCapSettings, UpdatePrCreationCapInput } from './types';

/**
 * The cap as GitHub answers it (OpenAPI: `enabled` and `max_open_pull_requests` required, an
 * integer). The range 1–1000 is not checked here: a disabled cap may keep any number.
 */
const CapSchema = z
  .object({
    enabled: z.boolean(),
    max_open_pull_requests: z.number().int(),
    include_drafts: z.boolean().optional(),
  })
  .loose();
const CAP = 'a creation cap {enabled, max_open_pull_requests, include_drafts?}';

/**
 * `include_drafts` is in GitHub's published docs data for the cap operations (changelog of
 * 2026-06-17) but not yet in @octokit/openapi 23; an answer without it means GitHub's default:
 * drafts do not count.
 */
function toCap(response: AnswerLike, method: 'GET' | 'PATCH'): PrCreationCapSettings {
  const body = checkAnswer(CapSchema, response, CAP, method);
  return {
    enabled: body.enabled,
    maxOpenPullRequests: body.max_open_pull_requests,
    includeDrafts: body.include_drafts === true,
  };
}

function toBody(input: UpdatePrCreationCapInput): {
  enabled: boolean;
  max_open_pull_requests?: number;
  include_drafts?: boolean;
} {
  return {
    enabled: input.enabled,
    ...(input.maxOpenPullRequests !== undefined
      ? { max_open_pull_requests: input.maxOpenPullRequests }
      : {}),
    ...(input.includeDrafts !== undefined ? { include_drafts: input.includeDrafts } : {}),
  };
}

const orgContext = (org: string): EndpointContext => ({
  permission: ORGANIZATION_OWNER,
  scope: `org/${org}`,
  feature: `the pull-request creation cap of organization ${org}`,
});
/** Reading the cap needs Administration write too (GitHub's docs data for the cap operations). */
const repoContext = (owner: string, repo: string): EndpointContext => ({
  permission: ADMINISTRATION_WRITE,
  scope: `repo/${owner}/${repo}`,
  feature: `the pull-request creation cap of ${owner}/${repo}`,
});

/** Throws NotAvailableError (405) where the cap is switched off for the organization. */
export async function getOrgPrCreationCap(client: GitHubClient, org: string) {
  const response = await callGitHub(client, orgContext(org), () =>
    client.octokit.request('GET /orgs/{org}/interaction-limits/pulls/creation-cap', { org }),
  );
  return toCap(response, 'GET');
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
  return toCap(response, 'PATCH');
}

/** Throws NotAvailableError (405) where the cap is switched off for the repository. */
export async function getRepoPrCreationCap(client: GitHubClient, owner: string, repo: string) {
  const response = await callGitHub(client, repoContext(owner, repo), () =>
    client.octokit.request('GET /repos/{owner}/{repo}/interaction-limits/pulls/creation-cap', {
      owner,
      repo,
    }),
  );
  return toCap(response, 'GET');
}

export async function updateRepoPrCreationCap(
  client: GitHubClient,
  owner: string,
  repo: string,
  input: UpdatePrCreationCapInput,
) {
  const response = await callGitHub(client, repoContext(owner, repo), () =>
    client.octokit.request('PATCH /repos/{owner}/{repo}/interaction-limits/pulls/creation-cap', {
      owner,
      repo,
      ...toBody(input),
    }),
  );
  return toCap(response, 'PATCH');
}
