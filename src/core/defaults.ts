import type { Expiry } from '../github/types';

/**
 * A declared limit is meant to stay in force, so the default is the longest expiry GitHub offers:
 * the fewest renewals, and a limit that survives a CI outage of weeks.
 */
export const DEFAULT_EXPIRY: Expiry = 'six_months';

/**
 * Default renewal window per expiry: renew when the limit expires within this many seconds.
 * At least a day for long expiries, so a daily scheduled `drift`/`apply` job renews in time even
 * if one run fails; never more than half the expiry, so a fresh limit is not "expiring".
 */
export const DEFAULT_RENEWAL_WINDOW_SECONDS: Readonly<Record<Expiry, number>> = {
  one_day: 6 * 3600,
  three_days: 24 * 3600,
  one_week: 2 * 24 * 3600,
  one_month: 7 * 24 * 3600,
  six_months: 30 * 24 * 3600,
};

export function defaultRenewalWindowSeconds(expiry: Expiry): number {
  return DEFAULT_RENEWAL_WINDOW_SECONDS[expiry];
}

/** A declared limit is renewed unless the resource turns renewal off. */
export const DEFAULT_RENEWAL_ENABLED = true;

/** Declaring a PrCreationCap resource means switching the cap on, unless it says otherwise. */
export const DEFAULT_CAP_ENABLED = true;

/**
 * Draft pull requests do not count toward the cap unless declared: GitHub's own default
 * (changelog of 2026-06-17).
 */
export const DEFAULT_INCLUDE_DRAFTS = false;

/** A declared bypass list without users is an empty list: nobody bypasses the cap. */
export const DEFAULT_BYPASS_USERS: readonly string[] = [];

/**
 * How many resources a plan observes at once. GitHub allows 100 concurrent requests, but asks
 * integrators not to run many at a time; four keeps a plan of hundreds of repositories quick.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests
 */
export const DEFAULT_PLAN_CONCURRENCY = 4;
