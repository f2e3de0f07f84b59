import type { GitHubClient } from '../../github';
import {
  ShadowedLimitError,
  removeOrgInteractionLimit,
  removeRepoInteractionLimit,
  removeUserInteractionLimit,
  setOrgInteractionLimit,
  setRepoInteractionLimit,
  setUserInteractionLimit,
} from '../../github';
import type { WriteLog } from '../writes';
import { checkUserScopeBeforeWrite } from './user-scope';
import type { InteractionLimitChange, LimitOperation, LimitScope } from './types';

/** Runs the change's operations, one request each. Typed GitHub errors propagate. */
export async function applyInteractionLimitChange(
  client: GitHubClient,
  change: InteractionLimitChange,
  log: WriteLog,
): Promise<void> {
  const scope = change.target.scope;
  await checkUserScopeBeforeWrite(client, change.target);
  for (const operation of change.operations) {
    const removed = await runOperation(client, scope, operation);
    log.writes++;
    if (removed === 'already-overwritten') {
      log.note = `${change.id} had no repository limit left to remove: a limit on its owner overwrote it (GitHub answered 409).`;
    }
  }
}

async function runOperation(
  client: GitHubClient,
  scope: LimitScope,
  operation: LimitOperation,
): Promise<'done' | 'already-overwritten'> {
  if (operation.type === 'set_limit') {
    const input = { limit: operation.limit, expiry: operation.expiry };
    if (scope.type === 'organization') await setOrgInteractionLimit(client, scope.org, input);
    else if (scope.type === 'repository')
      await setRepoInteractionLimit(client, scope.owner, scope.repo, input);
    else await setUserInteractionLimit(client, input);
    return 'done';
  }
  if (scope.type === 'organization') await removeOrgInteractionLimit(client, scope.org);
  else if (scope.type === 'user') await removeUserInteractionLimit(client);
  else {
    try {
      await removeRepoInteractionLimit(client, scope.owner, scope.repo);
    } catch (error) {
      // 409: an org or user limit took over since the plan; the repository limit is gone, which
      // is what deleting asked for (DESIGN.md: destroying an overwritten limit succeeds).
      if (error instanceof ShadowedLimitError) return 'already-overwritten';
      throw error;
    }
  }
  return 'done';
}
