import type { ApplyProgress, DesiredResource, Plan } from '../../src/core';
import {
  applyPlan,
  executionOrder,
  interactionLimitSpec,
  planResources,
  prBypassListSpec,
  prCreationCapSpec,
} from '../../src/core';
import { FakeGitHub, clientForFake } from '../support/fake-github';

const clientFor = (fake: FakeGitHub) => clientForFake(fake, { retries: 0 });
const NOW = () => new Date('2026-03-01T00:00:00Z');
const IN_FORCE = (limit: string, origin: string) => ({
  status: 200,
  body: { limit, origin, expires_at: '2026-08-01T00:00:00Z' },
});
const repoLimit = (repository: string): DesiredResource => ({
  ensure: 'present',
  spec: interactionLimitSpec({ repository, limit: 'collaborators_only' }),
});
/** Requests that change something (GraphQL queries, POST /graphql, only read). */
const writes = (fake: FakeGitHub) =>
  fake.requests
    .filter((r) => r.method !== 'GET' && r.path !== '/graphql')
    .map((r) => `${r.method} ${r.path}`);

describe('applyPlan', () => {
  test('org and user limits are written before repository limits; results keep the plan order', async () => {
    const fake = new FakeGitHub()
      .on('GET', '/user', { status: 200, body: { login: 'octocat', id: 1 } })
      // Read for the plan, then again just before each write: nothing changed in between.
      .on('GET', '/repos/acme/api/interaction-limits', { status: 200, body: {} })
      .on('GET', '/orgs/other/interaction-limits', { status: 200, body: {} })
      .on('GET', '/user/interaction-limits', { status: 204 })
      .on('PUT', '/repos/acme/api/interaction-limits', IN_FORCE('collaborators_only', 'repository'))
      .on('PUT', '/orgs/other/interaction-limits', IN_FORCE('existing_users', 'organization'))
      .on('PUT', '/user/interaction-limits', IN_FORCE('existing_users', 'user'));
    const client = clientFor(fake);
    const plan = await planResources(
      client,
      [
        repoLimit('acme/api'),
        {
          ensure: 'present',
          spec: interactionLimitSpec({ organization: 'other', limit: 'existing_users' }),
        },
        { ensure: 'present', spec: interactionLimitSpec({ user: true, limit: 'existing_users' }) },
      ],
      { now: NOW },
    );
    expect(executionOrder(plan.changes)).toEqual([1, 2, 0]);
    const events: string[] = [];
    const result = await applyPlan(client, plan, {
      now: NOW,
      onProgress: (e: ApplyProgress) =>
        events.push(`${e.type} ${e.change.id} ${'step' in e ? `${e.step}/${e.total}` : ''}`),
    });
    expect(writes(fake)).toEqual([
      'PUT /orgs/other/interaction-limits',
      'PUT /user/interaction-limits',
      'PUT /repos/acme/api/interaction-limits',
    ]);
    expect(result.results.map((r) => [r.id, r.outcome])).toEqual([
      ['repo/acme/api', 'applied'],
      ['org/other', 'applied'],
      ['user/octocat', 'applied'],
    ]);
    expect(events).toEqual([
      'started org/other 1/3',
      'finished org/other 1/3',
      'started user/octocat 2/3',
      'finished user/octocat 2/3',
      'started repo/acme/api 3/3',
      'finished repo/acme/api 3/3',
    ]);
    expect(result).toMatchObject({
      ok: true,
      converged: true,
      summary: { applied: 3, unchanged: 0, blocked: 0, failed: 0 },
    });
  });

  test('one failing resource does not stop the others; the failure keeps the typed error', async () => {
    const fake = new FakeGitHub()
      .on('GET', '/repos/acme/a/interaction-limits', { status: 200, body: {} })
      .on('GET', '/repos/acme/b/interaction-limits', { status: 200, body: {} })
      .on('PUT', '/repos/acme/a/interaction-limits', {
        status: 403,
        body: { message: 'Must have admin rights to Repository.' },
      })
      .on('PUT', '/repos/acme/b/interaction-limits', IN_FORCE('collaborators_only', 'repository'));
    const client = clientFor(fake);
    const plan = await planResources(client, [repoLimit('acme/a'), repoLimit('acme/b')], {
      now: NOW,
    });
    const result = await applyPlan(client, plan, { now: NOW });
    expect(result.results[0]).toMatchObject({
      id: 'repo/acme/a',
      outcome: 'failed',
      error: { name: 'ForbiddenError', status: 403 },
      observedAfter: null,
    });
    expect(result.results[0].message).toContain('Permission denied');
    expect(result.results[0].message).not.toContain('ghp_test');
    expect(result.results[1]).toMatchObject({ id: 'repo/acme/b', outcome: 'applied' });
    expect(result).toMatchObject({ ok: false, converged: false });
  });

  test('a blocked change is never written and is reported with its remedy', async () => {
    const fake = new FakeGitHub().on(
      'GET',
      '/repos/acme/api/interaction-limits',
      IN_FORCE('existing_users', 'organization'),
    );
    const client = clientFor(fake);
    const plan = await planResources(client, [repoLimit('acme/api')], { now: NOW });
    const result = await applyPlan(client, plan, { now: NOW });
    expect(writes(fake)).toEqual([]);
    expect(result.results[0]).toMatchObject({ outcome: 'blocked', writes: 0 });
    expect(result.results[0].remedy).toContain('org/acme');
    expect(result).toMatchObject({ ok: true, converged: false });
  });

  test('deleting a repository limit that an org limit overwrote meanwhile (409) succeeds as unchanged', async () => {
    const fake = new FakeGitHub()
      .on(
        'GET',
        '/repos/acme/api/interaction-limits',
        // The plan's read and the read just before the write see the repository's own limit;
        // the org limit lands between that read and the DELETE (GitHub answers 409).
        IN_FORCE('existing_users', 'repository'),
        IN_FORCE('existing_users', 'repository'),
        IN_FORCE('existing_users', 'organization'),
      )
      .on('DELETE', '/repos/acme/api/interaction-limits', {
        status: 409,
        body: { message: 'Interaction restrictions are enforced by the organization' },
      });
    const client = clientFor(fake);
    const plan = await planResources(
      client,
      [
        {
          ensure: 'absent',
          target: {
            kind: 'InteractionLimit',
            scope: { type: 'repository', owner: 'acme', repo: 'api' },
          },
        },
      ],
      { now: NOW },
    );
    expect(plan.changes[0].action).toBe('delete');
    const result = await applyPlan(client, plan, { now: NOW });
    expect(result.results[0]).toMatchObject({ outcome: 'unchanged', writes: 1 });
    expect(result.results[0].message).toMatch(/no repository limit left to remove/);
    expect(result.converged).toBe(true);
  });

  test("GitHub's answer to a write is the confirmation: one that differs is a failure, and nothing is read back", async () => {
    const fake = new FakeGitHub()
      .on('GET', '/orgs/acme/interaction-limits/pulls/creation-cap', {
        status: 200,
        body: { enabled: false, max_open_pull_requests: 10 },
      })
      .on('PATCH', '/orgs/acme/interaction-limits/pulls/creation-cap', {
        status: 200,
        body: { enabled: false, max_open_pull_requests: 3 },
      });
    const client = clientFor(fake);
    const plan = await planResources(client, [
      {
        ensure: 'present',
        spec: prCreationCapSpec({ organization: 'acme', maxOpenPullRequests: 3 }),
      },
    ]);
    const before = fake.requests.length;
    const result = await applyPlan(client, plan);
    expect(result.results[0]).toMatchObject({
      outcome: 'failed',
      writes: 1,
      observedAfter: { enabled: false },
    });
    expect(result.results[0].message).toContain(
      'GitHub accepted the writes, but its state still shows',
    );
    // The read just before the write (the cap as the plan saw it), the write, and no read after.
    expect(fake.requests.slice(before).map((r) => r.method)).toEqual(['GET', 'PATCH']);
  });

  test('a bypass list is read back after every write, and one GitHub did not keep is a failure then', async () => {
    const fake = new FakeGitHub()
      .on(
        'GET',
        '/repos/acme/api/interaction-limits/pulls/bypass-list',
        { status: 200, body: [] },
        {
          status: 200,
          body: [],
        },
      )
      .on('GET', '/repos/acme/api/interaction-limits', { status: 200, body: {} })
      .on('PUT', '/repos/acme/api/interaction-limits', IN_FORCE('collaborators_only', 'repository'))
      .on('PUT', '/repos/acme/api/interaction-limits/pulls/bypass-list', { status: 204 });
    const client = clientFor(fake);
    const plan = await planResources(
      client,
      [
        {
          ensure: 'present',
          spec: prBypassListSpec({ repository: 'acme/api', users: ['hubot'] }),
        },
        repoLimit('acme/api'),
      ],
      { now: NOW },
    );
    const before = fake.requests.length;
    const events: string[] = [];
    const result = await applyPlan(client, plan, {
      now: NOW,
      onProgress: (e) =>
        events.push(`${e.type} ${e.change.id} ${'result' in e ? e.result.outcome : ''}`.trim()),
    });
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/api/interaction-limits/pulls/bypass-list', // before its write
      'PUT /repos/acme/api/interaction-limits/pulls/bypass-list',
      'GET /repos/acme/api/interaction-limits', // before its write
      'PUT /repos/acme/api/interaction-limits',
      'GET /repos/acme/api/interaction-limits/pulls/bypass-list', // read back, after every write
    ]);
    expect(events).toEqual([
      'started acme/api',
      'finished acme/api applied',
      'started repo/acme/api',
      'finished repo/acme/api applied',
      'confirmed acme/api failed',
    ]);
    expect(result.results[0]).toMatchObject({ outcome: 'failed', writes: 1 });
    expect(result.results[0].message).toContain(
      'GitHub accepted the writes, but its state still shows',
    );
    expect(result.ok).toBe(false);
  });

  test("a saved user-scope plan is not applied with another user's token", async () => {
    const plan: Plan = await planResources(
      clientFor(
        new FakeGitHub()
          .on('GET', '/user', { status: 200, body: { login: 'octocat', id: 1 } })
          .on('GET', '/user/interaction-limits', { status: 204 }),
      ),
      [{ ensure: 'present', spec: interactionLimitSpec({ user: true, limit: 'existing_users' }) }],
      { now: NOW },
    );
    const other = new FakeGitHub()
      .on('GET', '/user', { status: 200, body: { login: 'hubot', id: 2 } })
      .on('GET', '/user/interaction-limits', { status: 204 });
    const result = await applyPlan(clientFor(other), JSON.parse(JSON.stringify(plan)) as Plan, {
      now: NOW,
    });
    expect(writes(other)).toEqual([]);
    expect(result.results[0]).toMatchObject({
      outcome: 'failed',
      error: { name: 'UserScopeMismatchError' },
    });
  });
});

