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

  test('requests = the plan reads + the writes + one read per written bypass list, read after every write', async () => {
    const plan = await planResources(client(), desired);
    await emu().admin.clearRequests();

    const result = await applyPlan(client(), plan);
    expect(result.converged).toBe(true);
    expect(result.summary.applied).toBe(5);

    const { requests } = await emu().admin.requests();
    const lines = requests.map((r) => `${r.method} ${r.path}`);
    const writes = lines.filter((line) => !line.startsWith('GET '));
    const reads = lines.filter((line) => line.startsWith('GET '));
    expect(writes).toHaveLength(5);
    // Only the two bypass lists are read back; no limit or cap is read after its write.
    expect(reads.sort()).toEqual([
      'GET /repos/acme/api/interaction-limits/pulls/bypass-list',
      'GET /repos/acme/website/interaction-limits/pulls/bypass-list',
    ]);
    // ...and only once every write is done.
    const lastWrite = Math.max(...writes.map((w) => lines.indexOf(w)));
    for (const read of reads) expect(lines.indexOf(read)).toBeGreaterThan(lastWrite);
    // The confirmed results carry the state GitHub reported.
    const website = result.results[2];
    expect(website).toMatchObject({ outcome: 'applied', id: 'acme/website' });
    expect(website.message).toBe('Created acme/website: 1 user on the bypass list.');
  });
});
