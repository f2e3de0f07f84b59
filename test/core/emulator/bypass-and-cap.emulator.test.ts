import type { DesiredResource, PrBypassListChange, Reason } from '../../../src/core';
import { applyPlan, planResources, prBypassListSpec, prCreationCapSpec } from '../../../src/core';
import type { Seed } from '../../../src/emulator';
import { DEFAULT_SEED } from '../../../src/emulator';
import { useEmulator, writesSeen } from './harness';

const { emu, client } = useEmulator();
const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('against the emulator: PrBypassList', () => {
  test('200 changes (100 out, 100 in) go as one removal batch then one addition batch of 100', async () => {
    const seed: Seed = {
      ...DEFAULT_SEED,
      users: [
        ...DEFAULT_SEED.users,
        ...many('old-user', 100).map((login) => ({ login })),
        ...many('new-user', 100).map((login) => ({ login })),
      ],
    };
    await emu().admin.reset(seed);
    await emu().admin.addBypassUsers('acme/api', many('old-user', 100));
    await emu().admin.clearRequests();

    // Declared in another letter case: still the same users, kept as spelt.
    const declared = many('NEW-user', 100);
    const desired: DesiredResource[] = [
      { ensure: 'present', spec: prBypassListSpec({ repository: 'acme/api', users: declared }) },
    ];
    const plan = await planResources(client(), desired);
    const change = plan.changes[0] as PrBypassListChange;
    const logins = (r: Reason) => ('logins' in r ? r.logins.length : 0);
    expect(change.reasons.map((r) => [r.type, logins(r)])).toEqual([
      ['added_out_of_band', 100],
      ['removed_out_of_band', 100],
    ]);
    expect(change.operations.map((o) => [o.type, o.users.length])).toEqual([
      ['remove_users', 100],
      ['add_users', 100],
    ]);

    const result = await applyPlan(client(), plan);
    expect(result.results[0]).toMatchObject({ outcome: 'applied', writes: 2 });
    const { requests } = await emu().admin.requests();
    const bodies = requests
      .filter((r) => r.method !== 'GET')
      .map((r) => [r.method, (r.body as { users: string[] }).users.length]);
    // Removals first: adding first would take the list past GitHub's 100 and be refused.
    expect(bodies).toEqual([
      ['DELETE', 100],
      ['PUT', 100],
    ]);
    const after = (result.results[0].observedAfter as { users: string[] }).users;
    expect(new Set(after.map((l) => l.toLowerCase()))).toEqual(
      new Set(declared.map((l) => l.toLowerCase())),
    );

    await emu().admin.clearRequests();
    expect((await planResources(client(), desired)).changes[0].action).toBe('none');
    expect(await writesSeen(emu())).toEqual([]);
  });

  test('a change that fails half way reports the writes that went through, and re-planning finishes it', async () => {
    await emu().admin.addBypassUsers('acme/api', ['Spacewalker']);
    const desired: DesiredResource[] = [
      { ensure: 'present', spec: prBypassListSpec({ repository: 'acme/api', users: ['jdoe'] }) },
    ];
    await emu().admin.addFault({
      kind: 'status',
      status: 422,
      method: 'PUT',
      path: '/repos/acme/api/interaction-limits/pulls/bypass-list',
      times: 1,
    });
    const failed = await applyPlan(client(), await planResources(client(), desired));
    expect(failed.results[0]).toMatchObject({
      outcome: 'failed',
      writes: 1,
      // A 422 on an addition: the logins were looked up, and all exist.
      error: { name: 'UnknownLoginsError', status: 422, logins: [] },
      observedAfter: { users: [] },
    });
    const replanned = await planResources(client(), desired);
    expect(replanned.changes[0].operations).toEqual([{ type: 'add_users', users: ['jdoe'] }]);
    expect((await applyPlan(client(), replanned)).converged).toBe(true);
  });

  test('letter case alone is never a change', async () => {
    await emu().admin.addBypassUsers('acme/api', ['Spacewalker', 'jdoe']);
    const plan = await planResources(client(), [
      {
        ensure: 'present',
        spec: prBypassListSpec({ repository: 'acme/api', users: ['SPACEWALKER', 'JDoe'] }),
      },
    ]);
    expect(plan.changes[0]).toMatchObject({ action: 'none', reasons: [], operations: [] });
  });

  test('declared absent: the list is emptied', async () => {
    await emu().admin.addBypassUsers('acme/api', ['Spacewalker', 'jdoe']);
    const result = await applyPlan(
      client(),
      await planResources(client(), [
        {
          ensure: 'absent',
          target: { kind: 'PrBypassList', repository: { owner: 'acme', repo: 'api' } },
        },
      ]),
    );
    expect(result.results[0]).toMatchObject({
      action: 'delete',
      outcome: 'applied',
      observedAfter: { users: [] },
    });
  });
});

describe('against the emulator: PrCreationCap', () => {
  test('a 405 is reported as not available: blocked when declared enabled, and never written', async () => {
    await emu().admin.updateCreationCap('repo/acme/docs', { available: false });
    await emu().admin.clearRequests();
    const plan = await planResources(client(), [
      {
        ensure: 'present',
        spec: prCreationCapSpec({ repository: 'acme/docs', maxOpenPullRequests: 3 }),
      },
    ]);
    expect(plan.changes[0]).toMatchObject({
      action: 'blocked',
      before: { available: false },
      reasons: [{ type: 'not_available' }],
    });
    const result = await applyPlan(client(), plan);
    expect(result.results[0].outcome).toBe('blocked');
    expect(await writesSeen(emu())).toEqual([]);

    const disabled = await planResources(client(), [
      { ensure: 'present', spec: prCreationCapSpec({ repository: 'acme/docs', enabled: false }) },
    ]);
    expect(disabled.changes[0]).toMatchObject({ action: 'none' });
  });

  test('a changed maximum out of band is put back', async () => {
    const desired: DesiredResource[] = [
      {
        ensure: 'present',
        spec: prCreationCapSpec({ organization: 'acme', maxOpenPullRequests: 10 }),
      },
    ];
    await applyPlan(client(), await planResources(client(), desired));
    await emu().admin.updateCreationCap('org/acme', { max_open_pull_requests: 50 });
    const plan = await planResources(client(), desired);
    expect(plan.changes[0]).toMatchObject({
      action: 'update',
      reasons: [{ type: 'changed', field: 'maxOpenPullRequests', before: 50, after: 10 }],
    });
    expect((await applyPlan(client(), plan)).results[0]).toMatchObject({
      outcome: 'applied',
      observedAfter: { available: true, enabled: true, maxOpenPullRequests: 10 },
    });
  });
});
