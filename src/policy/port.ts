import type { GitHubClient } from '../github/client';
import {
  getAuthenticatedLogin,
  getOrganizationLogin,
  getRepository,
  listOrgRepositories,
  listUserRepositories,
} from '../github/repositories';
import type { RepositorySummary } from '../github/types';

/**
 * What selector expansion needs from GitHub. Pagination is the port's concern: each call returns
 * every repository. Tests pass a fake; `githubPolicyPort` is the real one.
 */
export interface PolicyRepositoryPort {
  /** Every repository of the organization the token can see (all visibilities). */
  listOrgRepositories(org: string): Promise<readonly RepositorySummary[]>;
  /** Every repository the user owns that the token can see. */
  listUserRepositories(user: string): Promise<readonly RepositorySummary[]>;
  /** The login of the token's user (the scope of the user interaction limit). */
  authenticatedLogin(): Promise<string>;
  /** One repository (GitHub's spelling, visibility, archived), or null when GitHub answers 404. */
  getRepository(owner: string, repo: string): Promise<RepositorySummary | null>;
  /** An organization's login as GitHub spells it, or null when GitHub answers 404. */
  getOrganizationLogin(org: string): Promise<string | null>;
}

export function githubPolicyPort(client: GitHubClient): PolicyRepositoryPort {
  return {
    listOrgRepositories: (org) => listOrgRepositories(client, org, 'all'),
    listUserRepositories: (user) => listUserRepositories(client, user),
    authenticatedLogin: () => getAuthenticatedLogin(client),
    getRepository: (owner, repo) => getRepository(client, owner, repo),
    getOrganizationLogin: (org) => getOrganizationLogin(client, org),
  };
}
