import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pLimit from 'p-limit';
import { applyPlan } from '../core';
import type { Plan } from '../core';
import { EmulatorAdminClient } from '../emulator/admin/client';
import type { ClientSettings, GitHubClient } from '../github';
import { createClient } from '../github';
import type { CliIO } from '../cli/io';
import { planPolicy } from '../cli/policy-plan';
import type { RecordedRequest, RequestCost } from './floors';
import { bareFetchMs, curlLoopMs, pacingFloorMs, restPoints } from './floors';

/**
 * The main job at scale, as issue 11 measures it: one organization of N public repositories, each
 * with an interaction limit and a 2-user bypass list; cold plan, apply, warm plan (ETags kept) and
 * a second apply; against the emulator's GitHub-like profile (30 ms of latency, GitHub's secondary
 * limits) and with the limits off; beside the floors of the same run (floors.ts).
 *
 * The emulator runs in its own process (`gh-interactions emulator`), so the peak RSS is the
 * client's. With the limits on, time runs faster on both sides, by a scale per run: the emulator's
 * secondary-limit window and the client's pacing window are a minute / scale, writes a second /
 * scale apart; latency stays 30 ms. Plans run at a low scale (pacing by points, not latency, must
 * bound them, as on github.com); applies at a higher one (serial writes a second apart would take
 * half an hour per 1,000 repositories). Before each run the emulator's clock moves a minute, so
 * every run starts with a clean window. The pacing floor is scaled like its run, so the ratio to
 * it is what GitHub would show; "on GitHub" is the floor unscaled.
 */

export const TOKEN = 'gho_emulator_octocat';
export const LATENCY_MS = 30;

export type LimitsMode = 'github' | 'off';

export interface ScenarioOptions {
  readonly repositories: number;
  readonly limits: LimitsMode;
  /**
   * With limits on: how much faster than GitHub's minute the windows run, for plans and for
   * applies. A plan is paced by points (the scale must stay low enough that pacing, not latency,
   * bounds it); an apply by its serial writes a second apart (too slow to run unscaled).
   */
  readonly timeScale: { readonly plan: number; readonly apply: number };
  /** Run the sequential curl loop too (slow: one process per request). */
  readonly curl: boolean;
  /** The CLI's plan concurrency. */
  readonly concurrency: number;
  /**
   * Run the applies (false: cold and warm plan only, against the state an apply would leave,
   * written directly into the emulator first).
   */
  readonly applies: boolean;
}

export interface RunFigures {
  readonly ms: number;
  readonly requests: number;
  readonly restPoints: number;
  readonly graphqlPoints: number;
  /** Primary rate-limit units spent (GitHub does not count a 304), REST and GraphQL. */
  readonly units: { readonly core: number; readonly graphql: number };
  readonly notModified: number;
  readonly writes: number;
  readonly secondaryLimitAnswers: number;
  readonly changes: number;
  /** The process's peak RSS so far, MiB. */
  readonly peakRssMiB: number;
}

export interface ScenarioResult {
  readonly repositories: number;
  readonly limits: LimitsMode;
  readonly timeScale: { readonly plan: number; readonly apply: number };
  readonly coldPlan: RunFigures;
  readonly apply?: RunFigures;
  readonly warmPlan: RunFigures;
  readonly secondApply?: RunFigures;
  readonly floors: {
    /** The least time GitHub's documented limits allow the cold plan's requests (scaled), ms. */
    readonly pacingColdPlanMs: number;
    /** The same, unscaled: what the cold plan needs at least on github.com. */
    readonly pacingColdPlanGitHubMs: number;
    readonly pacingApplyMs?: number;
    readonly pacingApplyGitHubMs?: number;
    /** The cold plan's requests replayed with bare fetch at the same concurrency (limits off). */
    readonly bareFetchColdPlanMs?: number;
    /** The cold plan's requests, one curl after the other (limits off). */
    readonly curlLoopColdPlanMs?: number;
  };
}

