import type { Principal } from '../auth/principal';
import type { HttpResult } from '../http/results';
import { basicError } from '../http/results';
import type { RateLimitStatus } from './rate-limiter';
import { rateLimitHeaders } from './rate-limiter';

export const RATE_LIMIT_DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
export const SECONDARY_RATE_LIMIT_DOCS = `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`;

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
