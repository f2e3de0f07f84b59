import {
  ForbiddenError,
  NotAvailableError,
  ShadowedLimitError,
  createClient,
} from '../../../src/github';
import type { ResourceKind } from '../../../src/core';
import {
  absentDesired,
  applyChange,
  desiredFromInputs,
  diff,
  fromState,
  importResource,
  kindContract,
  observe,
  refresh,
  resolveDesired,
  targetOfDesired,
  toState,
} from '../../../src/core';
import { TOKENS } from '../../support/emulator';
import { useEmulator, writesSeen } from './harness';

const { emu, client } = useEmulator();

/**
 * What a stateful front door does on create, then on a later Read: observe → diff → applyChange →
 * toState, then fromState. A Read after an apply must give back exactly the declared inputs (with
 * their defaults), or Pulumi and Terraform would show a diff that is not there.
 */
async function createThenRead(kind: ResourceKind, inputs: Record<string, unknown>) {
  const desired = await resolveDesired(client(), desiredFromInputs(kind, inputs));
  const target = targetOfDesired(desired);
  const before = await observe(client(), target);
  const change = diff(desired, before, { now: client().now() });
  const result = await applyChange(client(), change);
  const after = await observe(client(), target);
  const state = toState(kind, inputs, target as never, after);
  return { change, result, state, read: fromState(kind, state as never) };
}

describe.each<[ResourceKind, Record<string, unknown>, Record<string, unknown>]>([
  [
    'InteractionLimit',
    { repository: 'acme/docs', limit: 'contributors_only', expiry: 'one_week' },
    {
      repository: 'acme/docs',
      limit: 'contributors_only',
      expiry: 'one_week',
      renew: true,
      renewWithin: '2d',
    },
  ],
  [
    'InteractionLimit',
    { organization: 'acme', limit: 'existing_users', renewWithin: '10d' },
    {
      organization: 'acme',
      limit: 'existing_users',
      expiry: 'six_months',
      renew: true,
      renewWithin: '10d',
    },
  ],
  [
    'InteractionLimit',
    { user: true, limit: 'collaborators_only', renew: false },
    {
      user: true,
      limit: 'collaborators_only',
      expiry: 'six_months',
      renew: false,
      renewWithin: '30d',
    },
  ],
  [
    'PrBypassList',
    { repository: 'acme/api', users: ['Hubot', 'jdoe'] },
    { repository: 'acme/api', users: ['Hubot', 'jdoe'] },
  ],
  [
    'PrCreationCap',
    { repository: 'acme/api', maxOpenPullRequests: 3 },
    { repository: 'acme/api', enabled: true, maxOpenPullRequests: 3, includeDrafts: false },
  ],
  [
    'PrCreationCap',
    { repository: 'acme/docs', maxOpenPullRequests: 5, includeDrafts: true },
    { repository: 'acme/docs', enabled: true, maxOpenPullRequests: 5, includeDrafts: true },
  ],
  [
    'PrCreationCap',
    { organization: 'acme', enabled: false },
    { organization: 'acme', enabled: false, includeDrafts: false },
  ],
])('%s through the adapter API, against the emulator', (kind, inputs, resolved) => {
  test(`${JSON.stringify(inputs)}: apply, then a Read gives back exactly the declared inputs`, async () => {
    const { result, state, read } = await createThenRead(kind, inputs);
    expect(['applied', 'unchanged']).toContain(result.outcome);
    expect(read.inputs).toEqual(resolved);
    expect(Object.values(state).some((value) => value === undefined)).toBe(false);

    // The stored state plans nothing more, and a refresh keeps it as it is.
    const refreshed = await refresh(client(), kind, state as never);
    expect(refreshed).not.toBeNull();
    expect(refreshed!.change.action).toBe('none');
    expect(refreshed!.state).toEqual(state);
  });
});

