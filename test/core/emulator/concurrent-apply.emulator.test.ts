import type { ApplyResult, DesiredResource, Plan } from '../../../src/core';
import {
  applyPlan,
  interactionLimitSpec,
  planResources,
  prBypassListSpec,
  prCreationCapSpec,
} from '../../../src/core';
import type { GitHubClient } from '../../../src/github';
import { createClient } from '../../../src/github';
import { TOKENS } from '../../support/emulator';
import { useEmulator, writesSeen } from './harness';

const { emu, client } = useEmulator();

const bypass = (repository: string, users: string[]): DesiredResource => ({
  ensure: 'present',
  spec: prBypassListSpec({ repository, users }),
});
const BYPASS_PATH = (repo: string) => `/repos/${repo}/interaction-limits/pulls/bypass-list`;

/** A second runner: its own client (own ETag cache), as another CI job would have. */
function otherRunner(fetch?: typeof globalThis.fetch): GitHubClient {
  return createClient({
    baseUrl: emu().url,
    token: TOKENS.octocat,
    writeIntervalMs: 0,
    retryBaseMs: 1,
    ...(fetch ? { fetch } : {}),
  });
}

/**
 * A fetch that holds the `nth` GET of `path` until released: the test decides exactly when
 * another run's writes land, between this run's plan and its write, without sleeping.
 */
function gatedFetch(path: string, nth: number) {
  let seen = 0;
  let reached!: () => void;
  let release!: () => void;
  const reachedGate = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if ((init?.method ?? 'GET') === 'GET' && url.pathname === path && ++seen === nth) {
      reached();
      await released;
    }
    return globalThis.fetch(input, init);
  };
  return { fetch, reachedGate, release };
}

const outcomes = (result: ApplyResult) => result.results.map((r) => [r.id, r.outcome]);

