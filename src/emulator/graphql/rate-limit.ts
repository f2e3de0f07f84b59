import type { RateLimitStatus } from '../rate-limits/rate-limiter';
import { RATE_LIMIT_WINDOW_SECONDS, rateLimitHeaders } from '../rate-limits/rate-limiter';
import type { EmulatorState } from '../state/emulator-state';
import type { StateData } from '../state/model';

/**
 * GraphQL's primary rate limit: its own bucket of points, apart from the REST one
 * (`x-ratelimit-resource: graphql`), 5,000 points an hour for a user token like REST's requests
 * (the emulator uses the seed's `rateLimitPerHour` for both). "If you exceed your primary rate
 * limit, the response status will still be 200, but you will receive an error message, and the
 * value of the x-ratelimit-remaining header will be 0"
 * (https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api).
 * A query is refused once nothing remains; one that costs more than what remains still runs and
 * takes `used` past the limit, as users have seen (`"graphql": {"limit": 5000, "used": 5002,
 * "remaining": 0}`, cli/cli#8321).
 *
 * Buckets hang off the state's data, so an admin reset (which replaces the data) empties them.
 */
interface Bucket {
  used: number;
  reset: number;
}

const bucketsByState = new WeakMap<StateData, Map<string, Bucket>>();

export class GraphqlRateLimit {
  constructor(private readonly state: EmulatorState) {}

  status(key: string): RateLimitStatus {
    const bucket = this.bucket(key);
    const limit = this.state.data.rateLimitPerHour;
    return {
      limit,
      remaining: Math.max(0, limit - bucket.used),
      used: bucket.used,
      reset: bucket.reset,
    };
  }

  charge(key: string, points: number): RateLimitStatus {
    this.bucket(key).used += points;
    return this.status(key);
  }

  private bucket(key: string): Bucket {
    let buckets = bucketsByState.get(this.state.data);
    if (!buckets) {
      buckets = new Map();
      bucketsByState.set(this.state.data, buckets);
    }
    const nowSeconds = Math.floor(this.state.now() / 1000);
    let bucket = buckets.get(key);
    if (!bucket || nowSeconds >= bucket.reset) {
      bucket = { used: 0, reset: nowSeconds + RATE_LIMIT_WINDOW_SECONDS };
      buckets.set(key, bucket);
    }
    return bucket;
  }
}

export function graphqlRateLimitHeaders(status: RateLimitStatus): Record<string, string> {
  return { ...rateLimitHeaders(status), 'x-ratelimit-resource': 'graphql' };
}
