import type { GitHubClient } from './client';
import { ADMINISTRATION_READ, ADMINISTRATION_WRITE, callGitHub } from './call';
import type { BypassListUser } from './types';

/**
 * GitHub takes at most 100 logins per request, and the list holds at most 100 users.
 * https://docs.github.com/rest/interactions/repos#add-users-to-the-pull-request-creation-cap-bypass-list-for-a-repository
 */
export const BYPASS_LIST_BATCH_SIZE = 100;
export const BYPASS_LIST_MAX_USERS = 100;

const ROUTE = '/repos/{owner}/{repo}/interaction-limits/pulls/bypass-list';

const context = (owner: string, repo: string, write: boolean) => ({
  permission: write ? ADMINISTRATION_WRITE : ADMINISTRATION_READ,
  scope: `${owner}/${repo}`,
  feature: `the pull-request creation cap bypass list of ${owner}/${repo}`,
});

export async function getPrBypassList(
  client: GitHubClient,
  owner: string,
  repo: string,
): Promise<BypassListUser[]> {
  const response = await callGitHub(client, context(owner, repo, false), () =>
    client.octokit.request(`GET ${ROUTE}`, { owner, repo }),
  );
  const users = (Array.isArray(response.data) ? response.data : []) as Array<{
    login: string;
    id: number;
  }>;
  return users.map(({ login, id }) => ({ login, id }));
}

/** Adds logins in batches of at most 100; returns the number of requests sent. */
export async function addToPrBypassList(
  client: GitHubClient,
  owner: string,
  repo: string,
  logins: readonly string[],
): Promise<number> {
  return sendInBatches(client, 'PUT', owner, repo, logins);
}

/** Removes logins in batches of at most 100; returns the number of requests sent. */
export async function removeFromPrBypassList(
  client: GitHubClient,
  owner: string,
  repo: string,
  logins: readonly string[],
): Promise<number> {
  return sendInBatches(client, 'DELETE', owner, repo, logins);
}

async function sendInBatches(
  client: GitHubClient,
  method: 'PUT' | 'DELETE',
  owner: string,
  repo: string,
  logins: readonly string[],
): Promise<number> {
  const batches = chunk(logins, BYPASS_LIST_BATCH_SIZE);
  for (const users of batches) {
    await callGitHub(client, context(owner, repo, true), () =>
      client.octokit.request(`${method} ${ROUTE}`, { owner, repo, users }),
    );
  }
  return batches.length;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
