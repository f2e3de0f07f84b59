import type { Expiry, LimitType } from '../../github/facts';
import { EXPIRIES, LIMIT_TYPES } from '../../github/facts';

/**
 * Interaction limits as stored on an org, a user or a repository (the `limit` field of their
 * records in state/model.ts). The values GitHub documents are the project's facts
 * (src/github/facts.ts), stated once; the emulator keeps its old names for them.
 */

/** The three `limit` values GitHub documents (OpenAPI schema `interaction-group`). */
export const INTERACTION_GROUPS = LIMIT_TYPES;
export type InteractionGroup = LimitType;

/** The `expiry` values GitHub documents (OpenAPI schema `interaction-expiry`). */
export const INTERACTION_EXPIRIES = EXPIRIES;
export type InteractionExpiry = Expiry;

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
