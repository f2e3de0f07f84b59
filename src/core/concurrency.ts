import pLimit from 'p-limit';

/**
 * Runs `work` over `items` with at most `limit` in flight, keeping the input order in the result.
 * Each item settles on its own: one failure does not cancel the others.
 */
export async function settleWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const pool = pLimit(Math.max(1, limit));
  return Promise.allSettled(items.map((item, index) => pool(() => work(item, index))));
}
