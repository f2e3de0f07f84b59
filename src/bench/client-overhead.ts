import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { createClient } from '../github/client';
import { getRepoInteractionLimit, setRepoInteractionLimit } from '../github/repo-limits';
import { median } from '../terraform/bench';
import { bareFetchMs } from './floors';
import { Meter, benchSeed, spawnEmulator } from './policy-bench';

/**
 * What the client costs per request on top of the network: the same requests made through
 * `createClient`, through a plain Octokit (token auth, no hooks: what any Octokit-based client
 * starts from) and with bare `fetch`, against an emulator answering at once (0 ms latency) in its
 * own process, as GitHub is, so the differences are the client's own work (hooks, pacing,
 * queues, timers, answer checks) and not the emulator's.
 *
 * For `npm run bench` (src/bench); prints nothing, asserts nothing.
 */
export interface OverheadOptions {
  /** Requests per measured round. @default 500 */
  readonly requests?: number;
  /** Reads made at once in the concurrent round (a plan's default is 4). @default 4 */
  readonly concurrency?: number;
  /** Measured rounds, interleaved; each figure is the median. @default 7 */
  readonly rounds?: number;
  /** Extra client settings (e.g. `pacing`), merged over the bench's. */
  readonly clientSettings?: Parameters<typeof createClient>[0];
}

export interface OverheadFigures {
  /** Wall time of the round through the client, ms. */
  readonly clientMs: number;
  /** Wall time of the same requests with bare fetch, ms. */
  readonly fetchMs: number;
  /** (clientMs - fetchMs) / requests. */
  readonly overheadPerRequestMs: number;
  /** clientMs / fetchMs. */
  readonly ratio: number;
  /** The same requests through a plain Octokit, ms, and its ratio to bare fetch. */
  readonly octokitMs: number;
  readonly octokitRatio: number;
}

export interface OverheadResult {
  readonly requests: number;
  readonly concurrency: number;
  /** One GET at a time (answered 304: the ETag is known). */
  readonly sequentialGet: OverheadFigures;
  /** One PUT at a time (writes are serial anyway). */
  readonly sequentialPut: OverheadFigures;
  /** `concurrency` GETs at a time, as a plan reads. */
  readonly concurrentGet: OverheadFigures;
}

const TOKEN = 'gho_emulator_octocat';
const PATH = '/repos/acme/api/interaction-limits';

