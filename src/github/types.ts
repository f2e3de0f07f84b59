export type { Expiry, LimitType } from './facts';
import type { Expiry, LimitType } from './facts';

/**
 * The scope that owns the limit a scope is under. The schema types `origin` as a plain string;
 * these are the documented values, anything else is passed through unchanged.
 */
export type LimitOrigin = 'organization' | 'repository' | 'user' | (string & {});

/** A limit as GitHub reports it. "No limit" is always `null`, whether GitHub said 200 `{}` or 204. */
export interface ObservedInteractionLimit {
  readonly limit: LimitType;
  readonly origin: LimitOrigin;
  /** ISO-8601 timestamp, as GitHub sent it. */
  readonly expiresAt: string;
}

export interface SetInteractionLimitInput {
  readonly limit: LimitType;
  /** @default GitHub's default, `one_day`, when omitted */
  readonly expiry?: Expiry;
}

export interface RepositoryRef {
  readonly owner: string;
  readonly repo: string;
}

/** One entry of a repository's pull-request creation-cap bypass list. */
export interface BypassListUser {
  /** Canonical spelling, as GitHub returns it. */
  readonly login: string;
  readonly id: number;
}

export interface PrCreationCapSettings {
  readonly enabled: boolean;
  readonly maxOpenPullRequests: number;
  /** Whether draft pull requests count toward the cap (GitHub's default: they do not). */
  readonly includeDrafts: boolean;
}

export interface UpdatePrCreationCapInput {
  readonly enabled: boolean;
  /** 1–1000; when omitted GitHub keeps the current value. */
  readonly maxOpenPullRequests?: number;
  /** Whether drafts count; when omitted GitHub keeps the current value. */
  readonly includeDrafts?: boolean;
}

/** What policy selectors need to know about a repository. */
export interface RepositorySummary {
  readonly owner: string;
  readonly name: string;
  readonly fullName: string;
  readonly visibility: 'public' | 'private' | 'internal' | (string & {});
  readonly archived: boolean;
  readonly fork: boolean;
  readonly topics: readonly string[];
}
