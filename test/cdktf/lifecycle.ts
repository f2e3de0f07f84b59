import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestEmulator } from '../support/emulator';
import type { Workspace } from './e2e-support';
import { TOKEN, filesContaining, github } from './e2e-support';

/**
 * The whole life of the stack writeApp() describes, with real Terraform in the synthesized
 * directory: init (from the launcher in terraform.d/plugins), apply, a clean plan, changes made
 * on GitHub behind Terraform's back, a plan that shows them with their reasons, an apply that
 * heals them, a clean plan again, destroy. No credential in the configuration, the state or
 * any output.
 */
export async function expectTerraformLifecycle(
  space: Workspace,
  stackDirectory: string,
  emulator: TestEmulator,
): Promise<void> {
  const configuration = readFileSync(join(stackDirectory, 'cdk.tf.json'), 'utf8');
  expect(configuration).not.toContain(TOKEN);
  const synthesized = JSON.parse(configuration) as {
    terraform: { backend?: { local?: { path?: string } } };
  };
  const statePath =
    synthesized.terraform.backend?.local?.path ?? join(stackDirectory, 'terraform.tfstate');

  const init = await space.terraform(stackDirectory, ['init']);
  expect(init.code).toBe(0);
  expect(init.output).toMatch(/Installing gh-interactions\/ghinteractions v\d+\.\d+\.\d+/);

  const apply = await space.terraform(stackDirectory, ['apply', '-auto-approve']);
  expect(apply.output).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
  expect(apply.code).toBe(0);
  expect(await github(emulator.url, '/repos/acme/website/interaction-limits')).toMatchObject({
    limit: 'contributors_only',
    origin: 'repository',
  });
  expect(
    await github(emulator.url, '/repos/acme/api/interaction-limits/pulls/bypass-list'),
  ).toMatchObject([{ login: 'hubot' }]);

  const clean = await space.terraform(stackDirectory, ['plan', '-detailed-exitcode']);
  expect(clean.output).toContain('No changes.');
  expect(clean.code).toBe(0);

  // Out of band: someone tightens the limit and adds a login to the bypass list on GitHub.
  await emulator.admin.setRepoLimit('acme/website', { limit: 'collaborators_only' });
  await emulator.admin.addBypassUsers('acme/api', ['mona-lisa-ops']);

  const drift = await space.terraform(stackDirectory, ['plan', '-detailed-exitcode']);
  expect(drift.code).toBe(2);
  expect(drift.output).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
  expect(drift.output).toMatch(
    /Interaction limit repo\/acme\/website will be updated: changed on GitHub/,
  );
  expect(drift.output).toContain(
    'The limit is collaborators_only on GitHub; declared contributors_only.',
  );
  expect(drift.output).toMatch(
    /bypass list acme\/api will be updated: logins added on GitHub[\s\S]*not declared: mona-lisa-ops/,
  );

  const heal = await space.terraform(stackDirectory, ['apply', '-auto-approve']);
  expect(heal.output).toContain('Apply complete! Resources: 0 added, 2 changed, 0 destroyed.');
  expect(await github(emulator.url, '/repos/acme/website/interaction-limits')).toMatchObject({
    limit: 'contributors_only',
  });
  const bypass = (await github(
    emulator.url,
    '/repos/acme/api/interaction-limits/pulls/bypass-list',
  )) as { login: string }[];
  expect(bypass.map((u) => u.login)).toEqual(['hubot']);
  expect((await space.terraform(stackDirectory, ['plan', '-detailed-exitcode'])).code).toBe(0);

  const destroy = await space.terraform(stackDirectory, ['destroy', '-auto-approve']);
  expect(destroy.output).toContain('Destroy complete! Resources: 3 destroyed.');
  expect(destroy.code).toBe(0);
  expect(await github(emulator.url, '/repos/acme/website/interaction-limits')).toEqual({});
  expect(existsSync(statePath)).toBe(true);
  expect(
    (JSON.parse(readFileSync(statePath, 'utf8')) as { resources: unknown[] }).resources,
  ).toEqual([]);

  expect(filesContaining(space.directory, TOKEN)).toEqual([]);
  expect(space.outputs.filter((output) => output.includes(TOKEN))).toEqual([]);
}
