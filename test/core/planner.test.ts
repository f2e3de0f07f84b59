import type { DesiredResource } from '../../src/core';
import {
  DuplicateResourceError,
  ObservationError,
  SpecValidationError,
  UserScopeMismatchError,
  interactionLimitSpec,
  planResources,
  prBypassListSpec,
} from '../../src/core';
import { NotFoundError } from '../../src/github';
import { FakeGitHub, clientForFake } from '../support/fake-github';

const clientFor = (fake: FakeGitHub) => clientForFake(fake, { retries: 0 });
const NOW = () => new Date('2026-03-01T00:00:00Z');
const repoLimit = (repository: string, source?: string): DesiredResource => ({
  ensure: 'present',
  spec: interactionLimitSpec({ repository, limit: 'collaborators_only' }),
  ...(source ? { source } : {}),
});

describe('planResources: misuse throws before anything is read', () => {
  test('invalid resources: every problem of every resource, labelled, and no request sent', async () => {
    const fake = new FakeGitHub();
    const broken = {
      ensure: 'present',
      spec: {
        ...interactionLimitSpec({ repository: 'acme/api', limit: 'existing_users' }),
        limit: 'everyone',
      },
    } as unknown as DesiredResource;
    const brokenList = {
      ensure: 'present',
      spec: {
        kind: 'PrBypassList',
        repository: { owner: 'acme', repo: 'docs' },
        users: ['a', 'A'],
      },
      source: 'policy.yaml:9',
    } as DesiredResource;
    const error = await planResources(clientFor(fake), [broken, brokenList]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpecValidationError);
    const message = (error as Error).message;
    expect(message).toContain('InteractionLimit repo/acme/api: [limit] "everyone" is not allowed');
    expect(message).toContain(
      'PrBypassList acme/docs (policy.yaml:9): [users[1]] "a" and "A" are the same login',
    );
    expect(fake.requests).toEqual([]);
  });

  test('the same resource twice (ignoring case) is refused, naming both declarations', async () => {
    const fake = new FakeGitHub();
    const error = await planResources(clientFor(fake), [
      repoLimit('acme/api', 'a.yaml:1'),
      repoLimit('ACME/Api', 'b.yaml:7'),
      { ensure: 'present', spec: prBypassListSpec({ repository: 'acme/api' }) },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateResourceError);
    expect((error as Error).message).toContain(
      'InteractionLimit repo/acme/api is declared 2 times (a.yaml:1, b.yaml:7)',
    );
    expect(fake.requests).toEqual([]);
  });

  test('a concurrency that is not a positive integer is refused', async () => {
    await expect(
      planResources(clientFor(new FakeGitHub()), [], { concurrency: 0 }),
    ).rejects.toThrow('[concurrency] 0 is not allowed; expected an integer >= 1');
  });
});

describe('planResources: reads', () => {
  test('at most 4 reads at a time by default, and the concurrency option is honoured', async () => {
    const fake = new FakeGitHub().on('GET', /\/interaction-limits$/, { status: 200, body: {} });
    fake.delayMs = 15;
    const desired = Array.from({ length: 12 }, (_, i) => repoLimit(`acme/repo${i}`));
    const plan = await planResources(clientFor(fake), desired, { now: NOW });
    expect(plan.changes).toHaveLength(12);
    expect(fake.maxInFlight).toBe(4);

    const serial = new FakeGitHub().on('GET', /\/interaction-limits$/, { status: 200, body: {} });
    serial.delayMs = 5;
    await planResources(clientFor(serial), desired.slice(0, 5), { now: NOW, concurrency: 1 });
    expect(serial.maxInFlight).toBe(1);
  });

  test('changes keep the declared order and the summary counts every action', async () => {
    const fake = new FakeGitHub()
      .on('GET', '/repos/acme/a/interaction-limits', { status: 200, body: {} })
      .on('GET', '/repos/acme/b/interaction-limits', {
        status: 200,
        body: {
          limit: 'collaborators_only',
          origin: 'repository',
          expires_at: '2026-08-01T00:00:00Z',
        },
      });
    const plan = await planResources(clientFor(fake), [repoLimit('acme/a'), repoLimit('acme/b')], {
      now: NOW,
    });
    expect(plan.changes.map((c) => [c.id, c.action])).toEqual([
      ['repo/acme/a', 'create'],
      ['repo/acme/b', 'none'],
    ]);
    expect(plan.summary).toEqual({
      create: 1,
      update: 0,
      renew: 0,
      delete: 0,
      none: 1,
      blocked: 0,
    });
    expect(plan.createdAt).toBe('2026-03-01T00:00:00.000Z');
    expect(plan.formatVersion).toBe(1);
  });

  test('unreadable resources: one ObservationError naming each, after every read finished', async () => {
    const fake = new FakeGitHub()
      .on('GET', '/repos/acme/gone/interaction-limits', {
        status: 404,
        body: { message: 'Not Found' },
      })
      .on('GET', '/repos/acme/secret/interaction-limits', {
        status: 403,
        body: { message: 'Must have admin rights' },
      })
      .on('GET', '/repos/acme/ok/interaction-limits', { status: 200, body: {} });
    const error = (await planResources(clientFor(fake), [
      repoLimit('acme/gone'),
      repoLimit('acme/ok'),
      repoLimit('acme/secret'),
    ]).catch((e: unknown) => e)) as ObservationError;
    expect(error).toBeInstanceOf(ObservationError);
    expect(error.failures.map((f) => f.id)).toEqual(['repo/acme/gone', 'repo/acme/secret']);
    expect(error.failures[0].error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('InteractionLimit repo/acme/secret: Permission denied');
    expect(fake.count('GET', '/repos/acme/ok/interaction-limits')).toBe(1);
  });

  test("user scope: a declared login that is not the token's is refused by name", async () => {
    const fake = new FakeGitHub().on('GET', '/user', {
      status: 200,
      body: { login: 'octocat', id: 1 },
    });
    const error = await planResources(clientFor(fake), [
      { ensure: 'present', spec: interactionLimitSpec({ user: 'hubot', limit: 'existing_users' }) },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserScopeMismatchError);
    expect((error as Error).message).toMatch(
      /^\[user\] "hubot" is not the token's user: the token belongs to "octocat"/,
    );
    expect(fake.count('GET', '/user/interaction-limits')).toBe(0);
  });

  test("user scope: the login is resolved once, matched ignoring case, and the id uses GitHub's spelling", async () => {
    const fake = new FakeGitHub()
      .on('GET', '/user', { status: 200, body: { login: 'Octocat', id: 1 } })
      .on('GET', '/user/interaction-limits', { status: 204 });
    const plan = await planResources(
      clientFor(fake),
      [
        {
          ensure: 'present',
          spec: interactionLimitSpec({ user: 'octocat', limit: 'existing_users' }),
        },
      ],
      { now: NOW },
    );
    expect(plan.changes[0]).toMatchObject({ id: 'user/Octocat', action: 'create', before: null });
    expect(fake.count('GET', '/user')).toBe(1);
  });

  test('two user-scope declarations (one by login, one by true) are the same resource', async () => {
    const fake = new FakeGitHub().on('GET', '/user', {
      status: 200,
      body: { login: 'octocat', id: 1 },
    });
    await expect(
      planResources(clientFor(fake), [
        { ensure: 'present', spec: interactionLimitSpec({ user: true, limit: 'existing_users' }) },
        {
          ensure: 'absent',
          target: { kind: 'InteractionLimit', scope: { type: 'user', login: 'OCTOCAT' } },
        },
      ]),
    ).rejects.toThrow(DuplicateResourceError);
  });

  test('a repository under an org limit that the same plan removes is planned as missing, set after the removal', async () => {
    const orgLimit = {
      limit: 'existing_users',
      origin: 'organization',
      expires_at: '2026-03-05T00:00:00Z',
    };
    const fake = new FakeGitHub()
      .on('GET', '/orgs/acme/interaction-limits', { status: 200, body: orgLimit })
      .on('GET', '/repos/acme/api/interaction-limits', { status: 200, body: orgLimit });
    const plan = await planResources(
      clientFor(fake),
      [
        repoLimit('acme/api'),
        {
          ensure: 'absent',
          target: { kind: 'InteractionLimit', scope: { type: 'organization', org: 'acme' } },
        },
      ],
      { now: NOW },
    );
    expect(plan.changes.map((c) => c.action)).toEqual(['create', 'delete']);
    expect(plan.changes[0]).toMatchObject({
      reasons: [{ type: 'missing' }],
      operations: [{ type: 'set_limit', limit: 'collaborators_only', expiry: 'six_months' }],
    });
    expect(plan.changes[0].reasons[0].message).toContain(
      'the limit of org/acme overwrote it, and this plan removes that limit',
    );
    expect(plan.changes[0]).not.toHaveProperty('remedy');
  });

  test('setting an org limit where none is in force warns that it overwrites its repositories, naming those declared', async () => {
    const fake = new FakeGitHub()
      .on('GET', '/orgs/acme/interaction-limits', { status: 200, body: {} })
      .on('GET', '/repos/acme/api/interaction-limits', { status: 200, body: {} });
    const plan = await planResources(
      clientFor(fake),
      [
        repoLimit('acme/api'),
        {
          ensure: 'present',
          spec: interactionLimitSpec({ organization: 'acme', limit: 'existing_users' }),
        },
      ],
      { now: NOW },
    );
    expect(plan.changes.map((c) => c.action)).toEqual(['create', 'create']);
    expect(plan.changes[1].warnings).toEqual([
      "Setting the limit of org/acme overwrites the limits of its public repositories: they are cleared, and have no limit of their own once org/acme's ends. Declared in this plan and overwritten: repo/acme/api.",
    ]);
    expect(plan.changes[0].warnings[0]).toMatch(
      /^This plan sets the limit of org\/acme first, which overwrites the limit of repo\/acme\/api/,
    );
  });
});
