import type { Principal } from '../auth/principal';

/**
 * GitHub's primary rate limit
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api): an hourly
 * budget per token user (or installation, or IP when anonymous), a window that starts with the
 * first request, and the `x-ratelimit-*` headers. A `304 Not Modified` does not count. Usage is
 * runtime data and is not written to the state file.
 */
export const RATE_LIMIT_WINDOW_SECONDS = 3600;

/** GitHub's default primary rate limit for a user token: 5,000 requests an hour. */
export const DEFAULT_RATE_LIMIT_PER_HOUR = 5000;
/** GitHub's limit for unauthenticated requests: 60 an hour (per IP). */
export const ANONYMOUS_RATE_LIMIT_PER_HOUR = 60;

export interface RateLimitStatus {
  readonly limit: number;
  readonly remaining: number;
  readonly used: number;
  /** Epoch seconds when the window resets. */
  readonly reset: number;
}

interface Bucket {
  used: number;
  reset: number;
}

export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly limitFor: (key: string) => number,
    private readonly nowMs: () => number,
  ) {}

  status(key: string): RateLimitStatus {
    const bucket = this.bucket(key);
    const limit = this.limitFor(key);
    return {
      limit,
      remaining: Math.max(0, limit - bucket.used),
      used: bucket.used,
      reset: bucket.reset,
    };
  }

  /** Counts one request against the key's budget and returns the new status. */
  consume(key: string): RateLimitStatus {
    this.bucket(key).used += 1;
    return this.status(key);
  }

  /** Sets what is left in the current window (admin API: simulate an almost spent budget). */
  setRemaining(key: string, remaining: number): void {
    this.bucket(key).used = Math.max(0, this.limitFor(key) - remaining);
  }

  keys(): string[] {
    return [...this.buckets.keys()];
  }

  clear(): void {
    this.buckets.clear();
  }

  private bucket(key: string): Bucket {
    const nowSeconds = Math.floor(this.nowMs() / 1000);
    let bucket = this.buckets.get(key);
    if (!bucket || nowSeconds >= bucket.reset) {
      bucket = { used: 0, reset: nowSeconds + RATE_LIMIT_WINDOW_SECONDS };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}

export function rateLimitHeaders(status: RateLimitStatus): Record<string, string> {
  return {
    'x-ratelimit-limit': String(status.limit),
    'x-ratelimit-remaining': String(status.remaining),
    'x-ratelimit-used': String(status.used),
    'x-ratelimit-reset': String(status.reset),
    'x-ratelimit-resource': 'core',
  };
}

/** The rate-limit bucket of a principal: per user, per installation, per app, per IP. */
export function rateLimitKey(principal: Principal, ip: string): string {
  switch (principal.kind) {
    case 'user':
      return `user:${principal.user.id}`;
    case 'installation':
      return `installation:${principal.installation.id}`;
    case 'app':
      return `app:${principal.app.id}`;
    case 'anonymous':
      return `ip:${ip}`;
  }
}
