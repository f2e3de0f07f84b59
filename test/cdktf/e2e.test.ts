import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestEmulator } from '../support/emulator';
import { startTestEmulator } from '../support/emulator';
import type { Workspace } from './e2e-support';
import { ROOT, TOKEN, filesContaining, github, workspace, writeApp } from './e2e-support';
import { expectTerraformLifecycle } from './lifecycle';

/**
 * gh-interactions/cdktf end to end: `cdktf synth` (the CLI, a dev dependency) on a program with
 * only this package's constructs, then Terraform in the synthesized directory against the
 * emulator; and `cdktf deploy` / `cdktf diff`, which run Terraform themselves.
 */
const CDKTF = join(ROOT, 'node_modules', '.bin', 'cdktf');

describe('cdktf end to end, against the emulator', () => {
  let emulator: TestEmulator;
  let space: Workspace;

  beforeEach(async () => {
    emulator = await startTestEmulator();
    space = workspace('cdktf-e2e-', emulator.url);
    writeApp(space.directory, 'cdktf');
  });
  afterEach(async () => {
    rmSync(space.directory, { recursive: true, force: true });
    await emulator.close();
  });

  it('cdktf synth, then terraform init, apply, clean plan, drift with its reasons, heal, destroy', async () => {
    const synth = await space.run(CDKTF, ['synth']);
    expect(synth.output).toContain('Generated Terraform code for the stacks: limits');
    expect(synth.code).toBe(0);
    const stackDirectory = join(space.directory, 'cdktf.out', 'stacks', 'limits');
    const plugins = join(stackDirectory, 'terraform.d', 'plugins', 'registry.terraform.io');
    expect(statSync(join(plugins, 'gh-interactions', 'ghinteractions')).isDirectory()).toBe(true);

    await expectTerraformLifecycle(space, stackDirectory, emulator);
  }, 240_000);

  it('cdktf deploy and cdktf diff (--skip-provider-lock) need no setup', async () => {
    const deploy = await space.run(CDKTF, [
      'deploy',
      'limits',
      '--auto-approve',
      '--skip-provider-lock',
    ]);
    expect(deploy.output).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    expect(deploy.code).toBe(0);
    expect(await github(emulator.url, '/repos/acme/website/interaction-limits')).toMatchObject({
      limit: 'contributors_only',
    });

    const clean = await space.run(CDKTF, ['diff', 'limits', '--skip-provider-lock']);
    expect(clean.output).toContain('No changes.');
    expect(clean.code).toBe(0);

    await emulator.admin.setRepoLimit('acme/website', { limit: 'existing_users' });
    const drift = await space.run(CDKTF, ['diff', 'limits', '--skip-provider-lock']);
    expect(drift.output).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    expect(drift.output).toContain(
      'The limit is existing_users on GitHub; declared contributors_only.',
    );

    const heal = await space.run(CDKTF, [
      'deploy',
      'limits',
      '--auto-approve',
      '--skip-provider-lock',
    ]);
    expect(heal.output).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await github(emulator.url, '/repos/acme/website/interaction-limits')).toMatchObject({
      limit: 'contributors_only',
    });

    const destroy = await space.run(CDKTF, [
      'destroy',
      'limits',
      '--auto-approve',
      '--skip-provider-lock',
    ]);
    expect(destroy.output).toContain('Destroy complete! Resources: 3 destroyed.');
    expect(destroy.code).toBe(0);
    expect(await github(emulator.url, '/repos/acme/website/interaction-limits')).toEqual({});

    expect(existsSync(join(space.directory, 'terraform.limits.tfstate'))).toBe(true);
    expect(filesContaining(space.directory, TOKEN)).toEqual([]);
    expect(space.outputs.filter((output) => output.includes(TOKEN))).toEqual([]);
  }, 240_000);
});
