import type { AppRecord, InstallationTokenRecord } from '../apps/model';
import type { BypassListFields } from '../bypass-list/model';
import type { CreationCapFields } from '../creation-cap/model';
import type { LimitFields } from '../interaction-limits/model';
import type { IssueCommentFields } from '../issue-comments/model';

/**
 * The emulator's state as plain, JSON-serializable records. This is exactly what the state file
 * holds (see persistence.ts), so every field is data: no Maps, no Dates, no functions.
 * Account references are canonical logins (GitHub logins are unique case-insensitively).
 * Each feature folder defines the fields it keeps on a record (`LimitFields`, ...); the records
 * here are accounts and repositories plus those fields.
 */

export type Visibility = 'public' | 'private';

/** An org's base permission on its repositories for members (GitHub's default is read). */
export type BasePermission = 'none' | 'read' | 'write' | 'admin';

export interface UserRecord extends LimitFields {
  readonly id: number;
  readonly login: string;
  readonly name: string | null;
  readonly createdAt: string;
}

export interface OrgRecord extends LimitFields, CreationCapFields {
  readonly id: number;
  readonly login: string;
  readonly name: string | null;
  readonly createdAt: string;
  owners: string[];
  members: string[];
  basePermission: BasePermission;
}

export interface RepoRecord extends LimitFields, CreationCapFields, BypassListFields {
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
}

export interface UserTokenRecord {
  readonly token: string;
  readonly login: string;
}

export interface StateData extends IssueCommentFields {
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
