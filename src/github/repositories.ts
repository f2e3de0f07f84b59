import type { GitHubClient } from './client';
import { callGitHub } from './call';
import { NotFoundError } from './errors';
import type { RepositorySummary } from './types';

const READ_METADATA =
  'read access to the repositories (fine-grained tokens and GitHub Apps: the "Metadata" repository permission, read)';

interface RepositoryBody {
  name: string;
  full_name: string;
  owner: { login: string };
  visibility?: string;
  private: boolean;
  archived?: boolean;
  fork: boolean;
  topics?: string[];
}

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
    client.octokit.paginate(client.octokit.rest.repos.listForOrg, { org, type, per_page: 100 }),
  );
  return (bodies as RepositoryBody[]).map(toSummary);
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
      client.octokit.paginate(client.octokit.rest.repos.listForUser, {
        username,
        type: 'owner',
        per_page: 100,
      }),
  );
  return (bodies as RepositoryBody[]).map(toSummary);
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
    return toSummary(response.data as RepositoryBody);
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
    return (response.data as { login: string }).login;
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
  return response.data.login;
}
