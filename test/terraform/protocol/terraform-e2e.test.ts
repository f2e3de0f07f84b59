import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installProvider } from '../../../src/terraform/protocol';
import { buildToyProvider } from '../support/toy-build';

/**
 * The protocol foundation driven by a real Terraform (TERRAFORM_BINARY, default
 * /usr/local/bin/terraform), offline: the toy provider is installed as a local mirror and any
 * network access would go to a dead proxy.
 */
const TERRAFORM = process.env.TERRAFORM_BINARY ?? '/usr/local/bin/terraform';
const VERSION = '0.0.1';

interface Run {
  readonly code: number;
  readonly output: string;
}

describe('the toy provider under Terraform', () => {
  let root: string;
  let entry: string;
  let temporary: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'terraform-e2e-'));
    entry = buildToyProvider(root);
    temporary = join(root, 'tmp');
    mkdirSync(temporary);
    mkdirSync(join(root, 'home'));
    writeFileSync(join(root, 'empty.tfrc'), '');
    env = {
      PATH: process.env.PATH,
      HOME: join(root, 'home'),
      // The provider makes its socket directory here; the test checks it is left empty.
      TMPDIR: temporary,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_CLI_CONFIG_FILE: join(root, 'empty.tfrc'),
      // Offline: a registry or checkpoint request would fail here.
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
    };
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function terraform(directory: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
    return new Promise<Run>((resolve) => {
      execFile(
        TERRAFORM,
        [...args, '-no-color'],
        { cwd: directory, env: { ...env, ...extraEnv }, timeout: 30_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, output: `${stdout}${stderr}` });
        },
      );
    });
  }

  function configuration(directory: string, value: string): void {
    writeFileSync(
      join(directory, 'main.tf'),
      [
        'terraform {',
        '  required_providers {',
        '    ghinteractions = { source = "gh-interactions/ghinteractions" }',
        '  }',
        '}',
        'resource "ghinteractions_toy" "example" {',
        `  value = ${JSON.stringify(value)}`,
        '}',
        'output "id" { value = ghinteractions_toy.example.id }',
        '',
      ].join('\n'),
    );
  }

  /** No provider process and no socket directory outlives a Terraform command. */
  function expectNothingLeftBehind(): Promise<void> {
    expect(readdirSync(temporary)).toEqual([]);
    return new Promise((resolve, reject) =>
      execFile('ps', ['-eo', 'pid,args'], (error, stdout) => {
        if (error) return reject(error);
        expect(stdout.split('\n').filter((line) => line.includes(entry))).toEqual([]);
        resolve();
      }),
    );
  }

  it('inits from terraform.d/plugins, plans, applies, detects a change and destroys', async () => {
    const work = join(root, 'implicit-mirror');
    mkdirSync(work);
    // The implicit local mirror: ./terraform.d/plugins in the working directory.
    await installProvider({ dir: join(work, 'terraform.d', 'plugins'), version: VERSION, entry });
    configuration(work, 'hello');

    const init = await terraform(work, ['init', '-input=false']);
    expect(init).toMatchObject({ code: 0 });
    expect(init.output).toContain(`Installing gh-interactions/ghinteractions v${VERSION}`);

    const plan = await terraform(work, ['plan', '-input=false']);
    expect(plan.code).toBe(0);
    expect(plan.output).toMatch(/\+ id\s+= \(known after apply\)/);
    expect(plan.output).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');

    const apply = await terraform(work, ['apply', '-auto-approve', '-input=false']);
    expect(apply.code).toBe(0);
    expect(apply.output).toContain('Creation complete');
    expect(apply.output).toContain('id = "toy-hello"');

    expect(await terraform(work, ['plan', '-detailed-exitcode', '-input=false'])).toMatchObject({
      code: 0,
    });

    configuration(work, 'world');
    const changed = await terraform(work, ['plan', '-detailed-exitcode', '-input=false']);
    expect(changed.code).toBe(2);
    expect(changed.output).toContain('~ value = "hello" -> "world"');

    // A diagnostic from the provider reaches the user, attached to the attribute.
    configuration(work, '');
    const invalid = await terraform(work, ['plan', '-input=false']);
    expect(invalid.code).toBe(1);
    expect(invalid.output).toMatch(/Error: Empty value[\s\S]*value = ""[\s\S]*must not be empty/);

    configuration(work, 'world');
    const destroy = await terraform(work, ['destroy', '-auto-approve', '-input=false']);
    expect(destroy.code).toBe(0);
    expect(destroy.output).toContain('Destroy complete! Resources: 1 destroyed.');
    expect(JSON.parse(readFileSync(join(work, 'terraform.tfstate'), 'utf8')).resources).toEqual([]);

    await expectNothingLeftBehind();
  }, 90_000);

  it('inits from a filesystem_mirror in the CLI configuration, and serves plaintext when Terraform disables TLS', async () => {
    const work = join(root, 'cli-mirror');
    const mirror = join(root, 'mirror');
    mkdirSync(work);
    await installProvider({ dir: mirror, version: VERSION, entry });
    const cliConfiguration = join(root, 'mirror.tfrc');
    writeFileSync(
      cliConfiguration,
      [
        'provider_installation {',
        '  filesystem_mirror {',
        `    path    = ${JSON.stringify(mirror)}`,
        '    include = ["gh-interactions/ghinteractions"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    configuration(work, 'plain');
    const withMirror = { TF_CLI_CONFIG_FILE: cliConfiguration };

    expect(await terraform(work, ['init', '-input=false'], withMirror)).toMatchObject({ code: 0 });
    const plan = await terraform(work, ['plan', '-input=false'], {
      ...withMirror,
      TF_DISABLE_PLUGIN_TLS: '1',
    });
    expect(plan.code).toBe(0);
    expect(plan.output).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');

    await expectNothingLeftBehind();
  }, 60_000);
});
