import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestEmulator } from '../support/emulator';
import { startTestEmulator } from '../support/emulator';
import type { Workspace } from '../cdktf/e2e-support';
import { workspace, writeApp } from '../cdktf/e2e-support';
import { expectTerraformLifecycle } from '../cdktf/lifecycle';

/**
 * gh-interactions/cdktn end to end. The CDK Terrain CLI (cdktn-cli 0.24) requires Node 22.19 or
 * later, which this package's supported range (Node 20.19+) and the test machines do not
 * guarantee, so it is not a dev dependency: the app is synthesized the way `cdktn synth` runs it
 * (`node main.js`, whose `app.synth()` writes cdktf.out/), then driven with Terraform itself.
 */
describe('cdktn end to end, against the emulator', () => {
  let emulator: TestEmulator;
  let space: Workspace;

  beforeEach(async () => {
    emulator = await startTestEmulator();
    space = workspace('cdktn-e2e-', emulator.url);
    writeApp(space.directory, 'cdktn');
  });
  afterEach(async () => {
    rmSync(space.directory, { recursive: true, force: true });
    await emulator.close();
  });

  it('app.synth(), then terraform init, apply, clean plan, drift with its reasons, heal, destroy', async () => {
    const synth = await space.run(process.execPath, ['main.js']);
    expect(synth).toEqual({ code: 0, output: '' });
    const stackDirectory = join(space.directory, 'cdktf.out', 'stacks', 'limits');
    const plugins = join(stackDirectory, 'terraform.d', 'plugins', 'registry.terraform.io');
    expect(statSync(join(plugins, 'gh-interactions', 'ghinteractions')).isDirectory()).toBe(true);

    await expectTerraformLifecycle(space, stackDirectory, emulator);
  }, 240_000);
});
