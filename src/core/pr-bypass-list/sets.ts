import { BYPASS_LIST_MAX_USERS_PER_REQUEST } from '../../github/facts';
import { loginKey } from '../names';

export interface LoginSetDifference {
  /** Declared logins GitHub does not have, in the declared spelling and order. */
  readonly toAdd: readonly string[];
  /** Logins GitHub has that are not declared, in GitHub's spelling and order. */
  readonly toRemove: readonly string[];
}

/**
 * The declared set is authoritative. Logins compare case-insensitively (GitHub logins are unique
 * regardless of case), so a difference in letter case alone is never a change.
 */
export function diffLoginSets(
  declared: readonly string[],
  observed: readonly string[],
): LoginSetDifference {
  const observedKeys = new Set(observed.map(loginKey));
  const declaredKeys = new Set<string>();
  const toAdd: string[] = [];
  for (const login of declared) {
    const key = loginKey(login);
    if (declaredKeys.has(key)) continue;
    declaredKeys.add(key);
    if (!observedKeys.has(key)) toAdd.push(login);
  }
  const removedKeys = new Set<string>();
  const toRemove: string[] = [];
  for (const login of observed) {
    const key = loginKey(login);
    if (declaredKeys.has(key) || removedKeys.has(key)) continue;
    removedKeys.add(key);
    toRemove.push(login);
  }
  return { toAdd, toRemove };
}

/**
 * Splits logins into request batches GitHub accepts (at most 100 each). The one place bypass
 * lists are cut into batches: the plan records each batch as an operation.
 */
export function batchLogins(
  logins: readonly string[],
  size: number = BYPASS_LIST_MAX_USERS_PER_REQUEST,
): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < logins.length; i += size) batches.push(logins.slice(i, i + size));
  return batches;
}
