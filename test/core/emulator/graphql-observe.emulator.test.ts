import type { DesiredResource, ObservationFallback, ResourceTarget } from '../../../src/core';
import {
  checkPlanStaleness,
  interactionLimitSpec,
  interactionLimitTarget,
  observeTarget,
  observeTargets,
  planResources,
} from '../../../src/core';
import { fingerprintObserved } from '../../../src/core/fingerprint';
import { useEmulator } from './harness';

const { emu, client } = useEmulator();

const TARGETS: ResourceTarget[] = [
  interactionLimitTarget({ organization: 'acme' }),
  interactionLimitTarget({ repository: 'acme/api' }),
  interactionLimitTarget({ repository: 'octocat/hello-world' }),
  interactionLimitTarget({ repository: 'octocat/Spoon-Knife' }),
  { kind: 'InteractionLimit', scope: { type: 'user', login: 'octocat' } },
];

/** Every target read both ways on the same GitHub state. */
async function bothWays() {
  const graphql = await observeTargets(client(), TARGETS, { concurrency: 4 });
  const rest = await Promise.all(TARGETS.map((target) => observeTarget(client(), target)));
  return {
    graphql: graphql.map((r) => (r.status === 'fulfilled' ? r.value : r.reason)),
    rest,
  };
}

const graphqlRequests = async () =>
  (await emu().admin.requests()).requests.filter((r) => r.path === '/graphql').length;

describe('GraphQL and REST observe the same limits (staleness compares them)', () => {
  test.each([
    [
      'no limit anywhere',
      async () => {
        /* the default seed */
      },
    ],
    [
      'repository-origin limits',
      async () => {
        await emu().admin.setRepoLimit('acme/api', { limit: 'collaborators_only' });
        await emu().admin.setRepoLimit('octocat/hello-world', {
          limit: 'existing_users',
          expiry: 'six_months',
        });
      },
    ],
    [
      'an org-origin limit, shown on its repository',
      async () => {
        await emu().admin.setOrgLimit('acme', { limit: 'contributors_only', expiry: 'one_week' });
      },
    ],
    [
      'a user-origin limit, shown on the user and its repositories',
      async () => {
        await emu().admin.setUserLimit('octocat', { limit: 'existing_users', expiry: 'one_month' });
      },
    ],
    [
      'limits that expired',
      async () => {
        await emu().admin.setOrgLimit('acme', { limit: 'contributors_only', expiry: 'one_day' });
        await emu().admin.setRepoLimit('octocat/Spoon-Knife', { limit: 'existing_users' });
        await emu().admin.advanceClock(86_400);
      },
    ],
  ])('%s', async (_name, arrange) => {
    await arrange();
    const { graphql, rest } = await bothWays();
    expect(graphql).toEqual(rest);
    expect(graphql.map(fingerprintObserved)).toEqual(rest.map(fingerprintObserved));
    expect(await graphqlRequests()).toBe(1);
  });

  test('a plan made through GraphQL is not stale to a REST re-read, and is once GitHub changes', async () => {
    await emu().admin.setOrgLimit('acme', { limit: 'existing_users', expiry: 'one_week' });
    const desired: DesiredResource[] = TARGETS.filter(
      (t) => t.kind === 'InteractionLimit' && t.scope.type !== 'user',
    ).map((target) => ({ ensure: 'absent', target }) as DesiredResource);
    const plan = await planResources(client(), desired);
    expect(await graphqlRequests()).toBe(1);
    expect(await checkPlanStaleness(client(), plan, { graphql: false })).toEqual({
      stale: false,
      changes: [],
    });
    await emu().admin.removeOrgLimit('acme');
    const report = await checkPlanStaleness(client(), plan, { graphql: false });
    expect(report.changes.map((c) => [c.id, c.why])).toEqual([
      ['org/acme', 'observed_changed'],
      ['repo/acme/api', 'observed_changed'],
    ]);
  });
});

describe('planResources with GraphQL', () => {
  const limitOn = (repository: string): DesiredResource => ({
    ensure: 'present',
    spec: interactionLimitSpec({ repository, limit: 'collaborators_only' }),
  });

  test('reads the limits in one GraphQL request and no REST limit read', async () => {
    await planResources(client(), [
      limitOn('acme/api'),
      limitOn('acme/docs'),
      limitOn('acme/website'),
    ]);
    const { counts } = await emu().admin.requests();
    expect(counts).toEqual({ 'POST /graphql': 1 });
  });

  test('reads a single resource through REST (a 304 costs nothing, a GraphQL query a point)', async () => {
    await planResources(client(), [limitOn('acme/api')]);
    const { counts } = await emu().admin.requests();
    expect(counts).toEqual({ 'GET /repos/acme/api/interaction-limits': 1 });
  });

  test('graphql: false reads every resource through REST', async () => {
    await planResources(client(), [limitOn('acme/api'), limitOn('acme/docs')], { graphql: false });
    const { counts } = await emu().admin.requests();
    expect(counts).toEqual({
      'GET /repos/acme/api/interaction-limits': 1,
      'GET /repos/acme/docs/interaction-limits': 1,
    });
  });

  test('falls back to REST for what GraphQL cannot answer, and says why', async () => {
    const fallbacks: ObservationFallback[] = [];
    const plan = await planResources(
      client(),
      [
        limitOn('acme/api'),
        { ensure: 'absent', target: interactionLimitTarget({ repository: 'octocat/nope' }) },
      ],
      { onObservationFallback: (f) => fallbacks.push(f) },
    ).catch((error: Error) => error);
    // REST then answers 404 for the missing repository, as without GraphQL.
    expect(plan).toMatchObject({ name: 'ObservationError' });
    expect(fallbacks).toEqual([
      {
        kind: 'InteractionLimit',
        id: 'repo/octocat/nope',
        reason:
          "GraphQL error for octocat/nope: NOT_FOUND: Could not resolve to a Repository with the name 'octocat/nope'.",
      },
    ]);
    const { counts } = await emu().admin.requests();
    expect(counts).toEqual({
      'POST /graphql': 1,
      'GET /repos/octocat/nope/interaction-limits': 1,
    });
  });

  test('falls back to REST for everything when GraphQL is refused, with the same plan', async () => {
    const desired = [limitOn('acme/api'), limitOn('acme/docs')];
    const viaGraphql = await planResources(client(), desired);
    await emu().admin.clearRequests();
    await emu().admin.addFault({ kind: 'status', status: 403, path: '/graphql' });
    const fallbacks: ObservationFallback[] = [];
    const viaRest = await planResources(client(), desired, {
      onObservationFallback: (f) => fallbacks.push(f),
    });
    expect(viaRest.changes).toEqual(viaGraphql.changes);
    expect(fallbacks.map((f) => f.id)).toEqual(['repo/acme/api', 'repo/acme/docs']);
    expect(fallbacks[0].reason).toMatch(/^Permission denied: .*\(403 POST \/graphql/);
  });
});
