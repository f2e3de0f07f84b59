import type {
  AppRecord,
  InstallationRecord,
  InstallationTokenRecord,
  OrgRecord,
  RepoRecord,
  StateData,
  UserRecord,
} from './model';
import { DEFAULT_RATE_LIMIT_PER_HOUR } from './model';
import type { Seed } from './seed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who sent a request, once the Authorization header is resolved. */
export type Principal =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly user: UserRecord }
  | {
      readonly kind: 'installation';
      readonly app: AppRecord;
      readonly installation: InstallationRecord;
    }
  | { readonly kind: 'app'; readonly app: AppRecord };

export type Account =
  | { readonly type: 'User'; readonly record: UserRecord }
  | { readonly type: 'Organization'; readonly record: OrgRecord };

/** Seconds precision, UTC, `Z` suffix: the format of GitHub's `expires_at`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

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

/**
 * The emulator's state with case-insensitive lookups over it. Mutations go through the domain
 * modules (limits.ts, bypass-list.ts, creation-cap.ts), which call `changed()` so the state file
 * is rewritten (see persistence.ts).
 */
export class EmulatorState {
  private usersByLogin = new Map<string, UserRecord>();
  private orgsByLogin = new Map<string, OrgRecord>();
  private reposByName = new Map<string, RepoRecord>();
  private listeners: Array<() => void> = [];

  constructor(
    private current: StateData,
    private readonly baseNow: () => number,
  ) {
    this.reindex();
  }

  /** The emulator clock, in ms since the epoch: the base clock plus the offset. */
  now(): number {
    return this.baseNow() + this.current.clockOffsetMs;
  }

  /** The raw records (what the state file holds). Treat as read-only outside this module. */
  get data(): StateData {
    return this.current;
  }

  /** Replaces everything (reset, or a state file loaded), and notifies listeners. */
  replace(data: StateData): void {
    this.current = data;
    this.reindex();
    this.changed();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Call after every mutation: the state file must never lag behind what clients saw. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  setClock(nowMs: number): void {
    this.current.clockOffsetMs = nowMs - this.baseNow();
    this.changed();
  }

  advanceClock(seconds: number): void {
    this.current.clockOffsetMs += seconds * 1000;
    this.changed();
  }

  findUser(login: string): UserRecord | undefined {
    return this.usersByLogin.get(login.toLowerCase());
  }

  findOrg(login: string): OrgRecord | undefined {
    return this.orgsByLogin.get(login.toLowerCase());
  }

  findAccount(login: string): Account | undefined {
    const user = this.findUser(login);
    if (user) return { type: 'User', record: user };
    const org = this.findOrg(login);
    return org ? { type: 'Organization', record: org } : undefined;
  }

  findRepo(owner: string, name: string): RepoRecord | undefined {
    return this.reposByName.get(`${owner}/${name}`.toLowerCase());
  }

  reposOwnedBy(login: string): RepoRecord[] {
    const key = login.toLowerCase();
    return this.current.repos.filter((r) => r.owner.toLowerCase() === key);
  }

  findApp(id: number): AppRecord | undefined {
    return this.current.apps.find((a) => a.id === id);
  }

  findInstallation(id: number): { app: AppRecord; installation: InstallationRecord } | undefined {
    for (const app of this.current.apps) {
      const installation = app.installations.find((i) => i.id === id);
      if (installation) return { app, installation };
    }
    return undefined;
  }

  userForToken(token: string): UserRecord | undefined {
    const record = this.current.userTokens.find((t) => t.token === token);
    return record ? this.findUser(record.login) : undefined;
  }

  installationToken(token: string): InstallationTokenRecord | undefined {
    return this.current.installationTokens.find((t) => t.token === token);
  }

  addInstallationToken(record: InstallationTokenRecord): void {
    // Expired tokens are useless to keep; dropping them keeps the state file small.
    const now = this.now();
    this.current.installationTokens = this.current.installationTokens.filter(
      (t) => Date.parse(t.expiresAt) > now,
    );
    this.current.installationTokens.push(record);
    this.changed();
  }

  private reindex(): void {
    this.usersByLogin = new Map(this.current.users.map((u) => [u.login.toLowerCase(), u]));
    this.orgsByLogin = new Map(this.current.orgs.map((o) => [o.login.toLowerCase(), o]));
    this.reposByName = new Map(
      this.current.repos.map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r]),
    );
  }
}
