import type { Principal } from '../auth/principal';
import type { HttpResult } from '../http/results';
import { basicError } from '../http/results';
import type { RateLimitStatus } from './rate-limiter';
import { rateLimitHeaders } from './rate-limiter';

export const RATE_LIMIT_DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
/**
 * The `documentation_url` of GitHub's secondary-limit answers, as GitHub sends it (quoted in
 * https://github.com/github-changelog-generator/github-changelog-generator/issues/993, 2023-12).
 */
export const SECONDARY_RATE_LIMIT_DOCS =
  'https://docs.github.com/en/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

/** GitHub's secondary-limit message, without the support sentence (`supportSuffix`). */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

/** The sentence GitHub appends to rate-limit messages. */
export function supportSuffix(requestId: string): string {
  return ` If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;
}

/** GitHub's primary-limit 403 (plugin-throttling recognizes `x-ratelimit-remaining: 0`). */
export function primaryLimitExceeded(
  principal: Principal,
  ip: string,
  requestId: string,
  status: RateLimitStatus,
): HttpResult {
  const who =
    principal.kind === 'user'
      ? `user ID ${principal.user.id}.${supportSuffix(requestId)}`
      : principal.kind === 'installation'
        ? `installation ID ${principal.installation.id}.${supportSuffix(requestId)}`
        : principal.kind === 'app'
          ? `app ID ${principal.app.id}.${supportSuffix(requestId)}`
          : `${ip}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`;
  return basicError(403, `API rate limit exceeded for ${who}`, RATE_LIMIT_DOCS, {
    ...rateLimitHeaders({ ...status, remaining: 0 }),
  });
}

/**
 * GitHub's answer to a request over a secondary limit: 403 (or 429, the limits' `status`), GitHub's
 * message with the request ID, and `retry-after` in seconds. No `x-ratelimit-remaining: 0`: that
 * is how clients tell a primary limit from a secondary one (the caller adds the usual rate-limit
 * headers for REST).
 */
export function secondaryLimitExceeded(
  status: 403 | 429,
  requestId: string,
  retryAfterSeconds: number,
): HttpResult {
  return basicError(
    status,
    `${SECONDARY_RATE_LIMIT_MESSAGE}${supportSuffix(requestId)}`,
    SECONDARY_RATE_LIMIT_DOCS,
    { 'retry-after': String(retryAfterSeconds) },
  );
}
