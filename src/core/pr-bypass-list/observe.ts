import type { GitHubClient, RepositoryRef } from '../../github';
import { getPrBypassList } from '../../github';
import type { ObservedBypassList } from './types';

/** The logins on a repository's bypass list, as GitHub spells them. */
export async function observePrBypassList(
  client: GitHubClient,
  repository: RepositoryRef,
): Promise<ObservedBypassList> {
  const users = await getPrBypassList(client, repository.owner, repository.repo);
  return { users: users.map((user) => user.login) };
}
