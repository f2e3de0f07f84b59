import type { Expiry, LimitType, ObservedInteractionLimit } from '../../github';
import type { ChangeCommon } from '../kind';
import type {
  ChangedReason,
  DeclaredAbsentReason,
  ExpiringReason,
  MissingReason,
  ShadowedReason,
} from '../plan';

/** Exactly one scope. `user` is the token's user; `login` is filled in when it is known. */
export type LimitScope =
  | { readonly type: 'organization'; readonly org: string }
  | { readonly type: 'repository'; readonly owner: string; readonly repo: string }
  | { readonly type: 'user'; readonly login?: string };

export interface RenewalSettings {
  /**
   * When false the limit is a one-off: expiry is not drift, and a missing limit is left alone
   * once it has been applied and lapsed.
   */
  readonly enabled: boolean;
  /** Renew when the limit expires within this many seconds. Shorter than the expiry. */
  readonly windowSeconds: number;
  /**
   * When the declaration ends (ISO-8601): from then on nothing is written and nothing is drift,
   * so a one-off limit lapses. Before then, a missing limit is set. How a stateless front door
   * (the policy CLI) tells a one-off limit that lapsed from one never applied.
   */
  readonly until?: string;
}

export interface InteractionLimitSpec {
  readonly kind: 'InteractionLimit';
  readonly scope: LimitScope;
  readonly limit: LimitType;
  readonly expiry: Expiry;
  readonly renewal: RenewalSettings;
}

export interface InteractionLimitTarget {
  readonly kind: 'InteractionLimit';
  readonly scope: LimitScope;
}

/** The declared inputs, as front doors take them (see schema.ts for each one's rules). */
export interface InteractionLimitInputs {
  /** An organization login. */
  readonly organization?: string;
  /** `owner/name`. */
  readonly repository?: string;
  /**
   * `true`: the token's user (all of that user's public repositories); or that user's login,
   * checked against the token when planned.
   */
  readonly user?: boolean | string;
  readonly limit: LimitType;
  /** @default DEFAULT_EXPIRY (`six_months`) */
  readonly expiry?: Expiry;
  /** @default DEFAULT_RENEWAL_ENABLED (true) */
  readonly renew?: boolean;
  /** A duration (`3d`, `12h`) or seconds. @default defaultRenewalWindowSeconds(expiry) */
  readonly renewWithin?: string | number;
  /** ISO-8601 date or date-time when the declaration ends (a one-off limit). */
  readonly until?: string;
}

/** What a stateful front door stores: resolved inputs, the id, and what GitHub answered. */
export interface InteractionLimitState extends InteractionLimitInputs {
  readonly id: string;
  readonly expiry: Expiry;
  readonly renew: boolean;
  readonly renewWithin: string | number;
  /** GitHub's `origin` of the limit in force at the scope, or null when none is. */
  readonly origin: string | null;
  /** GitHub's `expires_at` of that limit, or null. */
  readonly expiresAt: string | null;
}

/** What a change would leave in force. */
export interface DesiredLimitState {
  readonly limit: LimitType;
  readonly expiry: Expiry;
}

export type LimitOperation =
  | { readonly type: 'set_limit'; readonly limit: LimitType; readonly expiry: Expiry }
  | { readonly type: 'remove_limit' };

export type InteractionLimitReason =
  MissingReason | ExpiringReason | ChangedReason | ShadowedReason | DeclaredAbsentReason;

export interface InteractionLimitChange extends ChangeCommon<InteractionLimitTypes> {
  /** The limit GitHub reports at the scope, or null when none is in force. */
  readonly before: ObservedInteractionLimit | null;
  /** The declared limit, or null when declared absent. */
  readonly after: DesiredLimitState | null;
  readonly operations: readonly LimitOperation[];
}

export interface InteractionLimitTypes {
  readonly kind: 'InteractionLimit';
  readonly spec: InteractionLimitSpec;
  readonly target: InteractionLimitTarget;
  readonly observed: ObservedInteractionLimit | null;
  readonly change: InteractionLimitChange;
  readonly reason: InteractionLimitReason;
  readonly inputs: InteractionLimitInputs;
  readonly state: InteractionLimitState;
}
