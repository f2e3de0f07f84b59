import { creationCapOf } from './creation-cap';
import type { CreationCapResponse } from './creation-cap';
import type { LimitResponse } from './limits';
import { activeLimit, effectiveRepoLimit } from './limits';
import type { BasePermission, InteractionGroup, Visibility } from './model';
import type { EmulatorState } from './state';

/** A limit as stored on a scope (before precedence), GitHub field names. */
export interface StoredLimit {
  limit: InteractionGroup;
  expires_at: string;
}

export interface CreationCapState extends CreationCapResponse {
  /** False when GitHub would answer 405 (cap not available for this org or repository). */
  available: boolean;
}

/** `GET /_emulator/state`: everything tests assert on, keyed by canonical names. */
export interface StateSnapshot {
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
  /** Limits in force, as stored on each scope (a repository's own limit only). */
  limits: {
    orgs: Record<string, StoredLimit>;
    users: Record<string, StoredLimit>;
    repos: Record<string, StoredLimit>;
  };
  /** What `GET /repos/{owner}/{repo}/interaction-limits` shows, for every repository with a limit. */
  effectiveRepoLimits: Record<string, LimitResponse>;
  /** Non-empty bypass lists, canonical logins in insertion order. */
  bypassLists: Record<string, string[]>;
  creationCaps: {
    orgs: Record<string, CreationCapState>;
    repos: Record<string, CreationCapState>;
  };
  apps: Array<{ id: number; slug: string; installations: Array<{ id: number; account: string }> }>;
}

export function snapshot(state: EmulatorState): StateSnapshot {
  const now = state.now();
  const data = state.data;
  const stored = <T extends { limit?: { limit: InteractionGroup; expiresAt: string } }>(
    items: T[],
    key: (item: T) => string,
  ) => {
    const out: Record<string, StoredLimit> = {};
    for (const item of items) {
      const record = activeLimit(item.limit, now);
      if (record) out[key(item)] = { limit: record.limit, expires_at: record.expiresAt };
    }
    return out;
  };
  const fullName = (r: { owner: string; name: string }) => `${r.owner}/${r.name}`;
  const effectiveRepoLimits: Record<string, LimitResponse> = {};
  const bypassLists: Record<string, string[]> = {};
  const repoCaps: Record<string, CreationCapState> = {};
  for (const repo of data.repos) {
    const effective = effectiveRepoLimit(state, repo);
    if (effective) effectiveRepoLimits[fullName(repo)] = effective;
    if (repo.bypassList.length > 0) bypassLists[fullName(repo)] = [...repo.bypassList];
    repoCaps[fullName(repo)] = { ...creationCapOf(repo), available: repo.creationCapAvailable };
  }
  const orgCaps: Record<string, CreationCapState> = {};
  for (const org of data.orgs) {
    orgCaps[org.login] = { ...creationCapOf(org), available: org.creationCapAvailable };
  }
  const tokenUsers = new Set(data.userTokens.map((t) => t.login.toLowerCase()));
  return {
    now: new Date(now).toISOString(),
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
      full_name: fullName(r),
      id: r.id,
      visibility: r.visibility,
      archived: r.archived,
      topics: [...r.topics],
    })),
    limits: {
      orgs: stored(data.orgs, (o) => o.login),
      users: stored(data.users, (u) => u.login),
      repos: stored(data.repos, fullName),
    },
    effectiveRepoLimits,
    bypassLists,
    creationCaps: { orgs: orgCaps, repos: repoCaps },
    apps: data.apps.map((a) => ({
      id: a.id,
      slug: a.slug,
      installations: a.installations.map((i) => ({ id: i.id, account: i.account })),
    })),
  };
}
