import { spawn } from 'node:child_process';
import pLimit from 'p-limit';
import { DEFAULT_WRITE_INTERVAL_MS, GITHUB_SECONDARY_LIMITS } from '../github/settings';

/**
 * What the bench compares the CLI with, in the same run: the physical floor (the same GETs with
 * bare `fetch` at the same concurrency), what users script today (a sequential `curl` loop), and
 * the pacing floor (the least time GitHub's documented secondary limits allow for the requests).
 */

export interface RequestCost {
  /** REST reads: 1 point each. */
  readonly restReads: number;
  /** REST writes (PUT, PATCH, POST, DELETE): 5 points each, serial and a second apart. */
  readonly restWrites: number;
  /** GraphQL queries: 1 point each. */
  readonly graphqlQueries: number;
}

/** REST points: a read costs 1, a write 5. */
export function restPoints(cost: RequestCost): number {
  return cost.restReads + 5 * cost.restWrites;
}

/**
 * The least wall time GitHub's documented limits allow for these requests, in ms: the slowest of
 * the REST points budget, the GraphQL points budget and the serial writes a second apart
 * (latency and the first minute's burst left out: a floor, not an estimate).
 */
export function pacingFloorMs(cost: RequestCost): number {
  const rest =
    (restPoints(cost) / GITHUB_SECONDARY_LIMITS.restPointsPerMinute) *
    GITHUB_SECONDARY_LIMITS.windowMs;
  const graphql =
    (cost.graphqlQueries / GITHUB_SECONDARY_LIMITS.graphqlPointsPerMinute) *
    GITHUB_SECONDARY_LIMITS.windowMs;
  // "Make requests serially … wait at least one second between each request" for writes.
  const writes = Math.max(0, cost.restWrites - 1) * DEFAULT_WRITE_INTERVAL_MS;
  return Math.max(rest, graphql, writes);
}

/** A request as it went over the wire: what the floors replay. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly body?: string;
}

/**
 * The same requests with bare `fetch`, `concurrency` at a time (no ETags, no pacing, no retries);
 * resolves with the wall time in ms.
 */
export async function bareFetchMs(
  requests: readonly RecordedRequest[],
  token: string,
  concurrency: number,
): Promise<number> {
  const limit = pLimit(concurrency);
  const started = performance.now();
  await Promise.all(
    requests.map(({ method, url, body }) =>
      limit(async () => {
        const response = await fetch(url, {
          method,
          body,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
        });
        await response.arrayBuffer();
      }),
    ),
  );
  return performance.now() - started;
}

/**
 * What a maintainer's script does today: one `curl` per request, one after the other. Resolves with
 * the wall time in ms, or undefined when curl is not installed.
 */
export async function curlLoopMs(
  requests: readonly RecordedRequest[],
  token: string,
): Promise<number | undefined> {
  const started = performance.now();
  for (const { method, url, body } of requests) {
    const args = ['-s', '-o', '/dev/null', '-X', method, '-H', `Authorization: Bearer ${token}`];
    if (body !== undefined) args.push('-H', 'content-type: application/json', '--data', body);
    const code = await new Promise<number>((resolve) => {
      const child = spawn('curl', [...args, url], { stdio: 'ignore' });
      child.on('error', () => resolve(-1));
      child.on('exit', (exitCode) => resolve(exitCode ?? -1));
    });
    if (code === -1) return undefined;
  }
  return performance.now() - started;
}
