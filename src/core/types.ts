import type { Expiry, LimitType, RepositoryRef } from '../github/types';

/** The three resource kinds; the same names and meaning in every front door. */
export type ResourceKind = 'InteractionLimit' | 'PrBypassList' | 'PrCreationCap';

/** Exactly one scope. `user` is the token's user; `login`, when given, must be that user. */
export type LimitScope =
  | { readonly type: 'organization'; readonly org: string }
  | { readonly type: 'repository'; readonly owner: string; readonly repo: string }
  | { readonly type: 'user'; readonly login?: string };

export type CapScope =
  | { readonly type: 'organization'; readonly org: string }
  | { readonly type: 'repository'; readonly owner: string; readonly repo: string };

export interface RenewalSettings {
  /**
   * When false the limit is a one-off: expiry is not drift, and a missing limit is left alone
   * once it has been applied and lapsed.
   * @default true
   */
  readonly enabled: boolean;
  /** Renew when the limit expires within this many seconds. Must be shorter than the expiry. */
  readonly windowSeconds: number;
}

export interface InteractionLimitSpec {
  readonly kind: 'InteractionLimit';
  readonly scope: LimitScope;
  readonly limit: LimitType;
  readonly expiry: Expiry;
  readonly renewal: RenewalSettings;
}

/** The authoritative set of logins on a repository's bypass list (at most 100). */
export interface PrBypassListSpec {
  readonly kind: 'PrBypassList';
  readonly repository: RepositoryRef;
  readonly users: readonly string[];
}

export interface PrCreationCapSpec {
  readonly kind: 'PrCreationCap';
  readonly scope: CapScope;
  readonly enabled: boolean;
  /** 1–1000. Required when enabled. */
  readonly maxOpenPullRequests?: number;
}

export type ResourceSpec = InteractionLimitSpec | PrBypassListSpec | PrCreationCapSpec;

/** What a resource is, without its desired values: enough to observe it or make it absent. */
export type ResourceTarget =
  | { readonly kind: 'InteractionLimit'; readonly scope: LimitScope }
  | { readonly kind: 'PrBypassList'; readonly repository: RepositoryRef }
  | { readonly kind: 'PrCreationCap'; readonly scope: CapScope };

/**
 * One declared resource. `present` keeps the spec in force; `absent` makes sure there is no limit
 * (an empty bypass list, a disabled cap) — what a destroy or a policy's `none` asks for.
 */
export type DesiredResource =
  | {
      readonly ensure: 'present';
      readonly spec: ResourceSpec;
      readonly source?: string;
      /** What a stateful front door last applied (InteractionLimit only). */
      readonly previous?: PreviousApplied;
    }
  | { readonly ensure: 'absent'; readonly target: ResourceTarget; readonly source?: string };

/**
 * What a stateful front door (Pulumi, Terraform) recorded when it last applied an
 * InteractionLimit. GitHub never returns the requested `expiry`, and forgets a limit once it has
 * expired; this lets the diff tell "lapsed" from "never applied" and see an expiry change.
 */
export interface PreviousApplied {
  /** The expiry last requested. */
  readonly expiry?: Expiry;
  /** The `expires_at` GitHub answered then (ISO-8601). */
  readonly expiresAt?: string;
}

export type SpecOf<K extends ResourceKind> = Extract<ResourceSpec, { readonly kind: K }>;
export type TargetOf<K extends ResourceKind> = Extract<ResourceTarget, { readonly kind: K }>;

/** A DesiredResource of one kind. */
export type DesiredOf<K extends ResourceKind> =
  | {
      readonly ensure: 'present';
      readonly spec: SpecOf<K>;
      readonly source?: string;
      readonly previous?: PreviousApplied;
    }
  | { readonly ensure: 'absent'; readonly target: TargetOf<K>; readonly source?: string };