/** Counts what goes over the wire, by wrapping the client's fetch. */
export class Meter {
  requests: RecordedRequest[] = [];
  notModified = 0;
  /** The highest `x-ratelimit-used` seen, per resource. */
  private readonly used = new Map<string, number>();

  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    this.requests.push({ method, url, body });
    const response = await fetch(input, init);
    if (response.status === 304) this.notModified++;
    const resource = response.headers.get('x-ratelimit-resource');
    const used = Number(response.headers.get('x-ratelimit-used'));
    if (resource && Number.isFinite(used)) {
      this.used.set(resource, Math.max(this.used.get(resource) ?? 0, used));
    }
    return response;
  };

  usedOf(resource: string): number {
    return this.used.get(resource) ?? 0;
  }

  reset(): void {
    this.requests = [];
    this.notModified = 0;
  }
}

/** The requests' cost in GitHub's secondary-limit points (floors.ts). */
export function costOf(requests: readonly RecordedRequest[]): RequestCost {
  let restReads = 0;
  let restWrites = 0;
  let graphqlQueries = 0;
  for (const r of requests) {
    if (new URL(r.url).pathname.endsWith('/graphql')) graphqlQueries++;
    else if (r.method === 'GET' || r.method === 'HEAD') restReads++;
    else restWrites++;
  }
  return { restReads, restWrites, graphqlQueries };
}

export function benchSeed(repositories: number) {
  return {
    users: [
      { login: 'octocat', token: TOKEN },
      ...Array.from({ length: 4 }, (_, i) => ({ login: `bypass-user-${i}` })),
    ],
    orgs: [{ login: 'bigorg', owners: ['octocat'], members: [] }],
    repos: Array.from({ length: repositories }, (_, i) => ({
      owner: 'bigorg',
      name: `repo-${String(i).padStart(5, '0')}`,
    })),
  };
}

export const BENCH_POLICY = `version: 1
repositories:
  - select: { organization: bigorg }
    interaction_limit: { limit: existing_users, expiry: one_month }
    pr_bypass_list: [bypass-user-1, bypass-user-2]
`;

