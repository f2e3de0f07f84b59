import { isoSeconds } from '../state/time';
import type { InteractionExpiry, InteractionGroup, LimitRecord } from './model';

/**
 * How long a limit lasts. GitHub's limits expire by themselves; a request names an `expiry`
 * and GitHub answers the `expires_at` it computed from now.
 */

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Seconds each `expiry` lasts. GitHub names the durations but not their exact length; a month is
 * 30 days and six months 180 days here (ASSUMPTION, docs/emulator.md "Assumptions").
 */
export const EXPIRY_SECONDS: Readonly<Record<InteractionExpiry, number>> = {
  one_day: DAY_SECONDS,
  three_days: 3 * DAY_SECONDS,
  one_week: 7 * DAY_SECONDS,
  one_month: 30 * DAY_SECONDS,
  six_months: 180 * DAY_SECONDS,
};

/** GitHub's default when `expiry` is omitted (OpenAPI `interaction-expiry`: "Default: one_day"). */
export const DEFAULT_EXPIRY: InteractionExpiry = 'one_day';

/** The limit GitHub would return: `expires_at` is now + the expiry, to the second. */
export function newLimit(
  limit: InteractionGroup,
  expiry: InteractionExpiry,
  nowMs: number,
): LimitRecord {
  return { limit, expiresAt: isoSeconds(nowMs + EXPIRY_SECONDS[expiry] * 1000) };
}

/** A limit is gone once the clock reaches `expires_at`. */
export function activeLimit(
  record: LimitRecord | undefined,
  nowMs: number,
): LimitRecord | undefined {
  return record && nowMs < Date.parse(record.expiresAt) ? record : undefined;
}
