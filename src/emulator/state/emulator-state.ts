import type { AppRecord, InstallationRecord, InstallationTokenRecord } from '../apps/model';
import type { OrgRecord, RepoRecord, StateData, UserRecord } from './model';

export type Account =
  | { readonly type: 'User'; readonly record: UserRecord }
  | { readonly type: 'Organization'; readonly record: OrgRecord };

/**
 * The emulator's state with case-insensitive lookups over it. Mutations go through the feature
 * folders' rules (interaction-limits/, bypass-list/, creation-cap/, ...), which call `changed()`
 * so the state file is rewritten (see persistence.ts).
 */
export class EmulatorState {
  private usersByLogin = new Map<string, UserRecord>();
  private orgsByLogin = new Map<string, OrgRecord>();
  private reposByName = new Map<string, RepoRecord>();
  private listeners: Array<() => void> = [];
  private clockListeners: Array<(nowMs: number) => void> = [];

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

  /** Called after the clock is set or advanced, with the new time. */
  onClockMove(listener: (nowMs: number) => void): void {
    this.clockListeners.push(listener);
  }

  setClock(nowMs: number): void {
    this.current.clockOffsetMs = nowMs - this.baseNow();
    this.clockMoved();
  }

  advanceClock(seconds: number): void {
    this.current.clockOffsetMs += seconds * 1000;
    this.clockMoved();
  }

  private clockMoved(): void {
    this.changed();
    const now = this.now();
    for (const listener of this.clockListeners) listener(now);
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
