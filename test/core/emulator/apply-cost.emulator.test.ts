import type { DesiredResource } from '../../../src/core';
import {
  applyPlan,
  interactionLimitSpec,
  planResources,
  prBypassListSpec,
  prCreationCapSpec,
} from '../../../src/core';
import { BATCH_REREAD_MAX_AGE_MS, applyCost } from '../../../src/core/applier';
import { createClient } from '../../../src/github';
import { TOKENS } from '../../support/emulator';
import { useEmulator, writesSeen } from './harness';

const { emu, client } = useEmulator();

/**
 * Issue 11.5: an apply spends what it must. A PUT of a limit and a PATCH of a cap answer with the
 * state now in force, so that answer is the confirmation; a bypass list's 204s show nothing, so
 * each written list is read once, after every write.
 * Issue 12.8: each resource is read again just before its write, with the ETag of the plan's read,
 * so an unchanged resource costs a 304 (no rate-limit unit on GitHub).
 */
describe('against the emulator: what an apply costs', () => {
  const desired: DesiredResource[] = [
    {
      ensure: 'present',
      spec: interactionLimitSpec({ organization: 'acme', limit: 'existing_users' }),
    },
    {
      ensure: 'present',
      spec: interactionLimitSpec({
        repository: 'octocat/hello-world',
        limit: 'collaborators_only',
      }),
    },
    { ensure: 'present', spec: prBypassListSpec({ repository: 'acme/website', users: ['hubot'] }) },
    { ensure: 'present', spec: prBypassListSpec({ repository: 'acme/api', users: ['jdoe'] }) },
    {
      ensure: 'present',
      spec: prCreationCapSpec({ organization: 'acme', maxOpenPullRequests: 3 }),
    },
  ];
  const LIMIT_READS = [
    'GET /orgs/acme/interaction-limits',
    'GET /repos/octocat/hello-world/interaction-limits',
  ];
  const OTHER_READS = [
    'GET /orgs/acme/interaction-limits/pulls/creation-cap',
    'GET /repos/acme/api/interaction-limits/pulls/bypass-list',
    'GET /repos/acme/website/interaction-limits/pulls/bypass-list',
  ];

  async function applyAndLog(graphql: boolean) {
    const plan = await planResources(client(), desired, { graphql });
    await emu().admin.clearRequests();
    const result = await applyPlan(client(), plan, { graphql });
    expect(result.converged).toBe(true);
    expect(result.summary.applied).toBe(5);
    const { requests } = await emu().admin.requests();
    return { result, requests, lines: requests.map((r) => `${r.method} ${r.path}`) };
  }

  test('requests = the plan reads + a 304 re-read and a write per change + one read per written bypass list, read after every write', async () => {
    const { result, requests, lines } = await applyAndLog(false);
    const writes = lines.filter((line) => !line.startsWith('GET '));
    expect(writes).toHaveLength(5);
    // Each write follows the re-read of its resource, which nothing changed since the plan: 304.
    writes.forEach((write) => {
      const at = lines.indexOf(write);
      expect(lines[at - 1]).toBe(`GET ${write.split(' ')[1]}`);
      expect(requests[at - 1].status).toBe(304);
    });
    const reads = requests.filter((r) => r.method === 'GET');
    const rereads = reads.filter((r) => r.status === 304).map((r) => `GET ${r.path}`);
    expect(rereads.sort()).toEqual([...LIMIT_READS, ...OTHER_READS].sort());
    // Only the two bypass lists are read back (answered 200: they changed); no limit or cap is
    // read after its write, and the read-backs come once every write is done.
    const readBacks = reads.filter((r) => r.status === 200).map((r) => `GET ${r.path}`);
    expect(readBacks.sort()).toEqual([
      'GET /repos/acme/api/interaction-limits/pulls/bypass-list',
      'GET /repos/acme/website/interaction-limits/pulls/bypass-list',
    ]);
    const lastWrite = Math.max(...writes.map((w) => lines.indexOf(w)));
    for (const read of readBacks) expect(lines.lastIndexOf(read)).toBeGreaterThan(lastWrite);
    // The confirmed results carry the state GitHub reported.
    const website = result.results[2];
    expect(website).toMatchObject({ outcome: 'applied', id: 'acme/website' });
    expect(website.message).toBe('Created acme/website: 1 user on the bypass list: hubot.');
  });

  test('limits the plan read through GraphQL (no ETag): re-read together in one GraphQL query before their writes, no REST unit; the others still 304', async () => {
    const { requests, lines } = await applyAndLog(true);
    const status = (line: string) =>
      requests.filter((r) => `${r.method} ${r.path}` === line).map((r) => r.status);
    for (const read of LIMIT_READS) expect(status(read)).toEqual([]);
    for (const read of OTHER_READS) expect(status(read)[0]).toBe(304);
    const queries = lines.flatMap((line, at) => (line === 'POST /graphql' ? [at] : []));
    expect(queries).toHaveLength(1);
    // The query comes before the first limit write; it asks for both limits.
    const firstLimitWrite = lines.findIndex((l) => /^PUT .*\/interaction-limits$/.test(l));
    expect(queries[0]).toBeLessThan(firstLimitWrite);
    const asked = Object.values((requests[queries[0]].body as { variables: object }).variables);
    expect(asked.sort()).toEqual(['acme', 'hello-world', 'octocat']);
    // What costs a unit of `core`: the writes and the two bypass read-backs (200); 304s and
    // GraphQL do not.
    const units = requests.filter(
      (r) => !r.path.endsWith('/graphql') && r.status !== 304 && r.status < 400,
    );
    expect(units).toHaveLength(5 + 2);
  });
});

