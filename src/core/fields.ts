import { z } from 'zod';
import {
  BYPASS_LIST_MAX_USERS,
  EXPIRIES,
  LIMIT_TYPES,
  LOGIN_MAX_LENGTH,
  LOGIN_PATTERN,
  LOGIN_RULE,
  MAX_OPEN_PULL_REQUESTS,
  MIN_OPEN_PULL_REQUESTS,
} from '../github/facts';
import type { FieldDefinition } from './attributes';
import { DEFAULT_EXPIRY, DEFAULT_RENEWAL_WINDOW_SECONDS } from './defaults';
import { DURATION_PATTERN, DURATION_RULE, formatDurationSeconds } from './duration';
import { isRepositoryFullName, REPOSITORY_RULE } from './names';

/**
 * The attribute definitions the kinds share, built once from GitHub's facts (src/github/facts.ts).
 * The policy file's schema reuses the same zod schemas, so a value means the same everywhere.
 */

export const loginSchema = z.string().max(LOGIN_MAX_LENGTH).regex(LOGIN_PATTERN);
export const repositoryFullNameSchema = z.string().refine(isRepositoryFullName);
export const limitSchema = z.enum(LIMIT_TYPES);
export const expirySchema = z.enum(EXPIRIES);
export const maxOpenPullRequestsSchema = z
  .int()
  .min(MIN_OPEN_PULL_REQUESTS)
  .max(MAX_OPEN_PULL_REQUESTS);
export const durationSchema = z.union([z.int().positive(), z.string().regex(DURATION_PATTERN)]);

export const MAX_OPEN_PULL_REQUESTS_RULE = `an integer from ${MIN_OPEN_PULL_REQUESTS} to ${MAX_OPEN_PULL_REQUESTS}`;
export const LIMIT_RULE = `one of ${LIMIT_TYPES.join(', ')}`;
export const EXPIRY_RULE = `one of ${EXPIRIES.join(', ')}`;

export const LIMIT_DESCRIPTION =
  'Who may comment, open issues and open pull requests while the limit is in force. ' +
  'existing_users: accounts younger than 24 hours that have not contributed before are restricted; ' +
  'contributors_only: users who have not contributed before and are not collaborators are restricted; ' +
  'collaborators_only: only collaborators may interact.';

export const EXPIRY_DESCRIPTION =
  'How long GitHub keeps the limit each time it is set. Renewal sets it again before it lapses.';

export const RENEW_DESCRIPTION =
  'Re-apply the limit when it has expired or expires within renewWithin. false: a one-off limit ' +
  'that is allowed to lapse.';

const windowDefaults = Object.entries(DEFAULT_RENEWAL_WINDOW_SECONDS)
  .map(([expiry, seconds]) => `${formatDurationSeconds(seconds)} for ${expiry}`)
  .join(', ');
export const RENEW_WITHIN_DESCRIPTION =
  'Renew the limit when it expires within this long: a duration (s, m, h, d, w; e.g. 12h, 3d, ' +
  '1w, 1d12h) or a number of seconds. Must be shorter than the expiry.';
export const RENEW_WITHIN_DEFAULT_DESCRIPTION = `depends on the expiry: ${windowDefaults}`;

export const BYPASS_USERS_DESCRIPTION =
  'Every login allowed to open pull requests whatever the creation cap says. The list is ' +
  `authoritative: logins not in it are removed. At most ${BYPASS_LIST_MAX_USERS}, each once ` +
  '(logins are case-insensitive).';

export const MAX_OPEN_PULL_REQUESTS_DESCRIPTION = `How many pull requests may be open at once by users without write access (${MIN_OPEN_PULL_REQUESTS}–${MAX_OPEN_PULL_REQUESTS}). Required when enabled.`;

/** The scope attributes: exactly one is set. */
export function organizationField(exactlyOneOf: readonly string[]): FieldDefinition {
  return {
    name: 'organization',
    schema: loginSchema,
    type: 'string',
    presence: 'optional',
    description: 'An organization login.',
    expected: LOGIN_RULE,
    requiresReplace: true,
    exactlyOneOf,
  };
}

export function repositoryField(
  exactlyOneOf: readonly string[] | undefined,
  description = 'A repository, `owner/name`.',
): FieldDefinition {
  return {
    name: 'repository',
    schema: repositoryFullNameSchema,
    type: 'string',
    presence: exactlyOneOf ? 'optional' : 'required',
    description,
    expected: REPOSITORY_RULE,
    requiresReplace: true,
    ...(exactlyOneOf ? { exactlyOneOf } : {}),
  };
}

export function userField(exactlyOneOf: readonly string[]): FieldDefinition {
  return {
    name: 'user',
    schema: z.union([z.boolean(), loginSchema]),
    type: 'boolean',
    presence: 'optional',
    description:
      "true: the token's own user; the limit covers all of that user's public repositories. " +
      "A login may be given instead of true: it is checked to be the token's user.",
    expected: `true (the token's user) or ${LOGIN_RULE}`,
    requiresReplace: true,
    exactlyOneOf,
  };
}

export const LIMIT_FIELD: FieldDefinition = {
  name: 'limit',
  schema: limitSchema,
  type: 'string',
  presence: 'required',
  description: LIMIT_DESCRIPTION,
  expected: LIMIT_RULE,
  allowedValues: LIMIT_TYPES,
};

export const EXPIRY_FIELD: FieldDefinition = {
  name: 'expiry',
  schema: expirySchema,
  type: 'string',
  presence: 'optional',
  description: EXPIRY_DESCRIPTION,
  expected: EXPIRY_RULE,
  allowedValues: EXPIRIES,
  default: DEFAULT_EXPIRY,
};

export const DURATION_EXPECTED = DURATION_RULE;

/** `2026-12-01T00:00:00Z` (any offset) or `2026-12-01` (midnight UTC). */
export const untilSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
export const UNTIL_RULE =
  'an ISO-8601 date-time such as 2026-12-01T00:00:00Z, or a date such as 2026-12-01 (midnight UTC)';
export const UNTIL_DESCRIPTION =
  'When the declaration ends: from then on nothing is written and the limit is left to lapse ' +
  '(a one-off limit). Before then, a missing limit is set, and renewed only while it would end ' +
  'before this moment. An ISO-8601 date-time, or a date (midnight UTC).';

/** The moment an `until` value names, as an ISO-8601 timestamp. */
export function untilTimestamp(until: string): string {
  return new Date(/T/.test(until) ? until : `${until}T00:00:00Z`).toISOString();
}
