/**
 * GitHub's primary rate limit as the client has seen it, per resource (`core` for REST,
 * `graphql`, …), from the `x-ratelimit-*` headers of every answer
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#checking-the-status-of-your-rate-limit).
 */
export interface RateLimitStatus {
  readonly resource: string;
  readonly limit: number;
  readonly remaining: number;
  readonly used?: number;
  /** When the window resets. */
  readonly reset: Date;
}

type Headers = Readonly<Record<string, string | number | undefined>>;

interface Entry {
  limit: number;
  remaining: number;
  used?: number;
  /** Epoch seconds. */
  resetSeconds: number;
}

export class RateLimitBook {
  private readonly entries = new Map<string, Entry>();

  /**
   * Keeps what an answer says. Answers arrive out of order under concurrency, so within one
   * window the lowest `remaining` wins; a later window replaces an earlier one, and an answer
   * from an earlier window is ignored.
   */
  record(headers: Headers | undefined, fallbackResource: string): void {
    if (!headers) return;
    const limit = integer(headers['x-ratelimit-limit']);
    const remaining = integer(headers['x-ratelimit-remaining']);
    const resetSeconds = integer(headers['x-ratelimit-reset']);
    if (limit === undefined || remaining === undefined || resetSeconds === undefined) return;
    const used = integer(headers['x-ratelimit-used']);
    const resource = String(headers['x-ratelimit-resource'] ?? '') || fallbackResource;
    const known = this.entries.get(resource);
    if (known && resetSeconds < known.resetSeconds) return;
    if (known && resetSeconds === known.resetSeconds) {
      if (remaining < known.remaining) {
        known.remaining = remaining;
        if (used !== undefined) known.used = used;
      }
      known.limit = limit;
      return;
    }
    this.entries.set(resource, {
      limit,
      remaining,
      resetSeconds,
      ...(used !== undefined ? { used } : {}),
    });
  }

  /** What is known of `resource`, or undefined before any answer carried its headers. */
  status(resource: string): RateLimitStatus | undefined {
    const entry = this.entries.get(resource);
    if (!entry) return undefined;
    return {
      resource,
      limit: entry.limit,
      remaining: entry.remaining,
      ...(entry.used !== undefined ? { used: entry.used } : {}),
      reset: new Date(entry.resetSeconds * 1000),
    };
  }

  /**
   * The reset (epoch ms) of `resource` if GitHub said it is used up and the window has not reset
   * yet on GitHub's clock (`serverNowMs`).
   */
  exhaustedUntil(resource: string, serverNowMs: number): number | undefined {
    const entry = this.entries.get(resource);
    if (!entry || entry.remaining > 0) return undefined;
    const resetMs = entry.resetSeconds * 1000;
    return resetMs > serverNowMs ? resetMs : undefined;
  }
}

export type RateLimitSignal =
  | { readonly kind: 'primary'; readonly resetSeconds?: number }
  | { readonly kind: 'secondary'; readonly retryAfterSeconds?: number };

/**
 * Whether a 403 or 429 is a rate limit, and which
 * (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#rate-limit-errors):
 * GitHub's "secondary rate limit" wording or a `retry-after` is secondary; `remaining: 0` is
 * primary; a 429 with neither is secondary. A 403 with none of these is a permission error.
 */
export function rateLimitSignal(
  status: number,
  headers: Headers,
  message: string,
): RateLimitSignal | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = integer(headers['retry-after']);
  const secondary = {
    kind: 'secondary' as const,
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
  };
  if (/\bsecondary rate\b/i.test(message)) return secondary;
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = integer(headers['x-ratelimit-reset']);
    return { kind: 'primary', ...(reset !== undefined ? { resetSeconds: reset } : {}) };
  }
  if (retryAfter !== undefined || status === 429) return secondary;
  return undefined;
}

function integer(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? Math.floor(number) : undefined;
}
