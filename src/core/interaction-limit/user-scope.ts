import type { GitHubClient } from '../../github';
import { getAuthenticatedLogin } from '../../github';
import { UserScopeMismatchError } from '../errors';
import type { Desired } from '../kind';
import { loginKey } from '../names';
import type { InteractionLimitTarget, InteractionLimitTypes, LimitScope } from './types';

/**
 * The user scope is the token's user. A declared login must be that user (compared ignoring
 * case); the resolved scope carries GitHub's spelling, so the id is `user/LOGIN`.
 */
export async function resolveInteractionLimitUser(
  desired: Desired<InteractionLimitTypes>,
  tokenLogin: () => Promise<string>,
): Promise<Desired<InteractionLimitTypes>> {
  const scope = desired.ensure === 'present' ? desired.spec.scope : desired.target.scope;
  if (scope.type !== 'user') return desired;
  const login = await tokenLogin();
  if (scope.login !== undefined && loginKey(scope.login) !== loginKey(login)) {
    throw new UserScopeMismatchError(scope.login, login);
  }
  const userScope: LimitScope = { type: 'user', login };
  return desired.ensure === 'present'
    ? { ...desired, spec: { ...desired.spec, scope: userScope } }
    : { ...desired, target: { kind: 'InteractionLimit', scope: userScope } };
}

/** A saved plan for `user/LOGIN` must not be applied with another user's token. */
export async function checkUserScopeBeforeWrite(
  client: GitHubClient,
  target: InteractionLimitTarget,
): Promise<void> {
  if (target.scope.type !== 'user' || target.scope.login === undefined) return;
  const actual = await getAuthenticatedLogin(client);
  if (loginKey(target.scope.login) !== loginKey(actual)) {
    throw new UserScopeMismatchError(target.scope.login, actual);
  }
}
