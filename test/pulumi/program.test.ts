import type * as pulumi from '@pulumi/pulumi';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
// The mocks first: the program declares its resources when it is imported.
import { registered } from './example-mocks';
import * as program from '../../examples/pulumi/index';

/**
 * The example program (examples/pulumi, the project of Pulumi.yaml) under Pulumi's mocks: what it
 * declares for a given stack configuration. The provider itself is tested in engine.test.ts.
 */
function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

describe('examples/pulumi under mocks', () => {
  test('an org-wide limit, a creation cap from stack config, a bypass list per repository', async () => {
    await resolved(program.orgLimitExpiresAt);
    const summary = registered.map((r) => {
      const { __provider, ...inputs } = r.inputs;
      expect(typeof __provider).toBe('string');
      return { type: r.type, name: r.name, inputs };
    });
    // Registrations complete in any order.
    const order = ['org-wide', 'creation-cap', 'website-bypass', 'api-bypass'];
    summary.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    expect(summary).toEqual([
      {
        type: 'pulumi-nodejs:dynamic/gh-interactions:InteractionLimit',
        name: 'org-wide',
        inputs: { organization: 'acme', limit: 'existing_users', expiry: 'one_month' },
      },
      {
        type: 'pulumi-nodejs:dynamic/gh-interactions:PrCreationCap',
        name: 'creation-cap',
        inputs: { organization: 'acme', enabled: true, maxOpenPullRequests: 5 },
      },
      {
        type: 'pulumi-nodejs:dynamic/gh-interactions:PrBypassList',
        name: 'website-bypass',
        inputs: { repository: 'acme/website', users: [] },
      },
      {
        type: 'pulumi-nodejs:dynamic/gh-interactions:PrBypassList',
        name: 'api-bypass',
        inputs: { repository: 'acme/api', users: ['hubot'] },
      },
    ]);
    expect(await resolved(program.orgLimitExpiresAt)).toBe('2026-12-01T00:00:00Z');
    expect(await resolved(program.bypassUsers.api)).toEqual(['hubot']);
  });

  test('the serialized provider in each resource captures no configuration value', () => {
    for (const r of registered) {
      const provider = r.inputs.__provider as string;
      expect(provider).toContain('require(hostModule)');
      expect(provider).not.toMatch(/acme|hubot|github:/);
    }
  });

  test('the program type-checks against the package types (tsc on examples/pulumi)', () => {
    const tsc = join(__dirname, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');
    const root = join(__dirname, '..', '..');
    expect(() =>
      execFileSync(process.execPath, [tsc, '-p', 'examples/pulumi/tsconfig.json', '--noEmit'], {
        cwd: root,
        encoding: 'utf8',
      }),
    ).not.toThrow();
  });
});
