import type { Expiry } from '../github/types';

/**
 * A declared limit is meant to stay in force, so the default is the longest expiry GitHub offers:
 * the fewest renewals, and a limit that survives a CI outage of weeks.
 */
export const DEFAULT_EXPIRY: Expiry = 'six_months';

/**
 * How long each expiry lasts. GitHub documents the names, not the lengths: months are taken as
 * 30 days (an assumption shared with the emulator, see docs/emulator.md).
 */
export const EXPIRY_SECONDS: Readonly<Record<Expiry, number>> = {
  one_day: 24 * 3600,
  three_days: 3 * 24 * 3600,
  one_week: 7 * 24 * 3600,
  one_month: 30 * 24 * 3600,
  six_months: 180 * 24 * 3600,
};

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
