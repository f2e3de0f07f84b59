import type { AppRecord } from '../apps/model';
import { DEFAULT_RATE_LIMIT_PER_HOUR } from '../rate-limits/rate-limiter';
import type { OrgRecord, RepoRecord, StateData, UserRecord } from './model';
import type { Seed } from './seed';
import { isoSeconds } from './time';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Builds the initial state from a seed. Ids are assigned in seed order (users first, so the
 * first user is id 1 like GitHub's octocat); creation dates lie before the seed's start time
 * so every account is older than the 24 hours `existing_users` cares about.
 */
export function stateFromSeed(seed: Seed, baseNowMs: number): StateData {
  const startMs = seed.now ? Date.parse(seed.now) : baseNowMs;
  let nextId = 1;
  const created = (index: number) => isoSeconds(startMs - (400 - index) * DAY_MS);
  const users: UserRecord[] = seed.users.map((u, i) => ({
    id: nextId++,
    login: u.login,
    name: u.name ?? null,
    createdAt: created(i),
  }));
  const canonical = new Map<string, string>();
  for (const u of users) canonical.set(u.login.toLowerCase(), u.login);
  const orgs: OrgRecord[] = (seed.orgs ?? []).map((o, i) => ({
    id: nextId++,
    login: o.login,
    name: o.name ?? null,
    createdAt: created(100 + i),
    owners: canon(o.owners),
    members: canon(o.members),
    basePermission: o.basePermission ?? 'read',
    creationCapAvailable: o.creationCapAvailable ?? true,
  }));
  for (const o of orgs) canonical.set(o.login.toLowerCase(), o.login);
  function canon(list: readonly string[] | undefined): string[] {
    return [...new Set((list ?? []).map((l) => canonical.get(l.toLowerCase()) ?? l))];
  }
  let repoId = 1296269; // octocat/Hello-World's id on github.com; ids only need to be stable
  const repos: RepoRecord[] = (seed.repos ?? []).map((r, i) => ({
    id: repoId++,
    owner: canonical.get(r.owner.toLowerCase()) ?? r.owner,
    name: r.name,
    description: r.description ?? null,
    createdAt: created(200 + i),
    visibility: r.visibility ?? 'public',
    archived: r.archived ?? false,
    topics: [...(r.topics ?? [])],
    admins: canon(r.admins),
    maintainers: canon(r.maintainers),
    writers: canon(r.writers),
    readers: canon(r.readers),
    creationCapAvailable: r.creationCapAvailable ?? true,
    bypassList: [],
  }));
  const apps: AppRecord[] = (seed.apps ?? []).map((a, i) => ({
    id: a.id,
    slug: a.slug ?? `emulator-app-${a.id}`,
    name: a.name ?? `Emulator App ${a.id}`,
    publicKeyPem: a.publicKeyPem,
    createdAt: created(300 + i),
    installations: a.installations.map((inst) => ({
      id: inst.id,
      account: canonical.get(inst.account.toLowerCase()) ?? inst.account,
    })),
  }));
  return {
    version: 1,
    users,
    orgs,
    repos,
    userTokens: seed.users.flatMap((u) =>
      u.token ? [{ token: u.token, login: canonical.get(u.login.toLowerCase()) ?? u.login }] : [],
    ),
    apps,
    installationTokens: [],
    clockOffsetMs: startMs - baseNowMs,
    rateLimitPerHour: seed.rateLimitPerHour ?? DEFAULT_RATE_LIMIT_PER_HOUR,
  };
}
