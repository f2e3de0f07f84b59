/**
 * The emulator's state as plain, JSON-serializable records. This is exactly what the state file
 * holds (see persistence.ts), so every field is data: no Maps, no Dates, no functions.
 * Account references are canonical logins (GitHub logins are unique case-insensitively).
 */

/** The three `limit` values GitHub documents (OpenAPI schema `interaction-group`). */
export const INTERACTION_GROUPS = [
  'existing_users',
  'contributors_only',
  'collaborators_only',
] as const;
export type InteractionGroup = (typeof INTERACTION_GROUPS)[number];

/** The `expiry` values GitHub documents (OpenAPI schema `interaction-expiry`). */
export const INTERACTION_EXPIRIES = [
  'one_day',
  'three_days',
  'one_week',
  'one_month',
  'six_months',
] as const;
export type InteractionExpiry = (typeof INTERACTION_EXPIRIES)[number];

/** Who a limit shown on a repository belongs to (the `origin` field). */
export type LimitOrigin = 'organization' | 'repository' | 'user';

export type Visibility = 'public' | 'private';

/** An org's base permission on its repositories for members (GitHub's default is read). */
export type BasePermission = 'none' | 'read' | 'write' | 'admin';

export interface LimitRecord {
  readonly limit: InteractionGroup;
  /** ISO-8601, seconds precision, UTC (`2018-08-17T04:18:39Z`), as GitHub returns it. */
  readonly expiresAt: string;
}

export interface CreationCapRecord {
  readonly enabled: boolean;
  readonly maxOpenPullRequests: number;
}

export interface UserRecord {
  readonly id: number;
  readonly login: string;
  readonly name: string | null;
  readonly createdAt: string;
  limit?: LimitRecord;
}

export interface OrgRecord {
  readonly id: number;
  readonly login: string;
  readonly name: string | null;
  readonly createdAt: string;
  owners: string[];
  members: string[];
  basePermission: BasePermission;
  creationCapAvailable: boolean;
  creationCap?: CreationCapRecord;
  limit?: LimitRecord;
}

export interface RepoRecord {
  readonly id: number;
  /** Canonical login of the owning user or organization. */
  readonly owner: string;
  readonly name: string;
  readonly description: string | null;
  readonly createdAt: string;
  visibility: Visibility;
  archived: boolean;
  topics: string[];
  admins: string[];
  maintainers: string[];
  writers: string[];
  readers: string[];
  creationCapAvailable: boolean;
  creationCap?: CreationCapRecord;
  limit?: LimitRecord;
  /** Canonical logins, in the order they were added. */
  bypassList: string[];
}

export interface UserTokenRecord {
  readonly token: string;
  readonly login: string;
}

export interface InstallationRecord {
  readonly id: number;
  /** Canonical login of the org or user the app is installed on. */
  readonly account: string;
}

export interface AppRecord {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly publicKeyPem: string;
  readonly createdAt: string;
  readonly installations: InstallationRecord[];
}

export interface InstallationTokenRecord {
  readonly token: string;
  readonly appId: number;
  readonly installationId: number;
  readonly expiresAt: string;
}

export interface StateData {
  /** Bumped when the layout changes, so an old state file is rejected with a clear error. */
  readonly version: 1;
  users: UserRecord[];
  orgs: OrgRecord[];
  repos: RepoRecord[];
  userTokens: UserTokenRecord[];
  apps: AppRecord[];
  installationTokens: InstallationTokenRecord[];
  /** Emulator clock = base clock (the `now` option, default Date.now) + this offset. */
  clockOffsetMs: number;
  /** Primary rate limit for every token (users and installations). */
  rateLimitPerHour: number;
}

/** GitHub's default primary rate limit for a user token: 5,000 requests an hour. */
export const DEFAULT_RATE_LIMIT_PER_HOUR = 5000;
/** GitHub's limit for unauthenticated requests: 60 an hour (per IP). */
export const ANONYMOUS_RATE_LIMIT_PER_HOUR = 60;
