import type { GitHubClient } from '../../github';
import {
  UnknownLoginsError,
  ValidationError,
  addToPrBypassList,
  loginExists,
  removeFromPrBypassList,
} from '../../github';
import { settleWithConcurrency } from '../concurrency';
import { DEFAULT_PLAN_CONCURRENCY } from '../defaults';
import type { WriteLog } from '../writes';
import type { PrBypassListChange } from './types';

/**
 * Sends the planned batches in order: removals first, so the list never holds more than the
 * 100 users GitHub allows. Each operation is one request of at most 100 logins.
 *
 * GitHub refuses a whole addition with 422 when any login is unknown, without saying which; then
 * every login this change adds is looked up (`GET /users/{login}`), the unknown ones are named in
 * an UnknownLoginsError, and nothing else is sent for this resource.
 */
export async function applyPrBypassListChange(
  client: GitHubClient,
  change: PrBypassListChange,
  log: WriteLog,
): Promise<void> {
  const { owner, repo } = change.target.repository;
  for (const operation of change.operations) {
    if (operation.type === 'remove_users') {
      await removeFromPrBypassList(client, owner, repo, operation.users);
    } else {
      try {
        await addToPrBypassList(client, owner, repo, operation.users);
      } catch (error) {
        if (error instanceof ValidationError) {
          const adding = change.operations.flatMap((o) => (o.type === 'add_users' ? o.users : []));
          throw new UnknownLoginsError(error, await unknownLogins(client, adding), change.id);
        }
        throw error;
      }
    }
    log.writes++;
  }
}

async function unknownLogins(client: GitHubClient, logins: readonly string[]): Promise<string[]> {
  const found = await settleWithConcurrency(logins, DEFAULT_PLAN_CONCURRENCY, (login) =>
    loginExists(client, login),
  );
  return logins.filter((_, index) => {
    const result = found[index];
    return result.status === 'fulfilled' && !result.value;
  });
}