describe('bypass list: a 422 that does not say which login is unknown', () => {
  test('the unknown logins are looked up and named, and nothing else is sent for the resource', async () => {
    const path = '/repos/acme/api/interaction-limits/pulls/bypass-list';
    const fake = new FakeGitHub()
      .on('GET', path, { status: 200, body: [{ login: 'old-friend', id: 9 }] })
      .on('DELETE', path, { status: 204 })
      .on('PUT', path, {
        status: 422,
        body: { message: 'Validation Failed', errors: [{ resource: 'User', code: 'invalid' }] },
      })
      .on('GET', '/users/hubot', { status: 200, body: { login: 'hubot', id: 2 } })
      .on('GET', '/users/ghost-user', { status: 404, body: { message: 'Not Found' } })
      .on('GET', '/users/Nobody-Here', { status: 404, body: { message: 'Not Found' } });
    const client = clientFor(fake);
    const users = ['hubot', 'ghost-user', 'Nobody-Here'];
    const plan = await planResources(client, [
      {
        ensure: 'present',
        spec: { kind: 'PrBypassList', repository: { owner: 'acme', repo: 'api' }, users },
      },
    ]);
    expect(plan.changes[0].operations.map((o) => o.type)).toEqual(['remove_users', 'add_users']);
    const result = await applyPlan(client, plan);
    const [failed] = result.results;
    expect(failed.outcome).toBe('failed');
    expect(failed.error).toMatchObject({
      name: 'UnknownLoginsError',
      status: 422,
      logins: ['ghost-user', 'Nobody-Here'],
    });
    expect(failed.message).toContain('these logins are not GitHub users: ghost-user, Nobody-Here');
    // The removal went through, the addition was refused, and only lookups followed.
    expect(writes(fake)).toEqual([`DELETE ${path}`, `PUT ${path}`]);
  });
});
