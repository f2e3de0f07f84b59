import type { GitHubClient } from '../../github';
import { addToPrBypassList, removeFromPrBypassList } from '../../github';
import type { WriteLog } from '../writes';
import type { PrBypassListChange } from './types';

/**
 * Sends the planned batches in order: removals first, so the list never holds more than the
 * 100 users GitHub allows. Each operation is one request of at most 100 logins.
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
      await addToPrBypassList(client, owner, repo, operation.users);
    }
    log.writes++;
  }
}
