import type { DesiredResource, InteractionLimitChange, Plan } from '../../../src/core';
import {
  applyPlan,
  checkPlanStaleness,
  interactionLimitSpec,
  isPlanStale,
  planResources,
  prBypassListSpec,
  prCreationCapSpec,
} from '../../../src/core';
import { useEmulator, writesSeen } from './harness';

const DAY = 86400;
const { emu, client } = useEmulator();

const limitOn = (repository: string, extra: object = {}): DesiredResource => ({
  ensure: 'present',
  spec: interactionLimitSpec({ repository, limit: 'collaborators_only', ...extra }),
});
const EVERYTHING: DesiredResource[] = [
  limitOn('acme/api'),
  limitOn('acme/website', { expiry: 'one_week' }),
  {
    ensure: 'present',
    spec: interactionLimitSpec({ user: true, limit: 'existing_users', expiry: 'one_month' }),
  },
  {
    ensure: 'present',
    spec: prBypassListSpec({ repository: 'acme/api', users: ['Hubot', 'jdoe'] }),
  },
  {
    ensure: 'present',
    spec: prCreationCapSpec({ repository: 'acme/api', maxOpenPullRequests: 5 }),
  },
  { ensure: 'present', spec: prCreationCapSpec({ organization: 'acme', enabled: false }) },
];

describe('against the emulator: plan → apply → plan is empty', () => {
  test('every kind is written once, GitHub shows it, and the next plan has nothing to do', async () => {
    const first = await planResources(client(), EVERYTHING);
    expect(first.changes.map((c) => [c.id, c.action])).toEqual([
      ['repo/acme/api', 'create'],
      ['repo/acme/website', 'create'],
      ['user/octocat', 'create'],
      ['acme/api', 'create'],
      ['repo/acme/api', 'update'],
      ['org/acme', 'none'],
    ]);
    const result = await applyPlan(client(), first);
    expect(result.results.map((r) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
      'unchanged',
    ]);
    expect(result.converged).toBe(true);

    const state = await emu().admin.state();
    expect(JSON.stringify(state)).toContain('collaborators_only');
    expect(result.results[3].observedAfter).toEqual({ users: ['hubot', 'jdoe'] });

    await emu().admin.clearRequests();
    const second = await planResources(client(), EVERYTHING);
    expect(second.summary).toEqual({
      create: 0,
      update: 0,
      renew: 0,
      delete: 0,
      none: 6,
      blocked: 0,
    });
    const again = await applyPlan(client(), second);
    expect(again.results.every((r) => r.outcome === 'unchanged')).toBe(true);
    expect(await writesSeen(emu())).toEqual([]);
  });

  test('a plan saved as JSON applies the same as the plan object', async () => {
    const plan = JSON.parse(JSON.stringify(await planResources(client(), EVERYTHING))) as Plan;
    expect((await applyPlan(client(), plan)).converged).toBe(true);
    expect((await planResources(client(), EVERYTHING)).summary.none).toBe(6);
  });
});

