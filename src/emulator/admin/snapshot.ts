import type { BypassListsSnapshot } from '../bypass-list/admin';
import { bypassListsSnapshot } from '../bypass-list/admin';
import type { CreationCapsSnapshot } from '../creation-cap/admin';
import { creationCapsSnapshot } from '../creation-cap/admin';
import type { InteractionLimitsSnapshot } from '../interaction-limits/admin';
import { interactionLimitsSnapshot } from '../interaction-limits/admin';
import type { IssueCommentsSnapshot } from '../issue-comments/admin';
import { issueCommentsSnapshot } from '../issue-comments/admin';
import type { EmulatorState } from '../state/emulator-state';
import type { BasePermission, Visibility } from '../state/model';

/**
 * `GET /_emulator/state`: everything tests assert on, keyed by canonical names. Accounts,
 * repositories and apps here; each feature folder adds its part.
 */
export interface StateSnapshot
  extends
    InteractionLimitsSnapshot,
    BypassListsSnapshot,
    CreationCapsSnapshot,
    IssueCommentsSnapshot {
  now: string;
  rateLimitPerHour: number;
  users: Array<{ login: string; id: number; token: boolean }>;
  orgs: Array<{
    login: string;
    id: number;
    owners: string[];
    members: string[];
    basePermission: BasePermission;
  }>;
  repos: Array<{
    full_name: string;
    id: number;
    visibility: Visibility;
    archived: boolean;
    topics: string[];
  }>;
  apps: Array<{ id: number; slug: string; installations: Array<{ id: number; account: string }> }>;
}

export function snapshot(state: EmulatorState): StateSnapshot {
  const data = state.data;
  const tokenUsers = new Set(data.userTokens.map((t) => t.login.toLowerCase()));
  return {
    now: new Date(state.now()).toISOString(),
    rateLimitPerHour: data.rateLimitPerHour,
    users: data.users.map((u) => ({
      login: u.login,
      id: u.id,
      token: tokenUsers.has(u.login.toLowerCase()),
    })),
    orgs: data.orgs.map((o) => ({
      login: o.login,
      id: o.id,
      owners: [...o.owners],
      members: [...o.members],
      basePermission: o.basePermission,
    })),
    repos: data.repos.map((r) => ({
      full_name: `${r.owner}/${r.name}`,
      id: r.id,
      visibility: r.visibility,
      archived: r.archived,
      topics: [...r.topics],
    })),
    ...interactionLimitsSnapshot(state),
    ...bypassListsSnapshot(state),
    ...creationCapsSnapshot(state),
    ...issueCommentsSnapshot(state),
    apps: data.apps.map((a) => ({
      id: a.id,
      slug: a.slug,
      installations: a.installations.map((i) => ({ id: i.id, account: i.account })),
    })),
  };
}