describe('state mapping records what the next diff needs', () => {
  test('an InteractionLimit state keeps the expiry requested and the expires_at GitHub answered', async () => {
    const { state, read } = await createThenRead('InteractionLimit', {
      repository: 'acme/api',
      limit: 'existing_users',
      expiry: 'one_day',
    });
    const limit = (await emu().admin.state()) as unknown;
    expect(JSON.stringify(limit)).toContain('existing_users');
    expect(state).toMatchObject({ id: 'repo/acme/api', origin: 'repository', expiry: 'one_day' });
    expect(read.previous).toEqual({
      expiry: 'one_day',
      expiresAt: (state as { expiresAt: string }).expiresAt,
    });

    // Past the expiry, a refresh finds nothing in force: the resource is gone (Pulumi: no id).
    await emu().admin.advanceClock(24 * 3600 + 60);
    expect(await refresh(client(), 'InteractionLimit', state as never)).toBeNull();
  });

  test('a one-off limit that lapsed is not gone: refresh keeps its last state, and plans nothing', async () => {
    const { state } = await createThenRead('InteractionLimit', {
      repository: 'acme/api',
      limit: 'existing_users',
      expiry: 'one_day',
      renew: false,
    });
    await emu().admin.advanceClock(24 * 3600 + 60);
    const refreshed = await refresh(client(), 'InteractionLimit', state as never);
    expect(refreshed).not.toBeNull();
    expect(refreshed!.change.action).toBe('none');
    // The state is kept as it was: its expiresAt is how the next diff knows the limit lapsed.
    expect(refreshed!.state).toEqual(state);
  });

  test('a user-scoped limit has the id user/LOGIN with the token user spelling', async () => {
    const { state } = await createThenRead('InteractionLimit', {
      user: true,
      limit: 'existing_users',
    });
    expect(state.id).toBe('user/octocat');
  });

  test('import by id rebuilds the declared inputs from what GitHub has; nothing there is null', async () => {
    await emu().admin.setRepoLimit('acme/api', {
      limit: 'collaborators_only',
      expiry: 'one_month',
    });
    const imported = await importResource(client(), 'InteractionLimit', 'repo/acme/api');
    expect(imported?.inputs).toEqual({
      repository: 'acme/api',
      limit: 'collaborators_only',
      expiry: 'six_months',
      renew: true,
      renewWithin: '30d',
    });
    expect(imported?.state).toMatchObject({ id: 'repo/acme/api', origin: 'repository' });
    expect(await importResource(client(), 'InteractionLimit', 'repo/acme/docs')).toBeNull();

    await emu().admin.addBypassUsers('acme/api', ['hubot']);
    expect((await importResource(client(), 'PrBypassList', 'acme/api'))?.inputs).toEqual({
      repository: 'acme/api',
      users: ['hubot'],
    });
  });

  test('requiresReplace names the scope attributes only, ignoring letter case', () => {
    const contract = kindContract('InteractionLimit');
    const base = { repository: 'acme/api', limit: 'existing_users' as const };
    expect(contract.requiresReplace(base, { ...base, limit: 'collaborators_only' })).toEqual([]);
    expect(contract.requiresReplace(base, { ...base, repository: 'ACME/Api' })).toEqual([]);
    expect(contract.requiresReplace(base, { ...base, repository: 'acme/docs' })).toEqual([
      'repository',
    ]);
    expect(
      contract.requiresReplace(base, { organization: 'acme', limit: 'existing_users' }),
    ).toEqual(['organization', 'repository']);
  });
});

describe('a failed change keeps its typed error', () => {
  test('shadowed: a repository write under an org limit fails with ShadowedLimitError', async () => {
    const desired = desiredFromInputs('InteractionLimit', {
      repository: 'acme/api',
      limit: 'existing_users',
    });
    // Planned before the org limit: the write meets GitHub's 409.
    const change = diff(
      desired,
      await observe(client(), {
        kind: 'InteractionLimit',
        scope: { type: 'repository', owner: 'acme', repo: 'api' },
      }),
      { now: client().now() },
    );
    await emu().admin.setOrgLimit('acme', { limit: 'collaborators_only', expiry: 'one_week' });
    const result = await applyChange(client(), change);
    expect(result.outcome).toBe('failed');
    expect(result.error?.cause).toBeInstanceOf(ShadowedLimitError);
    expect(result.error).toMatchObject({
      name: 'ShadowedLimitError',
      status: 409,
      scope: 'repo/acme/api',
    });
    expect(JSON.parse(JSON.stringify(result.error))).not.toHaveProperty('cause');
  });

  test('forbidden: a read-only member gets ForbiddenError with the permission needed', async () => {
    const readOnly = createClient({
      baseUrl: emu().url,
      token: TOKENS.monalisa,
      writeIntervalMs: 0,
      retryBaseMs: 1,
    });
    const desired = desiredFromInputs('InteractionLimit', {
      organization: 'acme',
      limit: 'existing_users',
    });
    const change = diff(desired, { kind: 'InteractionLimit', observed: null }, { now: new Date() });
    const result = await applyChange(readOnly, change);
    expect(result.outcome).toBe('failed');
    expect(result.error?.cause).toBeInstanceOf(ForbiddenError);
    expect(result.error?.permissionNeeded).toMatch(/owner/i);
  });

  test('delete of a resource already gone succeeds with no write', async () => {
    const target = kindContract('InteractionLimit').parseId('repo/acme/docs');
    const change = diff(absentDesired(target), await observe(client(), target), {
      now: client().now(),
    });
    const result = await applyChange(client(), change);
    expect(result.outcome).toBe('unchanged');
    expect(await writesSeen(emu())).toEqual([]);
  });
});

describe('a private repository', () => {
  test('observing its interaction limit fails with NotAvailableError that says why', async () => {
    const target = kindContract('InteractionLimit').parseId('repo/acme/internal');
    const error = await observe(client(), target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAvailableError);
    expect((error as Error).message).toContain(
      'an interaction limit on acme/internal (GitHub allows none on private repositories',
    );
    expect((error as Error).message).toContain(
      'GitHub said: "Interaction limits cannot be set for private repositories."',
    );
  });
});