describe('against the emulator: limits re-read in GraphQL batches (issue 11.5 with 12.8)', () => {
  const repos = ['acme/api', 'acme/website', 'octocat/hello-world'];
  const limits: DesiredResource[] = repos.map((repository) => ({
    ensure: 'present',
    spec: interactionLimitSpec({ repository, limit: 'collaborators_only' }),
  }));
  const graphqlQueries = async () =>
    (await emu().admin.requests()).requests.filter((r) => r.path.endsWith('/graphql')).length;

  test('a limit changed by someone else since the plan is seen by the batched re-read: a conflict, not written; the others applied', async () => {
    const plan = await planResources(client(), limits);
    await emu().admin.setRepoLimit('acme/website', { limit: 'existing_users', expiry: 'one_week' });
    await emu().admin.clearRequests();

    const result = await applyPlan(client(), plan);
    expect(result.results.map((r) => [r.id, r.outcome])).toEqual([
      ['repo/acme/api', 'applied'],
      ['repo/acme/website', 'conflict'],
      ['repo/octocat/hello-world', 'applied'],
    ]);
    expect(await writesSeen(emu())).toEqual([
      'PUT /repos/acme/api/interaction-limits',
      'PUT /repos/octocat/hello-world/interaction-limits',
    ]);
    expect(await graphqlQueries()).toBe(1);
    expect((await emu().admin.state()).limits.repos['acme/website']).toMatchObject({
      limit: 'existing_users',
    });
  });

  test('a batch read longer than 10 s (GitHub clock) before a write is read again', async () => {
    let puts = 0;
    // Before the first write goes out, GitHub's clock moves 11 s: the answer's Date header says so.
    const slow = createClient({
      baseUrl: emu().url,
      token: TOKENS.octocat,
      writeIntervalMs: 0,
      retryBaseMs: 1,
      fetch: async (input, init) => {
        if (init?.method === 'PUT' && ++puts === 1) await emu().admin.advanceClock(11);
        return fetch(input, init);
      },
    });
    const plan = await planResources(slow, limits);
    await emu().admin.clearRequests();

    const result = await applyPlan(slow, plan);
    expect(result.summary.applied).toBe(3);
    expect(BATCH_REREAD_MAX_AGE_MS).toBe(10_000);
    // One query before the first write; the second change's read was 11 s old: one more query
    // for the two left.
    const { requests } = await emu().admin.requests();
    const lines = requests.map((r) => `${r.method} ${r.path}`);
    expect(lines).toEqual([
      'POST /graphql',
      'PUT /repos/acme/api/interaction-limits',
      'POST /graphql',
      'PUT /repos/acme/website/interaction-limits',
      'PUT /repos/octocat/hello-world/interaction-limits',
    ]);
    const asked = Object.values((requests[2].body as { variables: object }).variables);
    expect(asked.sort()).toEqual(['acme', 'hello-world', 'octocat', 'website']);
  });

  test('GraphQL refused at apply time: the limits are re-read by REST instead, and applied', async () => {
    const plan = await planResources(client(), limits);
    await emu().admin.clearRequests();
    await emu().admin.addFault({ kind: 'status', status: 403, path: '/graphql' });

    const result = await applyPlan(client(), plan);
    expect(result.summary.applied).toBe(3);
    const { requests } = await emu().admin.requests();
    const lines = requests.map((r) => `${r.method} ${r.path}`);
    // One refused query, then REST for every limit (the kind is not batched again).
    expect(lines.filter((l) => l === 'POST /graphql')).toHaveLength(1);
    for (const repo of repos) {
      expect(lines).toContain(`GET /repos/${repo}/interaction-limits`);
    }
  });

  test('applyCost: limits re-read in batches cost no REST unit; without GraphQL, each re-read counts', async () => {
    const plan = await planResources(client(), limits);
    expect(applyCost(plan)).toEqual({
      writes: 3,
      reReads: 0,
      batchReReads: 3,
      readBacks: 0,
      units: 3,
    });
    expect(applyCost(plan, { graphql: false })).toEqual({
      writes: 3,
      reReads: 3,
      batchReReads: 0,
      readBacks: 0,
      units: 6,
    });
  });
});
