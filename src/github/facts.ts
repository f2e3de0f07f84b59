import type { components } from '@octokit/openapi-types';

/**
 * Every fact about GitHub's API that the project relies on, each stated once. The client, the
 * core's schemas (and so the policy file, the Pulumi args, the Terraform schema), and the emulator
 * all read them from here.
 */

/**
 * Who may interact while a limit is in force.
 * @see https://docs.github.com/rest/interactions/repos#set-interaction-restrictions-for-a-repository
 * (schema `interaction-group` in GitHub's OpenAPI description)
 */
export type LimitType = components['schemas']['interaction-group'];
export const LIMIT_TYPES = [
  'existing_users',
  'contributors_only',
  'collaborators_only',
] as const satisfies readonly LimitType[];

/**
 * How long a limit stays in force each time it is set. GitHub never returns it, only
 * `expires_at`; a PUT without `expiry` means `one_day`.
 * @see https://docs.github.com/rest/interactions/repos#set-interaction-restrictions-for-a-repository
 * (schema `interaction-expiry`)
 */
export type Expiry = components['schemas']['interaction-expiry'];
export const EXPIRIES = [
  'one_day',
  'three_days',
  'one_week',
  'one_month',
  'six_months',
] as const satisfies readonly Expiry[];

/** The expiry GitHub applies when a PUT omits it (same page: "Default: one_day"). */
export const GITHUB_DEFAULT_EXPIRY: Expiry = 'one_day';

/**
 * User and organization logins: 1–39 letters, digits or single hyphens, not starting or ending
 * with a hyphen (GitHub's sign-up rule, https://github.com/join: "Username may only contain
 * alphanumeric characters or single hyphens, and cannot begin or end with a hyphen"). A few
 * accounts created before the rule have other spellings; they are not accepted (docs/core.md).
 */
export const LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
export const LOGIN_MAX_LENGTH = 39;
export const LOGIN_RULE =
  'a GitHub login (1–39 letters, digits or single hyphens, not starting or ending with a hyphen)';

/**
 * Repository names: letters, digits, `.`, `-`, `_`, at most 100 characters, not `.` or `..`
 * (GitHub's "new repository" form; other characters are replaced by `-`).
 * @see https://docs.github.com/repositories/creating-and-managing-repositories/creating-a-new-repository
 */
export const REPOSITORY_NAME_PATTERN = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;
export const REPOSITORY_NAME_RULE =
  'a repository name (1–100 letters, digits, ".", "-" or "_", not "." or "..")';

/**
 * The pull-request creation cap: `max_open_pull_requests` is an integer from 1 to 1000.
 * @see https://docs.github.com/rest/interactions/repos#set-the-pull-request-creation-cap-for-a-repository
 */
export const MIN_OPEN_PULL_REQUESTS = 1;
export const MAX_OPEN_PULL_REQUESTS = 1000;

/**
 * The creation cap's bypass list: at most 100 logins per request, and the list holds at most
 * 100 users.
 * @see https://docs.github.com/rest/interactions/repos#add-users-to-the-pull-request-creation-cap-bypass-list-for-a-repository
 */
export const BYPASS_LIST_MAX_USERS_PER_REQUEST = 100;
export const BYPASS_LIST_MAX_USERS = 100;

const DAY_MS = 24 * 3600 * 1000;

/**
 * When a limit set at `from` with `expiry` ends. GitHub recomputes `expires_at` from now on every
 * PUT. Days are days; `one_month` and `six_months` are calendar months: a `six_months` limit set
 * on 2026-04-29 expired on 2026-10-29, 183 days later (reported by users renewing limits with
 * `gh api`; see docs/emulator.md). A day past the end of the target month (a limit set on 31
 * August for one month) is clamped to the month's last day, as Rails' `advance(months:)` does
 * (an assumption: GitHub is a Rails application; no evidence for that edge yet).
 */
export function expiresAtFor(expiry: Expiry, from: Date): Date {
  switch (expiry) {
    case 'one_day':
      return new Date(from.getTime() + DAY_MS);
    case 'three_days':
      return new Date(from.getTime() + 3 * DAY_MS);
    case 'one_week':
      return new Date(from.getTime() + 7 * DAY_MS);
    case 'one_month':
      return addCalendarMonths(from, 1);
    case 'six_months':
      return addCalendarMonths(from, 6);
  }
}

function addCalendarMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(from.getTime());
  result.setUTCFullYear(year, month, Math.min(from.getUTCDate(), lastDay));
  return result;
}

/**
 * The shortest time each expiry can last, in seconds (calendar months vary: one month is at least
 * 28 days, six months at least 181). A renewal window must be shorter than this, or a freshly set
 * limit could already be "expiring".
 */
export const EXPIRY_MIN_SECONDS: Readonly<Record<Expiry, number>> = {
  one_day: 24 * 3600,
  three_days: 3 * 24 * 3600,
  one_week: 7 * 24 * 3600,
  one_month: 28 * 24 * 3600,
  six_months: 181 * 24 * 3600,
};

/** Expiries counted in calendar months, whose length varies. */
export function isCalendarExpiry(expiry: Expiry): boolean {
  return expiry === 'one_month' || expiry === 'six_months';
}
