import { createClient } from '../github/client';
import { getRepoInteractionLimit, setRepoInteractionLimit } from '../github/repo-limits';
import { median } from '../terraform/bench';

/**
 * What the client costs per request on top of the network: the same requests made through
 * `createClient` and with bare `fetch`, against an in-process emulator answering at once (0 ms
 * latency), so the difference is the client's own work (hooks, pacing, queues, timers).
 *
 * For `npm run bench` (src/bench); prints nothing, asserts nothing.
 */
export interface OverheadOptions {
  /** Requests per measured round. @default 500 */
  readonly requests?: number;
  /** Reads made at once in the concurrent round (a plan's default is 4). @default 4 */
  readonly concurrency?: number;
  /** Measured rounds; each figure is the median. @default 3 */
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
}

export interface OverheadResult {
  readonly requests: number;
  readonly concurrency: number;
  /** One GET at a time. */
  readonly sequentialGet: OverheadFigures;
  /** One PUT at a time (writes are serial anyway). */
  readonly sequentialPut: OverheadFigures;
  /** `concurrency` GETs at a time, as a plan reads. */
  readonly concurrentGet: OverheadFigures;
}

const TOKEN = 'gho_emulator_octocat';
const PATH = '/repos/acme/api/interaction-limits';

export async function measureClientOverhead(
  options: OverheadOptions = {},
): Promise<OverheadResult> {
  const requests = options.requests ?? 500;
  const concurrency = options.concurrency ?? 4;
  const rounds = options.rounds ?? 3;
  // Loaded here, so that importing src/github never loads the emulator.
  const { startEmulator, DEFAULT_SEED } = await import('../emulator/index.js');
  const emulator = await startEmulator({
    seed: { ...DEFAULT_SEED, rateLimitPerHour: 1_000_000_000 },
  });
  try {
    const client = createClient({
      baseUrl: emulator.url,
      token: TOKEN,
      ...options.clientSettings,
    });
    const bare = bareFetch(emulator.url);
    const body = { limit: 'existing_users', expiry: 'one_day' } as const;
    const viaClient = {
      get: () => getRepoInteractionLimit(client, 'acme', 'api'),
      put: () => setRepoInteractionLimit(client, 'acme', 'api', body),
    };
    const viaFetch = {
      get: () => bare('GET', PATH),
      put: () => bare('PUT', PATH, body),
    };
    // Warm up both: connections, JIT, the ETag caches.
    await run(50, 1, viaClient.get);
    await run(50, 1, viaFetch.get);
    await run(10, 1, viaClient.put);
    await run(10, 1, viaFetch.put);

    const figures = async (
      ours: () => Promise<unknown>,
      theirs: () => Promise<unknown>,
      atOnce: number,
    ): Promise<OverheadFigures> => {
      const clientTimes: number[] = [];
      const fetchTimes: number[] = [];
      for (let round = 0; round < rounds; round++) {
        clientTimes.push(await run(requests, atOnce, ours));
        fetchTimes.push(await run(requests, atOnce, theirs));
      }
      const clientMs = median(clientTimes);
      const fetchMs = median(fetchTimes);
      return {
        clientMs,
        fetchMs,
        overheadPerRequestMs: (clientMs - fetchMs) / requests,
        ratio: clientMs / fetchMs,
      };
    };
    return {
      requests,
      concurrency,
      sequentialGet: await figures(viaClient.get, viaFetch.get, 1),
      sequentialPut: await figures(viaClient.put, viaFetch.put, 1),
      concurrentGet: await figures(viaClient.get, viaFetch.get, concurrency),
    };
  } finally {
    await emulator.close();
  }
}

export interface PlanOverheadOptions {
  /** Repositories planned (an interaction limit and a bypass list each). @default 500 */
  readonly repositories?: number;
  /** The plan's concurrency, and the replay's. @default 4 */
  readonly concurrency?: number;
  /** Measured rounds; each figure is the median. @default 3 */
  readonly rounds?: number;
  /** Extra client settings (e.g. `pacing`), merged over the bench's. */
  readonly clientSettings?: Parameters<typeof createClient>[0];
}

export interface PlanOverheadResult extends OverheadFigures {
  readonly repositories: number;
  /** GitHub requests the plan made (replayed with bare fetch). */
  readonly requests: number;
}

/**
 * A cold plan (a new client each round, so no ETags) of `repositories` interaction limits and
 * bypass lists, against the same requests replayed with bare fetch at the same concurrency.
 */
export async function measurePlanOverhead(
  options: PlanOverheadOptions = {},
): Promise<PlanOverheadResult> {
  const repositories = options.repositories ?? 500;
  const concurrency = options.concurrency ?? 4;
  const rounds = options.rounds ?? 3;
  const { startEmulator } = await import('../emulator/index.js');
  const core = await import('../core/index.js');
  const names = Array.from(
    { length: repositories },
    (_, i) => `repo-${String(i).padStart(5, '0')}`,
  );
  const paths: string[] = [];
  const emulator = await startEmulator({
    seed: {
      users: [{ login: 'octocat', token: TOKEN }],
      orgs: [{ login: 'bigorg', owners: ['octocat'], members: [] }],
      repos: names.map((name) => ({ owner: 'bigorg', name })),
      rateLimitPerHour: 1_000_000_000,
    },
    onExchange: (exchange) => {
      if (!exchange.admin) paths.push(`${exchange.method} ${exchange.path}`);
    },
  });
  try {
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
    const plan = async () => {
      const client = createClient({
        baseUrl: emulator.url,
        token: TOKEN,
        ...options.clientSettings,
      });
      const started = process.hrtime.bigint();
      await core.planResources(client, desired, { concurrency });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await plan(); // warm-up, and the list of requests to replay
    const requests = paths.splice(0).map((line) => line.split(' ') as [string, string]);
    const bare = bareFetch(emulator.url);
    const replay = async () => {
      let next = 0;
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < requests.length) {
            const [method, path] = requests[next++];
            await bare(method, path, undefined, false);
          }
        }),
      );
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
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
  } finally {
    await emulator.close();
  }
}

/** The overhead figures as lines for a report. */
export function formatOverhead(result: OverheadResult): string[] {
  const line = (label: string, f: OverheadFigures) =>
    `${label}: client ${f.clientMs.toFixed(0)} ms, bare fetch ${f.fetchMs.toFixed(0)} ms, ` +
    `${f.overheadPerRequestMs.toFixed(2)} ms overhead per request, ${f.ratio.toFixed(2)}×`;
  return [
    line(`${result.requests} GETs one at a time`, result.sequentialGet),
    line(`${result.requests} PUTs one at a time`, result.sequentialPut),
    line(`${result.requests} GETs ${result.concurrency} at a time`, result.concurrentGet),
  ];
}

/** Bare fetch with what the client sends: token, API version, ETags kept in a map. */
function bareFetch(baseUrl: string) {
  const etags = new Map<string, { etag: string; body: unknown }>();
  return async (
    method: string,
    path: string,
    body?: unknown,
    useEtags = true,
  ): Promise<unknown> => {
    const key = `${method} ${path}`;
    const cached = method === 'GET' && useEtags ? etags.get(key) : undefined;
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
    if (method === 'GET' && etag && useEtags) etags.set(key, { etag, body: parsed });
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
