import { GITHUB_DEFAULT_EXPIRY, expiresAtFor } from '../../github/facts';
import { isoSeconds } from '../state/time';
import type { InteractionExpiry, InteractionGroup, LimitRecord } from './model';

/**
 * How long a limit lasts. GitHub's limits expire by themselves; a request names an `expiry`
 * and GitHub answers the `expires_at` it computed from now. The arithmetic is the project's fact
 * `expiresAtFor` (src/github/facts.ts): days are days, months are calendar months (a
 * `six_months` limit set on 2026-04-29 expires on 2026-10-29, 183 days later).
 */

/** GitHub's default when `expiry` is omitted (OpenAPI `interaction-expiry`: "Default: one_day"). */
export const DEFAULT_EXPIRY: InteractionExpiry = GITHUB_DEFAULT_EXPIRY;

/**
 * The limit GitHub would return for a PUT at `nowMs`: `expires_at` is recomputed from now on
 * every PUT (even for the same limit), to the second.
 */
export function newLimit(
  limit: InteractionGroup,
  expiry: InteractionExpiry,
  nowMs: number,
): LimitRecord {
  return { limit, expiresAt: isoSeconds(expiresAtFor(expiry, new Date(nowMs)).getTime()) };
}

/** A limit is gone once the clock reaches `expires_at`. */
export function activeLimit(
  record: LimitRecord | undefined,
  nowMs: number,
): LimitRecord | undefined {
  return record && nowMs < Date.parse(record.expiresAt) ? record : undefined;
}
