import { BYPASS_LIST_MAX_USERS, BYPASS_LIST_MAX_USERS_PER_REQUEST } from '../../github/facts';
import type { ValidationErrorItem } from '../http/results';
import type { EmulatorState } from '../state/emulator-state';
import type { RepoRecord } from '../state/model';

/**
 * The pull-request creation cap bypass list of a repository. GitHub documents
 * (https://docs.github.com/rest/interactions/repos#add-users-to-the-pull-request-creation-cap-bypass-list-for-a-repository):
 * "You can add a maximum of 100 users per request. The bypass list can only hold a maximum of 100
 * users." A request that breaks a rule is rejected whole (nothing is written).
 */
export const MAX_BYPASS_USERS_PER_REQUEST = BYPASS_LIST_MAX_USERS_PER_REQUEST;
export const MAX_BYPASS_LIST_SIZE = BYPASS_LIST_MAX_USERS;

const RESOURCE = 'PullRequestCreationCapBypassList';

export type BypassChange =
  | { readonly ok: true; readonly logins: readonly string[] }
  | { readonly ok: false; readonly errors: readonly ValidationErrorItem[] };

/** GitHub's 422 for a bad `users` field; the request is rejected whole. */
function rejectUsers(code: ValidationErrorItem['code'], message: string): BypassChange {
  return { ok: false, errors: [{ resource: RESOURCE, field: 'users', code, message }] };
}

/**
 * GitHub refuses a request with any unknown login whole, without saying which one (reported by a
 * project that manages the list: it checks `GET /users/{login}` first to find out).
 */
export const UNKNOWN_USERS_MESSAGE =
  'One or more of the users could not be found; no user was added or removed.';

/**
 * Validates the `users` of a body (an array of login strings) and resolves each to its canonical
 * login. Logins are case-insensitive, so a login given twice (in any case) counts once against
 * the 100 per request. Any unknown login rejects the request, without naming it.
 */
export function resolveBypassUsers(state: EmulatorState, users: unknown): BypassChange {
  if (users === undefined) {
    return rejectUsers('missing_field', 'users is required: a list of user logins.');
  }
  if (!Array.isArray(users) || users.some((u) => typeof u !== 'string')) {
    return rejectUsers('invalid', 'users must be an array of user logins (strings).');
  }
  const requested = [...new Set((users as string[]).map((login) => login.toLowerCase()))];
  if (requested.length > MAX_BYPASS_USERS_PER_REQUEST) {
    return rejectUsers(
      'invalid',
      `A maximum of ${MAX_BYPASS_USERS_PER_REQUEST} users can be added or removed per request; got ${requested.length}.`,
    );
  }
  const canonical: string[] = [];
  for (const login of requested) {
    const user = state.findUser(login);
    if (!user) return rejectUsers('invalid', UNKNOWN_USERS_MESSAGE);
    canonical.push(user.login);
  }
  return { ok: true, logins: canonical };
}

/** Adds users (already on the list: no-op); rejects a result above 100 without writing. */
export function addBypassUsers(
  state: EmulatorState,
  repo: RepoRecord,
  users: unknown,
): BypassChange {
  const resolved = resolveBypassUsers(state, users);
  if (!resolved.ok) return resolved;
  const next = [...repo.bypassList];
  for (const login of resolved.logins) if (!next.includes(login)) next.push(login);
  if (next.length > MAX_BYPASS_LIST_SIZE) {
    return rejectUsers(
      'invalid',
      `The bypass list can hold at most ${MAX_BYPASS_LIST_SIZE} users; this request would make it ${next.length}.`,
    );
  }
  repo.bypassList = next;
  state.changed();
  return resolved;
}

/** Removes users; a login that is not on the list is a no-op. */
export function removeBypassUsers(
  state: EmulatorState,
  repo: RepoRecord,
  users: unknown,
): BypassChange {
  const resolved = resolveBypassUsers(state, users);
  if (!resolved.ok) return resolved;
  repo.bypassList = repo.bypassList.filter((login) => !resolved.logins.includes(login));
  state.changed();
  return resolved;
}
