import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan, planResources } from '../core';
import type { Seed } from '../emulator';
import { EmulatorAdminClient, startEmulator } from '../emulator';
import { createClient } from '../github';
import { expandPolicy, githubPolicyPort, loadPolicyFile } from '../policy';

/**
 * `npm run bench`: speed, memory and rate-limit cost of the main job over a large organization,
 * against the emulator. Prints numbers; asserts nothing (goals live here, not in timed tests).
 *
 * The goal that matters most to users: a plan with nothing to change costs next to no rate limit
 * once ETags are kept (--cache-dir), because GitHub does not count 304s.
 */
const REPOSITORIES = Number(process.env.BENCH_REPOSITORIES ?? 300);
const TOKEN = 'gho_emulator_octocat';

function benchSeed(): Seed {
  const users = Array.from({ length: 20 }, (_, i) => ({ login: `bypass-user-${i}` }));
  return {
    users: [{ login: 'octocat', token: TOKEN }, ...users],
    orgs: [{ login: 'bigorg', owners: ['octocat'], members: [] }],
    repos: Array.from({ length: REPOSITORIES }, (_, i) => ({
      owner: 'bigorg',
      name: `repo-${String(i).padStart(4, '0')}`,
      topics: i % 2 === 0 ? ['even'] : ['odd'],
    })),
  } as Seed;
}

const POLICY = `version: 1
organizations:
  bigorg:
    pr_creation_cap: { max_open_pull_requests: 5 }
repositories:
  - select:
      organization: bigorg
      topics: { any: [even] }
    interaction_limit: { limit: existing_users, expiry: one_month }
    pr_bypass_list: [bypass-user-1, bypass-user-2]
  - select:
      organization: bigorg
      topics: { any: [odd] }
    interaction_limit: { limit: contributors_only }
`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ghi-bench-'));
  const policyFile = join(dir, 'bench.yaml');
  writeFileSync(policyFile, POLICY);
  const emulator = await startEmulator({ seed: benchSeed() });
  const admin = new EmulatorAdminClient(emulator.url);
  const rows: Array<[string, string]> = [];
  let peakRss = process.memoryUsage().rss;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

  const measure = async (label: string, cacheDir: string | undefined, act: 'plan' | 'apply') => {
    const client = createClient({ baseUrl: emulator.url, token: TOKEN, etagCacheDir: cacheDir });
    await admin.clearRequests();
    const started = process.hrtime.bigint();
    const policy = await loadPolicyFile(policyFile);
    const { resources } = await expandPolicy(policy, githubPolicyPort(client));
    const plan = await planResources(client, resources, { concurrency: 8 });
    sample();
    let writes = 0;
    if (act === 'apply') {
      const result = await applyPlan(client, plan);
      writes = result.results.reduce((sum, r) => sum + r.writes, 0);
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    sample();
    const { requests } = await admin.requests();
    // GitHub (and the emulator) count every request against the rate limit except a 304.
    const notModified = requests.filter((r) => r.status === 304).length;
    const used = requests.length - notModified;
    rows.push([
      label,
      `${ms.toFixed(0)} ms, ${plan.changes.length} resources, ${requests.length} requests (${notModified} answered 304), rate limit used ${used}${act === 'apply' ? `, ${writes} writes` : ''}`,
    ]);
  };

  try {
    const cacheDir = join(dir, 'etags');
    await measure('first plan (cold)', cacheDir, 'plan');
    await measure('apply (writes serialized; loopback: no spacing)', cacheDir, 'apply');
    await measure('plan, nothing to change, no ETag cache', undefined, 'plan');
    await measure('plan, nothing to change, ETags kept (--cache-dir)', cacheDir, 'plan');
    rows.push([
      'peak RSS',
      `${(peakRss / 1024 / 1024).toFixed(0)} MiB (emulator in the same process)`,
    ]);
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `gh-interactions bench: ${REPOSITORIES} repositories in one organization (BENCH_REPOSITORIES to change)`,
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
