import { createClient } from '../../src/github';
import type { OperationOptions } from '../../src/pulumi/runtime/operations';
import { check, create, diff, read, remove, update } from '../../src/pulumi/runtime/operations';
import { PULUMI_UNKNOWN } from '../../src/pulumi/runtime/values';
import { TOKENS, useTestEmulator, isWrite } from '../support/emulator';

/**
 * The provider's operations in-process against the emulator: the semantics, case by case. The
 * same operations through Pulumi's real provider server are in engine.test.ts.
 */
const emu = useTestEmulator();
const DAY = 86400;

function options(token: string = TOKENS.octocat): OperationOptions & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    report: (line) => lines.push(line),
    connect: () => createClient({ baseUrl: emu.url, token, writeIntervalMs: 0, retryBaseMs: 1 }),
  };
}

async function writes(): Promise<string[]> {
  const { requests } = await emu.admin.requests();
  return requests.filter(isWrite).map((r) => `${r.method} ${r.path}`);
}

const website = { repository: 'acme/website', limit: 'contributors_only' };

describe('check: validation names the property; unknowns wait', () => {
  test('valid inputs come back with the defaults applied, as the state stores them', async () => {
    expect(await check('InteractionLimit', {}, { ...website, __provider: 'x' })).toEqual({
      inputs: {
        repository: 'acme/website',
        limit: 'contributors_only',
        expiry: 'six_months',
        renew: true,
        renewWithin: '30d',
      },
    });
    expect(
      await check('PrCreationCap', {}, { organization: 'acme', maxOpenPullRequests: 3 }),
    ).toEqual({
      inputs: { organization: 'acme', enabled: true, maxOpenPullRequests: 3, includeDrafts: false },
    });
  });

  test('failures name the property, with the value received and what is expected', async () => {
    const result = await check(
      'InteractionLimit',
      {},
      { organization: 'acme', repository: 'acme/api', limit: 'everyone', id: 'x' },
    );
    const failures = result.failures ?? [];
    expect(failures.map((f) => f.property).sort()).toEqual(['id', 'limit', 'organization']);
    expect(failures.find((f) => f.property === 'limit')?.reason).toMatch(
      /\[limit\] "everyone" is not allowed; expected one of existing_users, contributors_only, collaborators_only/,
    );
    expect(failures.find((f) => f.property === 'id')?.reason).toMatch(/not a known option/);

    const users = await check(
      'PrBypassList',
      {},
      { repository: 'acme/api', users: ['Hubot', 'hubot'] },
    );
    expect(users.failures).toEqual([
      { property: 'users', reason: expect.stringMatching(/\[users\[1\]\].*same login/) },
    ]);
  });

  test('unknown inputs (a preview) pass: what is known is checked, the rest waits', async () => {
    const news = { repository: PULUMI_UNKNOWN, limit: 'contributors_only' };
    expect(await check('InteractionLimit', {}, news)).toEqual({ inputs: news });
    const list = { repository: 'acme/api', users: ['hubot', PULUMI_UNKNOWN] };
    expect(await check('PrBypassList', {}, list)).toEqual({ inputs: list });
    const bad = await check(
      'PrBypassList',
      {},
      { repository: 'acme/api', users: ['-bad-', PULUMI_UNKNOWN] },
    );
    expect(bad.failures?.map((f) => f.property)).toEqual(['users']);
  });
});

