/** The longest back-off, in units of `retryBaseMs` (32 s by default). */
export const MAX_BACKOFF_UNITS = 32;

/**
 * The first retry's ceiling, in units of `retryBaseMs`: 250 ms by default (the AWS SDKs start at
 * 100 ms). A faulty run of 400 resources (10% 502s, 5% dropped connections) took 3.2–4.2× the
 * clean run with 1 s, 1.9–2.1× with 250 ms (npm run bench, "faults").
 */
export const FIRST_BACKOFF_UNITS = 0.25;

/**
 * The wait before retry `retry` (0 for the first) of one request: exponential with full jitter,
 * a random time in [0, FIRST_BACKOFF_UNITS × base × 2^retry), at most MAX_BACKOFF_UNITS × base. Each request counts its
 * own retries, so one request's bad luck never lengthens another's wait; the jitter spreads
 * retries that failed together so they do not come back together.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffMs(retry: number, baseMs: number, random: () => number): number {
  const ceiling =
    baseMs * Math.min(MAX_BACKOFF_UNITS, FIRST_BACKOFF_UNITS * 2 ** Math.max(0, retry));
  return Math.floor(ceiling * Math.min(Math.max(random(), 0), 1));
}
