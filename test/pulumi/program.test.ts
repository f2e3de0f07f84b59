import * as pulumi from '@pulumi/pulumi';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The example program (examples/pulumi, the project of Pulumi.yaml) under Pulumi's mocks: what it
 * declares for a given stack configuration. The provider itself is tested in engine.test.ts.
 */
interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

const registered: Registered[] = [];
const PROJECT = 'gh-interactions-example';

beforeAll(() => {
  pulumi.runtime.setAllConfig({
    [`${PROJECT}:organization`]: 'acme',
    [`${PROJECT}:repositories`]: JSON.stringify(['website', 'api']),
    [`${PROJECT}:maxOpenPullRequests`]: '5',
    [`${PROJECT}:bypassLists`]: JSON.stringify({ api: ['hubot'] }),
  });
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        // What the provider would answer: the id of the scope, and the computed outputs.
        const outputs: Record<string, unknown> = { ...args.inputs };
        if (args.type.endsWith(':PrBypassList')) outputs.canonicalUsers = args.inputs.users;
        if (args.type.endsWith(':InteractionLimit')) outputs.expiresAt = '2026-12-01T00:00:00Z';
        return { id: `${args.name}-id`, state: outputs };
      },
      call: (args) => args.inputs,
    },
    PROJECT,
    'dev',
    false,
  );
});

async function runProgram(): Promise<Record<string, unknown>> {
  const program = await import('../../examples/pulumi/index');
  return program as unknown as Record<string, unknown>;
}

function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

describe('examples/pulumi under mocks', () => {
  test('an org-wide limit, a creation cap from stack config, a bypass list per repository', async () => {
    const program = await runProgram();
    await resolved(program.orgLimitExpiresAt as pulumi.Output<string>);
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
    expect(await resolved(program.orgLimitExpiresAt as pulumi.Output<string>)).toBe(
      '2026-12-01T00:00:00Z',
    );
    const users = program.bypassUsers as Record<string, pulumi.Output<string[]>>;
    expect(await resolved(users.api)).toEqual(['hubot']);
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
