import type { GitHubClient, ObservedInteractionLimit } from '../../github';
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
    const outcome = await runOperation(client, scope, operation);
    log.writes++;
    if (outcome === 'already-overwritten') {
      log.note = `${change.id} had no repository limit left to remove: a limit on its owner overwrote it (GitHub answered 409).`;
      // What is in force now is the owner's limit, which the answer does not show: read it.
      delete log.answered;
    } else {
      log.answered = { observed: outcome.observed };
    }
  }
}

async function runOperation(
  client: GitHubClient,
  scope: LimitScope,
  operation: LimitOperation,
): Promise<{ observed: ObservedInteractionLimit | null } | 'already-overwritten'> {
  if (operation.type === 'set_limit') {
    // GitHub answers a PUT with the limit now in force: that answer is the confirmation.
    const input = { limit: operation.limit, expiry: operation.expiry };
    if (scope.type === 'organization') {
      return { observed: await setOrgInteractionLimit(client, scope.org, input) };
    }
    if (scope.type === 'repository') {
      return { observed: await setRepoInteractionLimit(client, scope.owner, scope.repo, input) };
    }
    return { observed: await setUserInteractionLimit(client, input) };
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
  // 204: no limit is left at this scope. (A repository under an owner's limit never gets here:
  // that change is blocked, or GitHub answers 409 above.)
  return { observed: null };
}