describe('create, then diff and read against GitHub', () => {
  test('a created limit diffs as no change, and a refresh gives back exactly the same state', async () => {
    const created = await create('InteractionLimit', website, options());
    expect(created.id).toBe('repo/acme/website');
    expect(created.outs).toMatchObject({ origin: 'repository', expiry: 'six_months' });
    expect(Object.values(created.outs).includes(undefined)).toBe(false);
    const inputs = (await check('InteractionLimit', {}, website)).inputs!;

    const opts = options();
    expect(await diff('InteractionLimit', created.id, created.outs, inputs, opts)).toEqual({
      changes: false,
      replaces: [],
    });
    expect(opts.lines).toEqual([]);
    const refreshed = await read('InteractionLimit', created.id, created.outs, options());
    expect(refreshed).toEqual({ id: created.id, props: created.outs, inputs });
  });

  test('create adopts a limit GitHub already has (no write); another limit is written', async () => {
    await emu.admin.setRepoLimit('acme/website', {
      limit: 'contributors_only',
      expiry: 'six_months',
    });
    await emu.admin.clearRequests();
    const adopted = await create('InteractionLimit', website, options());
    expect(await writes()).toEqual([]);
    expect(adopted.outs).toMatchObject({ origin: 'repository' });

    await emu.admin.setRepoLimit('acme/website', { limit: 'existing_users', expiry: 'one_day' });
    await emu.admin.clearRequests();
    await create('InteractionLimit', website, options());
    expect(await writes()).toEqual(['PUT /repos/acme/website/interaction-limits']);
  });

  test('inside the renewal window the diff is a change on expiresAt, and says why', async () => {
    const created = await create('InteractionLimit', { ...website, expiry: 'one_week' }, options());
    const inputs = (await check('InteractionLimit', {}, { ...website, expiry: 'one_week' }))
      .inputs!;
    await emu.admin.advanceClock(5 * DAY + 60); // the one_week window is 2 days
    const opts = options();
    expect(await diff('InteractionLimit', created.id, created.outs, inputs, opts)).toEqual({
      changes: true,
      replaces: [],
    });
    expect(opts.lines).toEqual([
      expect.stringMatching(
        /^gh-interactions: repo\/acme\/website: expiresAt \(renew\): The limit expires at .* inside the renewal window of 2 days\.$/,
      ),
    ]);
    await emu.admin.clearRequests();
    const updated = await update('InteractionLimit', created.id, created.outs, inputs, options());
    expect(await writes()).toEqual(['PUT /repos/acme/website/interaction-limits']);
    expect(Date.parse(updated.outs!.expiresAt as string)).toBeGreaterThan(
      Date.parse(created.outs.expiresAt as string),
    );
  });

  test('a one-off limit (renew: false) that lapsed is not a change, and a refresh keeps it', async () => {
    const declared = { ...website, expiry: 'one_day', renew: false };
    const created = await create('InteractionLimit', declared, options());
    const inputs = (await check('InteractionLimit', {}, declared)).inputs!;
    await emu.admin.advanceClock(DAY + 60);
    const opts = options();
    expect(await diff('InteractionLimit', created.id, created.outs, inputs, opts)).toEqual({
      changes: false,
      replaces: [],
    });
    expect(opts.lines.join('\n')).toMatch(/renewal is off .* left to lapse/);
    expect(await read('InteractionLimit', created.id, created.outs, options())).toEqual({
      id: created.id,
      props: created.outs,
      inputs,
    });
  });

  test('a renewed limit that expired is gone on refresh (no id), so the next up creates it', async () => {
    const created = await create('InteractionLimit', { ...website, expiry: 'one_day' }, options());
    await emu.admin.advanceClock(DAY + 60);
    expect(await read('InteractionLimit', created.id, created.outs, options())).toEqual({});
  });

  test('a change of scope is a replacement; an interaction limit is deleted first', async () => {
    const created = await create('InteractionLimit', website, options());
    const moved = (
      await check('InteractionLimit', {}, { organization: 'acme', limit: 'contributors_only' })
    ).inputs!;
    expect(await diff('InteractionLimit', created.id, created.outs, moved, options())).toEqual({
      changes: true,
      replaces: ['organization', 'repository'],
      deleteBeforeReplace: true,
    });
    const renamed = {
      ...(await check('InteractionLimit', {}, website)).inputs,
      repository: 'ACME/Website',
    };
    expect(
      (await diff('InteractionLimit', created.id, created.outs, renamed, options())).replaces,
    ).toEqual([]);
  });

  test('unknown inputs: the changes are unknown, and only a known change of scope replaces', async () => {
    const created = await create(
      'PrBypassList',
      { repository: 'acme/api', users: ['hubot'] },
      options(),
    );
    expect(
      await diff(
        'PrBypassList',
        created.id,
        created.outs,
        { repository: 'acme/api', users: [PULUMI_UNKNOWN] },
        options(),
      ),
    ).toEqual({ replaces: [] });
    expect(
      await diff(
        'PrBypassList',
        created.id,
        created.outs,
        { repository: 'acme/docs', users: [PULUMI_UNKNOWN] },
        options(),
      ),
    ).toEqual({ replaces: ['repository'] });
  });

  test('a bypass list changed in the UI is drift; the refresh shows GitHub’s spelling', async () => {
    const created = await create(
      'PrBypassList',
      { repository: 'acme/api', users: ['hubot', 'jdoe'] },
      options(),
    );
    await emu.admin.addBypassUsers('acme/api', ['spacewalker']);
    const refreshed = await read('PrBypassList', created.id, created.outs, options());
    expect(refreshed.props).toMatchObject({
      users: ['hubot', 'jdoe'],
      canonicalUsers: expect.arrayContaining(['hubot', 'jdoe', 'Spacewalker']),
    });
    const opts = options();
    const result = await diff(
      'PrBypassList',
      created.id,
      refreshed.props!,
      refreshed.inputs!,
      opts,
    );
    expect(result.changes).toBe(true);
    expect(opts.lines.join('\n')).toMatch(/users \(update\): .*Spacewalker/);
  });

  test('only a setting of ours changed (renewWithin): an update with no write', async () => {
    const created = await create('InteractionLimit', website, options());
    const inputs = (await check('InteractionLimit', {}, { ...website, renewWithin: '10d' }))
      .inputs!;
    expect(
      (await diff('InteractionLimit', created.id, created.outs, inputs, options())).changes,
    ).toBe(true);
    await emu.admin.clearRequests();
    const updated = await update('InteractionLimit', created.id, created.outs, inputs, options());
    expect(await writes()).toEqual([]);
    expect(updated.outs).toMatchObject({ renewWithin: '10d' });
  });

  test('get by id: the id alone says what to read; nothing there is no id', async () => {
    await emu.admin.setOrgLimit('acme', { limit: 'existing_users', expiry: 'one_week' });
    const got = await read('InteractionLimit', 'org/acme', {}, options());
    expect(got).toMatchObject({
      id: 'org/acme',
      props: { organization: 'acme', limit: 'existing_users', origin: 'organization' },
      inputs: { organization: 'acme', limit: 'existing_users', expiry: 'six_months' },
    });
    expect(await read('InteractionLimit', 'repo/acme/docs', {}, options())).toEqual({});
    expect((await read('PrCreationCap', 'org/acme', {}, options())).props).toMatchObject({
      available: true,
    });
  });
});

