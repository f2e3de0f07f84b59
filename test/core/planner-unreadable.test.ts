import type { DesiredResource } from '../../src/core';
import {
  ObservationError,
  formatFailureGroups,
  groupUnreadable,
  interactionLimitSpec,
  planResources,
  prBypassListSpec,
} from '../../src/core';
import { FakeGitHub, clientForFake } from '../support/fake-github';

const clientFor = (fake: FakeGitHub) => clientForFake(fake, { retries: 0 });
const NOW = () => new Date('2026-03-01T00:00:00Z');
const FORBIDDEN = { status: 403, body: { message: 'Must have admin rights to Repository.' } };
const limit = (scope: { organization: string } | { repository: string }): DesiredResource => ({
  ensure: 'present',
  spec: interactionLimitSpec({ ...scope, limit: 'collaborators_only' }),
});

describe('planResources with resources GitHub will not show (issue 12.7, 12.9)', () => {
  test('400 identical refusals are one line: the count and the first three resources', async () => {
    const fake = new FakeGitHub()
      .on('GET', /^\/repos\/acme\/r\d+\/interaction-limits$/, FORBIDDEN)
      .on('GET', '/repos/acme/ok/interaction-limits', { status: 200, body: {} });
    const declared = [
      ...Array.from({ length: 400 }, (_, i) => limit({ repository: `acme/r${i}` })),
      limit({ repository: 'acme/ok' }),
    ];
    const error = await planResources(clientFor(fake), declared, {
      now: NOW,
      graphql: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObservationError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toEqual([
      'Nothing was planned: 400 of 401 declared resources could not be read from GitHub:',
      expect.stringMatching(
        /^ {2}400 resources \(InteractionLimit repo\/acme\/r0, InteractionLimit repo\/acme\/r1, InteractionLimit repo\/acme\/r2 and 397 more\): Permission denied: .* \(403\) GitHub said: "Must have admin rights to Repository\."$/,
      ),
    ]);
    expect((error as ObservationError).failures).toHaveLength(400);
    expect((error as ObservationError).total).toBe(401);
  });

  test("skip: the readable resources are planned; a repository limit whose owner's limit could not be read is left out with it", async () => {
    const fake = new FakeGitHub()
      .on('GET', '/orgs/globex/interaction-limits', {
        status: 403,
        body: { message: 'You must be an org owner.' },
      })
      .on('GET', '/repos/globex/site/interaction-limits', { status: 200, body: {} })
      .on('GET', '/repos/acme/api/interaction-limits', { status: 200, body: {} })
      .on('GET', '/repos/globex/site/interaction-limits/pulls/bypass-list', {
        status: 200,
        body: [],
      });
    const plan = await planResources(
      clientFor(fake),
      [
        limit({ repository: 'globex/site' }),
        limit({ organization: 'globex' }),
        { ...limit({ repository: 'acme/api' }), source: 'policy.yaml:3' },
        { ensure: 'present', spec: prBypassListSpec({ repository: 'globex/site', users: ['x'] }) },
      ],
      { now: NOW, graphql: false, unreadable: 'skip' },
    );
    // The bypass list depends on nothing: planned. globex/site's limit was read, but what
    // org/globex's change would be (set: GitHub refuses the repository with 409; remove: the
    // repository has no limit left) decides it, so it is left out too.
    expect(plan.changes.map((c) => c.id)).toEqual(['repo/acme/api', 'globex/site']);
    expect(plan.changes[0].source).toBe('policy.yaml:3');
    expect(plan.unreadable).toEqual([
      {
        kind: 'InteractionLimit',
        id: 'repo/globex/site',
        reason:
          'not planned: it depends on InteractionLimit org/globex, which could not be read (what happens to InteractionLimit org/globex decides whether GitHub accepts a write here)',
        dependsOn: 'InteractionLimit org/globex',
      },
      {
        kind: 'InteractionLimit',
        id: 'org/globex',
        reason: expect.stringContaining('Permission denied'),
        error: {
          name: 'ForbiddenError',
          status: 403,
          message: expect.stringContaining('(403 GET /orgs/globex/interaction-limits'),
          cause: expect.stringContaining('(403) GitHub said: "You must be an org owner."'),
        },
      },
    ]);
    expect(plan.summary.create).toBe(2);
    expect(formatFailureGroups(groupUnreadable(plan.unreadable ?? []))).toEqual([
      '  InteractionLimit repo/globex/site: not planned: it depends on InteractionLimit org/globex, which could not be read (what happens to InteractionLimit org/globex decides whether GitHub accepts a write here)',
      expect.stringMatching(/^ {2}InteractionLimit org\/globex: Permission denied/),
    ]);
  });

  test('skip with everything readable: no `unreadable` in the plan (the format is unchanged)', async () => {
    const fake = new FakeGitHub().on('GET', '/repos/acme/api/interaction-limits', {
      status: 200,
      body: {},
    });
    const plan = await planResources(clientFor(fake), [limit({ repository: 'acme/api' })], {
      now: NOW,
      unreadable: 'skip',
    });
    expect(plan).not.toHaveProperty('unreadable');
  });

  test('an unknown policy is misuse, named with what is allowed', async () => {
    await expect(
      planResources(clientFor(new FakeGitHub()), [], { unreadable: 'ignore' as never }),
    ).rejects.toThrow('[unreadable] "ignore" is not allowed; expected refuse or skip');
  });
});
