import type { GitHubClient } from '../github/client';
import type { LimitObservation } from '../github/graphql';
import { GraphqlUnavailableError, listRepositoriesWithLimits } from '../github/graphql';
import {
  getAuthenticatedLogin,
  getOrganizationLogin,
  getRepository,
  listOrgRepositories,
  listUserRepositories,
} from '../github/repositories';
import type { RepositorySummary } from '../github/types';

/** A listed repository; a GraphQL listing also brings its interaction limit. */
export interface RepositoryListing extends RepositorySummary {
  readonly interactionLimit?: LimitObservation;
}

export interface ListRepositoriesOptions {
  /** `public` when the selectors want public repositories only (a shorter listing). @default 'all' */
  readonly visibility?: 'public' | 'all';
}

/**
 * What selector expansion needs from GitHub. Pagination is the port's concern: each call returns
 * every repository. Tests pass a fake; `githubPolicyPort` is the real one.
 */
export interface PolicyRepositoryPort {
  /** Every repository of the organization the token can see (all visibilities unless told). */
  listOrgRepositories(
    org: string,
    options?: ListRepositoriesOptions,
  ): Promise<readonly RepositoryListing[]>;
  /** Every repository the user owns that the token can see. */
  listUserRepositories(
    user: string,
    options?: ListRepositoriesOptions,
  ): Promise<readonly RepositoryListing[]>;
  /** The login of the token's user (the scope of the user interaction limit). */
  authenticatedLogin(): Promise<string>;
  /** One repository (GitHub's spelling, visibility, archived), or null when GitHub answers 404. */
  getRepository(owner: string, repo: string): Promise<RepositorySummary | null>;
  /** An organization's login as GitHub spells it, or null when GitHub answers 404. */
  getOrganizationLogin(org: string): Promise<string | null>;
}

export interface GitHubPolicyPortOptions {
  /**
   * List repositories through GitHub's GraphQL API (100 a request, each with its interaction
   * limit, so the plan need not read those again); REST (`GET /orgs/{org}/repos`) otherwise,
   * and whenever GraphQL cannot be used.
   * @default true
   */
  readonly graphql?: boolean;
  /** Told why a listing fell back to REST (debug output). */
  readonly onGraphqlFallback?: (reason: string) => void;
}

export function githubPolicyPort(
  client: GitHubClient,
  options: GitHubPolicyPortOptions = {},
): PolicyRepositoryPort {
  const list = async (
    owner: { type: 'organization' | 'user'; login: string },
    listOptions: ListRepositoriesOptions | undefined,
    rest: () => Promise<RepositorySummary[]>,
  ): Promise<readonly RepositoryListing[]> => {
    if (options.graphql === false) return rest();
    try {
      return await listRepositoriesWithLimits(client, owner, listOptions);
    } catch (error) {
      if (!(error instanceof GraphqlUnavailableError)) throw error;
      options.onGraphqlFallback?.(`listing ${owner.type} ${owner.login}: ${error.reason}`);
      return rest();
    }
  };
  return {
    listOrgRepositories: (org, listOptions) =>
      list({ type: 'organization', login: org }, listOptions, () =>
        listOrgRepositories(client, org, listOptions?.visibility === 'public' ? 'public' : 'all'),
      ),
    listUserRepositories: (user, listOptions) =>
      list({ type: 'user', login: user }, listOptions, () => listUserRepositories(client, user)),
    authenticatedLogin: () => getAuthenticatedLogin(client),
    getRepository: (owner, repo) => getRepository(client, owner, repo),
    getOrganizationLogin: (org) => getOrganizationLogin(client, org),
  };
}
