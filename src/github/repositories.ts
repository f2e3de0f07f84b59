import { z } from 'zod';
import type { AnswerLike } from './answers';
import { checkAnswer } from './answers';
import type { GitHubClient } from './client';
import { callGitHub } from './call';
import { NotFoundError } from './errors';
import type { RepositorySummary } from './types';

const READ_METADATA =
  'read access to the repositories (fine-grained tokens and GitHub Apps: the "Metadata" repository permission, read)';

/** The fields of GitHub's `repository` / `minimal-repository` that selectors use. */
const RepositorySchema = z
  .object({
    name: z.string().min(1),
    full_name: z.string().min(1),
    owner: z.object({ login: z.string().min(1) }).loose(),
    visibility: z.string().optional(),
    private: z.boolean(),
    archived: z.boolean().optional(),
    fork: z.boolean(),
    topics: z.array(z.string()).optional(),
  })
  .loose();
type RepositoryBody = z.infer<typeof RepositorySchema>;
const REPOSITORY = 'a repository {name, full_name, owner.login, private, fork…}';
const RepositoryListSchema = z.array(RepositorySchema);
const REPOSITORY_LIST = 'an array of repositories {name, full_name, owner.login, private, fork…}';

const AccountSchema = z.object({ login: z.string().min(1) }).loose();

function toSummary(body: RepositoryBody): RepositorySummary {
  return {
    owner: body.owner.login,
    name: body.name,
    fullName: body.full_name,
    visibility: body.visibility ?? (body.private ? 'private' : 'public'),
    archived: Boolean(body.archived),
    fork: body.fork,
    topics: body.topics ?? [],
  };
}

/** Every repository of an organization the token can see, all pages. */
export async function listOrgRepositories(
  client: GitHubClient,
  org: string,
  type: 'all' | 'public' = 'all',
): Promise<RepositorySummary[]> {
  const bodies = await callGitHub(client, { permission: READ_METADATA, scope: `org/${org}` }, () =>
    listAllPages(client, () =>
      client.octokit.request('GET /orgs/{org}/repos', { org, type, per_page: 100 }),
    ),
  );
  return bodies.map(toSummary);
}

/** Every public repository a user owns, all pages. */
export async function listUserRepositories(
  client: GitHubClient,
  username: string,
): Promise<RepositorySummary[]> {
  const bodies = await callGitHub(
    client,
    { permission: READ_METADATA, scope: `user/${username}` },
    () =>
      listAllPages(client, () =>
        client.octokit.request('GET /users/{username}/repos', {
          username,
          type: 'owner',
          per_page: 100,
        }),
      ),
  );
  return bodies.map(toSummary);
}

/**
 * Every page of a repository listing, each checked: Octokit's paginate reads an empty body as an
 * empty page and fails with a TypeError on a text one, so pages are followed here (`link:
 * rel="next"`, https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api).
 */
async function listAllPages(
  client: GitHubClient,
  first: () => Promise<AnswerLike>,
): Promise<RepositoryBody[]> {
  const bodies: RepositoryBody[] = [];
  let response = await first();
  for (;;) {
    bodies.push(...checkAnswer(RepositoryListSchema, response, REPOSITORY_LIST));
    const next = /<([^<>]+)>;\s*rel="next"/.exec(String(response.headers.link ?? ''))?.[1];
    if (!next) return bodies;
    response = await client.octokit.request({ method: 'GET', url: next });
  }
}

/**
 * One repository, as GitHub spells it, or null when GitHub answers 404 (it does not exist, or the
 * token cannot see it). Policies use it for explicit entries: GitHub's spelling for ids, and
 * whether the repository is private (no interaction limits) or archived.
 */
export async function getRepository(
  client: GitHubClient,
  owner: string,
  repo: string,
): Promise<RepositorySummary | null> {
  try {
    const response = await callGitHub(
      client,
      { permission: READ_METADATA, scope: `repo/${owner}/${repo}` },
      () => client.octokit.request('GET /repos/{owner}/{repo}', { owner, repo }),
    );
    return toSummary(checkAnswer(RepositorySchema, response, REPOSITORY));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** An organization's login as GitHub spells it (`GET /orgs/{org}`), or null on 404. */
export async function getOrganizationLogin(
  client: GitHubClient,
  org: string,
): Promise<string | null> {
  try {
    const response = await callGitHub(
      client,
      { permission: 'any token (organization profiles are public)', scope: `org/${org}` },
      () => client.octokit.request('GET /orgs/{org}', { org }),
    );
    return checkAnswer(AccountSchema, response, 'an organization {login, …}').login;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** The login of the token's user (the scope of `/user/interaction-limits`). */
export async function getAuthenticatedLogin(client: GitHubClient): Promise<string> {
  const response = await callGitHub(
    client,
    {
      permission:
        'a user token (GitHub App installation tokens have no user; the user scope needs a personal token)',
    },
    () => client.octokit.rest.users.getAuthenticated(),
  );
  return checkAnswer(AccountSchema, response, 'the authenticated user {login, …}').login;
}
