import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesiredResource } from '../../src/core';
import { applyPlan, interactionLimitSpec, planResources } from '../../src/core';
import { applyCost, checkApplyBudget } from '../../src/core/applier';
import type { ClientSettings } from '../../src/github';
import { RateLimitBudgetError, createClient } from '../../src/github';
import { emulatorEnv, runCli } from '../support/cli';
import { isWrite, useTestEmulator } from '../support/emulator';

/**
 * Issue 11.4: an apply that the rate limit cannot finish is refused before its first write, with
 * the units needed, the units left and the reset; allowed to wait, it waits for the reset rather
 * than sending requests GitHub would refuse. The waiting runs on the emulator's clock.
 */
const emu = useTestEmulator();

const REPOSITORIES = ['acme/api', 'acme/website', 'acme/docs'];
const desired: DesiredResource[] = REPOSITORIES.map((repository) => ({
  ensure: 'present',
  spec: interactionLimitSpec({ repository, limit: 'collaborators_only' }),
}));

/** A client whose waits move the emulator's clock instead of passing real time. */
function clientOnEmulatorClock(settings: Partial<ClientSettings> = {}) {
  const sleeps: number[] = [];
  const client = createClient({
    baseUrl: emu.url,
    token: 'gho_emulator_octocat',
    timers: {
      now: () => emu.state.now(),
      sleep: async (ms) => {
        sleeps.push(ms);
        await emu.admin.advanceClock(ms / 1000);
      },
    },
    ...settings,
  });
  return { client, sleeps };
}

/** A policy file declaring REPOSITORIES' limits. */
function writePolicy(): string {
  const policy = join(mkdtempSync(join(tmpdir(), 'ghi-budget-')), 'policy.yaml');
  const entries = REPOSITORIES.map(
    (r) => `  - repository: ${r}\n    interaction_limit:\n      limit: collaborators_only\n`,
  );
  writeFileSync(policy, `version: 1\nrepositories:\n${entries.join('')}`);
  return policy;
}

beforeEach(async () => {
  // The plan's three reads take what is left: nothing remains for the writes.
  await emu.admin.setRateLimit({ remaining: REPOSITORIES.length });
});

test('applyCost: one unit a write, one a re-read before writing, one a read-back (bypass lists)', async () => {
  const { client } = clientOnEmulatorClock();
  const plan = await planResources(client, desired, { graphql: false });
  expect(applyCost(plan, { graphql: false })).toEqual({
    writes: 3,
    reReads: 3,
    batchReReads: 0,
    readBacks: 0,
    units: 6,
  });
});

test('refused before the first write when the reset is past the wait cap', async () => {
  const { client } = clientOnEmulatorClock({ maxRateLimitWaitSeconds: 300 });
  const plan = await planResources(client, desired, { graphql: false });
  expect(client.rateLimit('core')?.remaining).toBe(0);
  const error = (() => {
    try {
      checkApplyBudget(client, plan, { graphql: false });
    } catch (e) {
      return e as RateLimitBudgetError;
    }
  })();
  expect(error).toBeInstanceOf(RateLimitBudgetError);
  expect(error?.message).toMatch(
    /^Nothing was written: this apply needs about 6 rate-limit units \(3 writes, 3 re-reads before writing and 0 read-backs\) and GitHub has 0 left \(core\) until it resets at \d{4}-\d\d-\d\dT[\d:.]+Z \(in 60 minutes\)\. Waiting for the reset would take about 36\d\ds, more than the cap of 300s\. Run it again after the reset, or pass --max-rate-limit-wait 36\d\d/,
  );
});

test('allowed to wait, it waits for the reset and sends nothing GitHub refuses', async () => {
  const { client, sleeps } = clientOnEmulatorClock({ maxRateLimitWaitSeconds: 4000 });
  const plan = await planResources(client, desired, { graphql: false });
  const budget = checkApplyBudget(client, plan, { graphql: false });
  expect(budget.waitSeconds).toBeGreaterThan(3500);
  await emu.admin.clearRequests();

  const result = await applyPlan(client, plan, { graphql: false });
  expect(result.converged).toBe(true);
  expect(sleeps).toHaveLength(1); // one wait, for the reset
  const { requests } = await emu.admin.requests();
  expect(requests.filter(isWrite)).toHaveLength(3);
  expect(requests.filter((r) => r.status === 403)).toEqual([]);
});

test('the CLI: apply stops before any write with units needed, left and the reset; exit 1', async () => {
  const policy = writePolicy();
  const env = emulatorEnv(emu.url, { GH_INTERACTIONS_GRAPHQL: 'off' });
  // What the plan itself spends (the policy's expansion reads too): leave exactly that.
  await emu.admin.reset();
  expect((await runCli(['plan', policy], env)).code).toBe(2);
  const planReads = (await emu.admin.requests()).requests.length;
  await emu.admin.reset();
  await emu.admin.setRateLimit({ remaining: planReads });
  await emu.admin.clearRequests();

  const run = await runCli(['apply', '--yes', policy], env);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(
    /error: Nothing was written: this apply needs about 6 rate-limit units .* GitHub has 0 left \(core\) until it resets at .*\(in 60 minutes\).*--max-rate-limit-wait/,
  );
  const { requests } = await emu.admin.requests();
  expect(requests.filter(isWrite)).toEqual([]);
});

test('the CLI: a plan the rate limit stops half way names what it could not read, once per cause', async () => {
  const policy = writePolicy();
  // The expansion's 3 reads and one limit read: the other two limits are not read.
  await emu.admin.setRateLimit({ remaining: 4 });
  const run = await runCli(
    ['plan', '--concurrency', '1', policy],
    emulatorEnv(emu.url, { GH_INTERACTIONS_GRAPHQL: 'off' }),
  );
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toEqual([
    'error: Nothing was planned: 2 of 3 declared resources could not be read from GitHub:',
    expect.stringMatching(
      /^ {2}2 resources \(InteractionLimit repo\/acme\/\w+, InteractionLimit repo\/acme\/\w+\): GitHub primary rate limit exceeded .*This request was not sent/,
    ),
    'Nothing was written. To plan and apply the 1 readable resource anyway, pass --skip-unreadable (the command still exits 1).',
  ]);
});

test('the CLI: --max-rate-limit-wait and --deadline take whole seconds, named when wrong', async () => {
  const wait = await runCli(['apply', '--yes', '--max-rate-limit-wait', 'long', 'x.yaml'], {});
  expect(wait.code).toBe(1);
  expect(wait.stderr).toContain(
    'error: --max-rate-limit-wait: "long" is not allowed; expected a whole number of seconds >= 0.',
  );
  const deadline = await runCli(['plan', '--deadline', '0', 'x.yaml'], {});
  expect(deadline.stderr).toContain(
    'error: --deadline: "0" is not allowed; expected a whole number of seconds >= 1.',
  );
});
