import { z } from 'zod';
import { checkAnswer } from './answers';
import type { GitHubClient } from './client';
import { ADMINISTRATION_WRITE, callGitHub } from './call';
import { BYPASS_LIST_MAX_USERS_PER_REQUEST } from './facts';
import type { BypassListUser } from './types';

/** GitHub answers the list as an array of `simple-user` (OpenAPI); login and id are what we use. */
const BypassListSchema = z.array(z.object({ login: z.string().min(1), id: z.number() }).loose());

const ROUTE = '/repos/{owner}/{repo}/interaction-limits/pulls/bypass-list';

/** Reading the list needs Administration write too (GitHub's docs data for the bypass list). */
const context = (owner: string, repo: string) => ({
  permission: ADMINISTRATION_WRITE,
  scope: `${owner}/${repo}`,
  feature: `the pull-request creation cap bypass list of ${owner}/${repo}`,
});

export async function getPrBypassList(
  client: GitHubClient,
  owner: string,
  repo: string,
): Promise<BypassListUser[]> {
  const response = await callGitHub(client, context(owner, repo), () =>
    client.octokit.request(`GET ${ROUTE}`, { owner, repo }),
  );
  const users = checkAnswer(BypassListSchema, response, 'an array of users {login, id}');
  return users.map(({ login, id }) => ({ login, id }));
}

/**
 * Adds one batch of logins (at most BYPASS_LIST_MAX_USERS_PER_REQUEST) in one request. Cutting a
 * longer list into batches is the core's job: the plan records each batch as an operation.
 */
export async function addToPrBypassList(
  client: GitHubClient,
  owner: string,
  repo: string,
  logins: readonly string[],
): Promise<void> {
  await sendBatch(client, 'PUT', owner, repo, logins);
}

/** Removes one batch of logins (at most BYPASS_LIST_MAX_USERS_PER_REQUEST) in one request. */
export async function removeFromPrBypassList(
  client: GitHubClient,
  owner: string,
  repo: string,
  logins: readonly string[],
): Promise<void> {
  await sendBatch(client, 'DELETE', owner, repo, logins);
}

async function sendBatch(
  client: GitHubClient,
  method: 'PUT' | 'DELETE',
  owner: string,
  repo: string,
  users: readonly string[],
): Promise<void> {
  if (users.length === 0 || users.length > BYPASS_LIST_MAX_USERS_PER_REQUEST) {
    throw new RangeError(
      `${method} ${ROUTE.replace('{owner}', owner).replace('{repo}', repo)}: [users] ${users.length} logins given; expected 1 to ${BYPASS_LIST_MAX_USERS_PER_REQUEST} per request (GitHub's limit). Cut longer lists into batches first.`,
    );
  }
  await callGitHub(client, context(owner, repo), () =>
    client.octokit.request(`${method} ${ROUTE}`, { owner, repo, users: [...users] }),
  );
}