/** `gh-interactions emulator` in a child process; resolves once it printed its URL. */
export async function spawnEmulator(
  seedFile: string,
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const bin = join(__dirname, '..', '..', 'bin', 'gh-interactions.js');
  const child = spawn(process.execPath, [bin, 'emulator', '--seed', seedFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n')) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
  child.stdout!.resume();
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, child, stop };
}

/** A CLI io that writes nowhere: the bench measures, the commands' output is not wanted. */
export function quietIo(): CliIO {
  const sink = () => new PassThrough().resume();
  return { stdout: sink(), stderr: sink(), stdin: new PassThrough(), env: {}, cwd: process.cwd() };
}

const mib = () => process.resourceUsage().maxRSS / 1024;

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ghi-bench-'));
  const seedFile = join(dir, 'seed.json');
  const policyFile = join(dir, 'policy.yaml');
  writeFileSync(seedFile, JSON.stringify(benchSeed(options.repositories)));
  writeFileSync(policyFile, BENCH_POLICY);
  const emulator = await spawnEmulator(seedFile);
  const admin = new EmulatorAdminClient(emulator.url);
  const limitsOn = options.limits === 'github';
  const scales = limitsOn ? options.timeScale : { plan: 1, apply: 1 };
  let scale = 1;
  let windowMs = 60_000;
  await admin.setRateLimit({ limitPerHour: 1_000_000 });
  /** Before each run: its time scale, and a clean window (the emulator's clock moves a minute). */
  const prepare = async (timeScale: number) => {
    scale = timeScale;
    windowMs = Math.round(60_000 / scale);
    await admin.advanceClock(60);
    await admin.setProfile(
      limitsOn
        ? { profile: 'github', latencyMs: LATENCY_MS, secondaryLimits: { windowMs } }
        : { profile: 'default', latencyMs: LATENCY_MS, secondaryLimits: false },
    );
  };
  const meter = new Meter();
  const cacheDir = join(dir, 'etags');
  const client = (): GitHubClient => {
    const settings: ClientSettings & Record<string, unknown> = {
      baseUrl: emulator.url,
      token: TOKEN,
      etagCacheDir: cacheDir,
      fetch: meter.fetch,
      // The pacing of a client on github.com, on the emulator's scaled clock.
      pacing: options.limits === 'github' ? { windowMs } : 'off',
      writeIntervalMs: options.limits === 'github' ? Math.round(1000 / scale) : 0,
    };
    return createClient(settings);
  };
  const io = quietIo();

  const run = async (
    timeScale: number,
    act: (client: GitHubClient) => Promise<{ changes: number; writes: number }>,
  ) => {
    await prepare(timeScale);
    meter.reset();
    const refusalsBefore = await admin.secondaryLimitRefusals();
    const usedBefore = { core: meter.usedOf('core'), graphql: meter.usedOf('graphql') };
    const started = performance.now();
    const { changes, writes } = await act(client());
    const ms = performance.now() - started;
    const cost = costOf(meter.requests);
    const figures: RunFigures = {
      ms,
      requests: meter.requests.length,
      restPoints: restPoints(cost),
      graphqlPoints: cost.graphqlQueries,
      units: {
        core: meter.usedOf('core') - usedBefore.core,
        graphql: meter.usedOf('graphql') - usedBefore.graphql,
      },
      notModified: meter.notModified,
      writes,
      secondaryLimitAnswers: (await admin.secondaryLimitRefusals()) - refusalsBefore,
      changes,
      peakRssMiB: mib(),
    };
    return {
      figures,
      requests: [...meter.requests],
      cost,
      pacingFloorMs: pacingFloorMs(cost) / timeScale,
      pacingFloorGitHubMs: pacingFloorMs(cost),
    };
  };
  const pending = (plan: Plan) => plan.changes.filter((c) => c.action !== 'none').length;
  const plan = (c: GitHubClient) =>
    planPolicy(io, c, policyFile, { concurrency: options.concurrency });
  const planOnly = async (c: GitHubClient) => ({ changes: pending(await plan(c)), writes: 0 });
  const planAndApply = async (c: GitHubClient) => {
    const planned = await plan(c);
    const result = await applyPlan(c, planned);
    return {
      changes: pending(planned),
      writes: result.results.reduce((sum, r) => sum + r.writes, 0),
    };
  };

  try {
    // Cold: no ETag cache yet.
    // Without applies, GitHub gets the declared state first, so the warm plan's ETags still match.
    if (!options.applies) await declareAllThroughAdmin(admin, options.repositories);
    const cold = await run(scales.plan, planOnly);
    const apply = options.applies ? await run(scales.apply, planAndApply) : undefined;
    const warm = await run(scales.plan, planOnly);
    const second = options.applies ? await run(scales.apply, planAndApply) : undefined;

    let bareFetchColdPlanMs: number | undefined;
    let curlLoopColdPlanMs: number | undefined;
    if (options.limits === 'off') {
      bareFetchColdPlanMs = await bareFetchMs(cold.requests, TOKEN, options.concurrency);
      if (options.curl) curlLoopColdPlanMs = await curlLoopMs(cold.requests, TOKEN);
    }
    return {
      repositories: options.repositories,
      limits: options.limits,
      timeScale: scales,
      coldPlan: cold.figures,
      apply: apply?.figures,
      warmPlan: warm.figures,
      secondApply: second?.figures,
      floors: {
        pacingColdPlanMs: cold.pacingFloorMs,
        pacingColdPlanGitHubMs: cold.pacingFloorGitHubMs,
        pacingApplyMs: apply?.pacingFloorMs,
        pacingApplyGitHubMs: apply?.pacingFloorGitHubMs,
        bareFetchColdPlanMs,
        curlLoopColdPlanMs,
      },
    };
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What an apply of BENCH_POLICY leaves on GitHub, written through the emulator's admin API. */
async function declareAllThroughAdmin(
  admin: EmulatorAdminClient,
  repositories: number,
): Promise<void> {
  const names = benchSeed(repositories).repos.map((r) => `${r.owner}/${r.name}`);
  const limit = pLimit(8);
  await Promise.all(
    names.map((name) =>
      limit(async () => {
        await admin.setRepoLimit(name, { limit: 'existing_users', expiry: 'one_month' });
        await admin.addBypassUsers(name, ['bypass-user-1', 'bypass-user-2']);
      }),
    ),
  );
}
