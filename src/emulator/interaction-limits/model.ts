/**
 * Interaction limits as stored on an org, a user or a repository (the `limit` field of their
 * records in state/model.ts), and the values GitHub documents for them.
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

export interface LimitRecord {
  readonly limit: InteractionGroup;
  /** ISO-8601, seconds precision, UTC (`2018-08-17T04:18:39Z`), as GitHub returns it. */
  readonly expiresAt: string;
}

/** What orgs, users and repositories hold of this feature. */
export interface LimitFields {
  limit?: LimitRecord;
}

export function isInteractionGroup(value: unknown): value is InteractionGroup {
  return typeof value === 'string' && (INTERACTION_GROUPS as readonly string[]).includes(value);
}

export function isInteractionExpiry(value: unknown): value is InteractionExpiry {
  return typeof value === 'string' && (INTERACTION_EXPIRIES as readonly string[]).includes(value);
}