describe('delete', () => {
  test('succeeds with no write when the limit is already gone', async () => {
    const created = await create('InteractionLimit', { ...website, expiry: 'one_day' }, options());
    await emu.admin.advanceClock(DAY + 60);
    await emu.admin.clearRequests();
    await remove('InteractionLimit', created.id, created.outs, options());
    expect(await writes()).toEqual([]);
  });

  test('empties a bypass list and switches a cap off', async () => {
    const list = await create(
      'PrBypassList',
      { repository: 'acme/api', users: ['hubot'] },
      options(),
    );
    const cap = await create(
      'PrCreationCap',
      { repository: 'acme/api', maxOpenPullRequests: 2 },
      options(),
    );
    await remove('PrBypassList', list.id, list.outs, options());
    await remove('PrCreationCap', cap.id, cap.outs, options());
    expect((await read('PrBypassList', list.id, list.outs, options())).props).toMatchObject({
      canonicalUsers: [],
    });
    expect((await read('PrCreationCap', 'repo/acme/api', {}, options())).inputs).toMatchObject({
      enabled: false,
    });
  });
});

describe('failures say what to do', () => {
  test('a shadowed repository names the overriding scope, its expiry and the way out', async () => {
    const org = await emu.admin.setOrgLimit('acme', {
      limit: 'existing_users',
      expiry: 'one_week',
    });
    const failure = create('InteractionLimit', website, options());
    await expect(failure).rejects.toThrow(
      new RegExp(
        `Cannot create InteractionLimit repo/acme/website: .*org/acme \\(existing_users, expires at ${org.expires_at}\\).*remove or change the limit of org/acme, or wait until it expires`,
      ),
    );
    expect(await writes()).toEqual([]);
  });

  test('a 403 names the permission the token needs', async () => {
    await expect(
      create(
        'InteractionLimit',
        { organization: 'acme', limit: 'existing_users' },
        options(TOKENS.monalisa),
      ),
    ).rejects.toThrow(
      /Cannot create InteractionLimit org\/acme: Permission denied: this needs an organization owner/,
    );
    await expect(
      create('PrBypassList', { repository: 'acme/api', users: [] }, options(TOKENS.monalisa)),
    ).rejects.toThrow(
      /Cannot create PrBypassList acme\/api: Permission denied: this needs .*Administration.*github:token/,
    );
  });
});

describe('a refused write keeps the typed error’s facts (result.error)', () => {
  test('a 403 on the write names the permission the token needs', async () => {
    await emu.admin.addFault({
      kind: 'status',
      status: 403,
      method: 'PUT',
      path: '/repos/acme/api/interaction-limits',
    });
    const failure = create(
      'InteractionLimit',
      { repository: 'acme/api', limit: 'existing_users' },
      options(),
    );
    await expect(failure).rejects.toThrow(
      /^Cannot create InteractionLimit repo\/acme\/api: the token needs .*Administration.*\(403 PUT \/repos\/acme\/api\/interaction-limits/,
    );
  });
});

describe('a cap GitHub does not offer (405)', () => {
  test('declared on: the create fails and says so; declared off: nothing to do, and it stays', async () => {
    await emu.admin.updateRepoCreationCap('acme/docs', { available: false });
    await expect(
      create('PrCreationCap', { repository: 'acme/docs', maxOpenPullRequests: 3 }, options()),
    ).rejects.toThrow(/^Cannot create PrCreationCap repo\/acme\/docs: .*not available/);
    const off = await create(
      'PrCreationCap',
      { repository: 'acme/docs', enabled: false },
      options(),
    );
    expect(off.outs).toMatchObject({ available: false, enabled: false });
    expect(await read('PrCreationCap', off.id, off.outs, options())).toMatchObject({ id: off.id });
  });
});