describe('against the emulator: runs that overlap (issue 12.8)', () => {
  const policy: DesiredResource[] = [
    {
      ensure: 'present',
      spec: interactionLimitSpec({ organization: 'acme', limit: 'existing_users' }),
    },
    bypass('acme/api', ['hubot', 'jdoe']),
    {
      ensure: 'present',
      spec: prCreationCapSpec({ organization: 'acme', maxOpenPullRequests: 3 }),
    },
  ];

  test('the same plan applied twice: the second apply writes nothing and says the resources are already as declared', async () => {
    const plan = await planResources(client(), policy);
    const first = await applyPlan(client(), plan);
    expect(first.summary.applied).toBe(3);
    await emu().admin.clearRequests();

    const second = await applyPlan(client(), plan);
    expect(await writesSeen(emu())).toEqual([]);
    expect(outcomes(second)).toEqual([
      ['org/acme', 'unchanged'],
      ['acme/api', 'unchanged'],
      ['org/acme', 'unchanged'],
    ]);
    expect(second.results[1].message).toContain('acme/api is already as declared');
    expect(second).toMatchObject({ ok: true, converged: true });
  });

  test('two runners plan the same policy at once and apply one after the other: every write happens once', async () => {
    const otherClient = otherRunner();
    const mine = await planResources(client(), policy);
    const theirs = await planResources(otherClient, policy);
    await emu().admin.clearRequests();
    await applyPlan(otherClient, theirs);
    const theirWrites = await writesSeen(emu());
    expect(theirWrites).toHaveLength(3);

    const result = await applyPlan(client(), mine);
    expect(await writesSeen(emu())).toEqual(theirWrites);
    expect(result.summary).toMatchObject({ applied: 0, unchanged: 3, conflict: 0 });
  });

  test('two policies over one bypass list: the second apply reports a conflict with both states and does not undo the first', async () => {
    const a = await planResources(client(), [bypass('acme/api', ['hubot', 'jdoe'])]);
    const b = await planResources(otherRunner(), [bypass('acme/api', ['Spacewalker'])]);
    await applyPlan(client(), a);
    await emu().admin.clearRequests();

    const result = await applyPlan(otherRunner(), b);
    expect(await writesSeen(emu())).toEqual([]);
    const [conflict] = result.results;
    expect(conflict).toMatchObject({
      id: 'acme/api',
      outcome: 'conflict',
      writes: 0,
      conflict: { planned: { users: [] }, current: { users: ['hubot', 'jdoe'] } },
      error: { name: 'ConcurrentChangeError' },
    });
    expect(conflict.message).toBe(
      'acme/api was not written: it changed on GitHub since the plan, to neither what the plan saw nor what is declared. The plan saw the bypass list is empty; GitHub now has 2 users on the bypass list: hubot, jdoe. Someone else is changing it; plan again to see the change before applying.',
    );
    expect(result).toMatchObject({ ok: false, converged: false, summary: { conflict: 1 } });
    expect((await emu().admin.state()).bypassLists['acme/api']).toEqual(['hubot', 'jdoe']);
  });

  test('another run writes in the middle of this apply: what it already did is not written again', async () => {
    const gate = gatedFetch(BYPASS_PATH('acme/website'), 2);
    const mine = otherRunner(gate.fetch);
    const declared = [bypass('acme/api', ['jdoe']), bypass('acme/website', ['Spacewalker'])];
    const plan = await planResources(mine, declared);
    const applying = applyPlan(mine, plan);
    // This apply wrote acme/api and is about to re-read acme/website: the other run goes now.
    await gate.reachedGate;
    await applyPlan(client(), await planResources(client(), declared));
    await emu().admin.clearRequests();
    gate.release();

    const result = await applying;
    expect(await writesSeen(emu())).toEqual([]);
    expect(outcomes(result)).toEqual([
      ['acme/api', 'applied'],
      ['acme/website', 'unchanged'],
    ]);
  });

  test('another policy writes in the middle of this apply: a conflict, the rest applied', async () => {
    const gate = gatedFetch(BYPASS_PATH('acme/website'), 2);
    const mine = otherRunner(gate.fetch);
    const plan: Plan = await planResources(mine, [
      bypass('acme/api', ['jdoe']),
      bypass('acme/website', ['Spacewalker']),
    ]);
    const applying = applyPlan(mine, plan);
    await gate.reachedGate;
    await emu().admin.addBypassUsers('acme/website', ['hubot']);
    gate.release();

    const result = await applying;
    expect(outcomes(result)).toEqual([
      ['acme/api', 'applied'],
      ['acme/website', 'conflict'],
    ]);
    expect((await emu().admin.state()).bypassLists['acme/website']).toEqual(['hubot']);
  });

  test('a change made since the plan that goes the same way: only what is left is written, computed from the fresh read', async () => {
    const plan = await planResources(client(), [
      bypass('acme/api', ['hubot', 'jdoe', 'dependabot-fan']),
    ]);
    expect(plan.changes[0].operations).toEqual([
      { type: 'add_users', users: ['hubot', 'jdoe', 'dependabot-fan'] },
    ]);
    await emu().admin.addBypassUsers('acme/api', ['hubot']);
    await emu().admin.clearRequests();

    const result = await applyPlan(client(), plan);
    const { requests } = await emu().admin.requests();
    const puts = requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.body)).toEqual([{ users: ['jdoe', 'dependabot-fan'] }]);
    expect(result.results[0]).toMatchObject({ outcome: 'applied', writes: 1 });
    expect(result.converged).toBe(true);
  });

  test('a repository limit its owner took over since the plan is not written: blocked, with what to do', async () => {
    const plan = await planResources(client(), [
      {
        ensure: 'present',
        spec: interactionLimitSpec({ repository: 'acme/api', limit: 'collaborators_only' }),
      },
    ]);
    expect(plan.changes[0].action).toBe('create');
    await emu().admin.setOrgLimit('acme', { limit: 'existing_users', expiry: 'one_week' });
    await emu().admin.clearRequests();

    const result = await applyPlan(client(), plan);
    expect(await writesSeen(emu())).toEqual([]);
    expect(result.results[0]).toMatchObject({ outcome: 'blocked', writes: 0 });
    expect(result.results[0].remedy).toContain('org/acme');
  });
});
