import type { GitHubClient } from '../../github';
import { updateOrgPrCreationCap, updateRepoPrCreationCap } from '../../github';
import type { WriteLog } from '../writes';
import type { PrCreationCapChange } from './types';

export async function applyPrCreationCapChange(
  client: GitHubClient,
  change: PrCreationCapChange,
  log: WriteLog,
): Promise<void> {
  const scope = change.target.scope;
  for (const operation of change.operations) {
    const input =
      operation.maxOpenPullRequests === undefined
        ? { enabled: operation.enabled }
        : { enabled: operation.enabled, maxOpenPullRequests: operation.maxOpenPullRequests };
    if (scope.type === 'organization') await updateOrgPrCreationCap(client, scope.org, input);
    else await updateRepoPrCreationCap(client, scope.owner, scope.repo, input);
    log.writes++;
  }
}
