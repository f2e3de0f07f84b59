import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED } from '../../src/emulator';
import type { Seed } from '../../src/emulator';
import { emulatorEnv, runCli } from '../support/cli';
import { useTestEmulator } from '../support/emulator';

/**
 * Issue 11, goal 2: observing the limits of many repositories takes a handful of GraphQL
 * requests where REST takes one each. The policy selects every public repository of an org of
 * 250; the expansion's GraphQL listing (100 a request) brings each limit, so the plan reads none
 * of them again.
 */
const REPOSITORIES = 250;
const seed: Seed = {
  ...DEFAULT_SEED,
  repos: Array.from({ length: REPOSITORIES }, (_, i) => ({
    owner: 'acme',
    name: `svc-${String(i).padStart(3, '0')}`,
  })),
};
const emu = useTestEmulator({ seed });

const POLICY = `version: 1
repositories:
  - select: { organization: acme }
    interaction_limit: { limit: existing_users, expiry: one_week }
`;

function policyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gh-interactions-graphql-'));
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, POLICY);
  return file;
}

const limitReads = (requests: ReadonlyArray<{ method: string; path: string }>) =>
  requests.filter((r) => r.method === 'GET' && r.path.endsWith('/interaction-limits'));

describe(`plan over an org of ${REPOSITORIES} repositories`, () => {
  test('GraphQL: 3 requests list the repositories with their limits; no REST limit read', async () => {
    await emu.admin.setRepoLimit('acme/svc-007', { limit: 'existing_users', expiry: 'one_week' });
    const file = policyFile();
    const plan = await runCli(['plan', '--json', file], emulatorEnv(emu.url));
    expect(plan.code).toBe(2);
    const changes = (JSON.parse(plan.stdout) as { changes: Array<{ id: string; action: string }> })
      .changes;
    expect(changes).toHaveLength(REPOSITORIES);
    expect(changes.filter((c) => c.action === 'none').map((c) => c.id)).toEqual([
      'repo/acme/svc-007',
    ]);

    const { requests } = await emu.admin.requests();
    expect(requests.filter((r) => r.path === '/graphql')).toHaveLength(
      Math.ceil(REPOSITORIES / 100),
    );
    expect(limitReads(requests)).toEqual([]);
    expect(requests.filter((r) => r.path === '/orgs/acme/repos')).toEqual([]);
    expect(requests).toHaveLength(3);
  });

  test('GH_INTERACTIONS_GRAPHQL=off: REST, one limit read per repository', async () => {
    const plan = await runCli(['plan', policyFile()], {
      ...emulatorEnv(emu.url),
      GH_INTERACTIONS_GRAPHQL: 'off',
    });
    expect(plan.code).toBe(2);
    const { requests } = await emu.admin.requests();
    expect(requests.filter((r) => r.path === '/graphql')).toEqual([]);
    expect(limitReads(requests)).toHaveLength(REPOSITORIES);
  });

  test('GH_INTERACTIONS_DEBUG says why a read went through REST', async () => {
    await emu.admin.addFault({ kind: 'status', status: 404, path: '/graphql' });
    const plan = await runCli(['plan', policyFile()], {
      ...emulatorEnv(emu.url),
      GH_INTERACTIONS_DEBUG: '1',
    });
    expect(plan.code).toBe(2);
    expect(plan.stderr).toMatch(
      /^debug: a repository listing read through REST: listing organization acme: Not found: .*\(404 POST \/graphql/m,
    );
    const { requests } = await emu.admin.requests();
    expect(limitReads(requests)).toHaveLength(REPOSITORIES);
  });

  test('a bad GH_INTERACTIONS_GRAPHQL is refused, naming the value and what is allowed', async () => {
    const plan = await runCli(['plan', policyFile()], {
      ...emulatorEnv(emu.url),
      GH_INTERACTIONS_GRAPHQL: 'sometimes',
    });
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain(
      'GH_INTERACTIONS_GRAPHQL: "sometimes" is not allowed; expected on or off.',
    );
  });
});