describe("against the emulator: renewal follows GitHub's clock", () => {
  test('inside the window the limit is renewed; outside it nothing happens', async () => {
    const desired = [limitOn('acme/docs', { expiry: 'one_week' })]; // default window: 2 days
    await applyPlan(client(), await planResources(client(), desired));
    const applied = (await planResources(client(), desired)).changes[0] as InteractionLimitChange;
    const firstExpiry = applied.before!.expiresAt;

    await emu().admin.advanceClock(4 * DAY);
    expect((await planResources(client(), desired)).changes[0].action).toBe('none');

    await emu().admin.advanceClock(1 * DAY + 3600); // 1 day 23 hours left
    const renewing = await planResources(client(), desired);
    expect(renewing.changes[0]).toMatchObject({
      action: 'renew',
      reasons: [{ type: 'expiring', expiresAt: firstExpiry, windowSeconds: 2 * DAY }],
    });
    const result = await applyPlan(client(), renewing);
    expect(result.results[0].outcome).toBe('applied');
    const renewedExpiry = (result.results[0].observedAfter as { expiresAt: string }).expiresAt;
    expect(Date.parse(renewedExpiry) - Date.parse(firstExpiry)).toBeGreaterThanOrEqual(
      5 * DAY * 1000,
    );
    expect((await planResources(client(), desired)).changes[0].action).toBe('none');
  });

  test('after it lapsed: renew "expired at" with previous, create without; left alone when renewal is off', async () => {
    const desired = limitOn('acme/docs', { expiry: 'one_day' });
    const applied = await applyPlan(client(), await planResources(client(), [desired]));
    const expiresAt = (applied.results[0].observedAfter as { expiresAt: string }).expiresAt;
    await emu().admin.advanceClock(DAY + 60);

    const previous = { expiry: 'one_day' as const, expiresAt };
    const withPrevious = await planResources(client(), [
      { ...desired, previous } as DesiredResource,
    ]);
    expect(withPrevious.changes[0]).toMatchObject({
      action: 'renew',
      reasons: [{ type: 'missing', expiredAt: expiresAt }],
    });
    expect(withPrevious.changes[0].reasons[0].message).toContain(`expired at ${expiresAt}`);

    expect((await planResources(client(), [desired])).changes[0].action).toBe('create');

    const oneOff = {
      ...limitOn('acme/docs', { expiry: 'one_day', renew: false }),
      previous,
    } as DesiredResource;
    const left = await planResources(client(), [oneOff]);
    expect(left.changes[0]).toMatchObject({ action: 'none', reasons: [] });
    expect(left.changes[0].notes.join(' ')).toContain('renewal is off');
  });
});

