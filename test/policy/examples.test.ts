import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expandPolicy, loadPolicyFile, parsePolicy } from '../../src/policy';
import { FakePolicyPort, SEED_REPOSITORIES } from './fake-port';

const examplesDir = join(__dirname, '..', '..', 'examples', 'policy');
const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.yaml'));

describe('examples/policy', () => {
  it.each(examples)('%s is a valid policy and expands against the default seed', async (name) => {
    const policy = await loadPolicyFile(join(examplesDir, name));
    const { resources, warnings } = await expandPolicy(
      policy,
      new FakePolicyPort(SEED_REPOSITORIES),
    );
    expect(warnings).toEqual([]);
    expect(resources.length).toBeGreaterThan(0);
  });

  it("acme.yaml declares the demo: org cap, website, api and docs, octocat's repositories", async () => {
    const file = join(examplesDir, 'acme.yaml');
    const policy = await loadPolicyFile(file);
    const port = new FakePolicyPort(SEED_REPOSITORIES);
    const { resources } = await expandPolicy(policy, port);

    expect(port.calls).toEqual(['org:acme', 'user:octocat']);
    const at = (line: number) => `${file}:${line}`;
    const oneMonth = { enabled: true, windowSeconds: 7 * 24 * 3600 };
    expect(resources).toEqual([
      {
        ensure: 'present',
        spec: {
          kind: 'PrCreationCap',
          scope: { type: 'organization', org: 'acme' },
          enabled: true,
          maxOpenPullRequests: 3,
          includeDrafts: false,
        },
        source: at(19),
      },
      {
        ensure: 'present',
        spec: {
          kind: 'InteractionLimit',
          scope: { type: 'repository', owner: 'acme', repo: 'api' },
          limit: 'existing_users',
          expiry: 'one_month',
          renewal: oneMonth,
        },
        source: at(46),
      },
      {
        ensure: 'present',
        spec: {
          kind: 'InteractionLimit',
          scope: { type: 'repository', owner: 'acme', repo: 'docs' },
          limit: 'existing_users',
          expiry: 'one_month',
          renewal: oneMonth,
        },
        source: at(46),
      },
      {
        ensure: 'present',
        spec: {
          kind: 'InteractionLimit',
          scope: { type: 'repository', owner: 'acme', repo: 'website' },
          limit: 'contributors_only',
          expiry: 'one_month',
          renewal: oneMonth,
        },
        source: at(31),
      },
      {
        ensure: 'present',
        spec: {
          kind: 'PrBypassList',
          repository: { owner: 'acme', repo: 'website' },
          users: ['hubot', 'jdoe'],
        },
        source: at(33),
      },
      {
        ensure: 'present',
        spec: {
          kind: 'InteractionLimit',
          scope: { type: 'repository', owner: 'octocat', repo: 'hello-world' },
          limit: 'existing_users',
          expiry: 'one_week',
          renewal: { enabled: true, windowSeconds: 2 * 24 * 3600 },
        },
        source: at(59),
      },
      {
        ensure: 'present',
        spec: {
          kind: 'InteractionLimit',
          scope: { type: 'repository', owner: 'octocat', repo: 'linguist' },
          limit: 'existing_users',
          expiry: 'one_month',
          renewal: oneMonth,
        },
        source: at(53),
      },
      {
        ensure: 'present',
        spec: {
          kind: 'InteractionLimit',
          scope: { type: 'repository', owner: 'octocat', repo: 'Spoon-Knife' },
          limit: 'existing_users',
          expiry: 'one_month',
          renewal: oneMonth,
        },
        source: at(53),
      },
    ]);
  });
});

describe('docs/policy.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'policy.md'), 'utf8');
  const policies = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((match) => match[1])
    .filter((block) => /^version: 1$/m.test(block));

  it('shows complete policies that are valid', () => {
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) expect(() => parsePolicy(policy, 'docs.yaml')).not.toThrow();
  });

  it('shows the first example as examples/policy/acme.yaml declares it', async () => {
    const fromDocs = await expandPolicy(
      parsePolicy(policies[0], 'acme.yaml'),
      new FakePolicyPort(SEED_REPOSITORIES),
    );
    const fromFile = await expandPolicy(
      await loadPolicyFile(join(examplesDir, 'acme.yaml')),
      new FakePolicyPort(SEED_REPOSITORIES),
    );
    const specs = (expansion: typeof fromDocs) =>
      expansion.resources.map(({ source: _source, ...resource }) => resource);
    expect(specs(fromDocs)).toEqual(specs(fromFile));
  });
});
