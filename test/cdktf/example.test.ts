import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestEmulator } from '../support/emulator';
import { startTestEmulator } from '../support/emulator';
import type { Workspace } from './e2e-support';
import { ROOT, TOKEN, filesContaining, github, workspace } from './e2e-support';

/**
 * examples/cdktf (run by cdktf.json at the repository root): synthesized as a user would with
 * `cdktf synth`, and deployed against the emulator in its emulator mode (the emulator cannot
 * create the repository that @cdktf/provider-github declares, and integrations/github cannot be
 * downloaded offline).
 */
const CDKTF = join(ROOT, 'node_modules', '.bin', 'cdktf');
const REPOSITORIES = ['website', 'api', 'docs'];

type Resources = Record<string, Record<string, Record<string, unknown>>>;

describe('examples/cdktf', () => {
  let emulator: TestEmulator;
  let space: Workspace;

  beforeEach(async () => {
    emulator = await startTestEmulator();
    space = workspace('cdktf-example-', emulator.url);
  });
  afterEach(async () => {
    rmSync(space.directory, { recursive: true, force: true });
    await emulator.close();
  });

  it('synthesizes a GitHub repository with its limit, bypass list and cap, and the array of existing repositories', async () => {
    const outdir = join(space.directory, 'out');
    const synth = await space.run(CDKTF, ['synth', '--output', outdir], ROOT, 180_000);
    expect(synth.output).toContain('Generated Terraform code for the stacks: interactions');
    const stack = JSON.parse(
      readFileSync(join(outdir, 'stacks', 'interactions', 'cdk.tf.json'), 'utf8'),
    ) as { resource: Resources; provider: Record<string, unknown[]> };

    expect(Object.keys(stack.provider).sort()).toEqual(['ghinteractions', 'github']);
    expect(Object.keys(stack.resource.github_repository)).toEqual(['service']);
    const service = '${github_repository.service.full_name}';
    expect(stack.resource.ghinteractions_limit['service-limit']).toMatchObject({
      repository: service,
      limit: 'collaborators_only',
    });
    expect(stack.resource.ghinteractions_pr_bypass_list['service-bypass']).toMatchObject({
      repository: service,
      users: ['hubot'],
    });
    expect(stack.resource.ghinteractions_pr_creation_cap['service-cap']).toMatchObject({
      repository: service,
      max_open_pull_requests: 2,
    });
    for (const name of REPOSITORIES) {
      expect(stack.resource.ghinteractions_limit[`${name}-limit`]).toMatchObject({
        repository: `acme/${name}`,
      });
      expect(stack.resource.ghinteractions_pr_bypass_list[`${name}-bypass`]).toMatchObject({
        repository: `acme/${name}`,
      });
      expect(stack.resource.ghinteractions_pr_creation_cap[`${name}-cap`]).toMatchObject({
        repository: `acme/${name}`,
      });
    }
    expect(filesContaining(outdir, TOKEN)).toEqual([]);
  }, 240_000);

  it('deploys against the emulator and is destroyed again', async () => {
    // The same program from another directory, so the state and cdktf.out stay in the workspace.
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    const example = join(ROOT, 'examples', 'cdktf');
    writeFileSync(
      join(space.directory, 'cdktf.json'),
      JSON.stringify({
        language: 'typescript',
        app: `${tsc} -p ${example} && node ${join(example, 'dist', 'main.js')}`,
        terraformProviders: [],
        terraformModules: [],
      }),
    );
    space.env.GH_INTERACTIONS_EXAMPLE_EMULATOR = '1';

    const deploy = await space.run(
      CDKTF,
      ['deploy', 'interactions', '--auto-approve', '--skip-provider-lock'],
      space.directory,
      180_000,
    );
    expect(deploy.output).toContain('Apply complete! Resources: 9 added, 0 changed, 0 destroyed.');
    expect(await github(emulator.url, '/repos/acme/website/interaction-limits')).toMatchObject({
      limit: 'contributors_only',
    });
    const bypass = (await github(
      emulator.url,
      '/repos/acme/website/interaction-limits/pulls/bypass-list',
    )) as { login: string }[];
    expect(bypass.map((user) => user.login).sort()).toEqual(['hubot', 'jdoe']);

    const destroy = await space.run(
      CDKTF,
      ['destroy', 'interactions', '--auto-approve', '--skip-provider-lock'],
      space.directory,
      180_000,
    );
    expect(destroy.output).toContain('Destroy complete! Resources: 9 destroyed.');
    expect(filesContaining(space.directory, TOKEN)).toEqual([]);
    expect(space.outputs.filter((output) => output.includes(TOKEN))).toEqual([]);
  }, 240_000);
});