describe('against the emulator: shadowed repository limits', () => {
  test('under the org limit: blocked, naming org/acme, its limit and expiry; no write reaches GitHub', async () => {
    const orgLimit = await emu().admin.setOrgLimit('acme', {
      limit: 'existing_users',
      expiry: 'one_week',
    });
    await emu().admin.clearRequests();
    const plan = await planResources(client(), [limitOn('acme/api')]);
    expect(plan.changes[0]).toMatchObject({
      action: 'blocked',
      reasons: [
        {
          type: 'shadowed',
          owner: 'org/acme',
          limit: 'existing_users',
          expiresAt: orgLimit.expires_at,
        },
      ],
    });
    const result = await applyPlan(client(), plan);
    expect(result.results[0]).toMatchObject({ outcome: 'blocked' });
    expect(result.results[0].remedy).toContain(orgLimit.expires_at);
    expect(await writesSeen(emu())).toEqual([]);
  });

  test('under the user limit: blocked, naming user/octocat', async () => {
    await emu().admin.setUserLimit('octocat', { limit: 'contributors_only', expiry: 'one_day' });
    const plan = await planResources(client(), [limitOn('octocat/hello-world')]);
    expect(plan.changes[0]).toMatchObject({
      action: 'blocked',
      reasons: [{ type: 'shadowed', owner: 'user/octocat' }],
    });
  });

  test('removing the org limit in the same plan: the repository limit reappears as missing and is set after it, in one apply', async () => {
    await emu().admin.setOrgLimit('acme', { limit: 'existing_users', expiry: 'one_week' });
    const desired: DesiredResource[] = [
      limitOn('acme/api'),
      {
        ensure: 'absent',
        target: { kind: 'InteractionLimit', scope: { type: 'organization', org: 'acme' } },
      },
    ];
    const plan = await planResources(client(), desired);
    expect(plan.changes.map((c) => c.action)).toEqual(['create', 'delete']);
    const first = await applyPlan(client(), plan);
    expect(first.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    expect(await writesSeen(emu())).toEqual([
      'DELETE /orgs/acme/interaction-limits',
      'PUT /repos/acme/api/interaction-limits',
    ]);
    const second = await planResources(client(), desired);
    expect(second.changes.map((c) => c.action)).toEqual(['none', 'none']);
  });
});

describe('against the emulator: deleting', () => {
  const absent = (repo: string): DesiredResource => ({
    ensure: 'absent',
    target: { kind: 'InteractionLimit', scope: { type: 'repository', owner: 'acme', repo } },
  });

  test('a limit that is already gone: none, unchanged, and no DELETE sent', async () => {
    const result = await applyPlan(client(), await planResources(client(), [absent('docs')]));
    expect(result.results[0]).toMatchObject({ action: 'none', outcome: 'unchanged' });
    expect(await writesSeen(emu())).toEqual([]);
  });

  test('a limit overwritten by the org limit: none, with a note', async () => {
    await emu().admin.setRepoLimit('acme/docs', { limit: 'collaborators_only', expiry: 'one_day' });
    await emu().admin.setOrgLimit('acme', { limit: 'existing_users', expiry: 'one_day' });
    const plan = await planResources(client(), [absent('docs')]);
    expect(plan.changes[0]).toMatchObject({ action: 'none' });
    expect(plan.changes[0].notes.join(' ')).toContain('org/acme');
  });

  test('a limit in force is removed, and the next plan is empty', async () => {
    await emu().admin.setRepoLimit('acme/docs', { limit: 'collaborators_only', expiry: 'one_day' });
    const result = await applyPlan(client(), await planResources(client(), [absent('docs')]));
    expect(result.results[0]).toMatchObject({
      action: 'delete',
      outcome: 'applied',
      observedAfter: null,
    });
    expect(await writesSeen(emu())).toEqual(['DELETE /repos/acme/docs/interaction-limits']);
    expect((await planResources(client(), [absent('docs')])).changes[0].action).toBe('none');
  });
});

describe('against the emulator: convergence after a partial apply', () => {
  test('a crash after some changes, then a failing write: re-planning and applying converges', async () => {
    const plan = await planResources(client(), EVERYTHING);
    // A crash after the first two changes were written.
    await applyPlan(client(), { ...plan, changes: plan.changes.slice(0, 2) });
    const replanned = await planResources(client(), EVERYTHING);
    expect(replanned.changes.map((c) => c.action)).toEqual([
      'none',
      'none',
      'create',
      'create',
      'update',
      'none',
    ]);

    // GitHub fails one write (after the client's retries); the others still go through.
    await emu().admin.addFault({
      kind: 'status',
      status: 502,
      method: 'PUT',
      path: '/user/interaction-limits',
    });
    const partial = await applyPlan(client(), replanned);
    expect(partial.results.map((r) => r.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'failed',
      'applied',
      'applied',
      'unchanged',
    ]);
    expect(partial.results[2].error?.status).toBe(502);

    await emu().admin.clearFaults();
    const last = await planResources(client(), EVERYTHING);
    expect(last.changes.filter((c) => c.action !== 'none').map((c) => c.id)).toEqual([
      'user/octocat',
    ]);
    expect((await applyPlan(client(), last)).converged).toBe(true);
    expect((await planResources(client(), EVERYTHING)).summary.none).toBe(EVERYTHING.length);
  });
});

describe('against the emulator: stale plans', () => {
  test('unchanged GitHub: not stale; a change out of band or time entering the window: stale', async () => {
    const desired = [
      { ensure: 'present', spec: prBypassListSpec({ repository: 'acme/api', users: ['jdoe'] }) },
      limitOn('acme/docs', { expiry: 'one_week' }),
    ] as DesiredResource[];
    await applyPlan(client(), await planResources(client(), desired));
    const plan = await planResources(client(), desired);
    expect(await isPlanStale(client(), plan)).toBe(false);

    await emu().admin.addBypassUsers('acme/api', ['Spacewalker']);
    expect(await checkPlanStaleness(client(), plan)).toEqual({
      stale: true,
      changes: [
        expect.objectContaining({
          id: 'acme/api',
          why: 'observed_changed',
          plannedAction: 'none',
          currentAction: 'update',
        }),
      ],
    });

    await emu().admin.removeBypassUsers('acme/api', ['Spacewalker']);
    await emu().admin.advanceClock(6 * DAY);
    expect((await checkPlanStaleness(client(), plan)).changes).toEqual([
      expect.objectContaining({
        id: 'repo/acme/docs',
        why: 'action_changed',
        plannedAction: 'none',
        currentAction: 'renew',
      }),
    ]);
  });
});
