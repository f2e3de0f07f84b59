import type { DesiredResource } from '../../../src/core';
import {
  applyPlan,
  interactionLimitSpec,
  planResources,
  prBypassListSpec,
  prCreationCapSpec,
} from '../../../src/core';
import { useEmulator } from './harness';

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
    const result = await applyPlan(client(), plan);
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

  test('limits the plan read through GraphQL have no ETag yet: their re-read is a full read, the others still 304', async () => {
    const { requests } = await applyAndLog(true);
    const status = (line: string) =>
      requests.filter((r) => `${r.method} ${r.path}` === line).map((r) => r.status);
    for (const read of LIMIT_READS) expect(status(read)).toEqual([200]);
    for (const read of OTHER_READS) expect(status(read)[0]).toBe(304);
  });
});
