import type { RenewalSettings } from '../core/types';
import type { Expiry, LimitType } from '../github/types';

/** Where something is declared in a policy file; line and column are 1-based. */
export interface PolicyLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * An interaction limit as declared, with the policy's defaults and the core defaults applied.
 * `none` means "make sure there is no limit".
 */
export type LimitSetting =
  | { readonly limit: 'none'; readonly location: PolicyLocation }
  | {
      readonly limit: LimitType;
      readonly expiry: Expiry;
      readonly renewal: RenewalSettings;
      readonly location: PolicyLocation;
    };

/** The authoritative set of logins on a repository's bypass list, in the file's spelling. */
export interface BypassListSetting {
  readonly users: readonly string[];
  readonly location: PolicyLocation;
}

/** `false` and `disabled` in the file become `{ enabled: false }`. */
export interface CapSetting {
  readonly enabled: boolean;
  /** 1–1000; always set when enabled, optional when disabled (GitHub keeps its value). */
  readonly maxOpenPullRequests?: number;
  /** Whether draft pull requests count toward the cap (default false). */
  readonly includeDrafts: boolean;
  readonly location: PolicyLocation;
}

/** What a repository entry (or `defaults`) declares; a kind left out is not managed by it. */
export interface RepositorySettings {
  readonly interactionLimit?: LimitSetting;
  readonly prBypassList?: BypassListSetting;
  readonly prCreationCap?: CapSetting;
}

export interface OrganizationPolicy {
  /** Spelling as written in the file. */
  readonly org: string;
  readonly interactionLimit?: LimitSetting;
  readonly prCreationCap?: CapSetting;
  readonly location: PolicyLocation;
}

/** The limit on the token's user's public repositories (`/user/interaction-limits`). */
export interface UserPolicy {
  /** When given, expansion checks that the token belongs to this login (case-insensitive). */
  readonly login?: string;
  readonly interactionLimit: LimitSetting;
  readonly location: PolicyLocation;
}

export type SelectorVisibility = 'public' | 'private' | 'internal' | 'all';

/** `select:` of a repository entry, with its defaults applied. */
export interface RepositorySelector {
  readonly owner: { readonly type: 'organization' | 'user'; readonly login: string };
  /** Globs on the repository name (`*`, `?`, `[abc]`), case-insensitive. `['*']` when omitted. */
  readonly names: readonly string[];
  /** Globs on the name, or on `owner/name` when they contain a slash. */
  readonly exclude: readonly string[];
  /** Topics of which a repository must have at least one (none: no condition). */
  readonly topicsAny: readonly string[];
  /** Topics a repository must all have. */
  readonly topicsAll: readonly string[];
  /** @default 'public' (interaction limits only apply to public repositories) */
  readonly visibility: SelectorVisibility;
  /** @default false */
  readonly includeArchived: boolean;
  /** @default false */
  readonly includeForks: boolean;
}

interface RepositoryEntryBase {
  /** Position in `repositories`, and the path used in messages (`repositories[2]`). */
  readonly index: number;
  readonly path: string;
  /**
   * The entry's own settings (a limit's missing fields filled from `defaults`). Kinds it does
   * not declare come from selectors, then from `defaults`, during expansion.
   */
  readonly settings: RepositorySettings;
  readonly location: PolicyLocation;
}

/** `repository: owner/name`: one repository, named explicitly. */
export interface ExplicitRepositoryEntry extends RepositoryEntryBase {
  readonly type: 'repository';
  readonly owner: string;
  readonly repo: string;
}

/** `select: {…}`: the repositories of one organization or user that match. */
export interface SelectorRepositoryEntry extends RepositoryEntryBase {
  readonly type: 'selector';
  readonly selector: RepositorySelector;
}

export type RepositoryEntry = ExplicitRepositoryEntry | SelectorRepositoryEntry;

/** A policy file, validated and normalized; what `expandPolicy` turns into resources. */
export interface Policy {
  readonly version: 1;
  /** The name given to `parsePolicy` (or the path given to `loadPolicyFile`), used in messages. */
  readonly fileName: string;
  /** In file order. */
  readonly organizations: readonly OrganizationPolicy[];
  readonly user?: UserPolicy;
  /** Settings every repository entry gets for the kinds it (and its selectors) leave out. */
  readonly defaults: RepositorySettings;
  /** In file order. */
  readonly repositories: readonly RepositoryEntry[];
}
