import type { GitHubClient } from '../../github';
import { updateOrgPrCreationCap, updateRepoPrCreationCap } from '../../github';
import type { WriteLog } from '../writes';
import { observedCap } from './observe';
import type { PrCreationCapChange } from './types';

export async function applyPrCreationCapChange(
  client: GitHubClient,
  change: PrCreationCapChange,
  log: WriteLog,
): Promise<void> {
  const scope = change.target.scope;
  for (const operation of change.operations) {
    const input = {
      enabled: operation.enabled,
      ...(operation.maxOpenPullRequests !== undefined
        ? { maxOpenPullRequests: operation.maxOpenPullRequests }
        : {}),
      ...(operation.includeDrafts !== undefined ? { includeDrafts: operation.includeDrafts } : {}),
    };
    const cap =
      scope.type === 'organization'
        ? await updateOrgPrCreationCap(client, scope.org, input)
        : await updateRepoPrCreationCap(client, scope.owner, scope.repo, input);
    log.writes++;
    // GitHub answers a PATCH with the cap now in force: that answer is the confirmation.
    log.answered = { observed: observedCap(cap) };
  }
}