/** An emulator with `seed` in its own process, for the length of `run`. */
async function withEmulator<T>(seed: unknown, run: (url: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ghi-overhead-'));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  const emulator = await spawnEmulator(seedFile);
  try {
    return await run(emulator.url);
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureClientOverhead(
  options: OverheadOptions = {},
): Promise<OverheadResult> {
  const requests = options.requests ?? 500;
  const concurrency = options.concurrency ?? 4;
  const rounds = options.rounds ?? 7;
  const seed = {
    users: [{ login: 'octocat', token: TOKEN }],
    orgs: [{ login: 'acme', owners: ['octocat'], members: [] }],
    repos: [{ owner: 'acme', name: 'api' }],
    rateLimitPerHour: 1_000_000_000,
  };
  return withEmulator(seed, async (url) => {
    const client = createClient({ baseUrl: url, token: TOKEN, ...options.clientSettings });
    const quiet = () => {};
    const octokit = new Octokit({
      auth: TOKEN,
      baseUrl: url,
      log: { debug: quiet, info: quiet, warn: console.warn, error: quiet },
    });
    const bare = bareFetch(url);
    const body = { limit: 'existing_users', expiry: 'one_day' } as const;
    const route = 'GET /repos/{owner}/{repo}/interaction-limits' as const;
    // Octokit alone has no ETag cache: it sends the client's If-None-Match and takes the 304.
    let etag: string | undefined;
    const viaOctokit = {
      get: () =>
        octokit
          .request(route, {
            owner: 'acme',
            repo: 'api',
            headers: etag ? { 'if-none-match': etag } : {},
          })
          .then(
            (r) => ((etag = r.headers.etag), r.data),
            (e: { status?: number }) => {
              if (e.status !== 304) throw e;
            },
          ),
      put: () =>
        octokit.request('PUT /repos/{owner}/{repo}/interaction-limits', {
          owner: 'acme',
          repo: 'api',
          ...body,
        }),
    };
    const viaClient = {
      get: () => getRepoInteractionLimit(client, 'acme', 'api'),
      put: () => setRepoInteractionLimit(client, 'acme', 'api', body),
    };
    const viaFetch = {
      get: () => bare('GET', PATH),
      put: () => bare('PUT', PATH, body),
    };
    // Warm up all three: connections, JIT, the ETag caches.
    for (const via of [viaClient, viaOctokit, viaFetch]) {
      await run(100, 1, via.get);
      await run(20, 1, via.put);
    }

    const figures = async (which: 'get' | 'put', atOnce: number): Promise<OverheadFigures> => {
      const times = { client: [] as number[], octokit: [] as number[], fetch: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        times.client.push(await run(requests, atOnce, viaClient[which]));
        times.octokit.push(await run(requests, atOnce, viaOctokit[which]));
        times.fetch.push(await run(requests, atOnce, viaFetch[which]));
      }
      const clientMs = median(times.client);
      const fetchMs = median(times.fetch);
      const octokitMs = median(times.octokit);
      return {
        clientMs,
        fetchMs,
        overheadPerRequestMs: (clientMs - fetchMs) / requests,
        ratio: clientMs / fetchMs,
        octokitMs,
        octokitRatio: octokitMs / fetchMs,
      };
    };
    return {
      requests,
      concurrency,
      sequentialGet: await figures('get', 1),
      sequentialPut: await figures('put', 1),
      concurrentGet: await figures('get', concurrency),
    };
  });
}

export interface PlanOverheadOptions {
  /** Repositories planned (an interaction limit and a bypass list each). @default 500 */
  readonly repositories?: number;
  /** The plan's concurrency, and the replay's. @default 4 */
  readonly concurrency?: number;
  /** Measured rounds, interleaved; each figure is the median. @default 11 */
  readonly rounds?: number;
  /** Extra client settings (e.g. `pacing`), merged over the bench's. */
  readonly clientSettings?: Parameters<typeof createClient>[0];
}

export interface PlanOverheadResult {
  readonly repositories: number;
  /** GitHub requests the plan made (replayed with bare fetch). */
  readonly requests: number;
  /** Wall time of the plan, ms. */
  readonly clientMs: number;
  /** Wall time of its requests replayed with bare fetch at the same concurrency, ms. */
  readonly fetchMs: number;
  readonly overheadPerRequestMs: number;
  readonly ratio: number;
}

/**
 * A cold plan (a new client each round, so no ETags) of `repositories` interaction limits and
 * bypass lists, against the same requests (GraphQL queries with their bodies, recorded by the
 * bench's Meter) replayed with bare fetch at the same concurrency (the floors' `bareFetchMs`).
 */
export async function measurePlanOverhead(
  options: PlanOverheadOptions = {},
): Promise<PlanOverheadResult> {
  const repositories = options.repositories ?? 500;
  const concurrency = options.concurrency ?? 4;
  const rounds = options.rounds ?? 11;
  const core = await import('../core/index.js');
  const seed = { ...benchSeed(repositories), rateLimitPerHour: 1_000_000_000 };
  const names = seed.repos.map((repo) => repo.name);
  return withEmulator(seed, async (url) => {
    const desired = names.flatMap((name) => [
      {
        ensure: 'present' as const,
        spec: core.interactionLimitSpec({ repository: `bigorg/${name}`, limit: 'existing_users' }),
      },
      {
        ensure: 'present' as const,
        spec: core.prBypassListSpec({ repository: `bigorg/${name}`, users: [] }),
      },
    ]);
    // The warm-up plan records what it sends, to replay.
    const meter = new Meter();
    const plan = async (record = false) => {
      const client = createClient({
        baseUrl: url,
        token: TOKEN,
        ...(record ? { fetch: meter.fetch } : {}),
        ...options.clientSettings,
      });
      const started = process.hrtime.bigint();
      await core.planResources(client, desired, { concurrency });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await plan(true);
    const requests = meter.requests;
    const replay = () => bareFetchMs(requests, TOKEN, concurrency);
    await plan();
    await replay();
    const clientTimes: number[] = [];
    const fetchTimes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      clientTimes.push(await plan());
      fetchTimes.push(await replay());
    }
    const clientMs = median(clientTimes);
    const fetchMs = median(fetchTimes);
    return {
      repositories,
      requests: requests.length,
      clientMs,
      fetchMs,
      overheadPerRequestMs: (clientMs - fetchMs) / requests.length,
      ratio: clientMs / fetchMs,
    };
  });
}

/** The overhead figures as lines for a report. */
export function formatOverhead(result: OverheadResult): string[] {
  const line = (label: string, f: OverheadFigures) =>
    `${label}: client ${f.clientMs.toFixed(0)} ms, bare fetch ${f.fetchMs.toFixed(0)} ms, ` +
    `${f.overheadPerRequestMs.toFixed(3)} ms overhead per request, ${f.ratio.toFixed(2)}× ` +
    `(plain Octokit ${f.octokitMs.toFixed(0)} ms, ${f.octokitRatio.toFixed(2)}×)`;
  return [
    line(`${result.requests} GETs one at a time`, result.sequentialGet),
    line(`${result.requests} PUTs one at a time`, result.sequentialPut),
    line(`${result.requests} GETs ${result.concurrency} at a time`, result.concurrentGet),
  ];
}

/** Bare fetch with what the client sends: token, API version, ETags kept in a map. */
function bareFetch(baseUrl: string) {
  const etags = new Map<string, { etag: string; body: unknown }>();
  return async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const key = `${method} ${path}`;
    const cached = method === 'GET' ? etags.get(key) : undefined;
    const response = await fetch(baseUrl + path, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `token ${TOKEN}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'bench-bare-fetch',
        ...(cached ? { 'if-none-match': cached.etag } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 304 && cached) return cached.body;
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    const etag = response.headers.get('etag');
    if (method === 'GET' && etag) etags.set(key, { etag, body: parsed });
    return parsed;
  };
}

async function run(count: number, atOnce: number, task: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, count) }, worker));
  return Number(process.hrtime.bigint() - started) / 1e6;
}
